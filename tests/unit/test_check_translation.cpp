// Rule i18n.translation-mismatch (core/src/check_translation*.cpp, core/data/translation-pairs.json):
// the language versions of one text differ in a value (number, e-mail, URL, phone, business ID,
// date, duration), in their paragraphs or list items, or render a term by a known mistranslation.
// Failing and passing texts per kind, and no finding on any clean example or fixture.
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

const fs::path root = fs::path(SELOSTE_SOURCE_DIR);
constexpr const char* rule = "i18n.translation-mismatch";

std::string read(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

seloste::check_options opts() {
    seloste::check_options o;
    o.today = seloste::date{2026, 11, 23};
    o.langs = {seloste::lang::fi, seloste::lang::sv, seloste::lang::en};
    o.spelling = false;
    return o;
}

std::string dump(const std::vector<seloste::finding>& fs) {
    std::string out;
    for (const auto& f : fs) out += seloste::format_finding(f) + " {" + f.kind + "}\n";
    return out;
}

int file_no = 0;

// The findings of the rule with the first purpose's description replaced by `desc`
// (<fi>…</fi><sv>…</sv><en>…</en>), written to a file of its own so that locations resolve.
std::vector<seloste::finding> findings(const std::string& desc) {
    std::string xml = read(root / "tests/fixtures/checks/i18n.missing-translation/good.xml");
    const std::string open = "<purpose basis=\"contract\">\n      <description>";
    const auto at = xml.find(open);
    REQUIRE(at != std::string::npos);
    const auto end = xml.find("</description>", at);
    xml.replace(at + open.size(), end - at - open.size(), desc);
    const fs::path tmp = fs::temp_directory_path() / ("seloste-test-xlate-" + std::to_string(++file_no) + ".xml");
    {
        std::ofstream out(tmp);
        out << xml;
    }
    std::vector<seloste::finding> out;
    for (auto& f : seloste::check_file(tmp.string(), opts()))
        if (f.rule == rule) out.push_back(f);
    fs::remove(tmp);
    return out;
}

std::string tri(const std::string& fi, const std::string& sv, const std::string& en) {
    return "<fi>" + fi + "</fi><sv>" + sv + "</sv><en>" + en + "</en>";
}

// The 1-based column (code points) of `needle` on line 23 (the description's line).
int column_on_23(const std::string& desc, const std::string& needle) {
    const std::string line = "      <description>" + desc + "</description>";
    const size_t at = line.find(needle);
    if (at == std::string::npos) return 0;
    int col = 1;
    for (size_t i = 0; i < at; ++i)
        if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++col;
    return col;
}

}  // namespace

TEST_CASE("translation-mismatch: a different duration is found in the other language, with both values",
          "[check][translation]") {
    const std::string d =
        tri("Säilytämme tiedot 6 vuotta.", "Vi sparar uppgifterna i 6 år.", "We keep the data for 10 years.");
    const auto fs = findings(d);
    INFO(dump(fs));
    REQUIRE(fs.size() == 1);
    const auto& f = fs[0];
    CHECK(f.kind == "value");
    CHECK(f.level == seloste::severity::warning);
    CHECK(f.article.empty());
    CHECK(f.where.line == 23);
    CHECK(f.where.column == column_on_23(d, "10 years"));
    CHECK(f.message_en.find("6 vuotta") != std::string::npos);
    CHECK(f.message_en.find("10 years") != std::string::npos);
    CHECK(f.message_en.find("Finnish") != std::string::npos);
    CHECK(f.message_en.find("English") != std::string::npos);
    CHECK(f.message_en.find("duration") != std::string::npos);
    CHECK(f.message_fi.find("10 years") != std::string::npos);
    CHECK(f.message_sv.find("10 years") != std::string::npos);
}

TEST_CASE("translation-mismatch: values", "[check][translation]") {
    struct c {
        const char *fi, *sv, *en, *found;  // found: the value flagged, empty for none
    };
    const c cases[] = {
        // durations: units and numbers in words
        {"Säilytämme tiedot 6 kuukautta.", "Vi sparar uppgifterna i 6 månader.", "We keep the data for 6 years.",
         "6 years"},
        {"Säilytysaika on 6 kk.", "Lagringstiden är sex månader.", "The retention period is six months.", ""},
        {"Tiedot säilytetään kaksi vuotta.", "Uppgifterna sparas i två år.", "The data are kept for 2 years.", ""},
        {"Tiedot säilytetään 24 kuukautta.", "Uppgifterna sparas i 24 månader.", "The data are kept for 2 years.", ""},
        {"Tiedot säilytetään 14 päivää.", "Uppgifterna sparas i 14 dagar.", "The data are kept for 14 weeks.",
         "14 weeks"},
        // dates in every form
        {"Voimassa 1.1.2020 alkaen.", "Gäller från den 1 januari 2020.", "Valid from 1 January 2020.", ""},
        {"Voimassa 1. tammikuuta 2020 alkaen.", "Gäller från 2020-01-01.", "Valid from January 1, 2020.", ""},
        {"Voimassa 1.1.2020 alkaen.", "Gäller från den 1 januari 2020.", "Valid from 1 January 2021.",
         "1 January 2021"},
        {"Voimassa 1.1.2020 alkaen.", "Gäller från den 1 februari 2020.", "Valid from 1 January 2020.",
         "1 februari 2020"},
        // numbers: thousands and decimals
        {"Noin 1 000 asiakasta.", "Cirka 1 000 kunder.", "About 1,000 customers.", ""},
        {"Noin 1000 asiakasta, 2,5 %.", "Cirka 1 000 kunder, 2,5 %.", "About 1,000 customers, 2.5%.", ""},
        {"Osuus on 2,5 %.", "Andelen är 2,5 %.", "The share is 25%.", "25"},
        {"Noin 1 000 asiakasta.", "Cirka 10 000 kunder.", "About 1,000 customers.", "10 000"},
        // e-mail, web addresses, phone numbers, business IDs
        {"Kirjoita osoitteeseen tietosuoja@esimerkki.fi.", "Skriv till tietosuoja@esimerkki.fi.",
         "Write to tietosuoja@esimerkki.com.", "tietosuoja@esimerkki.com"},
        {"Kirjoita osoitteeseen Tietosuoja@Esimerkki.fi.", "Skriv till tietosuoja@esimerkki.fi.",
         "Write to tietosuoja@esimerkki.fi.", ""},
        {"Katso https://www.esimerkki.fi/tietosuoja.", "Se https://www.esimerkki.fi/sv/dataskydd.",
         "See https://www.esimerkki.com/privacy.", "https://www.esimerkki.com/privacy"},
        {"Katso www.esimerkki.fi.", "Se https://www.esimerkki.fi/.", "See https://esimerkki.fi.", ""},
        // a web address written as its bare domain in another language is the same address
        {"Katso www.esimerkki.fi.", "Besök oss på esimerkki.fi.", "Visit us at Esimerkki.fi.", ""},
        {"Soita puh. 06 414 1111.", "Ring tfn 06-414 1111.", "Call +358 6 414 1111.", ""},
        {"Soita puh. 06 414 1111.", "Ring tfn 06 414 1111.", "Call +358 6 414 1112.", "+358 6 414 1112"},
        {"Y-tunnus 0974008-0.", "FO-nummer 0974008-0.", "Business ID 0974008-1.", "0974008-1"},
        // citations in every language's form, ordinals, list numbering, numbers inside words
        {"Tietosuoja-asetuksen (EU) 2016/679 6 artiklan 1 kohdan f alakohta.",
         "Artikel 6.1 f i dataskyddsförordningen (EU) 2016/679.", "Article 6(1)(f) of the GDPR (EU) 2016/679.", ""},
        {"Tietosuoja-asetuksen 13 ja 14 artikla.", "Artiklarna 13 och 14.", "Articles 13 and 14 of the GDPR.", ""},
        {"Toinen muistutus lähetetään 2. kerralla.", "Den 2:a påminnelsen.", "The 2nd reminder.", ""},
        {"Käsittelemme 1) nimen 2) osoitteen.", "Vi behandlar namn och adress.", "We process the name and address.",
         ""},
        {"B2B-asiakkaat ja 4G-liittymät.", "Företagskunder och mobilabonnemang.",
         "Business customers and mobile subscriptions.", ""},
        {"Asiakirjat vuodelta 2019.", "Handlingar från 2019.", "Documents from 2018.", "2018"},
        {"Voimassa 1.1.2020 alkaen.", "Gäller från 1/1/2020.", "Valid from 1 January 2020.", ""},
        {"Säilytämme tiedot vuoden ajan.", "Vi sparar uppgifterna i ett år.", "We keep the data for a year.", ""},
        {"Säilytämme tiedot puoli vuotta.", "Vi sparar uppgifterna i sex månader.", "We keep the data for 6 months.",
         ""},
        {"Pyynnön voi tehdä kerran vuodessa.", "Begäran kan göras en gång om året.", "You may ask once a year.", ""},
        {"Avoinna klo 9.00–16.00.", "Öppet kl. 9.00–16.00.", "Open 9:00–16:00.", ""},
        {"Maksu on 1,50 €.", "Avgiften är 1,50 €.", "The fee is €1.50.", ""},
        {"Alle 15-vuotiaiden tietoja ei kerätä.", "Uppgifter om barn under 15 år samlas inte in.",
         "We do not collect data on children under 15.", ""},
        {"Vastaamme kuukauden kuluessa; määräaikaa voidaan jatkaa kahdella kuukaudella.",
         "Vi svarar inom en månad; tidsfristen kan förlängas med två månader.",
         "We answer within one month; the period may be extended by two further months.", ""},
        {"Vastaamme kuukauden kuluessa.", "Vi svarar inom en månad.", "We answer within three months.", "three months"},
        {"Salasanassa on vähintään 12 merkkiä.", "Lösenordet har minst 12 tecken.",
         "The password has at least twelve characters.", ""},
        {"Puh. +358 40 123 4567.", "Tfn +358 40 123 4567.", "Tel. +358 (0)40 123 4567.", ""},
        {"Mittaustiedot säilytetään kuusi vuotta (588/2013, 22 §).", "Mätuppgifterna sparas i sex år (588/2013, 22 §).",
         "Metering data are kept for 22 years (588/2013, section 22).", "22 years"},
    };
    for (const c& x : cases) {
        const std::string d = tri(x.fi, x.sv, x.en);
        INFO(d);
        const auto fs = findings(d);
        INFO(dump(fs));
        if (std::string(x.found).empty()) {
            CHECK(fs.empty());
            continue;
        }
        REQUIRE(fs.size() == 1);
        CHECK(fs[0].kind == "value");
        CHECK(fs[0].message_en.find(x.found) != std::string::npos);
        CHECK(fs[0].where.column == column_on_23(d, x.found));
    }
    // Another bare domain is not the same address: the Swedish text lacks it.
    const auto other = findings(tri("Katso www.esimerkki.fi.", "Besök oss på annat.fi.", "Visit us at esimerkki.fi."));
    INFO(dump(other));
    REQUIRE(other.size() == 1);
    CHECK(other[0].kind == "value-missing");
    CHECK(other[0].message_en.find("Swedish") != std::string::npos);
}

TEST_CASE("translation-mismatch: a value written in one language only", "[check][translation]") {
    // In the reference language only: located at the start of the other language's text.
    auto fs = findings(tri("Säilytämme tiedot 6 vuotta.", "Vi sparar uppgifterna i 6 år.", "We keep the data."));
    INFO(dump(fs));
    REQUIRE(fs.size() == 1);
    CHECK(fs[0].kind == "value-missing");
    CHECK(fs[0].message_en.find("6 vuotta") != std::string::npos);
    CHECK(fs[0].where.column ==
          column_on_23(tri("Säilytämme tiedot 6 vuotta.", "Vi sparar uppgifterna i 6 år.", "We keep the data."),
                       "We keep"));
    // In another language only: located at the value.
    fs = findings(tri("Säilytämme tiedot.", "Vi sparar uppgifterna.", "We keep the data for 5 years."));
    INFO(dump(fs));
    REQUIRE(fs.size() == 1);
    CHECK(fs[0].kind == "value-extra");
    CHECK(fs[0].message_en.find("5 years") != std::string::npos);
}

TEST_CASE("translation-mismatch: paragraphs and list items", "[check][translation]") {
    auto fs = findings(tri("Ensimmäinen kappale.\n\nToinen kappale.", "Första stycket.\n\nAndra stycket.",
                           "The first paragraph and the second."));
    INFO(dump(fs));
    REQUIRE(fs.size() == 1);
    CHECK(fs[0].kind == "paragraphs");
    CHECK(fs[0].message_en.find("2") != std::string::npos);
    CHECK(fs[0].message_en.find("1") != std::string::npos);
    fs = findings(tri("Käsittelemme:\n\n- nimen\n\n- osoitteen", "Vi behandlar:\n\n- namn\n\n- adress",
                      "We process:\n\n- the name\n\n- the address\n\n"
                      "\u2022 the phone number"));
    INFO(dump(fs));
    REQUIRE(fs.size() == 1);
    CHECK(fs[0].kind == "paragraphs");
    fs = findings(tri("Käsittelemme:\n\n- nimen\n\n- osoitteen", "Vi behandlar:\n\n- namn\n\n- adress",
                      "We process:\n\n- the name and address\n\nand nothing else."));
    INFO(dump(fs));
    REQUIRE(fs.size() == 1);
    CHECK(fs[0].kind == "list-items");
    CHECK(findings(tri("Yksi.\n\nKaksi.", "Ett.\n\nTvå.", "One.\n\nTwo.")).empty());
}

TEST_CASE("translation-mismatch: known mistranslations", "[check][translation]") {
    const std::string d =
        tri("Y-tunnus 0974008-0.", "FO-nummer 0974008-0.", "Our social security number is 0974008-0.");
    auto fs = findings(d);
    INFO(dump(fs));
    REQUIRE(fs.size() == 1);
    CHECK(fs[0].kind == "pair");
    CHECK(fs[0].where.column == column_on_23(d, "social security number"));
    CHECK(fs[0].message_en.find("Y-tunnus") != std::string::npos);
    CHECK(fs[0].message_en.find("business ID") != std::string::npos);
    // The right rendering is not flagged, nor a text that has both.
    CHECK(findings(tri("Y-tunnus 0974008-0.", "FO-nummer 0974008-0.", "Business ID 0974008-0.")).empty());
    CHECK(findings(tri("Henkilötunnus ja y-tunnus.", "Personbeteckning och FO-nummer.",
                       "Personal identity code and business ID."))
              .empty());
    // The first language names both roles: the other's word for one of them is no mistranslation.
    CHECK(findings(tri("Rekisterinpitäjä käyttää henkilötietojen käsittelijöitä.", "Vi anlitar personuppgiftsbiträden.",
                       "We use processors."))
              .empty());
    CHECK(findings(tri("Tietosuojavastaava; valitus tietosuojavaltuutetulle.", "Dataskyddsombud; klagomål till IMY.",
                       "Data protection officer; complaint to the supervisory authority."))
              .empty());
    CHECK(findings(tri("Asian käsittelijä vastaa.", "Handläggaren svarar.", "The controller answers.")).empty());
}

TEST_CASE("translation-mismatch: every example pair of core/data/translation-pairs.json is flagged",
          "[check][translation]") {
    std::ifstream in(root / "core/data/translation-pairs.json");
    REQUIRE(in);
    const auto data = nlohmann::json::parse(in);
    size_t n = 0;
    for (const auto& e : data.at("pairs")) {
        const std::string a = e.at("a").at("lang"), b = e.at("b").at("lang");
        REQUIRE(!e.at("examples").empty());
        for (const auto& x : e.at("examples")) {
            std::string t[3] = {"Teksti.", "Text.", "Text."};
            const auto slot = [](const std::string& l) { return l == "fi" ? 0 : l == "sv" ? 1 : 2; };
            t[slot(a)] = x.at(a).get<std::string>();
            t[slot(b)] = x.at(b).get<std::string>();
            const auto fs = findings(tri(t[0], t[1], t[2]));
            INFO(e.at("id").get<std::string>() << ": " << t[0] << " | " << t[1] << " | " << t[2] << "\n" << dump(fs));
            CHECK(std::any_of(fs.begin(), fs.end(), [&](const seloste::finding& f) {
                return f.kind == "pair" &&
                       f.message_en.find(e.at("b").at("replacement").get<std::string>()) != std::string::npos;
            }));
            ++n;
        }
    }
    CHECK(n >= 20);
}

TEST_CASE("translation-mismatch: only the languages checked are compared", "[check][translation]") {
    std::string xml = read(root / "tests/fixtures/checks/i18n.missing-translation/good.xml");
    const std::string from = "<en>Managing the customer relationship, invoicing and collection.</en>";
    xml.replace(xml.find(from), from.size(), "<en>Kept for 10 years.</en>");
    const auto doc = seloste::read_source_string(xml, "t.xml");
    auto o = opts();
    o.langs = {seloste::lang::fi};
    for (const auto& f : seloste::check(doc, o)) CHECK(f.rule != rule);
}

TEST_CASE("translation-mismatch: no finding on any example or clean fixture", "[check][translation]") {
    // The triggering fixtures of the citation rules plant a wrong citation into one language
    // version only (and fact.email a disguised address): the language versions then differ,
    // and this rule says so.
    const std::set<std::string> planted{
        "law.act-number/bad.xml",
        "law.act-number/bad-wrong--en.xml",
        "law.act-number/bad-wrong--sv.xml",
        "law.article-exists/bad.xml",
        "law.article-exists/bad-article--en.xml",
        "law.article-exists/bad-paragraph--en.xml",
        "law.article-exists/bad-point--fi-words.xml",
        "law.article-exists/bad-point--sv.xml",
        "law.regulation-number/bad.xml",
        "law.regulation-number/bad-directive.xml",
        "law.regulation-number/bad-wrong--en.xml",
        "law.regulation-number/bad-wrong--sv.xml",
        // A disguised address in one language version only: the other versions have the real one.
        "fact.email/bad-obfuscated-in-text--fi.xml",
        "fact.email/bad-obfuscated-in-text--sv.xml",
        "fact.email/bad-obfuscated-in-text--en.xml",
    };
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(root / "examples"))
        if (e.path().extension() == ".xml") files.push_back(e.path());
    for (const auto& e : fs::recursive_directory_iterator(root / "tests/fixtures"))
        if (e.is_regular_file() && e.path().extension() == ".xml") files.push_back(e.path());
    REQUIRE(files.size() > 100);
    size_t checked = 0;
    std::string mine;
    for (const auto& f : files) {
        if (f.parent_path().filename() == rule && f.filename().string().starts_with("bad")) continue;
        if (planted.contains(f.parent_path().filename().string() + "/" + f.filename().string())) continue;
        std::vector<seloste::finding> found;
        try {
            found = seloste::check_file(f.string(), opts());
        } catch (const std::exception&) {
            continue;  // refused on purpose (fuzz and refusal fixtures)
        }
        ++checked;
        for (const auto& x : found)
            if (x.rule == rule) mine += seloste::format_finding(x) + "\n";
    }
    INFO(mine);
    CHECK(mine.empty());
    CHECK(checked > 100);
}

TEST_CASE("translation-mismatch: defects planted into a clean example are found on their line",
          "[check][translation]") {
    const std::string clean = read(root / "examples/seinajoki.xml");
    struct plant {
        const char *from, *to, *kind;
        int line;
    };
    const plant plants[] = {
        {"vouchers: six years from", "vouchers: ten years from", "value", 264},
        {"verifikationer: sex år från", "verifikationer: sex månader från", "value", 263},
        {"(Accounting Act 1336/1997, chapter 2, section 10)", "(Accounting Act 1336/1997, chapter 2, section 11)",
         "value", 264},
        {"Invoices and other accounting vouchers: six", "Invoices and other accounting vouchers:\n\nsix", "paragraphs",
         264},
        {"The controller's legitimate interest rests", "The controller's justified interest rests", "pair", 322},
    };
    for (const plant& p : plants) {
        INFO(p.to);
        std::string xml = clean;
        const auto at = xml.find(p.from);
        REQUIRE(at != std::string::npos);
        xml.replace(at, std::string(p.from).size(), p.to);
        if (std::string(p.kind) == "pair") {  // the second mention too
            const auto again = xml.find("can be a legitimate interest");
            REQUIRE(again != std::string::npos);
            xml.replace(again, 28, "can be a justified interest");
        }
        const fs::path tmp =
            fs::temp_directory_path() / ("seloste-test-xlate-plant-" + std::to_string(++file_no) + ".xml");
        {
            std::ofstream out(tmp);
            out << xml;
        }
        auto o = opts();
        o.today = seloste::date{2026, 12, 1};
        std::vector<seloste::finding> mine;
        for (auto& f : seloste::check_file(tmp.string(), o))
            if (f.rule == rule) mine.push_back(f);
        fs::remove(tmp);
        INFO(dump(mine));
        REQUIRE(mine.size() >= 1);
        for (const auto& f : mine) {
            CHECK(f.kind == p.kind);
            CHECK(f.where.line == p.line);
        }
    }
}
