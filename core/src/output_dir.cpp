#include "output_dir.hpp"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>

#include "seloste/errors.hpp"

namespace seloste::detail {

namespace fs = std::filesystem;

namespace {

// "PID-XXXXXX" at the end of `s` from `at`: the pid, or nullopt.
std::optional<pid_t> pid_and_unique(const std::string& s, size_t at) {
    const size_t dash = s.find('-', at);
    if (dash == std::string::npos || dash == at || dash - at > 10 || s.size() - dash - 1 != 6) return std::nullopt;
    long long pid = 0;
    for (size_t i = at; i < dash; ++i) {
        if (s[i] < '0' || s[i] > '9') return std::nullopt;
        pid = pid * 10 + (s[i] - '0');
    }
    if (pid <= 0 || pid > INT_MAX) return std::nullopt;
    return static_cast<pid_t>(pid);
}

}  // namespace

std::string temp_file_template(const fs::path& dir, const std::string& name) {
    return (dir / ("." + name + ".tmp-" + std::to_string(::getpid()) + "-XXXXXX")).string();
}

std::optional<pid_t> temp_file_pid(const std::string& n) {
    if (n.size() < 2 || n[0] != '.') return std::nullopt;
    const size_t tag = n.rfind(".tmp-");
    if (tag == std::string::npos || tag < 2) return std::nullopt;
    return pid_and_unique(n, tag + 5);
}

std::optional<pid_t> render_journal_pid(const std::string& n) {
    static const std::string prefix = ".seloste-render-";
    if (n.compare(0, prefix.size(), prefix) != 0) return std::nullopt;
    return pid_and_unique(n, prefix.size());
}

std::optional<pid_t> site_temp_pid(const std::string& n, const std::string& site_name) {
    const std::string prefix = "." + site_name + ".seloste-";
    if (n.compare(0, prefix.size(), prefix) != 0) return std::nullopt;
    return pid_and_unique(n, prefix.size());
}

bool process_gone(pid_t pid) {
    return ::kill(pid, 0) != 0 && errno == ESRCH;
}

void fsync_dir(const fs::path& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0) {
        const int err = errno;
        if (fd >= 0) ::close(fd);
        throw io_error(dir.string() + ": error: cannot flush the folder (" + std::strerror(err) + ")",
                       {dir.string(), 0, 0});
    }
    ::close(fd);
}

void clean_render_leftovers(const fs::path& dir) {
    std::error_code ec;
    std::vector<fs::path> journals, temps;
    for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
        const std::string n = it->path().filename().string();
        if (auto pid = render_journal_pid(n); pid && process_gone(*pid))
            journals.push_back(it->path());
        else if (auto tpid = temp_file_pid(n); tpid && process_gone(*tpid))
            temps.push_back(it->path());
    }
    bool changed = false;
    for (const auto& j : journals) {
        // Each line: temporary name, tab, target name (both in `dir`). Written and flushed
        // after every temporary was complete: what is still there is renamed into place.
        std::ifstream in(j, std::ios::binary);
        std::string line;
        while (std::getline(in, line)) {
            const size_t tab = line.find('\t');
            if (tab == std::string::npos) continue;
            const std::string tmp = line.substr(0, tab), target = line.substr(tab + 1);
            if (tmp.find('/') != std::string::npos || target.find('/') != std::string::npos || !temp_file_pid(tmp))
                continue;
            if (::rename((dir / tmp).c_str(), (dir / target).c_str()) == 0) changed = true;
        }
        in.close();
        fs::remove(j, ec);
        changed = true;
    }
    for (const auto& t : temps)
        if (fs::remove(t, ec)) changed = true;
    if (changed) {
        try {
            fsync_dir(dir);
        } catch (const io_error&) {
        }
    }
}

void clean_site_leftovers(const fs::path& site) {
    std::error_code ec;
    const fs::path parent = site.parent_path();
    const std::string name = site.filename().string();
    std::vector<fs::path> gone;
    for (auto it = fs::directory_iterator(parent, ec); !ec && it != fs::directory_iterator(); it.increment(ec))
        if (auto pid = site_temp_pid(it->path().filename().string(), name); pid && process_gone(*pid))
            gone.push_back(it->path());
    for (const auto& g : gone) fs::remove_all(g, ec);
}

size_t max_name_length(const fs::path& dir) {
    fs::path p = dir.empty() ? fs::path(".") : dir;
    std::error_code ec;
    while (!fs::exists(p, ec) && p.has_parent_path() && p.parent_path() != p) p = p.parent_path();
    errno = 0;
    const long n = ::pathconf(p.c_str(), _PC_NAME_MAX);
    return n > 0 ? static_cast<size_t>(n) : NAME_MAX;
}

loaded read_all_sources(const std::vector<std::string>& paths, const std::vector<source_doc>& documents) {
    loaded l;
    std::vector<diagnostic> all;
    for (const auto& p : paths) {
        try {
            l.docs.push_back(read_source(p));
        } catch (const source_error& e) {
            all.insert(all.end(), e.diagnostics().begin(), e.diagnostics().end());
        }
    }
    if (!all.empty()) throw source_error(std::move(all));
    l.docs.insert(l.docs.end(), documents.begin(), documents.end());
    std::map<std::string, std::string> seen;
    for (const auto& d : l.docs)
        for (const auto& r : d.registers)
            if (auto [it, fresh] = seen.emplace(r.id, d.file.empty() ? "a source in memory" : d.file); !fresh)
                throw source_error({{r.where, "the register id \"" + r.id + "\" is also used in " + it->second +
                                                  "; expected register ids unique across all sources"}});
    return l;
}

}  // namespace seloste::detail
