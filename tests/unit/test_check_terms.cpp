// Rule text.outdated-term (core/data/gdpr-terms.json, core/src/check_terms.cpp): pre-GDPR and
// calqued terms in fi, sv and en, found in their inflected forms where they stand, with the GDPR
// term of the text's language as the fix; and no finding on any clean example or fixture.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "seloste/check.hpp"
#include "seloste/source.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path root = fs::path(SELOSTE_SOURCE_DIR);
const fs::path fixtures = root / "tests" / "fixtures" / "checks" / "text.outdated-term";
constexpr const char* rule = "text.outdated-term";

seloste::check_options opts() {
    seloste::check_options o;
    o.today = seloste::date{2026, 11, 23};
    o.spelling = false;
    return o;
}

std::vector<seloste::finding> of_rule(const std::vector<seloste::finding>& all) {
    std::vector<seloste::finding> out;
    std::copy_if(all.begin(), all.end(), std::back_inserter(out),
                 [](const seloste::finding& f) { return f.rule == rule; });
    return out;
}

std::string dump(const std::vector<seloste::finding>& fs) {
    std::string out;
    for (const auto& f : fs) out += seloste::format_finding(f) + "\n";
    return out;
}

// The 1-based column (in code points) of `word` on line `line` of `file`; 0 when absent.
int column_of(const fs::path& file, int line, const std::string& word) {
    std::ifstream in(file);
    std::string s;
    for (int i = 0; i < line && std::getline(in, s); ++i) {
    }
    const size_t at = s.find(word);
    if (at == std::string::npos) return 0;
    int col = 1;
    for (size_t i = 0; i < at; ++i)
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++col;
    return col;
}

struct expected {
    std::string term, article, replacement;
};

void require_findings(const std::string& name, int line, const std::vector<expected>& want) {
    const fs::path file = fixtures / name;
    const auto found = of_rule(seloste::check_file(file.string(), opts()));
    INFO(name << " findings:\n" << dump(found));
    REQUIRE(found.size() == want.size());
    for (size_t i = 0; i < want.size(); ++i) {
        const auto& f = found[i];
        const auto& w = want[i];
        INFO("term " << w.term);
        CHECK(f.level == seloste::severity::warning);
        CHECK(f.kind == "text");
        CHECK(f.article == w.article);
        CHECK(f.register_id == "asiakasrekisteri");
        CHECK(f.where.line == line);
        CHECK(f.where.column == column_of(file, line, w.term));
        // The word and the fix, in the language of the text, in every message.
        for (const std::string* m : {&f.message_fi, &f.message_sv, &f.message_en}) {
            CHECK(m->find(w.term) != std::string::npos);
            CHECK(m->find(w.replacement + ".") != std::string::npos);
        }
    }
}

}  // namespace

TEST_CASE("outdated-term: Finnish words of the Personal Data Act era, inflected", "[check][terms]") {
    require_findings("bad.xml", 49,
                     {{"Tarkastusoikeuttaan", "15", "oikeus saada pääsy tietoihin"},
                      {"Kielto-oikeudesta", "21", "oikeus vastustaa käsittelyä"},
                      {"henkilörekisterinpitäjän", "4(7)", "rekisterinpitäjä"},
                      {"tietosuojalautakunnan", "51", "tietosuojavaltuutetun toimisto"}});
}

TEST_CASE("outdated-term: Swedish register vocabulary", "[check][terms]") {
    require_findings("bad-text--sv.xml", 50,
                     {{"Insynsrätten", "15", "rätt till tillgång"},
                      {"registeransvarige", "4(7)", "personuppgiftsansvarig"},
                      {"personuppgiftsombudet", "37", "dataskyddsombud"}});
}

TEST_CASE("outdated-term: English calques from Finnish", "[check][terms]") {
    require_findings("bad-text--en.xml", 50,
                     {{"registered person", "4(1)", "data subject"},
                      {"right of inspection", "15", "right of access"},
                      {"register controller", "4(7)", "controller"},
                      {"data protection statement", "13", "privacy notice"},
                      {"registrar", "4(7)", "controller"},
                      {"controlling authority", "51", "supervisory authority"}});
}

TEST_CASE("outdated-term: the GDPR terms themselves are not flagged", "[check][terms]") {
    // "den registrerade", "Dataombudsmannens byrå", "rekisteröity", "data registered in the register", ...
    const auto found = of_rule(seloste::check_file((fixtures / "good.xml").string(), opts()));
    INFO(dump(found));
    CHECK(found.empty());
}

TEST_CASE("outdated-term: no finding on the examples and fixtures but the expected ones", "[check][terms]") {
    // The seed originals are real notices with their real defects: these findings are right.
    const std::set<std::tuple<std::string, int, std::string>> want{
        {"tests/fixtures/seed-originals/000-seiverkot.xml", 114, "Tarkastusoikeus"},
        {"tests/fixtures/seed-originals/001-sen-uutiskirje.xml", 81, "Tarkastusoikeus"},
        // "tarkastuspyyntö" (fi-access-request, by its base form): the seeds' own words.
        {"tests/fixtures/seed-originals/000-seiverkot.xml", 114, "Tarkastuspyyntö"},
        {"tests/fixtures/seed-originals/001-sen-uutiskirje.xml", 81, "Tarkastuspyyntö"},
        {"tests/fixtures/seed-originals/004-nurmijarven-sahko.xml", 96, "Tarkastuspyyntö"},
        {"tests/fixtures/seed-originals/004-nurmijarven-sahko.xml", 99, "tarkastuspyynnöstä"},
        {"tests/fixtures/seed-originals/004-nurmijarven-sahko.xml", 99, "tarkastuspyyntö"},
        // "henkilörekisteri" (fi-personal-register): the Personal Data Act's word in the seeds.
        {"tests/fixtures/seed-originals/000-seiverkot.xml", 117, "henkilörekisterin"},
        {"tests/fixtures/seed-originals/001-sen-uutiskirje.xml", 30, "Henkilörekisteri"},
        {"tests/fixtures/seed-originals/001-sen-uutiskirje.xml", 88, "henkilörekisterin"},
    };
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(root / "examples"))
        if (e.path().extension() == ".xml") files.push_back(e.path());
    for (const auto& e : fs::recursive_directory_iterator(root / "tests" / "fixtures"))
        if (e.is_regular_file() && e.path().extension() == ".xml" &&
            !(e.path().parent_path() == fixtures && e.path().filename().string().starts_with("bad")))
            files.push_back(e.path());
    REQUIRE(files.size() > 100);
    std::set<std::tuple<std::string, int, std::string>> got;
    for (const auto& p : files) {
        std::vector<seloste::finding> found;
        try {
            found = seloste::check_file(p.string(), opts());
        } catch (const std::exception&) {
            continue;  // a fixture of a bad source; the reader refuses it before any check
        }
        for (const auto& f : of_rule(found)) {
            const std::string msg = f.message_en;
            const size_t a = msg.find("\u201c"), b = msg.find("\u201d");
            got.insert({fs::relative(p, root).generic_string(), f.where.line,
                        a == std::string::npos ? msg : msg.substr(a + 3, b - a - 3)});
        }
    }
    std::string diff;
    for (const auto& [file, line, term] : got)
        if (!want.count({file, line, term}))
            diff += "unexpected: " + file + ":" + std::to_string(line) + " " + term + "\n";
    for (const auto& [file, line, term] : want)
        if (!got.count({file, line, term})) diff += "missing: " + file + ":" + std::to_string(line) + " " + term + "\n";
    INFO(diff);
    CHECK(diff.empty());
}

TEST_CASE("outdated-term: every example of core/data/gdpr-terms.json is flagged", "[check][terms]") {
    std::ifstream in(root / "core" / "data" / "gdpr-terms.json");
    REQUIRE(in);
    const auto data = nlohmann::json::parse(in);
    std::ifstream g(fixtures / "good.xml");
    std::stringstream gs;
    gs << g.rdbuf();
    const std::string good = gs.str();
    const std::string from = good.substr(good.find("      <exercise>"));
    const std::string before = good.substr(0, good.find("      <exercise>"));
    const std::string after = from.substr(from.find("</exercise>") + 11);
    size_t n = 0;
    for (const auto& e : data.at("terms")) {
        const std::string l = e.at("lang");
        const std::string replacement = e.at("replacement");
        REQUIRE(!e.at("examples").empty());
        for (const auto& x : e.at("examples")) {
            const std::string ex = x;
            std::string body = "<fi>Lähetä pyyntö osoitteeseen tietosuoja@esimerkki.fi.</fi>";
            if (l == "fi")
                body = "<fi>" + ex + " mainitaan.</fi>";
            else
                body = "<" + l + ">" + ex + ".</" + l + ">\n        " + body;
            // A file of its own for each example: the locations are read from the file once per path.
            const fs::path tmp =
                fs::temp_directory_path() / ("seloste-test-outdated-term-" + std::to_string(n) + ".xml");
            {
                std::ofstream out(tmp);
                out << before << "      <exercise>\n        " << body << "\n      </exercise>" << after;
            }
            const auto found = of_rule(seloste::check_file(tmp.string(), opts()));
            INFO(e.at("id").get<std::string>() << ": " << ex << "\n" << dump(found));
            REQUIRE(found.size() == 1);
            CHECK(found[0].message_en.find("Write instead: " + replacement + ".") != std::string::npos);
            CHECK(found[0].where.line == 49);
            fs::remove(tmp);
            ++n;
        }
    }
    CHECK(n > 50);
}
