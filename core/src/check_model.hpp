// The model as the checks see it (check*.cpp): every free text with the element path
// that names it in messages, the values of a text per language, where a match stands.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "check_support.hpp"
#include "seloste/check.hpp"
#include "seloste/model.hpp"

namespace seloste::detail {

struct text_ref {
    const text* t;
    std::string field;
};

// Every non-empty free text of a register.
std::vector<text_ref> register_texts(const register_& r);

// Names and addresses are proper nouns: they are checked for outdated references and
// translations, but not spelt (spell = false).
struct entity_text {
    text_ref ref;
    bool spell;
};

// `path` names the organisation in messages ("supervisory-authority"); "organisation[ID]" when empty.
std::vector<entity_text> organisation_texts(const organisation& o, const std::string& path = "");
std::vector<entity_text> person_texts(const person& pe);
// A contact point's name and addresses: names, not spelt.
std::vector<entity_text> contact_point_texts(const contact_point& cp);

struct text_value {
    std::optional<lang> l;  // empty: neutral
    const std::string* s;
};

// The non-empty values of a text: the neutral one, then one per language.
std::vector<text_value> values(const text& t);

// Where match `m` of value `v` of text `t` stands in the file.
source_location where_in(const text& t, const text_value& v, const term_match& m);

// "[3]" for index 2: 1-based positions in element paths.
std::string idx(size_t i);

// File, then line and column.
void sort_findings(std::vector<finding>& f);

}  // namespace seloste::detail
