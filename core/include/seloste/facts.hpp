// Small fact validators shared by the checks and the renderer (links are only
// made from values that pass them).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace seloste {

// "06 324 5111" -> "+35863245111"; "+358 9 878 071" -> "+3589878071".
// National numbers (leading 0) are read as Finnish. Empty when the number cannot be E.164.
std::optional<std::string> phone_to_e164(std::string_view phone);

// A plain address: local@domain.tld, no spaces or markup characters.
bool is_email(std::string_view email);

// An absolute http:// or https:// URL with a host; nothing else (no javascript:, data:, relative),
// and no bidi or zero-width control anywhere in it (link text must show where a link leads).
bool is_web_url(std::string_view url);

// The web addresses written in a free text, as [offset, length) ranges: each starts with
// http:// or https://, ends before white space, a quote or an angle bracket, and without the
// punctuation that ends a sentence around it ("… at https://x.fi/a." or "(https://x.fi)"),
// and passes is_web_url. Anything else stays text.
std::vector<std::pair<size_t, size_t>> find_web_urls(std::string_view text);

// Finnish business ID (Y-tunnus) "1234567-8" with a correct check digit.
bool is_business_id(std::string_view id);

}  // namespace seloste
