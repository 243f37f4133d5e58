// Writing: notices into a folder (`seloste render`) and a whole static site, the
// bundle (`seloste build`, docs/bundle-format.md). A site is swapped in whole; the
// pages of a render run are written to temporaries and renamed together only when
// every one was written, so a failed run leaves the previous output exactly as it was.
// Every run removes the temporaries that killed runs left where it writes.
#pragma once

#include <string>
#include <vector>

#include "seloste/check.hpp"
#include "seloste/model.hpp"

namespace seloste {

// Writes `content` to a temporary file beside `path` (`.NAME.tmp-PID-XXXXXX`),
// flushes it, then renames it over `path`. Creates missing parent folders. Throws io_error.
void write_file_atomic(const std::string& path, std::string_view content);

// What render_to_directory writes for each register and language.
enum class output_format {
    html,    // REGISTER.LANG.html pages (or fragments) and the theme's stylesheet
    jsonld,  // REGISTER.LANG.jsonld: the notice in DPV, the graph each page embeds (jsonld.hpp)
};

struct render_request {
    std::vector<std::string> sources;
    // Sources already read, or built and edited in memory: rendered as they are,
    // after those of `sources`. Their findings point where their locations do.
    std::vector<source_doc> documents;
    std::vector<lang> langs{lang::fi};
    std::string theme = "default";  // name or folder
    bool fragment = false;
    int heading_base = 0;
    std::string out_dir = ".";
    bool allow_incomplete = false;  // render registers whose checks found errors
    check_options checks;
    output_format format = output_format::html;  // jsonld: theme, fragment and heading_base do not apply
};

struct written_file {
    std::string path;
    std::string register_id;  // empty for stylesheets
    lang language = lang::fi;
    bool unchanged = false;  // the file already held exactly this content and was left untouched
};

struct render_outcome {
    std::vector<written_file> written;
    std::vector<finding> findings;     // of every register rendered or refused
    std::vector<std::string> refused;  // registers not rendered because of errors
};

// Reads, checks and renders every register of every source in every language
// into OUT_DIR/REGISTER.LANG.html (plus the theme's stylesheet). Nothing in OUT_DIR
// changes unless every page rendered: a broken source, or a page name the file
// system cannot take (longer than NAME_MAX less 23 bytes for the temporary name),
// throws source_error first; a folder in a page's place, an unwritable OUT_DIR or a
// full disk throw io_error before any page is replaced. Then every changed file is
// written to `.NAME.tmp-PID-XXXXXX` and flushed, a journal
// `.seloste-render-PID-XXXXXX` lists the renames, and all are renamed in one loop
// (SIGINT, SIGTERM, SIGHUP and SIGQUIT wait for it). Only a SIGKILL or a crash within
// that loop can leave some pages old and some new; the journal then stays, and the
// next run in OUT_DIR completes its renames before anything else. Each run first
// removes temporaries and journals of processes that are gone (kill(pid, 0) gives
// ESRCH); a pid reused by a live process keeps its leftovers until that one ends.
render_outcome render_to_directory(const render_request& req);

struct build_request {
    std::vector<std::string> sources;
    std::vector<source_doc> documents;  // as in render_request
    std::vector<lang> langs{lang::fi, lang::sv, lang::en};
    std::vector<std::string> themes{"default"};
    std::string out_dir;
    std::string sign_key;  // secret key file; empty = unsigned
    std::string base_url;  // for sitemap.xml and the feeds; empty = relative paths
    // Where the published versions are kept (docs/history.md): a previous site or bundle,
    // or a folder of snapshots REGISTER/DATE.xml, which the build then adds the current
    // versions to. Empty: the previous build in out_dir, if there is one.
    std::string history_dir;
    bool allow_incomplete = false;
    check_options checks;
};

struct build_outcome {
    bool changed = false;      // false: the previous site was identical; nothing was written
    bool refused = false;      // true: checks found errors; nothing was written
    std::size_t pages = 0;     // full notice pages
    std::size_t files = 0;     // every file in the bundle
    std::size_t versions = 0;  // dated pages of earlier versions
    std::vector<finding> findings;
    std::vector<std::string> warnings;  // "file:line:col: warning: ..." about the version history
    std::string out_dir;
};

// Writes the site into a temporary folder `.NAME.seloste-PID-XXXXXX` beside OUT_DIR,
// flushes it and swaps it in whole. Removes such folders of builds that are gone.
build_outcome build_site(const build_request& req);

// Ed25519 key pair for signing bundles: KEYFILE (secret, 0600) and KEYFILE.pub.
void generate_keypair(const std::string& key_file);

// Verifies a bundle folder as the plugins do (signature when `public_key_file` is
// given, hashes, no unlisted files). Returns the problems; empty = valid.
std::vector<std::string> verify_bundle(const std::string& dir, const std::string& public_key_file = {});

}  // namespace seloste
