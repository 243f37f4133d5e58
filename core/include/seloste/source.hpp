// Reading sources (docs/source-format.md).
//
//   seloste::source_doc doc = seloste::read_source("examples/seinajoki.xml");
//
// read_source throws source_error with every problem as file:line:col; the
// lenient form returns what it could read plus the problems, for `check`.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "seloste/errors.hpp"
#include "seloste/model.hpp"

namespace seloste {

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
