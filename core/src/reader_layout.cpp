// read_layout: the order of a file's elements and its comments (reader_layout.hpp).
#include "reader_layout.hpp"

#include <algorithm>
#include <map>
#include <string_view>

namespace seloste::reading {

namespace {

using tinyxml2::XMLElement;
using tinyxml2::XMLNode;

// The lines of the text, to see the empty ones (tinyxml2 keeps no whitespace between elements).
class lines {
   public:
    explicit lines(std::string_view xml) {
        starts_.push_back(0);
        for (size_t i = 0; i < xml.size(); ++i)
            if (xml[i] == '\n') starts_.push_back(i + 1);
        xml_ = xml;
    }
    // True when line `n` (1-based) holds only spaces and tabs.
    bool blank(int n) const {
        if (n < 1 || static_cast<size_t>(n) > starts_.size()) return false;
        const size_t from = starts_[static_cast<size_t>(n) - 1];
        const size_t to = static_cast<size_t>(n) < starts_.size() ? starts_[static_cast<size_t>(n)] : xml_.size();
        return std::all_of(xml_.begin() + static_cast<std::ptrdiff_t>(from),
                           xml_.begin() + static_cast<std::ptrdiff_t>(to),
                           [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
    }

   private:
    std::vector<size_t> starts_;
    std::string_view xml_;
};

// The children of `parent` in order, each with the comments before it.
layout_record record(const XMLElement* parent, const lines& text) {
    layout_record out;
    std::map<std::string, int> seen;
    std::vector<std::string> comments;
    bool blank = false, started = false;
    for (const XMLNode* n = parent->FirstChild(); n; n = n->NextSibling()) {
        if (!started && (n->ToComment() || n->ToElement())) {
            blank = text.blank(n->GetLineNum() - 1);
            started = true;
        }
        if (const auto* c = n->ToComment()) {
            comments.emplace_back(c->Value());
        } else if (const auto* e = n->ToElement()) {
            layout_node node;
            node.element = e->Name();
            if (const char* id = e->Attribute("id")) node.id = id;
            node.index = seen[node.element]++;
            node.comments_before = std::move(comments);
            node.blank_line_before = blank;
            out.children.push_back(std::move(node));
            comments.clear();
            blank = started = false;
        }
    }
    out.comments_after = std::move(comments);
    return out;
}

}  // namespace

void read_layout(const tinyxml2::XMLDocument& xdoc, std::string_view xml, source_doc& doc) {
    const XMLElement* root = xdoc.RootElement();
    if (!root) return;
    const lines text(xml);
    for (const XMLNode* n = xdoc.FirstChild(); n && n != root; n = n->NextSibling())
        if (const auto* c = n->ToComment()) doc.comments_before_root.emplace_back(c->Value());
    doc.layout = record(root, text);
    if (const XMLElement* b = root->FirstChildElement("blocks")) doc.blocks_layout = record(b, text);
    size_t i = 0;
    for (const XMLElement* r = root->FirstChildElement("register"); r && i < doc.registers.size();
         r = r->NextSiblingElement("register"), ++i)
        doc.registers[i].layout = record(r, text);
}

}  // namespace seloste::reading
