// Shared pieces of the markup policy enforcer (markup_policy.cpp, markup_policy_css.cpp).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "seloste/markup_policy.hpp"

namespace seloste::detail {

// The parsed core/data/markup-policy.json (embedded at build time).
const nlohmann::json& markup_policy();

// 1-based line and column (in code points) of byte `offset`; CR, LF and CRLF end a line.
std::pair<unsigned, unsigned> line_col(std::string_view bytes, size_t offset);

// The encoding rules: valid UTF-8, no control characters but the allowed ones. Appends problems.
void check_encoding(std::string_view bytes, std::vector<markup_problem>& out);

void check_css(std::string_view bytes, std::vector<markup_problem>& out);

std::string ascii_lower(std::string_view s);

}  // namespace seloste::detail
