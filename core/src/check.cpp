// The checks (docs/checks.md): completeness per GDPR Art. 13/14, consistency, facts,
// outdated references, wrong-sector wording, spelling and missing translations.
//
// Rule metadata and messages are data (core/data/checks.json), as are the outdated
// references and the sector terms; this file decides when a rule fires.
#include "seloste/check.hpp"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <nlohmann/json.hpp>
#include <set>

#include "check_model.hpp"
#include "check_support.hpp"
#include "seloste/facts.hpp"
#include "seloste/source.hpp"
#include "source_scan.hpp"
#include "spell.hpp"

namespace seloste {

using detail::entity_text;
using detail::idx;
using detail::make_finding;
using detail::organisation_texts;
using detail::params;
using detail::person_texts;
using detail::register_texts;
using detail::sort_findings;
using detail::text_ref;
using detail::text_value;
using detail::values;
using detail::where_in;

namespace {

// ---------------------------------------------------------------------------------------------

bool real_date(const date& d) {
    if (d.year < 1 || d.month < 1 || d.month > 12 || d.day < 1) return false;
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int max = days[d.month - 1];
    if (d.month == 2 && ((d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0)) max = 29;
    return d.day <= max;
}

date clock_today() {
    const auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    const std::chrono::year_month_day ymd{now};
    return date{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
                static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

std::string fi_date(const date& d) {
    return std::to_string(d.day) + "." + std::to_string(d.month) + "." + std::to_string(d.year);
}

class checker {
   public:
    checker(const source_doc& doc, const check_options& opts, std::vector<finding>& out)
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

    void organisation_checks(const organisation& o, const std::string& reg) {
        const std::string p = "organisation[" + o.id + "]";
        if (!o.business_id.empty()) business_id(o.business_id, o.business_id_where, reg);
        if (!o.email.empty()) email(o.email, o.email_where, p + "/email", reg);
        if (!o.web.empty()) url(o.web, o.web_where, p + "/web", reg);
        if (!o.phone.empty()) phone(o.phone, o.phone_where, p + "/phone", reg);
        if (o.visiting_address) address_checks(*o.visiting_address, p + "/visiting-address", reg);
        if (o.postal_address) address_checks(*o.postal_address, p + "/postal-address", reg);
        for (const auto& et : organisation_texts(o)) text_checks(et.ref, reg, et.spell);
    }

    void person_checks(const person& pe, const std::string& reg) {
        const std::string p = "person[" + pe.id + "]";
        if (!pe.email.empty()) email(pe.email, pe.email_where, p + "/email", reg);
        if (!pe.web.empty()) url(pe.web, pe.web_where, p + "/web", reg);
        if (!pe.phone.empty()) phone(pe.phone, pe.phone_where, p + "/phone", reg);
        if (pe.postal_address) address_checks(*pe.postal_address, p + "/postal-address", reg);
        for (const auto& et : person_texts(pe)) text_checks(et.ref, reg, et.spell);
    }

    void register_checks(const register_& r) {
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
        const auto texts = register_texts(r);
        for (const auto& t : texts) text_checks(t, id, true);
        wrong_sector(r, texts);
    }

   private:
    void emit(finding f) {
        if (wanted(f.level)) out_.push_back(std::move(f));
    }
    // severity is ordered error < warning < info.
    bool wanted(severity s) const { return static_cast<int>(s) <= static_cast<int>(opts_.least); }
    // Whether a rule can give a finding that is wanted: work for a rule that
    // cannot is skipped.
    bool wanted(std::string_view rule) const {
        const auto& rules = detail::checks().rules;
        const auto it = rules.find(rule);
        if (it == rules.end()) return true;
        if (wanted(it->second.level)) return true;
        for (const auto& [name, v] : it->second.variants)
            if (v.level && wanted(*v.level)) return true;
        return false;
    }

    // --- completeness (Art. 13 and 14) ----------------------------------------------------
    void completeness(const register_& r) {
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
        if (r.controllers.size() > 1 && r.joint_arrangement.empty())
            emit(make_finding("gdpr.13.1.a.controller", "joint-no-arrangement", r.controllers[1].where, id,
                              {{"value", std::to_string(r.controllers.size())}}));
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
            if (p.description.empty())
                emit(make_finding("gdpr.13.1.c.purpose", "empty", p.where, id, {{"field", field}}));
            if (!p.basis) {
                emit(make_finding("gdpr.13.1.c.basis", "missing", p.where, id, {{"field", field}}));
            } else if (*p.basis == legal_basis::legitimate_interest) {
                if (p.interest.empty())
                    emit(make_finding("gdpr.13.1.d.interest", "missing", p.where, id, {{"field", field}}));
            } else if (!p.interest.empty()) {
                emit(make_finding("gdpr.13.1.d.interest", "not-legitimate-interest", p.interest.where, id,
                                  {{"field", field},
                                   {"value", std::string(basis_code(*p.basis)) + " (" +
                                                 std::string(basis_article(*p.basis)) + ")"}}));
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
        }
        // 13(2)(a): retention.
        if (r.retention.empty()) {
            emit(make_finding("gdpr.13.2.a.retention", "missing", r.retention_where.line ? r.retention_where : r.where,
                              id));
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
            emit(make_finding("gdpr.13.2.a.retention", "vague", first_vague->first, id,
                              {{"field", r.retention.size() == 1 ? std::string("retention/rule[1]/criteria")
                                                                 : std::string("retention")},
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
            emit(make_finding("gdpr.14.1.d.categories", "missing", r.sources_where.line ? r.sources_where : r.where,
                              id));
        // 13(2)(d): the library names the Finnish authority; a controller established elsewhere needs its own.
        for (const auto& c : r.controllers) {
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

    // --- consistency of the free text with the bases ----------------------------------------
    void consistency(const register_& r) {
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

    // --- facts -------------------------------------------------------------------------------
    void dates(const register_& r) {
        const std::string& id = r.id;
        auto one = [&](const date& d, const source_location& at, const std::string& field) {
            if (d.year == 0 && d.month == 0 && d.day == 0) return;  // unreadable: the reader reports it
            if (!real_date(d)) {
                emit(make_finding("fact.date", "invalid", at, id, {{"field", field}, {"value", d.iso()}}));
            } else if (d > today_) {
                emit(make_finding("fact.date", "future", at, id,
                                  {{"field", field},
                                   {"value", d.iso()},
                                   {"today.fi", fi_date(today_)},
                                   {"today.sv", fi_date(today_)},
                                   {"today.en", today_.iso()}}));
            }
        };
        one(r.notice_date, r.notice_date_where, "notice-date");
        for (size_t i = 0; i < r.history.size(); ++i)
            one(r.history[i].when, r.history[i].where, "history/change" + idx(i) + "/@date");
    }

    void business_id(const std::string& v, const source_location& at, const std::string& reg) {
        if (is_business_id(v)) return;
        const bool shape = v.size() == 9 && v[7] == '-' &&
                           std::all_of(v.begin(), v.begin() + 7, [](char c) { return c >= '0' && c <= '9'; }) &&
                           v[8] >= '0' && v[8] <= '9';
        if (!shape) {
            // A Finnish VAT number (FI01244613) is the business ID without its hyphen: propose that ID.
            std::string digits;
            for (char c :
                 v.size() > 2 && (v[0] == 'F' || v[0] == 'f') && (v[1] == 'I' || v[1] == 'i') ? v.substr(2) : "")
                if (c >= '0' && c <= '9')
                    digits += c;
                else if (c != ' ' && c != '-')
                    digits = "not a VAT number";
            if (digits.size() == 8) {
                const std::string id = digits.substr(0, 7) + "-" + digits.substr(7);
                if (is_business_id(id)) {
                    emit(make_finding("fact.business-id", "vat-number", at, reg, {{"value", v}, {"id", id}}));
                    return;
                }
            }
            emit(make_finding("fact.business-id", "format", at, reg, {{"value", v}}));
            return;
        }
        static constexpr int weights[] = {7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 7; ++i) sum += (v[i] - '0') * weights[i];
        const int rem = sum % 11;
        const std::string expected = rem == 1 ? "—" : std::to_string(rem == 0 ? 0 : 11 - rem);
        emit(make_finding("fact.business-id", "check-digit", at, reg,
                          {{"value", v},
                           {"expected.fi", rem == 1 ? "ei kelpaa, jakojäännös 1" : expected},
                           {"expected.sv", rem == 1 ? "ogiltigt, rest 1" : expected},
                           {"expected.en", rem == 1 ? "none, remainder 1 is never valid" : expected}}));
    }

    void email(const std::string& v, const source_location& at, const std::string& field, const std::string& reg) {
        if (!is_email(v)) emit(make_finding("fact.email", "invalid", at, reg, {{"value", v}, {"field", field}}));
    }

    void url(const std::string& v, const source_location& at, const std::string& field, const std::string& reg) {
        if (is_web_url(v)) return;
        const auto colon = v.find(':');
        const bool has_scheme =
            colon != std::string::npos && colon > 0 &&
            std::all_of(v.begin(), v.begin() + static_cast<long>(colon), [](char c) {
                return std::isalpha(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
            });
        std::string lower = v;
        std::transform(lower.begin(), lower.end(), lower.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        lower.erase(std::remove_if(lower.begin(), lower.end(), [](unsigned char c) { return c <= 0x20; }), lower.end());
        if (has_scheme && !lower.starts_with("http:") && !lower.starts_with("https:")) {
            emit(make_finding("fact.url", "scheme", at, reg, {{"value", v}, {"field", field}}));
        } else if (!has_scheme && is_web_url("https://" + v)) {
            emit(make_finding("fact.url", "no-scheme", at, reg,
                              {{"value", v}, {"field", field}, {"expected", "https://" + v}}));
        } else {
            emit(make_finding("fact.url", "invalid", at, reg, {{"value", v}, {"field", field}}));
        }
    }

    void phone(const std::string& v, const source_location& at, const std::string& field, const std::string& reg) {
        if (!phone_to_e164(v)) emit(make_finding("fact.phone", "invalid", at, reg, {{"value", v}, {"field", field}}));
    }

    void address_checks(const address& a, const std::string& field, const std::string& reg) {
        if (a.street.empty()) emit(make_finding("fact.address", "missing-street", a.where, reg, {{"field", field}}));
        if (a.postal_code.empty()) {
            emit(make_finding("fact.address", "missing-postal-code", a.where, reg, {{"field", field}}));
        } else if ((a.country.empty() || a.country == "FI") &&
                   !(a.postal_code.size() == 5 && std::all_of(a.postal_code.begin(), a.postal_code.end(),
                                                              [](char c) { return c >= '0' && c <= '9'; }))) {
            emit(make_finding("fact.address", "bad-postal-code", a.where, reg,
                              {{"field", field}, {"value", a.postal_code}}));
        }
        if (a.town.empty()) emit(make_finding("fact.address", "missing-town", a.where, reg, {{"field", field}}));
    }

    // --- free text -----------------------------------------------------------------------------
    // A bidi or zero-width control in free text: the first one of each value.
    void invisible_characters(const text_ref& tr, const std::string& reg) {
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

    void text_checks(const text_ref& tr, const std::string& reg, bool spell) {
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
                for (lang l : all_langs) {
                    p["message." + std::string(lang_code(l))] = ref.message[static_cast<size_t>(l)];
                    std::string rep = ref.replacement[static_cast<size_t>(l)];
                    while (!rep.empty() && rep.back() == '.') rep.pop_back();  // the message ends the sentence
                    p["replacement." + std::string(lang_code(l))] = rep;
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
        if (spell && opts_.spelling && wanted("text.spelling")) spelling(tr, reg);
        for (lang l : opts_.langs)
            if (!t.has(l))
                emit(make_finding("i18n.missing-translation", "missing", t.where, reg,
                                  {{"field", tr.field}, {"lang", std::string(lang_code(l))}}));
    }

    void spelling(const text_ref& tr, const std::string& reg) {
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
            for (const auto& m : detail::misspellings(l, *v.s, accepted_[static_cast<size_t>(l)])) {
                detail::term_match tm{m.word, 0, m.start_byte};
                std::string sugg;
                for (const auto& s : m.suggestions) sugg += (sugg.empty() ? "" : ", ") + s;
                params p{{"field", tr.field}, {"word", m.word}, {"lang", std::string(lang_code(l))}};
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

    void wrong_sector(const register_& r, const std::vector<text_ref>& texts) {
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

    const source_doc& doc_;
    const check_options& opts_;
    date today_;
    std::vector<finding>& out_;
    std::array<std::vector<std::string>, 3> accepted_;
};

}  // namespace

std::vector<finding> check(const source_doc& doc, const check_options& opts) {
    std::vector<finding> out;
    checker c(doc, opts, out);
    for (const auto& o : doc.organisations) c.organisation_checks(o, "");
    for (const auto& p : doc.people) c.person_checks(p, "");
    for (const auto& r : doc.registers) c.register_checks(r);
    sort_findings(out);
    return out;
}

std::vector<finding> check_register(const source_doc& doc, const register_& reg, const check_options& opts) {
    std::vector<finding> out;
    checker c(doc, opts, out);
    std::set<std::string> orgs, people;
    for (const auto& ctl : reg.controllers) orgs.insert(ctl.id);
    if (reg.representative) {
        orgs.insert(reg.representative->id);
        people.insert(reg.representative->id);
    }
    if (reg.dpo) people.insert(reg.dpo->id);
    for (const auto& ct : reg.contacts) people.insert(ct.id);
    for (const auto& id : people)
        if (const person* p = doc.find_person(id); p && !p->organisation_ref.empty()) orgs.insert(p->organisation_ref);
    for (const auto& o : doc.organisations)
        if (orgs.contains(o.id)) c.organisation_checks(o, reg.id);
    for (const auto& p : doc.people)
        if (people.contains(p.id)) c.person_checks(p, reg.id);
    c.register_checks(reg);
    sort_findings(out);
    return out;
}
}  // namespace seloste
