// `seloste export` (cmd_export.cpp): parses its own arguments from argv[2].
#pragma once

namespace seloste_cli {

extern const char* const export_usage;
int cmd_export(int argc, char** argv);

}  // namespace seloste_cli
