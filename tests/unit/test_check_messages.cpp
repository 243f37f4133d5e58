// Issue 13, item 6: messages that name the real problem and give the fix. A disguised
// e-mail address gives the address, a labelled phone number the number, a VAT number in
// place of a business ID the ID; a replacement is proposed in the language of the text it
// replaces; plain-text output speaks the user's language (--message-lang, the locale).
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "run_command.hpp"
#include "seloste/check.hpp"
#include "seloste/source.hpp"

using seloste::finding;
using seloste::lang;

namespace {

const std::filesystem::path root(SELOSTE_SOURCE_DIR);

seloste::check_options options(std::vector<lang> langs = {lang::fi, lang::sv, lang::en}) {
    seloste::check_options o;
    o.today = seloste::date{2026, 11, 23};
    o.langs = std::move(langs);
    o.spelling = false;
    return o;
}

// A complete register; the organisation's contact details, the DPO's and the text of
// <rights><exercise> are the parameters. Line 10 holds the organisation's <email>,
// line 11 its <phone>, line 20 the exercise text.
std::string source(const std::string& email, const std::string& phone, const std::string& exercise,
                   const std::string& business_id = "0974008-0") {
    return R"(<?xml version="1.0" encoding="UTF-8"?>
<seloste version="1">
  <organisation id="esim">
    <name>Esimerkkienergia Oy</name>
    <business-id>)" +
           business_id + R"(</business-id>
    <visiting-address>
      <street>Varastotie 5</street><postal-code>60100</postal-code><town>Seinäjoki</town>
    </visiting-address>
    <web>https://www.esimerkki.fi</web>
    <email>)" +
           email + R"(</email>
    <phone>)" +
           phone + R"(</phone>
  </organisation>
  <person id="dpo"><title><fi>Tietosuojavastaava</fi><sv>Dataskyddsombud</sv><en>Data protection officer</en></title><email>tietosuoja@esimerkki.fi</email></person>
  <register id="r1">
    <name><fi>Asiakasrekisteri</fi><sv>Kundregister</sv><en>Customer register</en></name>
    <controller ref="esim"/>
    <dpo ref="dpo"/>
    <purpose basis="contract"><description><fi>Laskutus.</fi><sv>Fakturering.</sv><en>Billing.</en></description></purpose>
    <data-categories><category id="y"><name><fi>Yhteystiedot</fi><sv>Kontaktuppgifter</sv><en>Contact details</en></name></category></data-categories>
    <rights><exercise>)" +
           exercise + R"(</exercise></rights>
    <recipients><recipient><fi>Perintätoimisto.</fi><sv>Inkassobyrå.</sv><en>A debt collection agency.</en></recipient></recipients>
    <transfers none="true"/>
    <sources><source from-data-subject="true"><fi>Asiakkaalta.</fi><sv>Av kunden.</sv><en>From the customer.</en></source></sources>
    <retention><rule><period years="6"/></rule></retention>
    <requirement kind="contract-prerequisite"><consequence><fi>Ilman tietoja ei sopimusta.</fi><sv>Utan uppgifterna inget avtal.</sv><en>Without the data no contract.</en></consequence></requirement>
    <automated-decisions used="false"/>
    <notice-date>2025-02-24</notice-date>
  </register>
</seloste>
)";
}

const std::string clean_exercise =
    "<fi>Lähetä pyyntö osoitteeseen tietosuoja@esimerkki.fi.</fi><sv>Skicka din begäran till "
    "tietosuoja@esimerkki.fi.</sv><en>Send your request to tietosuoja@esimerkki.fi.</en>";

// The checks of `xml` as a file: findings in free text point at the words in the file.
std::vector<finding> run(const std::string& xml, seloste::check_options o = options()) {
    // A new name each time (the checks keep the text of the files they located words in), and
    // one per process (ctest runs the test cases in parallel).
    static int n = 0;
    const auto path =
        std::filesystem::temp_directory_path() /
        ("seloste-test-check-messages-" + std::to_string(::getpid()) + "-" + std::to_string(++n) + ".xml");
    {
        std::ofstream out(path, std::ios::binary);
        out << xml;
    }
    auto fs = seloste::check_file(path.string(), o);
    std::filesystem::remove(path);
    return fs;
}

std::vector<finding> of(const std::vector<finding>& fs, const std::string& rule) {
    std::vector<finding> out;
    std::copy_if(fs.begin(), fs.end(), std::back_inserter(out), [&](const finding& f) { return f.rule == rule; });
    return out;
}

std::string dump(const std::vector<finding>& fs) {
    std::string out;
    for (const auto& f : fs) out += seloste::format_finding(f) + " {" + f.kind + "}\n";
    return out;
}

bool in_all(const finding& f, const std::string& s) {
    return f.message_fi.find(s) != std::string::npos && f.message_sv.find(s) != std::string::npos &&
           f.message_en.find(s) != std::string::npos;
}

}  // namespace

TEST_CASE("the clean source of these tests is clean", "[check][messages]") {
    const auto fs = run(source("asiakaspalvelu@esimerkki.fi", "06 414 1111", clean_exercise));
    INFO(dump(fs));
    CHECK(fs.empty());
}

TEST_CASE("a disguised e-mail address gives the address itself", "[check][messages][facts]") {
    const std::vector<std::pair<std::string, std::string>> cases{
        {"heidi.keto(at)example.fi", "heidi.keto@example.fi"},
        {"heidi.keto[at]example.fi", "heidi.keto@example.fi"},
        {"heidi.keto {at} example.fi", "heidi.keto@example.fi"},
        {"heidi.keto (AT) example.fi", "heidi.keto@example.fi"},
        {"heidi.keto at example.fi", "heidi.keto@example.fi"},
        {"heidi.keto(ät)example.fi", "heidi.keto@example.fi"},
        {"heidi.keto ÄT example.fi", "heidi.keto@example.fi"},
        {"heidi.keto ät example.fi", "heidi.keto@example.fi"},
        {"heidi.keto @ example.fi", "heidi.keto@example.fi"},
        {"heidi.keto@ example.fi", "heidi.keto@example.fi"},
        {"heidi.keto(a)example.fi", "heidi.keto@example.fi"},
        {"heidi.keto(@)example.fi", "heidi.keto@example.fi"},
        {"heidi.keto miukumauku example.fi", "heidi.keto@example.fi"},
        {"heidi.keto(miuku-mauku)example.fi", "heidi.keto@example.fi"},
        {"heidi.keto snabel-a example.fi", "heidi.keto@example.fi"},
        {"heidi.keto＠example.fi", "heidi.keto@example.fi"},
        {"heidi.keto(at)example(dot)fi", "heidi.keto@example.fi"},
        {"heidi.keto at example dot fi", "heidi.keto@example.fi"},
        {"heidi piste keto ät example piste fi", "heidi.keto@example.fi"},
        {"heidi.keto [at] example [punkt] fi", "heidi.keto@example.fi"},
    };
    for (const auto& [value, address] : cases) {
        INFO(value);
        const auto fs = of(run(source(value, "06 414 1111", clean_exercise)), "fact.email");
        INFO(dump(fs));
        REQUIRE(fs.size() == 1);
        CHECK(fs[0].kind == "obfuscated");
        CHECK(fs[0].level == seloste::severity::error);
        CHECK(fs[0].where.line == 10);
        CHECK(fs[0].message_en.find("“" + address + "”") != std::string::npos);
        CHECK(fs[0].message_fi.find("”" + address + "”") != std::string::npos);
        CHECK(fs[0].message_sv.find("”" + address + "”") != std::string::npos);
        // Names the problem (a disguise that harvesters read anyway, people cannot use) and the field.
        CHECK(fs[0].message_en.find("screen readers") != std::string::npos);
        CHECK(fs[0].message_fi.find("ruudunlukija") != std::string::npos);
        CHECK(fs[0].message_sv.find("skärmläsare") != std::string::npos);
        CHECK(in_all(fs[0], "(organisation[esim]/email)"));
    }
    // Not a disguise, but the address is plain to see: "invalid", with the address proposed.
    for (const auto& [value, address] :
         std::vector<std::pair<std::string, std::string>>{{"mailto:heidi.keto@example.fi", "heidi.keto@example.fi"},
                                                          {"&lt;heidi.keto@example.fi&gt;", "heidi.keto@example.fi"},
                                                          {"heidi.keto@example.fi.", "heidi.keto@example.fi"},
                                                          {"heidi.keto@example . fi", "heidi.keto@example.fi"}}) {
        INFO(value);
        const auto fs = of(run(source(value, "06 414 1111", clean_exercise)), "fact.email");
        REQUIRE(fs.size() == 1);
        CHECK(fs[0].kind == "invalid");
        CHECK(fs[0].message_en.find("Probably meant: “" + address + "”.") != std::string::npos);
        CHECK(fs[0].message_fi.find("”" + address + "”") != std::string::npos);
        CHECK(fs[0].message_sv.find("”" + address + "”") != std::string::npos);
    }
    // Nothing to propose: the form only, and no stray placeholder.
    for (const char* value : {"heidi.keto@example", "heidi keto", "heidi.keto(at)example", "a(at)b(at)c.fi"}) {
        INFO(value);
        const auto fs = of(run(source(value, "06 414 1111", clean_exercise)), "fact.email");
        REQUIRE(fs.size() == 1);
        CHECK(fs[0].kind == "invalid");
        CHECK(fs[0].message_en.find("name@example.fi") != std::string::npos);
        CHECK(fs[0].message_en.find("Probably") == std::string::npos);
        CHECK(fs[0].message_en.find('{') == std::string::npos);
        CHECK(fs[0].message_fi.find('{') == std::string::npos);
    }
}

TEST_CASE("a disguised address in free text is found where it stands, in every language", "[check][messages]") {
    struct text_case {
        std::string exercise, written, address;
    };
    const std::vector<text_case> bad{
        {"<fi>Lähetä pyyntö osoitteeseen heidi.keto(at)example.fi.</fi><sv>Skicka till tietosuoja@esimerkki.fi.</sv>"
         "<en>Send it to tietosuoja@esimerkki.fi.</en>",
         "heidi.keto(at)example.fi", "heidi.keto@example.fi"},
        {"<fi>Lähetä pyyntö osoitteeseen tietosuoja@esimerkki.fi.</fi><sv>Skicka till heidi.keto [snabel-a] "
         "example [punkt] fi.</sv><en>Send it to tietosuoja@esimerkki.fi.</en>",
         "heidi.keto [snabel-a] example [punkt] fi", "heidi.keto@example.fi"},
        {"<fi>Lähetä pyyntö osoitteeseen tietosuoja@esimerkki.fi.</fi><sv>Skicka till tietosuoja@esimerkki.fi.</sv>"
         "<en>Send it to heidi.keto at example.fi.</en>",
         "heidi.keto at example.fi", "heidi.keto@example.fi"},
        {"<fi>Lähetä pyyntö: tietosuoja ät esimerkki.fi</fi><sv>Skicka till tietosuoja@esimerkki.fi.</sv>"
         "<en>Send it to tietosuoja@esimerkki.fi.</en>",
         "tietosuoja ät esimerkki.fi", "tietosuoja@esimerkki.fi"},
        {"<fi>Lähetä pyyntö: tietosuoja miukumauku esimerkki piste fi</fi><sv>Skicka till tietosuoja@esimerkki.fi.</sv>"
         "<en>Send it to tietosuoja@esimerkki.fi.</en>",
         "tietosuoja miukumauku esimerkki piste fi", "tietosuoja@esimerkki.fi"},
        {"Lähetä pyyntö / Skicka / Send: info @ esimerkki.fi", "info @ esimerkki.fi", "info@esimerkki.fi"},
    };
    for (const auto& c : bad) {
        INFO(c.exercise);
        const std::string xml = source("asiakaspalvelu@esimerkki.fi", "06 414 1111", c.exercise);
        const auto fs = of(run(xml), "fact.email");
        INFO(dump(fs));
        REQUIRE(fs.size() == 1);
        CHECK(fs[0].kind == "obfuscated-in-text");
        CHECK(fs[0].level == seloste::severity::error);
        CHECK(in_all(fs[0], "rights/exercise"));
        CHECK(fs[0].message_en.find("“" + c.written + "”") != std::string::npos);
        CHECK(fs[0].message_en.find("“" + c.address + "”") != std::string::npos);
        CHECK(fs[0].message_fi.find("”" + c.address + "”") != std::string::npos);
        CHECK(fs[0].message_sv.find("”" + c.address + "”") != std::string::npos);
        // The location is that of the disguised address itself.
        const size_t line_start = xml.rfind('\n', xml.find(c.written)) + 1;
        CHECK(fs[0].where.line == 20);
        CHECK(fs[0].where.column ==
              1 + static_cast<int>(std::count_if(
                      xml.begin() + static_cast<long>(line_start), xml.begin() + static_cast<long>(xml.find(c.written)),
                      [](char ch) { return (static_cast<unsigned char>(ch) & 0xC0) != 0x80; })));
    }
    // Text that only looks like a disguise is left alone.
    const std::vector<std::string> good{
        "<fi>Ota yhteyttä: tietosuoja@esimerkki.fi tai www.esimerkki.fi.</fi><sv>Kontakta oss på esimerkki.fi.</sv>"
        "<en>Contact us at esimerkki.fi or at www.esimerkki.fi, or write to us at tietosuoja@esimerkki.fi.</en>",
        "<fi>Peruste on 6 artiklan 1 kohdan (a) alakohta. Katso kohta (a) tiedot.Muut</fi><sv>Artikel 6.1 (a) och "
        "(b).</sv><en>Article 6(1)(a) and (b). See point (a) example.fi and (at) the office.</en>",
        "<fi>Hinta on 5 € @ kpl.</fi><sv>Vi finns at Varastotie 5.</sv><en>We are at Varastotie 5, Seinäjoki.</en>",
    };
    for (const auto& e : good) {
        INFO(e);
        const auto fs = of(run(source("asiakaspalvelu@esimerkki.fi", "06 414 1111", e)), "fact.email");
        INFO(dump(fs));
        CHECK(fs.empty());
    }
}

TEST_CASE("a phone number with a label gives the number without it", "[check][messages][facts]") {
    const std::vector<std::tuple<std::string, std::string, std::string>> cases{
        {"puh. 06 414 1111", "puh.", "06 414 1111"},         {"Puh 06 414 1111", "Puh", "06 414 1111"},
        {"puhelin: 06 414 1111", "puhelin:", "06 414 1111"}, {"p. 06 414 1111", "p.", "06 414 1111"},
        {"tfn. 06 414 1111", "tfn.", "06 414 1111"},         {"Tfn: +358 6 414 1111", "Tfn:", "+358 6 414 1111"},
        {"tel. 06 414 1111", "tel.", "06 414 1111"},         {"Tel:+358 6 414 1111", "Tel:", "+358 6 414 1111"},
        {"tel:+35864141111", "tel:", "+35864141111"},        {"vaihde 06 414 1111", "vaihde", "06 414 1111"},
        {"växel 06 414 1111", "växel", "06 414 1111"},       {"Phone: 06 414 1111", "Phone:", "06 414 1111"},
    };
    for (const auto& [value, label, number] : cases) {
        INFO(value);
        const auto fs = of(run(source("asiakaspalvelu@esimerkki.fi", value, clean_exercise)), "fact.phone");
        INFO(dump(fs));
        REQUIRE(fs.size() == 1);
        CHECK(fs[0].kind == "prefix");
        CHECK(fs[0].where.line == 11);
        CHECK(fs[0].message_en.find("label “" + label + "”") != std::string::npos);
        CHECK(fs[0].message_en.find("“" + number + "”") != std::string::npos);
        CHECK(fs[0].message_fi.find("”" + number + "”") != std::string::npos);
        CHECK(fs[0].message_sv.find("”" + number + "”") != std::string::npos);
        CHECK(in_all(fs[0], "(organisation[esim]/phone)"));
    }
    // A label before a number that is not valid either, or a word that only starts like a label: "invalid".
    for (const char* value : {"puh. 414 1111", "phoneline 06 414 1111", "puh.", "telefax 06 414 1111"}) {
        INFO(value);
        const auto fs = of(run(source("asiakaspalvelu@esimerkki.fi", value, clean_exercise)), "fact.phone");
        REQUIRE(fs.size() == 1);
        CHECK(fs[0].kind == "invalid");
    }
}

TEST_CASE("a VAT number in place of a business ID gives the business ID wherever one is read",
          "[check][messages][facts]") {
    // The organisation of the controller, as written in <business-id>.
    for (const char* v : {"FI09740080", "FI 0974 0080", "fi09740080", "FI-09740080", "ALV FI09740080"}) {
        INFO(v);
        const auto fs =
            of(run(source("asiakaspalvelu@esimerkki.fi", "06 414 1111", clean_exercise, v)), "fact.business-id");
        REQUIRE(fs.size() == 1);
        CHECK(fs[0].kind == "vat-number");
        CHECK(fs[0].where.line == 5);
        CHECK(in_all(fs[0], "0974008-0"));
    }
    // The ID without its hyphen, or with a label, is not of the form; the message gives it.
    for (const char* v : {"09740080", "0974008 0", "Y-tunnus 0974008-0", "0974 008-0"}) {
        INFO(v);
        const auto fs =
            of(run(source("asiakaspalvelu@esimerkki.fi", "06 414 1111", clean_exercise, v)), "fact.business-id");
        REQUIRE(fs.size() == 1);
        CHECK(fs[0].kind == "format");
        CHECK(fs[0].message_en.find("Write “0974008-0”.") != std::string::npos);
        CHECK(fs[0].message_fi.find("Kirjoita ”0974008-0”.") != std::string::npos);
        CHECK(fs[0].message_sv.find("Skriv ”0974008-0”.") != std::string::npos);
    }
    // Digits that make no valid business ID: no proposal, and no stray placeholder.
    for (const char* v : {"09740081", "FI09740081", "12345"}) {
        INFO(v);
        const auto fs =
            of(run(source("asiakaspalvelu@esimerkki.fi", "06 414 1111", clean_exercise, v)), "fact.business-id");
        REQUIRE(fs.size() == 1);
        CHECK(fs[0].kind == "format");
        CHECK(fs[0].message_en.find("Write") == std::string::npos);
        CHECK(fs[0].message_en.find('{') == std::string::npos);
    }
    // Every organisation a register names: a group company, a representative, the organisation
    // of a person, and also through check_register, which checks only the register's own.
    const std::string xml = R"(<?xml version="1.0" encoding="UTF-8"?>
<seloste version="1">
  <organisation id="esim">
    <name>Esimerkkienergia Oy</name>
    <business-id>0974008-0</business-id>
    <visiting-address><street>Varastotie 5</street><postal-code>60100</postal-code><town>Seinäjoki</town></visiting-address>
    <email>asiakaspalvelu@esimerkki.fi</email>
  </organisation>
  <organisation id="toinen">
    <name>Toinen Oy</name>
    <business-id>FI01244613</business-id>
    <email>info@toinen.fi</email>
  </organisation>
  <organisation id="edustaja">
    <name>Edustaja Oy</name>
    <business-id>FI 0124 4613</business-id>
    <email>info@edustaja.fi</email>
  </organisation>
  <organisation id="palvelu">
    <name>Palvelu Oy</name>
    <business-id>fi01244613</business-id>
  </organisation>
  <person id="dpo"><title><fi>Tietosuojavastaava</fi></title><organisation ref="palvelu"/><email>tietosuoja@esimerkki.fi</email></person>
  <register id="r1" controllers="group">
    <name><fi>Asiakasrekisteri</fi></name>
    <controller ref="esim"/>
    <group-company ref="toinen"/>
    <representative ref="edustaja"/>
    <dpo ref="dpo"/>
    <purpose basis="contract"><description><fi>Laskutus.</fi></description></purpose>
    <data-categories><category id="y"><name><fi>Yhteystiedot</fi></name></category></data-categories>
    <recipients><recipient><fi>Perintätoimisto.</fi></recipient></recipients>
    <transfers none="true"/>
    <sources><source from-data-subject="true"><fi>Asiakkaalta.</fi></source></sources>
    <retention><rule><period years="6"/></rule></retention>
    <requirement kind="contract-prerequisite"><consequence><fi>Ilman tietoja ei sopimusta.</fi></consequence></requirement>
    <automated-decisions used="false"/>
    <rights><exercise><fi>Lähetä pyyntö osoitteeseen tietosuoja@esimerkki.fi.</fi></exercise></rights>
    <notice-date>2025-02-24</notice-date>
  </register>
</seloste>
)";
    const auto r = seloste::read_source_string_lenient(xml, "test.xml");
    INFO((r.diagnostics.empty() ? std::string() : r.diagnostics.front().message));
    REQUIRE(r.diagnostics.empty());
    const auto whole = of(seloste::check(r.doc, options({lang::fi})), "fact.business-id");
    const auto reg = of(seloste::check_register(r.doc, r.doc.registers.at(0), options({lang::fi})), "fact.business-id");
    for (const auto* fs : {&whole, &reg}) {
        INFO(dump(*fs));
        REQUIRE(fs->size() == 3);
        std::set<int> lines;
        for (const auto& f : *fs) {
            CHECK(f.kind == "vat-number");
            CHECK(in_all(f, "0124461-3"));
            lines.insert(f.where.line);
        }
        CHECK(lines == std::set<int>{11, 16, 21});
    }
}

TEST_CASE("an outdated reference is replaced in the language of its text", "[check][messages]") {
    const std::string fi_name = "Digi- ja väestötietovirasto",
                      sv_name = "Myndigheten för digitalisering och befolkningsdata",
                      en_name = "the Digital and Population Data Services Agency";
    const auto one = [](const std::string& exercise) {
        const auto fs =
            of(run(source("asiakaspalvelu@esimerkki.fi", "06 414 1111", exercise)), "text.outdated-reference");
        INFO(dump(fs));
        REQUIRE(fs.size() == 1);
        return fs[0];
    };
    // A Finnish text: every message suggests the Finnish name; the others explain it in their own language.
    auto f =
        one("<fi>Osoitteet saadaan Väestörekisterikeskukselta.</fi><sv>Skicka din begäran till "
            "tietosuoja@esimerkki.fi.</sv><en>Send your request to tietosuoja@esimerkki.fi.</en>");
    CHECK(f.message_fi.find("Kirjoita tilalle: " + fi_name + ".") != std::string::npos);
    CHECK(f.message_sv.find("Skriv i stället: " + fi_name + " (på svenska: " + sv_name + ").") != std::string::npos);
    CHECK(f.message_en.find("Write instead: " + fi_name + " (in English: " + en_name + ").") != std::string::npos);
    CHECK(f.where.line == 20);
    // A Swedish text: the Swedish name.
    f =
        one("<fi>Lähetä pyyntö osoitteeseen tietosuoja@esimerkki.fi.</fi><sv>Adresserna fås från "
            "Befolkningsregistercentralen.</sv><en>Send your request to tietosuoja@esimerkki.fi.</en>");
    CHECK(f.message_fi.find("Kirjoita tilalle: " + sv_name + " (suomeksi: " + fi_name + ").") != std::string::npos);
    CHECK(f.message_sv.find("Skriv i stället: " + sv_name + ".") != std::string::npos);
    CHECK(f.message_en.find("Write instead: " + sv_name + " (in English: " + en_name + ").") != std::string::npos);
    // An English text: the English name.
    f =
        one("<fi>Lähetä pyyntö osoitteeseen tietosuoja@esimerkki.fi.</fi><sv>Skicka din begäran till "
            "tietosuoja@esimerkki.fi.</sv><en>Addresses come from the Population Register Centre.</en>");
    CHECK(f.message_fi.find("Kirjoita tilalle: " + en_name + " (suomeksi: " + fi_name + ").") != std::string::npos);
    CHECK(f.message_sv.find("Skriv i stället: " + en_name + " (på svenska: " + sv_name + ").") != std::string::npos);
    CHECK(f.message_en.find("Write instead: " + en_name + ".") != std::string::npos);
    // A neutral text in Finnish words: the Finnish name.
    f = one("Osoitteet saadaan Väestörekisterikeskukselta.");
    CHECK(in_all(f, fi_name));
    CHECK(f.message_en.find("(in English: " + en_name + ")") != std::string::npos);
    // A term of every language ("523/1999") in a neutral text: each message in its own language.
    f = one("Laki 523/1999 / Lag 523/1999 / Act 523/1999.");
    CHECK(f.message_fi.find("Kirjoita tilalle: EU:n yleinen tietosuoja-asetus") != std::string::npos);
    CHECK(f.message_sv.find("Skriv i stället: EU:s allmänna dataskyddsförordning") != std::string::npos);
    CHECK(f.message_en.find("Write instead: the EU General Data Protection Regulation") != std::string::npos);
    // ... and in a Swedish text, the Swedish replacement.
    f =
        one("<fi>Lähetä pyyntö osoitteeseen tietosuoja@esimerkki.fi.</fi><sv>Enligt lag 523/1999.</sv><en>Send your "
            "request to tietosuoja@esimerkki.fi.</en>");
    CHECK(in_all(f, "EU:s allmänna dataskyddsförordning och dataskyddslagen (1050/2018)"));
}

TEST_CASE("an outdated term is replaced by the GDPR term of its text's language", "[check][messages]") {
    const std::vector<std::pair<std::string, std::string>> cases{
        {"<fi>Tarkastusoikeutta voi käyttää lähettämällä pyynnön osoitteeseen tietosuoja@esimerkki.fi.</fi>",
         "oikeus saada pääsy tietoihin"},
        {"<sv>Den registeransvarige svarar på begäran, skicka till tietosuoja@esimerkki.fi.</sv>",
         "personuppgiftsansvarig"},
        {"<en>The register controller answers requests sent to tietosuoja@esimerkki.fi.</en>", "controller"},
    };
    for (const auto& [exercise, term] : cases) {
        INFO(exercise);
        const auto fs = of(run(source("asiakaspalvelu@esimerkki.fi", "06 414 1111", exercise), options({lang::fi})),
                           "text.outdated-term");
        INFO(dump(fs));
        REQUIRE(fs.size() == 1);
        CHECK(fs[0].message_fi.find("Kirjoita tilalle: " + term + ".") != std::string::npos);
        CHECK(fs[0].message_sv.find("Skriv i stället: " + term + ".") != std::string::npos);
        CHECK(fs[0].message_en.find("Write instead: " + term + ".") != std::string::npos);
    }
}

TEST_CASE("format_finding speaks fi, sv and en, with English where a message is missing", "[check][messages]") {
    finding f;
    f.rule = "fact.phone";
    f.where = {"x.xml", 3, 7};
    f.message_fi = "Suomeksi.";
    f.message_sv = "På svenska.";
    f.message_en = "In English.";
    CHECK(seloste::format_finding(f, lang::fi) == "x.xml:3:7: error: Suomeksi. [fact.phone]");
    CHECK(seloste::format_finding(f, lang::sv) == "x.xml:3:7: error: På svenska. [fact.phone]");
    CHECK(seloste::format_finding(f, lang::en) == "x.xml:3:7: error: In English. [fact.phone]");
    f.message_sv.clear();
    f.message_fi.clear();
    CHECK(seloste::format_finding(f, lang::sv) == "x.xml:3:7: error: In English. [fact.phone]");
    CHECK(seloste::format_finding(f, lang::fi) == "x.xml:3:7: error: In English. [fact.phone]");
}

TEST_CASE("every message of checks.json is whole in fi, sv and en", "[check][messages]") {
    std::ifstream in(root / "core" / "data" / "checks.json");
    const auto j = nlohmann::json::parse(in);
    const std::regex placeholder(R"(\{([a-z_.]+)\})");
    const auto placeholders = [&](const std::string& s) {
        std::set<std::string> out;
        for (auto it = std::sregex_iterator(s.begin(), s.end(), placeholder); it != std::sregex_iterator(); ++it)
            out.insert((*it)[1].str());
        return out;
    };
    // Parts of other messages (a proposal, suggestions, an explanation), not messages themselves.
    const std::set<std::string> parts{"proposal", "suggestions", "gloss"};
    for (const auto& [rule, r] : j.at("rules").items()) {
        for (const auto& [kind, m] : r.at("messages").items()) {
            INFO(rule << " " << kind);
            for (const char* l : {"fi", "sv", "en"}) {
                INFO(l);
                REQUIRE(m.contains(l));
                const std::string text = m.at(l).get<std::string>();
                CHECK_FALSE(text.empty());
                // The same placeholders in every language, so that no language loses the value or the fix.
                // A Finnish message may take a value in a grammatical case: {lang_ine} is {lang} in the
                // inessive ("ruotsinkielisessä tekstissä"), filled in by the check.
                const auto en = placeholders(m.at("en").get<std::string>());
                std::set<std::string> here;
                for (const auto& p : placeholders(text)) {
                    const auto cut = p.rfind('_');
                    const bool inflected = std::string(l) == "fi" && cut != std::string::npos && p.size() - cut == 4 &&
                                           en.count(p.substr(0, cut)) && !en.count(p);
                    here.insert(inflected ? p.substr(0, cut) : p);
                }
                CHECK(here == en);
                if (parts.count(kind)) continue;
                // A message is sentences: it names the problem, then the fix.
                const char last = text.back();
                CHECK((last == '.' || text.ends_with("{message}") || text.ends_with("{proposal}") ||
                       text.ends_with("{suggestions}")));
            }
        }
    }
}

#ifdef SELOSTE_CLI

namespace {

using test_support::command_result;

// Runs `seloste ARGS` with exactly the locale variables given (the others unset); stdout and stderr.
command_result cli(const std::string& env, const std::string& args) {
    const std::string cmd =
        "env -u LC_ALL -u LC_MESSAGES -u LANG -u LANGUAGE " + env + " '" + SELOSTE_CLI + "' " + args + " 2>&1";
    return test_support::run_command(cmd);
}

}  // namespace

TEST_CASE("seloste check prints messages in --message-lang, else the locale's language, else English",
          "[check][messages][cli]") {
    const std::string file =
        "'" + (root / "tests" / "fixtures" / "checks" / "fact.phone" / "bad-prefix--tfn.xml").string() + "'";
    const std::string fi = "Puhelinnumeron ”tfn 06 414 1111”", sv = "Telefonnumret ”tfn 06 414 1111”",
                      en = "The phone number “tfn 06 414 1111”";
    const auto speaks = [&](const command_result& r, const std::string& which) {
        INFO(r.out);
        CHECK(r.status == 1);
        for (const auto* s : {&fi, &sv, &en}) CHECK((r.out.find(*s) != std::string::npos) == (*s == which));
    };
    speaks(cli("", "check " + file), en);
    speaks(cli("LANG=C", "check " + file), en);
    speaks(cli("LANG=C.UTF-8", "check " + file), en);
    speaks(cli("LANG=POSIX", "check " + file), en);
    speaks(cli("LANG=de_DE.UTF-8", "check " + file), en);
    speaks(cli("LANG=fi_FI.UTF-8", "check " + file), fi);
    speaks(cli("LANG=fi", "check " + file), fi);
    speaks(cli("LANG=sv_FI.UTF-8", "check " + file), sv);
    speaks(cli("LANG=sv_SE@euro", "check " + file), sv);
    speaks(cli("LANG=fil_PH.UTF-8", "check " + file), en);  // Filipino is not Finnish
    // LC_ALL, then LC_MESSAGES, then LANG: the first that is set decides.
    speaks(cli("LC_MESSAGES=sv_FI.UTF-8 LANG=fi_FI.UTF-8", "check " + file), sv);
    speaks(cli("LC_ALL=C LC_MESSAGES=sv_FI.UTF-8 LANG=fi_FI.UTF-8", "check " + file), en);
    speaks(cli("LC_ALL=fi_FI.UTF-8 LANG=en_GB.UTF-8", "check " + file), fi);
    speaks(cli("LC_ALL= LANG=sv_FI.UTF-8", "check " + file), sv);
    // --message-lang wins over the locale.
    speaks(cli("LANG=fi_FI.UTF-8", "check --message-lang en " + file), en);
    speaks(cli("LANG=C", "check --message-lang fi " + file), fi);
    speaks(cli("LANG=C", "check --message-lang=sv " + file), sv);
    // The summary follows too.
    CHECK(cli("LANG=C", "check --message-lang fi " + file).out.find("virheitä: 1") != std::string::npos);
    CHECK(cli("LANG=C", "check --message-lang sv " + file).out.find("fel: 1") != std::string::npos);
    // A language the notices do not have is a usage error.
    const auto de = cli("", "check --message-lang de " + file);
    CHECK(de.status == 2);
    CHECK(de.out.find("--message-lang takes fi, sv or en") != std::string::npos);
    CHECK(cli("", "check --message-lang " + file).status == 2);
    // The JSON keeps all three, whatever the language.
    const auto json = cli("LANG=fi_FI.UTF-8", "check --format json --message-lang sv " + file + " 2>/dev/null");
    const auto j = nlohmann::json::parse(json.out.substr(0, json.out.rfind('}') + 1));
    const auto& m = j.at("findings").at(0).at("message");
    CHECK(m.at("fi").get<std::string>().find(fi) == 0);
    CHECK(m.at("sv").get<std::string>().find(sv) == 0);
    CHECK(m.at("en").get<std::string>().find(en) == 0);
    // render and build print the errors that refuse a register in the same language.
    const std::string out =
        (std::filesystem::temp_directory_path() / ("seloste-message-lang-" + std::to_string(::getpid()))).string();
    std::filesystem::remove_all(out);
    speaks(cli("LANG=C", "render --message-lang sv -o '" + out + "/r' " + file), sv);
    speaks(cli("LANG=fi_FI.UTF-8", "build -o '" + out + "/b' " + file), fi);
    std::filesystem::remove_all(out);
    // Every command's help names the option.
    for (const char* c : {"check", "render", "build"})
        CHECK(cli("", std::string(c) + " --help").out.find("--message-lang") != std::string::npos);
}

#endif
