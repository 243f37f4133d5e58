// Reading sources (docs/source-format.md).
//
//   seloste::source_doc doc = seloste::read_source("examples/seinajoki.xml");
//
// read_source throws source_error with every problem as file:line:col; the
// lenient form returns what it could read plus the problems, for `check`. A source
// that cannot be published is refused: over max_source_bytes, not UTF-8, control
// characters, DOCTYPE or entity declarations, undefined entities, invisible controls
// in ids, links, e-mail addresses and phone numbers, ids outside their alphabet.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "seloste/errors.hpp"
#include "seloste/model.hpp"

namespace seloste {

// A larger source is refused before it is parsed (docs/source-format.md).
inline constexpr std::size_t max_source_bytes = 16u * 1024u * 1024u;
// Ids: [a-z][a-z0-9-]*, at most this many characters; a register id becomes a file name.
inline constexpr std::size_t max_id_length = 64;

source_doc read_source(const std::string& path);
source_doc read_source_string(std::string_view xml, const std::string& file_name = "<string>");

struct read_result {
    source_doc doc;                       // everything that could be read
    std::vector<diagnostic> diagnostics;  // empty when the source is well-formed and valid
    bool well_formed = true;              // false: the XML itself is broken, doc is empty
};
read_result read_source_lenient(const std::string& path);
read_result read_source_string_lenient(std::string_view xml, const std::string& file_name = "<string>");

}  // namespace seloste
