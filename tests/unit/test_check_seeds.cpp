// The seed originals yield every expected finding (tests/fixtures/seed-originals/expected.json,
// mapped to README.md there), and exit 1; the corrected examples have no errors.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "seloste/check.hpp"
#include "seloste/source.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path root = fs::path(SELOSTE_SOURCE_DIR);

seloste::check_options fixed_day() {
    seloste::check_options o;
    o.today = seloste::date{2026, 11, 23};
    return o;
}

std::string dump(const std::vector<seloste::finding>& fs) {
    std::string out;
    for (const auto& f : fs) out += seloste::format_finding(f) + "\n";
    return out;
}

}  // namespace

TEST_CASE("the seed originals yield every expected finding", "[check][seeds]") {
    std::ifstream in(root / "tests" / "fixtures" / "seed-originals" / "expected.json");
    REQUIRE(in);
    const auto expected = nlohmann::json::parse(in);
    REQUIRE(expected.at("format") == "seloste-expected-findings");
    size_t files = 0;
    for (const auto& [file, entries] : expected.at("files").items()) {
        ++files;
        const fs::path path = root / "tests" / "fixtures" / "seed-originals" / file;
        SECTION(file) {
            REQUIRE(fs::exists(path));
            const auto found = seloste::check_file(path.string(), fixed_day());
            CHECK(seloste::has_errors(found));  // `seloste check` exits 1 on every original
            for (const auto& e : entries) {
                const std::string rule = e.at("rule");
                const std::string reg = e.at("register").is_null() ? "" : e.at("register").get<std::string>();
                const int line = e.at("line");
                const bool ok = std::any_of(found.begin(), found.end(), [&](const seloste::finding& f) {
                    return f.rule == rule && f.register_id == reg && f.where.line == line;
                });
                INFO(file << " README " << e.at("readme").get<std::string>() << ": " << rule << " at line " << line
                          << "\nfindings:\n"
                          << dump(found));
                CHECK(ok);
            }
        }
    }
    CHECK(files == 5);
}

TEST_CASE("the corrected examples have no errors", "[check][examples]") {
    size_t n = 0;
    for (const auto& e : fs::directory_iterator(root / "examples")) {
        if (e.path().extension() != ".xml") continue;
        ++n;
        SECTION(e.path().filename().string()) {
            auto opts = fixed_day();
            opts.today = seloste::date{2026, 12, 1};  // harjuvirta.xml is dated 2026-12-01
            opts.langs = {seloste::lang::fi, seloste::lang::sv, seloste::lang::en};
            const auto found = seloste::check_file(e.path().string(), opts);
            INFO(dump(found));
            CHECK_FALSE(seloste::has_errors(found));
        }
    }
    CHECK(n >= 1);
}

TEST_CASE("asking for errors only gives exactly the errors of a full check", "[check][seeds]") {
    std::vector<fs::path> files;
    for (const auto& dir : {root / "tests" / "fixtures" / "seed-originals", root / "examples"})
        for (const auto& e : fs::directory_iterator(dir))
            if (e.path().extension() == ".xml") files.push_back(e.path());
    for (const auto& e : fs::recursive_directory_iterator(root / "tests" / "fixtures" / "checks"))
        if (e.path().extension() == ".xml") files.push_back(e.path());
    REQUIRE(files.size() > 30);
    size_t errors = 0, others = 0;
    for (const auto& f : files) {
        INFO(f.string());
        auto opts = fixed_day();
        opts.langs = {seloste::lang::fi, seloste::lang::sv, seloste::lang::en};
        opts.spelling = false;
        const auto all = seloste::check_file(f.string(), opts);
        std::vector<seloste::finding> expected;
        for (const auto& x : all)
            if (x.level == seloste::severity::error)
                expected.push_back(x);
            else
                ++others;
        errors += expected.size();
        opts.least = seloste::severity::error;
        CHECK(dump(seloste::check_file(f.string(), opts)) == dump(expected));
    }
    // Both kinds occur, so the comparison means something.
    CHECK(errors > 20);
    CHECK(others > 10);
}
