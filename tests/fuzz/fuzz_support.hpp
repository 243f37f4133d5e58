// Shared by the libFuzzer harnesses in tests/fuzz (README.md there).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace seloste::fuzz {

// The input as text, as a source file would be read.
inline std::string_view as_text(const uint8_t* data, size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// A stable 32-bit hash (FNV-1a) of the input: a harness derives its choices (theme,
// language, page or fragment) from it, so one input always takes the same path.
inline uint32_t choice_bits(const uint8_t* data, size_t size) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < size; ++i) h = (h ^ data[i]) * 16777619u;
    return h;
}

// SELOSTE_FUZZ_SKIP_ENCODING=1 turns off the encoding oracles (a source the reader
// accepts is valid UTF-8; a rendered page has no control characters), to fuzz a
// tree whose reader predates those checks for other bugs.
inline bool skip_encoding() {
    static const bool skip = [] {
        const char* v = std::getenv("SELOSTE_FUZZ_SKIP_ENCODING");
        return v && *v && *v != '0';
    }();
    return skip;
}

// RFC 3629 UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF.
// Returns the offset of the first byte that breaks it, or npos.
inline size_t first_invalid_utf8(std::string_view s) {
    size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        size_t n = 0;
        unsigned char lo = 0x80, hi = 0xBF;  // bounds of the second byte
        if (c < 0x80) {
            n = 1;
        } else if (c >= 0xC2 && c <= 0xDF) {
            n = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 3;
            if (c == 0xE0) lo = 0xA0;
            if (c == 0xED) hi = 0x9F;  // D800-DFFF are surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 4;
            if (c == 0xF0) lo = 0x90;
            if (c == 0xF4) hi = 0x8F;
        } else {
            return i;
        }
        if (i + n > s.size()) return i;
        for (size_t k = 1; k < n; ++k) {
            const auto b = static_cast<unsigned char>(s[i + k]);
            if (k == 1 ? (b < lo || b > hi) : (b & 0xC0) != 0x80) return i;
        }
        i += n;
    }
    return std::string_view::npos;
}

inline bool valid_utf8(std::string_view s) {
    return first_invalid_utf8(s) == std::string_view::npos;
}

}  // namespace seloste::fuzz

// libFuzzer's entry point, defined by every harness; replay_main.cpp calls it too.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);
