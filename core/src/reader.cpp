// The XML reader: docs/source-format.md -> source_doc.
//
// tinyxml2 stays private to this file. It gives line numbers only, so the
// reader finds columns itself by locating each start tag in the raw text, in
// document order.
#include <tinyxml2.h>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "seloste/source.hpp"

namespace seloste {
namespace {

using tinyxml2::XMLAttribute;
using tinyxml2::XMLElement;
using tinyxml2::XMLNode;

// Columns: the raw text, its line starts and a cursor that follows the start tags.
// Each element's position is found once, in document order, and kept in the
// element's user data (tinyxml2 gives line numbers only).
class locator {
   public:
    locator(std::string_view text, file_name file) : text_(text), file_(std::move(file)) {
        starts_.push_back(0);
        for (const char* p = text_.data();
             (p = static_cast<const char*>(std::memchr(p, '\n', text_.size() - (p - text_.data())))) != nullptr;)
            starts_.push_back(static_cast<size_t>(++p - text_.data()));
        unknown_ = {file_, 1, 1};
    }

    const file_name& file() const { return file_; }

    // Finds where every element under `root` starts ("<name"), in document order.
    void locate_all(XMLElement* root) {
        size_t n = 0;
        count(root, n);
        positions_.reserve(n);
        locate(root);
    }

    // Where element `e` starts.
    const source_location& element(const XMLElement* e) const {
        const auto* p = static_cast<const element_pos*>(e->GetUserData());
        return p ? p->where : unknown_;
    }

    // Where attribute `name` of an element stands.
    source_location attribute(const XMLElement* e, const char* name) const {
        const auto* p = static_cast<const element_pos*>(e->GetUserData());
        if (!p || p->offset == std::string_view::npos) return at(e->GetLineNum(), line_start(e->GetLineNum()));
        const size_t end = text_.find('>', p->offset);
        const std::string_view needle(name);
        for (size_t pos = p->offset; (pos = text_.find(needle, pos)) != std::string_view::npos && pos < end;
             pos += needle.size()) {
            const size_t after = pos + needle.size();
            if (after < text_.size() && text_[after] == '=' && std::isspace(static_cast<unsigned char>(text_[pos - 1])))
                return at(line_of(pos), pos);
        }
        return p->where;
    }

    // Best guess for a parse error on `line`: the first `</` or `<` there, else the first non-blank.
    source_location error_at(int line, bool end_tag) const {
        const size_t s = line_start(line);
        const size_t e = line_end(line);
        size_t pos = text_.substr(s, e - s).find(end_tag ? "</" : "<");
        if (pos == std::string_view::npos) {
            pos = 0;
            while (s + pos < e && std::isspace(static_cast<unsigned char>(text_[s + pos]))) ++pos;
        }
        return at(line, s + pos);
    }

    source_location at(int line, size_t offset) const {
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

   private:
    struct element_pos {
        size_t offset;  // of the '<', npos when not found
        source_location where;
    };

    static void count(const XMLElement* e, size_t& n) {
        ++n;
        for (const XMLElement* c = e->FirstChildElement(); c; c = c->NextSiblingElement()) count(c, n);
    }

    void locate(XMLElement* e) {
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

    size_t find_start_tag(std::string_view name, size_t from) const {
        for (size_t pos = from; (pos = text_.find('<', pos)) != std::string_view::npos; ++pos) {
            if (text_.compare(pos + 1, name.size(), name) != 0) continue;
            const size_t after = pos + 1 + name.size();
            if (after < text_.size() &&
                (std::isspace(static_cast<unsigned char>(text_[after])) || text_[after] == '>' || text_[after] == '/'))
                return pos;
        }
        return std::string_view::npos;
    }

    size_t line_start(int line) const {
        if (line < 1) return 0;
        return static_cast<size_t>(line) <= starts_.size() ? starts_[static_cast<size_t>(line) - 1] : text_.size();
    }
    size_t line_end(int line) const {
        return static_cast<size_t>(line) < starts_.size() ? starts_[static_cast<size_t>(line)] : text_.size();
    }
    int line_of(size_t pos) const {
        return static_cast<int>(std::upper_bound(starts_.begin(), starts_.end(), pos) - starts_.begin());
    }

    std::string_view text_;
    file_name file_;
    std::vector<size_t> starts_;
    size_t cursor_ = 0;
    std::vector<element_pos> positions_;  // reserved once: the user data points into it
    source_location unknown_;
    // The last column counted, to go on from there on the same line.
    mutable int last_line_ = 0, last_col_ = 1;
    mutable size_t last_offset_ = 0;
};

bool is_id(std::string_view s) {
    if (s.empty()) return false;
    return std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
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

bool valid_date(int y, int m, int d) {
    if (y < 1 || m < 1 || m > 12 || d < 1) return false;
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int max = days[m - 1];
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) max = 29;
    return d <= max;
}

class reader {
   public:
    reader(std::string_view xml, std::string file) : xml_(xml), loc_(xml, std::move(file)) {}

    read_result run() {
        read_result r;
        r.doc.file = loc_.file();
        tinyxml2::XMLDocument xdoc(true, tinyxml2::PRESERVE_WHITESPACE);
        if (xdoc.Parse(xml_.data(), xml_.size()) != tinyxml2::XML_SUCCESS) {
            r.well_formed = false;
            r.diagnostics.push_back(parse_error(xdoc));
            return r;
        }
        const XMLElement* root = xdoc.RootElement();
        if (!root) {
            r.well_formed = false;
            fail(source_location{loc_.file(), 1, 1}, "the file has no root element; expected <seloste version=\"1\">");
            r.diagnostics = std::move(diags_);
            return r;
        }
        doc_ = &r.doc;
        loc_.locate_all(xdoc.RootElement());
        read_root(root);
        resolve_refs();
        std::stable_sort(diags_.begin(), diags_.end(), [](const diagnostic& a, const diagnostic& b) {
            return std::tie(a.where.line, a.where.column) < std::tie(b.where.line, b.where.column);
        });
        r.diagnostics = std::move(diags_);
        return r;
    }

   private:
    diagnostic parse_error(const tinyxml2::XMLDocument& xdoc) {
        const int line = std::max(1, xdoc.ErrorLineNum());
        std::string what;
        bool end_tag = false;
        switch (xdoc.ErrorID()) {
            case tinyxml2::XML_ERROR_MISMATCHED_ELEMENT:
                what =
                    "an end tag does not match its start tag; expected every <element> to be closed by its own "
                    "</element>";
                end_tag = true;
                break;
            case tinyxml2::XML_ERROR_PARSING_ELEMENT:
                what = "an element is broken or never closed; expected <name attribute=\"value\">…</name>";
                break;
            case tinyxml2::XML_ERROR_PARSING_ATTRIBUTE:
                what = "an attribute is broken; expected name=\"value\" with the value in quotes";
                break;
            case tinyxml2::XML_ERROR_PARSING_TEXT:
                what = "text contains a bare '<' or '&'; write &lt; and &amp; instead";
                break;
            case tinyxml2::XML_ERROR_PARSING_COMMENT: what = "a comment is not closed; expected <!-- … -->"; break;
            case tinyxml2::XML_ERROR_EMPTY_DOCUMENT:
                what = "the file is empty; expected an XML document with <seloste version=\"1\">";
                break;
            default: what = std::string("the XML is malformed (") + xdoc.ErrorName() + "); expected well-formed XML";
        }
        return {loc_.error_at(line, end_tag), "malformed XML: " + what, diagnostic::kind::xml};
    }

    void fail(const source_location& where, std::string msg, diagnostic::kind what = diagnostic::kind::format) {
        diags_.push_back({where, std::move(msg), what});
    }

    const source_location& where(const XMLElement* e) const { return loc_.element(e); }

    // Reports unknown child elements and repeats of single ones; checks attributes.
    void expect(const XMLElement* e, std::initializer_list<const char*> singles,
                std::initializer_list<const char*> multis, std::initializer_list<const char*> attrs = {}) {
        unsigned long long seen = 0;  // bit i: singles[i] was met (at most 64 singles)
        for (const XMLElement* c = e->FirstChildElement(); c; c = c->NextSiblingElement()) {
            const char* n = c->Name();
            int single = -1;
            for (int i = 0; const char* s : singles) {
                if (std::strcmp(n, s) == 0) single = i;
                ++i;
            }
            const bool multi =
                std::any_of(multis.begin(), multis.end(), [&](const char* s) { return std::strcmp(n, s) == 0; });
            if (single < 0 && !multi) {
                std::string allowed;
                for (const char* s : singles) allowed += std::string(allowed.empty() ? "" : ", ") + "<" + s + ">";
                for (const char* s : multis) allowed += std::string(allowed.empty() ? "" : ", ") + "<" + s + ">";
                fail(where(c), std::string("unknown element <") + n + "> in <" + e->Name() + ">; expected one of " +
                                   (allowed.empty() ? std::string("no child elements") : allowed));
            } else if (single >= 0 && (seen & (1ULL << single))) {
                fail(where(c), std::string("<") + n + "> appears more than once in <" + e->Name() +
                                   ">; expected it at most once");
            } else if (single >= 0) {
                seen |= 1ULL << single;
            }
        }
        for (const XMLAttribute* a = e->FirstAttribute(); a; a = a->Next()) {
            if (std::none_of(attrs.begin(), attrs.end(), [&](const char* s) { return std::strcmp(s, a->Name()) == 0; }))
                fail(loc_.attribute(e, a->Name()),
                     std::string("unknown attribute ") + a->Name() + " on <" + e->Name() + ">" +
                         (attrs.size() ? "; expected " + list_attrs(attrs) : "; it takes none"));
        }
        // Stray text between child elements of a structural element.
        if (singles.size() + multis.size() > 0) {
            for (const XMLNode* n = e->FirstChild(); n; n = n->NextSibling()) {
                if (n->ToText() && !blank(n->Value())) {
                    fail(where(e),
                         std::string("<") + e->Name() + "> holds text directly; expected only child elements");
                    break;
                }
            }
        }
    }

    static std::string list_attrs(std::initializer_list<const char*> attrs) {
        std::string s;
        for (const char* a : attrs) s += (s.empty() ? "" : ", ") + std::string(a);
        return s;
    }

    const XMLElement* require(const XMLElement* e, const char* name, const char* what) {
        const XMLElement* c = e->FirstChildElement(name);
        if (!c) fail(where(e), std::string("<") + e->Name() + "> lacks <" + name + ">; expected " + what);
        return c;
    }

    std::string attr(const XMLElement* e, const char* name) {
        const char* v = e->Attribute(name);
        return v ? v : "";
    }

    std::string plain(const XMLElement* e) {
        if (const XMLNode* only = e->FirstChild(); only && !only->NextSibling() && only->ToText())
            return normalise_text(only->Value());
        std::string s;
        for (const XMLNode* n = e->FirstChild(); n; n = n->NextSibling()) {
            if (n->ToText())
                s += n->Value();
            else if (n->ToElement())
                fail(where(n->ToElement()),
                     std::string("unknown element <") + n->Value() + "> in <" + e->Name() + "> ; expected plain text");
        }
        return normalise_text(s);
    }

    std::string plain_child(const XMLElement* e, const char* name, source_location* at = nullptr) {
        const XMLElement* c = e->FirstChildElement(name);
        if (!c) return {};
        if (at) *at = where(c);
        return plain(c);
    }

    text read_text(const XMLElement* e) {
        text t;
        t.where = where(e);
        bool has_lang_children = false, has_text = false;
        for (const XMLNode* n = e->FirstChild(); n; n = n->NextSibling()) {
            if (const XMLElement* c = n->ToElement()) {
                auto l = parse_lang(c->Name());
                if (!l) {
                    fail(where(c), std::string("unknown element <") + c->Name() + "> in the text <" + e->Name() +
                                       ">; expected plain text or <fi>, <sv>, <en>");
                    continue;
                }
                has_lang_children = true;
                if (t.by_lang[static_cast<size_t>(*l)])
                    fail(where(c), std::string("<") + c->Name() + "> appears twice in <" + e->Name() +
                                       ">; expected each language at most once");
                t.set(*l, plain(c));
                for (const XMLAttribute* a = c->FirstAttribute(); a; a = a->Next())
                    fail(loc_.attribute(c, a->Name()),
                         std::string("unknown attribute ") + a->Name() + " on <" + c->Name() + ">; it takes none");
            } else if (n->ToText()) {
                if (!blank(n->Value())) has_text = true;
            }
        }
        if (has_lang_children && has_text)
            fail(t.where,
                 std::string("<") + e->Name() +
                     "> mixes plain text with <fi>/<sv>/<en>; expected either plain text or language children");
        if (!has_lang_children) {
            if (const XMLNode* only = e->FirstChild(); only && !only->NextSibling() && only->ToText()) {
                t.neutral = normalise_text(only->Value());
                return t;
            }
            std::string s;
            for (const XMLNode* n = e->FirstChild(); n; n = n->NextSibling())
                if (n->ToText()) s += n->Value();
            t.neutral = normalise_text(s);
        }
        return t;
    }

    text text_child(const XMLElement* e, const char* name) {
        const XMLElement* c = e->FirstChildElement(name);
        return c ? read_text(c) : text{};
    }

    std::string read_id(const XMLElement* e, const char* kind) {
        std::string id = attr(e, "id");
        if (id.empty())
            fail(where(e), std::string("<") + e->Name() + "> lacks id; expected id=\"…\" (letters, digits, - and _)");
        else if (!is_id(id))
            fail(loc_.attribute(e, "id"), "bad id \"" + id + "\"; expected letters, digits, - and _ only");
        else if (!ids_[kind].insert(id).second)
            fail(loc_.attribute(e, "id"),
                 std::string("the ") + kind + " id \"" + id + "\" is used twice; expected unique ids");
        return id;
    }

    std::optional<date> read_date(std::string_view s, const source_location& at) {
        int y = 0, m = 0, d = 0;
        bool shape = s.size() == 10 && s[4] == '-' && s[7] == '-';
        for (size_t i = 0; shape && i < s.size(); ++i)
            if (i != 4 && i != 7 && !std::isdigit(static_cast<unsigned char>(s[i]))) shape = false;
        if (shape) {
            y = std::stoi(std::string(s.substr(0, 4)));
            m = std::stoi(std::string(s.substr(5, 2)));
            d = std::stoi(std::string(s.substr(8, 2)));
        }
        if (!shape || !valid_date(y, m, d)) {
            fail(at,
                 "bad date \"" + std::string(s) + "\"; expected a real calendar date as YYYY-MM-DD, e.g. 2025-02-24",
                 diagnostic::kind::date);
            return std::nullopt;
        }
        return date{y, m, d};
    }

    address read_address(const XMLElement* e) {
        expect(e, {"street", "postal-code", "town", "country"}, {});
        address a;
        a.where = where(e);
        if (const auto* s = require(e, "street", "the street address or PO box, e.g. <street>Varastotie 5</street>"))
            a.street = read_text(s);
        if (require(e, "postal-code", "the postal code, e.g. <postal-code>60100</postal-code>"))
            a.postal_code = plain_child(e, "postal-code");
        if (const auto* t = require(e, "town", "the town, e.g. <town>Seinäjoki</town>")) a.town = read_text(t);
        if (e->FirstChildElement("country")) a.country = plain_child(e, "country");
        return a;
    }

    void read_root(const XMLElement* root) {
        if (std::strcmp(root->Name(), "seloste") != 0) {
            fail(where(root),
                 std::string("the root element is <") + root->Name() + ">; expected <seloste version=\"1\">");
            return;
        }
        expect(root, {"blocks"}, {"organisation", "person", "register", "words"}, {"version"});
        const std::string version = attr(root, "version");
        if (version != "1")
            fail(version.empty() ? where(root) : loc_.attribute(root, "version"),
                 "unsupported format version \"" + version + "\"; expected version=\"1\"");
        if (const XMLElement* b = root->FirstChildElement("blocks")) read_blocks(b);
        for (const XMLElement* c = root->FirstChildElement(); c; c = c->NextSiblingElement()) {
            const std::string n = c->Name();
            if (n == "organisation")
                doc_->organisations.push_back(read_organisation(c));
            else if (n == "person")
                doc_->people.push_back(read_person(c));
            else if (n == "words")
                doc_->words.push_back(read_words(c));
        }
        for (const XMLElement* c = root->FirstChildElement("register"); c; c = c->NextSiblingElement("register"))
            doc_->registers.push_back(read_register(c));
        if (!root->FirstChildElement("register"))
            fail(where(root), "the source has no <register>; expected at least one register");
    }

    void read_blocks(const XMLElement* b) {
        expect(b, {},
               {"security", "cookies", "sources", "recipients", "processors", "disclosures", "transfers",
                "automated-decisions", "requirement", "rights", "data-subjects"});
        for (const XMLElement* c = b->FirstChildElement(); c; c = c->NextSiblingElement()) {
            const std::string id = read_id(c, "block");
            if (!id.empty()) blocks_[id] = c;
        }
    }

    // A register child that may be `ref="BLOCK"`: the element whose content to read.
    const XMLElement* deref(const XMLElement* e) {
        const char* r = e->Attribute("ref");
        if (!r) return e;
        if (e->FirstChild())
            fail(where(e), std::string("<") + e->Name() + " ref=\"" + r +
                               "\"> has content; expected an empty element that only refers to the block");
        auto it = blocks_.find(r);
        if (it == blocks_.end()) {
            fail(loc_.attribute(e, "ref"),
                 std::string("no block with id \"") + r + "\"; expected the id of a <" + e->Name() + "> under <blocks>",
                 diagnostic::kind::reference);
            return nullptr;
        }
        if (std::strcmp(it->second->Name(), e->Name()) != 0) {
            fail(loc_.attribute(e, "ref"), std::string("the block \"") + r + "\" is a <" + it->second->Name() +
                                               ">; expected a <" + e->Name() + "> block");
            return nullptr;
        }
        return it->second;
    }

    organisation read_organisation(const XMLElement* e) {
        expect(e, {"name", "business-id", "visiting-address", "postal-address", "phone", "email", "web", "note"}, {},
               {"id"});
        organisation o;
        o.where = where(e);
        o.id = read_id(e, "organisation");
        if (const auto* n = require(e, "name", "the organisation's name, e.g. <name>Seiverkot Oy</name>"))
            o.name = read_text(n);
        o.business_id = plain_child(e, "business-id", &o.business_id_where);
        if (const auto* a = e->FirstChildElement("visiting-address")) o.visiting_address = read_address(a);
        if (const auto* a = e->FirstChildElement("postal-address")) o.postal_address = read_address(a);
        o.phone = plain_child(e, "phone", &o.phone_where);
        o.email = plain_child(e, "email", &o.email_where);
        o.web = plain_child(e, "web", &o.web_where);
        o.note = text_child(e, "note");
        return o;
    }

    person read_person(const XMLElement* e) {
        expect(e, {"name", "title", "organisation", "email", "phone", "web", "postal-address"}, {}, {"id"});
        person p;
        p.where = where(e);
        p.id = read_id(e, "person");
        p.name = text_child(e, "name");
        p.title = text_child(e, "title");
        if (const auto* o = e->FirstChildElement("organisation")) {
            expect(o, {}, {}, {"ref"});
            p.organisation_ref = attr(o, "ref");
            refs_.push_back({"organisation", p.organisation_ref, loc_.attribute(o, "ref")});
        }
        p.email = plain_child(e, "email", &p.email_where);
        p.phone = plain_child(e, "phone", &p.phone_where);
        p.web = plain_child(e, "web", &p.web_where);
        if (const auto* a = e->FirstChildElement("postal-address")) p.postal_address = read_address(a);
        if (p.name.empty() && p.title.empty())
            fail(p.where, "<person> has neither <name> nor <title>; expected at least one of them");
        return p;
    }

    word_list read_words(const XMLElement* e) {
        expect(e, {}, {}, {"lang"});
        word_list w;
        w.where = where(e);
        if (const char* l = e->Attribute("lang")) {
            w.language = parse_lang(l);
            if (!w.language)
                fail(loc_.attribute(e, "lang"), std::string("unknown language \"") + l + "\"; expected fi, sv or en");
        }
        std::istringstream in(plain(e));
        for (std::string word; in >> word;) w.words.push_back(word);
        return w;
    }

    ref read_ref(const XMLElement* e, const char* kind) {
        expect(e, {}, {}, {"ref"});
        ref r{attr(e, "ref"), where(e)};
        if (r.id.empty())
            fail(r.where, std::string("<") + e->Name() + "> lacks ref; expected ref=\"ID\" of a " + kind);
        else {
            r.where = loc_.attribute(e, "ref");
            refs_.push_back({kind, r.id, r.where});
        }
        return r;
    }

    std::vector<item> read_items(const XMLElement* e, const char* item_name, bool sources = false) {
        if (sources)
            expect(e, {}, {item_name}, {"id"});
        else
            expect(e, {}, {item_name}, {"id"});
        std::vector<item> out;
        for (const XMLElement* c = e->FirstChildElement(item_name); c; c = c->NextSiblingElement(item_name)) {
            if (sources) {
                for (const XMLAttribute* a = c->FirstAttribute(); a; a = a->Next())
                    if (std::strcmp(a->Name(), "from-data-subject") != 0)
                        fail(loc_.attribute(c, a->Name()), std::string("unknown attribute ") + a->Name() +
                                                               " on <source>; expected from-data-subject");
            }
            item it;
            it.value = read_text(c);
            it.where = it.value.where;
            if (sources) {
                const std::string f = attr(c, "from-data-subject");
                if (f.empty())
                    fail(it.where,
                         "<source> lacks from-data-subject; expected from-data-subject=\"true\" or \"false\"");
                else if (f != "true" && f != "false")
                    fail(loc_.attribute(c, "from-data-subject"),
                         "from-data-subject=\"" + f + "\"; expected \"true\" or \"false\"");
                it.from_data_subject = f == "true";
            }
            out.push_back(std::move(it));
        }
        return out;
    }

    bool read_bool(const XMLElement* e, const char* name, bool required, bool fallback) {
        const char* v = e->Attribute(name);
        if (!v) {
            if (required)
                fail(where(e), std::string("<") + e->Name() + "> lacks " + name + "; expected " + name +
                                   "=\"true\" or \"false\"");
            return fallback;
        }
        if (std::strcmp(v, "true") == 0) return true;
        if (std::strcmp(v, "false") == 0) return false;
        fail(loc_.attribute(e, name), std::string(name) + "=\"" + v + "\"; expected \"true\" or \"false\"");
        return fallback;
    }

    std::optional<int> read_count(const XMLElement* e, const char* name) {
        const char* v = e->Attribute(name);
        if (!v) return std::nullopt;
        std::string s(v);
        if (s.empty() || s.size() > 4 ||
            !std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
            fail(loc_.attribute(e, name),
                 std::string(name) + "=\"" + s + "\"; expected a whole number, e.g. " + name + "=\"10\"");
            return std::nullopt;
        }
        return std::stoi(s);
    }

    register_ read_register(const XMLElement* e) {
        expect(e, {"name",       "description",   "joint-arrangement",   "representative",
                   "dpo",        "data-subjects", "data-categories",     "recipients",
                   "processors", "disclosures",   "transfers",           "sources",
                   "retention",  "requirement",   "automated-decisions", "security",
                   "cookies",    "rights",        "notice-date",         "history"},
               {"controller", "contact", "purpose"}, {"id"});
        register_ r;
        r.where = where(e);
        r.id = read_id(e, "register");
        if (const auto* n = require(e, "name", "the register's name, e.g. <name><fi>Asiakasrekisteri</fi></name>"))
            r.name = read_text(n);
        r.description = text_child(e, "description");
        for (const XMLElement* c = e->FirstChildElement("controller"); c; c = c->NextSiblingElement("controller"))
            r.controllers.push_back(read_ref(c, "organisation"));
        if (r.controllers.empty())
            fail(r.where, "<register> lacks <controller ref=\"…\"/>; expected at least one controller organisation");
        r.joint_arrangement = text_child(e, "joint-arrangement");
        if (const auto* c = e->FirstChildElement("representative"))
            r.representative = read_ref(c, "organisation or person");
        if (const auto* c = e->FirstChildElement("dpo")) r.dpo = read_ref(c, "person");
        for (const XMLElement* c = e->FirstChildElement("contact"); c; c = c->NextSiblingElement("contact"))
            r.contacts.push_back(read_ref(c, "person"));
        for (const XMLElement* c = e->FirstChildElement("purpose"); c; c = c->NextSiblingElement("purpose"))
            r.purposes.push_back(read_purpose(c));
        if (r.purposes.empty())
            fail(r.where, "<register> lacks <purpose basis=\"…\">; expected at least one purpose with its legal basis");
        if (const auto* c = e->FirstChildElement("data-subjects"); c && (c = deref(c)))
            r.data_subjects = read_items(c, "subject");
        if (const auto* c = e->FirstChildElement("data-categories")) {
            expect(c, {}, {"category"});
            for (const XMLElement* k = c->FirstChildElement("category"); k; k = k->NextSiblingElement("category")) {
                expect(k, {"name", "description"}, {}, {"id"});
                data_category cat;
                cat.where = where(k);
                cat.id = read_id(k, ("category/" + r.id).c_str());
                if (const auto* n = require(k, "name", "the category's name")) cat.name = read_text(n);
                cat.description = text_child(k, "description");
                r.data_categories.push_back(std::move(cat));
            }
        }
        if (const auto* c = e->FirstChildElement("recipients"); c && (c = deref(c)))
            r.recipients = read_items(c, "recipient");
        if (const auto* c = e->FirstChildElement("processors"); c && (c = deref(c)))
            r.processors = read_items(c, "processor");
        if (const auto* c = e->FirstChildElement("disclosures"); c && (c = deref(c)))
            r.disclosures = read_items(c, "disclosure");
        if (const auto* c = e->FirstChildElement("transfers"); c && (c = deref(c))) r.transfers = read_transfers(c);
        if (const auto* c = e->FirstChildElement("sources"); c && (c = deref(c))) {
            r.sources_where = where(c);
            r.sources = read_items(c, "source", true);
        }
        if (const auto* c = e->FirstChildElement("retention")) {
            r.retention_where = where(c);
            r.retention = read_retention(c, r);
        }
        if (const auto* c = e->FirstChildElement("requirement"); c && (c = deref(c)))
            r.requirement = read_requirement(c);
        if (const auto* c = e->FirstChildElement("automated-decisions"); c && (c = deref(c))) {
            expect(c, {"description", "logic", "significance"}, {}, {"id", "used"});
            automated_decisions_section a;
            a.where = where(c);
            a.used = read_bool(c, "used", true, false);
            a.description = text_child(c, "description");
            a.logic = text_child(c, "logic");
            a.significance = text_child(c, "significance");
            r.automated_decisions = std::move(a);
        }
        if (const auto* c = e->FirstChildElement("security"); c && (c = deref(c))) {
            expect(c, {"manual", "electronic"}, {}, {"id"});
            security_section s;
            s.where = where(c);
            s.manual = text_child(c, "manual");
            s.electronic = text_child(c, "electronic");
            r.security = std::move(s);
        }
        if (const auto* c = e->FirstChildElement("cookies"); c && (c = deref(c))) r.cookies = read_cookies(c);
        if (const auto* c = e->FirstChildElement("rights"); c && (c = deref(c))) {
            expect(c, {"exercise", "note"}, {}, {"id"});
            rights_section s;
            s.where = where(c);
            s.exercise = text_child(c, "exercise");
            s.note = text_child(c, "note");
            r.rights = std::move(s);
        }
        if (const auto* c = e->FirstChildElement("notice-date")) {
            r.notice_date_where = where(c);
            if (auto d = read_date(plain(c), r.notice_date_where)) r.notice_date = *d;
        } else {
            fail(where(e),
                 "<register> lacks <notice-date>; expected the date of the notice, e.g. "
                 "<notice-date>2025-02-24</notice-date>",
                 diagnostic::kind::date);
        }
        if (const auto* c = e->FirstChildElement("history")) {
            expect(c, {}, {"change"});
            for (const XMLElement* k = c->FirstChildElement("change"); k; k = k->NextSiblingElement("change")) {
                for (const XMLAttribute* a = k->FirstAttribute(); a; a = a->Next())
                    if (std::strcmp(a->Name(), "date") != 0)
                        fail(loc_.attribute(k, a->Name()),
                             std::string("unknown attribute ") + a->Name() + " on <change>; expected date");
                change ch;
                ch.where = where(k);
                ch.description = read_text(k);
                if (const char* d = k->Attribute("date")) {
                    if (auto dd = read_date(d, loc_.attribute(k, "date"))) ch.when = *dd;
                } else {
                    fail(ch.where, "<change> lacks date; expected date=\"YYYY-MM-DD\"", diagnostic::kind::date);
                }
                r.history.push_back(std::move(ch));
            }
        }
        return r;
    }

    purpose read_purpose(const XMLElement* e) {
        expect(e, {"description", "interest"}, {}, {"basis", "direct-marketing"});
        purpose p;
        p.where = where(e);
        const std::string b = attr(e, "basis");
        if (b.empty())
            fail(p.where,
                 "<purpose> lacks basis; expected "
                 "basis=\"consent|contract|legal-obligation|vital-interests|public-task|legitimate-interest\"");
        else if (!(p.basis = parse_basis(b)))
            fail(loc_.attribute(e, "basis"), "unknown legal basis \"" + b +
                                                 "\"; expected consent, contract, legal-obligation, vital-interests, "
                                                 "public-task or legitimate-interest");
        p.direct_marketing = read_bool(e, "direct-marketing", false, false);
        if (const auto* d = require(e, "description",
                                    "what the data is used for, e.g. <description><fi>Laskutus</fi></description>"))
            p.description = read_text(d);
        p.interest = text_child(e, "interest");
        return p;
    }

    transfers_section read_transfers(const XMLElement* e) {
        expect(e, {"description"}, {"transfer"}, {"id", "none"});
        transfers_section t;
        t.where = where(e);
        t.none = read_bool(e, "none", false, false);
        t.description = text_child(e, "description");
        for (const XMLElement* c = e->FirstChildElement("transfer"); c; c = c->NextSiblingElement("transfer")) {
            expect(c, {"description"}, {}, {"country", "safeguard"});
            transfer x;
            x.where = where(c);
            x.country = attr(c, "country");
            if (!x.country.empty() &&
                (x.country.size() != 2 || !std::isupper(static_cast<unsigned char>(x.country[0])) ||
                 !std::isupper(static_cast<unsigned char>(x.country[1]))))
                fail(loc_.attribute(c, "country"),
                     "country=\"" + x.country + "\"; expected an ISO 3166 two-letter code such as US");
            const std::string s = attr(c, "safeguard");
            if (!s.empty() && !(x.guard = parse_safeguard(s)))
                fail(
                    loc_.attribute(c, "safeguard"),
                    "unknown safeguard \"" + s + "\"; expected adequacy, scc-2021, bcr, derogation, other or scc-2010");
            x.description = text_child(c, "description");
            t.items.push_back(std::move(x));
        }
        if (t.none && !t.items.empty())
            fail(t.where,
                 "<transfers none=\"true\"> also lists transfers; expected either none=\"true\" or <transfer> items");
        return t;
    }

    std::vector<retention_rule> read_retention(const XMLElement* e, const register_& r) {
        expect(e, {}, {"rule"});
        std::vector<retention_rule> out;
        for (const XMLElement* c = e->FirstChildElement("rule"); c; c = c->NextSiblingElement("rule")) {
            expect(c, {"period", "criteria", "description"}, {}, {"category"});
            retention_rule rr;
            rr.where = where(c);
            rr.category_ref = attr(c, "category");
            if (!rr.category_ref.empty() &&
                std::none_of(r.data_categories.begin(), r.data_categories.end(),
                             [&](const data_category& k) { return k.id == rr.category_ref; }))
                fail(loc_.attribute(c, "category"),
                     "no data category \"" + rr.category_ref +
                         "\" in this register; expected the id of a <category> under <data-categories>");
            if (const auto* p = c->FirstChildElement("period")) {
                expect(p, {}, {}, {"years", "months", "days"});
                duration d;
                d.years = read_count(p, "years").value_or(0);
                d.months = read_count(p, "months").value_or(0);
                d.days = read_count(p, "days").value_or(0);
                if (d.empty())
                    fail(where(p), "<period> gives no length; expected years=\"N\", months=\"N\" or days=\"N\"");
                rr.period = d;
            }
            rr.criteria = text_child(c, "criteria");
            rr.description = text_child(c, "description");
            if (!rr.period && rr.criteria.empty())
                fail(rr.where, "<rule> has neither <period> nor <criteria>; expected how long the data is kept");
            out.push_back(std::move(rr));
        }
        return out;
    }

    requirement_section read_requirement(const XMLElement* e) {
        expect(e, {"consequence", "description"}, {}, {"id", "kind"});
        requirement_section s;
        s.where = where(e);
        const std::string k = attr(e, "kind");
        if (auto kk = parse_requirement(k))
            s.kind = *kk;
        else
            fail(k.empty() ? s.where : loc_.attribute(e, "kind"),
                 "kind=\"" + k +
                     "\"; expected statutory, contractual, contract-prerequisite, statutory-and-contractual or "
                     "voluntary");
        s.consequence = text_child(e, "consequence");
        s.description = text_child(e, "description");
        return s;
    }

    cookies_section read_cookies(const XMLElement* e) {
        expect(e, {"description", "collected", "refusal"}, {"analytics"}, {"id"});
        cookies_section c;
        c.where = where(e);
        c.description = text_child(e, "description");
        if (const auto* k = e->FirstChildElement("collected")) c.collected = read_items(k, "item");
        c.refusal = text_child(e, "refusal");
        for (const XMLElement* a = e->FirstChildElement("analytics"); a; a = a->NextSiblingElement("analytics")) {
            expect(a, {"description"}, {}, {"name", "opt-out"});
            analytics_service s;
            s.where = where(a);
            s.name = attr(a, "name");
            if (s.name.empty()) fail(s.where, "<analytics> lacks name; expected name=\"Google Analytics\" or the like");
            s.opt_out_url = attr(a, "opt-out");
            if (!s.opt_out_url.empty()) s.opt_out_where = loc_.attribute(a, "opt-out");
            s.description = text_child(a, "description");
            c.analytics.push_back(std::move(s));
        }
        return c;
    }

    void resolve_refs() {
        for (const auto& [kind, id, at] : refs_) {
            if (id.empty()) continue;
            const bool is_org = doc_->find_organisation(id) != nullptr;
            const bool is_person = doc_->find_person(id) != nullptr;
            bool ok = kind == "organisation" ? is_org : kind == "person" ? is_person : (is_org || is_person);
            if (!ok)
                fail(at,
                     "no " + kind + " with id \"" + id + "\"; expected the id of a <" +
                         (kind == "person" ? "person" : "organisation") + "> defined in this file",
                     diagnostic::kind::reference);
        }
    }

    struct pending_ref {
        std::string kind, id;
        source_location at;
    };

    std::string_view xml_;
    locator loc_;
    source_doc* doc_ = nullptr;
    std::vector<diagnostic> diags_;
    std::map<std::string, std::set<std::string>> ids_;
    std::map<std::string, const XMLElement*> blocks_;
    std::vector<pending_ref> refs_;
};

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw io_error(path + ": error: cannot read the file; expected a readable XML source", {path, 0, 0});
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

read_result read_source_string_lenient(std::string_view xml, const std::string& file_name) {
    return reader(xml, file_name).run();
}

read_result read_source_lenient(const std::string& path) {
    const std::string xml = read_file(path);
    return read_source_string_lenient(xml, path);
}

source_doc read_source_string(std::string_view xml, const std::string& file_name) {
    read_result r = read_source_string_lenient(xml, file_name);
    if (!r.diagnostics.empty()) throw source_error(std::move(r.diagnostics));
    return std::move(r.doc);
}

source_doc read_source(const std::string& path) {
    const std::string xml = read_file(path);
    return read_source_string(xml, path);
}

}  // namespace seloste
