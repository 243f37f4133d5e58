// Private: what a loaded theme holds.
#pragma once

#include <array>
#include <kainjow/mustache.hpp>
#include <map>
#include <memory>
#include <string>

#include "seloste/render.hpp"

namespace seloste {

struct theme::impl {
    std::string name;
    std::string origin;
    std::string stylesheet;
    std::string stylesheet_name;
    // theme.json "strings": {"key": {"fi": "…", "sv": "…", "en": "…"}}, merged
    // along "extends" (the child's win); templates see them as {{s_key}}.
    std::map<std::string, std::array<std::string, 3>> strings;
    // Parsed once; kainjow's render only reads the parsed tree, so one theme
    // serves many threads.
    std::unique_ptr<kainjow::mustache::mustache> page;
    std::unique_ptr<kainjow::mustache::mustache> fragment;
    std::unique_ptr<kainjow::mustache::mustache> index;  // the language index of a site
};

std::string escape_html(const std::string& s);

}  // namespace seloste
