// The bytes of a source before and around tinyxml2 (source_scan.hpp).
#include "source_scan.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <map>
#include <tuple>

#include "utf8.hpp"

namespace seloste::reading {

namespace {

std::string hex(char32_t c) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
    return buf;
}

const char* char_name(char32_t c) {
    switch (c) {
        case 0x00: return "NUL";
        case 0x07: return "bell";
        case 0x08: return "backspace";
        case 0x0B: return "vertical tab";
        case 0x0C: return "form feed";
        case 0x1B: return "escape";
        case 0x7F: return "delete";
        case 0x85: return "next line";
        case 0x061C: return "Arabic letter mark";
        case 0x200B: return "zero width space";
        case 0x200C: return "zero width non-joiner";
        case 0x200D: return "zero width joiner";
        case 0x200E: return "left-to-right mark";
        case 0x200F: return "right-to-left mark";
        case 0x202A: return "left-to-right embedding";
        case 0x202B: return "right-to-left embedding";
        case 0x202C: return "pop directional formatting";
        case 0x202D: return "left-to-right override";
        case 0x202E: return "right-to-left override";
        case 0x2060: return "word joiner";
        case 0x2066: return "left-to-right isolate";
        case 0x2067: return "right-to-left isolate";
        case 0x2068: return "first strong isolate";
        case 0x2069: return "pop directional isolate";
        case 0xFEFF: return "zero width no-break space";
        default: return nullptr;
    }
}

// A control character a source may not hold: C0 but tab and line breaks, DEL, C1.
bool is_refused_control(char32_t c) {
    return (c < 0x20 && c != 0x09 && c != 0x0A && c != 0x0D) || (c >= 0x7F && c <= 0x9F);
}

bool name_start(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' ||
           static_cast<unsigned char>(c) >= 0x80;
}
bool name_char(char c) {
    return name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}
bool space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string pos(const locator& loc, size_t offset) {
    const auto at = loc.at_offset(offset);
    return std::to_string(at.line) + ":" + std::to_string(at.column);
}

constexpr const char* no_controls = "no control characters: only tab and line breaks";

// Problems by kind: the first of each is reported, with the count of the others.
class problems {
   public:
    explicit problems(const locator& loc) : loc_(loc) {}
    void add(const std::string& kind, size_t offset, const std::string& what, const std::string& rest,
             const std::string& expected) {
        auto [it, fresh] = first_.try_emplace(kind, entry{offset, what, rest, expected, 0});
        if (!fresh) ++it->second.more;
    }
    std::vector<scan_problem> done() const {
        std::vector<scan_problem> out;
        for (const auto& [kind, e] : first_) {
            std::string m = e.what + " at " + pos(loc_, e.offset) + e.rest;
            if (e.more) m += " (and " + std::to_string(e.more) + " more in the file)";
            out.push_back({e.offset, m + "; expected " + e.expected});
        }
        std::stable_sort(out.begin(), out.end(),
                         [](const scan_problem& a, const scan_problem& b) { return a.offset < b.offset; });
        return out;
    }

   private:
    struct entry {
        size_t offset;
        std::string what, rest, expected;
        size_t more;
    };
    const locator& loc_;
    std::map<std::string, entry> first_;
};

void check_char(problems& out, char32_t c, size_t offset, const std::string& written = {}) {
    const std::string as = written.empty() ? "" : " written as " + written;
    if (c == 0 && written.empty())
        out.add("nul", offset, "a NUL byte", "", "text without NUL bytes (is the file UTF-16, or not text at all?)");
    else if (is_refused_control(c))
        out.add("control", offset, "a control character " + describe_char(c) + as, "", no_controls);
    else if (c == 0xFFFE || c == 0xFFFF || (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF)
        out.add(
            "nonchar", offset,
            written.empty() ? "the noncharacter " + hex(c) : "a character reference " + written + " to no character",
            "", "text characters (a reference such as &#228; stands for ä)");
}

// The XML declaration's encoding, when it names another than UTF-8.
void check_declaration(problems& out, std::string_view text, size_t start) {
    if (text.compare(start, 5, "<?xml") != 0) return;
    const size_t end = text.find("?>", start);
    const std::string_view decl = text.substr(start, end == std::string_view::npos ? 0 : end - start);
    const size_t e = decl.find("encoding");
    if (e == std::string_view::npos) return;
    size_t q = decl.find_first_of("\"'", e);
    if (q == std::string_view::npos) return;
    const size_t q2 = decl.find(decl[q], q + 1);
    if (q2 == std::string_view::npos) return;
    std::string value(decl.substr(q + 1, q2 - q - 1)), lower;
    for (char ch : value) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (lower != "utf-8" && lower != "utf8")
        out.add("encoding", start + q + 1, "the XML declaration names the encoding \"" + value + "\"", "",
                "encoding=\"UTF-8\", with the file saved as UTF-8");
}

// A reference at text[i] == '&'; returns its length.
size_t check_reference(problems& out, std::vector<size_t>& invisible, std::string_view text, size_t i) {
    size_t j = i + 1;
    if (j < text.size() && text[j] == '#') {
        const bool hexa = j + 1 < text.size() && (text[j + 1] == 'x' || text[j + 1] == 'X');
        j += hexa ? 2 : 1;
        const size_t digits = j;
        unsigned long long v = 0;
        while (j < text.size() && (hexa ? std::isxdigit(static_cast<unsigned char>(text[j]))
                                        : std::isdigit(static_cast<unsigned char>(text[j])))) {
            const unsigned char d = static_cast<unsigned char>(text[j]);
            const unsigned digit = std::isdigit(d) ? d - '0' : (std::tolower(d) - 'a' + 10);
            v = std::min<unsigned long long>(v * (hexa ? 16 : 10) + digit, 0x7FFFFFFF);
            ++j;
        }
        if (j == digits || j >= text.size() || text[j] != ';') {
            out.add("ref", i, "a broken character reference", "", "&#228; or &#xE4; (digits and a ';')");
            return 1;
        }
        const std::string written(text.substr(i, j + 1 - i));
        const auto c = static_cast<char32_t>(v);
        if (c == 0 || is_refused_control(c))
            out.add("control", i, "a control character " + describe_char(c) + " written as " + written, "",
                    no_controls);
        else
            check_char(out, c, i, written);
        if (is_invisible(c)) invisible.push_back(i);
        return j + 1 - i;
    }
    const size_t name = j;
    if (j < text.size() && name_start(text[j]))
        while (j < text.size() && name_char(text[j])) ++j;
    if (j > name && j < text.size() && text[j] == ';') {
        const std::string_view n = text.substr(name, j - name);
        if (n != "lt" && n != "gt" && n != "amp" && n != "quot" && n != "apos")
            out.add("entity", i, "an undefined entity reference &" + std::string(n) + ";", "",
                    "only &lt; &gt; &amp; &quot; &apos; or a character reference such as &#228;");
        return j + 1 - i;
    }
    out.add("amp", i, "a bare '&'", "", "&amp; for an ampersand");
    return 1;
}

}  // namespace

std::string normalise_line_ends(std::string_view text) {
    if (text.find('\r') == std::string_view::npos) return {};
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\r') {
            out += text[i];
            continue;
        }
        out += '\n';
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    }
    return out;
}

bool is_invisible(char32_t c) {
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C ||
           (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF;
}

std::string describe_char(char32_t c) {
    const char* n = char_name(c);
    return n ? hex(c) + " (" + n + ")" : hex(c);
}

std::optional<invisible_at> find_invisible(std::string_view s) {
    for (size_t i = 0; i < s.size();) {
        if (static_cast<unsigned char>(s[i]) < 0x80) {
            ++i;
            continue;
        }
        char32_t c = 0;
        const size_t n = detail::utf8_at(s, i, c);
        if (n && is_invisible(c)) return invisible_at{c, i};
        i += n ? n : 1;
    }
    return std::nullopt;
}

byte_scan scan_bytes(std::string_view text, const locator& loc) {
    byte_scan r;
    problems out(loc);
    if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF")) {
        r.problems.push_back({0, "the file is UTF-16 (it starts with a UTF-16 byte order mark); expected UTF-8"});
        return r;
    }
    const size_t start = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;  // a byte order mark is fine
    check_declaration(out, text, start);
    enum class in { text, comment, cdata, pi } ctx = in::text;
    size_t i = start;
    while (i < text.size()) {
        const char ch = text[i];
        // Plain printable ASCII outside references and markup openers: the common case.
        if (ch >= 0x20 && ch < 0x7F && ch != '&' && ch != '<' && ch != '-' && ch != ']' && ch != '?') {
            ++i;
            continue;
        }
        char32_t c = 0;
        const size_t n = detail::utf8_at(text, i, c);
        if (n == 0) {
            char byte[8];
            std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(ch));
            out.add("utf8", i, "invalid UTF-8", std::string(" (byte ") + byte + ")", "the file saved as UTF-8");
            ++i;
            continue;
        }
        if (n > 1) {  // letters beyond ASCII: only a few are refused or marked, none is markup
            if (c < 0xA0 || c == 0x061C || c >= 0x200B) {
                check_char(out, c, i);
                if (is_invisible(c)) r.invisible.push_back(i);
            }
            i += n;
            continue;
        }
        check_char(out, c, i);
        const std::string_view rest = text.substr(i);
        switch (ctx) {
            case in::comment:
                if (rest.starts_with("-->")) ctx = in::text;
                break;
            case in::cdata:
                if (rest.starts_with("]]>")) ctx = in::text;
                break;
            case in::pi:
                if (rest.starts_with("?>")) ctx = in::text;
                break;
            case in::text:
                if (ch == '&') {
                    i += check_reference(out, r.invisible, text, i);
                    continue;
                }
                if (ch != '<') break;
                if (rest.starts_with("<!--")) {
                    ctx = in::comment;
                    i += 4;
                    continue;
                }
                if (rest.starts_with("<![CDATA[")) {
                    ctx = in::cdata;
                    i += 9;
                    continue;
                }
                if (rest.starts_with("<?")) {
                    ctx = in::pi;
                    i += 2;
                    continue;
                }
                if (rest.starts_with("<!")) {
                    size_t e = 2;
                    while (e < rest.size() && std::isalpha(static_cast<unsigned char>(rest[e]))) ++e;
                    const std::string decl(rest.substr(0, e));
                    if (decl == "<!DOCTYPE")
                        out.add("doctype", i, "a DOCTYPE declaration", "",
                                "none: a source declares no DTD and no entities");
                    else
                        out.add("decl" + decl, i, "a declaration " + decl, "",
                                "none: a source declares no DTD and no entities");
                    // Past the declaration, its internal subset included.
                    const size_t bracket = rest.find('[');
                    const size_t close = rest.find('>');
                    size_t end = close;
                    if (decl == "<!DOCTYPE" && bracket != std::string_view::npos && bracket < close) {
                        const size_t sub = rest.find("]", bracket);
                        end = sub == std::string_view::npos ? std::string_view::npos : rest.find('>', sub);
                    }
                    i = end == std::string_view::npos ? text.size() : i + end + 1;
                    continue;
                }
                break;
        }
        i += n;
    }
    r.problems = out.done();
    return r;
}

std::optional<scan_problem> scan_structure(std::string_view text, const locator& loc) {
    struct open {
        std::string_view name;
        size_t offset;
    };
    std::vector<open> stack;
    const auto ends_inside = [&](const std::string& what, size_t opened, const std::string& expected) {
        return scan_problem{text.size(), "malformed XML: the file ends inside " + what + " opened at " +
                                             pos(loc, opened) + "; expected " + expected};
    };
    size_t i = 0;
    while ((i = text.find('<', i)) != std::string_view::npos) {
        const std::string_view rest = text.substr(i);
        bool skipped = false;
        for (const auto& [open_s, close_s, what] :
             {std::tuple{"<!--", "-->", "a comment"}, std::tuple{"<![CDATA[", "]]>", "a CDATA section"},
              std::tuple{"<?", "?>", "a processing instruction <?"}, std::tuple{"<!", ">", "a declaration <!"}}) {
            if (!rest.starts_with(open_s)) continue;
            const size_t e = text.find(close_s, i + std::strlen(open_s));
            if (e == std::string_view::npos) return ends_inside(what, i, close_s);
            i = e + std::strlen(close_s);
            skipped = true;
            break;
        }
        if (skipped) continue;
        if (rest.starts_with("</")) {
            size_t j = i + 2;
            while (j < text.size() && name_char(text[j])) ++j;
            const std::string_view name = text.substr(i + 2, j - i - 2);
            while (j < text.size() && space(text[j])) ++j;
            if (j >= text.size()) return ends_inside("the end tag </" + std::string(name), i, "'>'");
            if (stack.empty())
                return scan_problem{i, "malformed XML: the end tag </" + std::string(name) + "> at " + pos(loc, i) +
                                           " closes no element; expected it removed"};
            if (stack.back().name != name)
                return scan_problem{i, "malformed XML: the end tag </" + std::string(name) + "> at " + pos(loc, i) +
                                           " does not match <" + std::string(stack.back().name) + "> opened at " +
                                           pos(loc, stack.back().offset) + "; expected </" +
                                           std::string(stack.back().name) + ">"};
            stack.pop_back();
            i = j + 1;
            continue;
        }
        if (rest.size() < 2 || !name_start(rest[1]))
            return scan_problem{i, "malformed XML: a bare '<' at " + pos(loc, i) + "; expected &lt; in text"};
        {
            size_t j = i + 1;
            while (j < text.size() && name_char(text[j])) ++j;
            const std::string_view name = text.substr(i + 1, j - i - 1);
            const auto in_tag = [&] {
                return ends_inside("the tag <" + std::string(name), i, "'>' and then </" + std::string(name) + ">");
            };
            bool empty = false;
            for (;;) {
                while (j < text.size() && space(text[j])) ++j;
                if (j >= text.size()) return in_tag();
                if (text[j] == '>') break;
                if (text[j] == '/') {
                    if (j + 1 >= text.size()) return in_tag();
                    empty = text[j + 1] == '>';
                    if (!empty) return std::nullopt;  // tinyxml2's own message
                    ++j;
                    break;
                }
                if (!name_start(text[j])) return std::nullopt;
                while (j < text.size() && name_char(text[j])) ++j;
                while (j < text.size() && space(text[j])) ++j;
                if (j >= text.size()) return in_tag();
                if (text[j] != '=') return std::nullopt;
                ++j;
                while (j < text.size() && space(text[j])) ++j;
                if (j >= text.size()) return in_tag();
                if (text[j] != '"' && text[j] != '\'')
                    return scan_problem{j, "malformed XML: an attribute value without quotes at " + pos(loc, j) +
                                               "; expected name=\"value\""};
                const size_t q = text.find(text[j], j + 1);
                if (q == std::string_view::npos) return in_tag();
                j = q + 1;
            }
            if (static_cast<int>(stack.size()) + 1 > max_depth)
                return scan_problem{i, "malformed XML: nesting deeper than " + std::to_string(max_depth) +
                                           " elements at " + pos(loc, i) + "; expected at most " +
                                           std::to_string(max_depth) + " levels of elements"};
            if (!empty) stack.push_back({name, i});
            i = j + 1;
        }
    }
    if (!stack.empty()) {
        std::string expected;
        for (auto it = stack.rbegin(); it != stack.rend(); ++it)
            expected += (expected.empty() ? "</" : " and </") + std::string(it->name) + ">";
        return ends_inside("<" + std::string(stack.back().name) + ">", stack.back().offset,
                           expected + " before the end of the file");
    }
    return std::nullopt;
}

}  // namespace seloste::reading
