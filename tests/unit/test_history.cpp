// The version history that `seloste build` keeps (docs/history.md): a site built twice
// with a changed source keeps the old version at its dated address and tells the change.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "seloste/build.hpp"
#include "seloste/errors.hpp"
#include "test_files.hpp"

namespace fs = std::filesystem;
using namespace test_files;

namespace {

// Replaces the one occurrence of `from` in `s`.
std::string replace_once(std::string s, const std::string& from, const std::string& to) {
    const auto at = s.find(from);
    REQUIRE(at != std::string::npos);
    REQUIRE(s.find(from, at + 1) == std::string::npos);
    return s.replace(at, from.size(), to);
}

const std::string reg = "seiverkot-asiakasrekisteri";

// seinajoki.xml with the retention of billing data 10 years instead of 6, dated 2026-01-15.
std::string changed_source() {
    const std::string orig = slurp(std::string(SELOSTE_SOURCE_DIR) + "/examples/seinajoki.xml");
    std::string s = replace_once(orig, "<rule category=\"laskutus\">\n        <period years=\"6\"/>",
                                 "<rule category=\"laskutus\">\n        <period years=\"10\"/>");
    return replace_once(s, "<notice-date>2025-02-22</notice-date>", "<notice-date>2026-01-15</notice-date>");
}

seloste::build_outcome build(const fs::path& source, const fs::path& out, const std::string& history = {}) {
    seloste::build_request b;
    b.sources = {source.string()};
    b.out_dir = out.string();
    b.history_dir = history;
    return seloste::build_site(b);
}

}  // namespace

TEST_CASE("a site built twice keeps the old version at its dated address and tells the change", "[history]") {
    temp_dir d;
    const fs::path site = d.path / "site", src = d.path / "seinajoki.xml";
    fs::copy_file(std::string(SELOSTE_SOURCE_DIR) + "/examples/seinajoki.xml", src);
    const auto first = build(src, site);
    REQUIRE(first.changed);
    CHECK(first.versions == 0);
    // From the first build on, every version has its dated address and its snapshot.
    CHECK(fs::is_regular_file(site / "fi" / reg / "2025-02-22" / "index.html"));
    CHECK(fs::is_regular_file(site / "history" / reg / "2025-02-22.xml"));
    // One version has no changes to tell.
    CHECK(slurp(site / "en" / (reg + ".html")).find("seloste-changes") == std::string::npos);

    spit(src, changed_source());
    const auto second = build(src, site);
    REQUIRE(second.changed);
    CHECK(second.versions == 1);
    CHECK(second.warnings.empty());

    // The old version stays at its dated address, with its own retention and a note.
    const std::string old_en = slurp(site / "en" / reg / "2025-02-22" / "index.html");
    CHECK(old_en.find("seloste-version-earlier") != std::string::npos);
    CHECK(old_en.find("in force from 22 February 2025 to 15 January 2026") != std::string::npos);
    CHECK(old_en.find("href=\"../../" + reg + ".html\"") != std::string::npos);
    CHECK(old_en.find(">6 years<") != std::string::npos);
    CHECK(old_en.find("10 years") == std::string::npos);
    const std::string old_fi = slurp(site / "fi" / reg / "2025-02-22" / "index.html");
    CHECK(old_fi.find("hreflang=\"sv\" href=\"../../../sv/" + reg + "/2025-02-22/index.html\"") != std::string::npos);

    // The current page lists the change in words, in each language, and links both versions.
    const std::string en = slurp(site / "en" / (reg + ".html"));
    CHECK(en.find("<li>The retention of “Billing data” changed from 6 years to 10 years.</li>") != std::string::npos);
    CHECK(en.find("<li>First published version of this notice.</li>") != std::string::npos);
    CHECK(en.find("<a href=\"" + reg + "/2025-02-22/index.html\">Version of 22 February 2025</a>") !=
          std::string::npos);
    CHECK(en.find("type=\"application/atom+xml\" href=\"../en/" + reg + ".atom\"") != std::string::npos);
    const std::string fi = slurp(site / "fi" / (reg + ".html"));
    CHECK(fi.find("<li>Tietoryhmän ”Laskutustiedot” säilytysaika muuttui: 6 vuotta → 10 vuotta.</li>") !=
          std::string::npos);
    const std::string sv = slurp(site / "sv" / (reg + ".html"));
    CHECK(sv.find("<li>Lagringstiden för ”Faktureringsuppgifter” ändrades: 6 år → 10 år.</li>") != std::string::npos);
    // The newest first.
    CHECK(en.find("datetime=\"2026-01-15\">15 January 2026") < en.find("datetime=\"2025-02-22\">22 February 2025"));
    // A fragment embeds elsewhere: the changes, but no relative links to the site's pages.
    const std::string frag = slurp(site / "fragments" / "en" / (reg + ".html"));
    CHECK(frag.find("changed from 6 years to 10 years") != std::string::npos);
    CHECK(frag.find("2025-02-22/index.html") == std::string::npos);

    // The sitemap lists the current pages only.
    const std::string sitemap = slurp(site / "sitemap.xml");
    CHECK(sitemap.find("/" + reg + ".html") != std::string::npos);
    CHECK(sitemap.find("2025-02-22/") == std::string::npos);

    // The manifest: each version with its changes, and the new kinds of pages.
    const auto m = nlohmann::json::parse(slurp(site / "manifest.json"));
    const auto& r = m["registers"][0];
    REQUIRE(r["id"] == reg);
    REQUIRE(r["versions"].size() == 2);
    CHECK(r["versions"][0]["date"] == "2025-02-22");
    CHECK(r["versions"][0]["previous"].is_null());
    CHECK(r["versions"][1]["current"] == true);
    CHECK(r["versions"][1]["previous"] == "2025-02-22");
    CHECK(r["versions"][1]["changes"]["en"][0] == "The retention of “Billing data” changed from 6 years to 10 years.");
    size_t version_pages = 0, version_fragments = 0;
    for (const auto& p : m["pages"]) {
        if (p["kind"] == "version") ++version_pages;
        if (p["kind"] == "version-fragment") ++version_fragments;
    }
    CHECK(version_pages == 3 * 3);  // 2 versions of one register, 1 of the other, in 3 languages
    CHECK(version_fragments == 3 * 3);
    CHECK(seloste::verify_bundle(site.string()).empty());

    // Built again unchanged: nothing rewritten, the history as it was.
    const auto third = build(src, site);
    CHECK_FALSE(third.changed);
    CHECK(fs::is_regular_file(site / "en" / reg / "2025-02-22" / "index.html"));
}

TEST_CASE("the Atom feed announces each version with its changes", "[history]") {
    temp_dir d;
    const fs::path site = d.path / "site", src = d.path / "seinajoki.xml";
    fs::copy_file(std::string(SELOSTE_SOURCE_DIR) + "/examples/seinajoki.xml", src);
    build(src, site);
    spit(src, changed_source());
    build(src, site);
    const std::string feed = slurp(site / "fi" / (reg + ".atom"));
    CHECK(feed.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\""));
    CHECK(feed.find("<title>Versio 15.1.2026</title>") != std::string::npos);
    CHECK(feed.find("säilytysaika muuttui: 6 vuotta → 10 vuotta.</summary>") != std::string::npos);
    CHECK(feed.find("href=\"" + reg + "/2025-02-22/index.html\"") != std::string::npos);
    CHECK(feed.find("<updated>2026-01-15T00:00:00Z</updated>") < feed.find("<entry>"));
    // Ids stay the same from build to build.
    const auto id_of = [](const std::string& f) { return f.substr(f.find("<id>"), f.find("</id>") - f.find("<id>")); };
    spit(src, replace_once(changed_source(), "Laskutustiedot", "Laskutus- ja maksutiedot"));
    build(src, site);  // same date: the version of 2026-01-15 is replaced
    const std::string again = slurp(site / "fi" / (reg + ".atom"));
    CHECK(id_of(again) == id_of(feed));
    CHECK(again.find("urn:uuid:") != std::string::npos);
}

TEST_CASE("a changed notice that keeps its date replaces that version, with a warning", "[history]") {
    temp_dir d;
    const fs::path site = d.path / "site", src = d.path / "seinajoki.xml";
    const std::string orig = slurp(std::string(SELOSTE_SOURCE_DIR) + "/examples/seinajoki.xml");
    spit(src, orig);
    build(src, site);
    spit(src, replace_once(orig, "<rule category=\"laskutus\">\n        <period years=\"6\"/>",
                           "<rule category=\"laskutus\">\n        <period years=\"7\"/>"));
    const auto out = build(src, site);
    REQUIRE(out.warnings.size() == 1);
    CHECK(out.warnings[0].find(src.string() + ":") == 0);
    CHECK(out.warnings[0].find("keeps the date 2025-02-22") != std::string::npos);
    CHECK(slurp(site / "history" / reg / "2025-02-22.xml").find("years=\"7\"") != std::string::npos);
    CHECK(out.versions == 0);
}

TEST_CASE("a notice dated before its published version is refused, the site untouched", "[history]") {
    temp_dir d;
    const fs::path site = d.path / "site", src = d.path / "seinajoki.xml";
    spit(src, changed_source());
    build(src, site);
    const std::string before = slurp(site / "manifest.json");
    spit(src, slurp(std::string(SELOSTE_SOURCE_DIR) + "/examples/seinajoki.xml"));
    try {
        build(src, site);
        FAIL("expected a source_error");
    } catch (const seloste::source_error& e) {
        REQUIRE(e.diagnostics().size() == 1);
        const auto msg = seloste::format_diagnostic(e.diagnostics()[0]);
        CHECK(msg.find(src.string() + ":") == 0);
        CHECK(msg.find("earlier than its published version of 2026-01-15") != std::string::npos);
    }
    CHECK(slurp(site / "manifest.json") == before);
}

TEST_CASE("a build takes the versions from --history: a previous site or a folder of snapshots", "[history]") {
    temp_dir d;
    const fs::path src = d.path / "seinajoki.xml";
    fs::copy_file(std::string(SELOSTE_SOURCE_DIR) + "/examples/seinajoki.xml", src);
    build(src, d.path / "published");
    spit(src, changed_source());
    // A build into a new folder, with the published site as history.
    auto out = build(src, d.path / "next", (d.path / "published").string());
    CHECK(out.versions == 1);
    CHECK(fs::is_regular_file(d.path / "next" / "en" / reg / "2025-02-22" / "index.html"));
    CHECK(fs::is_regular_file(d.path / "published" / "history" / reg / "2025-02-22.xml"));
    CHECK_FALSE(fs::exists(d.path / "published" / "history" / reg / "2026-01-15.xml"));  // a site is read only

    // A folder of snapshots (kept beside the sources, in git) gets the new version too.
    const fs::path keep = d.path / "versions";
    fs::create_directories(keep / reg);
    fs::copy_file(d.path / "published" / "history" / reg / "2025-02-22.xml", keep / reg / "2025-02-22.xml");
    out = build(src, d.path / "third", keep.string());
    CHECK(out.versions == 1);
    CHECK(fs::is_regular_file(keep / reg / "2026-01-15.xml"));
    CHECK(fs::is_regular_file(keep / "sen-uutiskirjerekisteri" / "2025-02-24.xml"));

    // Anything else in it is refused with the file named.
    spit(keep / reg / "notes.txt", "x");
    CHECK_THROWS_WITH(build(src, d.path / "fourth", keep.string()),
                      Catch::Contains("notes.txt: error: not a version snapshot"));
    CHECK_FALSE(fs::exists(d.path / "fourth"));

    // A broken snapshot is an error at its own file, line and column.
    fs::remove(keep / reg / "notes.txt");
    spit(keep / reg / "2024-01-01.xml", "<seloste>\n  <register id=\"x\">\n</seloste>\n");
    try {
        build(src, d.path / "fifth", keep.string());
        FAIL("expected a source_error");
    } catch (const seloste::source_error& e) {
        REQUIRE_FALSE(e.diagnostics().empty());
        CHECK(e.diagnostics()[0].where.file == (keep / reg / "2024-01-01.xml").string());
        CHECK(e.diagnostics()[0].where.line > 1);
    }
    CHECK_FALSE(fs::exists(d.path / "fifth"));
}

TEST_CASE("a register no longer built keeps its snapshots in the site", "[history]") {
    temp_dir d;
    const fs::path site = d.path / "site", src = d.path / "seinajoki.xml";
    fs::copy_file(std::string(SELOSTE_SOURCE_DIR) + "/examples/seinajoki.xml", src);
    build(src, site);
    seloste::build_request b;
    b.sources = {std::string(SELOSTE_SOURCE_DIR) + "/examples/vaasan-sahko.xml"};
    b.out_dir = site.string();
    seloste::build_site(b);
    CHECK(fs::is_regular_file(site / "history" / reg / "2025-02-22.xml"));
    CHECK_FALSE(fs::exists(site / "en" / (reg + ".html")));
}

TEST_CASE("hand-written <history> entries are merged with the versions by date", "[history]") {
    temp_dir d;
    const fs::path site = d.path / "site", src = d.path / "imatra.xml";
    const std::string orig = slurp(std::string(SELOSTE_SOURCE_DIR) + "/examples/imatran-seudun-sahko.xml");
    spit(src, orig);
    build(src, site);
    std::string s = replace_once(orig, "<rule category=\"tallenteet\">\n        <period years=\"1\"/>",
                                 "<rule category=\"tallenteet\">\n        <period years=\"2\"/>");
    spit(src, replace_once(s, "<notice-date>2026-11-23</notice-date>", "<notice-date>2026-12-01</notice-date>"));
    REQUIRE(build(src, site).versions == 1);
    const auto m = nlohmann::json::parse(slurp(site / "manifest.json"));
    const std::string id = m["registers"][0]["id"];
    const std::string en = slurp(site / "en" / (id + ".html"));
    // One row per date, the newest first; the hand-written entry keeps its row, with the version's sentence.
    const auto newer = en.find("<time datetime=\"2026-12-01\">"), older = en.find("<time datetime=\"2026-11-23\">");
    REQUIRE(newer != std::string::npos);
    REQUIRE(older != std::string::npos);
    CHECK(newer < older);
    const std::string row = en.substr(older, en.find("</tr>", older) - older);
    CHECK(row.find("Notice corrected: legal bases, retention periods") != std::string::npos);
    CHECK(row.find("<li>First published version of this notice.</li>") != std::string::npos);
    CHECK(en.find("<time datetime=\"2026-11-23\">", older + 1) == std::string::npos);
    const std::string first = en.substr(newer, older - newer);
    CHECK(first.find("from 1 year to 2 years") != std::string::npos);
}
