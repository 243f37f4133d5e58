// Every rule has a fixture that triggers it and one that does not:
// tests/fixtures/checks/<rule-id>/bad.xml must yield the rule, good.xml must not.
// A folder may hold more: bad-<kind>.xml and bad-<kind>--<what>.xml must yield a finding
// of the rule with that kind (the rule's variant in core/data/checks.json); good-<what>.xml,
// like good.xml, must yield nothing of the rule and no error.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

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

}  // namespace

TEST_CASE("every rule has a triggering and a clean fixture", "[check][fixtures]") {
    REQUIRE(fs::is_directory(checks_dir));
    std::set<std::string> rules;
    for (const auto& e : fs::directory_iterator(checks_dir))
        if (e.is_directory()) rules.insert(e.path().filename().string());
    // The rule ids of docs/checks.md; a rule without its folder fails here.
    const std::set<std::string> documented{"gdpr.13.1.a.controller",
                                           "gdpr.13.1.b.dpo",
                                           "gdpr.13.1.c.purpose",
                                           "gdpr.13.1.c.basis",
                                           "gdpr.13.1.d.interest",
                                           "gdpr.13.1.e.recipients",
                                           "gdpr.13.1.f.transfers",
                                           "gdpr.13.1.f.safeguard",
                                           "gdpr.46.scc-2010",
                                           "gdpr.13.2.a.retention",
                                           "gdpr.13.2.b.rights",
                                           "gdpr.13.2.c.withdraw",
                                           "gdpr.13.2.d.authority",
                                           "gdpr.13.2.e.requirement",
                                           "gdpr.13.2.f.automated",
                                           "gdpr.14.1.d.categories",
                                           "gdpr.14.2.f.sources",
                                           "gdpr.9.2.a.explicit-consent",
                                           "gdpr.7.consent-by-use",
                                           "gdpr.6.consent-where-required",
                                           "law.regulation-number",
                                           "law.article-exists",
                                           "law.act-number",
                                           "fact.business-id",
                                           "fact.vat-number",
                                           "fact.date",
                                           "fact.email",
                                           "fact.url",
                                           "fact.phone",
                                           "fact.address",
                                           "text.outdated-reference",
                                           "text.outdated-term",
                                           "text.heading-mismatch",
                                           "text.wrong-sector",
                                           "text.invisible-character",
                                           "text.spelling",
                                           "i18n.missing-translation",
                                           "i18n.translation-mismatch",
                                           "source.invalid",
                                           "source.xml"};
    for (const auto& r : documented) {
        INFO("rule " << r);
        CHECK(rules.count(r) == 1);
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
