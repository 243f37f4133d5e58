// Where findings stand when a source file changes between two checks in one process
// (check_locate.cpp): the locations are those of the file as it is now, not as it was.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>

#include "seloste/check.hpp"
#include "seloste/source.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path root = fs::path(SELOSTE_SOURCE_DIR);

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void spill(const fs::path& p, const std::string& s) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << s;
}

// The line and column (1-based, code points) where `needle` first stands in `s`.
std::pair<int, int> place_of(const std::string& s, const std::string& needle) {
    const size_t at = s.find(needle);
    REQUIRE(at != std::string::npos);
    const size_t line_start = s.rfind('\n', at) == std::string::npos ? 0 : s.rfind('\n', at) + 1;
    int col = 1;
    for (size_t i = line_start; i < at; ++i)
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++col;
    return {1 + static_cast<int>(std::count(s.begin(), s.begin() + static_cast<long>(at), '\n')), col};
}

const seloste::finding* of_rule(const std::vector<seloste::finding>& fs, const std::string& rule) {
    for (const auto& f : fs)
        if (f.rule == rule) return &f;
    return nullptr;
}

}  // namespace

TEST_CASE("a file rewritten at the same path is located anew", "[check][locations]") {
    // A defect in free text (an outdated reference) is located in the text, by reading the file.
    const std::string clean = slurp(root / "tests/fixtures/checks/text.outdated-reference/bad.xml");
    const std::string term = "Väestörekisterikeskuksen";
    REQUIRE(clean.find(term) != std::string::npos);

    const fs::path dir = fs::temp_directory_path() / "seloste-test-locations";
    fs::create_directories(dir);
    const fs::path file = dir / "notice.xml";
    seloste::check_options o;
    o.today = seloste::date{2026, 11, 23};
    o.spelling = false;

    spill(file, clean);
    const auto first = seloste::check(seloste::read_source(file.string()), o);
    const auto* f1 = of_rule(first, "text.outdated-reference");
    REQUIRE(f1 != nullptr);
    CHECK(std::pair(f1->where.line, f1->where.column) == place_of(clean, term));

    // The same file, edited and saved (same path, same size, within the same second as the
    // first write): the defect now stands on the line before, at another column.
    std::string edited = clean;
    const size_t at = edited.find(term);
    const size_t line_start = edited.rfind('\n', at);
    const size_t prev_start = edited.rfind('\n', line_start - 1);
    // Move the line with the defect up by one: swap it with the line before it.
    const std::string prev = edited.substr(prev_start + 1, line_start - prev_start - 1);
    const size_t line_end = edited.find('\n', at);
    const std::string cur = edited.substr(line_start + 1, line_end - line_start - 1);
    edited.replace(prev_start + 1, line_end - prev_start - 1,
                   "  " + cur + "\n" + prev.substr(std::min<size_t>(2, prev.size())));
    REQUIRE(edited.size() == clean.size());
    spill(file, edited);
    const auto second = seloste::check(seloste::read_source(file.string()), o);
    const auto* f2 = of_rule(second, "text.outdated-reference");
    REQUIRE(f2 != nullptr);
    CHECK(std::pair(f2->where.line, f2->where.column) == place_of(edited, term));
    CHECK(f2->where.line == f1->where.line - 1);
    fs::remove_all(dir);
}
