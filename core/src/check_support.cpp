#include "check_support.hpp"

#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unordered_map>

#include "embedded.hpp"
#include "seloste/errors.hpp"

namespace seloste::detail {
namespace {

using json = nlohmann::json;

severity parse_severity(const std::string& s) {
    if (s == "error") return severity::error;
    if (s == "warning") return severity::warning;
    if (s == "info") return severity::info;
    throw error("check data: unknown severity \"" + s + "\"");
}

std::string escape_regex(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (std::string_view("\\^$.|?*+()[]{}/").find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
    return out;
}

// A phrase: literal words, any whitespace between them, starting at a word start.
std::string phrase_regex(const std::string& phrase) {
    std::string out = "\\b";
    std::istringstream in(phrase);
    std::string w;
    bool first = true;
    while (in >> w) {
        if (!first) out += "\\s+";
        out += escape_regex(w);
        first = false;
    }
    return out;
}

pattern_set parse_patterns(const json& j, bool phrases = false) {
    pattern_set p;
    if (!j.is_object()) return p;
    for (auto& [key, list] : j.items()) {
        pattern_list* target = nullptr;
        if (key == "any")
            target = &p.any;
        else if (auto l = parse_lang(key))
            target = &p.by_lang[static_cast<size_t>(*l)];
        else
            throw error("check data: unknown language \"" + key + "\" in a term list");
        for (const auto& t : list)
            target->push_back(std::make_shared<const term_pattern>(phrases ? phrase_regex(t.get<std::string>())
                                                                           : t.get<std::string>()));
    }
    return p;
}

std::array<std::string, 3> per_lang(const json& j) {
    std::array<std::string, 3> out;
    for (lang l : all_langs)
        if (j.contains(lang_code(l))) out[static_cast<size_t>(l)] = j.at(std::string(lang_code(l))).get<std::string>();
    return out;
}

json parse_file(std::string_view path) {
    try {
        return json::parse(check_data_file(path));
    } catch (const json::exception& e) {
        throw error("check data: " + std::string(path) + ": " + e.what());
    }
}

check_data load() {
    check_data d;
    const json c = parse_file("core/data/checks.json");
    for (auto& [id, r] : c.at("rules").items()) {
        rule_info info;
        info.level = parse_severity(r.at("severity").get<std::string>());
        info.article = r.value("article", "");
        for (auto& [name, m] : r.at("messages").items()) {
            message_variant v;
            if (m.contains("severity")) v.level = parse_severity(m.at("severity").get<std::string>());
            if (m.contains("article")) v.article = m.at("article").get<std::string>();
            v.text = per_lang(m);
            info.variants.emplace(name, std::move(v));
        }
        d.rules.emplace(id, std::move(info));
    }
    for (auto& [name, t] : c.at("terms").items()) d.terms.emplace(name, parse_patterns(t));

    const json o = parse_file("core/data/outdated-references.json");
    for (const auto& r : o.at("references")) {
        outdated_ref ref;
        ref.id = r.at("id").get<std::string>();
        ref.rule = r.value("rule", "text.outdated-reference");
        ref.level = parse_severity(r.value("severity", "error"));
        if (r.contains("article")) ref.article = r.at("article").get<std::string>();
        ref.terms = parse_patterns(r.at("terms"), r.value("match", "regex") == "phrase");
        ref.message = per_lang(r.at("message"));
        ref.replacement = per_lang(r.at("replacement"));
        if (!d.rules.contains(ref.rule))
            throw error("check data: outdated reference " + ref.id + " names unknown rule " + ref.rule);
        d.outdated.push_back(std::move(ref));
    }

    const json s = parse_file("core/data/sector-terms.json");
    for (const auto& r : s.at("sectors")) {
        sector_rule sr;
        sr.name = per_lang(r.at("name"));
        sr.register_terms = parse_patterns(r.at("register_terms"));
        const auto& other = r.at("other");
        sr.other_name = per_lang(other.at("name"));
        sr.other_register_terms = parse_patterns(other.value("register_terms", json::object()));
        sr.foreign_terms = parse_patterns(other.at("foreign_terms"));
        d.sectors.push_back(std::move(sr));
    }
    return d;
}

std::string to_utf8(const icu::UnicodeString& s) {
    std::string out;
    s.toUTF8String(out);
    return out;
}

void replace_all(std::string& s, const std::string& from, const std::string& to) {
    size_t pos = 0;
    while ((pos = s.find(from, pos)) != std::string::npos) {
        s.replace(pos, from.size(), to);
        pos += to.size();
    }
}

std::string placeholder(const std::string& key) {
    std::string out;
    out.reserve(key.size() + 2);
    out.push_back('{');
    out.append(key);
    out.push_back('}');
    return out;
}

}  // namespace

std::string_view check_data_file(std::string_view path) {
    if (auto f = embedded_file(path)) return *f;
    throw error("check data: " + std::string(path) + " is not embedded in this build");
}

bool pattern_set::empty() const {
    if (!any.empty()) return false;
    for (const auto& v : by_lang)
        if (!v.empty()) return false;
    return true;
}

const pattern_set& check_data::term(std::string_view name) const {
    static const pattern_set none;
    auto it = terms.find(name);
    return it == terms.end() ? none : it->second;
}

const check_data& checks() {
    static const check_data data = load();
    return data;
}

namespace {

// Skips a group or a set that opens at re[i]; returns the index of its closing
// character, or npos when it does not close.
size_t skip_bracketed(std::string_view re, size_t i) {
    const char open = re[i], close = open == '(' ? ')' : ']';
    int depth = 1;
    size_t j = i + 1;
    if (open == '[') {
        if (j < re.size() && re[j] == '^') ++j;
        if (j < re.size() && re[j] == ']') ++j;  // a leading ']' is literal
    }
    for (; j < re.size(); ++j) {
        const char c = re[j];
        if (c == '\\') {
            ++j;
        } else if (open == '(' && c == '[') {
            j = skip_bracketed(re, j);
            if (j == std::string_view::npos) return j;
        } else if (c == open) {
            ++depth;
        } else if (c == close && --depth == 0) {
            return j;
        }
    }
    return std::string_view::npos;
}

}  // namespace

namespace {

// The literal runs that every match of `re` holds, one requirement each; a group
// that is not optional adds one requirement when every branch has a literal.
// nullopt: `re` is beyond this reading.
std::optional<std::vector<term_pattern::requirement>> read_literals(std::string_view re) {
    std::vector<term_pattern::requirement> out;
    std::string cur;
    auto flush = [&] {
        if (!cur.empty()) out.push_back({std::move(cur)});
        cur.clear();
    };
    auto drop_last = [&] {  // the last character (UTF-8) is optional after all
        while (!cur.empty() && (static_cast<unsigned char>(cur.back()) & 0xC0) == 0x80) cur.pop_back();
        if (!cur.empty()) cur.pop_back();
    };
    auto optional_follows = [&](size_t j) {  // a quantifier that allows zero
        return j < re.size() && (re[j] == '?' || re[j] == '*' || re[j] == '{');
    };
    for (size_t i = 0; i < re.size(); ++i) {
        const char c = re[i];
        switch (c) {
            case '\\': {
                if (i + 1 >= re.size()) return std::nullopt;
                const char n = re[++i];
                if (std::string_view("bBsSwWdDhHvVRXAzZG").find(n) != std::string_view::npos)
                    flush();  // a class or an assertion
                else if (static_cast<unsigned char>(n) < 0x80 && std::ispunct(static_cast<unsigned char>(n)))
                    cur += n;  // an escaped literal
                else
                    return std::nullopt;  // back references, \Q, \x, \p{...}: not read here
                break;
            }
            case '(': {
                size_t body = i + 1;
                if (body < re.size() && re[body] == '?') {
                    if (body + 1 < re.size() && re[body + 1] == ':')
                        body += 2;
                    else if (body + 1 < re.size() &&
                             std::string_view("=!<").find(re[body + 1]) != std::string_view::npos)
                        body = std::string_view::npos;  // a look-around or a named group: skipped
                    else
                        return std::nullopt;  // inline flags change what follows
                }
                flush();
                const size_t close = skip_bracketed(re, i);
                if (close == std::string_view::npos) return std::nullopt;
                if (body != std::string_view::npos && !optional_follows(close + 1)) {
                    // Split the body at its top-level bars; each branch must hold a literal.
                    term_pattern::requirement any;
                    size_t start = body;
                    bool ok = true;
                    for (size_t j = body; j <= close && ok; ++j) {
                        if (j < close && re[j] == '\\') {
                            ++j;
                        } else if (j < close && (re[j] == '(' || re[j] == '[')) {
                            j = skip_bracketed(re, j);
                            if (j == std::string_view::npos || j >= close) ok = false;
                        } else if (j == close || re[j] == '|') {
                            const auto branch = read_literals(re.substr(start, j - start));
                            if (!branch || branch->empty()) {
                                ok = false;
                                break;
                            }
                            // The branch's longest single literal stands for it.
                            const std::string* best = nullptr;
                            for (const auto& r : *branch)
                                if (r.size() == 1 && (!best || r[0].size() > best->size())) best = &r[0];
                            if (!best) {
                                ok = false;
                                break;
                            }
                            any.push_back(*best);
                            start = j + 1;
                        }
                    }
                    if (ok && !any.empty()) out.push_back(std::move(any));
                }
                i = close;
                break;
            }
            case '[':
                flush();
                i = skip_bracketed(re, i);
                if (i == std::string_view::npos) return std::nullopt;
                break;
            case '|':
            case ')': return std::nullopt;
            case '.':
            case '^':
            case '$':
            case '+': flush(); break;
            case '?':
            case '*':
                drop_last();
                flush();
                break;
            case '{':
                drop_last();
                flush();
                i = re.find('}', i);
                if (i == std::string_view::npos) return std::nullopt;
                break;
            default: cur += c;
        }
    }
    flush();
    return out;
}

std::string fold_utf8(const icu::UnicodeString& u) {
    icu::UnicodeString f = u;
    f.foldCase();
    return to_utf8(f);
}

}  // namespace

std::vector<term_pattern::requirement> required_literals(std::string_view re) {
    auto r = read_literals(re);
    return r ? std::move(*r) : std::vector<term_pattern::requirement>{};
}

term_pattern::term_pattern(std::string source) : source_(std::move(source)) {
    for (auto& req : required_literals(source_)) {
        requirement folded;
        for (const auto& alt : req) folded.push_back(fold_utf8(icu::UnicodeString::fromUTF8(alt)));
        if (std::none_of(folded.begin(), folded.end(), [](const std::string& f) { return f.empty(); }))
            required_.push_back(std::move(folded));
    }
}

const icu::RegexPattern& term_pattern::regex() const {
    std::call_once(once_, [this] {
        UErrorCode status = U_ZERO_ERROR;
        UParseError pe;
        re_.reset(
            icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(source_), UREGEX_CASE_INSENSITIVE, pe, status));
        if (U_FAILURE(status) || !re_) {
            re_.reset();
            compile_error_ = "check data: bad regular expression \"" + source_ + "\": " + u_errorName(status);
        }
    });
    if (!re_) throw error(compile_error_);
    return *re_;
}

std::vector<term_match> find_terms(const pattern_set& p, std::optional<lang> l, const std::string& s) {
    std::vector<term_match> out;
    if (s.empty()) return out;
    // The checks look for many pattern sets in the same text in turn: convert and
    // case-fold it once.
    struct text_cache {
        std::string utf8;
        icu::UnicodeString u;
        std::string folded;  // case-folded UTF-8
        bool has_folded = false;
    };
    thread_local text_cache tc;
    if (tc.utf8 != s) {
        tc.utf8 = s;
        tc.u = icu::UnicodeString::fromUTF8(s);
        tc.has_folded = false;
    }
    const icu::UnicodeString& u = tc.u;
    std::map<size_t, size_t> kept;  // start byte -> end byte of every match in `out`
    auto run = [&](const pattern_list& list) {
        for (const auto& tp : list) {
            if (!tp->required().empty()) {
                if (!tc.has_folded) {
                    tc.folded = fold_utf8(u);
                    tc.has_folded = true;
                }
                const auto holds = [](const term_pattern::requirement& any) {
                    return std::any_of(any.begin(), any.end(),
                                       [](const std::string& lit) { return tc.folded.find(lit) != std::string::npos; });
                };
                if (!std::all_of(tp->required().begin(), tp->required().end(), holds))
                    continue;  // cannot match: no need to run (or even compile) the expression
            }
            const icu::RegexPattern& re = tp->regex();
            UErrorCode status = U_ZERO_ERROR;
            // A matcher per pattern and thread, reset for each text: creating one per
            // text cost more than the matching itself.
            thread_local std::unordered_map<const icu::RegexPattern*, std::unique_ptr<icu::RegexMatcher>> matchers;
            auto& m = matchers[&re];
            if (!m) m.reset(re.matcher(status));
            if (U_FAILURE(status) || !m) continue;
            m->reset(u);
            // Matches come in order: offsets are counted on from the previous one.
            int32_t counted_to = 0;
            size_t cps = 0, bytes = 0;
            while (m->find(status) && U_SUCCESS(status)) {
                const int32_t b = m->start(status), e = m->end(status);
                if (e <= b) continue;
                for (; counted_to < b; ++cps) {
                    const UChar32 c = u.char32At(counted_to);
                    bytes += U8_LENGTH(c);
                    counted_to += U16_LENGTH(c);
                }
                term_match tm;
                tm.text = to_utf8(u.tempSubString(b, e - b));
                tm.start_cp = cps;
                tm.start_byte = bytes;
                // Skip a match that overlaps an earlier one (several patterns can find the same words).
                // The kept matches do not overlap: only the last one starting before this one's end can.
                const size_t end_byte = tm.start_byte + tm.text.size();
                auto after = kept.lower_bound(end_byte);
                if (after != kept.begin() && std::prev(after)->second > tm.start_byte) continue;
                kept.emplace(tm.start_byte, end_byte);
                out.push_back(std::move(tm));
            }
        }
    };
    if (l) {
        run(p.by_lang[static_cast<size_t>(*l)]);
    } else {
        for (const auto& v : p.by_lang) run(v);
    }
    run(p.any);
    std::sort(out.begin(), out.end(),
              [](const term_match& a, const term_match& b) { return a.start_byte < b.start_byte; });
    if (out.size() > max_term_matches) out.resize(max_term_matches);
    return out;
}

finding make_finding(std::string_view rule, std::string_view variant, const source_location& where,
                     const std::string& register_id, const params& p) {
    const auto& data = checks();
    auto r = data.rules.find(rule);
    if (r == data.rules.end()) throw error("check data: no rule " + std::string(rule));
    auto v = r->second.variants.find(variant);
    if (v == r->second.variants.end())
        throw error("check data: rule " + std::string(rule) + " has no message " + std::string(variant));
    finding f;
    f.rule = std::string(rule);
    f.level = v->second.level.value_or(r->second.level);
    f.article = v->second.article.value_or(r->second.article);
    f.where = where;
    f.register_id = register_id;
    f.kind = std::string(variant);
    for (lang l : all_langs) {
        std::string msg = v->second.text[static_cast<size_t>(l)];
        if (msg.empty()) msg = v->second.text[static_cast<size_t>(lang::en)];
        const std::string code(lang_code(l));
        // Language-specific values first, so "{x}" does not swallow "{x.fi}".
        for (const auto& [k, val] : p) {
            const auto dot = k.rfind('.');
            if (dot != std::string::npos && k.substr(dot + 1) == code)
                replace_all(msg, placeholder(k.substr(0, dot)), val);
        }
        for (const auto& [k, val] : p)
            if (k.find('.') == std::string::npos) replace_all(msg, placeholder(k), val);
        switch (l) {
            case lang::fi: f.message_fi = std::move(msg); break;
            case lang::sv: f.message_sv = std::move(msg); break;
            case lang::en: f.message_en = std::move(msg); break;
        }
    }
    return f;
}

}  // namespace seloste::detail
