// The XML reader: docs/source-format.md -> source_doc. The run, and the helpers
// that every element uses (structure, texts, ids, dates, references); the
// elements themselves are read in reader_elements.cpp.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "reader_impl.hpp"
#include "reader_layout.hpp"
#include "source_scan.hpp"

namespace seloste {
namespace reading {

// docs/source-format.md, "Identifiers": [a-z][a-z0-9-]*, at most max_id_length characters.
bool is_id(std::string_view s) {
    if (s.empty() || s.size() > max_id_length || !(s[0] >= 'a' && s[0] <= 'z')) return false;
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

namespace {

constexpr const char* id_rule =
    "lowercase letters a-z, digits and '-', starting with a letter, at most 64 characters, e.g. "
    "\"sen-uutiskirje\"";

size_t code_points(std::string_view s) {
    return static_cast<size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

}  // namespace

bool valid_date(int y, int m, int d) {
    if (y < 1 || m < 1 || m > 12 || d < 1) return false;
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int max = days[m - 1];
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) max = 29;
    return d <= max;
}

read_result reader::run() {
    read_result r;
    r.doc.file = loc_.file();
    // The bytes first: what cannot be published is refused before it is parsed.
    byte_scan scan = scan_bytes(xml_, loc_);
    if (!scan.problems.empty()) {
        r.well_formed = false;
        for (auto& p : scan.problems)
            r.diagnostics.push_back({loc_.at_offset(p.offset), std::move(p.message), diagnostic::kind::xml});
        return r;
    }
    loc_.set_invisible(std::move(scan.invisible));
    tinyxml2::XMLDocument xdoc(true, tinyxml2::PRESERVE_WHITESPACE);
    if (xdoc.Parse(xml_.data(), xml_.size()) != tinyxml2::XML_SUCCESS) {
        r.well_formed = false;
        if (auto p = scan_structure(xml_, loc_))
            r.diagnostics.push_back({loc_.at_offset(p->offset), std::move(p->message), diagnostic::kind::xml});
        else
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
    if (const XMLElement* deep = locator::too_deep(root, max_depth)) {
        r.well_formed = false;
        const auto at = where(deep);
        r.diagnostics.push_back({at,
                                 "malformed XML: nesting deeper than " + std::to_string(max_depth) + " elements at " +
                                     std::to_string(at.line) + ":" + std::to_string(at.column) + "; expected at most " +
                                     std::to_string(max_depth) + " levels of elements",
                                 diagnostic::kind::xml});
        return r;
    }
    read_root(root);
    resolve_refs();
    read_layout(xdoc, xml_, r.doc);
    std::stable_sort(diags_.begin(), diags_.end(), [](const diagnostic& a, const diagnostic& b) {
        return std::tie(a.where.line, a.where.column) < std::tie(b.where.line, b.where.column);
    });
    // A problem inside a block is met once per register that uses it: report it once.
    diags_.erase(std::unique(diags_.begin(), diags_.end(),
                             [](const diagnostic& a, const diagnostic& b) {
                                 return a.where.line == b.where.line && a.where.column == b.where.column &&
                                        a.message == b.message;
                             }),
                 diags_.end());
    r.diagnostics = std::move(diags_);
    return r;
}

diagnostic reader::parse_error(const tinyxml2::XMLDocument& xdoc) {
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

void reader::fail(const source_location& where, std::string msg, diagnostic::kind what) {
    diags_.push_back({where, std::move(msg), what});
}

// Reports unknown child elements and repeats of single ones; checks attributes.
void reader::expect(const XMLElement* e, std::initializer_list<const char*> singles,
                    std::initializer_list<const char*> multis, std::initializer_list<const char*> attrs) {
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
            fail(where(c),
                 std::string("<") + n + "> appears more than once in <" + e->Name() + ">; expected it at most once");
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
                fail(where(e), std::string("<") + e->Name() + "> holds text directly; expected only child elements");
                break;
            }
        }
    }
}

std::string reader::list_attrs(std::initializer_list<const char*> attrs) {
    std::string s;
    for (const char* a : attrs) s += (s.empty() ? "" : ", ") + std::string(a);
    return s;
}

const XMLElement* reader::require(const XMLElement* e, const char* name, const char* what) {
    const XMLElement* c = e->FirstChildElement(name);
    if (!c) fail(where(e), std::string("<") + e->Name() + "> lacks <" + name + ">; expected " + what);
    return c;
}

std::string reader::attr(const XMLElement* e, const char* name) {
    const char* v = e->Attribute(name);
    return v ? v : "";
}

std::string reader::plain(const XMLElement* e) {
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

std::string reader::plain_child(const XMLElement* e, const char* name, source_location* at) {
    const XMLElement* c = e->FirstChildElement(name);
    if (!c) return {};
    if (at) *at = where(c);
    return plain(c);
}

text reader::read_text(const XMLElement* e) {
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
        fail(t.where, std::string("<") + e->Name() +
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

text reader::text_child(const XMLElement* e, const char* name) {
    const XMLElement* c = e->FirstChildElement(name);
    return c ? read_text(c) : text{};
}

bool reader::refuse_invisible(std::string_view value, size_t from, const std::string& what) {
    const auto found = find_invisible(value);
    if (!found) return false;
    const source_location at =
        loc_.invisible_from(from).value_or(loc_.at_offset(from == std::string_view::npos ? 0 : from));
    fail(at, what + " contains " + describe_char(found->c) + ", an invisible control character, at " +
                 std::to_string(at.line) + ":" + std::to_string(at.column) +
                 "; expected visible characters only (bidi and zero-width controls can disguise what is shown)");
    return true;
}

std::string reader::field(const XMLElement* e, const char* name, source_location* at, const char* what) {
    const XMLElement* c = e->FirstChildElement(name);
    if (!c) return {};
    std::string v = plain_child(e, name, at);
    if (refuse_invisible(v, loc_.offset_of(c), what)) v.clear();  // refused once, not checked again
    return v;
}

std::string reader::ref_attr(const XMLElement* e, const char* name) {
    std::string v = attr(e, name);
    if (refuse_invisible(v, loc_.attribute_offset(e, name), std::string("the reference ") + name + "=")) v.clear();
    return v;
}

std::string reader::read_id(const XMLElement* e, const char* kind) {
    std::string id = attr(e, "id");
    if (id.empty())
        fail(where(e), std::string("<") + e->Name() + "> lacks id; expected id=\"…\" (" + id_rule + ")");
    else if (refuse_invisible(id, loc_.attribute_offset(e, "id"), "the id"))
        ;
    else if (id.size() > max_id_length)
        fail(loc_.attribute(e, "id"), "the id \"" + id.substr(0, 24) + "…\" is " + std::to_string(code_points(id)) +
                                          " characters long; expected " + id_rule);
    else if (!is_id(id))
        fail(loc_.attribute(e, "id"), "bad id \"" + id + "\"; expected " + id_rule);
    else if (!ids_[kind].insert(id).second)
        fail(loc_.attribute(e, "id"),
             std::string("the ") + kind + " id \"" + id + "\" is used twice; expected unique ids");
    return id;
}

std::optional<date> reader::read_date(std::string_view s, const source_location& at) {
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
        fail(at, "bad date \"" + std::string(s) + "\"; expected a real calendar date as YYYY-MM-DD, e.g. 2025-02-24",
             diagnostic::kind::date);
        return std::nullopt;
    }
    return date{y, m, d};
}

ref reader::read_ref(const XMLElement* e, const char* kind, bool processing) {
    if (processing)
        expect(e, {"processing"}, {}, {"ref"});
    else
        expect(e, {}, {}, {"ref"});
    const char* raw = e->Attribute("ref");
    ref r{ref_attr(e, "ref"), where(e), {}};
    if (processing) r.processing = text_child(e, "processing");
    if (!raw || !*raw)
        fail(r.where, std::string("<") + e->Name() + "> lacks ref; expected ref=\"ID\" of a " + kind);
    else if (!r.id.empty()) {
        r.where = loc_.attribute(e, "ref");
        refs_.push_back({kind, r.id, r.where});
    }
    return r;
}

std::vector<item> reader::read_items(const XMLElement* e, const char* item_name, item_kind kind) {
    expect(e, {}, {item_name}, {"id"});
    const bool sources = kind == item_kind::source;
    std::vector<item> out;
    for (const XMLElement* c = e->FirstChildElement(item_name); c; c = c->NextSiblingElement(item_name)) {
        for (const XMLAttribute* a = c->FirstAttribute(); a; a = a->Next()) {
            const std::string_view n = a->Name();
            const bool known = sources ? (n == "from-data-subject" || n == "public" || n == "subjects")
                                       : (kind == item_kind::subject && n == "id");
            if (!known)
                fail(loc_.attribute(c, a->Name()), std::string("unknown attribute ") + a->Name() + " on <" + item_name +
                                                       ">" +
                                                       (sources ? "; expected from-data-subject, public or subjects"
                                                        : kind == item_kind::subject ? "; expected id"
                                                                                     : "; it takes none"));
        }
        item it;
        it.value = read_text(c);
        it.where = it.value.where;
        if (kind == item_kind::subject && c->Attribute("id")) it.id = read_id(c, ("subject/" + scope_).c_str());
        if (sources) {
            it.publicly_accessible = read_bool(c, "public", false, false);
            it.subjects = read_subjects(c);
            const std::string f = attr(c, "from-data-subject");
            if (f.empty())
                fail(it.where, "<source> lacks from-data-subject; expected from-data-subject=\"true\" or \"false\"");
            else if (f != "true" && f != "false")
                fail(loc_.attribute(c, "from-data-subject"),
                     "from-data-subject=\"" + f + "\"; expected \"true\" or \"false\"");
            it.from_data_subject = f == "true";
        }
        out.push_back(std::move(it));
    }
    return out;
}

bool reader::read_bool(const XMLElement* e, const char* name, bool required, bool fallback) {
    const char* v = e->Attribute(name);
    if (!v) {
        if (required)
            fail(where(e),
                 std::string("<") + e->Name() + "> lacks " + name + "; expected " + name + "=\"true\" or \"false\"");
        return fallback;
    }
    if (std::strcmp(v, "true") == 0) return true;
    if (std::strcmp(v, "false") == 0) return false;
    fail(loc_.attribute(e, name), std::string(name) + "=\"" + v + "\"; expected \"true\" or \"false\"");
    return fallback;
}

std::optional<int> reader::read_count(const XMLElement* e, const char* name) {
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

void reader::resolve_refs() {
    for (const auto& [kind, id, at] : refs_) {
        if (id.empty()) continue;
        const bool is_org = doc_->find_organisation(id) != nullptr;
        const bool is_person = doc_->find_person(id) != nullptr;
        const bool is_point = doc_->find_contact_point(id) != nullptr;
        const bool ok = kind == "organisation"              ? is_org
                        : kind == "person"                  ? is_person
                        : kind == "person or contact point" ? (is_person || is_point)
                                                            : (is_org || is_person);
        const char* expected = kind == "organisation"              ? "an <organisation>"
                               : kind == "person"                  ? "a <person>"
                               : kind == "person or contact point" ? "a <person> or <contact-point>"
                                                                   : "an <organisation> or <person>";
        if (!ok)
            fail(at, "no " + kind + " with id \"" + id + "\"; expected the id of " + expected + " defined in this file",
                 diagnostic::kind::reference);
    }
}

}  // namespace reading

namespace {

// The file, unless it is larger than max_source_bytes (then `too_big` and its size).
std::string read_file(const std::string& path, bool& too_big, std::uintmax_t& size) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw io_error(path + ": error: cannot read the file; expected a readable XML source", {path, 0, 0});
    std::error_code ec;
    size = std::filesystem::file_size(path, ec);
    too_big = !ec && size > max_source_bytes;
    if (too_big) return {};
    std::string s;
    char buf[1 << 16];
    while (in.read(buf, sizeof buf) || in.gcount() > 0) {
        s.append(buf, static_cast<size_t>(in.gcount()));
        if (s.size() > max_source_bytes) {  // not a regular file: stop reading
            too_big = true;
            size = s.size();
            return {};
        }
    }
    return s;
}

read_result too_big(const std::string& file_name, std::uintmax_t size) {
    read_result r;
    r.doc.file = file_name;
    r.well_formed = false;
    diagnostic d;  // field by field: g++ 12 warns of the aggregate form
    d.where.file = r.doc.file;
    d.where.line = 1;
    d.where.column = 1;
    d.message = "the file is " + std::to_string(size) +
                " bytes; expected a source of at most 16 MiB (16777216 bytes): split it into several sources";
    d.what = diagnostic::kind::xml;
    r.diagnostics.push_back(std::move(d));
    return r;
}

}  // namespace

read_result read_source_string_lenient(std::string_view xml, const std::string& file_name) {
    if (xml.size() > max_source_bytes) return too_big(file_name, xml.size());
    return reading::reader(xml, file_name).run();
}

read_result read_source_lenient(const std::string& path) {
    bool big = false;
    std::uintmax_t size = 0;
    const std::string xml = read_file(path, big, size);
    if (big) return too_big(path, size);
    return read_source_string_lenient(xml, path);
}

source_doc read_source_string(std::string_view xml, const std::string& file_name) {
    read_result r = read_source_string_lenient(xml, file_name);
    if (!r.diagnostics.empty()) throw source_error(std::move(r.diagnostics));
    return std::move(r.doc);
}

source_doc read_source(const std::string& path) {
    read_result r = read_source_lenient(path);
    if (!r.diagnostics.empty()) throw source_error(std::move(r.diagnostics));
    return std::move(r.doc);
}

}  // namespace seloste
