// The notice of one register in one language as JSON-LD in the W3C Data Privacy
// Vocabulary (DPV 2.2), with an inline @context (no remote context is ever fetched).
// The mapping, field by field: docs/json-ld.md; the fixed values: core/data/dpv-map.json.
//
//   auto doc = seloste::read_source("examples/seinajoki.xml");
//   std::string j = seloste::notice_jsonld(doc, doc.registers.at(0), seloste::lang::sv);
//
// The text is safe inside an HTML <script type="application/ld+json"> element:
// '<', '>', '&', U+2028 and U+2029 never appear literally (they are written as
// \u003c, \u003e, \u0026, \u2028 and \u2029 inside JSON strings), so no source text
// can end the element or open a comment.
#pragma once

#include <string>

#include "seloste/model.hpp"

namespace seloste {

struct jsonld_options {
    int indent = -1;  // -1: one line (embedded in pages); 2: a file (seloste export)
};

std::string notice_jsonld(const source_doc& doc, const register_& reg, lang l, const jsonld_options& opts = {});

}  // namespace seloste
