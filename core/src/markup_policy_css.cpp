// The CSS rules of the markup policy: checked after removing comments and decoding CSS escapes.
#include <set>

#include "markup_policy_support.hpp"

namespace seloste::detail {

namespace {

bool css_ws(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}
bool hex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
bool ident_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
           static_cast<unsigned char>(c) >= 0x80;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// Comments removed, escapes decoded, ASCII lower case; `origin[i]` is the byte offset in the input of
// output byte i, so a problem is reported where it is written.
std::string decode_css(std::string_view in, std::vector<size_t>& origin) {
    std::string out;
    const auto put = [&](char c, size_t at) { out += c, origin.push_back(at); };
    for (size_t i = 0; i < in.size();) {
        if (in.substr(i, 2) == "/*") {
            const size_t end = in.find("*/", i + 2);
            i = end == std::string_view::npos ? in.size() : end + 2;
            continue;
        }
        if (in[i] == '\\' && i + 1 < in.size()) {
            const size_t at = i;
            if (hex(in[i + 1])) {
                size_t j = i + 1;
                char32_t cp = 0;
                for (; j < in.size() && j < i + 7 && hex(in[j]); ++j)
                    cp = cp * 16 + static_cast<char32_t>(in[j] <= '9' ? in[j] - '0' : (in[j] | 0x20) - 'a' + 10);
                if (j < in.size() && in.substr(j, 2) == "\r\n")
                    j += 2;
                else if (j < in.size() && css_ws(in[j]))
                    ++j;
                const size_t before = out.size();
                append_utf8(out, cp);
                origin.resize(origin.size() + out.size() - before, at);
                i = j;
            } else if (in[i + 1] == '\n' || in[i + 1] == '\r' || in[i + 1] == '\f') {
                i += 2;  // a line continuation in a string
            } else {
                put(in[i + 1], i);  // "\c" is c itself
                i += 2;
            }
            continue;
        }
        put(in[i], i);
        ++i;
    }
    return ascii_lower(out);
}

}  // namespace

void check_css(std::string_view bytes, problem_sink& out) {
    const auto& css = markup_policy().at("css");
    const auto report = [&](size_t at, std::string msg) { out.add(at, std::move(msg)); };
    const auto forbidden = css.at("forbidden_sequences").get<std::vector<std::string>>();
    // On the raw bytes: "</style>" ends a <style> element even inside a CSS comment or string.
    const std::string raw_lower = ascii_lower(bytes);
    for (const auto& seq : forbidden)
        for (size_t i = raw_lower.find(seq); i != std::string::npos; i = raw_lower.find(seq, i + 1))
            report(i, "'" + seq + "' in a stylesheet; it could end a <style> element (markup-policy.json: css)");
    std::vector<size_t> origin;
    const std::string text = decode_css(bytes, origin);
    for (const auto& seq : forbidden)
        for (size_t i = text.find(seq); i != std::string::npos; i = text.find(seq, i + 1))
            if (raw_lower.compare(origin[i], seq.size(), seq) != 0)
                report(origin[i], "'" + seq + "' (after decoding escapes) in a stylesheet (markup-policy.json: css)");
    const auto at_rules = css.at("allowed_at_rules").get<std::set<std::string>>();
    const auto functions = css.at("forbidden_functions").get<std::set<std::string>>();
    const auto properties = css.at("forbidden_properties").get<std::set<std::string>>();
    for (size_t i = 0; i < text.size();) {
        if (!ident_char(text[i])) {
            ++i;
            continue;
        }
        const size_t start = i;
        while (i < text.size() && ident_char(text[i])) ++i;
        const std::string ident = text.substr(start, i - start);
        if (start > 0 && text[start - 1] == '@') {
            if (!at_rules.count(ident))
                report(origin[start - 1], "the at-rule @" + ident + "; expected only @media, @supports, @page, @layer");
            continue;
        }
        size_t j = i;
        while (j < text.size() && css_ws(text[j])) ++j;
        if (j < text.size() && text[j] == '(') {
            // Vendor prefixes name the same function: -webkit-image-set( is image-set(.
            std::string bare = ident;
            if (bare.size() > 1 && bare[0] == '-' && bare.find('-', 1) != std::string::npos)
                bare = bare.substr(bare.find('-', 1) + 1);
            if (functions.count(ident) || functions.count(bare))
                report(origin[start], "the CSS function " + ident + "( may load or run something; it is not allowed");
        } else if (j < text.size() && text[j] == ':' && properties.count(ident)) {
            report(origin[start], "the CSS property " + ident + " may load or run something; it is not allowed");
        }
    }
}

}  // namespace seloste::detail
