// Rule i18n.translation-mismatch (docs/checks.md, "Language versions"): the language versions
// of one text must say the same. Each language checked is compared with the reference language
// (the first of fi, sv, en the text has): the same values (check_translation_values.cpp), the
// same paragraphs and list items, and no known mistranslation (core/data/translation-pairs.json).
#include "check_translation.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "check_impl.hpp"
#include "seloste/errors.hpp"

namespace seloste::detail {
namespace {

using json = nlohmann::json;
constexpr const char* rule = "i18n.translation-mismatch";
constexpr std::string_view data_path = "core/data/translation-pairs.json";
// At most this many value findings for one language version of a text.
constexpr size_t max_value_findings = 5;

struct mistranslation {
    std::string id;
    lang a = lang::fi, b = lang::en;
    pattern_set a_terms, a_except, wrong, right;
    std::string replacement;
    std::array<std::string, 3> note;
};

struct pairs_data {
    std::vector<mistranslation> pairs;
    // names[form][message language][language]: "lang", "lang_ine", "lang_ela"
    std::map<std::string, std::array<std::array<std::string, 3>, 3>> names;
    std::map<std::string, std::array<std::string, 3>> what;  // kind name -> per message language
};

pattern_set patterns(lang l, const json& list) {
    pattern_set p;
    for (const auto& re : list)
        p.by_lang[static_cast<size_t>(l)].push_back(std::make_shared<const term_pattern>(re.get<std::string>()));
    return p;
}

lang lang_of(const json& j, const std::string& id) {
    const auto l = parse_lang(j.get<std::string>());
    if (!l) throw error("check data: " + std::string(data_path) + ": pair " + id + ": unknown language");
    return *l;
}

pairs_data load() {
    pairs_data d;
    try {
        const json j = json::parse(check_data_file(data_path));
        for (const auto& e : j.at("pairs")) {
            mistranslation m;
            m.id = e.at("id").get<std::string>();
            m.a = lang_of(e.at("a").at("lang"), m.id);
            m.b = lang_of(e.at("b").at("lang"), m.id);
            m.a_terms = patterns(m.a, e.at("a").at("terms"));
            m.a_except = patterns(m.a, e.at("a").value("except", json::array()));
            m.wrong = patterns(m.b, e.at("b").at("wrong"));
            m.right = patterns(m.b, e.at("b").at("right"));
            m.replacement = e.at("b").at("replacement").get<std::string>();
            for (lang l : all_langs) m.note[static_cast<size_t>(l)] = e.at("note").at(std::string(lang_code(l)));
            d.pairs.push_back(std::move(m));
        }
        for (auto& [form, by_msg] : j.at("names").items()) {
            if (form == "what") continue;
            auto& out = d.names[form];
            for (auto& [ml, by_lang] : by_msg.items()) {
                const auto m = parse_lang(ml);
                if (!m) continue;
                for (lang l : all_langs)
                    out[static_cast<size_t>(*m)][static_cast<size_t>(l)] = by_lang.at(std::string(lang_code(l)));
            }
        }
        for (auto& [k, by_msg] : j.at("names").at("what").items())
            for (lang l : all_langs) d.what[k][static_cast<size_t>(l)] = by_msg.at(std::string(lang_code(l)));
    } catch (const json::exception& e) {
        throw error("check data: " + std::string(data_path) + ": " + e.what());
    }
    return d;
}

const pairs_data& data() {
    static const pairs_data d = load();
    return d;
}

// "lang" and "ref_lang" (and their other forms) for every message language.
void name_langs(params& p, lang ref, lang other) {
    for (const auto& [form, by_msg] : data().names)
        for (lang ml : all_langs) {
            const auto& names = by_msg[static_cast<size_t>(ml)];
            if (names[0].empty()) continue;
            const std::string suffix = form.substr(4) + "." + std::string(lang_code(ml));  // "_ine.fi"
            p["ref_lang" + suffix] = names[static_cast<size_t>(ref)];
            p["lang" + suffix] = names[static_cast<size_t>(other)];
        }
}

void name_what(params& p, translation::kind k) {
    const auto& w = data().what.at(translation::kind_names[static_cast<size_t>(k)]);
    for (lang ml : all_langs) p["what." + std::string(lang_code(ml))] = w[static_cast<size_t>(ml)];
}

// Whether `v` is in the other language, whose values of v's kind have `keys`; `loose` are the keys
// that also count: for a duration the other's numbers when it has no duration ("under 15 år" =
// "under 15"), for a number the amounts of the other's durations.
bool found_in(const translation::value& v, const std::set<std::string>& keys, const std::set<std::string>& loose) {
    if (v.weak || keys.contains(v.key)) return true;
    if (v.k == translation::kind::duration) return loose.contains(v.amount);
    if (loose.contains(v.key)) return true;
    if (v.parts.empty()) return false;
    return std::all_of(v.parts.begin(), v.parts.end(), [&](const std::string& p) { return keys.contains(p); });
}

// The keys of values of kind k, with the parts of numbers.
std::set<std::string> keys_of(const std::vector<translation::value>& vs, translation::kind k) {
    std::set<std::string> out;
    for (const auto& v : vs)
        if (v.k == k) {
            out.insert(v.key);
            out.insert(v.parts.begin(), v.parts.end());
        }
    return out;
}

// The keys that count for kind k beside its own (found_in).
std::set<std::string> loose_keys(const std::vector<translation::value>& vs, translation::kind k) {
    using translation::kind;
    // A text that writes durations is held to them; one that writes none may give the number alone.
    if (k == kind::duration)
        return std::any_of(vs.begin(), vs.end(), [](const translation::value& v) { return v.k == kind::duration; })
                   ? std::set<std::string>{}
                   : keys_of(vs, kind::number);
    std::set<std::string> out;
    if (k == kind::number)
        for (const auto& v : vs)
            if (v.k == kind::duration) out.insert(v.amount);
    return out;
}

std::string lower_ascii(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

// A web address that the other text writes as its bare domain ("esimerkki.fi" for
// "https://www.esimerkki.fi/"): the same address, though no URL is read there.
bool bare_domain_in(const translation::value& v, const std::string& other_folded) {
    if (v.k != translation::kind::url || v.key.find('.') == std::string::npos) return false;
    const auto word = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '@' ||
               (static_cast<unsigned char>(c) & 0x80);
    };
    for (size_t at = other_folded.find(v.key); at != std::string::npos; at = other_folded.find(v.key, at + 1)) {
        const size_t end = at + v.key.size();
        const bool starts = at == 0 || !word(other_folded[at - 1]);
        // A sentence may end right after the domain: "…esimerkki.fi."
        const bool ends =
            end == other_folded.size() || !word(other_folded[end]) ||
            (other_folded[end] == '.' && (end + 1 == other_folded.size() || !word(other_folded[end + 1])));
        if (starts && ends) return true;
    }
    return false;
}

// Where the text of `v` begins: its first word.
term_match first_word(const text_value& v) {
    const std::string& s = *v.s;
    return term_match{s.substr(0, std::min(s.find_first_of(" \n"), s.size())), 0, 0};
}

}  // namespace

void checker::translation_mismatch(const text_ref& tr, const std::string& reg) {
    if (!wanted(rule)) return;
    const text& t = *tr.t;
    std::vector<text_value> vs;  // the languages checked that the text has, in fi, sv, en order
    for (lang l : all_langs)
        if (std::find(opts_.langs.begin(), opts_.langs.end(), l) != opts_.langs.end())
            if (const auto& s = t.by_lang[static_cast<size_t>(l)]; s && !s->empty()) vs.push_back({l, &*s});
    if (vs.size() < 2) return;
    const text_value& ref = vs.front();
    const lang rl = *ref.l;
    const auto ref_values = translation::read_values(*ref.s, rl);
    const auto ref_shape = translation::shape_of(*ref.s);
    const std::string ref_folded = lower_ascii(*ref.s);
    for (size_t i = 1; i < vs.size(); ++i) {
        const text_value& o = vs[i];
        const lang ol = *o.l;
        // Values: per kind, those of the reference missing here, paired with those here missing there.
        const auto o_values = translation::read_values(*o.s, ol);
        const std::string o_folded = lower_ascii(*o.s);
        size_t n = 0;
        for (size_t k = 0; k < translation::kind_names.size() && n < max_value_findings; ++k) {
            const auto kind = static_cast<translation::kind>(k);
            const auto ref_keys = keys_of(ref_values, kind), o_keys = keys_of(o_values, kind);
            const auto ref_loose = loose_keys(ref_values, kind), o_loose = loose_keys(o_values, kind);
            std::vector<const translation::value*> missing, extra;
            std::set<std::string> seen;
            for (const auto& v : ref_values)
                if (v.k == kind && !found_in(v, o_keys, o_loose) && !bare_domain_in(v, o_folded) &&
                    seen.insert(v.key).second)
                    missing.push_back(&v);
            seen.clear();
            for (const auto& v : o_values)
                if (v.k == kind && !found_in(v, ref_keys, ref_loose) && !bare_domain_in(v, ref_folded) &&
                    seen.insert(v.key).second)
                    extra.push_back(&v);
            for (size_t j = 0; j < std::max(missing.size(), extra.size()) && n < max_value_findings; ++j, ++n) {
                params p{{"field", tr.field}};
                name_langs(p, rl, ol);
                name_what(p, kind);
                std::string variant;
                source_location at;
                if (j < missing.size()) p["ref_value"] = missing[j]->shown;
                if (j < extra.size()) {
                    p["value"] = extra[j]->shown;
                    at = where_in(t, o, term_match{extra[j]->shown, 0, extra[j]->start_byte});
                } else {
                    at = where_in(t, o, first_word(o));
                }
                variant = j < missing.size() && j < extra.size() ? "value"
                          : j < missing.size()                   ? "value-missing"
                                                                 : "value-extra";
                emit(make_finding(rule, variant, at, reg, p));
            }
        }
        // Paragraphs, then list items.
        const auto o_shape = translation::shape_of(*o.s);
        const bool paras = o_shape.paragraphs != ref_shape.paragraphs;
        if (paras || o_shape.list_items != ref_shape.list_items) {
            params p{{"field", tr.field}};
            name_langs(p, rl, ol);
            p["ref_count"] = std::to_string(paras ? ref_shape.paragraphs : ref_shape.list_items);
            p["count"] = std::to_string(paras ? o_shape.paragraphs : o_shape.list_items);
            emit(make_finding(rule, paras ? "paragraphs" : "list-items", where_in(t, o, first_word(o)), reg, p));
        }
    }
    // Known mistranslations, between any two languages checked; one finding for one wrong rendering.
    std::set<std::pair<lang, size_t>> flagged;
    for (const auto& m : data().pairs) {
        const auto a = std::find_if(vs.begin(), vs.end(), [&](const text_value& v) { return *v.l == m.a; });
        const auto b = std::find_if(vs.begin(), vs.end(), [&](const text_value& v) { return *v.l == m.b; });
        if (a == vs.end() || b == vs.end()) continue;
        const auto am = find_terms(m.a_terms, m.a, *a->s);
        if (am.empty() || !find_terms(m.a_except, m.a, *a->s).empty()) continue;
        const auto wrong = find_terms(m.wrong, m.b, *b->s);
        if (wrong.empty() || !find_terms(m.right, m.b, *b->s).empty()) continue;
        if (!flagged.insert({m.b, wrong.front().start_byte}).second) continue;
        params p{
            {"field", tr.field}, {"a_term", am.front().text}, {"b_term", wrong.front().text}, {"right", m.replacement}};
        name_langs(p, m.a, m.b);
        for (const auto& [k, v] : params(p))
            if (k.starts_with("ref_lang"))
                p["a_lang" + k.substr(8)] = v;
            else if (k.starts_with("lang"))
                p["b_lang" + k.substr(4)] = v;
        for (lang l : all_langs) p["note." + std::string(lang_code(l))] = m.note[static_cast<size_t>(l)];
        emit(make_finding(rule, "pair", where_in(t, *b, wrong.front()), reg, p));
    }
}

}  // namespace seloste::detail
