// The check data's term patterns: the literals read from each expression (which let
// the checks skip most expressions for most texts) must never hide a match.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "check_support.hpp"

namespace fs = std::filesystem;
using seloste::detail::required_literals;
using seloste::detail::term_pattern;
using req = std::vector<term_pattern::requirement>;

TEST_CASE("literals every match must hold", "[check][patterns]") {
    CHECK(required_literals("\\bPersonal Data Act\\b") == req{{"Personal Data Act"}});
    // An optional character, group or class ends a run and adds nothing.
    CHECK(required_literals("\\bpersonuppgiftslag(en|ens)?\\b") == req{{"personuppgiftslag"}});
    CHECK(required_literals("\\bhttps?://[^\\s]+") == req{{"http"}, {"://"}});
    CHECK(required_literals("\\bsähkö(n|ön)?\\s*(asiak|siirro?|myyn)") == req{{"sähkö"}, {"asiak", "siirr", "myyn"}});
    CHECK(required_literals("ab{2,3}c") == req{{"a"}, {"c"}});
    CHECK(required_literals("ab*c") == req{{"a"}, {"c"}});
    CHECK(required_literals("ab+c") == req{{"ab"}, {"c"}});
    // A group of alternatives: one of its branches' literals.
    CHECK(required_literals("\\b(raderas|förstörs)\\b") == req{{"raderas", "förstörs"}});
    CHECK(required_literals("(?:a1|b2)x") == req{{"a1", "b2"}, {"x"}});
    // A branch without a literal makes the group tell nothing.
    CHECK(required_literals("(abc|\\w+)x") == req{{"x"}});
    // Escaped punctuation is literal; a set is skipped whole, brackets and all.
    CHECK(required_literals("523/1999\\.x[)(|]y") == req{{"523/1999.x"}, {"y"}});
    // Beyond the simple reading: nothing is known, so the expression always runs.
    CHECK(required_literals("abc|def").empty());
    CHECK(required_literals("(?i)abc").empty());
    CHECK(required_literals("(a)\\1").empty());
    CHECK(required_literals("\\p{L}abc").empty());
    CHECK(required_literals("abc(").empty());
}

namespace {

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::vector<const term_pattern*> all_patterns() {
    std::vector<const term_pattern*> out;
    auto add = [&](const seloste::detail::pattern_set& s) {
        for (const auto& l : s.by_lang)
            for (const auto& p : l) out.push_back(p.get());
        for (const auto& p : s.any) out.push_back(p.get());
    };
    const auto& d = seloste::detail::checks();
    for (const auto& [name, s] : d.terms) add(s);
    for (const auto& r : d.outdated) add(r.terms);
    for (const auto& s : d.sectors) {
        add(s.register_terms);
        add(s.other_register_terms);
        add(s.foreign_terms);
    }
    return out;
}

}  // namespace

TEST_CASE("every check-data expression compiles, and its literals never hide a match", "[check][patterns]") {
    const auto patterns = all_patterns();
    REQUIRE(patterns.size() > 50);
    size_t with_literals = 0;
    for (const auto* p : patterns) {
        INFO(p->source());
        CHECK_NOTHROW(p->regex());
        if (!p->required().empty()) ++with_literals;
    }
    // Nearly all expressions are skipped cheaply when their words are absent.
    CHECK(with_literals * 10 >= patterns.size() * 9);

    // The fixtures and the seed originals are full of the texts the checks look for:
    // wherever an expression matches, the search with the literals finds it too.
    std::vector<std::string> texts;
    const fs::path fixtures = fs::path(SELOSTE_SOURCE_DIR) / "tests" / "fixtures";
    for (const auto& e : fs::recursive_directory_iterator(fixtures))
        if (e.is_regular_file() && e.path().extension() == ".xml") texts.push_back(read(e.path()));
    REQUIRE(texts.size() > 20);
    size_t matches = 0;
    for (const auto* p : patterns) {
        seloste::detail::pattern_set one;
        one.any.push_back(std::shared_ptr<const term_pattern>(std::shared_ptr<const term_pattern>{}, p));
        for (const auto& t : texts) {
            UErrorCode status = U_ZERO_ERROR;
            const icu::UnicodeString u = icu::UnicodeString::fromUTF8(t);
            std::unique_ptr<icu::RegexMatcher> m(p->regex().matcher(u, status));
            REQUIRE(U_SUCCESS(status));
            const bool plain = m->find(status);
            if (!plain) continue;
            ++matches;
            INFO(p->source());
            CHECK_FALSE(seloste::detail::find_terms(one, std::nullopt, t).empty());
        }
    }
    CHECK(matches > 40);
}
