// The layout of a source file (the order of elements and the comments between them),
// recorded in the model so that the writer keeps it (model.hpp, layout_record).
#pragma once

#include <tinyxml2.h>

#include <string_view>

#include "seloste/model.hpp"

namespace seloste::reading {

// Records the comments before the root, the order of the root's children, of <blocks>'
// children and of every register's children, with the comments before each. Call after
// the registers are read: the n-th <register> element is doc.registers[n]. `xml` is the
// parsed text (with LF line ends), for the empty lines between elements.
void read_layout(const tinyxml2::XMLDocument& xdoc, std::string_view xml, source_doc& doc);

}  // namespace seloste::reading
