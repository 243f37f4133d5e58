// Internal support for the checks (check*.cpp): rule data, term matching, word locations.
#pragma once

#include <unicode/regex.h>

#include <array>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "seloste/check.hpp"

namespace seloste::detail {

// An embedded data file (core/data/...), parsed as JSON text. Throws seloste::error when missing.
std::string_view check_data_file(std::string_view path);

// One regular expression of the check data (ICU syntax, case-insensitive). Most
// texts match none of the patterns, so each pattern knows literals that every match
// must contain, and runs (and is compiled) only for a text that holds them.
class term_pattern {
   public:
    // Each requirement: one of these case-folded literals (UTF-8) is in every match.
    using requirement = std::vector<std::string>;

    explicit term_pattern(std::string source);
    const std::string& source() const { return source_; }
    // All of them hold for every match; empty when nothing is known.
    const std::vector<requirement>& required() const { return required_; }
    // Compiled on first use (thread-safe). Throws seloste::error for a bad expression.
    const icu::RegexPattern& regex() const;

   private:
    std::string source_;
    std::vector<requirement> required_;
    mutable std::once_flag once_;
    mutable std::unique_ptr<icu::RegexPattern> re_;
    mutable std::string compile_error_;
};

// What every match of `re` contains, as written (not case-folded): each entry lists
// alternatives, one of which is in the match. A literal run gives one alternative; a
// group of alternatives ("(raderas|förstörs)") gives one per branch. Nothing is
// known of optional parts, and nothing at all of an expression beyond this simple
// reading (alternation at the top, inline flags, back references, unknown escapes).
std::vector<term_pattern::requirement> required_literals(std::string_view re);

using pattern_list = std::vector<std::shared_ptr<const term_pattern>>;

// Regular expressions per language (fi, sv, en) and for every language ("any").
struct pattern_set {
    std::array<pattern_list, 3> by_lang;
    pattern_list any;
    bool empty() const;
};

struct term_match {
    std::string text;       // the matched text (UTF-8)
    size_t start_cp = 0;    // offset in code points
    size_t start_byte = 0;  // offset in bytes
};

// At most this many matches are returned for one text: the checks make a finding of each,
// and locating a finding in the file costs a pass over the text.
inline constexpr size_t max_term_matches = 100;

// The matches in `s`, in text order, the first max_term_matches of them; linear in `s`.
// `l` empty: the text is neutral, so every language's patterns apply.
std::vector<term_match> find_terms(const pattern_set& p, std::optional<lang> l, const std::string& s);

struct outdated_ref {
    std::string id, rule;
    severity level = severity::error;
    std::optional<std::string> article;  // overrides the rule's
    pattern_set terms;
    std::array<std::string, 3> message, replacement;
};

struct sector_rule {
    std::array<std::string, 3> name, other_name;
    pattern_set register_terms, other_register_terms, foreign_terms;
};

struct message_variant {
    std::optional<severity> level;
    std::optional<std::string> article;
    std::array<std::string, 3> text;
};

struct rule_info {
    severity level = severity::error;
    std::string article;
    std::map<std::string, message_variant, std::less<>> variants;
};

struct check_data {
    std::map<std::string, rule_info, std::less<>> rules;
    std::map<std::string, pattern_set, std::less<>> terms;  // retention_vague, portability, ...
    std::vector<outdated_ref> outdated;
    std::vector<sector_rule> sectors;

    const pattern_set& term(std::string_view name) const;
};

// Loaded once from core/data/checks.json, outdated-references.json and sector-terms.json.
const check_data& checks();

using params = std::map<std::string, std::string>;

// A finding of `rule` with the messages of `variant`, {placeholders} filled from `p`.
// Placeholders may hold per-language values: "key" for all languages, "key.fi", "key.sv", "key.en" for one.
finding make_finding(std::string_view rule, std::string_view variant, const source_location& where,
                     const std::string& register_id, const params& p = {});

// Where `needle` (the occurrence-th one, 0-based) stands in the text of element `element_at`
// in the source file, in language child `l` when given. Falls back to `element_at`.
// The file is read as it is now: once per location_scope (one check), else on every call.
source_location locate_in_text(const source_location& element_at, std::optional<lang> l, std::string_view needle,
                               size_t occurrence);

// While one exists on a thread, the source files that locate_in_text reads are kept, so the
// findings of one check read each file once. A check holds one: a file saved between two
// checks is read anew by the second. Scopes nest; the outermost one keeps the files.
class location_scope {
   public:
    location_scope();
    ~location_scope();
    location_scope(const location_scope&) = delete;
    location_scope& operator=(const location_scope&) = delete;
};

// How many times `needle` occurs in `s` before byte offset `end`.
size_t occurrences_before(const std::string& s, std::string_view needle, size_t end);

}  // namespace seloste::detail
