// One reading of UTF-8 for every scan of the core: ICU's, strict.
#pragma once

#include <unicode/utf8.h>

#include <cstdint>
#include <string_view>

namespace seloste::detail {

// The length of the well-formed UTF-8 sequence at s[i] and its code point in `c`; 0 when
// it is not well-formed (no overlong forms, no surrogates, nothing above U+10FFFF).
inline size_t utf8_at(std::string_view s, size_t i, char32_t& c) {
    int64_t at = static_cast<int64_t>(i);
    UChar32 cp = 0;
    U8_NEXT(s.data(), at, static_cast<int64_t>(s.size()), cp);
    if (cp < 0) return 0;
    c = static_cast<char32_t>(cp);
    return static_cast<size_t>(at) - i;
}

}  // namespace seloste::detail
