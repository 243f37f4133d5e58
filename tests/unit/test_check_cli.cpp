// The findings are identical through the CLI (`seloste check --format json`) and the library.
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "run_command.hpp"
#include "seloste/check.hpp"

#ifdef SELOSTE_CLI

namespace {

using test_support::command_result;
using test_support::run_command;

}  // namespace

TEST_CASE("seloste check gives the library's findings and exit codes", "[check][cli]") {
    const std::filesystem::path root(SELOSTE_SOURCE_DIR);
    for (const char* rel :
         {"tests/fixtures/seed-originals/000-seiverkot.xml", "tests/fixtures/seed-originals/004-nurmijarven-sahko.xml",
          "tests/fixtures/checks/text.spelling/bad.xml", "examples/seinajoki.xml"}) {
        const std::string path = (root / rel).string();
        INFO(rel);
        const auto cli = run_command(std::string("'") + SELOSTE_CLI + "' check --format json --lang fi,sv,en '" + path +
                                     "' 2>/dev/null");
        seloste::check_options o;
        o.langs = {seloste::lang::fi, seloste::lang::sv, seloste::lang::en};
        const auto lib = seloste::check_file(path, o);
        REQUIRE_FALSE(cli.out.empty());
        CHECK(nlohmann::json::parse(cli.out) == nlohmann::json::parse(seloste::findings_to_json(lib)));
        CHECK(cli.status == (seloste::has_errors(lib) ? 1 : 0));
        // --strict turns warnings into errors.
        const auto strict = run_command(std::string("'") + SELOSTE_CLI + "' check --strict --lang fi,sv,en '" + path +
                                        "' >/dev/null 2>&1");
        CHECK(strict.status == (seloste::has_errors(lib, true) ? 1 : 0));
    }
}

#endif
