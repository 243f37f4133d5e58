// `seloste diff OLD NEW [--lang fi|sv|en] [--format text|json] [--git REV]`.
//
// OLD (or NEW) may be REV:PATH, a git revision of a file: git runs in the folder of PATH
// (`git -C DIR show REV:./NAME`), started with an argument vector, never through a shell.
#include "cmd_diff.hpp"

#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "seloste/diff.hpp"
#include "seloste/errors.hpp"
#include "seloste/source.hpp"

extern char** environ;

namespace seloste_cli {

namespace {

constexpr int exit_same = 0, exit_differ = 1, exit_usage = 2, exit_failure = 3;

struct usage_error {
    std::string message;
};
struct failure {
    std::string message;
};

bool is_file(const std::string& p) {
    struct stat st {};
    return ::stat(p.c_str(), &st) == 0 && !S_ISDIR(st.st_mode);
}

// The output of `git -C DIR show REV:./NAME`.
std::string git_show(const std::string& rev, const std::string& path) {
    if (rev.empty() || rev.front() == '-')
        throw usage_error{"\"" + rev + "\" is not a git revision; expected e.g. HEAD~3 in REV:PATH or --git REV"};
    const size_t slash = path.rfind('/');
    const std::string dir = slash == std::string::npos ? "." : (slash == 0 ? "/" : path.substr(0, slash));
    const std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
    const std::string object = rev + ":./" + name;
    std::vector<std::string> args{"git", "-C", dir, "show", "--no-textconv", object};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);

    int out[2], err[2];
    if (::pipe(out) != 0 || ::pipe(err) != 0) throw failure{std::string("cannot run git: ") + std::strerror(errno)};
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, out[1], 1);
    posix_spawn_file_actions_adddup2(&fa, err[1], 2);
    posix_spawn_file_actions_addclose(&fa, out[0]);
    posix_spawn_file_actions_addclose(&fa, err[0]);
    pid_t pid = 0;
    const int rc = posix_spawnp(&pid, "git", &fa, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    ::close(out[1]);
    ::close(err[1]);
    if (rc != 0) {
        ::close(out[0]);
        ::close(err[0]);
        throw failure{std::string("cannot run git: ") + std::strerror(rc)};
    }
    // Read both pipes; git's error output is small, so reading stdout to its end first cannot block it.
    std::string data, errors;
    char buf[65536];
    for (ssize_t n; (n = ::read(out[0], buf, sizeof buf)) != 0;) {
        if (n < 0) {
            if (errno == EINTR) continue;
            break;
        }
        data.append(buf, static_cast<size_t>(n));
        if (data.size() > seloste::max_source_bytes + 1) break;
    }
    for (ssize_t n; (n = ::read(err[0], buf, sizeof buf)) > 0;) errors.append(buf, static_cast<size_t>(n));
    ::close(out[0]);
    ::close(err[0]);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        while (!errors.empty() && (errors.back() == '\n' || errors.back() == '\r')) errors.pop_back();
        throw failure{rev + ":" + path + ": error: git show " + object + " failed" +
                      (errors.empty() ? "" : ": " + seloste::escape_for_terminal(errors))};
    }
    return data;
}

seloste::source_doc load(const std::string& spec) {
    if (is_file(spec) || spec.find(':') == std::string::npos) return seloste::read_source(spec);
    const size_t colon = spec.find(':');
    const std::string rev = spec.substr(0, colon), path = spec.substr(colon + 1);
    if (path.empty()) throw usage_error{"\"" + spec + "\" names no file after the revision; expected REV:PATH"};
    return seloste::read_source_string(git_show(rev, path), spec);
}

}  // namespace

int cmd_diff(int argc, char** argv, const char* help) {
    try {
        std::vector<std::string> files;
        std::string format = "text", git_rev;
        seloste::lang l = seloste::lang::en;
        for (int i = 2; i < argc; ++i) {
            const std::string s = argv[i];
            auto value = [&](const char* name) -> std::string {
                if (i + 1 >= argc) throw usage_error{std::string(name) + " needs a value"};
                return argv[++i];
            };
            if (s == "-h" || s == "--help") {
                std::cout << help;
                return exit_same;
            }
            if (s == "--lang" || s.starts_with("--lang=")) {
                const std::string v = s == "--lang" ? value("--lang") : s.substr(7);
                auto parsed = seloste::parse_lang(v);
                if (!parsed) throw usage_error{"diff takes one --lang: fi, sv or en (got \"" + v + "\")"};
                l = *parsed;
            } else if (s == "--format" || s.starts_with("--format=")) {
                format = s == "--format" ? value("--format") : s.substr(9);
                if (format != "text" && format != "json") throw usage_error{"--format takes text or json"};
            } else if (s == "--git" || s.starts_with("--git=")) {
                git_rev = s == "--git" ? value("--git") : s.substr(6);
                if (git_rev.empty()) throw usage_error{"--git needs a revision, e.g. --git HEAD~1"};
            } else if (s == "--")
                for (++i; i < argc; ++i) files.emplace_back(argv[i]);
            else if (s.starts_with("-") && s != "-")
                throw usage_error{"unknown option " + s + " for diff"};
            else
                files.push_back(s);
        }
        if (!git_rev.empty()) {
            if (files.size() != 1)
                throw usage_error{"diff --git REV takes exactly one file: seloste diff --git REV NEW"};
            files.insert(files.begin(), git_rev + ":" + files.front());
        }
        if (files.size() != 2) throw usage_error{"diff needs two sources: seloste diff OLD NEW"};
        const auto old_doc = load(files[0]);
        const auto new_doc = load(files[1]);
        const auto d = seloste::diff(old_doc, new_doc);
        if (d.empty()) return exit_same;
        if (format == "json")
            std::cout << seloste::diff_to_json(d);
        else {  // every line made safe for a terminal: a source's text cannot move the cursor or hide words
            const std::string text = seloste::format_diff(d, l);
            for (size_t pos = 0; pos < text.size();) {
                size_t end = text.find('\n', pos);
                if (end == std::string::npos) end = text.size();
                std::cout << seloste::escape_for_terminal(std::string_view(text).substr(pos, end - pos)) << '\n';
                pos = end + 1;
            }
        }
        return exit_differ;
    } catch (const usage_error& e) {
        std::cerr << "seloste: " << e.message << "\nTry 'seloste diff --help'.\n";
        return exit_usage;
    } catch (const failure& e) {
        std::cerr << (e.message.find(": error: ") != std::string::npos ? e.message : "seloste: " + e.message) << '\n';
        return exit_failure;
    } catch (const seloste::source_error& e) {
        std::cerr << e.what() << '\n';
        return exit_failure;
    } catch (const std::exception& e) {
        std::cerr << "seloste: " << e.what() << '\n';
        return exit_failure;
    }
}

}  // namespace seloste_cli
