// Spell checkers for the checks: Voikko for Finnish, Hunspell for Swedish and English.
#pragma once

#include <unicode/unistr.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "seloste/model.hpp"

namespace seloste::detail {

// One misspelt word in a text.
struct misspelling {
    std::string word;
    size_t start_byte = 0;  // offset in the text
    std::vector<std::string> suggestions;
};

// True when a checker for `l` can be loaded (dictionary installed).
bool spelling_available(lang l);

// Words longer than this (in code points) are not spelt: no language has them, and a
// checker handed a megabyte of letters takes minutes.
inline constexpr int32_t max_spelt_word = 100;
inline constexpr size_t max_suggested_words = 50;
// At most this many misspellings are reported for one text: a text with more is not
// prose to correct word by word, and locating each finding in the file costs a pass
// over the text.
inline constexpr size_t max_reported_misspellings = 100;

// Blanks e-mail addresses and web addresses in `u` (same length, so offsets stay), in
// linear time (address_mask.cpp).
void mask_addresses(icu::UnicodeString& u);

// The words of `text` (language `l`) that the checker rejects. Skipped: e-mail addresses, URLs,
// words with digits, abbreviations in capitals (also "EU:n"), one-letter words and `accepted` words
// (as written, with the first letter in lower case, or inflected: the word plus an ending of at most
// four letters) and words longer than max_spelt_word. Suggestions are looked up once per distinct
// word, for at most max_suggested_words distinct words of a text; at most max_reported_misspellings
// are returned. Linear in the text. Thread-safe.
std::vector<misspelling> misspellings(lang l, const std::string& text, const std::vector<std::string>& accepted,
                                      size_t max_suggestions = 3);

}  // namespace seloste::detail
