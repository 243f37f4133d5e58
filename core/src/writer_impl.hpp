// The writer's parts, private to the core: an XML emitter with the source format's
// indentation, the pieces (child elements) it arranges in a file's recorded layout,
// and the register writer (writer_register.cpp).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "seloste/model.hpp"

namespace seloste::writing {

// Appends XML to a string, two spaces per level.
class xml_out {
   public:
    explicit xml_out(int depth) : depth_(depth) {}

    std::string take() { return std::move(out_); }
    std::string& raw() { return out_; }
    int depth() const { return depth_; }

    static void escape(std::string& out, std::string_view s, bool attribute);
    static std::string attr(const char* name, std::string_view value);
    void indent();
    void open(const char* name, const std::string& attrs = {});
    void close(const char* name);
    void empty(const char* name, const std::string& attrs = {});
    void plain(const char* name, std::string_view value, bool always = false);
    void text_content(const text& t);
    void text_el(const char* name, const text& t, bool always = false, const std::string& attrs = {});
    void address_el(const char* name, const address& a);

   private:
    std::string out_;
    int depth_;
};

// One child element written out, with what identifies it in a recorded layout.
struct piece {
    std::string element;
    std::string id;
    int index = 0;  // among the pieces of the same element
    std::string xml;
};

// Numbers the pieces' indexes per element, in their (canonical) order.
void number(std::vector<piece>& pieces);

// The pieces in the recorded layout: the recorded ones in the file's order, with their
// comments; the others where the canonical order (the vector's) puts them, after the
// piece that precedes them there. `depth` indents the comments.
std::string arrange(const std::vector<piece>& pieces, const layout_record& layout, int depth);

// A register and its sections (writer_register.cpp).
std::string write_register(const source_doc& doc, const register_& r, int depth);
// A block under <blocks>, with its id.
std::string write_block(const block& b, int depth);

}  // namespace seloste::writing
