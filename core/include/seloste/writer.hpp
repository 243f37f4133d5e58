// Writing a model back as a source file (docs/source-format.md).
//
// A script may change a source in memory (fill a group template with each
// company's data, as the Python package does) and save it, or hand it to the
// file-based steps (render_to_directory, build_site). read_source reads the
// result back to the same model.
//
// What a source read from a file keeps when written back:
// - blocks: `source_doc::blocks` are written under <blocks>; a register's section that
//   came from a block (`register_::block_refs`, `purpose::block`, `data_category::block`)
//   is written as `<security ref="ID"/>` (`<purpose ref>`, `<category ref>`) as long as it
//   still equals the block. A register's copy that was changed is written inline in that
//   register (the block stays, for the registers that still use it). The registers'
//   copies are what is rendered and checked; to change a shared section everywhere, change
//   the block and call apply_blocks.
// - layout: the order of the root's, <blocks>' and each register's children and the
//   comments before them (`layout_record`); elements added in memory go where the
//   canonical order puts them. Comments inside other elements, whitespace inside texts and
//   locations are not kept.
#pragma once

#include <string>
#include <string_view>

#include "seloste/model.hpp"

namespace seloste {

std::string to_source_xml(const source_doc& doc);

// Copies a block's content into the registers that refer to it (block_refs,
// purpose::block, data_category::block), e.g. after a script changed the block: the
// block `id`, or every block when `id` is empty. It replaces those registers' copies,
// changed or not.
void apply_blocks(source_doc& doc, std::string_view id = {});

}  // namespace seloste
