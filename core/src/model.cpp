#include "seloste/model.hpp"

#include <algorithm>
#include <cstdio>
#include <ostream>

#include "seloste/errors.hpp"

namespace seloste {

std::string_view lang_code(lang l) {
    switch (l) {
        case lang::fi: return "fi";
        case lang::sv: return "sv";
        case lang::en: return "en";
    }
    return "fi";
}

std::optional<lang> parse_lang(std::string_view code) {
    for (lang l : all_langs)
        if (lang_code(l) == code) return l;
    return std::nullopt;
}

bool text::empty() const {
    return neutral.empty() &&
           std::none_of(by_lang.begin(), by_lang.end(), [](const auto& t) { return t && !t->empty(); });
}

bool text::has(lang l) const {
    const auto& t = by_lang[static_cast<size_t>(l)];
    return !neutral.empty() || (t && !t->empty());
}

text::resolved text::get(lang l) const {
    const auto& exact = by_lang[static_cast<size_t>(l)];
    if (exact && !exact->empty()) return {&*exact, std::nullopt, false};
    if (!neutral.empty()) return {&neutral, std::nullopt, false};
    for (lang other : all_langs) {
        const auto& t = by_lang[static_cast<size_t>(other)];
        if (t && !t->empty()) return {&*t, other, true};
    }
    return {};
}

namespace {
struct basis_row {
    legal_basis b;
    std::string_view code, article;
};
constexpr basis_row bases[] = {
    {legal_basis::consent, "consent", "6(1)(a)"},
    {legal_basis::contract, "contract", "6(1)(b)"},
    {legal_basis::legal_obligation, "legal-obligation", "6(1)(c)"},
    {legal_basis::vital_interests, "vital-interests", "6(1)(d)"},
    {legal_basis::public_task, "public-task", "6(1)(e)"},
    {legal_basis::legitimate_interest, "legitimate-interest", "6(1)(f)"},
};
constexpr std::pair<safeguard, std::string_view> safeguards[] = {
    {safeguard::adequacy, "adequacy"},     {safeguard::scc_2021, "scc-2021"}, {safeguard::bcr, "bcr"},
    {safeguard::derogation, "derogation"}, {safeguard::other, "other"},       {safeguard::scc_2010, "scc-2010"},
};
constexpr std::pair<requirement_kind, std::string_view> requirements[] = {
    {requirement_kind::statutory, "statutory"},
    {requirement_kind::contractual, "contractual"},
    {requirement_kind::contract_prerequisite, "contract-prerequisite"},
    {requirement_kind::statutory_and_contractual, "statutory-and-contractual"},
    {requirement_kind::voluntary, "voluntary"},
};

template <class E, size_t N>
std::optional<E> find_code(const std::pair<E, std::string_view> (&table)[N], std::string_view code) {
    for (const auto& [e, c] : table)
        if (c == code) return e;
    return std::nullopt;
}
template <class E, size_t N>
std::string_view code_of(const std::pair<E, std::string_view> (&table)[N], E e) {
    for (const auto& [x, c] : table)
        if (x == e) return c;
    return {};
}
const std::pair<art9_condition, std::string_view> conditions[] = {
    {art9_condition::explicit_consent, "explicit-consent"},
    {art9_condition::employment, "employment"},
    {art9_condition::vital_interests, "vital-interests"},
    {art9_condition::not_for_profit, "not-for-profit"},
    {art9_condition::made_public, "made-public"},
    {art9_condition::legal_claims, "legal-claims"},
    {art9_condition::substantial_public_interest, "substantial-public-interest"},
    {art9_condition::health_care, "health-care"},
    {art9_condition::public_health, "public-health"},
    {art9_condition::archiving, "archiving"},
};

const std::pair<controllership, std::string_view> relations[] = {
    {controllership::single, "single"},
    {controllership::joint, "joint"},
    {controllership::separate, "separate"},
    {controllership::group, "group"},
};
}  // namespace

std::string_view condition_code(art9_condition c) {
    return code_of(conditions, c);
}
std::string_view condition_article(art9_condition c) {
    static const std::string_view articles[] = {"9(2)(a)", "9(2)(b)", "9(2)(c)", "9(2)(d)", "9(2)(e)",
                                                "9(2)(f)", "9(2)(g)", "9(2)(h)", "9(2)(i)", "9(2)(j)"};
    return articles[static_cast<size_t>(c)];
}
std::optional<art9_condition> parse_condition(std::string_view code) {
    return find_code(conditions, code);
}
std::string_view controllership_code(controllership c) {
    return code_of(relations, c);
}
std::optional<controllership> parse_controllership(std::string_view code) {
    return find_code(relations, code);
}

std::string_view basis_code(legal_basis b) {
    return bases[static_cast<size_t>(b)].code;
}
std::string_view basis_article(legal_basis b) {
    return bases[static_cast<size_t>(b)].article;
}
std::optional<legal_basis> parse_basis(std::string_view code) {
    for (const auto& row : bases)
        if (row.code == code) return row.b;
    return std::nullopt;
}
std::string_view safeguard_code(safeguard s) {
    return code_of(safeguards, s);
}
std::optional<safeguard> parse_safeguard(std::string_view code) {
    return find_code(safeguards, code);
}
std::string_view requirement_code(requirement_kind k) {
    return code_of(requirements, k);
}
std::optional<requirement_kind> parse_requirement(std::string_view code) {
    return find_code(requirements, code);
}

std::string date::iso() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

bool register_::has_basis(legal_basis b) const {
    return std::any_of(purposes.begin(), purposes.end(), [b](const purpose& p) { return p.basis == b; });
}

template <class T>
static const T* find_by_id(const std::vector<T>& v, std::string_view id) {
    auto it = std::find_if(v.begin(), v.end(), [id](const T& x) { return x.id == id; });
    return it == v.end() ? nullptr : &*it;
}
const organisation* source_doc::find_organisation(std::string_view id) const {
    return find_by_id(organisations, id);
}
const person* source_doc::find_person(std::string_view id) const {
    return find_by_id(people, id);
}
const contact_point* source_doc::find_contact_point(std::string_view id) const {
    return find_by_id(contact_points, id);
}
const block* source_doc::find_block(std::string_view id) const {
    return find_by_id(blocks, id);
}
const register_* source_doc::find_register(std::string_view id) const {
    return find_by_id(registers, id);
}

file_name::file_name(std::string name) {
    if (!name.empty()) p_ = std::make_shared<const std::string>(std::move(name));
}

const std::string& file_name::str() const {
    static const std::string none;
    return p_ ? *p_ : none;
}

std::ostream& operator<<(std::ostream& os, const file_name& f) {
    return os << f.str();
}

std::string format_diagnostic(const diagnostic& d) {
    return escape_for_terminal(d.where.file.str()) + ":" + std::to_string(d.where.line) + ":" +
           std::to_string(d.where.column) + ": error: " + escape_for_terminal(d.message);
}

static std::string join_diagnostics(const std::vector<diagnostic>& diags) {
    std::string s;
    for (const auto& d : diags) {
        if (!s.empty()) s += '\n';
        s += format_diagnostic(d);
    }
    return s;
}

source_error::source_error(std::vector<diagnostic> diags)
    : error(join_diagnostics(diags), diags.empty() ? source_location{} : diags.front().where),
      diags_(std::move(diags)) {}

}  // namespace seloste
