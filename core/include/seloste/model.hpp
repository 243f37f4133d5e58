// The register model: plain values, one struct per GDPR element.
//
// A source (`source_doc`) holds organisations, people and registers. Every value
// that came from a file carries its `source_location`, so checks and errors can
// point at it. References between elements (controller -> organisation) are kept
// as ids and resolved through `source_doc::find_*`.
#pragma once

#include <array>
#include <compare>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace seloste {

// The name of a source file, shared by every location read from that file:
// copying a location copies a pointer, not the path. Reads as a std::string.
class file_name {
   public:
    file_name() = default;
    file_name(std::string name);                                   // NOLINT: implicit, a location is built from a path
    file_name(const char* name) : file_name(std::string(name)) {}  // NOLINT

    const std::string& str() const;
    operator const std::string&() const { return str(); }  // NOLINT
    bool empty() const { return str().empty(); }

    friend bool operator==(const file_name& a, const file_name& b) { return a.p_ == b.p_ || a.str() == b.str(); }
    friend bool operator==(const file_name& a, const std::string& b) { return a.str() == b; }
    friend bool operator==(const file_name& a, std::string_view b) { return a.str() == b; }
    friend bool operator==(const file_name& a, const char* b) { return a.str() == b; }
    friend std::strong_ordering operator<=>(const file_name& a, const file_name& b) { return a.str() <=> b.str(); }
    friend std::ostream& operator<<(std::ostream& os, const file_name& f);

   private:
    std::shared_ptr<const std::string> p_;
};

struct source_location {
    file_name file;
    int line = 0;
    int column = 0;
};

// The languages a notice is rendered in.
enum class lang { fi, sv, en };
inline constexpr std::array<lang, 3> all_langs{lang::fi, lang::sv, lang::en};
std::string_view lang_code(lang l);
std::optional<lang> parse_lang(std::string_view code);

// A free-text field: plain text for every language, or one text per language.
struct text {
    std::string neutral;                                // used for every language when set
    std::array<std::optional<std::string>, 3> by_lang;  // indexed by lang
    source_location where;

    bool empty() const;
    bool has(lang l) const;  // true if neutral or a text in `l` exists
    // The text in `l`; when missing, the fallback (fi, sv, en order) and its language.
    struct resolved {
        const std::string* value = nullptr;
        std::optional<lang> lang_of_value;  // empty when neutral or exact
        bool fallback = false;
    };
    resolved get(lang l) const;
    void set(lang l, std::string value) { by_lang[static_cast<size_t>(l)] = std::move(value); }
};

struct address {
    text street;
    std::string postal_code;
    text town;
    std::string country = "FI";
    source_location where;
};

struct organisation {
    std::string id;
    text name;
    std::string business_id;
    source_location business_id_where;
    std::optional<address> visiting_address;
    std::optional<address> postal_address;
    std::string phone;
    source_location phone_where;
    std::string email;
    source_location email_where;
    std::string web;
    source_location web_where;
    text note;
    source_location where;
};

struct person {
    std::string id;
    text name;
    text title;
    std::string organisation_ref;
    std::string email;
    source_location email_where;
    std::string phone;
    source_location phone_where;
    std::string web;
    source_location web_where;
    std::optional<address> postal_address;
    source_location where;
};

// GDPR Art. 6(1) legal bases.
enum class legal_basis { consent, contract, legal_obligation, vital_interests, public_task, legitimate_interest };
std::string_view basis_code(legal_basis b);     // "consent", ...
std::string_view basis_article(legal_basis b);  // "6(1)(a)", ...
std::optional<legal_basis> parse_basis(std::string_view code);

struct purpose {
    std::optional<legal_basis> basis;  // empty only in sources read leniently (never from the reader)
    text description;
    text interest;  // the legitimate interest itself (basis legitimate_interest)
    bool direct_marketing = false;
    source_location where;
};

struct data_category {
    std::string id;
    text name;
    text description;
    source_location where;
};

struct item {  // a free-text list item with an optional flag
    text value;
    bool from_data_subject = false;  // sources only
    source_location where;
};

enum class safeguard { adequacy, scc_2021, bcr, derogation, other, scc_2010 };
std::string_view safeguard_code(safeguard s);
std::optional<safeguard> parse_safeguard(std::string_view code);

struct transfer {
    std::string country;  // ISO 3166 alpha-2, may be empty
    std::optional<safeguard> guard;
    text description;
    source_location where;
};

struct transfers_section {
    bool none = false;  // nothing leaves the EU/EEA
    text description;
    std::vector<transfer> items;
    source_location where;
};

struct duration {
    int years = 0, months = 0, days = 0;
    bool empty() const { return years == 0 && months == 0 && days == 0; }
};

struct retention_rule {
    std::string category_ref;  // empty: all data
    std::optional<duration> period;
    text criteria;
    text description;
    source_location where;
};

enum class requirement_kind { statutory, contractual, contract_prerequisite, statutory_and_contractual, voluntary };
std::string_view requirement_code(requirement_kind k);
std::optional<requirement_kind> parse_requirement(std::string_view code);

struct requirement_section {
    requirement_kind kind = requirement_kind::voluntary;
    text consequence;
    text description;
    source_location where;
};

struct automated_decisions_section {
    bool used = false;
    text description, logic, significance;
    source_location where;
};

struct security_section {
    text manual, electronic;
    source_location where;
};

struct analytics_service {
    std::string name;
    std::string opt_out_url;
    source_location opt_out_where;
    text description;
    source_location where;
};

struct cookies_section {
    text description;
    std::vector<item> collected;
    text refusal;
    std::vector<analytics_service> analytics;
    source_location where;
};

struct rights_section {
    text exercise;
    text note;
    source_location where;
};

struct date {
    int year = 0, month = 0, day = 0;
    std::string iso() const;  // YYYY-MM-DD
    auto operator<=>(const date&) const = default;
};

struct change {
    date when;
    text description;
    source_location where;
};

struct ref {
    std::string id;
    source_location where;
};

struct register_ {
    std::string id;
    text name;
    text description;
    std::vector<ref> controllers;
    text joint_arrangement;
    std::optional<ref> representative;
    std::optional<ref> dpo;
    std::vector<ref> contacts;
    std::vector<purpose> purposes;
    std::vector<item> data_subjects;
    std::vector<data_category> data_categories;
    std::vector<item> recipients;
    std::vector<item> processors;
    std::vector<item> disclosures;
    std::optional<transfers_section> transfers;
    std::vector<item> sources;
    source_location sources_where;
    std::vector<retention_rule> retention;
    source_location retention_where;
    std::optional<requirement_section> requirement;
    std::optional<automated_decisions_section> automated_decisions;
    std::optional<security_section> security;
    std::optional<cookies_section> cookies;
    std::optional<rights_section> rights;
    date notice_date;
    source_location notice_date_where;
    std::vector<change> history;
    source_location where;

    bool has_basis(legal_basis b) const;
};

struct word_list {
    std::optional<lang> language;  // empty: every language
    std::vector<std::string> words;
    source_location where;
};

struct source_doc {
    std::string file;  // as given to the reader
    std::vector<organisation> organisations;
    std::vector<person> people;
    std::vector<register_> registers;
    std::vector<word_list> words;

    const organisation* find_organisation(std::string_view id) const;
    const person* find_person(std::string_view id) const;
    const register_* find_register(std::string_view id) const;
};

}  // namespace seloste
