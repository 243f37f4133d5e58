// Shared by the libFuzzer harnesses in tests/fuzz (README.md there).
#pragma once

#include <cstddef>
#include <cstdint>
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

}  // namespace seloste::fuzz

// libFuzzer's entry point, defined by every harness; replay_main.cpp calls it too.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);
