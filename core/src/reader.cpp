// The XML reader: docs/source-format.md -> source_doc. The run, and the helpers
// that every element uses (structure, texts, ids, dates, references); the
// elements themselves are read in reader_elements.cpp.
#include <algorithm>
#include <cstring>
#include <fstream>
#include <sstream>

#include "reader_impl.hpp"

namespace seloste {
namespace reading {

bool is_id(std::string_view s) {
    if (s.empty()) return false;
    return std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
}

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

std::string reader::read_id(const XMLElement* e, const char* kind) {
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

ref reader::read_ref(const XMLElement* e, const char* kind) {
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

std::vector<item> reader::read_items(const XMLElement* e, const char* item_name, bool sources) {
    if (sources)
        expect(e, {}, {item_name}, {"id"});
    else
        expect(e, {}, {item_name}, {"id"});
    std::vector<item> out;
    for (const XMLElement* c = e->FirstChildElement(item_name); c; c = c->NextSiblingElement(item_name)) {
        if (sources) {
            for (const XMLAttribute* a = c->FirstAttribute(); a; a = a->Next())
                if (std::strcmp(a->Name(), "from-data-subject") != 0)
                    fail(loc_.attribute(c, a->Name()),
                         std::string("unknown attribute ") + a->Name() + " on <source>; expected from-data-subject");
        }
        item it;
        it.value = read_text(c);
        it.where = it.value.where;
        if (sources) {
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
        bool ok = kind == "organisation" ? is_org : kind == "person" ? is_person : (is_org || is_person);
        if (!ok)
            fail(at,
                 "no " + kind + " with id \"" + id + "\"; expected the id of a <" +
                     (kind == "person" ? "person" : "organisation") + "> defined in this file",
                 diagnostic::kind::reference);
    }
}

}  // namespace reading

namespace {

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw io_error(path + ": error: cannot read the file; expected a readable XML source", {path, 0, 0});
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

read_result read_source_string_lenient(std::string_view xml, const std::string& file_name) {
    return reading::reader(xml, file_name).run();
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
