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
#include <map>
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
    std::string vat_number;  // e.g. FI01244613
    source_location vat_number_where;
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
    std::optional<address> visiting_address;
    std::optional<address> postal_address;
    source_location where;
};

// A contact point shared by several controllers or registers, e.g. one customer service.
struct contact_point {
    std::string id;
    text name;
    std::string email;
    source_location email_where;
    std::string phone;
    source_location phone_where;
    std::string web;
    source_location web_where;
    std::string request_form;  // a web form for data-subject requests
    source_location request_form_where;
    std::optional<address> visiting_address;
    std::optional<address> postal_address;
    source_location where;
};

// The groups of data subjects an element applies to: ids of <subject id> items of the
// register; empty means every group.
struct subject_refs {
    std::vector<std::string> ids;
    source_location where;
    bool empty() const { return ids.empty(); }
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
    subject_refs subjects;
    std::string block;  // the id of the <purpose> block it came from, if any
    source_location where;
};

// Art. 9 special categories and Art. 10 criminal-offence data.
enum class special_kind { none, art9, art10 };
// The conditions of Art. 9(2)(a)-(j).
enum class art9_condition {
    explicit_consent,
    employment,
    vital_interests,
    not_for_profit,
    made_public,
    legal_claims,
    substantial_public_interest,
    health_care,
    public_health,
    archiving
};
std::string_view condition_code(art9_condition c);     // "explicit-consent", ...
std::string_view condition_article(art9_condition c);  // "9(2)(a)", ...
std::optional<art9_condition> parse_condition(std::string_view code);

struct data_category {
    std::string id;
    text name;
    text description;
    special_kind special = special_kind::none;
    std::optional<art9_condition> condition;  // art9 only
    text legal_ground;                        // art10 (required), art9 (optional national law)
    subject_refs subjects;
    std::string block;  // the id of the <category> block it came from, if any
    source_location where;
};

struct item {  // a free-text list item with optional flags
    text value;
    bool from_data_subject = false;  // sources only
    source_location where;
    std::string id;                    // data subjects only: the group's id (may be empty)
    bool publicly_accessible = false;  // sources only: Art. 14(2)(f)
    subject_refs subjects;             // sources only
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
    text safeguards_copy;  // how to obtain a copy of the safeguards, Art. 13(1)(f)
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
    subject_refs subjects;
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
    std::string request_form;  // a web form for data-subject requests
    source_location request_form_where;
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
    text processing;  // controllers only: what this controller answers for
};

// How the controllers of a register relate (Art. 26 and the other real cases).
enum class controllership {
    single,    // one controller
    joint,     // Art. 26 joint controllers
    separate,  // several controllers, each for its own processing
    group      // one group company, controller of systems shared by the group
};
std::string_view controllership_code(controllership c);
std::optional<controllership> parse_controllership(std::string_view code);

// A related notice: a link with its own text.
struct related_link {
    std::string href;
    source_location href_where;
    text label;
    source_location where;
};

// How a file laid out the children of an element: their order and the comments before
// them, so that writing a source read from a file keeps both (reader_layout.cpp records
// it, writer.cpp follows it). Empty for a model built in memory.
struct layout_node {
    std::string element;                       // "register", "purpose", "security", ...
    std::string id;                            // its id= when it has one
    int index = 0;                             // its place among the same elements of its parent
    std::vector<std::string> comments_before;  // the text of each <!--...--> before it
    bool blank_line_before = false;            // an empty line before it (and its comments)
};

struct layout_record {
    std::vector<layout_node> children;
    std::vector<std::string> comments_after;  // after the last child element
    bool empty() const { return children.empty() && comments_after.empty(); }
};

struct register_ {
    std::string id;
    text name;
    text description;
    std::vector<ref> controllers;
    std::optional<controllership> relation;  // empty: several controllers, relationship not stated
    source_location relation_where;
    std::vector<ref> group_companies;  // controllership::group
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
    text further_processing;  // Art. 13(3)/14(4)
    std::vector<related_link> related;
    // Where a section came from a block: element name ("security", "retention", ...) -> block id.
    std::map<std::string, std::string> block_refs;
    date notice_date;
    source_location notice_date_where;
    std::vector<change> history;
    source_location where;
    layout_record layout;  // the order of its children and the comments before them

    bool has_basis(legal_basis b) const;
};

// A reusable section under <blocks>; its content sits in the matching field of `content`
// (purposes[0] for a purpose, data_categories[0] for a category, the section otherwise).
struct block {
    std::string kind;  // the element name: "security", "retention", "purpose", ...
    std::string id;
    register_ content;
    source_location where;
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
    std::vector<contact_point> contact_points;
    std::vector<block> blocks;
    std::vector<register_> registers;
    std::vector<word_list> words;
    // A lead supervisory authority other than the Finnish one (no id); empty: the Finnish
    // Data Protection Ombudsman (core/data/authority.json).
    std::optional<organisation> supervisory_authority;
    // The layout of the file: the root's children, <blocks>' children, and the comments
    // before the root element.
    layout_record layout;
    layout_record blocks_layout;
    std::vector<std::string> comments_before_root;

    const organisation* find_organisation(std::string_view id) const;
    const person* find_person(std::string_view id) const;
    const contact_point* find_contact_point(std::string_view id) const;
    const block* find_block(std::string_view id) const;
    const register_* find_register(std::string_view id) const;
};

}  // namespace seloste
