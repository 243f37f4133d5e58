// The whole rule set over every example and every fixture, against the list of findings
// they are expected to give (tests/expected-findings.tsv). A rule that starts to misfire
// (a new finding on a clean text) or stops firing (a finding that is gone) breaks the build,
// whichever rule's own test covers the case.
//
// Each source is checked as `seloste check` does, read leniently, with
// check_options{.today = 2026-12-03} and spelling on, in the languages of its folder's
// `langs` file (examples/: fi, sv and en; a folder without the file: fi).
//
// After a deliberate change to the rules, regenerate the list and read its diff:
//   SELOSTE_UPDATE_EXPECTED=1 build/tests/seloste_tests "[expected]"
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "seloste/check.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path root = fs::path(SELOSTE_SOURCE_DIR);
const fs::path expected_file = root / "tests" / "expected-findings.tsv";

const char* const header =
    "# The findings of the whole rule set over every example and fixture "
    "(tests/unit/test_check_expected.cpp).\n"
    "# One line per finding: file:line:col, severity, rule, kind. Regenerate after a deliberate change:\n"
    "#   SELOSTE_UPDATE_EXPECTED=1 build/tests/seloste_tests \"[expected]\"\n";

// Every source the test reads: examples/*.xml and tests/fixtures/**/*.xml, in a stable order.
std::vector<fs::path> sources() {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(root / "examples"))
        if (e.path().extension() == ".xml") out.push_back(e.path());
    for (const auto& e : fs::recursive_directory_iterator(root / "tests" / "fixtures"))
        if (e.is_regular_file() && e.path().extension() == ".xml") out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<seloste::lang> langs_for(const fs::path& file) {
    const fs::path dir = file.parent_path();
    if (dir == root / "examples") return {seloste::lang::fi, seloste::lang::sv, seloste::lang::en};
    std::vector<seloste::lang> out;
    std::ifstream in(dir / "langs");
    std::string line, code;
    if (in && std::getline(in, line)) {
        std::stringstream ss(line);
        while (std::getline(ss, code, ','))
            if (auto l = seloste::parse_lang(code)) out.push_back(*l);
    }
    if (out.empty()) out.push_back(seloste::lang::fi);
    return out;
}

struct observed {
    std::set<std::string> lines;              // the keys, as in the expected file
    std::map<std::string, std::string> text;  // key -> the finding as `seloste check` prints it
};

observed run_all() {
    observed o;
    for (const auto& file : sources()) {
        seloste::check_options opts;
        opts.today = seloste::date{2026, 12, 3};
        opts.langs = langs_for(file);
        const std::string rel = fs::relative(file, root).generic_string();
        for (const auto& f : seloste::check_file(file.string(), opts)) {
            const std::string key = rel + ":" + std::to_string(f.where.line) + ":" + std::to_string(f.where.column) +
                                    "\t" + std::string(seloste::severity_code(f.level)) + "\t" + f.rule + "\t" +
                                    (f.kind.empty() ? "-" : f.kind);
            // Two findings at one place with the same rule and kind are one line.
            o.lines.insert(key);
            o.text.emplace(key, seloste::format_finding(f));
        }
    }
    return o;
}

std::set<std::string> read_expected() {
    std::set<std::string> out;
    std::ifstream in(expected_file);
    std::string line;
    while (std::getline(in, line))
        if (!line.empty() && line[0] != '#') out.insert(line);
    return out;
}

}  // namespace

TEST_CASE("the whole rule set gives the expected findings on every example and fixture", "[check][expected]") {
    const observed got = run_all();
    REQUIRE_FALSE(got.lines.empty());  // the fixtures are full of defects: none found means none was read
    if (const char* u = std::getenv("SELOSTE_UPDATE_EXPECTED"); u && std::string(u) == "1") {
        std::ofstream out(expected_file, std::ios::binary | std::ios::trunc);
        out << header;
        for (const auto& l : got.lines) out << l << '\n';
        WARN("rewrote " << expected_file.string() << " with " << got.lines.size() << " findings");
        return;
    }
    REQUIRE(fs::exists(expected_file));
    const auto want = read_expected();
    std::string unexpected, missing;
    for (const auto& l : got.lines)
        if (!want.count(l)) unexpected += "  + " + got.text.at(l) + "\n";
    for (const auto& l : want)
        if (!got.lines.count(l)) missing += "  - " + l + "\n";
    INFO("findings not in tests/expected-findings.tsv (a rule that misfires, or a new defect):\n"
         << unexpected << "expected findings that are gone (a rule that stopped firing):\n"
         << missing);
    CHECK(unexpected.empty());
    CHECK(missing.empty());
}

TEST_CASE("the expected findings hold each examples' known warnings and no error", "[check][expected]") {
    // The clean examples give no error at all; their only findings are the warnings that
    // examples/README.md explains. Errors in the expected list belong to fixtures only.
    for (const auto& l : read_expected()) {
        if (!l.starts_with("examples/")) continue;
        INFO(l);
        CHECK(l.find("\terror\t") == std::string::npos);
    }
}
