// Rule text.outdated-term (docs/checks.md, "Free text"): words of the Personal Data Act era
// and calques from Finnish that GDPR replaced, with the GDPR term in the language of the
// text as the fix. The terms are data: core/data/gdpr-terms.json.
#include <algorithm>
#include <nlohmann/json.hpp>
#include <utility>

#include "check_impl.hpp"
#include "seloste/errors.hpp"
#include "voikko_terms.hpp"

namespace seloste::detail {
namespace {

using json = nlohmann::json;

struct gdpr_term {
    std::string id;
    lang l = lang::fi;
    std::optional<std::string> article;
    pattern_set terms;
    std::vector<base_form_term> base_forms;  // Finnish: matched by Voikko's analysis (voikko_terms.cpp)
    std::string replacement;                 // in language l
    std::array<std::string, 3> note;
};

std::vector<gdpr_term> load_terms() {
    constexpr std::string_view path = "core/data/gdpr-terms.json";
    std::vector<gdpr_term> out;
    try {
        const json j = json::parse(check_data_file(path));
        for (const auto& e : j.at("terms")) {
            gdpr_term t;
            t.id = e.at("id").get<std::string>();
            const auto l = parse_lang(e.at("lang").get<std::string>());
            if (!l) throw error("check data: " + std::string(path) + ": entry " + t.id + ": unknown language");
            t.l = *l;
            if (e.contains("article")) t.article = e.at("article").get<std::string>();
            if (e.contains("terms"))
                for (const auto& re : e.at("terms"))
                    t.terms.by_lang[static_cast<size_t>(t.l)].push_back(
                        std::make_shared<const term_pattern>(re.get<std::string>()));
            if (e.contains("base-forms")) {
                if (t.l != lang::fi)
                    throw error("check data: " + std::string(path) + ": entry " + t.id +
                                ": base-forms are for Finnish (Voikko) only");
                for (const auto& b : e.at("base-forms")) t.base_forms.push_back(parse_base_form_term(b));
            }
            if (t.terms.empty() && t.base_forms.empty())
                throw error("check data: " + std::string(path) + ": entry " + t.id + ": no terms and no base-forms");
            t.replacement = e.at("replacement").get<std::string>();
            for (lang nl : all_langs) t.note[static_cast<size_t>(nl)] = e.at("note").at(std::string(lang_code(nl)));
            out.push_back(std::move(t));
        }
    } catch (const json::exception& e) {
        throw error("check data: " + std::string(path) + ": " + e.what());
    }
    return out;
}

const std::vector<gdpr_term>& all_terms() {
    static const std::vector<gdpr_term> terms = load_terms();
    return terms;
}

// Every entry's base forms in one list, for one pass over a text; which entry each is of.
struct base_form_index {
    std::vector<base_form_term> terms;
    std::vector<const gdpr_term*> entry;
};

const base_form_index& base_forms() {
    static const base_form_index index = [] {
        base_form_index x;
        for (const auto& e : all_terms())
            for (const auto& b : e.base_forms) {
                x.terms.push_back(b);
                x.entry.push_back(&e);
            }
        return x;
    }();
    return index;
}
}  // namespace

void checker::outdated_terms(const text_ref& tr, const std::string& reg) {
    if (!wanted("text.outdated-term")) return;
    const text& t = *tr.t;
    for (const auto& v : values(t)) {
        // Every entry's matches, in text order; of overlapping ones ("controller of the personal data
        // file" and "personal data file") the first and longest is reported.
        std::vector<std::pair<term_match, const gdpr_term*>> ms;
        for (const auto& e : all_terms()) {
            if (v.l && *v.l != e.l) continue;  // a neutral text is read in every language
            for (auto& m : find_terms(e.terms, v.l, *v.s)) ms.emplace_back(std::move(m), &e);
        }
        if (!v.l || *v.l == lang::fi)
            for (auto& [k, m] : find_base_forms(base_forms().terms, *v.s))
                ms.emplace_back(std::move(m), base_forms().entry[k]);
        std::stable_sort(ms.begin(), ms.end(), [](const auto& a, const auto& b) {
            if (a.first.start_byte != b.first.start_byte) return a.first.start_byte < b.first.start_byte;
            return a.first.text.size() > b.first.text.size();
        });
        size_t end = 0;
        for (const auto& [m, e] : ms) {
            if (m.start_byte < end) continue;
            end = m.start_byte + m.text.size();
            params p{{"field", tr.field}, {"term", m.text}, {"replacement", e->replacement}};
            for (lang l : all_langs) p["note." + std::string(lang_code(l))] = e->note[static_cast<size_t>(l)];
            finding f = make_finding("text.outdated-term", "text", where_in(t, v, m), reg, p);
            if (e->article) f.article = *e->article;
            emit(std::move(f));
        }
    }
}

}  // namespace seloste::detail
