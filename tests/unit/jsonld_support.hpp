// Test support: a rendered page or fragment without its one JSON-LD script (docs/json-ld.md),
// so that checks on the visible markup and text keep their meaning.
#pragma once

#include <string>
#include <string_view>

namespace seloste::testing {

inline constexpr std::string_view json_ld_open = "<script type=\"application/ld+json\">";

// The content of the one JSON-LD script; empty when there is none, or more than one.
inline std::string json_ld_of(const std::string& html) {
    const size_t a = html.find(json_ld_open);
    if (a == std::string::npos || html.find(json_ld_open, a + 1) != std::string::npos) return {};
    const size_t from = a + json_ld_open.size();
    const size_t b = html.find("</script>", from);
    return b == std::string::npos ? std::string() : html.substr(from, b - from);
}

// `html` without its JSON-LD script element, when it holds exactly one and that one holds no '<', '>'
// or '&' (so it can neither end early nor hide markup); else `html` unchanged, and the callers'
// checks for "<script" fail.
inline std::string without_json_ld(const std::string& html) {
    const std::string content = json_ld_of(html);
    if (content.empty() || content.find_first_of("<>&") != std::string::npos) return html;
    const size_t a = html.find(json_ld_open);
    return html.substr(0, a) +
           html.substr(a + json_ld_open.size() + content.size() + std::string_view("</script>").size());
}

}  // namespace seloste::testing
