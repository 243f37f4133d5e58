// XML and text handling for the reader: where elements and attributes stand in the
// raw text (tinyxml2 gives line numbers only), and the folding of whitespace in texts.
#pragma once

#include <tinyxml2.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "seloste/model.hpp"

namespace seloste::reading {

// Columns: the raw text, its line starts and a cursor that follows the start tags.
// Each element's position is found once, in document order, and kept in the
// element's user data (tinyxml2 gives line numbers only).
class locator {
   public:
    locator(std::string_view text, file_name file);

    const file_name& file() const { return file_; }

    // Finds where every element under `root` starts ("<name"), in document order.
    void locate_all(tinyxml2::XMLElement* root);

    // Where element `e` starts.
    const source_location& element(const tinyxml2::XMLElement* e) const;

    // Where attribute `name` of an element stands.
    source_location attribute(const tinyxml2::XMLElement* e, const char* name) const;

    // Best guess for a parse error on `line`: the first `</` or `<` there, else the first non-blank.
    source_location error_at(int line, bool end_tag) const;

    source_location at(int line, size_t offset) const;
    // Where byte `offset` of the text stands.
    source_location at_offset(size_t offset) const { return at(line_of(offset), offset); }
    // The byte offset of element `e`'s '<', of its attribute `name`; npos when unknown.
    size_t offset_of(const tinyxml2::XMLElement* e) const;
    size_t attribute_offset(const tinyxml2::XMLElement* e, const char* name) const;
    // Where the first invisible character at or after `from` stands (set_invisible).
    std::optional<source_location> invisible_from(size_t from) const;
    void set_invisible(std::vector<size_t> offsets) { invisible_ = std::move(offsets); }
    // The first element nested deeper than `max` levels (the root is level 1), or null.
    static const tinyxml2::XMLElement* too_deep(const tinyxml2::XMLElement* root, int max);

   private:
    struct element_pos {
        size_t offset;  // of the '<', npos when not found
        source_location where;
    };

    static void count(const tinyxml2::XMLElement* e, size_t& n);
    void locate(tinyxml2::XMLElement* e);
    size_t find_start_tag(std::string_view name, size_t from) const;
    size_t line_start(int line) const;
    size_t line_end(int line) const;
    int line_of(size_t pos) const;

    std::string_view text_;
    file_name file_;
    std::vector<size_t> starts_;
    std::vector<size_t> invisible_;
    size_t cursor_ = 0;
    std::vector<element_pos> positions_;  // reserved once: the user data points into it
    source_location unknown_;
    // The last column counted, to go on from there on the same line.
    mutable int last_line_ = 0, last_col_ = 1;
    mutable size_t last_offset_ = 0;
};

// Collapse whitespace; a blank line separates paragraphs ("\n\n" in the result).
std::string normalise_text(std::string_view raw);

// Whether `s` holds only blanks (space, tab, CR, LF).
bool blank(const char* s);

}  // namespace seloste::reading
