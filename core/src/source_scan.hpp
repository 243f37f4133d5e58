// The bytes of a source before and around tinyxml2 (docs/source-format.md, "What a
// source may contain"): line endings, UTF-8, control characters, references and
// declarations are checked here, with exact positions, before the text is parsed; after
// a failed parse the open elements are followed to say in words what is broken.
// tinyxml2 stays the parser: nothing here builds a document.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "xml_text.hpp"

namespace seloste::reading {

// Elements nest at most this deep (tinyxml2 itself stops at 99; the format needs 7).
inline constexpr int max_depth = 64;

// CRLF and a lone CR become LF, as XML defines (XML 1.0, 2.11); empty when `text` has no CR.
std::string normalise_line_ends(std::string_view text);

// A problem at a byte offset, its message complete ("… at L:C …; expected …").
struct scan_problem {
    size_t offset = 0;
    std::string message;
};

// Bidi controls and zero-width characters: U+202A–202E, U+2066–2069, U+200E/F, U+061C,
// U+200B–200D, U+2060, U+FEFF.
bool is_invisible(char32_t c);
// "U+202E (right-to-left override)".
std::string describe_char(char32_t c);

struct invisible_at {
    char32_t c;
    size_t offset;  // in bytes
};
// The first bidi or zero-width character of a UTF-8 string.
std::optional<invisible_at> find_invisible(std::string_view s);

// What the byte scan finds in the (line-normalised) text: every problem, the first of each
// kind with a count of the rest, in file order; and where invisible characters stand, raw or
// as character references, to locate them in ids and links.
struct byte_scan {
    std::vector<scan_problem> problems;
    std::vector<size_t> invisible;  // offsets, ascending
};
byte_scan scan_bytes(std::string_view text, const locator& loc);

// After tinyxml2 failed: the first structural problem (an end tag that does not match, the
// file ending inside an element, a tag, a comment; nesting too deep; a bare '<'), or nothing
// when the scan sees none.
std::optional<scan_problem> scan_structure(std::string_view text, const locator& loc);

}  // namespace seloste::reading
