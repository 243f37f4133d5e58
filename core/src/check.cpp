// The checks (docs/checks.md): completeness per GDPR Art. 13/14, consistency, facts,
// outdated references, wrong-sector wording, spelling and missing translations.
//
// Rule metadata and messages are data (core/data/checks.json), as are the outdated
// references and the sector terms; check*.cpp decide when a rule fires (check_impl.hpp).
#include "seloste/check.hpp"

#include <chrono>
#include <set>

#include "check_impl.hpp"

namespace seloste {

using detail::checker;

namespace {

date clock_today() {
    const auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    const std::chrono::year_month_day ymd{now};
    return date{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
                static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

}  // namespace

namespace detail {

checker::checker(const source_doc& doc, const check_options& opts, std::vector<finding>& out)
    : doc_(doc), opts_(opts), today_(opts.today.value_or(clock_today())), out_(out) {
    for (const auto& wl : doc.words)
        for (const auto& w : wl.words)
            for (lang l : all_langs)
                if (!wl.language || *wl.language == l) {
                    auto& list = accepted_[static_cast<size_t>(l)];
                    list.push_back(w);
                    // "Litmanen-Tuomi" also accepts "Litmanen" and "Tuomi" (words are split at hyphens).
                    size_t b = 0, h;
                    while ((h = w.find('-', b)) != std::string::npos) {
                        if (h > b) list.push_back(w.substr(b, h - b));
                        b = h + 1;
                    }
                    if (b > 0 && b < w.size()) list.push_back(w.substr(b));
                }
}

bool checker::wanted(std::string_view rule) const {
    const auto& rules = checks().rules;
    const auto it = rules.find(rule);
    if (it == rules.end()) return true;
    if (wanted(it->second.level)) return true;
    for (const auto& [name, v] : it->second.variants)
        if (v.level && wanted(*v.level)) return true;
    return false;
}

void checker::organisation_checks(const organisation& o, const std::string& reg, const std::string& path) {
    const std::string p = path.empty() ? "organisation[" + o.id + "]" : path;
    if (!o.business_id.empty()) business_id(o.business_id, o.business_id_where, reg);
    if (!o.vat_number.empty()) vat_number(o, reg);
    if (!o.email.empty()) email(o.email, o.email_where, p + "/email", reg);
    if (!o.web.empty()) url(o.web, o.web_where, p + "/web", reg);
    if (!o.phone.empty()) phone(o.phone, o.phone_where, p + "/phone", reg);
    if (o.visiting_address) address_checks(*o.visiting_address, p + "/visiting-address", reg);
    if (o.postal_address) address_checks(*o.postal_address, p + "/postal-address", reg);
    for (const auto& et : organisation_texts(o, p)) text_checks(et.ref, reg, et.spell);
}

void checker::person_checks(const person& pe, const std::string& reg) {
    const std::string p = "person[" + pe.id + "]";
    if (!pe.email.empty()) email(pe.email, pe.email_where, p + "/email", reg);
    if (!pe.web.empty()) url(pe.web, pe.web_where, p + "/web", reg);
    if (!pe.phone.empty()) phone(pe.phone, pe.phone_where, p + "/phone", reg);
    if (pe.visiting_address) address_checks(*pe.visiting_address, p + "/visiting-address", reg);
    if (pe.postal_address) address_checks(*pe.postal_address, p + "/postal-address", reg);
    for (const auto& et : person_texts(pe)) text_checks(et.ref, reg, et.spell);
}

void checker::contact_point_checks(const contact_point& cp, const std::string& reg) {
    const std::string p = "contact-point[" + cp.id + "]";
    if (!cp.email.empty()) email(cp.email, cp.email_where, p + "/email", reg);
    if (!cp.web.empty()) url(cp.web, cp.web_where, p + "/web", reg);
    if (!cp.request_form.empty()) url(cp.request_form, cp.request_form_where, p + "/request-form", reg);
    if (!cp.phone.empty()) phone(cp.phone, cp.phone_where, p + "/phone", reg);
    if (cp.visiting_address) address_checks(*cp.visiting_address, p + "/visiting-address", reg);
    if (cp.postal_address) address_checks(*cp.postal_address, p + "/postal-address", reg);
    for (const auto& et : contact_point_texts(cp)) text_checks(et.ref, reg, et.spell);
}

void checker::register_checks(const register_& r) {
    const std::string& id = r.id;
    completeness(r);
    consistency(r);
    dates(r);
    if (r.cookies)
        for (size_t i = 0; i < r.cookies->analytics.size(); ++i) {
            const auto& a = r.cookies->analytics[i];
            if (!a.opt_out_url.empty())
                url(a.opt_out_url, a.opt_out_where, "cookies/analytics" + idx(i) + "/@opt-out", id);
        }
    if (r.rights && !r.rights->request_form.empty())
        url(r.rights->request_form, r.rights->request_form_where, "rights/request-form", id);
    for (size_t i = 0; i < r.related.size(); ++i)
        url(r.related[i].href, r.related[i].href_where, "related" + idx(i) + "/@href", id);
    const auto texts = register_texts(r);
    for (const auto& t : texts) text_checks(t, id, true);
    wrong_sector(r, texts);
    consent_checks(r, texts);
    controller_role(r, texts);
    for (const auto& t : texts) citations(t, id);
}

}  // namespace detail

namespace {

// The lead supervisory authority is named in every register of the source.
const std::string authority_path = "supervisory-authority";

}  // namespace

std::vector<finding> check(const source_doc& doc, const check_options& opts) {
    std::vector<finding> out;
    checker c(doc, opts, out);
    for (const auto& o : doc.organisations) c.organisation_checks(o, "");
    for (const auto& p : doc.people) c.person_checks(p, "");
    for (const auto& cp : doc.contact_points) c.contact_point_checks(cp, "");
    if (doc.supervisory_authority) c.organisation_checks(*doc.supervisory_authority, "", authority_path);
    for (const auto& r : doc.registers) c.register_checks(r);
    detail::sort_findings(out);
    return out;
}

std::vector<finding> check_register(const source_doc& doc, const register_& reg, const check_options& opts) {
    std::vector<finding> out;
    checker c(doc, opts, out);
    std::set<std::string> orgs, people, points;
    for (const auto& ctl : reg.controllers) orgs.insert(ctl.id);
    for (const auto& g : reg.group_companies) orgs.insert(g.id);
    if (reg.representative) {
        orgs.insert(reg.representative->id);
        people.insert(reg.representative->id);
    }
    if (reg.dpo) people.insert(reg.dpo->id);
    for (const auto& ct : reg.contacts) {
        people.insert(ct.id);
        points.insert(ct.id);  // a contact names a person or a contact point
    }
    for (const auto& id : people)
        if (const person* p = doc.find_person(id); p && !p->organisation_ref.empty()) orgs.insert(p->organisation_ref);
    for (const auto& o : doc.organisations)
        if (orgs.contains(o.id)) c.organisation_checks(o, reg.id);
    for (const auto& p : doc.people)
        if (people.contains(p.id)) c.person_checks(p, reg.id);
    for (const auto& cp : doc.contact_points)
        if (points.contains(cp.id)) c.contact_point_checks(cp, reg.id);
    if (doc.supervisory_authority) c.organisation_checks(*doc.supervisory_authority, reg.id, authority_path);
    c.register_checks(reg);
    detail::sort_findings(out);
    return out;
}

}  // namespace seloste
