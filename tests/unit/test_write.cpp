// Atomic writes: a file is replaced whole or not at all.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "seloste/build.hpp"
#include "seloste/errors.hpp"
#include "seloste/source.hpp"

namespace fs = std::filesystem;

namespace {
std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}
struct temp_dir {
    fs::path path;
    temp_dir() {
        std::string t = (fs::temp_directory_path() / "seloste-test-XXXXXX").string();
        path = ::mkdtemp(t.data());
    }
    ~temp_dir() {
        std::error_code ec;
        fs::permissions(path, fs::perms::owner_all, ec);
        fs::remove_all(path, ec);
    }
};
}  // namespace

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
