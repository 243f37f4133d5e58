// The checks of free text (docs/checks.md, "Free text"): outdated references, broken web
// addresses, invisible characters, spelling, missing translations and wrong-sector wording.
#include <algorithm>
#include <cstring>
#include <set>

#include "check_impl.hpp"
#include "source_scan.hpp"
#include "spell.hpp"

namespace seloste::detail {

namespace {

// The language whose terms of `p` match `term`, when exactly one does; empty for a term of
// every language ("523/1999") or of several.
std::optional<lang> language_of(const pattern_set& p, const std::string& term) {
    std::optional<lang> found;
    for (lang l : all_langs) {
        pattern_set only;
        only.by_lang[static_cast<size_t>(l)] = p.by_lang[static_cast<size_t>(l)];
        if (find_terms(only, l, term).empty()) continue;
        if (found) return std::nullopt;
        found = l;
    }
    return found;
}

}  // namespace

void checker::invisible_characters(const text_ref& tr, const std::string& reg) {
    for (const auto& v : values(*tr.t)) {
        const auto found = reading::find_invisible(*v.s);
        if (!found) continue;
        size_t len = 1;
        while (found->offset + len < v.s->size() &&
               (static_cast<unsigned char>((*v.s)[found->offset + len]) & 0xC0) == 0x80)
            ++len;
        const std::string ch = v.s->substr(found->offset, len);
        const source_location at =
            detail::locate_in_text(tr.t->where, v.l, ch, detail::occurrences_before(*v.s, ch, found->offset));
        emit(make_finding("text.invisible-character", "text", at, reg,
                          {{"field", tr.field}, {"value", reading::describe_char(found->c)}}));
    }
}

void checker::text_checks(const text_ref& tr, const std::string& reg, bool spell) {
    const text& t = *tr.t;
    const auto& data = detail::checks();
    for (const auto& v : values(t)) {
        // Outdated references (core/data/outdated-references.json).
        for (const auto& ref : data.outdated) {
            if (!wanted(ref.level)) continue;
            const auto ms = detail::find_terms(ref.terms, v.l, *v.s);
            if (ms.empty()) continue;
            const auto& m = ms.front();
            params p{{"field", tr.field}, {"term", m.text}};
            // The replacement is in the language of the text it replaces, in every message; a message
            // in another language adds the replacement in its own language as an explanation.
            const std::optional<lang> text_lang = v.l ? v.l : language_of(ref.terms, m.text);
            const auto replacement = [&](lang l) {
                std::string rep = ref.replacement[static_cast<size_t>(l)];
                while (!rep.empty() && rep.back() == '.') rep.pop_back();  // the message ends the sentence
                return rep;
            };
            for (lang l : all_langs) {
                const std::string code(lang_code(l));
                p["message." + code] = ref.message[static_cast<size_t>(l)];
                const lang r = text_lang.value_or(l);
                std::string rep = replacement(r);
                if (r != l && !replacement(l).empty()) {
                    const finding g =
                        make_finding("text.outdated-reference", "gloss", {}, reg, {{"value", replacement(l)}});
                    rep += l == lang::fi ? g.message_fi : l == lang::sv ? g.message_sv : g.message_en;
                }
                p["replacement." + code] = rep;
            }
            finding f = make_finding(ref.rule, "text", where_in(t, v, m), reg, p);
            f.level = ref.level;
            if (ref.article) f.article = *ref.article;
            emit(std::move(f));
        }
        // A web address broken by a space ("https:// www.example.com").
        static const detail::pattern_set broken = [] {
            detail::pattern_set s;
            s.any.push_back(std::make_shared<const detail::term_pattern>("\\bhttps?://\\s+[^\\s]+"));
            return s;
        }();
        for (const auto& m : detail::find_terms(broken, v.l, *v.s)) {
            std::string fixed = m.text;
            fixed.erase(std::remove_if(fixed.begin(), fixed.end(), [](unsigned char c) { return c <= 0x20; }),
                        fixed.end());
            emit(make_finding("fact.url", "broken-in-text", where_in(t, v, m), reg,
                              {{"field", tr.field}, {"value", m.text}, {"expected", fixed}}));
        }
    }
    for (const auto& v : values(t)) {
        static const detail::pattern_set urls = [] {
            detail::pattern_set s;
            s.any.push_back(std::make_shared<const detail::term_pattern>("\\bhttps?://[^\\s<>\"]+"));
            return s;
        }();
        for (const auto& m : detail::find_terms(urls, v.l, *v.s)) {
            static const char* const bad[] = {"\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2015",
                                              "\u2212", "\u201c", "\u201d", "\u2018", "\u2019", "\u00a0"};
            std::string fixed = m.text;
            bool broken = false;
            for (const char* b : bad) {
                size_t pos;
                while ((pos = fixed.find(b)) != std::string::npos) {
                    fixed.replace(pos, std::strlen(b), "-");
                    broken = true;
                }
            }
            if (broken)
                emit(make_finding("fact.url", "bad-char-in-text", where_in(t, v, m), reg,
                                  {{"field", tr.field}, {"value", m.text}, {"expected", fixed}}));
        }
    }
    if (wanted("text.invisible-character")) invisible_characters(tr, reg);
    if (wanted("fact.email")) disguised_emails(tr, reg);
    outdated_terms(tr, reg);
    translation_mismatch(tr, reg);
    if (spell && opts_.spelling && wanted("text.spelling")) spelling(tr, reg);
    for (lang l : opts_.langs)
        if (!t.has(l))
            emit(make_finding("i18n.missing-translation", "missing", t.where, reg,
                              {{"field", tr.field}, {"lang", std::string(lang_code(l))}}));
}

void checker::spelling(const text_ref& tr, const std::string& reg) {
    const text& t = *tr.t;
    for (size_t k = 0; k < opts_.langs.size(); ++k) {
        const lang l = opts_.langs[k];
        const auto& by = t.by_lang[static_cast<size_t>(l)];
        text_value v{std::nullopt, nullptr};
        if (by && !by->empty())
            v = {l, &*by};
        else if (!t.neutral.empty() && k == 0)
            v = {std::nullopt, &t.neutral};  // neutral text: spelt once, in the first language
        else
            continue;
        const dictionary d = l == lang::en ? english_dictionary() : default_dictionary(l);
        for (const auto& m : detail::misspellings(d, *v.s, accepted_[static_cast<size_t>(l)])) {
            detail::term_match tm{m.word, 0, m.start_byte};
            std::string sugg;
            for (const auto& s : m.suggestions) sugg += (sugg.empty() ? "" : ", ") + s;
            params p{{"field", tr.field},
                     {"word", m.word},
                     {"lang", std::string(lang_code(l))},
                     {"dictionary", dictionary_name(d)}};
            if (!sugg.empty()) {
                const finding sf = make_finding("text.spelling", "suggestions", {}, reg, {{"value", sugg}});
                p["suggestions.fi"] = sf.message_fi;
                p["suggestions.sv"] = sf.message_sv;
                p["suggestions.en"] = sf.message_en;
            } else {
                p["suggestions"] = "";
            }
            emit(make_finding("text.spelling", "word", where_in(t, v, tm), reg, p));
        }
    }
}

void checker::wrong_sector(const register_& r, const std::vector<text_ref>& texts) {
    if (!wanted("text.wrong-sector")) return;
    const auto& data = detail::checks();
    auto mentions = [](const detail::pattern_set& p, const text& t) {
        for (const auto& v : values(t))
            if (!detail::find_terms(p, v.l, *v.s).empty()) return true;
        return false;
    };
    for (const auto& s : data.sectors) {
        // The name decides; the description only when the name says nothing of either sector.
        bool is_sector = mentions(s.register_terms, r.name);
        bool is_other = mentions(s.other_register_terms, r.name);
        if (!is_sector && !is_other) {
            is_sector = mentions(s.register_terms, r.description);
            is_other = mentions(s.other_register_terms, r.description);
        }
        if (!is_sector || is_other) continue;
        for (const auto& tr : texts) {
            if (tr.t == &r.name) continue;
            std::set<std::string> seen;
            for (const auto& v : values(*tr.t)) {
                for (const auto& m : detail::find_terms(s.foreign_terms, v.l, *v.s)) {
                    if (!seen.insert(m.text).second) continue;
                    params p{{"field", tr.field}, {"term", m.text}};
                    for (lang l : all_langs) {
                        p["value." + std::string(lang_code(l))] = s.name[static_cast<size_t>(l)];
                        p["expected." + std::string(lang_code(l))] = s.other_name[static_cast<size_t>(l)];
                    }
                    emit(make_finding("text.wrong-sector", "text", where_in(*tr.t, v, m), r.id, p));
                }
            }
        }
    }
}

}  // namespace seloste::detail
