// The C ABI: JSON in, JSON out, status codes, no exception across the boundary.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "seloste_c.h"

using json = nlohmann::json;

namespace {
std::pair<int, json> call(int (*fn)(const char*, char**), const std::string& request) {
    char* answer = nullptr;
    const int rc = fn(request.c_str(), &answer);
    REQUIRE(answer != nullptr);
    json j = json::parse(answer);
    seloste_free(answer);
    return {rc, j};
}
const std::string examples = std::string(SELOSTE_SOURCE_DIR) + "/examples/";
}  // namespace

TEST_CASE("C ABI: version and render", "[c-abi]") {
    CHECK(std::string(seloste_version()).find('.') != std::string::npos);
    auto [rc, a] =
        call(seloste_render,
             json{{"source", examples + "imatran-seudun-sahko.xml"}, {"lang", "sv"}, {"fragment", true}}.dump());
    CHECK(rc == 0);
    CHECK(a["ok"] == true);
    CHECK(a["html"].get<std::string>().rfind("<div class=\"seloste\" lang=\"sv\"", 0) == 0);
}

TEST_CASE("C ABI: errors become status codes and JSON", "[c-abi]") {
    SECTION("malformed request") {
        auto [rc, a] = call(seloste_render, "{not json");
        CHECK(rc == 2);
        CHECK(a["ok"] == false);
        CHECK_FALSE(a["errors"].empty());
    }
    SECTION("a broken source carries file, line and column") {
        auto [rc, a] =
            call(seloste_render, json{{"source_xml", "<seloste version=\"1\">\n  <register id=\"x\">\n</seloste>"},
                                      {"file_name", "broken.xml"}}
                                     .dump());
        CHECK(rc == 1);
        REQUIRE(a["errors"].size() >= 1);
        CHECK(a["errors"][0]["file"] == "broken.xml");
        CHECK(a["errors"][0]["line"].get<int>() >= 1);
        CHECK(a["errors"][0]["column"].get<int>() >= 1);
    }
    SECTION("an unreadable file") {
        auto [rc, a] = call(seloste_check, json{{"sources", {examples + "no-such.xml"}}}.dump());
        CHECK(rc == 3);
        CHECK(a["ok"] == false);
    }
    SECTION("NULL arguments") {
        CHECK(seloste_build(nullptr, nullptr) == 2);
        seloste_free(nullptr);
    }
}

TEST_CASE("C ABI: check returns the findings", "[c-abi]") {
    auto [rc, a] = call(seloste_check, json{{"sources", {examples + "seinajoki.xml"}}, {"spelling", false}}.dump());
    CHECK(rc == 0);
    CHECK(a["findings"].is_array());
}

TEST_CASE("C ABI: build keeps the versions in a history folder", "[c-abi][history]") {
    namespace fs = std::filesystem;
    std::string t = (fs::temp_directory_path() / "seloste-cabi-XXXXXX").string();
    const fs::path dir = ::mkdtemp(t.data());
    const json req{{"sources", {examples + "seinajoki.xml"}},
                   {"out", (dir / "site").string()},
                   {"history", (dir / "versions").string()}};
    auto [rc, a] = call(seloste_build, req.dump());
    CHECK(rc == 0);
    CHECK(a["versions"] == 0);
    CHECK(a["warnings"].is_array());
    CHECK(fs::is_regular_file(dir / "versions" / "seiverkot-asiakasrekisteri" / "2025-02-22.xml"));
    CHECK(fs::is_regular_file(dir / "site" / "fi" / "seiverkot-asiakasrekisteri" / "2025-02-22" / "index.html"));
    std::error_code ec;
    fs::remove_all(dir, ec);
}
