// XML and text handling for the reader (xml_text.hpp).
#include "xml_text.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>

namespace seloste::reading {

using tinyxml2::XMLElement;

locator::locator(std::string_view text, file_name file) : text_(text), file_(std::move(file)) {
    starts_.push_back(0);
    for (const char* p = text_.data();
         (p = static_cast<const char*>(std::memchr(p, '\n', text_.size() - (p - text_.data())))) != nullptr;)
        starts_.push_back(static_cast<size_t>(++p - text_.data()));
    unknown_ = {file_, 1, 1};
}

// Finds where every element under `root` starts ("<name"), in document order.
void locator::locate_all(XMLElement* root) {
    size_t n = 0;
    count(root, n);
    positions_.reserve(n);
    locate(root);
}

// Where element `e` starts.
const source_location& locator::element(const XMLElement* e) const {
    const auto* p = static_cast<const element_pos*>(e->GetUserData());
    return p ? p->where : unknown_;
}

size_t locator::offset_of(const XMLElement* e) const {
    const auto* p = static_cast<const element_pos*>(e->GetUserData());
    return p ? p->offset : std::string_view::npos;
}

size_t locator::attribute_offset(const XMLElement* e, const char* name) const {
    const auto* p = static_cast<const element_pos*>(e->GetUserData());
    if (!p || p->offset == std::string_view::npos) return std::string_view::npos;
    const size_t end = text_.find('>', p->offset);
    const std::string_view needle(name);
    for (size_t pos = p->offset; (pos = text_.find(needle, pos)) != std::string_view::npos && pos < end;
         pos += needle.size()) {
        const size_t after = pos + needle.size();
        if (after < text_.size() && text_[after] == '=' && std::isspace(static_cast<unsigned char>(text_[pos - 1])))
            return pos;
    }
    return std::string_view::npos;
}

// Where attribute `name` of an element stands.
source_location locator::attribute(const XMLElement* e, const char* name) const {
    const auto* p = static_cast<const element_pos*>(e->GetUserData());
    if (!p || p->offset == std::string_view::npos) return at(e->GetLineNum(), line_start(e->GetLineNum()));
    const size_t pos = attribute_offset(e, name);
    return pos == std::string_view::npos ? p->where : at(line_of(pos), pos);
}

std::optional<source_location> locator::invisible_from(size_t from) const {
    if (from == std::string_view::npos) return std::nullopt;
    const auto it = std::lower_bound(invisible_.begin(), invisible_.end(), from);
    if (it == invisible_.end()) return std::nullopt;
    return at_offset(*it);
}

const XMLElement* locator::too_deep(const XMLElement* root, int max) {
    // Iterative, in document order: the first element below `max` levels.
    int depth = 1;
    for (const XMLElement* e = root; e;) {
        if (depth > max) return e;
        if (const XMLElement* c = e->FirstChildElement()) {
            e = c;
            ++depth;
            continue;
        }
        while (e && !e->NextSiblingElement() && e != root) {
            e = e->Parent() ? e->Parent()->ToElement() : nullptr;
            --depth;
        }
        if (!e || e == root) break;
        e = e->NextSiblingElement();
    }
    return nullptr;
}

// Best guess for a parse error on `line`: the first `</` or `<` there, else the first non-blank.
source_location locator::error_at(int line, bool end_tag) const {
    const size_t s = line_start(line);
    const size_t e = line_end(line);
    size_t pos = text_.substr(s, e - s).find(end_tag ? "</" : "<");
    if (pos == std::string_view::npos) {
        pos = 0;
        while (s + pos < e && std::isspace(static_cast<unsigned char>(text_[s + pos]))) ++pos;
    }
    return at(line, s + pos);
}

source_location locator::at(int line, size_t offset) const {
    size_t i = line_start(line);
    int col = 1;
    if (line == last_line_ && offset >= last_offset_) {  // elements come in document order
        i = last_offset_;
        col = last_col_;
    }
    for (const size_t end = std::min(offset, text_.size()); i < end; ++i)
        if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++col;  // count code points
    last_line_ = line;
    last_offset_ = std::max(line_start(line), std::min(offset, text_.size()));
    last_col_ = col;
    return {file_, line, col};
}

void locator::count(const XMLElement* e, size_t& n) {
    ++n;
    for (const XMLElement* c = e->FirstChildElement(); c; c = c->NextSiblingElement()) count(c, n);
}

void locator::locate(XMLElement* e) {
    const int line = e->GetLineNum();
    const size_t pos = find_start_tag(e->Name(), std::max(cursor_, line_start(line)));
    if (pos == std::string_view::npos) {
        positions_.push_back({pos, at(line, line_start(line))});
    } else {
        cursor_ = pos + 1;
        positions_.push_back({pos, at(line_of(pos), pos)});
    }
    e->SetUserData(&positions_.back());
    for (XMLElement* c = e->FirstChildElement(); c; c = c->NextSiblingElement()) locate(c);
}

size_t locator::find_start_tag(std::string_view name, size_t from) const {
    for (size_t pos = from; (pos = text_.find('<', pos)) != std::string_view::npos; ++pos) {
        if (text_.compare(pos + 1, name.size(), name) != 0) continue;
        const size_t after = pos + 1 + name.size();
        if (after < text_.size() &&
            (std::isspace(static_cast<unsigned char>(text_[after])) || text_[after] == '>' || text_[after] == '/'))
            return pos;
    }
    return std::string_view::npos;
}

size_t locator::line_start(int line) const {
    if (line < 1) return 0;
    return static_cast<size_t>(line) <= starts_.size() ? starts_[static_cast<size_t>(line) - 1] : text_.size();
}

size_t locator::line_end(int line) const {
    return static_cast<size_t>(line) < starts_.size() ? starts_[static_cast<size_t>(line)] : text_.size();
}

int locator::line_of(size_t pos) const {
    return static_cast<int>(std::upper_bound(starts_.begin(), starts_.end(), pos) - starts_.begin());
}

// Collapse whitespace; a blank line separates paragraphs ("\n\n" in the result).
// Runs without a byte <= 0x20 are copied eight bytes at a time; a single space
// between words is copied as it is.
std::string normalise_text(std::string_view raw) {
    std::string out(raw.size(), '\0');  // never longer than the input
    char* o = out.data();
    const char* const begin = o;
    const char* p = raw.data();
    const char* const end = p + raw.size();
    const auto is_blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    const auto above_space = [](char c) { return static_cast<unsigned char>(c) > 0x20; };
    while (p < end && is_blank(*p)) ++p;  // leading blanks go
    while (p < end) {
        // Copy up to the next byte <= 0x20. A word's bytes b < 0x21 set the high bit
        // of (b - 0x21) & ~b; the lowest one found is exact. o + 8 never passes the
        // end of `out`: o - begin <= p - raw.data() and p + 8 <= end.
        while (end - p >= 8) {
            std::uint64_t w;
            std::memcpy(&w, p, 8);
            std::memcpy(o, &w, 8);
            const std::uint64_t low = (w - 0x2121212121212121ULL) & ~w & 0x8080808080808080ULL;
            if (low == 0) {
                p += 8;
                o += 8;
                continue;
            }
            const auto n = static_cast<size_t>(std::countr_zero(low) / 8);
            p += n;
            o += n;
            break;
        }
        while (p < end && above_space(*p)) *o++ = *p++;
        if (p == end) break;
        if (!is_blank(*p)) {  // another control character: kept
            *o++ = *p++;
            continue;
        }
        if (*p == ' ' && p + 1 < end && above_space(p[1])) {  // one space between words
            *o++ = *p++;
            continue;
        }
        int newlines = 0;
        while (p < end && is_blank(*p)) newlines += *p++ == '\n';
        if (p == end) break;  // trailing blanks go
        if (newlines >= 2) {
            *o++ = '\n';
            *o++ = '\n';  // fits: two newlines were read
        } else {
            *o++ = ' ';
        }
    }
    out.resize(static_cast<size_t>(o - begin));
    return out;
}

bool blank(const char* s) {
    for (; *s; ++s)
        if (*s != ' ' && *s != '\t' && *s != '\r' && *s != '\n') return false;
    return true;
}

}  // namespace seloste::reading
