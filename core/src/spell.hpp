// Spell checkers for the checks: Voikko for Finnish, Hunspell for Swedish and English.
#pragma once

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

// The words of `text` (language `l`) that the checker rejects. Skipped: e-mail addresses, URLs,
// words with digits, abbreviations in capitals (also "EU:n"), one-letter words and `accepted` words
// (as written, with the first letter in lower case, or inflected: the word plus an ending of at most
// four letters). Thread-safe.
std::vector<misspelling> misspellings(lang l, const std::string& text, const std::vector<std::string>& accepted,
                                      size_t max_suggestions = 3);

}  // namespace seloste::detail
