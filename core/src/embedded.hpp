// Files embedded at build time (core/data/**, themes/**): see core/cmake/embed.cmake.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace seloste::detail {

// The content of an embedded file, by its repo-relative path ("core/data/messages/fi.json").
std::optional<std::string_view> embedded_file(std::string_view path);

// Every embedded path that starts with `prefix`, sorted.
std::vector<std::string_view> embedded_paths(std::string_view prefix);

}  // namespace seloste::detail
