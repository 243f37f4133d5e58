// The checker behind seloste::check (check.hpp): one pass over a source that appends
// findings to a list. Its rules are split by concern: check.cpp (the entry points and
// what is checked of each element), check_completeness.cpp (GDPR Art. 13/14 and the
// consistency of the texts with the bases), check_facts.cpp (dates, business IDs, VAT
// numbers, e-mail, URLs, phone numbers, addresses), check_text.cpp (outdated
// references, invisible characters, spelling, translations, wrong sector).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "check_model.hpp"
#include "check_support.hpp"
#include "seloste/check.hpp"
#include "seloste/model.hpp"
#include "spell.hpp"

namespace seloste::detail {

// check_repairs.cpp: the corrected value for a fact finding, when the value is a valid one in disguise.
struct email_repair {
    std::string address;
    bool disguised = false;  // "(at)", "ät", " @ ": written so on purpose, not a slip
};
std::optional<email_repair> repair_email(std::string_view value, bool in_text = false);
struct phone_repair {
    std::string label, number;  // "puh.", "06 414 1111"
};
std::optional<phone_repair> repair_phone(std::string_view value);

class checker {
   public:
    checker(const source_doc& doc, const check_options& opts, std::vector<finding>& out);

    // `path` names the organisation in messages: "organisation[ID]" when empty.
    void organisation_checks(const organisation& o, const std::string& reg, const std::string& path = "");
    void person_checks(const person& pe, const std::string& reg);
    void contact_point_checks(const contact_point& cp, const std::string& reg);
    void register_checks(const register_& r);

   private:
    void emit(finding f) {
        if (wanted(f.level)) out_.push_back(std::move(f));
    }
    // severity is ordered error < warning < info.
    bool wanted(severity s) const { return static_cast<int>(s) <= static_cast<int>(opts_.least); }
    // Whether a rule can give a finding that is wanted: work for a rule that
    // cannot is skipped.
    bool wanted(std::string_view rule) const;

    // check_completeness.cpp
    void completeness(const register_& r);
    void controllers(const register_& r);
    void special_categories(const register_& r);
    void subject_groups(const register_& r);
    void consistency(const register_& r);

    // check_facts.cpp
    void dates(const register_& r);
    void business_id(const std::string& v, const source_location& at, const std::string& reg);
    void vat_number(const organisation& o, const std::string& reg);
    void email(const std::string& v, const source_location& at, const std::string& field, const std::string& reg);
    void url(const std::string& v, const source_location& at, const std::string& field, const std::string& reg);
    void phone(const std::string& v, const source_location& at, const std::string& field, const std::string& reg);
    void address_checks(const address& a, const std::string& field, const std::string& reg);

    // check_text.cpp
    void invisible_characters(const text_ref& tr, const std::string& reg);
    void text_checks(const text_ref& tr, const std::string& reg, bool spell);
    void spelling(const text_ref& tr, const std::string& reg);
    dictionary english_dictionary();                                  // check_spelling.cpp
    void outdated_terms(const text_ref& tr, const std::string& reg);  // check_terms.cpp
    void wrong_sector(const register_& r, const std::vector<text_ref>& texts);
    void consent_checks(const register_& r, const std::vector<text_ref>& texts);   // check_consent.cpp
    void citations(const text_ref& tr, const std::string& reg);                    // check_citations.cpp
    void controller_role(const register_& r, const std::vector<text_ref>& texts);  // check_role.cpp
    void translation_mismatch(const text_ref& tr, const std::string& reg);         // check_translation.cpp
    void disguised_emails(const text_ref& tr, const std::string& reg);             // check_repairs.cpp

    location_scope files_;  // the source files, read once for this check
    const source_doc& doc_;
    const check_options& opts_;
    date today_;
    std::vector<finding>& out_;
    std::array<std::vector<std::string>, 3> accepted_;
    std::optional<dictionary> english_;
};

}  // namespace seloste::detail
