// The markup policy enforcer: pages and fragments (HTML, parsed with gumbo, an HTML5 parser),
// the raw-byte rules, and the bundle path rule. CSS: markup_policy_css.cpp.
#include <gumbo.h>
#include <unicode/uchar.h>

#include <map>
#include <memory>
#include <set>

#include "embedded.hpp"
#include "markup_policy_support.hpp"
#include "seloste/errors.hpp"
#include "utf8.hpp"

namespace seloste {

namespace detail {

const nlohmann::json& markup_policy() {
    static const nlohmann::json policy = nlohmann::json::parse(*embedded_file("core/data/markup-policy.json"));
    return policy;
}

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::vector<markup_problem> problem_sink::located(std::string_view bytes) {
    std::stable_sort(found_.begin(), found_.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<markup_problem> out;
    unsigned line = 1, col = 1;
    size_t i = 0;
    for (auto& [offset, message] : found_) {
        for (; i < offset && i < bytes.size(); ++i) {
            const auto c = static_cast<unsigned char>(bytes[i]);
            if (c == '\n' || (c == '\r' && (i + 1 >= bytes.size() || bytes[i + 1] != '\n'))) {
                ++line;
                col = 1;
            } else if ((c & 0xC0) != 0x80 && c != '\r') {
                ++col;
            }
        }
        out.push_back({line, col, std::move(message)});
    }
    found_.clear();
    return out;
}

namespace {

// Decodes one UTF-8 sequence at `i`; returns its length, or 0 when it is not valid UTF-8
// (overlong forms, surrogates and code points above U+10FFFF are invalid).
std::string hex_cp(char32_t cp) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
    return buf;
}

}  // namespace

void check_encoding(std::string_view bytes, problem_sink& out) {
    std::set<char32_t> allowed;
    for (const auto& c : markup_policy()["encoding"]["allowed_controls"])
        allowed.insert(static_cast<unsigned char>(c.get<std::string>().at(0)));
    for (size_t i = 0; i < bytes.size() && !out.full();) {
        char32_t cp = 0;
        const size_t n = detail::utf8_at(bytes, i, cp);
        if (n == 0) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "0x%02X", static_cast<unsigned char>(bytes[i]));
            out.add(i, std::string("invalid UTF-8 (byte ") + buf + "); expected UTF-8 text");
            ++i;
            continue;
        }
        if ((cp < 0x20 || (cp >= 0x7F && cp <= 0x9F && cp != 0x7F)) && !allowed.count(cp)) {
            out.add(i, "a control character (" + hex_cp(cp) + "); only tab, line feed and carriage return are allowed");
        }
        i += n;
    }
}

}  // namespace detail

using namespace detail;

namespace {

struct html_policy {
    std::set<std::string> global, page_only, refs, url_attrs, schemes, link_rel;
    std::map<std::string, std::set<std::string>> elements;
    std::set<std::string> void_elements;
    std::string doctype;
    bool comments = false;
    size_t max_depth = 0;
    std::string json_ld_element, json_ld_type, json_ld_forbidden;
    size_t json_ld_max = 0;
};

const html_policy& policy() {
    static const html_policy p = [] {
        const auto& j = markup_policy();
        html_policy r;
        const auto set_of = [&](const char* key) { return j.at(key).get<std::set<std::string>>(); };
        r.global = set_of("global_attributes");
        r.page_only = set_of("page_only_elements");
        r.refs = set_of("character_references");
        r.url_attrs = set_of("url_attributes");
        r.schemes = set_of("url_schemes");
        r.link_rel = set_of("link_rel");
        for (const auto& [el, attrs] : j.at("elements").items()) r.elements[el] = attrs.get<std::set<std::string>>();
        r.void_elements = set_of("void_elements");
        r.max_depth = j.at("max_depth").get<size_t>();
        r.doctype = j.at("doctype").get<std::string>();
        r.comments = j.at("comments").get<bool>();
        const auto& ld = j.at("json_ld");
        r.json_ld_element = ld.at("element").get<std::string>();
        r.json_ld_type = ld.at("type").get<std::string>();
        r.json_ld_max = ld.at("max_per_file").get<size_t>();
        for (const auto& c : ld.at("forbidden_characters")) r.json_ld_forbidden += c.get<std::string>();
        return r;
    }();
    return p;
}

// What a URL parser sees: tab, LF and CR removed anywhere, C0 controls and spaces trimmed.
std::string url_as_parsed(std::string_view v) {
    std::string s;
    for (char c : v)
        if (c != '\t' && c != '\n' && c != '\r') s += c;
    size_t a = 0, b = s.size();
    while (a < b && static_cast<unsigned char>(s[a]) <= 0x20) ++a;
    while (b > a && static_cast<unsigned char>(s[b - 1]) <= 0x20) --b;
    return s.substr(a, b - a);
}

// The scheme of a URL as the WHATWG URL parser finds it, lower case; empty when there is none (relative).
std::string url_scheme(const std::string& url) {
    const auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    if (url.empty() || !alpha(url[0])) return {};
    size_t i = 1;
    while (i < url.size() &&
           (alpha(url[i]) || (url[i] >= '0' && url[i] <= '9') || url[i] == '+' || url[i] == '-' || url[i] == '.'))
        ++i;
    return i < url.size() && url[i] == ':' ? ascii_lower(url.substr(0, i)) : std::string{};
}

std::string shown(std::string_view s, size_t max = 40) {
    std::string out;
    for (char c : s.substr(0, max)) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7F) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02X", u);
            out += buf;
        } else {
            out += c;
        }
    }
    return s.size() > max ? out + "..." : out;
}

std::string tag_name(const GumboElement& e) {
    if (e.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(e.tag);
    GumboStringPiece p = e.original_tag;
    gumbo_tag_from_original_text(&p);
    std::string name;
    for (size_t i = 0; i < p.length && !std::isspace(static_cast<unsigned char>(p.data[i])) && p.data[i] != '/'; ++i)
        name += p.data[i];
    return ascii_lower(name);
}

// The attribute names of a raw start tag ("<a href=x b='y'>"), as the HTML tokenizer splits them, with
// their byte offsets in the tag: gumbo keeps only the first of duplicates, so they are found here.
std::vector<std::pair<std::string, size_t>> raw_attribute_names(std::string_view tag) {
    std::vector<std::pair<std::string, size_t>> out;
    const auto ws = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; };
    size_t i = 1;
    while (i < tag.size() && !ws(tag[i]) && tag[i] != '/' && tag[i] != '>') ++i;
    while (i < tag.size()) {
        while (i < tag.size() && (ws(tag[i]) || tag[i] == '/')) ++i;
        if (i >= tag.size() || tag[i] == '>') break;
        const size_t start = i++;
        while (i < tag.size() && !ws(tag[i]) && tag[i] != '/' && tag[i] != '>' && tag[i] != '=') ++i;
        out.emplace_back(ascii_lower(tag.substr(start, i - start)), start);
        while (i < tag.size() && ws(tag[i])) ++i;
        if (i < tag.size() && tag[i] == '=') {
            ++i;
            while (i < tag.size() && ws(tag[i])) ++i;
            if (i < tag.size() && (tag[i] == '"' || tag[i] == '\'')) {
                const char q = tag[i];
                const size_t end = tag.find(q, i + 1);
                i = end == std::string_view::npos ? tag.size() : end + 1;
            } else {
                while (i < tag.size() && !ws(tag[i]) && tag[i] != '>') ++i;
            }
        }
    }
    return out;
}

class html_checker {
   public:
    html_checker(std::string_view bytes, markup_kind kind, size_t prefix)
        : bytes_(bytes), kind_(kind), prefix_(prefix) {}

    void walk(const GumboNode* n, problem_sink& out) {
        switch (n->type) {
            case GUMBO_NODE_COMMENT:
                if (!policy().comments) add(out, n->v.text.original_text.data, "a comment; the policy allows none");
                break;
            case GUMBO_NODE_CDATA:
                add(out, n->v.text.original_text.data, "a CDATA section; the policy allows none");
                break;
            case GUMBO_NODE_TEMPLATE:
            case GUMBO_NODE_ELEMENT: element(n->v.element, out); break;
            default: break;
        }
    }

   private:
    // Reports at the place of `p` (a pointer into the checked bytes); nothing from the fragment wrapper.
    void add(problem_sink& out, const char* p, std::string msg) {
        size_t off = 0;
        if (p && p >= bytes_.data() && p <= bytes_.data() + bytes_.size()) off = static_cast<size_t>(p - bytes_.data());
        out.add(off >= prefix_ ? off - prefix_ : 0, std::move(msg));
    }
    bool from_input(const char* p) const {
        return p && p >= bytes_.data() + prefix_ && p <= bytes_.data() + bytes_.size();
    }

    void element(const GumboElement& e, problem_sink& out) {
        const std::string name = tag_name(e);
        const char* at = e.original_tag.length ? e.original_tag.data : nullptr;
        const bool wrapper = kind_ == markup_kind::fragment && !from_input(at);  // the html/head/body we wrapped
        const auto& p = policy();
        if (e.tag_namespace == GUMBO_NAMESPACE_HTML && name == p.json_ld_element) {
            json_ld(e, at, out);
            return;
        }
        if (e.tag_namespace != GUMBO_NAMESPACE_HTML) {
            add(out, at, "the element <" + name + "> (SVG or MathML) is not allowed; expected HTML elements only");
        } else if (!p.elements.count(name)) {
            add(out, at, "the element <" + name + "> is not allowed (markup-policy.json: elements)");
        } else if (kind_ == markup_kind::fragment && p.page_only.count(name) && !wrapper) {
            add(out, at, "the element <" + name + "> belongs in a page, not in a fragment");
        } else {
            if (e.original_tag.length) {
                std::set<std::string> seen;
                const std::string_view raw(e.original_tag.data, e.original_tag.length);
                for (const auto& [attr, off] : raw_attribute_names(raw))
                    if (!seen.insert(attr).second)
                        add(out, raw.data() + off,
                            "the attribute " + attr + " twice on <" + name + ">; expected each attribute once");
            }
            const auto& allowed = p.elements.at(name);
            for (unsigned i = 0; i < e.attributes.length; ++i) {
                const auto* a = static_cast<const GumboAttribute*>(e.attributes.data[i]);
                const char* apos = a->original_name.data;
                if (wrapper && !from_input(apos)) continue;
                if (wrapper) {
                    add(out, apos,
                        "a <" + name + "> tag in a fragment (its " + a->name + " attribute would land on the page's <" +
                            name + ">)");
                    continue;
                }
                attribute(name, *a, allowed, out);
            }
        }
        for (unsigned i = 0; i < e.children.length; ++i) walk(static_cast<const GumboNode*>(e.children.data[i]), out);
    }

    // The one JSON-LD script (markup-policy.json: json_ld): only type="application/ld+json", valid JSON
    // without the characters that could end the element or open a comment.
    void json_ld(const GumboElement& e, const char* at, problem_sink& out) {
        const auto& p = policy();
        const std::string what = "<" + p.json_ld_element + ">";
        if (++json_ld_scripts_ > p.json_ld_max) {
            add(out, at,
                "more than " + std::to_string(p.json_ld_max) + " " + what +
                    " elements; expected one JSON-LD script at most (markup-policy.json: json_ld)");
            return;
        }
        const std::string_view raw(e.original_tag.data ? e.original_tag.data : "", e.original_tag.length);
        const auto attrs = raw_attribute_names(raw);
        const GumboAttribute* type = gumbo_get_attribute(&e.attributes, "type");
        if (attrs.size() != 1 || attrs[0].first != "type" || !type || type->value != p.json_ld_type) {
            add(out, at,
                "a " + what + " other than <" + p.json_ld_element + " type=\"" + p.json_ld_type +
                    "\"> with no other attribute; expected only the JSON-LD script (markup-policy.json: json_ld)");
            return;
        }
        std::string content;
        const char* content_at = at;
        for (unsigned i = 0; i < e.children.length; ++i) {
            const auto* c = static_cast<const GumboNode*>(e.children.data[i]);
            if (c->type != GUMBO_NODE_TEXT && c->type != GUMBO_NODE_WHITESPACE) continue;
            if (content.empty()) content_at = c->v.text.original_text.data;
            content += c->v.text.text;
        }
        if (const size_t bad = content.find_first_of(p.json_ld_forbidden); bad != std::string::npos) {
            add(out, content_at,
                std::string("a literal '") + content[bad] +
                    "' in the JSON-LD script; expected it written as a \\u escape (markup-policy.json: json_ld)");
            return;
        }
        if (nlohmann::json::parse(content, nullptr, false).is_discarded())
            add(out, content_at, "the JSON-LD script does not hold valid JSON (markup-policy.json: json_ld)");
    }

    void attribute(const std::string& el, const GumboAttribute& a, const std::set<std::string>& allowed,
                   problem_sink& out) {
        const auto& p = policy();
        const std::string name = a.name;
        const char* apos = a.original_name.data;
        if (!p.global.count(name) && !allowed.count(name)) {
            add(out, apos, "the attribute " + name + " is not allowed on <" + el + "> (markup-policy.json)");
            return;
        }
        const std::string value = a.value;
        if (name == "tabindex" && value != "-1") add(out, apos, "tabindex=\"" + shown(value) + "\"; expected -1");
        if (el == "link" && name == "rel") {
            std::string tok;
            for (size_t i = 0; i <= value.size(); ++i) {
                if (i == value.size() || std::isspace(static_cast<unsigned char>(value[i]))) {
                    if (!tok.empty() && !p.link_rel.count(ascii_lower(tok)))
                        add(out, apos,
                            "rel=\"" + shown(tok) + "\" on <link>; expected one of stylesheet, alternate, canonical");
                    tok.clear();
                } else {
                    tok += value[i];
                }
            }
        }
        if (p.url_attrs.count(name)) {
            const std::string url = url_as_parsed(value);
            const std::string scheme = url_scheme(url);
            if (!scheme.empty() && !p.schemes.count(scheme))
                add(out, apos,
                    "the URL scheme '" + scheme + ":' in " + name + "=\"" + shown(value) +
                        "\" (after decoding); expected http, https, mailto, tel or a relative URL");
        }
    }

    std::string_view bytes_;
    markup_kind kind_;
    size_t prefix_;
    size_t json_ld_scripts_ = 0;
};

// The stylesheet link rule: <link rel=stylesheet href> relative (no scheme, no //host).
void check_stylesheet_links(const GumboNode* n, std::string_view bytes, size_t prefix, problem_sink& out) {
    if (n->type != GUMBO_NODE_ELEMENT) return;
    const auto& e = n->v.element;
    if (e.tag == GUMBO_TAG_LINK) {
        const GumboAttribute* rel = gumbo_get_attribute(&e.attributes, "rel");
        const GumboAttribute* href = gumbo_get_attribute(&e.attributes, "href");
        if (rel && href && ascii_lower(rel->value).find("stylesheet") != std::string::npos) {
            const std::string url = url_as_parsed(href->value);
            const bool two_slashes =
                url.size() >= 2 && (url[0] == '/' || url[0] == '\\') && (url[1] == '/' || url[1] == '\\');
            if (!url_scheme(url).empty() || two_slashes) {
                const size_t off = static_cast<size_t>(href->original_name.data - bytes.data());
                out.add(off >= prefix ? off - prefix : 0,
                        "a stylesheet link to another host (" + shown(href->value) +
                            "); expected a relative href (markup-policy.json: stylesheet_href)");
            }
        }
    }
    for (unsigned i = 0; i < e.children.length; ++i)
        check_stylesheet_links(static_cast<const GumboNode*>(e.children.data[i]), bytes, prefix, out);
}

// Well-nested tags within max_depth, on the raw bytes, before any parser sees them (see the policy).
// Returns false, with a problem, when they are not.
bool nesting_within_policy(std::string_view bytes, problem_sink& out) {
    const auto& p = policy();
    const auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    const auto name_at = [&](size_t i) {
        size_t j = i;
        while (j < bytes.size() && bytes[j] != ' ' && bytes[j] != '\t' && bytes[j] != '\n' && bytes[j] != '\r' &&
               bytes[j] != '\f' && bytes[j] != '/' && bytes[j] != '>')
            ++j;
        return ascii_lower(bytes.substr(i, j - i));
    };
    std::vector<std::pair<std::string, size_t>> open;
    for (size_t i = bytes.find('<'); i != std::string_view::npos; i = bytes.find('<', i + 1)) {
        if (bytes.substr(i, 4) == "<!--") {
            const size_t end = bytes.find("-->", i + 4);
            if (end == std::string_view::npos) break;
            i = end;
        } else if (i + 1 < bytes.size() && alpha(bytes[i + 1])) {
            std::string name = name_at(i + 1);
            if (p.void_elements.count(name)) continue;
            open.emplace_back(std::move(name), i);
            if (open.size() > p.max_depth) {
                out.add(i, "nesting deeper than " + std::to_string(p.max_depth) +
                               " elements; expected at most that (markup-policy.json: max_depth)");
                return false;
            }
        } else if (i + 2 < bytes.size() && bytes[i + 1] == '/' && alpha(bytes[i + 2])) {
            const std::string name = name_at(i + 2);
            if (open.empty() || open.back().first != name) {
                out.add(i, "the end tag </" + name + "> does not close the innermost open element" +
                               (open.empty() ? std::string() : " <" + open.back().first + ">") +
                               "; expected well-nested tags (markup-policy.json: max_depth)");
                return false;
            }
            open.pop_back();
        }
    }
    if (!open.empty()) {
        out.add(open.back().second, "<" + open.back().first +
                                        "> is never closed; expected well-nested tags (markup-policy.json: max_depth)");
        return false;
    }
    return true;
}

void check_html(std::string_view bytes, markup_kind kind, problem_sink& out) {
    const auto& p = policy();
    // Raw bytes: every '&' starts one of the references the core writes.
    for (size_t i = bytes.find('&'); i != std::string_view::npos && !out.full(); i = bytes.find('&', i + 1)) {
        bool ok = false;
        for (const auto& r : p.refs) ok = ok || bytes.substr(i).starts_with(r);
        if (!ok)
            out.add(i, "the character reference '" + shown(bytes.substr(i, 12), 12) +
                           "'; expected only &amp; &lt; &gt; &quot; &#39; (markup-policy.json: character_references)");
    }
    if (kind == markup_kind::page && !bytes.starts_with(p.doctype))
        out.add(0, "the page does not start with " + p.doctype);
    if (!nesting_within_policy(bytes, out)) return;
    // A fragment is parsed where it is published: inside the body of a page. A <body> or <html> tag in it
    // would add its attributes to the page's own element, so the wrapper's elements are checked too.
    const std::string prefix =
        kind == markup_kind::fragment ? "<!DOCTYPE html><html><head><title>f</title></head><body><div>" : "";
    const std::string doc = prefix + std::string(bytes);
    GumboOptions opts = kGumboDefaultOptions;
    opts.tab_stop = 1;
    opts.max_errors = 0;  // errors are not used; recording them costs memory
    std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> parsed(
        gumbo_parse_with_options(&opts, doc.data(), doc.size()),
        [](GumboOutput* o) { gumbo_destroy_output(&kGumboDefaultOptions, o); });
    html_checker checker(doc, kind, prefix.size());
    const auto& d = parsed->document->v.document;
    for (unsigned i = 0; i < d.children.length; ++i)
        checker.walk(static_cast<const GumboNode*>(d.children.data[i]), out);
    check_stylesheet_links(parsed->root, doc, prefix.size(), out);
}

}  // namespace

std::vector<markup_problem> check_markup(std::string_view bytes, markup_kind kind) {
    problem_sink out;
    check_encoding(bytes, out);
    if (out.empty()) {  // the parsers below need valid text
        if (kind == markup_kind::css)
            check_css(bytes, out);
        else
            check_html(bytes, kind, out);
    }
    return out.located(bytes);
}

namespace detail {

std::optional<markup_kind> markup_kind_of(std::string_view path, std::string_view kind) {
    if (kind == "fragment" || kind == "version-fragment") return markup_kind::fragment;
    if (kind == "page" || kind == "index" || path.ends_with(".html")) return markup_kind::page;
    if (path.ends_with(".css")) return markup_kind::css;
    return std::nullopt;
}

void require_markup_policy(std::string_view path, std::string_view bytes, std::string_view kind) {
    const auto k = markup_kind_of(path, kind);
    if (!k) return;
    const auto problems = check_markup(bytes, *k);
    if (problems.empty()) return;
    std::string msg = std::string(path) + ":" + std::to_string(problems[0].line) + ":" +
                      std::to_string(problems[0].column) +
                      ": error: the theme wrote what the markup policy refuses: " + problems[0].message;
    if (problems.size() > 1) msg += " (and " + std::to_string(problems.size() - 1) + " more)";
    throw template_error(msg +
                         "; a theme may only use the markup of core/data/markup-policy.json (docs/bundle-format.md)");
}

}  // namespace detail

bool is_safe_bundle_path(std::string_view path) {
    if (path.empty() || path.size() > 512) return false;
    size_t seg_start = 0;
    for (size_t i = 0; i <= path.size();) {
        if (i == path.size() || path[i] == '/') {
            if (i == seg_start || path[seg_start] == '.') return false;
            seg_start = ++i;
            continue;
        }
        char32_t cp = 0;
        const size_t n = detail::utf8_at(path, i, cp);  // invalid UTF-8 is refused
        if (n == 0) return false;
        const auto type = u_charType(static_cast<UChar32>(cp));
        const bool letter = type == U_UPPERCASE_LETTER || type == U_LOWERCASE_LETTER || type == U_TITLECASE_LETTER ||
                            type == U_MODIFIER_LETTER || type == U_OTHER_LETTER;
        const bool number = type == U_DECIMAL_DIGIT_NUMBER || type == U_LETTER_NUMBER || type == U_OTHER_NUMBER;
        if (!letter && !number && cp != '.' && cp != '_' && cp != '-') return false;
        i += n;
    }
    return true;
}

}  // namespace seloste
