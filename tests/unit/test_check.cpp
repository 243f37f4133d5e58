// Unit tests of the checks' API: finding format, JSON, strictness, facts, word locations.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "seloste/check.hpp"
#include "seloste/source.hpp"

namespace {

const std::filesystem::path root = std::filesystem::path(SELOSTE_SOURCE_DIR);

seloste::check_options fixed_day() {
    seloste::check_options o;
    o.today = seloste::date{2026, 11, 23};
    return o;
}

// A complete, clean register; {ORG} and {REG} are spliced into the organisation and the register.
std::string source(const std::string& org_extra, const std::string& reg_extra = "",
                   const std::string& date = "2025-02-24", const std::string& words = "") {
    return R"(<?xml version="1.0" encoding="UTF-8"?>
<seloste version="1">
  <organisation id="esim">
    <name>Esimerkkienergia Oy</name>
    <visiting-address><street>Varastotie 5</street><postal-code>60100</postal-code><town>Seinäjoki</town></visiting-address>
)" + org_extra +
           R"(
  </organisation>
  <person id="dpo"><title><fi>Tietosuojavastaava</fi></title><email>tietosuoja@esimerkki.fi</email></person>
)" + words +
           R"(
  <register id="r1">
    <name><fi>Asiakasrekisteri</fi></name>
    <controller ref="esim"/>
    <dpo ref="dpo"/>
    <purpose basis="contract"><description><fi>Asiakassuhteen hoitaminen ja laskutus.</fi></description></purpose>
    <data-categories><category id="y"><name><fi>Yhteystiedot</fi></name></category></data-categories>
    <recipients><recipient><fi>Perintätoimisto.</fi></recipient></recipients>
    <transfers none="true"/>
    <sources><source from-data-subject="true"><fi>Asiakkaalta itseltään.</fi></source></sources>
    <retention><rule><period years="6"/></rule></retention>
    <requirement kind="contract-prerequisite"><consequence><fi>Ilman tietoja emme voi tehdä sopimusta.</fi></consequence></requirement>
    <automated-decisions used="false"/>
    <rights><exercise><fi>Lähetä pyyntö osoitteeseen tietosuoja@esimerkki.fi.</fi></exercise></rights>
)" + reg_extra +
           R"(
    <notice-date>)" +
           date + R"(</notice-date>
  </register>
</seloste>
)";
}

std::vector<seloste::finding> run(const std::string& xml, seloste::check_options o = fixed_day()) {
    return seloste::check(seloste::read_source_string_lenient(xml, "test.xml"), o);
}

std::vector<seloste::finding> of_rule(const std::vector<seloste::finding>& fs, const std::string& rule) {
    std::vector<seloste::finding> out;
    std::copy_if(fs.begin(), fs.end(), std::back_inserter(out), [&](const auto& f) { return f.rule == rule; });
    return out;
}

}  // namespace

TEST_CASE("a complete register is clean", "[check]") {
    const auto fs = run(source(""));
    INFO((fs.empty() ? std::string() : seloste::format_finding(fs.front())));
    CHECK(fs.empty());
    CHECK_FALSE(seloste::has_errors(fs, true));
}

TEST_CASE("format_finding gives file:line:col, severity, message and rule", "[check]") {
    const auto fs = of_rule(run(source("<business-id>0974008-1</business-id>")), "fact.business-id");
    REQUIRE(fs.size() == 1);
    const auto& f = fs.front();
    CHECK(f.level == seloste::severity::error);
    CHECK(f.where.file == "test.xml");
    CHECK(f.where.line == 6);
    CHECK(f.where.column == 1);
    CHECK(f.register_id.empty());  // about an organisation, not a register
    const std::string en = seloste::format_finding(f, seloste::lang::en);
    CHECK(en.rfind("test.xml:6:1: error: ", 0) == 0);
    CHECK(en.find("(computed: 0)") != std::string::npos);
    CHECK(en.size() > 20);
    CHECK(en.substr(en.size() - 18) == "[fact.business-id]");
    CHECK(seloste::format_finding(f, seloste::lang::fi).find("tarkistusnumero") != std::string::npos);
    CHECK(seloste::format_finding(f, seloste::lang::sv).find("Kontrollsiffran") != std::string::npos);
    CHECK_FALSE(f.message_sv.empty());
}

TEST_CASE("a VAT number given as the business ID proposes the business ID", "[check][facts]") {
    for (const char* vat : {"FI01244613", "FI 0124 4613", "fi01244613"}) {
        INFO(vat);
        const auto fs = of_rule(run(source(std::string("<business-id>") + vat + "</business-id>")), "fact.business-id");
        REQUIRE(fs.size() == 1);
        CHECK(fs.front().message_en.find("is a VAT number") != std::string::npos);
        CHECK(fs.front().message_en.find("“0124461-3”") != std::string::npos);
        CHECK(fs.front().message_fi.find("”0124461-3”") != std::string::npos);
        CHECK(fs.front().message_sv.find("”0124461-3”") != std::string::npos);
    }
    // A VAT number whose digits make no valid business ID is only "not of the form".
    const auto bad = of_rule(run(source("<business-id>FI01244614</business-id>")), "fact.business-id");
    REQUIRE(bad.size() == 1);
    CHECK(bad.front().message_en.find("VAT") == std::string::npos);
}

TEST_CASE("business ID check digit", "[check][facts]") {
    for (const char* ok : {"0974008-0", "2083762-5", "0209628-8", "1993667-7", "0159029-2", "0911384-5"}) {
        INFO(ok);
        CHECK(of_rule(run(source(std::string("<business-id>") + ok + "</business-id>")), "fact.business-id").empty());
    }
    // 1234567: 7+18+30+20+40+24+14 = 153, 153 mod 11 = 10, check digit 1.
    CHECK(of_rule(run(source("<business-id>1234567-1</business-id>")), "fact.business-id").empty());
    CHECK(of_rule(run(source("<business-id>1234567-2</business-id>")), "fact.business-id").size() == 1);
    // 0000100: 1*8 = 8, remainder 8, check digit 11-8 = 3.
    CHECK(of_rule(run(source("<business-id>0000100-3</business-id>")), "fact.business-id").empty());
    // 0000006: 6*2 = 12, remainder 1: no check digit is valid.
    const auto r1 = of_rule(run(source("<business-id>0000006-0</business-id>")), "fact.business-id");
    REQUIRE(r1.size() == 1);
    CHECK(r1.front().message_en.find("remainder 1") != std::string::npos);
    CHECK(of_rule(run(source("<business-id>097400-80</business-id>")), "fact.business-id").size() == 1);
}

TEST_CASE("phone numbers normalise to E.164", "[check][facts]") {
    for (const char* ok : {"06 3245111", "+358 9 878 071", "05 6835 209", "0800 123 456", "+46 8 123 456 78"}) {
        INFO(ok);
        CHECK(of_rule(run(source(std::string("<phone>") + ok + "</phone>")), "fact.phone").empty());
    }
    for (const char* bad : {"3245111", "+358 12", "06 324 5111 ext 5", "+0 123 456 789"}) {
        INFO(bad);
        CHECK(of_rule(run(source(std::string("<phone>") + bad + "</phone>")), "fact.phone").size() == 1);
    }
}

TEST_CASE("e-mail addresses and URLs", "[check][facts]") {
    CHECK(of_rule(run(source("<email>a.b@esimerkki.fi</email>")), "fact.email").empty());
    CHECK(of_rule(run(source("<email>a b@esimerkki.fi</email>")), "fact.email").size() == 1);
    CHECK(of_rule(run(source("<web>https://www.esimerkki.fi/tietosuoja</web>")), "fact.url").empty());
    const auto js = of_rule(run(source("<web>javascript:alert(1)</web>")), "fact.url");
    REQUIRE(js.size() == 1);
    CHECK(js.front().level == seloste::severity::error);
    CHECK(js.front().message_en.find("javascript:") != std::string::npos);
    const auto www = of_rule(run(source("<web>www.esimerkki.fi</web>")), "fact.url");
    REQUIRE(www.size() == 1);
    CHECK(www.front().message_en.find("https://www.esimerkki.fi") != std::string::npos);
}

TEST_CASE("dates exist and are not in the future", "[check][facts]") {
    CHECK(of_rule(run(source("", "", "2026-11-23")), "fact.date").empty());
    CHECK(of_rule(run(source("", "", "2026-11-24")), "fact.date").size() == 1);
    const auto bad = of_rule(run(source("", "", "2025-02-30")), "fact.date");
    REQUIRE(bad.size() == 1);
    CHECK(bad.front().register_id == "r1");
}

TEST_CASE("postal codes and towns", "[check][facts]") {
    auto fs = of_rule(run(source("<postal-address><street>PL "
                                 "26</street><postal-code>6510</postal-code><town>Vaasa</town></postal-address>")),
                      "fact.address");
    CHECK(fs.size() == 1);
    fs = of_rule(run(source("<postal-address><street>PL "
                            "26</street><postal-code>65101</postal-code><town>Vaasa</town></postal-address>")),
                 "fact.address");
    CHECK(fs.empty());
}

TEST_CASE("spelling findings point at the word and honour <words>", "[check][spelling]") {
    const std::string reg =
        "<description><fi>Rekisteri sisältää ulkoituskumppanit ja Mullolan tiedot.</fi></description>";
    auto fs = of_rule(run(source("", reg)), "text.spelling");
    REQUIRE(fs.size() == 2);
    CHECK(fs[0].level == seloste::severity::warning);
    CHECK(fs[0].message_en.find("“ulkoituskumppanit”") != std::string::npos);
    CHECK(fs[0].message_en.find("ulkoistuskumppanit") != std::string::npos);  // a suggestion
    // The source string has no file to search, so the finding points at the element.
    CHECK(fs[0].where.line > 0);
    fs = of_rule(run(source("", reg, "2025-02-24", "<words lang=\"fi\">Mullola ulkoituskumppanit</words>")),
                 "text.spelling");
    CHECK(fs.empty());
    auto off = fixed_day();
    off.spelling = false;
    CHECK(of_rule(run(source("", reg), off), "text.spelling").empty());
}

TEST_CASE("spelling column is the word's column in the file", "[check][spelling]") {
    const auto path = root / "tests" / "fixtures" / "checks" / "text.spelling" / "bad.xml";
    const auto fs = of_rule(seloste::check_file(path.string(), fixed_day()), "text.spelling");
    REQUIRE(fs.size() == 1);
    std::ifstream in(path);
    std::string line;
    for (int i = 0; i < fs.front().where.line; ++i) std::getline(in, line);
    // Columns count code points; the word is ASCII-led, so count code points up to it.
    size_t byte = 0;
    for (int col = 1; col < fs.front().where.column; ++byte)
        if ((static_cast<unsigned char>(line[byte + 1]) & 0xC0) != 0x80) ++col;
    CHECK(line.substr(byte, 17) == "ulkoituskumppanit");
}

TEST_CASE("outdated references come from the data table", "[check][text]") {
    std::ifstream in(root / "core" / "data" / "outdated-references.json");
    REQUIRE(in);
    const auto table = nlohmann::json::parse(in);
    REQUIRE(table.at("references").size() >= 6);
    for (const auto& r : table.at("references")) {
        INFO(r.at("id"));
        for (const char* l : {"fi", "sv", "en"}) {
            CHECK_FALSE(r.at("message").at(l).get<std::string>().empty());
            CHECK_FALSE(r.at("replacement").at(l).get<std::string>().empty());
        }
    }
    const std::vector<std::pair<std::string, std::string>> cases{
        {"henkilötietolain mukaisesti", "tietosuojalaki (1050/2018)"},
        {"Väestörekisterikeskuksen rekisteristä", "Digi- ja väestötietovirasto"},
        {"PL 800, Ratapihantie 9, 00521 Helsinki", "Lintulahdenkuja 4"},
        {"Maksutta tiedot voi tarkistaa yhden kerran kalenterivuodessa", "maksutonta"},
        {"vakiosopimusehdoilla (päätös C (2010)593)", "2021/914"}};
    for (const auto& [text, replacement] : cases) {
        INFO(text);
        const auto fs =
            of_rule(run(source("", "<description><fi>" + text + ".</fi></description>")), "text.outdated-reference");
        REQUIRE(fs.size() == 1);
        CHECK(fs.front().message_fi.find(replacement) != std::string::npos);
    }
    const auto sv = of_rule(run(source("", "<description><sv>enligt personuppgiftslagen</sv><fi>x</fi></description>")),
                            "text.outdated-reference");
    CHECK(sv.size() == 1);
}

TEST_CASE("missing translations per requested language", "[check][i18n]") {
    auto o = fixed_day();
    o.langs = {seloste::lang::fi, seloste::lang::en};
    o.spelling = false;
    const auto fs = of_rule(run(source("", "<description><fi>Kuvaus.</fi><en>Description.</en></description>"), o),
                            "i18n.missing-translation");
    // Every fi-only text of the register lacks en; the description has both.
    CHECK_FALSE(fs.empty());
    CHECK(std::none_of(fs.begin(), fs.end(), [](const auto& f) { return f.message_en.find("description ") == 0; }));
    CHECK(std::all_of(fs.begin(), fs.end(), [](const auto& f) { return f.level == seloste::severity::warning; }));
}

TEST_CASE("has_errors and --strict", "[check]") {
    seloste::finding w;
    w.rule = "text.spelling";
    w.level = seloste::severity::warning;
    seloste::finding i;
    i.rule = "x";
    i.level = seloste::severity::info;
    CHECK_FALSE(seloste::has_errors({w, i}));
    CHECK(seloste::has_errors({w, i}, true));
    CHECK_FALSE(seloste::has_errors({i}, true));
    seloste::finding e;
    e.level = seloste::severity::error;
    CHECK(seloste::has_errors({e}));
    CHECK(seloste::severity_code(seloste::severity::warning) == "warning");
}

TEST_CASE("findings_to_json is the documented format", "[check][json]") {
    const auto fs = run(source("<business-id>0974008-1</business-id>", "", "2027-01-01"));
    const auto j = nlohmann::json::parse(seloste::findings_to_json(fs));
    CHECK(j.at("format") == "seloste-findings");
    CHECK(j.at("version") == 1);
    REQUIRE(j.at("findings").size() == fs.size());
    int errors = 0;
    for (size_t k = 0; k < fs.size(); ++k) {
        const auto& f = j.at("findings")[k];
        CHECK(f.at("rule") == fs[k].rule);
        CHECK(f.at("severity") == seloste::severity_code(fs[k].level));
        CHECK(f.at("file") == "test.xml");
        CHECK(f.at("line") == fs[k].where.line);
        CHECK(f.at("column") == fs[k].where.column);
        CHECK(f.at("message").at("fi") == fs[k].message_fi);
        CHECK(f.at("message").at("sv") == fs[k].message_sv);
        CHECK(f.at("message").at("en") == fs[k].message_en);
        CHECK(f.contains("article"));
        CHECK(f.contains("register"));
        if (fs[k].level == seloste::severity::error) ++errors;
    }
    CHECK(j.at("summary").at("errors") == errors);
    CHECK(errors == 2);
    CHECK(j.at("summary").at("warnings") == 0);
    CHECK(j.at("summary").at("info") == 0);
    const auto date = std::find_if(j.at("findings").begin(), j.at("findings").end(),
                                   [](const auto& f) { return f.at("rule") == "fact.date"; });
    REQUIRE(date != j.at("findings").end());
    CHECK(date->at("register") == "r1");
    CHECK(date->at("article").is_null());
}

TEST_CASE("check_register reports the register and its controller", "[check]") {
    const auto r = seloste::read_source_string_lenient(source("<business-id>0974008-1</business-id>", "", "2027-01-01"),
                                                       "test.xml");
    REQUIRE(r.doc.registers.size() == 1);
    const auto one = seloste::check_register(r.doc, r.doc.registers.front(), fixed_day());
    const auto all = seloste::check(r.doc, fixed_day());
    REQUIRE(one.size() == all.size());
    for (size_t k = 0; k < one.size(); ++k) {
        CHECK(one[k].rule == all[k].rule);
        CHECK(one[k].register_id == "r1");  // the controller's facts count against the register
    }
}

TEST_CASE("broken XML is a source.xml finding", "[check]") {
    const auto fs = run("<seloste version=\"1\"><register></seloste>");
    REQUIRE_FALSE(fs.empty());
    CHECK(fs.front().rule == "source.xml");
    CHECK(seloste::has_errors(fs));
}

TEST_CASE("Swedish and English texts are spelt with Hunspell", "[check][spelling]") {
    auto o = fixed_day();
    o.langs = {seloste::lang::fi, seloste::lang::sv, seloste::lang::en};
    const auto fs = of_rule(run(source("",
                                       "<description><fi>Asiakasrekisteri.</fi><sv>Utvecklingg av tjänsterna.</sv>"
                                       "<en>Developping our services.</en></description>"),
                                o),
                            "text.spelling");
    REQUIRE(fs.size() >= 2);
    CHECK(std::any_of(fs.begin(), fs.end(), [](const auto& f) {
        return f.message_en.find("“Utvecklingg” in description (sv)") != std::string::npos;
    }));
    CHECK(std::any_of(fs.begin(), fs.end(), [](const auto& f) {
        return f.message_en.find("“Developping” in description (en)") != std::string::npos;
    }));
    CHECK(std::any_of(fs.begin(), fs.end(),
                      [](const auto& f) { return f.message_en.find("Developing") != std::string::npos; }));
}
