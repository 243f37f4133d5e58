// Private: the published versions of each notice, kept by `seloste build` (docs/history.md).
//
// A version is a register as it was published under one notice date. Its source is kept as
// a snapshot, `history/REGISTER/DATE.xml` in the site (a complete source that holds just
// that register), so the next build can tell in words what changed (diff.hpp), render
// every earlier version at its dated address and announce each one in an Atom feed.
#pragma once

#include <array>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "seloste/model.hpp"

namespace seloste::detail {

struct notice_version {
    date when;                              // the register's notice date in this version
    std::string snapshot;                   // the source of this version, as history/REGISTER/DATE.xml holds it
    std::shared_ptr<const source_doc> doc;  // the snapshot read back: registers[0] is the notice
    // What this version changed from the one before (summarize_change), per language
    // (indexed by lang); empty for the first version and when only the date changed.
    std::array<std::vector<std::string>, 3> changes;
    bool first = false;
    bool current = false;

    const register_& reg() const { return doc->registers.front(); }
};

// The snapshots found where an earlier build kept them: register id -> date -> snapshot.
struct history_store {
    struct snapshot {
        std::string path;  // where it was read, for the errors
        std::string text;
    };
    std::map<std::string, std::map<std::string, snapshot>> snapshots;
};

// Reads DIR's snapshots. DIR is a previous site or bundle (it holds manifest.json: its
// history/ folder is read) or a folder of snapshots REGISTER/DATE.xml. A missing folder
// is an empty history. Throws io_error for a file name that is not REGISTER/YYYY-MM-DD.xml.
history_store read_history(const std::filesystem::path& dir);

// A complete source that holds `reg` and nothing of the other registers.
std::string register_snapshot(const source_doc& doc, const register_& reg);

// Every version of `reg`, oldest first, the current one (built from `doc`) last, each with
// what it changed from the one before. Throws source_error when the notice date is earlier
// than a published version, or a snapshot is broken. A notice that changed but kept the
// date of a published version replaces that version; `warnings` gets a line saying so.
std::vector<notice_version> versions_of(const history_store& h, const source_doc& doc, const register_& reg,
                                        std::vector<std::string>& warnings);

// The Atom feed (RFC 4287) of a notice's versions in `l`, the newest first. `base` is the
// site's address with a trailing '/', or empty for addresses relative to the feed, which
// lies at LANG/REGISTER.atom.
std::string atom_feed(const std::vector<notice_version>& versions, const source_doc& doc, const register_& reg, lang l,
                      const std::string& base);

}  // namespace seloste::detail
