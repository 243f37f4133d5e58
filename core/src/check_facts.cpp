// The checks of facts (docs/checks.md, "Facts"): dates, business IDs, VAT numbers,
// e-mail addresses, web addresses, phone numbers and postal addresses.
#include <algorithm>
#include <cctype>

#include "check_impl.hpp"
#include "seloste/facts.hpp"

namespace seloste::detail {

namespace {

bool real_date(const date& d) {
    if (d.year < 1 || d.month < 1 || d.month > 12 || d.day < 1) return false;
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int max = days[d.month - 1];
    if (d.month == 2 && ((d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0)) max = 29;
    return d.day <= max;
}

// {proposal}: the rule's "proposal" message for `value` ("Write “…”."), or nothing.
void propose(params& p, std::string_view rule, const std::string& value, const std::string& reg) {
    if (value.empty()) {
        p["proposal"] = "";
        return;
    }
    const finding pf = make_finding(rule, "proposal", {}, reg, {{"value", value}});
    p["proposal.fi"] = pf.message_fi;
    p["proposal.sv"] = pf.message_sv;
    p["proposal.en"] = pf.message_en;
}

std::string fi_date(const date& d) {
    return std::to_string(d.day) + "." + std::to_string(d.month) + "." + std::to_string(d.year);
}

}  // namespace

void checker::dates(const register_& r) {
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

void checker::business_id(const std::string& v, const source_location& at, const std::string& reg) {
    if (is_business_id(v)) return;
    // What the value would be as a business ID: its digits after any label ("Y-tunnus:") and
    // without spaces, dots or hyphens. A label ending in FI makes it a VAT number (FI01244613).
    const size_t first = v.find_first_of("0123456789");
    std::string label = v.substr(0, first == std::string::npos ? v.size() : first);
    while (!label.empty() && std::string_view(" -:.").find(label.back()) != std::string_view::npos) label.pop_back();
    std::string digits;
    for (size_t i = first == std::string::npos ? v.size() : first; i < v.size(); ++i)
        if (v[i] >= '0' && v[i] <= '9')
            digits += v[i];
        else if (v[i] != ' ' && v[i] != '-' && v[i] != '.')
            digits = "not a business ID";
    std::string id = digits.size() == 8 ? digits.substr(0, 7) + "-" + digits.substr(7) : "";
    if (!is_business_id(id)) id.clear();
    const bool vat = label.size() >= 2 && (label[label.size() - 2] == 'F' || label[label.size() - 2] == 'f') &&
                     (label.back() == 'I' || label.back() == 'i');
    if (vat && !id.empty()) {
        emit(make_finding("fact.business-id", "vat-number", at, reg, {{"value", v}, {"id", id}}));
        return;
    }
    const bool shape = v.size() == 9 && v[7] == '-' &&
                       std::all_of(v.begin(), v.begin() + 7, [](char c) { return c >= '0' && c <= '9'; }) &&
                       v[8] >= '0' && v[8] <= '9';
    if (!shape) {
        params p{{"value", v}};
        propose(p, "fact.business-id", id, reg);
        emit(make_finding("fact.business-id", "format", at, reg, p));
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

// A Finnish VAT number (ALV-numero): FI and the eight digits of the business ID, without its hyphen.
void checker::vat_number(const organisation& o, const std::string& reg) {
    const std::string& v = o.vat_number;
    const auto digit = [](char c) { return c >= '0' && c <= '9'; };
    const bool fi_prefix = v.size() >= 2 && (v[0] == 'F' || v[0] == 'f') && (v[1] == 'I' || v[1] == 'i');
    // A foreign organisation's own VAT number (another country's prefix) is not checked here.
    const address* a = o.visiting_address ? &*o.visiting_address : o.postal_address ? &*o.postal_address : nullptr;
    if (!fi_prefix && a && !a->country.empty() && a->country != "FI") return;
    const auto as_business_id = [](const std::string& eight) { return eight.substr(0, 7) + "-" + eight.substr(7); };
    const std::string from_id =
        is_business_id(o.business_id) ? "FI" + o.business_id.substr(0, 7) + o.business_id.substr(8) : "";
    const bool shape = v.size() == 10 && v[0] == 'F' && v[1] == 'I' && std::all_of(v.begin() + 2, v.end(), digit);
    if (!shape) {
        // The fix: from the business ID; else the value itself without spaces or hyphens, if that is one.
        std::string expected = from_id;
        if (expected.empty()) {
            std::string digits;
            for (char c : fi_prefix ? v.substr(2) : v)
                if (digit(c))
                    digits += c;
                else if (c != ' ' && c != '-' && c != '.')
                    digits = "x";
            if (digits.size() == 8 && is_business_id(as_business_id(digits))) expected = "FI" + digits;
        }
        params p{{"value", v}};
        propose(p, "fact.vat-number", expected, reg);
        emit(make_finding("fact.vat-number", "format", o.vat_number_where, reg, p));
    } else if (!from_id.empty()) {
        if (v != from_id)
            emit(make_finding("fact.vat-number", "business-id-mismatch", o.vat_number_where, reg,
                              {{"value", v}, {"id", o.business_id}, {"expected", from_id}}));
    } else if (!is_business_id(as_business_id(v.substr(2)))) {
        emit(make_finding("fact.vat-number", "check-digit", o.vat_number_where, reg,
                          {{"value", v}, {"id", as_business_id(v.substr(2))}}));
    }
}

void checker::email(const std::string& v, const source_location& at, const std::string& field, const std::string& reg) {
    if (is_email(v)) return;
    const auto fixed = repair_email(v);
    if (fixed && fixed->disguised) {
        emit(make_finding("fact.email", "obfuscated", at, reg,
                          {{"value", v}, {"field", field}, {"expected", fixed->address}}));
        return;
    }
    params p{{"value", v}, {"field", field}};
    propose(p, "fact.email", fixed ? fixed->address : "", reg);
    emit(make_finding("fact.email", "invalid", at, reg, p));
}

void checker::url(const std::string& v, const source_location& at, const std::string& field, const std::string& reg) {
    if (is_web_url(v)) return;
    const auto colon = v.find(':');
    const bool has_scheme = colon != std::string::npos && colon > 0 &&
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

void checker::phone(const std::string& v, const source_location& at, const std::string& field, const std::string& reg) {
    if (phone_to_e164(v)) return;
    if (const auto fixed = repair_phone(v)) {
        emit(make_finding("fact.phone", "prefix", at, reg,
                          {{"value", v}, {"field", field}, {"term", fixed->label}, {"expected", fixed->number}}));
        return;
    }
    emit(make_finding("fact.phone", "invalid", at, reg, {{"value", v}, {"field", field}}));
}

void checker::address_checks(const address& a, const std::string& field, const std::string& reg) {
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

}  // namespace seloste::detail
