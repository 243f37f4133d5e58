// Support for the Python package (bindings/python): writing a model back as a source.
//
// The Python package lets a script change a source in memory (fill a group
// template with each company's data) and then hand it to the core's file-based
// steps (render_to_directory, build_site). to_source_xml writes a source_doc as a
// source file (docs/source-format.md) that read_source reads back to the same
// model (blocks are written inline, comments and locations are not kept).
//
// Nothing else in the core depends on this file.
#pragma once

#include <string>

#include "seloste/model.hpp"

namespace seloste {

std::string to_source_xml(const source_doc& doc);

}  // namespace seloste
