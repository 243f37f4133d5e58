// Localisation: the standard texts (core/data/messages/LANG.json, ICU MessageFormat)
// and everything that depends on the locale, through ICU.
//
//   seloste::format_date({2025, 2, 22}, seloste::lang::fi)     -> "22.2.2025"
//   seloste::format_list({"A", "B", "C"}, seloste::lang::sv)   -> "A, B och C"
//   seloste::format_duration({.years = 10}, seloste::lang::en) -> "10 years"
//
// Date styles, ICU's CLDR patterns, decided explicitly: fi "22.2.2025" (fi_FI short);
// sv "22 februari 2025" (sv_FI long: its short form 2025-02-22 is not Finland-Swedish
// usage); en "22 February 2025" (en_GB long: unambiguous for international readers).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "seloste/model.hpp"

namespace seloste {

// The ICU locale used for a language: fi_FI, sv_FI, en_GB.
const char* icu_locale(lang l);

// A standard text. Throws icu_error for an unknown key.
const std::string& message(lang l, std::string_view key);

// A standard text with named arguments. String values; numeric values are
// passed as numbers when the pattern uses them in plural/number arguments.
std::string format_message(lang l, std::string_view key, const std::map<std::string, std::string>& args,
                           const std::map<std::string, double>& numbers = {});

std::string format_date(const date& d, lang l);
std::string format_list(const std::vector<std::string>& items, lang l);
std::string format_duration(const duration& d, lang l);

// A country's name from its ISO 3166 code ("US" -> "Yhdysvallat"); the code when ICU has no name.
std::string country_name(const std::string& code, lang l);

// An address on one line: "Street 1, 00100 Town", and ", Country" where the page's
// reader may be abroad: always in English, in Finnish and Swedish only outside Finland.
std::string format_address(const address& a, lang l);

// Sorts by the language's collation (e.g. Swedish å, ä, ö after z).
void sort_collated(std::vector<std::string>& items, lang l);

// The supervisory authority's block (core/data/authority.json).
struct authority_info {
    std::string name, visiting_address, postal_address, phone, phone_e164, email, web;
};
authority_info authority(lang l);

}  // namespace seloste
