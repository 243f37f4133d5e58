// Writing: notices into a folder (`seloste render`) and a whole static site, the
// bundle (`seloste build`, docs/bundle-format.md). Every file is written
// atomically; a site is swapped in whole, so a failed run leaves the previous
// output exactly as it was.
#pragma once

#include <string>
#include <vector>

#include "seloste/check.hpp"
#include "seloste/model.hpp"

namespace seloste {

// Writes `content` to a temporary file beside `path`, flushes it, then renames it
// over `path`. Creates missing parent folders. Throws io_error.
void write_file_atomic(const std::string& path, std::string_view content);

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
// into OUT_DIR/REGISTER.LANG.html (plus the theme's stylesheet). Throws
// source_error for a broken source before writing anything.
render_outcome render_to_directory(const render_request& req);

struct build_request {
    std::vector<std::string> sources;
    std::vector<source_doc> documents;  // as in render_request
    std::vector<lang> langs{lang::fi, lang::sv, lang::en};
    std::vector<std::string> themes{"default"};
    std::string out_dir;
    std::string sign_key;  // secret key file; empty = unsigned
    std::string base_url;  // for sitemap.xml; empty = relative paths
    bool allow_incomplete = false;
    check_options checks;
};

struct build_outcome {
    bool changed = false;   // false: the previous site was identical; nothing was written
    bool refused = false;   // true: checks found errors; nothing was written
    std::size_t pages = 0;  // full notice pages
    std::size_t files = 0;  // every file in the bundle
    std::vector<finding> findings;
    std::string out_dir;
};

build_outcome build_site(const build_request& req);

// Ed25519 key pair for signing bundles: KEYFILE (secret, 0600) and KEYFILE.pub.
void generate_keypair(const std::string& key_file);

// Verifies a bundle folder as the plugins do (signature when `public_key_file` is
// given, hashes, no unlisted files). Returns the problems; empty = valid.
std::vector<std::string> verify_bundle(const std::string& dir, const std::string& public_key_file = {});

}  // namespace seloste
