#include "seloste/build.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <unordered_map>

#include "bundle_io.hpp"
#include "history.hpp"
#include "markup_policy_support.hpp"
#include "output_dir.hpp"
#include "seloste/errors.hpp"
#include "seloste/i18n.hpp"
#include "seloste/jsonld.hpp"
#include "seloste/render.hpp"
#include "seloste/source.hpp"
#include "seloste/version.hpp"
#include "theme_impl.hpp"

namespace seloste {

namespace fs = std::filesystem;
using ojson = nlohmann::ordered_json;
using namespace detail;

namespace {

struct site_file {
    std::string path;
    std::string content;
    ojson meta;  // manifest entry extras (kind, register, ...); null for plain files
};

std::string index_page(const theme& th, lang lg,
                       const std::vector<std::pair<const source_doc*, const register_*>>& regs,
                       const std::vector<lang>& langs, const std::string& css_href, const std::string& prefix) {
    using kainjow::mustache::data;
    using kainjow::mustache::list;
    struct row {
        std::string title, href, controllers, updated, iso;
    };
    std::vector<row> rows;
    for (const auto& [doc, reg] : regs) {
        row r;
        auto n = reg->name.get(lg);
        r.title = n.value ? *n.value : reg->id;
        r.href = reg->id + ".html";
        std::vector<std::string> names;
        for (const auto& c : reg->controllers)
            if (const auto* o = doc->find_organisation(c.id)) {
                auto on = o->name.get(lg);
                if (on.value) names.push_back(*on.value);
            }
        r.controllers = format_list(names, lg);
        r.updated = format_message(lg, "index.updated", {{"date", format_date(reg->notice_date, lg)}});
        r.iso = reg->notice_date.iso();
        rows.push_back(std::move(r));
    }
    std::vector<std::string> keys;
    for (const auto& r : rows) keys.push_back(r.controllers + "\x01" + r.title + "\x01" + r.href);
    std::vector<std::string> sorted = keys;
    sort_collated(sorted, lg);
    std::unordered_map<std::string, size_t> row_of;  // keys are unique: the href is
    for (size_t i = 0; i < keys.size(); ++i) row_of.emplace(keys[i], i);
    list items;
    for (const auto& k : sorted) {
        const auto& r = rows[row_of.at(k)];
        data x(data::type::object);
        x["title"] = data(r.title);
        x["href"] = data(prefix + r.href);
        x["controllers"] = data(r.controllers);
        x["updated"] = data(r.updated);
        x["iso"] = data(r.iso);
        items.push_back(std::move(x));
    }
    data v(data::type::object);
    v["lang"] = data(std::string(lang_code(lg)));
    v["title"] = data(message(lg, "index.title"));
    v["intro"] = data(message(lg, "index.intro"));
    v["items"] = data(items);
    v["stylesheet_href"] = data(css_href);
    v["skip"] = data(message(lg, "doc.skip"));
    v["other_languages"] = data(message(lg, "doc.other_languages"));
    v["generator"] = data(format_message(lg, "doc.generator", {{"version", version}}));
    list alts;
    for (lang o : langs)
        if (o != lg) {
            data a(data::type::object);
            a["hreflang"] = data(std::string(lang_code(o)));
            a["href"] = data("../" + std::string(lang_code(o)) + "/index.html");
            a["name"] = data(message(o, "@language_name"));
            alts.push_back(std::move(a));
        }
    v["has_alternates"] = data(!alts.empty());
    v["alternates"] = data(alts);
    const auto& impl = th.internals();
    std::string out;
    impl.index.get().render(v, [&out](const std::string& s) { out += s; });
    return out;
}

std::string root_index(const std::vector<lang>& langs, const std::string& stylesheet_href) {
    // A plain language chooser; every text here is a standard text, escaped.
    const lang first = langs.front();
    std::string out = "<!DOCTYPE html>\n<html lang=\"" + std::string(lang_code(first)) +
                      "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, "
                      "initial-scale=1\">\n<title>";
    std::string title;
    for (lang l : langs) title += (title.empty() ? "" : " / ") + message(l, "index.title");
    out += escape_html(title) + "</title>\n<link rel=\"stylesheet\" href=\"" + escape_html(stylesheet_href) +
           "\">\n</head>\n<body class=\"seloste-page\">\n<main class=\"seloste\">\n<h1>" + escape_html(title) +
           "</h1>\n<ul>\n";
    for (lang l : langs)
        out += "<li><a href=\"" + std::string(lang_code(l)) + "/index.html\" hreflang=\"" + std::string(lang_code(l)) +
               "\" lang=\"" + std::string(lang_code(l)) + "\">" + escape_html(message(l, "@language_name")) + ": " +
               escape_html(message(l, "index.title")) + "</a></li>\n";
    out += "</ul>\n</main>\n</body>\n</html>\n";
    return out;
}

std::string xml_escape(const std::string& s) {
    return escape_html(s);
}

// Swap a fully written temporary folder in place of `dir`.
void swap_in(const fs::path& tmp, const fs::path& dir) {
    std::error_code ec;
    if (!fs::exists(dir)) {
        fs::rename(tmp, dir, ec);
        if (ec) throw io_error(dir.string() + ": error: cannot move the new site into place (" + ec.message() + ")");
        return;
    }
#ifdef SYS_renameat2
    if (::syscall(SYS_renameat2, AT_FDCWD, tmp.c_str(), AT_FDCWD, dir.c_str(), 2 /* RENAME_EXCHANGE */) == 0) {
        fs::remove_all(tmp, ec);  // now the previous site
        return;
    }
#endif
    const fs::path old = dir.string() + ".seloste-old";
    fs::remove_all(old, ec);
    fs::rename(dir, old, ec);
    if (ec) throw io_error(dir.string() + ": error: cannot move the previous site aside (" + ec.message() + ")");
    fs::rename(tmp, dir, ec);
    if (ec) {
        std::error_code ec2;
        fs::rename(old, dir, ec2);
        throw io_error(dir.string() + ": error: cannot move the new site into place (" + ec.message() + ")");
    }
    fs::remove_all(old, ec);
}

bool same_site(const fs::path& dir, const std::vector<site_file>& files) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return false;
    size_t count = 0;
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec))
        if (it->is_regular_file()) ++count;
    if (ec || count != files.size()) return false;
    for (const auto& f : files) {
        const fs::path p = dir / f.path;
        if (!fs::is_regular_file(p, ec) || fs::file_size(p, ec) != f.content.size()) return false;
        if (read_all(p) != f.content) return false;
    }
    return true;
}

// The rows of a page's "Changes to this notice": the versions up to `upto`, each linked
// as PREFIX + DATE/index.html (no links when `prefix` is null).
std::vector<version_entry> version_entries(const std::vector<notice_version>& vs, size_t upto, lang l,
                                           const char* prefix) {
    std::vector<version_entry> out;
    if (vs.size() < 2) return out;  // a single version has no history to tell
    for (size_t i = 0; i <= upto && i < vs.size(); ++i)
        out.push_back({vs[i].when, vs[i].changes[static_cast<size_t>(l)], vs[i].first,
                       prefix ? prefix + vs[i].when.iso() + "/index.html" : std::string()});
    return out;
}

}  // namespace

build_outcome build_site(const build_request& req) {
    init_sodium();
    if (req.out_dir.empty()) throw io_error("no output folder; expected -o DIR");
    if (req.langs.empty() || req.themes.empty()) throw io_error("no language or theme to build");
    const loaded l = read_all_sources(req.sources, req.documents);
    std::vector<theme> themes;
    for (const auto& t : req.themes) themes.push_back(load_theme(t));

    build_outcome out;
    out.out_dir = req.out_dir;
    std::vector<std::pair<const source_doc*, const register_*>> regs;
    bool any_refused = false;
    for (const auto& doc : l.docs)
        for (const auto& reg : doc.registers) {
            auto fs = check_register(doc, reg, req.checks);
            if (has_errors(fs)) any_refused = true;
            out.findings.insert(out.findings.end(), fs.begin(), fs.end());
            regs.push_back({&doc, &reg});
        }
    if (any_refused && !req.allow_incomplete) {
        out.refused = true;
        return out;
    }

    fs::path dir = fs::absolute(req.out_dir).lexically_normal();
    if (!dir.has_filename()) dir = dir.parent_path();  // "site/" names the folder "site"
    std::error_code ec;

    // The published versions (docs/history.md): from --history, else the previous build here.
    const fs::path history_from = req.history_dir.empty() ? dir : fs::path(req.history_dir);
    const bool snapshot_folder = !req.history_dir.empty() && !fs::exists(history_from / "manifest.json", ec);
    const history_store store = req.history_dir.empty() && !fs::exists(dir / "manifest.json", ec)
                                    ? history_store{}
                                    : read_history(history_from);
    std::map<std::string, std::vector<notice_version>> versions;
    for (const auto& [doc, reg] : regs) versions[reg->id] = versions_of(store, *doc, *reg, out.warnings);

    std::vector<site_file> files;
    ojson reg_list = ojson::array();
    for (const auto& [doc, reg] : regs) {
        ojson r;
        r["id"] = reg->id;
        r["source"] = fs::path(doc->file).filename().string();
        ojson names = ojson::object();
        for (lang lg : req.langs) {
            auto n = reg->name.get(lg);
            names[std::string(lang_code(lg))] = n.value ? *n.value : reg->id;
        }
        r["name"] = names;
        ojson ctl = ojson::array();
        for (const auto& c : reg->controllers)
            if (const auto* o = doc->find_organisation(c.id)) {
                auto n = o->name.get(req.langs.front());
                ctl.push_back(n.value ? *n.value : c.id);
            }
        r["controllers"] = ctl;
        r["notice_date"] = reg->notice_date.iso();
        ojson vl = ojson::array();
        const auto& vs = versions.at(reg->id);
        for (size_t i = 0; i < vs.size(); ++i) {
            ojson v;
            v["date"] = vs[i].when.iso();
            v["current"] = vs[i].current;
            v["previous"] = i == 0 ? ojson(nullptr) : ojson(vs[i - 1].when.iso());
            ojson ch = ojson::object();
            for (lang lg : req.langs) ch[std::string(lang_code(lg))] = vs[i].changes[static_cast<size_t>(lg)];
            v["changes"] = ch;
            vl.push_back(v);
        }
        r["versions"] = vl;
        reg_list.push_back(r);
    }

    for (size_t ti = 0; ti < themes.size(); ++ti) {
        const theme& th = themes[ti];
        const std::string tprefix = ti == 0 ? "" : th.name() + "/";
        const std::string css_path = "assets/" + th.stylesheet_name();
        files.push_back({css_path, th.stylesheet(), nullptr});
        const std::string up = ti == 0 ? "../" : "../../";
        for (lang lg : req.langs) {
            const std::string lc(lang_code(lg));
            for (const auto& entry : regs) {
                const source_doc* doc = entry.first;
                const register_* reg = entry.second;
                render_options o;
                o.language = lg;
                o.stylesheet_href = up + css_path;
                o.index_href = "index.html";
                for (lang other : req.langs)
                    if (other != lg)
                        o.alternates.push_back(
                            {other, "../" + std::string(lang_code(other)) + "/" + reg->id + ".html"});
                const std::string title = notice_title(*reg, lg);
                auto meta = [&](const char* kind, const std::string& version = {}) {
                    ojson m;
                    m["kind"] = kind;
                    m["register"] = reg->id;
                    m["lang"] = lc;
                    m["theme"] = th.name();
                    m["title"] = title;
                    if (!version.empty()) m["version"] = version;
                    return m;
                };
                const auto& vs = versions.at(reg->id);
                const std::string feed = up + lc + "/" + reg->id + ".atom";
                o.versions = version_entries(vs, vs.size(), lg, (reg->id + "/").c_str());
                o.feed_href = feed;
                files.push_back({tprefix + lc + "/" + reg->id + ".html", render_html(*doc, *reg, th, o), meta("page")});
                render_options f;
                f.language = lg;
                f.fragment = true;
                f.versions = version_entries(vs, vs.size(), lg, nullptr);
                files.push_back({"fragments/" + tprefix + lc + "/" + reg->id + ".html", render_html(*doc, *reg, th, f),
                                 meta("fragment")});
                ++out.pages;
                // Every version at its dated address, LANG/REGISTER/DATE/ (docs/history.md).
                for (size_t k = 0; k < vs.size(); ++k) {
                    const auto& v = vs[k];
                    const std::string iso = v.when.iso();
                    render_options d;
                    d.language = lg;
                    d.stylesheet_href = "../../" + up + css_path;
                    d.index_href = "../../index.html";
                    for (lang other : req.langs)
                        if (other != lg)
                            d.alternates.push_back({other, "../../../" + std::string(lang_code(other)) + "/" + reg->id +
                                                               "/" + iso + "/index.html"});
                    d.versions = version_entries(vs, k, lg, "../");
                    d.banner = version_banner{v.when, std::nullopt, "../../" + reg->id + ".html"};
                    if (k + 1 < vs.size()) d.banner->until = vs[k + 1].when;
                    d.feed_href = "../../" + feed;
                    files.push_back({tprefix + lc + "/" + reg->id + "/" + iso + "/index.html",
                                     render_html(*v.doc, v.reg(), th, d), meta("version", iso)});
                    render_options df;
                    df.language = lg;
                    df.fragment = true;
                    df.versions = version_entries(vs, k, lg, nullptr);
                    df.banner = version_banner{v.when, d.banner->until, ""};
                    files.push_back({"fragments/" + tprefix + lc + "/" + reg->id + "/" + iso + ".html",
                                     render_html(*v.doc, v.reg(), th, df), meta("version-fragment", iso)});
                    if (!v.current && ti == 0 && lg == req.langs.front()) ++out.versions;
                }
            }
            ojson im;
            im["kind"] = "index";
            im["lang"] = lc;
            im["theme"] = th.name();
            im["title"] = message(lg, "index.title");
            files.push_back({tprefix + lc + "/index.html", index_page(th, lg, regs, req.langs, up + css_path, ""), im});
        }
    }
    // The notices as JSON-LD (docs/json-ld.md): the graph each page embeds, as files of their own.
    for (const auto& [doc, reg] : regs)
        for (lang lg : req.langs)
            files.push_back({"jsonld/" + std::string(lang_code(lg)) + "/" + reg->id + ".jsonld",
                             notice_jsonld(*doc, *reg, lg, {.indent = 2}) + "\n", nullptr});
    // The version history: an Atom feed per notice and language, and every version's source.
    {
        std::string base = req.base_url;
        if (!base.empty() && base.back() != '/') base += '/';
        for (const auto& [doc, reg] : regs)
            for (lang lg : req.langs)
                files.push_back({std::string(lang_code(lg)) + "/" + reg->id + ".atom",
                                 atom_feed(versions.at(reg->id), *doc, *reg, lg, base), nullptr});
        std::map<std::string, std::map<std::string, std::string>> kept;  // also of registers no longer built
        for (const auto& [id, snaps] : store.snapshots)
            for (const auto& [iso, snap] : snaps) kept[id][iso] = snap.text;
        for (const auto& [id, vs] : versions) {
            auto& k = kept[id];
            k.clear();
            for (const auto& v : vs) k[v.when.iso()] = v.snapshot;
        }
        for (const auto& [id, snaps] : kept)
            for (const auto& [iso, text] : snaps)
                files.push_back({"history/" + id + "/" + iso + ".xml", text, nullptr});
    }
    files.push_back({"index.html", root_index(req.langs, "assets/" + themes.front().stylesheet_name()), nullptr});

    // sitemap.xml: every full page of the primary theme, with its language alternates.
    {
        std::string sm =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
            "xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n";
        std::string base = req.base_url;
        if (!base.empty() && base.back() != '/') base += '/';
        for (const auto& [doc, reg] : regs)
            for (lang lg : req.langs) {
                sm += "<url>\n<loc>" + xml_escape(base + std::string(lang_code(lg)) + "/" + reg->id + ".html") +
                      "</loc>\n";
                sm += "<lastmod>" + reg->notice_date.iso() + "</lastmod>\n";
                for (lang a : req.langs)
                    sm += "<xhtml:link rel=\"alternate\" hreflang=\"" + std::string(lang_code(a)) + "\" href=\"" +
                          xml_escape(base + std::string(lang_code(a)) + "/" + reg->id + ".html") + "\"/>\n";
                sm += "</url>\n";
            }
        sm += "</urlset>\n";
        files.push_back({"sitemap.xml", sm, nullptr});
    }

    // Never a bundle that seloste verify refuses: a folder theme may write anything.
    for (const auto& f : files)
        require_markup_policy(f.path, f.content, f.meta.is_null() ? "" : f.meta.value("kind", ""));
    ojson manifest;
    manifest["format"] = "seloste-bundle";
    manifest["format_version"] = 1;
    manifest["generator"] = std::string("seloste ") + version;
    ojson ls = ojson::array();
    for (lang lg : req.langs) ls.push_back(std::string(lang_code(lg)));
    manifest["languages"] = ls;
    ojson ts = ojson::array();
    for (const auto& t : themes) ts.push_back(t.name());
    manifest["themes"] = ts;
    manifest["registers"] = reg_list;
    ojson pages = ojson::array(), plain = ojson::array();
    for (const auto& f : files) {
        ojson e;
        e["path"] = f.path;
        if (!f.meta.is_null()) {
            e["kind"] = f.meta["kind"];
            if (f.meta.contains("register")) e["register"] = f.meta["register"];
            e["lang"] = f.meta["lang"];
            e["theme"] = f.meta["theme"];
            e["title"] = f.meta["title"];
            if (f.meta.contains("version")) e["version"] = f.meta["version"];
        }
        e["sha256"] = sha256_hex(f.content);
        e["bytes"] = f.content.size();
        (f.meta.is_null() ? plain : pages).push_back(e);
    }
    manifest["pages"] = pages;
    manifest["files"] = plain;
    {
        // A published bundle names sources by file name only: no build machine paths.
        auto published = out.findings;
        for (auto& f : published)
            if (!f.where.file.empty()) f.where.file = fs::path(f.where.file.str()).filename().string();
        manifest["findings"] =
            nlohmann::json::parse(findings_to_json(published)).value("findings", nlohmann::json::array());
    }
    const std::string manifest_text = manifest.dump(2) + "\n";
    files.push_back({"manifest.json", manifest_text, nullptr});
    if (!req.sign_key.empty()) {
        const auto sk = unbase64(read_all(req.sign_key), crypto_sign_SECRETKEYBYTES, req.sign_key);
        unsigned char sig[crypto_sign_BYTES];
        crypto_sign_detached(sig, nullptr, reinterpret_cast<const unsigned char*>(manifest_text.data()),
                             manifest_text.size(), sk.data());
        files.push_back({"manifest.json.sig", base64(sig, sizeof sig) + "\n", nullptr});
    }
    out.files = files.size();

    if (fs::exists(dir, ec)) {
        if (!fs::is_directory(dir, ec))
            throw io_error(dir.string() + ": error: exists and is not a folder; expected a folder for the site");
        const bool empty = fs::is_empty(dir, ec);
        if (!empty && !fs::exists(dir / "manifest.json"))
            throw io_error(dir.string() +
                           ": error: the folder is not empty and holds no manifest.json; expected an empty "
                           "folder or a previous Seloste build, so nothing of yours is replaced");
    }
    clean_site_leftovers(dir);  // temporary folders of killed builds
    // A folder of snapshots given as --history keeps the versions too (after the site is in place).
    const auto keep_snapshots = [&] {
        if (!snapshot_folder) return;
        for (const auto& [id, vs] : versions) {
            const fs::path p = history_from / id / (vs.back().when.iso() + ".xml");
            if (!fs::exists(p, ec) || read_all(p) != vs.back().snapshot)
                write_file_atomic(p.string(), vs.back().snapshot);
        }
    };
    if (same_site(dir, files)) {  // unchanged: nothing rewritten
        keep_snapshots();
        return out;
    }

    fs::create_directories(dir.parent_path(), ec);
    std::string tmpl =
        (dir.parent_path() / ("." + dir.filename().string() + ".seloste-" + std::to_string(::getpid()) + "-XXXXXX"))
            .string();
    if (!::mkdtemp(tmpl.data())) throw io_error(dir.string() + ": error: cannot create a temporary folder beside it");
    const fs::path tmp(tmpl);
    try {
        for (const auto& f : files) {
            const fs::path p = tmp / f.path;
            fs::create_directories(p.parent_path());
            const int fd = ::open(p.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
            if (fd < 0) throw io_error(p.string() + ": error: cannot write (" + std::strerror(errno) + ")");
            try {
                write_fd_all(fd, f.content, p.string());
            } catch (...) {
                ::close(fd);
                throw;
            }
            ::close(fd);
        }
        ::chmod(tmp.c_str(), 0755);
        ::sync();
        swap_in(tmp, dir);
    } catch (...) {
        fs::remove_all(tmp, ec);
        throw;
    }
    out.changed = true;
    keep_snapshots();
    return out;
}

}  // namespace seloste
