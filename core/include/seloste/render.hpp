// Rendering: a register + a theme -> HTML, through kainjow mustache.
//
//   auto doc   = seloste::read_source("examples/seinajoki.xml");
//   auto theme = seloste::load_theme("default");          // or a folder
//   seloste::render_options opts;  opts.language = seloste::lang::sv;
//   std::string html = seloste::render_html(doc, doc.registers[0], theme, opts);
//
// Every value from a source is escaped; links are made only from values that pass
// the validators in facts.hpp (http/https, mailto:, tel:). Themes are described in
// docs/themes.md.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "seloste/model.hpp"

namespace seloste {

struct theme_info {
    std::string name;
    std::string description;  // in English
    std::string origin;       // "built-in" or the folder
    std::string extends;      // parent theme, or empty
};

class theme {
   public:
    const std::string& name() const;
    const std::string& stylesheet() const;       // the CSS text
    const std::string& stylesheet_name() const;  // e.g. "seloste-default.css"
    struct impl;
    explicit theme(std::shared_ptr<const impl> p) : p_(std::move(p)) {}
    const impl& internals() const { return *p_; }

   private:
    std::shared_ptr<const impl> p_;
};

// A built-in theme by name ("default", "layered"), or a folder holding theme.json.
// A folder theme may extend a built-in one and override single partials.
// Throws template_error when the theme is missing or a template does not parse.
theme load_theme(const std::string& name_or_dir);

std::vector<theme_info> list_themes();

struct alternate {
    lang language;
    std::string href;
};

// One version of a notice in its history (seloste build keeps them: docs/history.md):
// a row of the "Changes to this notice" section, merged by date with the source's own
// <history> entries.
struct version_entry {
    date effective;                    // the version's notice date
    std::vector<std::string> changes;  // what changed from the version before, in the page's language
    bool first = false;                // the first published version
    std::string href;                  // its page; empty = no link
};

// Shown on the page of a dated version: in force from `from` until `until` (none: the current one).
struct version_banner {
    date from;
    std::optional<date> until;
    std::string current_href;  // the always-current page; empty = no link
};

struct render_options {
    lang language = lang::fi;
    bool fragment = false;                 // embeddable fragment instead of a full page
    int heading_base = 0;                  // level of the notice's title; 0 = 1 for pages, 2 for fragments
    std::string stylesheet_href;           // pages: link this stylesheet; empty = inline the theme's CSS
    std::vector<alternate> alternates;     // the other language versions (hreflang links)
    std::string index_href;                // optional link back to an index page
    std::vector<version_entry> versions;   // the notice's published versions (build), oldest first
    std::optional<version_banner> banner;  // this page shows a dated version
    std::string feed_href;                 // the Atom feed of the notice's changes; empty = none
};

std::string render_html(const source_doc& doc, const register_& reg, const theme& th, const render_options& opts);

// A notice's view data, built once and rendered many times (benchmarks, batches).
class prepared_notice {
   public:
    struct impl;
    explicit prepared_notice(std::shared_ptr<impl> p) : p_(std::move(p)) {}
    const impl& internals() const { return *p_; }

   private:
    std::shared_ptr<impl> p_;
};
prepared_notice prepare_notice(const source_doc& doc, const register_& reg, const theme& th,
                               const render_options& opts);
std::string render_prepared(const prepared_notice& notice);

// The title of a notice page, e.g. "Tietosuojaseloste: Asiakasrekisteri".
std::string notice_title(const register_& reg, lang l);

}  // namespace seloste
