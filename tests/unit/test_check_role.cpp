// Number and role of the controllers (docs/checks.md, rule text.controller-role): the controller
// in the singular where a register has several, and controllers called by a wrong relation.
// Each kind, in each language, planted into a clean example gives a finding on its line; the
// rule finds nothing in any example or clean fixture.
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "seloste/check.hpp"
#include "seloste/source.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path root = fs::path(SELOSTE_SOURCE_DIR);
const std::string rule = "text.controller-role";

std::string slurp(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

seloste::check_options options() {
    seloste::check_options o;
    o.today = seloste::date{2026, 11, 23};
    o.langs = {seloste::lang::fi, seloste::lang::sv, seloste::lang::en};
    return o;
}

std::vector<seloste::finding> ours(const std::vector<seloste::finding>& all) {
    std::vector<seloste::finding> out;
    std::copy_if(all.begin(), all.end(), std::back_inserter(out), [](const auto& f) { return f.rule == rule; });
    return out;
}

std::string dump(const std::vector<seloste::finding>& fs) {
    std::string s;
    for (const auto& f : fs) s += seloste::format_finding(f) + "\n";
    return s;
}

// Checks `xml` as a file of its own: a finding's line and column come from the file's text.
std::vector<seloste::finding> check_text(const std::string& xml) {
    static int n = 0;
    // One folder per process: the test cases run in parallel processes.
    const fs::path dir = fs::temp_directory_path() / ("seloste-test-check-role-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const fs::path file = dir / ("planted-" + std::to_string(++n) + ".xml");
    {
        std::ofstream out(file, std::ios::binary);
        out << xml;
    }
    auto found = seloste::check_file(file.string(), options());
    fs::remove(file);
    return found;
}

struct planted {
    std::vector<seloste::finding> found;  // of our rule
    int line = 0;                         // the line of the planted text
};

// `example` with `text` inserted right after `anchor` (which occurs once), checked.
planted plant(const std::string& example, const std::string& anchor, const std::string& text) {
    std::string xml = slurp(root / "examples" / example);
    const auto at = xml.find(anchor);
    REQUIRE(at != std::string::npos);
    REQUIRE(xml.find(anchor, at + 1) == std::string::npos);
    xml.insert(at + anchor.size(), text);
    planted p;
    p.line = 1 + static_cast<int>(std::count(xml.begin(), xml.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
    p.found = ours(check_text(xml));
    return p;
}

// The description of Harjuvirta's joint register and Vaasa's separate one, per language.
const char* const harju_fi = "oma, erillinen asiakasrekisterinsä.";
const char* const harju_sv = "ett eget, separat kundregister.";
const char* const harju_en = "keeps its own, separate customer register.";
const char* const vaasa_fi = "Suosittelemme tutustumaan selosteeseen säännöllisesti.";
const char* const vaasa_sv = "Vi rekommenderar att du läser beskrivningen regelbundet.";
const char* const vaasa_en = "We recommend that you read the notice regularly.";

struct plant_case {
    const char* example;
    const char* anchor;
    const char* text;
    const char* kind;
    const char* term;  // the words the finding quotes
    const char* fix;   // in the message of the text's language
    const char* lang;
};

void expect_finding(const plant_case& c) {
    INFO(c.example << ": " << c.text);
    const auto p = plant(c.example, c.anchor, c.text);
    INFO(dump(p.found));
    REQUIRE(p.found.size() == 1);
    const auto& f = p.found[0];
    CHECK(f.kind == c.kind);
    CHECK(f.level == seloste::severity::warning);
    CHECK(f.where.line == p.line);
    CHECK_FALSE(f.article.empty());
    const std::string lang = c.lang;
    const std::string& msg = lang == "fi" ? f.message_fi : lang == "sv" ? f.message_sv : f.message_en;
    CHECK(msg.find(c.term) != std::string::npos);
    CHECK(msg.find(c.fix) != std::string::npos);
    // The column points at the quoted words.
    const std::string xml = slurp(root / "examples" / c.example);
    std::string line_text;
    {
        std::string planted_xml = xml;
        planted_xml.insert(planted_xml.find(c.anchor) + std::string(c.anchor).size(), c.text);
        std::stringstream ss(planted_xml);
        for (int i = 0; i < p.line; ++i) std::getline(ss, line_text);
    }
    // The planted text follows the anchor on its line.
    const auto anchor_at = line_text.find(c.anchor);
    const auto in_text = std::string(c.text).find(c.term);
    REQUIRE(anchor_at != std::string::npos);
    REQUIRE(in_text != std::string::npos);
    const auto byte = anchor_at + std::string(c.anchor).size() + in_text;
    // Columns count code points from 1.
    int col = 1;
    for (size_t i = 0; i < byte; ++i)
        if ((static_cast<unsigned char>(line_text[i]) & 0xC0) != 0x80) ++col;
    CHECK(f.where.column == col);
}

// The lines of tests/fixtures/seed-originals/expected.json's entries of our rule for `file`, in order.
std::vector<int> seed_lines(const std::string& file) {
    const auto j = nlohmann::json::parse(slurp(root / "tests/fixtures/seed-originals/expected.json"));
    std::vector<int> out;
    if (j.at("files").contains(file))
        for (const auto& e : j.at("files").at(file))
            if (e.at("rule") == rule) out.push_back(e.at("line").get<int>());
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("the controller in the singular where the controllers are joint", "[check][role]") {
    for (const plant_case& c : {
             plant_case{"harjuvirta.xml", harju_fi, " Rekisterinpitäjä vastaa tietojen oikeellisuudesta.", "singular",
                        "Rekisterinpitäjä", "rekisterinpitäjät", "fi"},
             plant_case{"harjuvirta.xml", harju_fi, " Pyynnöt osoitetaan rekisterinpitäjälle.", "singular",
                        "rekisterinpitäjälle", "rekisterinpitäjät", "fi"},
             plant_case{"harjuvirta.xml", harju_fi, " Tiedot ovat rekisterinpitäjän palvelimella.", "singular",
                        "rekisterinpitäjän", "rekisterinpitäjät", "fi"},
             plant_case{"harjuvirta.xml", harju_sv, " Den personuppgiftsansvarige ansvarar för uppgifterna.",
                        "singular", "Den personuppgiftsansvarige", "de personuppgiftsansvariga", "sv"},
             plant_case{"harjuvirta.xml", harju_sv, " Uppgifterna finns hos den personuppgiftsansvariga.", "singular",
                        "den personuppgiftsansvariga", "de personuppgiftsansvariga", "sv"},
             plant_case{"harjuvirta.xml", harju_en, " The controller is responsible for the data.", "singular",
                        "The controller", "the controllers", "en"},
             plant_case{"harjuvirta.xml", harju_en, " Requests go to the data controller.", "singular",
                        "the data controller", "the controllers", "en"},
         })
        expect_finding(c);
}

TEST_CASE("joint controllers called separate, separate called joint, a controller called a processor",
          "[check][role]") {
    for (const plant_case& c : {
             plant_case{"harjuvirta.xml", harju_fi, " Yhtiöt ovat erillisiä rekisterinpitäjiä.", "wrong-relation",
                        "erillisiä rekisterinpitäjiä", "yhteisrekisterinpitäjät", "fi"},
             plant_case{"harjuvirta.xml", harju_fi, " Yhtiöt toimivat itsenäisinä rekisterinpitäjinä.",
                        "wrong-relation", "itsenäisinä rekisterinpitäjinä", "yhteisrekisterinpitäjät", "fi"},
             plant_case{"harjuvirta.xml", harju_sv, " Bolagen är självständiga personuppgiftsansvariga.",
                        "wrong-relation", "självständiga personuppgiftsansvariga", "gemensamt personuppgiftsansvariga",
                        "sv"},
             plant_case{"harjuvirta.xml", harju_en, " The companies are independent controllers.", "wrong-relation",
                        "independent controllers", "joint controllers", "en"},
             plant_case{"vaasan-sahko.xml", vaasa_fi, " Yhtiöt ovat yhteisrekisterinpitäjiä.", "wrong-relation",
                        "yhteisrekisterinpitäjiä", "kukin omien tietojensa osalta", "fi"},
             plant_case{"vaasan-sahko.xml", vaasa_sv, " Bolagen är gemensamt personuppgiftsansvariga.",
                        "wrong-relation", "gemensamt personuppgiftsansvariga", "var och en för sina egna uppgifter",
                        "sv"},
             plant_case{"vaasan-sahko.xml", vaasa_en, " The companies are joint controllers.", "wrong-relation",
                        "joint controllers", "each for its own data", "en"},
             plant_case{"harjuvirta.xml", harju_fi, " Harjuvirran Sähkö Oy toimii henkilötietojen käsittelijänä.",
                        "wrong-relation", "Harjuvirran Sähkö Oy toimii henkilötietojen käsittelijänä",
                        "rekisterinpitäjä", "fi"},
             plant_case{"harjuvirta.xml", harju_sv, " Harjuvirran Sähkö Oy är personuppgiftsbiträde för systemet.",
                        "wrong-relation", "Harjuvirran Sähkö Oy är personuppgiftsbiträde", "personuppgiftsansvarig",
                        "sv"},
             plant_case{"harjuvirta.xml", harju_fi, " Henkilötietojen käsittelijänä toimii Harjuvirran Lämpö Oy.",
                        "wrong-relation", "Henkilötietojen käsittelijänä toimii Harjuvirran Lämpö Oy",
                        "rekisterinpitäjä", "fi"},
             plant_case{"harjuvirta.xml", harju_en, " Harjuvirran Lämpö Oy (processor) keeps the system.",
                        "wrong-relation", "Harjuvirran Lämpö Oy (processor)", "controller", "en"},
             plant_case{"vaasan-sahko.xml", vaasa_en, " Vaasan Sähköverkko Oy acts as a processor.", "wrong-relation",
                        "Vaasan Sähköverkko Oy acts as a processor", "controller", "en"},
         })
        expect_finding(c);
}

TEST_CASE("separate controllers: the singular only in a sentence about their shared notice", "[check][role]") {
    // Vaasa's seed said this in the singular (examples/README.md, Vaasa #8).
    for (const plant_case& c : {
             plant_case{"vaasan-sahko.xml", vaasa_fi,
                        " Rekisterinpitäjä kehittää liiketoimintaansa ja voi siksi muuttaa tätä tietosuojaselostetta.",
                        "singular", "Rekisterinpitäjä", "rekisterinpitäjät", "fi"},
             plant_case{"vaasan-sahko.xml", vaasa_sv, " Den personuppgiftsansvarige kan ändra denna beskrivning.",
                        "singular", "Den personuppgiftsansvarige", "de personuppgiftsansvariga", "sv"},
             plant_case{"vaasan-sahko.xml", vaasa_en, " The controller may change this privacy notice.", "singular",
                        "The controller", "the controllers", "en"},
         })
        expect_finding(c);
    // Each company's own processing: "the controller" is the controller of that processing.
    for (const auto& [anchor, text] : std::vector<std::pair<const char*, const char*>>{
             {vaasa_fi, " Rekisterinpitäjä voi pyytää henkilöllisyystodistusta."},
             {vaasa_sv, " Den personuppgiftsansvarige kan be om legitimation."},
             {vaasa_en, " The controller may ask for proof of identity."},
         }) {
        INFO(text);
        const auto p = plant("vaasan-sahko.xml", anchor, text);
        INFO(dump(p.found));
        CHECK(p.found.empty());
    }
}

TEST_CASE("what the singular rule leaves alone", "[check][role]") {
    for (const auto& [anchor, text] : std::vector<std::pair<const char*, const char*>>{
             {harju_fi, " Kumpikin rekisterinpitäjä vastaa omista sopimuksistaan."},
             {harju_fi, " Pyyntö voi koskea kumpaa tahansa rekisterinpitäjää."},
             {harju_fi, " Kukin rekisterinpitäjä vastaa laskutuksestaan."},
             {harju_fi, " Kumpikin yhtiö on rekisterinpitäjä."},
             {harju_fi, " Yhtiöt ovat yhteisrekisterinpitäjiä, ja rekisterinpitäjät vastaavat yhdessä."},
             {harju_fi, " Sana ”rekisterinpitäjä” tarkoittaa tahoa, joka päättää käsittelystä."},
             {harju_sv, " Varje personuppgiftsansvarig svarar för sina avtal."},
             {harju_sv, " Vardera personuppgiftsansvarig svarar för sin fakturering."},
             {harju_sv, " De personuppgiftsansvariga svarar tillsammans."},
             {harju_sv, " Bolagen är gemensamt personuppgiftsansvariga."},
             {harju_en, " Each controller answers for its own contracts."},
             {harju_en, " A request may concern either controller."},
             {harju_en, " The controllers answer together; each is a joint controller."},
             {harju_en, " Each company is the controller of its own contracts."},
             {harju_en, " The joint controllers decide together."},
             {harju_en, " Ask the controller concerned."},
             // Not a controller of this register, or not called a processor.
             {harju_fi, " Harjuvirran Verkko Oy toimii henkilötietojen käsittelijänä."},
             {harju_fi, " Harjuvirran Sähkö Oy:n tytäryhtiö toimii henkilötietojen käsittelijänä."},
             {harju_fi, " Harjuvirran Sähkö Oy käyttää henkilötietojen käsittelijöitä."},
             {harju_en, " Harjuvirran Sähkö Oy uses a processor for printing."},
             {harju_sv, " Harjuvirran Sähkö Oy anlitar ett personuppgiftsbiträde."},
         }) {
        INFO(text);
        const auto p = plant("harjuvirta.xml", anchor, text);
        INFO(dump(p.found));
        CHECK(p.found.empty());
    }
}

TEST_CASE("one controller, or one group company for the group: the singular is right", "[check][role]") {
    // Harjuvirran Verkko's register has one controller.
    const auto single =
        plant("harjuvirta.xml", "Harjuvirran Verkko Oy on Hämeenlinnan alueen sähkön jakeluverkonhaltija.",
              " Rekisterinpitäjä voi muuttaa tätä selostetta.");
    INFO(dump(single.found));
    CHECK(single.found.empty());
    const std::string xml = slurp(root / "tests/fixtures/checks/gdpr.13.1.a.controller/good-group.xml");
    std::string planted = xml;
    const std::string anchor = "Palvelujen kehittäminen.";
    planted.insert(planted.find(anchor) + anchor.size(),
                   " Rekisterinpitäjä ylläpitää konsernin yhteisiä järjestelmiä ja voi muuttaa tätä selostetta.");
    CHECK(ours(check_text(planted)).empty());
    // Joint controllers named in a group register are wrong only when the register says joint.
    planted = xml;
    planted.insert(planted.find(anchor) + anchor.size(), " Rekisterinpitäjä toimii itsenäisenä rekisterinpitäjänä.");
    CHECK(ours(check_text(planted)).empty());
}

TEST_CASE("the role rule finds nothing in any example or clean fixture", "[check][role]") {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(root / "examples"))
        if (e.path().extension() == ".xml") files.push_back(e.path());
    for (const auto& e : fs::recursive_directory_iterator(root / "tests/fixtures"))
        if (e.path().extension() == ".xml") files.push_back(e.path());
    REQUIRE(files.size() > 50);
    size_t checked = 0;
    for (const auto& f : files) {
        // The rule's own triggering fixtures are meant to give findings.
        if (f.parent_path().filename() == rule && f.filename().string().rfind("bad", 0) == 0) continue;
        std::vector<seloste::finding> found;
        try {
            found = seloste::check_file(f.string(), options());
        } catch (const std::exception&) {
            continue;  // unreadable on purpose (fuzz and refusal fixtures)
        }
        ++checked;
        INFO(f.string());
        auto mine = ours(found);
        // A seed original keeps its real defects: ours must be exactly those its expected.json lists.
        if (f.parent_path().filename() == "seed-originals") {
            const auto expected = seed_lines(f.filename().string());
            std::vector<int> lines;
            for (const auto& x : mine) lines.push_back(x.where.line);
            CHECK(lines == expected);
            continue;
        }
        CHECK(dump(mine).empty());
    }
    CHECK(checked > 50);
}

TEST_CASE("every singular case of the word, and none of the plural ones", "[check][role]") {
    struct form {
        const char* anchor;
        const char* word;
        bool singular;
    };
    for (const form& f : {
             form{harju_fi, "rekisterinpitäjä", true},
             form{harju_fi, "rekisterinpitäjän", true},
             form{harju_fi, "rekisterinpitäjää", true},
             form{harju_fi, "rekisterinpitäjällä", true},
             form{harju_fi, "rekisterinpitäjälle", true},
             form{harju_fi, "rekisterinpitäjältä", true},
             form{harju_fi, "rekisterinpitäjänä", true},
             form{harju_fi, "rekisterinpitäjäksi", true},
             form{harju_fi, "rekisterinpitäjässä", true},
             form{harju_fi, "rekisterinpitäjästä", true},
             form{harju_fi, "rekisterinpitäjään", true},
             form{harju_fi, "rekisterinpitäjänkin", true},
             form{harju_fi, "rekisterinpitäjät", false},
             form{harju_fi, "rekisterinpitäjien", false},
             form{harju_fi, "rekisterinpitäjiä", false},
             form{harju_fi, "rekisterinpitäjille", false},
             form{harju_fi, "rekisterinpitäjiltä", false},
             form{harju_fi, "rekisterinpitäjinä", false},
             form{harju_fi, "rekisterinpitäjiksi", false},
             form{harju_fi, "rekisterinpitäjiin", false},
             form{harju_fi, "yhteisrekisterinpitäjä", false},
             form{harju_fi, "henkilötietojen käsittelijä", false},
             form{harju_sv, "den personuppgiftsansvarige", true},
             form{harju_sv, "den personuppgiftsansvariges", true},
             form{harju_sv, "den personuppgiftsansvarigas", true},
             form{harju_sv, "de personuppgiftsansvariga", false},
             form{harju_sv, "de personuppgiftsansvarigas", false},
             form{harju_sv, "en personuppgiftsansvarig", false},
             form{harju_en, "the controller", true},
             form{harju_en, "the controller's", true},
             form{harju_en, "the personal data controller", true},
             form{harju_en, "the controllers", false},
             form{harju_en, "the controllers'", false},
             form{harju_en, "a controller", false},
             form{harju_en, "the joint controllers", false},
             form{harju_en, "the processor", false},
         }) {
        const std::string text = std::string(" Sana: ") + f.word + ".";
        INFO(text);
        const auto p = plant("harjuvirta.xml", f.anchor, text);
        INFO(dump(p.found));
        CHECK(p.found.size() == (f.singular ? 1u : 0u));
    }
}
