// The markup policy (core/data/markup-policy.json): the shared corpus, and seloste verify on bundles.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "bundle_io.hpp"
#include "seloste/build.hpp"
#include "seloste/errors.hpp"
#include "seloste/markup_policy.hpp"
#include "test_files.hpp"

namespace fs = std::filesystem;
using namespace test_files;

namespace {
const fs::path corpus = fs::path(SELOSTE_SOURCE_DIR) / "tests" / "fixtures" / "markup";

std::string joined(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += x + "\n";
    return s;
}

// Builds every example with one theme into `dir`.
void build_examples(const fs::path& dir, const std::string& theme) {
    seloste::build_request b;
    for (const auto& e : fs::directory_iterator(fs::path(SELOSTE_SOURCE_DIR) / "examples"))
        if (e.path().extension() == ".xml") b.sources.push_back(e.path().string());
    b.themes = {theme};
    b.out_dir = dir.string();
    REQUIRE_FALSE(seloste::build_site(b).refused);
}

// Replaces a file of a built bundle and fixes its hash in the manifest, as an attacker with write access would.
void tamper(const fs::path& dir, const std::string& rel, const std::string& bytes) {
    spit(dir / rel, bytes);
    auto m = nlohmann::json::parse(slurp(dir / "manifest.json"));
    for (const char* key : {"pages", "files"})
        for (auto& e : m[key])
            if (e["path"] == rel) e["sha256"] = seloste::detail::sha256_hex(bytes), e["bytes"] = bytes.size();
    spit(dir / "manifest.json", m.dump(2));
}
}  // namespace

TEST_CASE("every case of the shared markup corpus gets its expected answer", "[policy]") {
    const auto cases = nlohmann::json::parse(slurp(corpus / "cases.json"));
    REQUIRE(cases.size() > 100);
    for (const auto& c : cases) {
        const std::string kind = c["kind"];
        const auto k = kind == "css"    ? seloste::markup_kind::css
                       : kind == "page" ? seloste::markup_kind::page
                                        : seloste::markup_kind::fragment;
        const auto problems = seloste::check_markup(slurp(corpus / c["file"].get<std::string>()), k);
        std::string said;
        for (const auto& p : problems)
            said += std::to_string(p.line) + ":" + std::to_string(p.column) + ": " + p.message + "\n";
        INFO(c["name"].get<std::string>() << " (" << c["why"].get<std::string>() << ")\n" << said);
        CHECK((problems.empty() ? "accept" : "refuse") == c["expect"].get<std::string>());
    }
}

TEST_CASE("a problem says where it is", "[policy]") {
    const auto p = seloste::check_markup("<div>\n<p>ok</p>\n  <a href=\"javascript&#58alert(1)\">x</a></div>",
                                         seloste::markup_kind::fragment);
    REQUIRE(p.size() == 2);
    CHECK(p[0].line == 3);
    CHECK(p[0].column == 6);  // the attribute
    CHECK(p[0].message.find("javascript") != std::string::npos);
    CHECK(p[1].line == 3);
    CHECK(p[1].column == 22);  // the '&'
    const auto css = seloste::check_markup(".a {}\n.b { x: 1 }\n@\\69mport 'x';", seloste::markup_kind::css);
    REQUIRE(css.size() == 1);
    CHECK((css[0].line == 3 && css[0].column == 1));
    CHECK(css[0].message.find("@import") != std::string::npos);
}

TEST_CASE("a bundle path is safe exactly as the WordPress import says", "[policy]") {
    for (const char* ok : {"fi/a.html", "assets/seloste-default.css", "fragments/sv/x_y-1.html", "fi/säännöt.html"})
        CHECK(seloste::is_safe_bundle_path(ok));
    for (const char* bad : {"", ".htaccess", "fi/.htaccess", "../x", "fi//a.html", "/etc/passwd", "fi/a b.html", "a\\b",
                            "fi/./a.html", "fi/a.html/", "a\xff.html", "x:y", "a\x01"})
        CHECK_FALSE(seloste::is_safe_bundle_path(bad));
    CHECK_FALSE(seloste::is_safe_bundle_path(std::string(513, 'a')));
}

TEST_CASE("seloste build never writes a bundle that its own verify refuses", "[policy][build]") {
    for (const char* theme : {"default", "layered"}) {
        temp_dir d;
        build_examples(d.path / "site", theme);
        INFO(theme);
        CHECK(joined(seloste::verify_bundle((d.path / "site").string())) == "");
    }
}

TEST_CASE("verify refuses markup, symlinks and unsafe paths that the plugins refuse", "[policy][build]") {
    temp_dir d;
    const fs::path site = d.path / "site";
    build_examples(site, "default");
    REQUIRE(seloste::verify_bundle(site.string()).empty());

    SECTION("a script in a page, with its hash fixed in the manifest") {
        const std::string rel = "fi/sen-uutiskirjerekisteri.html";
        std::string page = slurp(site / rel);
        page.replace(page.find("</main>"), 0, "<p><a href=\"javascript&colon;alert(1)\">x</a></p>\n");
        tamper(site, rel, page);
        const auto problems = joined(seloste::verify_bundle(site.string()));
        CHECK(problems.find(rel + ":") != std::string::npos);
        CHECK(problems.find("javascript") != std::string::npos);
    }
    SECTION("an @import in the stylesheet") {
        tamper(site, "assets/seloste-default.css",
               "@\\69mport 'https://example.invalid/x.css';\n" + slurp(site / "assets/seloste-default.css"));
        CHECK(joined(seloste::verify_bundle(site.string())).find("assets/seloste-default.css:1:1:") !=
              std::string::npos);
    }
    SECTION("a form feed in a fragment") {
        const std::string rel = "fragments/en/sen-uutiskirjerekisteri.html";
        std::string frag = slurp(site / rel);
        frag.replace(frag.find("</p>"), 0, "\f");
        tamper(site, rel, frag);
        CHECK(joined(seloste::verify_bundle(site.string())).find("control character (U+000C)") != std::string::npos);
    }
    SECTION("a listed .htaccess") {
        spit(site / ".htaccess", "Options +ExecCGI\n");
        auto m = nlohmann::json::parse(slurp(site / "manifest.json"));
        m["files"].push_back(
            {{"path", ".htaccess"}, {"sha256", seloste::detail::sha256_hex("Options +ExecCGI\n")}, {"bytes", 17}});
        spit(site / "manifest.json", m.dump(2));
        CHECK(joined(seloste::verify_bundle(site.string())).find("unsafe path in manifest: .htaccess") !=
              std::string::npos);
    }
    SECTION("a symlink inside the bundle") {
        fs::create_symlink("/etc/hostname", site / "fi" / "link.html");
        CHECK(joined(seloste::verify_bundle(site.string())).find("fi/link.html: a symbolic link") != std::string::npos);
    }
    SECTION("a symlinked listed folder") {
        fs::rename(site / "assets", d.path / "assets-real");
        fs::create_directory_symlink(d.path / "assets-real", site / "assets");
        CHECK(joined(seloste::verify_bundle(site.string())).find("assets: a symbolic link") != std::string::npos);
    }
    SECTION("a symlinked bundle folder") {
        fs::create_directory_symlink(site, d.path / "link");
        for (const std::string& p : {(d.path / "link").string(), (d.path / "link").string() + "/"})
            CHECK(joined(seloste::verify_bundle(p)).find("the bundle folder is a symbolic link") != std::string::npos);
    }
}

TEST_CASE("seloste build refuses a folder theme whose output the policy refuses, and writes nothing",
          "[policy][build]") {
    temp_dir d;
    const fs::path theme = d.path / "shady";
    fs::create_directories(theme / "partials");
    spit(
        theme / "theme.json",
        R"({"name": "shady", "description": {"fi": "x", "sv": "x", "en": "x"}, "stylesheet": "seloste.css", "extends": "default"})");
    spit(theme / "seloste.css", slurp(fs::path(SELOSTE_SOURCE_DIR) / "themes" / "default" / "seloste.css"));
    spit(theme / "partials" / "languages.mustache", "<img src=\"x\" onerror=\"alert(1)\">\n");
    seloste::build_request b;
    b.sources = {std::string(SELOSTE_SOURCE_DIR) + "/examples/imatran-seudun-sahko.xml"};
    b.themes = {theme.string()};
    b.out_dir = (d.path / "site").string();
    try {
        seloste::build_site(b);
        FAIL("the build was not refused");
    } catch (const seloste::template_error& e) {
        const std::string what = e.what();
        CHECK(what.find(".html:") != std::string::npos);
        CHECK(what.find("<img>") != std::string::npos);
    }
    CHECK_FALSE(fs::exists(d.path / "site"));
}

TEST_CASE("hostile nesting and a flood of problems are refused without exhausting the stack", "[policy]") {
    std::string deep;
    for (int i = 0; i < 200000; ++i) deep += "<div>";
    const auto d = seloste::check_markup(deep, seloste::markup_kind::fragment);
    REQUIRE(d.size() == 1);
    CHECK(d[0].message.find("nesting deeper than 100") != std::string::npos);
    std::string reopen;  // misnested formatting elements, which a parser reopens into an ever deeper tree
    for (int r = 0; r < 400; ++r) {
        reopen += "<div>";
        for (int k = 0; k < 90; ++k) reopen += "<b id=\"" + std::to_string(k) + "\">";
        reopen += "</div>y";
    }
    CHECK(seloste::check_markup(reopen, seloste::markup_kind::page).size() >= 1);
    const auto amps = seloste::check_markup(std::string(2000000, '&'), seloste::markup_kind::fragment);
    CHECK(amps.size() == 1000);
    CHECK(amps.back().column == 1000);
}
