// Every rule has a fixture that triggers it and one that does not:
// tests/fixtures/checks/<rule-id>/bad.xml must yield the rule, good.xml must not.
// A folder may hold more: bad-<kind>.xml and bad-<kind>--<what>.xml must yield a finding
// of the rule with that kind (the rule's variant in core/data/checks.json); good-<what>.xml,
// like good.xml, must yield nothing of the rule and no error.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "seloste/check.hpp"
#include "seloste/source.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path checks_dir = fs::path(SELOSTE_SOURCE_DIR) / "tests" / "fixtures" / "checks";

seloste::check_options options_for(const fs::path& dir) {
    seloste::check_options o;
    o.today = seloste::date{2026, 11, 23};
    std::ifstream in(dir / "langs");  // optional: "fi,sv,en"
    std::string line;
    if (in && std::getline(in, line)) {
        o.langs.clear();
        std::stringstream ss(line);
        std::string code;
        while (std::getline(ss, code, ','))
            if (auto l = seloste::parse_lang(code)) o.langs.push_back(*l);
    }
    return o;
}

bool has_rule(const std::vector<seloste::finding>& fs, const std::string& rule, const std::string& kind = "") {
    return std::any_of(fs.begin(), fs.end(),
                       [&](const seloste::finding& f) { return f.rule == rule && (kind.empty() || f.kind == kind); });
}

std::string dump(const std::vector<seloste::finding>& fs) {
    std::string out;
    for (const auto& f : fs) out += seloste::format_finding(f) + "\n";
    return out;
}

nlohmann::json rules_data() {
    std::ifstream in(fs::path(SELOSTE_SOURCE_DIR) / "core" / "data" / "checks.json");
    return nlohmann::json::parse(in).at("rules");
}

// The cells of the row of `rule` in the index of docs/checks.md; empty when there is none.
std::vector<std::string> index_row(const std::string& doc, const std::string& rule) {
    const auto start = doc.find("<!-- rule-index:start -->"), end = doc.find("<!-- rule-index:end -->");
    if (start == std::string::npos || end == std::string::npos) return {};
    const auto at = doc.find("| `" + rule + "` |", start);
    if (at == std::string::npos || at > end) return {};
    const std::string line = doc.substr(at, doc.find('\n', at) - at);
    std::vector<std::string> cells;
    size_t from = 1;
    for (size_t bar; (bar = line.find(" |", from)) != std::string::npos; from = bar + 2) {
        if (bar > 0 && line[bar - 1] == '\\') continue;
        std::string c = line.substr(from, bar - from);
        while (!c.empty() && c.front() == ' ') c.erase(0, 1);
        cells.push_back(c);
    }
    return cells;
}

}  // namespace

TEST_CASE("docs/checks.md indexes every rule with its article and data file", "[check][fixtures][docs]") {
    std::ifstream in(fs::path(SELOSTE_SOURCE_DIR) / "docs" / "checks.md");
    const std::string doc{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    const nlohmann::json data = rules_data();
    for (const auto& [id, r] : data.items()) {
        INFO("rule " << id << ": run scripts/check-index after changing core/data/checks.json");
        const auto cells = index_row(doc, id);
        REQUIRE(cells.size() == 6);
        // Every article of the rule and of its messages is in the article column.
        std::vector<std::string> articles{r.value("article", "")};
        for (const auto& [kind, m] : r.at("messages").items())
            if (m.contains("article")) articles.push_back(m.at("article").get<std::string>());
        for (const auto& a : articles)
            if (!a.empty()) CHECK(cells[2].find(a) != std::string::npos);
        // The data file, or "(code)" for a rule without one.
        REQUIRE(r.contains("data"));
        const std::string d = r.at("data").get<std::string>();
        CHECK(cells[3] == (d.empty() ? "(code)" : d));
        if (d.starts_with("core/data/")) CHECK(fs::exists(fs::path(SELOSTE_SOURCE_DIR) / d.substr(0, d.find(' '))));
        REQUIRE(r.contains("example"));
        CHECK_FALSE(r.at("example").get<std::string>().empty());
        CHECK(cells[5].find("tests/fixtures/checks/" + id + "/") != std::string::npos);
    }
}

TEST_CASE("every rule has a triggering and a clean fixture", "[check][fixtures]") {
    REQUIRE(fs::is_directory(checks_dir));
    std::set<std::string> rules;
    for (const auto& e : fs::directory_iterator(checks_dir))
        if (e.is_directory()) rules.insert(e.path().filename().string());
    // Every rule of core/data/checks.json has its folder, and every folder is a rule.
    const auto data = rules_data();
    std::set<std::string> documented;
    for (const auto& [id, r] : data.items()) documented.insert(id);
    for (const auto& r : documented) {
        INFO("rule " << r << " has no folder tests/fixtures/checks/" << r);
        CHECK(rules.count(r) == 1);
    }
    for (const auto& r : rules) {
        INFO("folder tests/fixtures/checks/" << r << " is no rule of core/data/checks.json");
        CHECK(documented.count(r) == 1);
    }

    for (const auto& rule : rules) {
        const fs::path dir = checks_dir / rule;
        const auto opts = options_for(dir);
        SECTION(rule) {
            REQUIRE(fs::exists(dir / "bad.xml"));
            REQUIRE(fs::exists(dir / "good.xml"));
            const auto bad = seloste::check_file((dir / "bad.xml").string(), opts);
            INFO("bad.xml findings:\n" << dump(bad));
            CHECK(has_rule(bad, rule));
            const auto good = seloste::check_file((dir / "good.xml").string(), opts);
            INFO("good.xml findings:\n" << dump(good));
            CHECK_FALSE(has_rule(good, rule));
            // A clean fixture is clean of errors altogether, so it shows how to write the element.
            CHECK_FALSE(seloste::has_errors(good));
            for (const auto& e : fs::directory_iterator(dir)) {
                const std::string name = e.path().filename().string();
                if (e.path().extension() != ".xml" || name == "bad.xml" || name == "good.xml") continue;
                const auto found = seloste::check_file(e.path().string(), opts);
                INFO(name << " findings:\n" << dump(found));
                if (name.starts_with("bad-")) {
                    const std::string stem = e.path().stem().string().substr(4);
                    const std::string kind = stem.substr(0, stem.find("--"));
                    CHECK(has_rule(found, rule, kind));
                } else {
                    REQUIRE(name.starts_with("good-"));
                    CHECK_FALSE(has_rule(found, rule));
                    CHECK_FALSE(seloste::has_errors(found));
                }
            }
        }
    }
}
