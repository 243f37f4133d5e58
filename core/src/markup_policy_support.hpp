// Shared pieces of the markup policy enforcer (markup_policy.cpp, markup_policy_css.cpp).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "seloste/markup_policy.hpp"

namespace seloste::detail {

// The parsed core/data/markup-policy.json (embedded at build time).
const nlohmann::json& markup_policy();

// Problems by byte offset; line and column are counted in one pass at the end, so a file with many
// problems stays linear. At most `limit` are kept (the first ones found).
class problem_sink {
   public:
    static constexpr size_t limit = 1000;
    void add(size_t offset, std::string message) {
        if (found_.size() < limit) found_.emplace_back(offset, std::move(message));
    }
    bool empty() const { return found_.empty(); }
    bool full() const { return found_.size() >= limit; }
    // In order of position, with 1-based line and column (code points; CR, LF and CRLF end a line).
    std::vector<markup_problem> located(std::string_view bytes);

   private:
    std::vector<std::pair<size_t, std::string>> found_;
};

// The encoding rules: valid UTF-8, no control characters but the allowed ones.
void check_encoding(std::string_view bytes, problem_sink& out);

void check_css(std::string_view bytes, problem_sink& out);

std::string ascii_lower(std::string_view s);

// What the policy checks a bundle file as: `kind` "fragment" is a fragment; "page", "index" and any
// other .html a page; .css a stylesheet; anything else (sitemap.xml) is not checked.
std::optional<markup_kind> markup_kind_of(std::string_view path, std::string_view kind);

// seloste build never writes a bundle that seloste verify refuses: throws template_error naming the
// theme's file, place and rule when a file of the bundle breaks the policy (a folder theme may write anything).
void require_markup_policy(std::string_view path, std::string_view bytes, std::string_view kind);

}  // namespace seloste::detail
