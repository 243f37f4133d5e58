// The findings are identical through the CLI (`seloste check --format json`) and the library.
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "seloste/check.hpp"

#ifdef SELOSTE_CLI

namespace {

struct command_result {
    std::string out;
    int status = -1;
};

command_result run_command(const std::string& cmd) {
    command_result r;
    FILE* p = popen(cmd.c_str(), "r");
    if (!p) return r;
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
    const int st = pclose(p);
    r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    return r;
}

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
