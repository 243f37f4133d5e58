// Spell checkers for the checks: Voikko for Finnish, Hunspell for Swedish and English.
#pragma once

#include <unicode/unistr.h>

#include <functional>
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

// The dictionaries: Voikko's Finnish, Hunspell's Swedish (sv_FI, else sv_SE) and English in
// its British and American spelling.
enum class dictionary { fi, sv, en_gb, en_us };

// The dictionary of a language when nothing else is known: en-GB for English (EU English).
dictionary default_dictionary(lang l);
lang dictionary_lang(dictionary d);
// The dictionary's name in messages: "fi (Voikko)", "sv-FI", "en-GB", "en-US".
std::string dictionary_name(dictionary d);

// True when a checker for `l` (`d`) can be loaded (dictionary installed).
bool spelling_available(lang l);
bool spelling_available(dictionary d);

// en-GB or en-US for the English `texts` of one source: the one that accepts more of their words in
// lower case (names are not counted)
// that only one of the two accepts; a tie as core/data/spelling.json says (en-GB). Linear.
dictionary english_dictionary(const std::vector<const std::string*>& texts);

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
// words with digits, abbreviations in capitals (also "EU:n") and those of core/data/spelling.json
// ("esim.", "t.ex.", "i.e."), one-letter words and `accepted` words
// (as written, with the first letter in lower case, or inflected: the word plus an ending of at most
// four letters) and words longer than max_spelt_word. Accepted as well: compounds of accepted words
// and inflections the dictionary lacks, as core/data/spelling.json says (spell_rules.cpp). Suggestions are looked up
// once per distinct word, for at most max_suggested_words distinct words of a text; at most max_reported_misspellings
// are returned. Linear in the text. Thread-safe.
std::vector<misspelling> misspellings(dictionary d, const std::string& text, const std::vector<std::string>& accepted,
                                      size_t max_suggestions = 3);
// With default_dictionary(l).
std::vector<misspelling> misspellings(lang l, const std::string& text, const std::vector<std::string>& accepted,
                                      size_t max_suggestions = 3);

// Voikko's analysis: the base forms (BASEFORM) of a Finnish word, "rekisteröity" and "rekisteröityä"
// for "rekisteröidyn"; none for a word Voikko does not know or when Voikko is not installed.
// Thread-safe (the spelling checker's handle, under its lock).
bool base_forms_available();
std::vector<std::string> finnish_base_forms(const std::string& word);

// spell_rules.cpp: the data of core/data/spelling.json.
// True when `word` (as the tokenizer gave it, e.g. "t.ex" or "art"), followed by a dot in the text
// when `dot`, is an abbreviation of language `l`.
bool is_abbreviation(lang l, const icu::UnicodeString& word, bool dot);
// True when `word`, which the checker rejects, is a compound of words that `ok` accepts or an
// inflection that the dictionary lacks (language `l`). Each call of `ok` takes one from `budget`;
// none left: false. At most (max_word)^2 * joins calls per word.
// `bases` gives a word's base forms (Finnish, for the compounds of "compound-words").
bool accepted_by_rules(lang l, const icu::UnicodeString& word, const std::function<bool(const std::string&)>& ok,
                       const std::function<std::vector<std::string>(const std::string&)>& bases, size_t& budget);
// The dictionary for English texts that prefer neither spelling.
dictionary english_tie();
// At most this many dictionary look-ups per text for compounds and inflections (linear time).
inline constexpr size_t compound_lookups_per_text = 20000;

}  // namespace seloste::detail
