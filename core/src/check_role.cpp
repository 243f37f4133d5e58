// Rule text.controller-role (docs/checks.md, "Free text"): the controller in the singular
// where a register has several controllers (kind singular), and controllers called by a
// wrong relation: joint ones separate, separate ones joint, a controller a processor (kind
// wrong-relation). The patterns, their exceptions and the fixes are data:
// core/data/role-patterns.json; the messages are in core/data/checks.json.
#include <algorithm>
#include <nlohmann/json.hpp>
#include <utility>

#include "check_impl.hpp"
#include "seloste/errors.hpp"

namespace seloste::detail {
namespace {

using json = nlohmann::json;
constexpr std::string_view data_path = "core/data/role-patterns.json";
constexpr std::string_view rule_id = "text.controller-role";
constexpr std::string_view controller_slot = "{controller}";

using per_lang_text = std::array<std::string, 3>;

// Raw expressions per language; index 3 is "any".
using raw_patterns = std::array<std::vector<std::string>, 4>;

struct singular_case {
    std::string id;
    std::vector<std::string> relations;
    std::string article;
    pattern_set context;  // empty: every sentence
    per_lang_text why;
};

struct relation_entry {
    std::string id;
    std::vector<std::string> relations;
    std::string article;
    raw_patterns patterns;  // may hold {controller}
    bool named = false;     // some pattern holds {controller}
    pattern_set fixed;      // the patterns, when none holds {controller}
    pattern_set exceptions;
    per_lang_text problem, fix;
};

struct role_data {
    std::vector<singular_case> cases;
    pattern_set singular, singular_exceptions;
    per_lang_text singular_fix;
    std::vector<relation_entry> relations;
};

raw_patterns read_raw(const json& j) {
    raw_patterns out;
    for (auto& [key, list] : j.items()) {
        size_t slot = 3;
        if (key != "any") {
            const auto l = parse_lang(key);
            if (!l) throw error("check data: " + std::string(data_path) + ": unknown language \"" + key + "\"");
            slot = static_cast<size_t>(*l);
        }
        for (const auto& t : list) out[slot].push_back(t.get<std::string>());
    }
    return out;
}

// The patterns with {controller} replaced by `names` (an expression).
pattern_set compile(const raw_patterns& raw, const std::string& names = "") {
    pattern_set p;
    for (size_t slot = 0; slot < raw.size(); ++slot)
        for (std::string re : raw[slot]) {
            for (size_t at; (at = re.find(controller_slot)) != std::string::npos;)
                re.replace(at, controller_slot.size(), names);
            (slot == 3 ? p.any : p.by_lang[slot]).push_back(std::make_shared<const term_pattern>(std::move(re)));
        }
    return p;
}

per_lang_text read_text(const json& j) {
    per_lang_text out;
    for (lang l : all_langs) out[static_cast<size_t>(l)] = j.at(std::string(lang_code(l))).get<std::string>();
    return out;
}

role_data load() {
    role_data d;
    try {
        const json j = json::parse(check_data_file(data_path));
        const json& s = j.at("singular");
        for (const auto& c : s.at("cases")) {
            singular_case sc;
            sc.id = c.at("id").get<std::string>();
            sc.relations = c.at("relations").get<std::vector<std::string>>();
            sc.article = c.at("article").get<std::string>();
            if (c.contains("context")) sc.context = compile(read_raw(c.at("context")));
            sc.why = read_text(c.at("why"));
            d.cases.push_back(std::move(sc));
        }
        d.singular = compile(read_raw(s.at("patterns")));
        d.singular_exceptions = compile(read_raw(s.at("exceptions")));
        d.singular_fix = read_text(s.at("fix"));
        for (const auto& e : j.at("relations")) {
            relation_entry r;
            r.id = e.at("id").get<std::string>();
            r.relations = e.at("relations").get<std::vector<std::string>>();
            r.article = e.at("article").get<std::string>();
            r.patterns = read_raw(e.at("patterns"));
            for (const auto& list : r.patterns)
                for (const auto& re : list) r.named = r.named || re.find(controller_slot) != std::string::npos;
            if (!r.named) r.fixed = compile(r.patterns);
            r.exceptions = compile(read_raw(e.at("exceptions")));
            r.problem = read_text(e.at("problem"));
            r.fix = read_text(e.at("fix"));
            d.relations.push_back(std::move(r));
        }
    } catch (const json::exception& e) {
        throw error("check data: " + std::string(data_path) + ": " + e.what());
    }
    return d;
}

const role_data& data() {
    static const role_data d = load();
    return d;
}

bool applies(const std::vector<std::string>& relations, const std::string& code) {
    return std::find(relations.begin(), relations.end(), code) != relations.end() ||
           std::find(relations.begin(), relations.end(), "any") != relations.end();
}

// The matches of `p` in `s` that no match of `except` overlaps.
std::vector<term_match> find_unexcepted(const pattern_set& p, const pattern_set& except, std::optional<lang> l,
                                        const std::string& s) {
    auto ms = find_terms(p, l, s);
    if (ms.empty() || except.empty()) return ms;
    const auto xs = find_terms(except, l, s);
    std::erase_if(ms, [&](const term_match& m) {
        return std::any_of(xs.begin(), xs.end(), [&](const term_match& x) {
            return x.start_byte < m.start_byte + m.text.size() && m.start_byte < x.start_byte + x.text.size();
        });
    });
    return ms;
}

// The sentence of `s` around bytes [b, e): from after the previous full stop to the next.
std::string sentence_around(const std::string& s, size_t b, size_t e) {
    auto stop = [&](size_t i) {
        return (s[i] == '.' || s[i] == '!' || s[i] == '?') &&
               (i + 1 == s.size() || s[i + 1] == ' ' || s[i + 1] == '\n');
    };
    size_t from = b;
    while (from > 0 && !stop(from - 1)) --from;
    size_t to = e;
    while (to < s.size() && !stop(to)) ++to;
    return s.substr(from, to - from);
}

// Every controller's name as an ICU expression: literal words, any white space between.
std::string names_expression(const source_doc& doc, const register_& r) {
    std::vector<std::string> names;
    for (const auto& c : r.controllers)
        if (const organisation* o = doc.find_organisation(c.id))
            for (const auto& v : values(o->name)) {
                std::string re;
                bool space = false;
                for (char ch : *v.s) {
                    if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
                        space = true;
                        continue;
                    }
                    if (space && !re.empty()) re += "\\s+";
                    space = false;
                    if (std::string_view("\\^$.|?*+()[]{}/-").find(ch) != std::string_view::npos) re += '\\';
                    re += ch;
                }
                if (!re.empty() && std::find(names.begin(), names.end(), re) == names.end()) names.push_back(re);
            }
    if (names.empty()) return {};
    std::string out = "\\b(?:";
    for (size_t i = 0; i < names.size(); ++i) out += (i ? "|" : "") + names[i];
    return out + ")";
}

struct candidate {
    term_match m;
    std::string kind;
    std::string article;
    params p;
};

}  // namespace

void checker::controller_role(const register_& r, const std::vector<text_ref>& texts) {
    if (!wanted(rule_id)) return;
    const auto& d = data();
    const std::string code = r.relation ? std::string(controllership_code(*r.relation)) : "unstated";
    std::vector<const singular_case*> cases;
    if (r.controllers.size() > 1)
        for (const auto& c : d.cases)
            if (applies(c.relations, code)) cases.push_back(&c);
    // The relation entries that apply, with {controller} filled in.
    std::vector<std::pair<const relation_entry*, pattern_set>> named;
    std::vector<const relation_entry*> entries;
    for (const auto& e : d.relations) {
        if (!applies(e.relations, code)) continue;
        if (!e.named) {
            entries.push_back(&e);
            continue;
        }
        const std::string names = names_expression(doc_, r);
        if (!names.empty()) named.emplace_back(&e, compile(e.patterns, names));
    }
    if (cases.empty() && entries.empty() && named.empty()) return;

    for (const auto& tr : texts) {
        for (const auto& v : values(*tr.t)) {
            std::vector<candidate> found;
            auto relation_found = [&](const relation_entry& e, const pattern_set& p) {
                for (auto& m : find_unexcepted(p, e.exceptions, v.l, *v.s)) {
                    params ps{{"field", tr.field}, {"term", m.text}};
                    for (lang l : all_langs) {
                        ps["problem." + std::string(lang_code(l))] = e.problem[static_cast<size_t>(l)];
                        ps["fix." + std::string(lang_code(l))] = e.fix[static_cast<size_t>(l)];
                    }
                    found.push_back({std::move(m), "wrong-relation", e.article, std::move(ps)});
                }
            };
            for (const auto* e : entries) relation_found(*e, e->fixed);
            for (const auto& [e, p] : named) relation_found(*e, p);
            if (!cases.empty()) {
                for (auto& m : find_unexcepted(d.singular, d.singular_exceptions, v.l, *v.s)) {
                    for (const auto* c : cases) {
                        if (!c->context.empty() &&
                            find_terms(c->context, v.l,
                                       sentence_around(*v.s, m.start_byte, m.start_byte + m.text.size()))
                                .empty())
                            continue;
                        params ps{{"field", tr.field},
                                  {"term", m.text},
                                  {"count", std::to_string(r.controllers.size())},
                                  {"relation", code}};
                        for (lang l : all_langs) {
                            ps["why." + std::string(lang_code(l))] = c->why[static_cast<size_t>(l)];
                            ps["fix." + std::string(lang_code(l))] = d.singular_fix[static_cast<size_t>(l)];
                        }
                        found.push_back({m, "singular", c->article, std::move(ps)});
                        break;
                    }
                }
            }
            // In text order; of overlapping ones the first and longest (a wrong relation before the
            // singular in the same words).
            std::stable_sort(found.begin(), found.end(), [](const candidate& a, const candidate& b) {
                if (a.m.start_byte != b.m.start_byte) return a.m.start_byte < b.m.start_byte;
                return a.m.text.size() > b.m.text.size();
            });
            size_t end = 0;
            for (auto& c : found) {
                if (c.m.start_byte < end) continue;
                end = c.m.start_byte + c.m.text.size();
                finding f = make_finding(rule_id, c.kind, where_in(*tr.t, v, c.m), r.id, c.p);
                if (!c.article.empty()) f.article = c.article;
                emit(std::move(f));
            }
        }
    }
}

}  // namespace seloste::detail
