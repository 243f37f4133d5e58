// Consent misuse (docs/checks.md, "Consent"): consent inferred from the use of a service or
// from accepting terms (gdpr.7.consent-by-use), and consent named as the basis of processing
// that a contract or the law already requires (gdpr.6.consent-where-required).
// The patterns: core/data/consent-patterns.json.
#include <nlohmann/json.hpp>

#include "check_impl.hpp"
#include "seloste/errors.hpp"

namespace seloste::detail {
namespace {

using json = nlohmann::json;

struct consent_data {
    pattern_set by_use, required;
};

pattern_set load_patterns(const json& j) {
    pattern_set p;
    for (auto& [key, list] : j.items()) {
        pattern_list* target = &p.any;
        if (key != "any") {
            const auto l = parse_lang(key);
            if (!l) throw error("check data: consent-patterns.json: unknown language \"" + key + "\"");
            target = &p.by_lang[static_cast<size_t>(*l)];
        }
        for (const auto& t : list) target->push_back(std::make_shared<const term_pattern>(t.get<std::string>()));
    }
    return p;
}

const consent_data& data() {
    static const consent_data d = [] {
        json j;
        try {
            j = json::parse(check_data_file("core/data/consent-patterns.json"));
        } catch (const json::exception& e) {
            throw error(std::string("check data: core/data/consent-patterns.json: ") + e.what());
        }
        return consent_data{load_patterns(j.at("consent_by_use")), load_patterns(j.at("required_processing"))};
    }();
    return d;
}

}  // namespace

void checker::consent_checks(const register_& r, const std::vector<text_ref>& texts) {
    const auto& d = data();
    if (wanted("gdpr.7.consent-by-use"))
        for (const auto& tr : texts)
            for (const auto& v : values(*tr.t))
                for (const auto& m : find_terms(d.by_use, v.l, *v.s))
                    emit(make_finding("gdpr.7.consent-by-use", "text", where_in(*tr.t, v, m), r.id,
                                      {{"field", tr.field}, {"term", m.text}}));
    if (!wanted("gdpr.6.consent-where-required")) return;
    for (size_t i = 0; i < r.purposes.size(); ++i) {
        const auto& p = r.purposes[i];
        if (p.basis != legal_basis::consent) continue;
        for (const auto& v : values(p.description)) {
            const auto ms = find_terms(d.required, v.l, *v.s);
            if (ms.empty()) continue;
            emit(make_finding("gdpr.6.consent-where-required", "required", where_in(p.description, v, ms.front()), r.id,
                              {{"field", "purpose" + idx(i)}, {"term", ms.front().text}}));
            break;
        }
    }
}

}  // namespace seloste::detail
