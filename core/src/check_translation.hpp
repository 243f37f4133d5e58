// Rule i18n.translation-mismatch (check_translation*.cpp): the values of one language version of
// a text, read so that the same value written in each language's own way compares equal.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "seloste/model.hpp"

namespace seloste::detail::translation {

// In the order they are read: an e-mail address holds a domain, a phone number holds numbers.
enum class kind { email, url, business_id, phone, date, duration, number };
inline constexpr std::array<const char*, 7> kind_names{"email", "url",      "business-id", "phone",
                                                       "date",  "duration", "number"};

struct value {
    kind k = kind::number;
    std::string key;                 // the normalised value: equal keys are the same value
    std::vector<std::string> parts;  // numbers: the digit groups of "6.1" or "8:00", also matched alone
    std::string amount;              // durations: the number written ("15" of "15 år"), as a number's key
    bool weak = false;               // a number in a compound word ("15-vuotiaat"): matches, is not reported
    std::string shown;               // as written (UTF-8)
    size_t start_byte = 0;           // in the text value
};

// The values of `s`, a text in language `l`, in text order per kind.
std::vector<value> read_values(const std::string& s, lang l);

// Paragraphs (separated by a blank line) and the paragraphs that are list items
// ("- ", "• ", "1) ", "a) ").
struct shape {
    size_t paragraphs = 0, list_items = 0;
};
shape shape_of(const std::string& s);

}  // namespace seloste::detail::translation
