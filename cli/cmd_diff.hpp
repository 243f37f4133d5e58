// `seloste diff OLD NEW`: the semantic diff of two versions of a source (cli/cmd_diff.cpp).
#pragma once

namespace seloste_cli {

// argv[1] is "diff". `help` is the command's usage text (main.cpp). Returns the exit code:
// 0 no difference, 1 differences, 2 usage, 3 failure (unreadable file, bad source, git).
int cmd_diff(int argc, char** argv, const char* help);

}  // namespace seloste_cli
