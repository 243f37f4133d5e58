// Long input: a megabyte word, a megabyte paragraph and ten thousand registers are
// read, checked (with spelling) and rendered. These only have to finish; their time
// bounds are in the benchmarks (bench/bench_long.cpp, bench/run.sh). A megabyte word
// once took minutes (the address masking before spelling was quadratic).
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "../../bench/long_sources.hpp"
#include "seloste/check.hpp"
#include "seloste/render.hpp"
#include "seloste/source.hpp"

namespace {
const std::string root = SELOSTE_SOURCE_DIR;

// The source as a file, so that findings are located in it as `seloste check` does.
struct source_file {
    std::string path;
    explicit source_file(const std::string& xml) {
        std::string t = (std::filesystem::temp_directory_path() / "seloste-long-XXXXXX").string();
        const int fd = ::mkstemp(t.data());
        REQUIRE(fd >= 0);
        ::close(fd);
        path = t;
        std::ofstream(path, std::ios::binary) << xml;
    }
    ~source_file() { std::filesystem::remove(path); }
};

size_t spelling_findings(const std::vector<seloste::finding>& fs) {
    size_t n = 0;
    for (const auto& f : fs) n += f.rule == "text.spelling";
    return n;
}
}  // namespace

TEST_CASE("a megabyte word is checked and rendered", "[long]") {
    const source_file f(seloste::bench::long_word_source(root, 1 << 20));
    const auto fs = seloste::check_file(f.path);
    const auto doc = seloste::read_source(f.path);
    // Too long to be a word to spell: no finding for it.
    for (const auto& f : fs)
        if (f.rule == "text.spelling") CHECK(f.message_en.find("aaaaaaaaaa") == std::string::npos);
    const auto html = seloste::render_html(doc, doc.registers.at(0), seloste::load_theme("default"), {});
    CHECK(html.size() > (1u << 20));
}

TEST_CASE("a megabyte paragraph is checked and rendered", "[long]") {
    const source_file f(seloste::bench::long_paragraph_source(root, 1 << 20));
    const auto fs = seloste::check_file(f.path);
    const auto doc = seloste::read_source(f.path);
    CHECK(spelling_findings(fs) <= 3 * 100);  // at most 100 per text
    const auto html = seloste::render_html(doc, doc.registers.at(0), seloste::load_theme("default"), {});
    CHECK(html.size() > (1u << 20));
}

TEST_CASE("a megabyte of misspelt words is checked", "[long]") {
    std::string words;
    for (unsigned i = 0; words.size() < (1u << 20); ++i) words += "kxq" + std::to_string(i * 7919u % 100003u) + "zv ";
    // Digits make a word not spelt; letters only:
    for (char& c : words)
        if (c >= '0' && c <= '9') c = static_cast<char>('a' + (c - '0'));
    const source_file f(seloste::bench::example_with(root, words));
    const auto fs = seloste::check_file(f.path);
    CHECK(spelling_findings(fs) >= 100);
}

TEST_CASE("ten thousand registers are checked", "[long]") {
    const source_file f(seloste::bench::many_registers_source(root, 10000));
    CHECK(seloste::read_source(f.path).registers.size() == 10000);
    seloste::check_options o;
    o.spelling = false;  // spelling is linear in the words: the benchmark measures it
    const auto fs = seloste::check_file(f.path, o);
    CHECK(fs.size() >= 10000);  // the fixture's finding in every register
}

TEST_CASE("a megabyte of matches is checked, and the first 100 of a text are reported", "[long]") {
    // A web address with a dash that is not a hyphen, over and over: a finding each.
    std::string addresses;
    while (addresses.size() < (1u << 20)) addresses += "https://www.esimerkki.fi/a\u2013b ";
    const source_file f(seloste::bench::example_with(root, addresses));
    seloste::check_options o;
    o.spelling = false;
    size_t urls = 0;
    for (const auto& x : seloste::check_file(f.path, o)) urls += x.rule == "fact.url";
    CHECK(urls == 100);
}
