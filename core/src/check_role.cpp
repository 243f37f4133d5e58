// Rule text.controller-role (docs/checks.md, "Free text"): the controller in the singular
// where a register has several controllers (kind singular), and controllers called by a
// wrong relation: joint ones separate, separate ones joint, a controller a processor (kind
// wrong-relation). The patterns, their exceptions and the fixes are data:
// core/data/role-patterns.json; the messages are in core/data/checks.json.
#include <algorithm>
#include <cctype>
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

// A pattern of a wrong relation may start or end with {controller}: the name of a controller of
// the register stands right before (or after) the words the pattern matches.
enum class name_at { none, before, after };

struct relation_entry {
    std::string id;
    std::vector<std::string> relations;
    std::string article;
    std::array<pattern_set, 3> patterns;  // by name_at
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

pattern_set compile(const raw_patterns& raw) {
    pattern_set p;
    for (size_t slot = 0; slot < raw.size(); ++slot)
        for (const auto& re : raw[slot])
            (slot == 3 ? p.any : p.by_lang[slot]).push_back(std::make_shared<const term_pattern>(re));
    return p;
}

// The patterns of a wrong relation, by where {controller} stands in them.
std::array<pattern_set, 3> compile_named(const raw_patterns& raw, const std::string& id) {
    std::array<raw_patterns, 3> split;
    for (size_t slot = 0; slot < raw.size(); ++slot)
        for (std::string re : raw[slot]) {
            name_at at = name_at::none;
            if (re.starts_with(controller_slot)) {
                at = name_at::before;
                re.erase(0, controller_slot.size());
            } else if (re.ends_with(controller_slot)) {
                at = name_at::after;
                re.erase(re.size() - controller_slot.size());
            }
            if (re.find(controller_slot) != std::string::npos)
                throw error("check data: " + std::string(data_path) + ": entry " + id +
                            ": {controller} may only start or end a pattern");
            split[static_cast<size_t>(at)][slot].push_back(std::move(re));
        }
    return {compile(split[0]), compile(split[1]), compile(split[2])};
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
            r.patterns = compile_named(read_raw(e.at("patterns")), r.id);
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

// Every controller's name, in each of its languages.
std::vector<std::string> controller_names(const source_doc& doc, const register_& r) {
    std::vector<std::string> names;
    for (const auto& c : r.controllers)
        if (const organisation* o = doc.find_organisation(c.id))
            for (const auto& v : values(o->name))
                if (std::find(names.begin(), names.end(), *v.s) == names.end()) names.push_back(*v.s);
    return names;
}

// Match `m` of `s` widened to the controller's name that stands right before (or after) it;
// false when no name stands there.
bool widen_to_name(term_match& m, name_at at, const std::string& s, const std::vector<std::string>& names) {
    for (const auto& n : names) {
        if (at == name_at::before && m.start_byte >= n.size() && s.compare(m.start_byte - n.size(), n.size(), n) == 0) {
            const size_t b = m.start_byte - n.size();
            if (b > 0 && (std::isalnum(static_cast<unsigned char>(s[b - 1])) || (s[b - 1] & 0x80))) continue;
            m.start_byte = b;
            m.start_cp -= static_cast<size_t>(std::count_if(
                n.begin(), n.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
            m.text = n + m.text;
            return true;
        }
        const size_t e = m.start_byte + m.text.size();
        if (at == name_at::after && s.compare(e, n.size(), n) == 0) {
            m.text += n;
            return true;
        }
    }
    return false;
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
    std::vector<const relation_entry*> entries;
    for (const auto& e : d.relations)
        if (applies(e.relations, code)) entries.push_back(&e);
    const auto names = controller_names(doc_, r);
    if (cases.empty() && entries.empty()) return;

    for (const auto& tr : texts) {
        for (const auto& v : values(*tr.t)) {
            std::vector<candidate> found;
            // Most texts name no controller: the patterns around a name are not run on them.
            const bool named = std::any_of(names.begin(), names.end(),
                                           [&](const std::string& n) { return v.s->find(n) != std::string::npos; });
            for (const auto* e : entries)
                for (const name_at at : {name_at::none, name_at::before, name_at::after}) {
                    const auto& p = e->patterns[static_cast<size_t>(at)];
                    if (p.empty() || (at != name_at::none && !named)) continue;
                    for (auto& m : find_unexcepted(p, e->exceptions, v.l, *v.s)) {
                        if (at != name_at::none && !widen_to_name(m, at, *v.s, names)) continue;
                        params ps{{"field", tr.field}, {"term", m.text}};
                        for (lang l : all_langs) {
                            ps["problem." + std::string(lang_code(l))] = e->problem[static_cast<size_t>(l)];
                            ps["fix." + std::string(lang_code(l))] = e->fix[static_cast<size_t>(l)];
                        }
                        found.push_back({std::move(m), "wrong-relation", e->article, std::move(ps)});
                    }
                }
            if (!cases.empty()) {
                for (auto& m : find_unexcepted(d.singular, d.singular_exceptions, v.l, *v.s)) {
                    for (const auto* c : cases) {
                        if (!c->context.empty() &&
                            find_terms(c->context, v.l,
                                       sentence_around(*v.s, m.start_byte, m.start_byte + m.text.size()))
                                .empty())
                            continue;
                        params ps{
                            {"field", tr.field}, {"term", m.text}, {"count", std::to_string(r.controllers.size())}};
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
