// Private: what a loaded theme holds.
#pragma once

#include <kainjow/mustache.hpp>
#include <memory>
#include <string>

#include "seloste/render.hpp"

namespace seloste {

struct theme::impl {
    std::string name;
    std::string origin;
    std::string stylesheet;
    std::string stylesheet_name;
    // Parsed once; kainjow's render only reads the parsed tree, so one theme
    // serves many threads.
    std::unique_ptr<kainjow::mustache::mustache> page;
    std::unique_ptr<kainjow::mustache::mustache> fragment;
    std::unique_ptr<kainjow::mustache::mustache> index;  // the language index of a site
};

std::string escape_html(const std::string& s);

}  // namespace seloste
