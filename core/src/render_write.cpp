// `seloste render -o`: every page of a run appears together or not at all.
//
//  1. Read, check and render every register into memory; validate every output name
//     (a plain file name that fits the file system with room for its temporary name;
//     no folder in the way). Nothing in OUTDIR has changed yet.
//  2. Remove the leftovers of killed runs (output_dir.hpp).
//  3. Write every changed file to a temporary beside it and flush it; write and flush a
//     journal that lists the renames; flush the folder.
//  4. Rename all temporaries into place in one tight loop (SIGINT, SIGTERM, SIGHUP and
//     SIGQUIT wait until it ends), flush the folder, remove the journal.
// A failure or a kill before step 4 leaves OUTDIR as it was (a kill leaves temporaries
// that the next run removes). Only a SIGKILL (or a crash) during step 4, a window of
// one rename per file, can leave some pages old and some new; the journal stays then,
// and the next run in OUTDIR completes the renames before anything else.
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <filesystem>

#include "bundle_io.hpp"
#include "output_dir.hpp"
#include "seloste/build.hpp"
#include "seloste/errors.hpp"
#include "seloste/jsonld.hpp"
#include "seloste/render.hpp"
#include "theme_impl.hpp"

namespace seloste {

namespace fs = std::filesystem;
using namespace detail;

namespace {

// A temporary file beside `target`, written and flushed. Returns its path.
std::string write_temporary(const fs::path& target, std::string_view content) {
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::string tmpl = temp_file_template(dir, target.filename().string());
    const int fd = ::mkstemp(tmpl.data());
    if (fd < 0)
        throw io_error(
            target.string() + ": error: cannot create a temporary file beside it (" + std::strerror(errno) + ")",
            {target.string(), 0, 0});
    try {
        write_fd_all(fd, content, target.string());
        if (::fchmod(fd, 0644) != 0 || ::fsync(fd) != 0)
            throw io_error(target.string() + ": error: cannot flush the file (" + std::strerror(errno) + ")",
                           {target.string(), 0, 0});
    } catch (...) {
        ::close(fd);
        ::unlink(tmpl.c_str());
        throw;
    }
    ::close(fd);
    return tmpl;
}

// Blocks the signals that ask a process to stop, for the life of the object.
class polite_signals_held {
   public:
    polite_signals_held() {
        sigset_t s;
        sigemptyset(&s);
        for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGQUIT}) sigaddset(&s, sig);
        ::pthread_sigmask(SIG_BLOCK, &s, &old_);
    }
    ~polite_signals_held() { ::pthread_sigmask(SIG_SETMASK, &old_, nullptr); }
    polite_signals_held(const polite_signals_held&) = delete;
    polite_signals_held& operator=(const polite_signals_held&) = delete;

   private:
    sigset_t old_;
};

struct planned_file {
    std::string name;  // the file name in OUTDIR
    written_file f;
    std::string content;
    const register_* reg = nullptr;  // for the location of a bad name; null for the stylesheet
};

// Every output name is a plain file name that fits, and no folder stands in its way.
void validate_names(const fs::path& dir, const std::vector<planned_file>& files) {
    const size_t name_max = max_name_length(dir);
    std::vector<diagnostic> bad;
    std::error_code ec;
    for (const auto& p : files) {
        const fs::path target(p.f.path);
        const std::string& name = p.name;
        // What is wrong, and what is expected instead.
        std::string problem, expected;
        const bool control = std::any_of(name.begin(), name.end(),
                                         [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
        const size_t others = p.reg ? name.size() - std::min(name.size(), p.reg->id.size()) : 0;
        if (name.find('/') != std::string::npos || control || name == "." || name == ".." || name[0] == '.') {
            problem = "which is not a plain file name";
            expected = "an id of letters, digits, '-' and '_' that does not start with '.'";
        } else if (name.size() + temp_name_overhead > name_max) {
            const size_t most = name_max - temp_name_overhead;
            problem = "of " + std::to_string(name.size()) + " bytes, more than the " + std::to_string(most) +
                      " a page name may have (the file system takes " + std::to_string(name_max) +
                      ", less room for the temporary name)";
            expected = "a register id of at most " + std::to_string(most > others ? most - others : 0) + " bytes";
        } else if (target.string().size() + temp_name_overhead >= PATH_MAX) {
            problem = "and the path " + std::to_string(target.string().size()) + " bytes long";
            expected = "a path under " + std::to_string(PATH_MAX - temp_name_overhead) + " bytes";
        } else if (fs::is_directory(fs::symlink_status(target, ec))) {
            problem = "which is a folder in " + dir.string();
            expected = "a file or nothing there";
        }
        if (problem.empty()) continue;
        if (p.reg)
            bad.push_back({p.reg->where, "the register id \"" + p.reg->id + "\" gives the page name \"" + name +
                                             "\", " + problem + "; expected " + expected});
        else
            throw io_error(
                target.string() + ": error: the file name \"" + name + "\", " + problem + "; expected " + expected,
                {target.string(), 0, 0});
    }
    if (!bad.empty()) throw source_error(std::move(bad));
}

}  // namespace

void write_file_atomic(const std::string& path, std::string_view content) {
    const fs::path target(path);
    std::error_code ec;
    if (target.has_parent_path()) fs::create_directories(target.parent_path(), ec);
    const std::string tmp = write_temporary(target, content);
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        throw io_error(path + ": error: cannot replace the file (" + std::strerror(err) + ")", {path, 0, 0});
    }
}

render_outcome render_to_directory(const render_request& req) {
    const loaded l = read_all_sources(req.sources, req.documents);
    const theme th = load_theme(req.theme);
    render_outcome out;
    // 1. Render everything first; write only when every page rendered and every name is good.
    const fs::path dir(req.out_dir.empty() ? "." : req.out_dir);
    std::vector<planned_file> plan;
    for (const auto& doc : l.docs) {
        for (const auto& reg : doc.registers) {
            auto fs = check_register(doc, reg, req.checks);
            const bool bad = has_errors(fs);
            out.findings.insert(out.findings.end(), fs.begin(), fs.end());
            if (bad && !req.allow_incomplete) {
                out.refused.push_back(reg.id);
                continue;
            }
            for (lang lg : req.langs) {
                if (req.format == output_format::jsonld) {
                    const std::string name = reg.id + "." + std::string(lang_code(lg)) + ".jsonld";
                    plan.push_back({name,
                                    {(dir / name).string(), reg.id, lg},
                                    notice_jsonld(doc, reg, lg, {.indent = 2}) + "\n",
                                    &reg});
                    continue;
                }
                render_options o;
                o.language = lg;
                o.fragment = req.fragment;
                o.heading_base = req.heading_base;
                if (!req.fragment) o.stylesheet_href = th.stylesheet_name();
                for (lang other : req.langs)
                    if (other != lg)
                        o.alternates.push_back({other, reg.id + "." + std::string(lang_code(other)) + ".html"});
                const std::string name = reg.id + "." + std::string(lang_code(lg)) + ".html";
                plan.push_back({name, {(dir / name).string(), reg.id, lg}, render_html(doc, reg, th, o), &reg});
            }
        }
    }
    if (plan.empty()) return out;
    if (req.format == output_format::html)
        plan.insert(
            plan.begin(),
            {th.stylesheet_name(), {(dir / th.stylesheet_name()).string(), "", lang::fi}, th.stylesheet(), nullptr});
    validate_names(dir, plan);

    std::error_code ec;
    if (fs::exists(dir, ec) && !fs::is_directory(dir, ec))
        throw io_error(dir.string() + ": error: exists and is not a folder; expected a folder for the pages",
                       {dir.string(), 0, 0});
    fs::create_directories(dir, ec);
    if (ec)
        throw io_error(dir.string() + ": error: cannot create the folder (" + ec.message() + ")", {dir.string(), 0, 0});
    // 2. What killed runs left here.
    clean_render_leftovers(dir);

    // A file that already holds exactly this content is left as it is: its date
    // stays, so caches, rsync and the CMS see no change, and nothing is flushed.
    std::vector<std::pair<std::string, std::string>> renames;  // temporary, target
    auto drop_temporaries = [&] {
        for (const auto& r : renames) ::unlink(r.first.c_str());
    };
    try {
        // 3. Every temporary, complete and flushed.
        for (auto& p : plan) {
            p.f.unchanged = fs::is_regular_file(p.f.path, ec) && fs::file_size(p.f.path, ec) == p.content.size() &&
                            read_all(p.f.path) == p.content;
            if (!p.f.unchanged) renames.emplace_back(write_temporary(p.f.path, p.content), p.f.path);
        }
        if (!renames.empty()) {
            // The journal: what to rename should this run die in the rename phase.
            std::string journal;
            for (const auto& [tmp, target] : renames)
                journal += fs::path(tmp).filename().string() + "\t" + fs::path(target).filename().string() + "\n";
            // Written under a temporary name and renamed: a journal is complete or absent.
            const std::string jtmp = write_temporary(dir / "seloste-render", journal);
            renames.emplace_back(jtmp, "");  // dropped with the temporaries on failure
            const std::string jt =
                (dir / (".seloste-render-" + std::to_string(::getpid()) + "-" + jtmp.substr(jtmp.size() - 6))).string();
            if (::rename(jtmp.c_str(), jt.c_str()) != 0)
                throw io_error(jt + ": error: cannot create the file (" + std::strerror(errno) + ")", {jt, 0, 0});
            renames.back().first = jt;
            fsync_dir(dir);
            renames.pop_back();

            // 4. The rename phase: nothing else in between.
            std::string failed;
            {
                polite_signals_held held;
                for (const auto& [tmp, target] : renames)
                    if (::rename(tmp.c_str(), target.c_str()) != 0 && failed.empty())
                        failed = target + ": error: cannot replace the file (" + std::strerror(errno) + ")";
            }
            renames.clear();  // nothing left to drop
            fsync_dir(dir);
            if (failed.empty()) ::unlink(jt.c_str());  // else the next run completes what it can
            if (!failed.empty()) throw io_error(failed);
        }
    } catch (...) {
        drop_temporaries();
        throw;
    }
    for (auto& p : plan) out.written.push_back(std::move(p.f));
    return out;
}

}  // namespace seloste
