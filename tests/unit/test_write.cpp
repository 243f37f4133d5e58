// Atomic writes: a file is replaced whole or not at all.
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "seloste/build.hpp"
#include "seloste/errors.hpp"
#include "seloste/source.hpp"
#include "test_files.hpp"

namespace fs = std::filesystem;
using namespace test_files;

namespace {}  // namespace

TEST_CASE("write_file_atomic replaces a file whole and leaves no temporary file", "[write]") {
    temp_dir d;
    const auto f = d.path / "sub" / "page.html";
    seloste::write_file_atomic(f.string(), "first");
    CHECK(slurp(f) == "first");
    seloste::write_file_atomic(f.string(), std::string(100000, 'x'));
    CHECK(slurp(f).size() == 100000);
    size_t n = 0;
    for (auto& e : fs::directory_iterator(f.parent_path())) n += e.is_regular_file();
    CHECK(n == 1);
}

TEST_CASE("a failed atomic write leaves the previous file intact", "[write]") {
    temp_dir d;
    const auto f = d.path / "page.html";
    seloste::write_file_atomic(f.string(), "previous");
    SECTION("the target is a folder") {
        fs::create_directory(d.path / "folder");
        CHECK_THROWS_AS(seloste::write_file_atomic((d.path / "folder").string(), "x"), seloste::io_error);
        CHECK(fs::is_directory(d.path / "folder"));
    }
    SECTION("the folder is not writable") {
        if (::geteuid() == 0) {
            // root writes anyway: use a path whose parent is a file instead.
            CHECK_THROWS_AS(seloste::write_file_atomic((f / "child.html").string(), "x"), seloste::io_error);
        } else {
            fs::permissions(d.path, fs::perms::owner_read | fs::perms::owner_exec);
            CHECK_THROWS_AS(seloste::write_file_atomic(f.string(), "new"), seloste::io_error);
        }
    }
    CHECK(slurp(f) == "previous");
    size_t n = 0;
    for (auto& e : fs::directory_iterator(d.path)) n += e.is_regular_file();
    CHECK(n == 1);
}

TEST_CASE("render_to_directory leaves a file that already holds its page untouched", "[write]") {
    temp_dir d;
    seloste::render_request req;
    req.sources = {std::string(SELOSTE_SOURCE_DIR) + "/examples/imatran-seudun-sahko.xml"};
    req.langs = {seloste::lang::fi, seloste::lang::en};
    req.out_dir = d.path.string();
    const auto first = seloste::render_to_directory(req);
    REQUIRE(first.written.size() == 3);  // the stylesheet and two pages
    for (const auto& w : first.written) CHECK_FALSE(w.unchanged);

    const fs::path page = first.written.back().path;
    const auto old_time = fs::file_time_type::clock::now() - std::chrono::hours(24);
    fs::last_write_time(page, old_time);
    const auto again = seloste::render_to_directory(req);
    REQUIRE(again.written.size() == 3);
    for (const auto& w : again.written) CHECK(w.unchanged);
    CHECK(fs::last_write_time(page) == old_time);

    // A page that differs (a hand edit, an older release) is written again.
    std::ofstream(page) << "stale";
    const auto third = seloste::render_to_directory(req);
    CHECK_FALSE(third.written.back().unchanged);
    CHECK(third.written.front().unchanged);
    CHECK(slurp(page).find("<!DOCTYPE html>") == 0);
}

TEST_CASE("render_to_directory and build_site take sources read or edited in memory", "[write]") {
    temp_dir d;
    const std::string file = std::string(SELOSTE_SOURCE_DIR) + "/examples/imatran-seudun-sahko.xml";
    seloste::source_doc doc = seloste::read_source(file);
    REQUIRE(doc.registers.size() == 1);
    doc.registers[0].id = "edited-in-memory";

    seloste::render_request req;
    req.documents = {doc};
    req.out_dir = d.path.string();
    const auto out = seloste::render_to_directory(req);
    REQUIRE(out.written.size() == 2);
    CHECK(fs::is_regular_file(d.path / "edited-in-memory.fi.html"));
    // Findings keep the locations the document has: its real file.
    for (const auto& f : out.findings) CHECK(f.where.file == file);

    // A register id used by a file and a document is an error, as between two files.
    req.sources = {file};
    req.documents[0].registers[0].id = "iss-asiakasrekisteri";  // the file's register
    CHECK_THROWS_AS(seloste::render_to_directory(req), seloste::source_error);

    seloste::build_request b;
    b.documents = {doc};
    b.langs = {seloste::lang::fi};
    b.out_dir = (d.path / "site").string();
    const auto site = seloste::build_site(b);
    CHECK_FALSE(site.refused);
    CHECK(fs::is_regular_file(d.path / "site" / "fi" / "edited-in-memory.html"));
}

namespace {
// The files of a folder and their contents.
std::map<std::string, std::string> snapshot(const fs::path& dir) {
    std::map<std::string, std::string> out;
    for (auto& e : fs::directory_iterator(dir)) out[e.path().filename().string()] = slurp(e.path());
    return out;
}

// A process id that no process has: a child that has exited and been waited for.
pid_t dead_pid() {
    const pid_t p = ::fork();
    if (p == 0) ::_exit(0);
    int status = 0;
    ::waitpid(p, &status, 0);
    return p;
}
}  // namespace

TEST_CASE("render_to_directory validates every page name before it writes anything", "[write][atomic]") {
    temp_dir d;
    const std::string root = SELOSTE_SOURCE_DIR;
    std::vector<seloste::source_doc> docs;
    for (const char* f : {"imatran-seudun-sahko.xml", "vaasan-sahko.xml"})
        docs.push_back(seloste::read_source(root + "/examples/" + f));
    seloste::render_request req;
    req.documents = docs;
    req.langs = {seloste::lang::fi, seloste::lang::en};
    req.out_dir = d.path.string();
    seloste::render_to_directory(req);
    const auto before = snapshot(d.path);
    REQUIRE(before.size() >= 5);

    // The same registers rendered differently, and last one whose page name is too long.
    seloste::source_doc extra = docs.back();
    extra.registers.resize(1);
    extra.registers[0].id = std::string(300, 'r');
    req.documents.push_back(extra);
    req.heading_base = 2;  // every good page differs from what is there
    req.allow_incomplete = true;
    try {
        seloste::render_to_directory(req);
        FAIL("a page name of 308 bytes was accepted");
    } catch (const seloste::source_error& e) {
        REQUIRE(e.diagnostics().size() == 2);  // fi and en
        CHECK(e.diagnostics()[0].message.find("; expected a register id of at most 224 bytes") != std::string::npos);
    }
    CHECK(snapshot(d.path) == before);  // nothing written, no temporary left
}

TEST_CASE("render_to_directory refuses a folder in place of a page before writing", "[write][atomic]") {
    temp_dir d;
    seloste::render_request req;
    req.sources = {std::string(SELOSTE_SOURCE_DIR) + "/examples/seinajoki.xml"};
    req.out_dir = d.path.string();
    const auto first = seloste::render_to_directory(req);
    const fs::path in_the_way = first.written.back().path;
    fs::remove(in_the_way);
    fs::create_directory(in_the_way);
    const auto before = snapshot(d.path);
    req.heading_base = 2;
    CHECK_THROWS_AS(seloste::render_to_directory(req), seloste::source_error);
    CHECK(snapshot(d.path) == before);
}

TEST_CASE("a run removes what killed runs left, and only that", "[write][atomic][leftovers]") {
    temp_dir d;
    const std::string dead = std::to_string(dead_pid()), live = std::to_string(::getppid());
    seloste::render_request req;
    req.sources = {std::string(SELOSTE_SOURCE_DIR) + "/examples/imatran-seudun-sahko.xml"};
    req.out_dir = d.path.string();
    const auto first = seloste::render_to_directory(req);
    const std::string page = fs::path(first.written.back().path).filename().string();

    // A killed render: a temporary never renamed, and one whose rename its journal lists.
    std::ofstream(d.path / (".x.fi.html.tmp-" + dead + "-abcdef")) << "half";
    std::ofstream(d.path / ("." + page + ".tmp-" + dead + "-ghijkl")) << "complete new page";
    std::ofstream(d.path / (".seloste-render-" + dead + "-mnopqr"))
        << "." << page << ".tmp-" << dead << "-ghijkl\t" << page << "\n";
    // A live writer's temporary and journal, an older release's temporary, a file of yours.
    std::ofstream(d.path / (".y.fi.html.tmp-" + live + "-abcdef")) << "being written";
    std::ofstream(d.path / (".seloste-render-" + live + "-abcdef")) << ".y.fi.html.tmp-" << live << "-abcdef\ty\n";
    std::ofstream(d.path / ".z.fi.html.tmp-AbCdEf") << "old format";
    std::ofstream(d.path / "notes.tmp-1-abcdef") << "yours";

    const auto again = seloste::render_to_directory(req);
    const auto now = snapshot(d.path);
    CHECK_FALSE(now.contains(".x.fi.html.tmp-" + dead + "-abcdef"));
    CHECK_FALSE(now.contains(".seloste-render-" + dead + "-mnopqr"));
    CHECK_FALSE(now.contains("." + page + ".tmp-" + dead + "-ghijkl"));
    // The journal's rename was completed first; this run then wrote its page again.
    CHECK_FALSE(again.written.back().unchanged);
    CHECK(now.at(page).find("<!DOCTYPE html>") == 0);
    CHECK(now.contains(".y.fi.html.tmp-" + live + "-abcdef"));
    CHECK(now.contains(".seloste-render-" + live + "-abcdef"));
    CHECK_FALSE(now.contains("y"));
    CHECK(now.contains(".z.fi.html.tmp-AbCdEf"));
    CHECK(now.contains("notes.tmp-1-abcdef"));
}

TEST_CASE("a killed render's journal completes its renames on the next run", "[write][atomic][leftovers]") {
    temp_dir d;
    const std::string dead = std::to_string(dead_pid());
    std::ofstream(d.path / ("a.fi.html")) << "old a";
    std::ofstream(d.path / (".b.fi.html.tmp-" + dead + "-abcdef")) << "new b";
    std::ofstream(d.path / (".seloste-render-" + dead + "-abcdef"))
        << ".a.fi.html.tmp-" << dead << "-abcdef\ta.fi.html\n.b.fi.html.tmp-" << dead << "-abcdef\tb.fi.html\n";
    seloste::render_request req;  // renders nothing (no source): only the clean-up runs
    req.documents = {seloste::read_source(std::string(SELOSTE_SOURCE_DIR) + "/examples/imatran-seudun-sahko.xml")};
    req.out_dir = d.path.string();
    seloste::render_to_directory(req);
    const auto now = snapshot(d.path);
    CHECK(now.at("a.fi.html") == "old a");  // already renamed before the kill
    CHECK(now.at("b.fi.html") == "new b");
    for (const auto& [name, content] : now) CHECK(name.find("seloste-render") == std::string::npos);
}

TEST_CASE("build_site removes temporary folders of killed builds beside its folder", "[write][atomic][leftovers]") {
    temp_dir d;
    const std::string dead = std::to_string(dead_pid()), live = std::to_string(::getppid());
    fs::create_directories(d.path / (".site.seloste-" + dead + "-abcdef") / "fi");
    std::ofstream(d.path / (".site.seloste-" + dead + "-abcdef") / "fi" / "x.html") << "x";
    fs::create_directories(d.path / (".site.seloste-" + live + "-abcdef"));
    fs::create_directories(d.path / (".other.seloste-" + dead + "-abcdef"));
    fs::create_directories(d.path / ".site.seloste-XyZaBc");
    seloste::build_request b;
    b.sources = {std::string(SELOSTE_SOURCE_DIR) + "/examples/imatran-seudun-sahko.xml"};
    b.langs = {seloste::lang::fi};
    b.out_dir = (d.path / "site").string();
    CHECK(seloste::build_site(b).changed);
    CHECK_FALSE(fs::exists(d.path / (".site.seloste-" + dead + "-abcdef")));
    CHECK(fs::exists(d.path / (".site.seloste-" + live + "-abcdef")));
    CHECK(fs::exists(d.path / (".other.seloste-" + dead + "-abcdef")));
    CHECK(fs::exists(d.path / ".site.seloste-XyZaBc"));
    size_t entries = 0;
    for ([[maybe_unused]] auto& e : fs::directory_iterator(d.path)) ++entries;
    CHECK(entries == 4);  // the site and the three kept
}

TEST_CASE("a leftover older than the live process that has its pid now is removed", "[write][atomic][leftovers]") {
    temp_dir d;
    const std::string live = std::to_string(::getppid());
    const fs::path reused = d.path / (".a.fi.html.tmp-" + live + "-abcdef");
    const fs::path fresh = d.path / (".b.fi.html.tmp-" + live + "-abcdef");
    std::ofstream(reused) << "left by a process long gone whose pid is in use again";
    std::ofstream(fresh) << "being written by the live process";
    fs::last_write_time(reused, fs::file_time_type::clock::now() - std::chrono::hours(24 * 365 * 20));
    seloste::render_request req;
    req.sources = {std::string(SELOSTE_SOURCE_DIR) + "/examples/imatran-seudun-sahko.xml"};
    req.out_dir = d.path.string();
    seloste::render_to_directory(req);
    if (fs::exists("/proc/self/stat")) CHECK_FALSE(fs::exists(reused));
    CHECK(fs::exists(fresh));
}
