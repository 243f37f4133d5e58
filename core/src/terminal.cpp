// Text for a terminal (errors.hpp): what a source holds is shown, never obeyed.
#include <cstdio>

#include "seloste/errors.hpp"
#include "utf8.hpp"

namespace seloste {

namespace {

bool shown_escaped(char32_t c) {
    return (c >= 0x80 && c <= 0x9F) || (c >= 0x200B && c <= 0x200F) || (c >= 0x2028 && c <= 0x202E) ||
           (c >= 0x2060 && c <= 0x2069) || c == 0x061C || c == 0xFEFF;
}

}  // namespace

std::string escape_for_terminal(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    char buf[16];
    for (size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        if (b >= 0x20 && b < 0x7F) {
            out += static_cast<char>(b);
            ++i;
            continue;
        }
        if (b < 0x80) {
            if (b == '\n')
                out += "\\n";
            else if (b == '\t')
                out += "\\t";
            else if (b == '\r')
                out += "\\r";
            else {
                std::snprintf(buf, sizeof buf, "\\x%02x", b);
                out += buf;
            }
            ++i;
            continue;
        }
        char32_t c = 0;
        const size_t n = detail::utf8_at(s, i, c);
        if (n == 0) {
            std::snprintf(buf, sizeof buf, "\\x%02x", b);
            out += buf;
            ++i;
        } else if (shown_escaped(c)) {
            std::snprintf(buf, sizeof buf, "\\u{%04x}", static_cast<unsigned>(c));
            out += buf;
            i += n;
        } else {
            out.append(s.substr(i, n));
            i += n;
        }
    }
    return out;
}

}  // namespace seloste
