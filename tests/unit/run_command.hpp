// The unit tests' one way to run a command line (the CLI, git): its standard output and
// exit status. The command goes through the shell; callers quote what they pass.
#pragma once

#include <sys/wait.h>

#include <cstdio>
#include <string>

namespace test_support {

struct command_result {
    std::string out;
    int status = -1;  // the exit status; -1 when the command did not exit normally
};

inline command_result run_command(const std::string& cmd) {
    command_result r;
    FILE* p = popen(cmd.c_str(), "r");
    if (!p) return r;
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
    const int st = pclose(p);
    r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    return r;
}

}  // namespace test_support
