// Finnish terms given by their base forms (core/data/gdpr-terms.json, "base-forms"): a term
// matches every inflected form that Voikko analyses to its base form(s).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "check_support.hpp"

namespace seloste::detail {

// One term: the base forms of its words in order, in lower case ("arkaluonteinen", "tieto").
using base_form_term = std::vector<std::string>;

// "arkaluonteinen tieto" -> {"arkaluonteinen", "tieto"} (lower case, split at white space).
base_form_term parse_base_form_term(const std::string& s);

// The matches in the Finnish text `s` of `terms`, in text order, each with the index of its term:
// consecutive words (white space between them) whose Voikko analyses include the term's base
// forms; hyphenated words are one word ("kielto-oikeuttaan"). At most max_term_matches. Linear in
// `s`: only words that begin as a base form does are analysed, each distinct word once.
std::vector<std::pair<size_t, term_match>> find_base_forms(const std::vector<base_form_term>& terms,
                                                           const std::string& s);

}  // namespace seloste::detail
