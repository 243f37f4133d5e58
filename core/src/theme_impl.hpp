// Private: what a loaded theme holds.
#pragma once

#include <array>
#include <kainjow/mustache.hpp>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "seloste/render.hpp"

namespace seloste {

// A template with its partials expanded, parsed on first use: a run that renders
// pages never pays for the fragment and index templates. Parsed once (thread-safe);
// kainjow's render only reads the parsed tree, so one theme serves many threads.
class lazy_template {
   public:
    void set(std::string text, std::string label) {
        text_ = std::move(text);
        label_ = std::move(label);
    }
    // Throws template_error when the template does not parse.
    kainjow::mustache::mustache& get() const;
    const std::string& text() const { return text_; }  // partials expanded

   private:
    std::string text_, label_;  // label: `theme "NAME": FILE`
    mutable std::once_flag once_;
    mutable std::unique_ptr<kainjow::mustache::mustache> parsed_;
};

struct theme::impl {
    std::string name;
    std::string origin;
    std::string stylesheet;
    std::string stylesheet_name;
    // theme.json "strings": {"key": {"fi": "…", "sv": "…", "en": "…"}}, merged
    // along "extends" (the child's win); templates see them as {{s_key}}.
    std::map<std::string, std::array<std::string, 3>> strings;
    lazy_template page;
    lazy_template fragment;
    lazy_template index;  // the language index of a site
    // The view names that depend only on the theme and the language (labels, the
    // theme's strings, the stylesheet): built once per language by render.cpp and
    // rendered under each notice's own view.
    mutable std::array<std::once_flag, 3> standard_once;
    mutable std::array<kainjow::mustache::data, 3> standard;
};

std::string escape_html(const std::string& s);

// Renders a prepared notice through `tmpl` instead of the theme's own parsed
// template: the benchmark's reference run of kainjow as shipped (its own escape).
std::string render_prepared_with(const prepared_notice& notice, kainjow::mustache::mustache& tmpl);

}  // namespace seloste
