// Writing a model back as a source file (docs/source-format.md).
//
// A script may change a source in memory (fill a group template with each
// company's data, as the Python package does) and save it, or hand it to the
// file-based steps (render_to_directory, build_site). read_source reads the
// result back to the same model (blocks are written inline; comments and
// locations are not kept).
#pragma once

#include <string>

#include "seloste/model.hpp"

namespace seloste {

std::string to_source_xml(const source_doc& doc);

}  // namespace seloste
