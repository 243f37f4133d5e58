// Temporary names in an output folder and the leftovers of killed runs.
//
// Every temporary a run creates carries the writer's process id and a unique part:
//   .NAME.tmp-PID-XXXXXX          a file being written (render, write_file_atomic)
//   .seloste-render-PID-XXXXXX    the rename journal of a `render -o` run
//   .NAME.seloste-PID-XXXXXX      a site folder being built beside NAME (build)
// A run removes the leftovers of its own kind in the folder it writes to, and only
// those whose process is gone (kill(pid, 0) fails with ESRCH). A process id reused by
// a live process keeps its leftovers until that process ends: they are never taken
// for the live process's own, only left for a later run; where /proc tells when a
// process started (Linux), a process that started after the leftover was last written
// is not its writer either, and the leftover is removed.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "seloste/model.hpp"
#include "seloste/source.hpp"

namespace seloste::detail {

// Bytes a temporary name adds to a file name: "." + ".tmp-" + pid (up to 10 digits) + "-XXXXXX".
inline constexpr size_t temp_name_overhead = 1 + 5 + 10 + 7;

// The mkstemp() template of a temporary beside `name` in `dir`.
std::string temp_file_template(const std::filesystem::path& dir, const std::string& name);

// The pid in a name of the given kind, or nullopt when `file_name` is not one.
std::optional<pid_t> temp_file_pid(const std::string& file_name);       // .NAME.tmp-PID-XXXXXX
std::optional<pid_t> render_journal_pid(const std::string& file_name);  // .seloste-render-PID-XXXXXX
std::optional<pid_t> site_temp_pid(const std::string& file_name, const std::string& site_name);

// True when no process has this id (kill(pid, 0) fails with ESRCH).
bool process_gone(pid_t pid);

// True when the process that wrote `leftover` is gone: no process has `pid`, or the one
// that has it started more than two seconds after `leftover` was last written.
bool writer_gone(pid_t pid, const std::filesystem::path& leftover);

// The leftovers of killed `render -o` runs in `dir`: first an interrupted rename phase is
// completed from its journal (its files were complete and flushed), then temporary
// files of dead writers are removed. Errors are ignored: a leftover is no reason to fail.
void clean_render_leftovers(const std::filesystem::path& dir);

// Temporary site folders of killed `build` runs beside `site` (same name only).
void clean_site_leftovers(const std::filesystem::path& site);

// Flushes a folder's entries (after creating or renaming files in it). Throws io_error.
void fsync_dir(const std::filesystem::path& dir);

// The longest file name the file system of `dir` (or of its nearest existing parent) takes.
size_t max_name_length(const std::filesystem::path& dir);

struct loaded {
    std::vector<source_doc> docs;
};

// Reads every source strictly; gathers every source's errors before failing.
// `documents` (already read) follow the files. Register ids must be unique.
loaded read_all_sources(const std::vector<std::string>& paths, const std::vector<source_doc>& documents);

}  // namespace seloste::detail
