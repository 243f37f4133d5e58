// The markup policy: what a published bundle may contain (core/data/markup-policy.json).
// One specification, enforced here (seloste verify), by the WordPress import and by the
// Eleventy plugin. See docs/bundle-format.md.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace seloste {

enum class markup_kind { page, fragment, css };

struct markup_problem {
    unsigned line = 0;    // 1-based; 0 when the problem has no place (a whole-file rule)
    unsigned column = 0;  // 1-based, in characters
    std::string message;  // what is wrong and what the policy expects
};

// Every way `bytes` breaks the policy, in order of position. Empty: the exact bytes may be published.
std::vector<markup_problem> check_markup(std::string_view bytes, markup_kind kind);

// The exact rule of the WordPress import for a bundle path: segments separated by '/', none empty or
// starting with '.', each only Unicode letters and digits, '.', '_' and '-', valid UTF-8, at most 512 bytes.
bool is_safe_bundle_path(std::string_view path);

}  // namespace seloste
