#include "embedded.hpp"

#include <algorithm>
#include <utility>

namespace seloste::detail {

extern const std::pair<std::string_view, std::string_view> embedded_files[];

std::optional<std::string_view> embedded_file(std::string_view path) {
    for (const auto* f = embedded_files; !f->first.empty(); ++f)
        if (f->first == path) return f->second;
    return std::nullopt;
}

std::vector<std::string_view> embedded_paths(std::string_view prefix) {
    std::vector<std::string_view> out;
    for (const auto* f = embedded_files; !f->first.empty(); ++f)
        if (f->first.starts_with(prefix)) out.push_back(f->first);
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace seloste::detail
