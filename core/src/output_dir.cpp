#include "output_dir.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
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

namespace {

// When process `pid` started (seconds since the epoch), from /proc; nullopt elsewhere.
std::optional<double> process_start(pid_t pid) {
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string line;
    if (!std::getline(stat, line)) return std::nullopt;
    const size_t comm_end = line.rfind(')');  // the command name may hold spaces and parentheses
    if (comm_end == std::string::npos) return std::nullopt;
    std::istringstream fields(line.substr(comm_end + 1));
    std::string f;
    unsigned long long ticks = 0;
    for (int i = 3; i <= 22 && fields >> f; ++i)
        if (i == 22) ticks = std::strtoull(f.c_str(), nullptr, 10);  // starttime: clock ticks after boot
    if (ticks == 0) return std::nullopt;
    static const std::optional<double> boot = []() -> std::optional<double> {
        std::ifstream s("/proc/stat");
        std::string key;
        double value = 0;
        while (s >> key)
            if (key == "btime" && s >> value) return value;
        return std::nullopt;
    }();
    const long hz = ::sysconf(_SC_CLK_TCK);
    if (!boot || hz <= 0) return std::nullopt;
    return *boot + static_cast<double>(ticks) / static_cast<double>(hz);
}

}  // namespace

bool writer_gone(pid_t pid, const fs::path& leftover) {
    if (process_gone(pid)) return true;
    // The pid is in use. By the writer only if that process started before the leftover
    // was last written; a process that started later has the pid of a dead writer.
    struct stat st {};
    if (::lstat(leftover.c_str(), &st) != 0) return false;
    const auto start = process_start(pid);
    const double written = static_cast<double>(st.st_mtim.tv_sec) + static_cast<double>(st.st_mtim.tv_nsec) * 1e-9;
    return start && *start > written + 2.0;  // two seconds for the clocks' coarseness
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
        if (auto pid = render_journal_pid(n); pid && writer_gone(*pid, it->path()))
            journals.push_back(it->path());
        else if (auto tpid = temp_file_pid(n); tpid && writer_gone(*tpid, it->path()))
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
        if (auto pid = site_temp_pid(it->path().filename().string(), name); pid && writer_gone(*pid, it->path()))
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
