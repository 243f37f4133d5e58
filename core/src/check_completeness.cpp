// The completeness checks (docs/checks.md, "Completeness"): GDPR Art. 13 and 14, and the
// consistency of the free text with the legal bases.
#include <algorithm>

#include "check_impl.hpp"

namespace seloste::detail {

void checker::completeness(const register_& r) {
    const std::string& id = r.id;
    // 13(1)(a): the controller's identity and contact details.
    if (r.controllers.empty()) emit(make_finding("gdpr.13.1.a.controller", "missing", r.where, id));
    for (const auto& c : r.controllers) {
        const organisation* o = doc_.find_organisation(c.id);
        if (!o) {
            emit(make_finding("gdpr.13.1.a.controller", "unknown", c.where, id, {{"value", c.id}}));
            continue;
        }
        for (const auto& v : values(o->name)) {
            const auto ms = detail::find_terms(detail::checks().term("controller_group_vague"), v.l, *v.s);
            if (ms.empty()) continue;
            emit(make_finding("gdpr.13.1.a.controller", "unnamed-group", where_in(o->name, v, ms.front()), id,
                              {{"value", *v.s}, {"term", ms.front().text}}));
            break;
        }
        const bool has_address = o->visiting_address || o->postal_address;
        const bool has_channel = !o->email.empty() || !o->phone.empty() || !o->web.empty();
        if (!has_address && !has_channel)
            emit(make_finding("gdpr.13.1.a.controller", "no-contact", c.where, id, {{"value", c.id}}));
    }
    controllers(r);
    // 13(1)(b): the DPO's contact details; a warning when no DPO is named.
    if (r.dpo) {
        if (const person* p = doc_.find_person(r.dpo->id);
            p && p->email.empty() && p->phone.empty() && !p->postal_address && p->web.empty())
            emit(make_finding("gdpr.13.1.b.dpo", "dpo-no-contact", r.dpo->where, id, {{"value", r.dpo->id}}));
    } else {
        emit(make_finding("gdpr.13.1.b.dpo", "no-dpo", r.where, id));
    }
    // 13(1)(c), (d): purposes, their bases and legitimate interests.
    if (r.purposes.empty()) emit(make_finding("gdpr.13.1.c.purpose", "missing", r.where, id));
    for (size_t i = 0; i < r.purposes.size(); ++i) {
        const auto& p = r.purposes[i];
        const std::string field = "purpose" + idx(i);
        if (p.description.empty()) emit(make_finding("gdpr.13.1.c.purpose", "empty", p.where, id, {{"field", field}}));
        if (!p.basis) {
            emit(make_finding("gdpr.13.1.c.basis", "missing", p.where, id, {{"field", field}}));
        } else if (*p.basis == legal_basis::legitimate_interest) {
            if (p.interest.empty())
                emit(make_finding("gdpr.13.1.d.interest", "missing", p.where, id, {{"field", field}}));
        } else if (!p.interest.empty()) {
            emit(make_finding(
                "gdpr.13.1.d.interest", "not-legitimate-interest", p.interest.where, id,
                {{"field", field},
                 {"value", std::string(basis_code(*p.basis)) + " (" + std::string(basis_article(*p.basis)) + ")"}}));
        }
    }
    // 13(1)(e): recipients.
    if (r.recipients.empty() && r.processors.empty() && r.disclosures.empty())
        emit(make_finding("gdpr.13.1.e.recipients", "missing", r.where, id));
    // 13(1)(f): transfers and their safeguards.
    if (!r.transfers) {
        emit(make_finding("gdpr.13.1.f.transfers", "missing", r.where, id));
    } else if (!r.transfers->none && r.transfers->items.empty()) {
        emit(make_finding("gdpr.13.1.f.transfers", "empty", r.transfers->where, id));
    } else {
        for (size_t i = 0; i < r.transfers->items.size(); ++i) {
            const auto& t = r.transfers->items[i];
            const std::string field =
                "transfers/transfer" + idx(i) + (t.country.empty() ? std::string() : " (" + t.country + ")");
            if (!t.guard)
                emit(make_finding("gdpr.13.1.f.safeguard", "missing", t.where, id, {{"field", field}}));
            else if (*t.guard == safeguard::scc_2010)
                emit(make_finding("gdpr.46.scc-2010", "attribute", t.where, id, {{"field", field}}));
            else if (*t.guard == safeguard::other && t.description.empty())
                emit(make_finding("gdpr.13.1.f.safeguard", "other-undescribed", t.where, id, {{"field", field}}));
        }
        // 13(1)(f), 14(1)(f): for clauses and binding corporate rules, how to obtain a copy of them.
        const auto& items = r.transfers->items;
        const auto copyable = std::find_if(items.begin(), items.end(), [](const transfer& t) {
            return t.guard == safeguard::scc_2021 || t.guard == safeguard::bcr;
        });
        if (!r.transfers->none && copyable != items.end() && r.transfers->safeguards_copy.empty()) {
            const auto i = static_cast<size_t>(copyable - items.begin());
            emit(make_finding(
                "gdpr.13.1.f.safeguard", "no-copy", r.transfers->where, id,
                {{"field", "transfers/transfer" + idx(i) +
                               (copyable->country.empty() ? std::string() : " (" + copyable->country + ")")},
                 {"value", std::string(safeguard_code(*copyable->guard))}}));
        }
    }
    // 13(2)(a): retention.
    if (r.retention.empty()) {
        emit(
            make_finding("gdpr.13.2.a.retention", "missing", r.retention_where.line ? r.retention_where : r.where, id));
    }
    bool any_period = false, all_vague = !r.retention.empty();
    std::optional<std::pair<source_location, std::string>> first_vague;
    for (size_t i = 0; i < r.retention.size(); ++i) {
        const auto& rule = r.retention[i];
        const std::string field = "retention/rule" + idx(i);
        const bool has_period = rule.period && !rule.period->empty();
        if (has_period) any_period = true;
        if (!has_period && rule.criteria.empty()) {
            emit(make_finding("gdpr.13.2.a.retention", "empty-rule", rule.where, id, {{"field", field}}));
            all_vague = false;
            continue;
        }
        // "As long as necessary": every criteria text uses the formula and gives no number.
        bool vague = !rule.criteria.empty();
        for (const auto& v : values(rule.criteria)) {
            const auto ms = detail::find_terms(detail::checks().term("retention_vague"), v.l, *v.s);
            const bool digits = std::any_of(v.s->begin(), v.s->end(), [](char c) { return c >= '0' && c <= '9'; });
            if (ms.empty() || digits) {
                vague = false;
                break;
            }
            if (!first_vague) first_vague.emplace(where_in(rule.criteria, v, ms.front()), ms.front().text);
        }
        if (!vague) all_vague = false;
    }
    if (!any_period && all_vague && first_vague)
        emit(make_finding(
            "gdpr.13.2.a.retention", "vague", first_vague->first, id,
            {{"field", r.retention.size() == 1 ? std::string("retention/rule[1]/criteria") : std::string("retention")},
             {"term", first_vague->second}}));
    // 13(2)(b): how to exercise the rights (the rights themselves follow from the bases).
    if (!r.rights || r.rights->exercise.empty())
        emit(make_finding("gdpr.13.2.b.rights", "missing-exercise", r.rights ? r.rights->where : r.where, id));
    // 13(2)(e): statutory or contractual requirement.
    if (!r.requirement) {
        emit(make_finding("gdpr.13.2.e.requirement", "missing", r.where, id));
    } else if (r.requirement->kind != requirement_kind::voluntary && r.requirement->consequence.empty()) {
        emit(make_finding("gdpr.13.2.e.requirement", "no-consequence", r.requirement->where, id,
                          {{"value", std::string(requirement_code(r.requirement->kind))}}));
    }
    // 13(2)(f): automated decisions.
    if (!r.automated_decisions) {
        emit(make_finding("gdpr.13.2.f.automated", "missing", r.where, id));
    } else if (r.automated_decisions->used) {
        if (r.automated_decisions->logic.empty())
            emit(make_finding("gdpr.13.2.f.automated", "incomplete", r.automated_decisions->where, id,
                              {{"field", "automated-decisions/logic"}}));
        if (r.automated_decisions->significance.empty())
            emit(make_finding("gdpr.13.2.f.automated", "incomplete", r.automated_decisions->where, id,
                              {{"field", "automated-decisions/significance"}}));
    }
    // Art. 14: sources; categories when data comes from elsewhere.
    if (r.sources.empty())
        emit(make_finding("gdpr.14.2.f.sources", "missing", r.sources_where.line ? r.sources_where : r.where, id));
    bool art14 = false;
    for (size_t i = 0; i < r.sources.size(); ++i) {
        if (!r.sources[i].from_data_subject) art14 = true;
        if (r.sources[i].value.empty())
            emit(make_finding("gdpr.14.2.f.sources", "empty", r.sources[i].where, id,
                              {{"field", "sources/source" + idx(i)}}));
    }
    if (art14 && r.data_categories.empty())
        emit(make_finding("gdpr.14.1.d.categories", "missing", r.sources_where.line ? r.sources_where : r.where, id));
    subject_groups(r);
    special_categories(r);
    // 13(2)(d): the library names the Finnish authority; a controller established elsewhere needs its own
    // (a source that names its lead supervisory authority has done so).
    for (const auto& c : r.controllers) {
        if (doc_.supervisory_authority) break;
        const organisation* o = doc_.find_organisation(c.id);
        if (!o) continue;
        const address* a = o->visiting_address ? &*o->visiting_address
                           : o->postal_address ? &*o->postal_address
                                               : nullptr;
        if (a && !a->country.empty() && a->country != "FI")
            emit(make_finding("gdpr.13.2.d.authority", "foreign-controller", a->where, id,
                              {{"value", c.id}, {"expected", a->country}}));
    }
}

// 13(1)(a), 26: how the controllers relate, and what each one answers for.
void checker::controllers(const register_& r) {
    const std::string& id = r.id;
    const source_location& second = r.controllers.size() > 1 ? r.controllers[1].where : r.where;
    if (!r.relation) {
        // Several controllers and no controllers="…": joint, separate or one group company?
        if (r.controllers.size() > 1)
            emit(make_finding("gdpr.13.1.a.controller", "relationship-unstated", second, id,
                              {{"value", std::to_string(r.controllers.size())}}));
        return;
    }
    const std::string relation(controllership_code(*r.relation));
    if (*r.relation == controllership::joint) {
        if (r.joint_arrangement.empty())
            emit(make_finding("gdpr.13.1.a.controller", "joint-no-arrangement",
                              r.relation_where.line ? r.relation_where : second, id,
                              {{"value", std::to_string(r.controllers.size())}}));
        return;
    }
    if (!r.joint_arrangement.empty())
        emit(make_finding("gdpr.13.1.a.controller", "arrangement-not-joint", r.joint_arrangement.where, id,
                          {{"value", relation}}));
    if (*r.relation == controllership::separate)
        for (const auto& c : r.controllers)
            if (c.processing.empty())
                emit(make_finding("gdpr.13.1.a.controller", "separate-no-processing", c.where, id, {{"value", c.id}}));
}

// 14(1)(d): when categories name the groups they concern, each group has some.
void checker::subject_groups(const register_& r) {
    if (r.data_categories.empty()) return;
    // A category without subjects="…" concerns every group.
    if (std::any_of(r.data_categories.begin(), r.data_categories.end(),
                    [](const data_category& c) { return c.subjects.empty(); }))
        return;
    for (const auto& s : r.data_subjects) {
        if (s.id.empty()) continue;
        const bool named = std::any_of(r.data_categories.begin(), r.data_categories.end(), [&](const data_category& c) {
            return std::find(c.subjects.ids.begin(), c.subjects.ids.end(), s.id) != c.subjects.ids.end();
        });
        if (!named)
            emit(make_finding("gdpr.14.1.d.categories", "group-without-categories", s.where, r.id, {{"value", s.id}}));
    }
}

// 9(2)(a): explicit consent is asked for by a purpose that rests on consent.
void checker::special_categories(const register_& r) {
    if (r.has_basis(legal_basis::consent)) return;
    for (const auto& c : r.data_categories)
        if (c.special == special_kind::art9 && c.condition == art9_condition::explicit_consent)
            emit(make_finding("gdpr.9.2.a.explicit-consent", "no-consent-purpose", c.where, r.id,
                              {{"field", "data-categories/category[" + c.id + "]"}}));
}

void checker::consistency(const register_& r) {
    const std::string& id = r.id;
    const auto& data = detail::checks();
    const bool consent = r.has_basis(legal_basis::consent);
    const bool portable = consent || r.has_basis(legal_basis::contract);
    // With a purpose whose basis is unknown, which rights apply is unknown too (gdpr.13.1.c.basis reports it).
    const bool bases_known =
        std::all_of(r.purposes.begin(), r.purposes.end(), [](const purpose& p) { return p.basis.has_value(); });
    const auto texts = register_texts(r);
    auto first_match = [&](const text& t,
                           const detail::pattern_set& p) -> std::optional<std::pair<source_location, std::string>> {
        for (const auto& v : values(t)) {
            const auto ms = detail::find_terms(p, v.l, *v.s);
            if (!ms.empty()) return std::make_pair(where_in(t, v, ms.front()), ms.front().text);
        }
        return std::nullopt;
    };
    if (bases_known && !portable && r.rights) {
        for (const auto& [t, field] :
             std::vector<text_ref>{{&r.rights->exercise, "rights/exercise"}, {&r.rights->note, "rights/note"}})
            if (auto m = first_match(*t, data.term("portability")))
                emit(make_finding("gdpr.13.2.b.rights", "portability", m->first, id,
                                  {{"field", field}, {"term", m->second}}));
    }
    bool mentions_withdrawal = false;
    for (const auto& tr : texts) {
        auto m = first_match(*tr.t, data.term("withdrawal"));
        if (!m) continue;
        mentions_withdrawal = true;
        if (bases_known && !consent)
            emit(make_finding("gdpr.13.2.b.rights", "withdrawal-no-consent", m->first, id,
                              {{"field", tr.field}, {"term", m->second}}));
    }
    // 13(2)(c): the library states the right to withdraw; the register must say how.
    if (consent && !mentions_withdrawal && (!r.rights || r.rights->exercise.empty())) {
        for (size_t i = 0; i < r.purposes.size(); ++i)
            if (r.purposes[i].basis == legal_basis::consent) {
                emit(make_finding("gdpr.13.2.c.withdraw", "no-withdrawal", r.purposes[i].where, id,
                                  {{"field", "purpose" + idx(i)}}));
                break;
            }
    }
    // Text under the wrong heading.
    const bool headings = wanted("text.heading-mismatch");
    for (size_t i = 0; headings && i < r.sources.size(); ++i)
        if (auto m = first_match(r.sources[i].value, data.term("heading_mismatch_sources")))
            emit(make_finding("text.heading-mismatch", "source", m->first, id,
                              {{"field", "sources/source" + idx(i)}, {"term", m->second}}));
    for (size_t i = 0; headings && i < r.disclosures.size(); ++i)
        if (auto m = first_match(r.disclosures[i].value, data.term("heading_mismatch_disclosures")))
            emit(make_finding("text.heading-mismatch", "disclosure", m->first, id,
                              {{"field", "disclosures/disclosure" + idx(i)}, {"term", m->second}}));
    for (size_t i = 0; i < r.purposes.size(); ++i) {
        const auto& p = r.purposes[i];
        if (p.direct_marketing) continue;
        bool found = false;
        for (const text* t : {&p.description, &p.interest}) {
            for (const auto& v : values(*t)) {
                for (const auto& m : detail::find_terms(data.term("direct_marketing"), v.l, *v.s)) {
                    // "… ei käytetä suoramarkkinointiin": a negation earlier in the same sentence.
                    const size_t dot = v.s->rfind('.', m.start_byte);
                    const std::string before = v.s->substr(dot == std::string::npos ? 0 : dot + 1,
                                                           m.start_byte - (dot == std::string::npos ? 0 : dot + 1));
                    if (!detail::find_terms(data.term("negation"), v.l, before).empty()) continue;
                    emit(make_finding("gdpr.13.2.b.rights", "direct-marketing", where_in(*t, v, m), id,
                                      {{"field", "purpose" + idx(i)}, {"term", m.text}}));
                    found = true;
                    break;
                }
                if (found) break;
            }
            if (found) break;
        }
    }
}

}  // namespace seloste::detail
