// The checks of the issue-12 model (docs/checks.md): the controllers' relationship, the texts and
// contact details of the new elements, VAT numbers, Art. 9 explicit consent, copies of transfer
// safeguards, data-subject groups without categories, the lead supervisory authority.
//
// A clean source is read, then its model is changed in place: these tests need no reader of the new
// elements (the fixtures of tests/fixtures/checks exercise the same rules through XML).
#include <algorithm>
#include <catch2/catch.hpp>
#include <string>

#include "seloste/check.hpp"
#include "seloste/source.hpp"

using namespace seloste;

namespace {

check_options fixed_day() {
    check_options o;
    o.today = date{2026, 11, 23};
    return o;
}

const char* clean = R"(<?xml version="1.0" encoding="UTF-8"?>
<seloste version="1">
  <organisation id="esim">
    <name>Esimerkkienergia Oy</name>
    <business-id>0124461-3</business-id>
    <visiting-address><street>Varastotie 5</street><postal-code>60100</postal-code><town>Seinäjoki</town></visiting-address>
    <email>asiakaspalvelu@esimerkki.fi</email>
  </organisation>
  <organisation id="toinen">
    <name>Toinen Oy</name>
    <email>info@toinen.fi</email>
  </organisation>
  <person id="dpo"><title><fi>Tietosuojavastaava</fi></title><email>tietosuoja@esimerkki.fi</email></person>
  <register id="r1">
    <name><fi>Asiakasrekisteri</fi></name>
    <controller ref="esim"/>
    <dpo ref="dpo"/>
    <purpose basis="contract"><description><fi>Asiakassuhteen hoitaminen ja laskutus.</fi></description></purpose>
    <data-subjects><subject><fi>Asiakkaat</fi></subject><subject><fi>Yhteyshenkilöt</fi></subject></data-subjects>
    <data-categories>
      <category id="yhteys"><name><fi>Yhteystiedot</fi></name></category>
      <category id="lasku"><name><fi>Laskutustiedot</fi></name></category>
    </data-categories>
    <recipients><recipient><fi>Perintätoimisto.</fi></recipient></recipients>
    <transfers none="true"/>
    <sources><source from-data-subject="true"><fi>Asiakkaalta itseltään.</fi></source></sources>
    <retention><rule><period years="6"/></rule></retention>
    <requirement kind="contract-prerequisite"><consequence><fi>Ilman tietoja emme voi tehdä sopimusta.</fi></consequence></requirement>
    <automated-decisions used="false"/>
    <rights><exercise><fi>Lähetä pyyntö osoitteeseen tietosuoja@esimerkki.fi.</fi></exercise></rights>
    <notice-date>2025-02-24</notice-date>
  </register>
</seloste>
)";

source_doc base() {
    auto r = read_source_string_lenient(clean, "test.xml");
    REQUIRE(r.diagnostics.empty());
    REQUIRE(r.doc.registers.size() == 1);
    return r.doc;
}

text fi(const std::string& s) {
    text t;
    t.set(lang::fi, s);
    return t;
}

std::vector<finding> of(const std::vector<finding>& fs, const std::string& rule, const std::string& kind = "") {
    std::vector<finding> out;
    std::copy_if(fs.begin(), fs.end(), std::back_inserter(out),
                 [&](const finding& f) { return f.rule == rule && (kind.empty() || f.kind == kind); });
    return out;
}

std::string dump(const std::vector<finding>& fs) {
    std::string out;
    for (const auto& f : fs) out += format_finding(f) + " {" + f.kind + "}\n";
    return out;
}

bool names(const std::vector<finding>& fs, const std::string& needle) {
    return std::any_of(fs.begin(), fs.end(),
                       [&](const finding& f) { return f.message_en.find(needle) != std::string::npos; });
}

void two_controllers(register_& r) {
    ref second;
    second.id = "toinen";
    r.controllers.push_back(second);
}

}  // namespace

TEST_CASE("the base source is clean", "[check][issue12]") {
    const auto fs = check(base(), fixed_day());
    INFO(dump(fs));
    CHECK(fs.empty());
}

TEST_CASE("several controllers must say how they relate", "[check][issue12][controllers]") {
    auto doc = base();
    auto& r = doc.registers[0];
    two_controllers(r);
    r.relation.reset();
    auto fs = of(check(doc, fixed_day()), "gdpr.13.1.a.controller");
    INFO(dump(fs));
    REQUIRE(fs.size() == 1);
    CHECK(fs[0].kind == "relationship-unstated");
    CHECK(fs[0].level == severity::warning);
    CHECK(fs[0].message_en.find("controllers=\"joint\"") != std::string::npos);
    CHECK(fs[0].message_en.find("\"separate\"") != std::string::npos);
    CHECK(fs[0].message_en.find("\"group\"") != std::string::npos);
    CHECK_FALSE(fs[0].message_fi.empty());
    CHECK_FALSE(fs[0].message_sv.empty());
    // An arrangement does not say it either.
    r.joint_arrangement = fi("Kumpikin vastaa omista asiakkaistaan.");
    fs = of(check(doc, fixed_day()), "gdpr.13.1.a.controller");
    REQUIRE(fs.size() == 1);
    CHECK(fs[0].kind == "relationship-unstated");
}

TEST_CASE("only joint controllers are asked for the arrangement", "[check][issue12][controllers]") {
    auto doc = base();
    auto& r = doc.registers[0];
    two_controllers(r);
    r.relation = controllership::joint;
    auto fs = of(check(doc, fixed_day()), "gdpr.13.1.a.controller");
    REQUIRE(fs.size() == 1);
    CHECK(fs[0].kind == "joint-no-arrangement");
    CHECK(fs[0].level == severity::error);
    CHECK(fs[0].article == "26(2)");
    r.joint_arrangement = fi("Esimerkkienergia vastaa rekisteröityjen pyyntöihin.");
    fs = check(doc, fixed_day());
    INFO(dump(fs));
    CHECK(of(fs, "gdpr.13.1.a.controller").empty());
    // Separate controllers need no arrangement.
    r.joint_arrangement = {};
    r.relation = controllership::separate;
    for (auto& c : r.controllers) c.processing = fi("Omien asiakkaidensa tiedot.");
    fs = check(doc, fixed_day());
    INFO(dump(fs));
    CHECK(of(fs, "gdpr.13.1.a.controller").empty());
}

TEST_CASE("an arrangement on a register that is not joint", "[check][issue12][controllers]") {
    auto doc = base();
    auto& r = doc.registers[0];
    r.joint_arrangement = fi("Yhtiöt vastaavat yhdessä.");
    r.joint_arrangement.where = {"test.xml", 40, 5};
    for (auto rel : {controllership::single, controllership::group, controllership::separate}) {
        INFO(controllership_code(rel));
        r.relation = rel;
        if (rel == controllership::separate) {
            two_controllers(r);
            for (auto& c : r.controllers) c.processing = fi("Omien asiakkaidensa tiedot.");
        }
        const auto fs = of(check(doc, fixed_day()), "gdpr.13.1.a.controller");
        INFO(dump(fs));
        REQUIRE(fs.size() == 1);
        CHECK(fs[0].kind == "arrangement-not-joint");
        CHECK(fs[0].level == severity::warning);
        CHECK(fs[0].where.line == 40);
        CHECK(fs[0].message_en.find(std::string(controllership_code(rel))) != std::string::npos);
    }
}

TEST_CASE("separate controllers each say what they answer for", "[check][issue12][controllers]") {
    auto doc = base();
    auto& r = doc.registers[0];
    two_controllers(r);
    r.relation = controllership::separate;
    r.controllers[0].processing = fi("Sähkön myynnin asiakkaat.");
    r.controllers[1].where = {"test.xml", 12, 5};
    const auto fs = of(check(doc, fixed_day()), "gdpr.13.1.a.controller");
    INFO(dump(fs));
    REQUIRE(fs.size() == 1);
    CHECK(fs[0].kind == "separate-no-processing");
    CHECK(fs[0].level == severity::warning);
    CHECK(fs[0].where.line == 12);
    CHECK(fs[0].message_en.find("toinen") != std::string::npos);
}

TEST_CASE("the texts of the new elements get the text checks", "[check][issue12][text]") {
    auto doc = base();
    auto& r = doc.registers[0];
    two_controllers(r);
    r.relation = controllership::separate;
    r.controllers[0].processing = fi("Omat asiakkaat.");
    r.controllers[1].processing = fi("Omat asiakkaat.");
    r.further_processing = fi("Tietoja käytetään myös tilastointiin.");
    r.transfers->none = false;
    transfer t;
    t.country = "US";
    t.guard = safeguard::scc_2021;
    r.transfers->items.push_back(t);
    r.transfers->safeguards_copy = fi("Kopion saa pyytämällä.");
    r.data_categories[1].special = special_kind::art10;
    r.data_categories[1].legal_ground = fi("Rikosrekisterilaki.");
    related_link rl;
    rl.href = "https://www.esimerkki.fi/ilmoituskanava";
    rl.label = fi("Ilmoituskanavan tietosuojaseloste");
    r.related.push_back(rl);
    contact_point cp;
    cp.id = "asiakaspalvelu";
    cp.name = fi("Asiakaspalvelu");
    cp.email = "asiakaspalvelu@esimerkki.fi";
    doc.contact_points.push_back(cp);
    organisation sa;
    sa.name = fi("Integritetsskyddsmyndigheten");
    doc.supervisory_authority = sa;
    doc.people[0].visiting_address = address{fi("Varastotie 5"), "60100", fi("Seinäjoki"), "FI", {}};
    auto o = fixed_day();
    o.langs = {lang::fi, lang::sv};
    o.spelling = false;
    const auto fs = of(check(doc, o), "i18n.missing-translation");
    INFO(dump(fs));
    for (const char* field :
         {"controller[esim]/processing", "controller[toinen]/processing", "further-processing",
          "transfers/safeguards-copy", "data-categories/category[lasku]/legal-ground", "related[1]",
          "contact-point[asiakaspalvelu]/name", "supervisory-authority/name", "person[dpo]/visiting-address/street"}) {
        INFO(field);
        CHECK(names(fs, std::string(field) + " has no text in language sv"));
    }
}

TEST_CASE("outdated references, spelling and invisible characters in the new texts", "[check][issue12][text]") {
    auto doc = base();
    auto& r = doc.registers[0];
    r.further_processing = fi("Tietoja käsitellään henkilötietolain mukaisesti.");
    related_link rl;
    rl.href = "https://www.esimerkki.fi/ilmoituskanava";
    rl.label = fi("Ilmoituskanavan\u202e tietosuojaseloste");
    r.related.push_back(rl);
    r.data_categories[0].special = special_kind::art9;
    r.data_categories[0].condition = art9_condition::health_care;
    r.data_categories[0].legal_ground = fi("Terveydenhuoltolaki ja potilsalaki.");
    contact_point cp;
    cp.id = "asiakaspalvelu";
    cp.name = fi("Mullolan asiakaspalvelu");  // a name: not spelt
    doc.contact_points.push_back(cp);
    const auto fs = check(doc, fixed_day());
    INFO(dump(fs));
    CHECK(names(of(fs, "text.outdated-reference"), "further-processing mentions"));
    CHECK(names(of(fs, "text.invisible-character"), "related[1] contains"));
    CHECK(names(of(fs, "text.spelling"), "“potilsalaki” in data-categories/category[yhteys]/legal-ground"));
    CHECK_FALSE(names(of(fs, "text.spelling"), "Mullolan"));
}

TEST_CASE("contact points, request forms, related links and the authority: facts", "[check][issue12][facts]") {
    auto doc = base();
    auto& r = doc.registers[0];
    contact_point cp;
    cp.id = "asiakaspalvelu";
    cp.name = fi("Asiakaspalvelu");
    cp.email = "asiakaspalvelu at esimerkki.fi";
    cp.phone = "324 5111";
    cp.web = "www.esimerkki.fi";
    cp.request_form = "javascript:alert(1)";
    cp.postal_address = address{fi("PL 26"), "6510", fi("Vaasa"), "FI", {}};
    doc.contact_points.push_back(cp);
    r.contacts.push_back(ref{"asiakaspalvelu", {}, {}});
    r.rights->request_form = "ftp://esimerkki.fi/lomake";
    related_link rl;
    rl.href = "esimerkki.fi/ilmoituskanava";
    rl.label = fi("Ilmoituskanava");
    r.related.push_back(rl);
    organisation sa;
    sa.name = fi("Tillsynsmyndighet");
    sa.email = "imy@@imy.se";
    sa.phone = "08 657 61 00 x";
    sa.web = "imy.se";
    sa.visiting_address = address{fi("Drottninggatan 29"), "", fi("Stockholm"), "SE", {}};
    doc.supervisory_authority = sa;
    for (bool one : {false, true}) {
        INFO((one ? "check_register" : "check"));
        const auto fs = one ? check_register(doc, doc.registers[0], fixed_day()) : check(doc, fixed_day());
        INFO(dump(fs));
        CHECK(names(of(fs, "fact.email"), "(contact-point[asiakaspalvelu]/email)"));
        CHECK(names(of(fs, "fact.phone"), "(contact-point[asiakaspalvelu]/phone)"));
        CHECK(names(of(fs, "fact.url", "no-scheme"), "(contact-point[asiakaspalvelu]/web)"));
        CHECK(names(of(fs, "fact.url", "scheme"), "(contact-point[asiakaspalvelu]/request-form)"));
        CHECK(names(of(fs, "fact.address"), "(contact-point[asiakaspalvelu]/postal-address)"));
        CHECK(names(of(fs, "fact.url", "scheme"), "(rights/request-form)"));
        CHECK(names(of(fs, "fact.url", "no-scheme"), "(related[1]/@href)"));
        CHECK(names(of(fs, "fact.email"), "(supervisory-authority/email)"));
        CHECK(names(of(fs, "fact.phone"), "(supervisory-authority/phone)"));
        CHECK(names(of(fs, "fact.url", "no-scheme"), "(supervisory-authority/web)"));
        CHECK(names(of(fs, "fact.address"), "supervisory-authority/visiting-address"));
        for (const auto& f : fs)
            CHECK(f.register_id == (one || f.message_en.find("related") != std::string::npos ||
                                            f.message_en.find("rights/") != std::string::npos
                                        ? "r1"
                                        : ""));
    }
    // Good values are silent.
    auto& c = doc.contact_points[0];
    c.email = "asiakaspalvelu@esimerkki.fi";
    c.phone = "06 324 5111";
    c.web = "https://www.esimerkki.fi";
    c.request_form = "https://www.esimerkki.fi/tietopyynto";
    c.postal_address->postal_code = "65101";
    r.rights->request_form = "https://www.esimerkki.fi/tietopyynto";
    r.related[0].href = "https://www.esimerkki.fi/ilmoituskanava";
    doc.supervisory_authority.reset();
    const auto fs = check(doc, fixed_day());
    INFO(dump(fs));
    CHECK(fs.empty());
}

TEST_CASE("check_register also checks the group companies", "[check][issue12][facts]") {
    auto doc = base();
    auto& r = doc.registers[0];
    r.relation = controllership::group;
    r.group_companies.push_back(ref{"toinen", {}, {}});
    doc.organisations[1].email = "info(at)toinen.fi";
    const auto fs = check_register(doc, doc.registers[0], fixed_day());
    INFO(dump(fs));
    CHECK(names(of(fs, "fact.email"), "organisation[toinen]/email"));
}

TEST_CASE("VAT numbers: FI and the business ID's eight digits", "[check][issue12][facts]") {
    auto doc = base();
    auto& o = doc.organisations[0];  // business ID 0124461-3
    o.vat_number_where = {"test.xml", 7, 5};
    auto vat = [&](const std::string& v) {
        o.vat_number = v;
        return of(check(doc, fixed_day()), "fact.vat-number");
    };
    CHECK(vat("FI01244613").empty());
    auto fs = vat("FI09740080");  // a valid VAT number, but not this business ID's
    REQUIRE(fs.size() == 1);
    CHECK(fs[0].kind == "business-id-mismatch");
    CHECK(fs[0].level == severity::error);
    CHECK(fs[0].where.line == 7);
    CHECK(fs[0].message_en.find("FI01244613") != std::string::npos);
    CHECK(fs[0].message_fi.find("FI01244613") != std::string::npos);
    CHECK(fs[0].message_sv.find("FI01244613") != std::string::npos);
    for (const char* bad : {"01244613", "FI0124461", "FI 0124 4613", "fi01244613", "0124461-3", "FI012446130"}) {
        INFO(bad);
        fs = vat(bad);
        REQUIRE(fs.size() == 1);
        CHECK(fs[0].kind == "format");
        CHECK(fs[0].message_en.find("“FI01244613”") != std::string::npos);  // the fix, from the business ID
    }
    // Without a business ID: the digits must still be a business ID with its check digit.
    o.business_id.clear();
    CHECK(vat("FI01244613").empty());
    fs = vat("FI01244614");
    REQUIRE(fs.size() == 1);
    CHECK(fs[0].kind == "check-digit");
    fs = vat("FI0124461");
    REQUIRE(fs.size() == 1);
    CHECK(fs[0].kind == "format");
    CHECK(fs[0].message_en.find("FI01244613") == std::string::npos);  // nothing to propose
    // A foreign organisation's own VAT number is not a Finnish one.
    o.visiting_address->country = "SE";
    CHECK(vat("SE556677889901").empty());
    CHECK(vat("FI0124461").size() == 1);
}

TEST_CASE("explicit consent for a special category needs a consent purpose", "[check][issue12][art9]") {
    auto doc = base();
    auto& r = doc.registers[0];
    auto& c = r.data_categories[0];
    c.special = special_kind::art9;
    c.condition = art9_condition::explicit_consent;
    c.where = {"test.xml", 30, 7};
    auto fs = of(check(doc, fixed_day()), "gdpr.9.2.a.explicit-consent");
    REQUIRE(fs.size() == 1);
    CHECK(fs[0].level == severity::warning);
    CHECK(fs[0].article == "9(2)(a)");
    CHECK(fs[0].where.line == 30);
    CHECK(fs[0].message_en.find("yhteys") != std::string::npos);
    purpose p;
    p.basis = legal_basis::consent;
    p.description = fi("Terveystietojen käsittely suostumuksella.");
    r.purposes.push_back(p);
    CHECK(of(check(doc, fixed_day()), "gdpr.9.2.a.explicit-consent").empty());
    r.purposes.pop_back();
    c.condition = art9_condition::health_care;
    CHECK(of(check(doc, fixed_day()), "gdpr.9.2.a.explicit-consent").empty());
}

TEST_CASE("SCC and BCR transfers say how to obtain a copy", "[check][issue12][transfers]") {
    auto doc = base();
    auto& tr = *doc.registers[0].transfers;
    tr.none = false;
    tr.where = {"test.xml", 25, 5};
    transfer t;
    t.country = "US";
    t.guard = safeguard::adequacy;
    tr.items.push_back(t);
    CHECK(of(check(doc, fixed_day()), "gdpr.13.1.f.safeguard").empty());
    for (auto g : {safeguard::scc_2021, safeguard::bcr}) {
        INFO(safeguard_code(g));
        tr.items.push_back(t);
        tr.items.back().guard = g;
        tr.items.back().country = "IN";
        const auto fs = of(check(doc, fixed_day()), "gdpr.13.1.f.safeguard");
        REQUIRE(fs.size() == 1);
        CHECK(fs[0].kind == "no-copy");
        CHECK(fs[0].level == severity::warning);
        CHECK(fs[0].article == "13(1)(f)");
        CHECK(fs[0].where.line == 25);
        CHECK(fs[0].message_en.find("transfers/transfer[2] (IN)") != std::string::npos);
        tr.items.pop_back();
    }
    tr.items.push_back(t);
    tr.items.back().guard = safeguard::scc_2021;
    tr.safeguards_copy = fi("Kopion vakiosopimuslausekkeista saa tietosuojavastaavalta.");
    CHECK(of(check(doc, fixed_day()), "gdpr.13.1.f.safeguard").empty());
}

TEST_CASE("a data-subject group without categories", "[check][issue12][groups]") {
    auto doc = base();
    auto& r = doc.registers[0];
    r.data_subjects[0].id = "asiakkaat";
    r.data_subjects[1].id = "yhteyshenkilot";
    r.data_subjects[1].where = {"test.xml", 20, 29};
    // No category names a group: every category applies to every group.
    CHECK(of(check(doc, fixed_day()), "gdpr.14.1.d.categories").empty());
    r.data_categories[0].subjects.ids = {"asiakkaat"};
    r.data_categories[1].subjects.ids = {"asiakkaat"};
    auto fs = of(check(doc, fixed_day()), "gdpr.14.1.d.categories");
    INFO(dump(fs));
    REQUIRE(fs.size() == 1);
    CHECK(fs[0].kind == "group-without-categories");
    CHECK(fs[0].level == severity::warning);
    CHECK(fs[0].where.line == 20);
    CHECK(fs[0].message_en.find("yhteyshenkilot") != std::string::npos);
    // A category for every group covers it too.
    r.data_categories[1].subjects.ids.clear();
    CHECK(of(check(doc, fixed_day()), "gdpr.14.1.d.categories").empty());
    r.data_categories[1].subjects.ids = {"yhteyshenkilot"};
    CHECK(of(check(doc, fixed_day()), "gdpr.14.1.d.categories").empty());
}

TEST_CASE("a lead supervisory authority answers for a controller abroad", "[check][issue12][authority]") {
    auto doc = base();
    doc.organisations[0].visiting_address->country = "SE";
    doc.organisations[0].visiting_address->postal_code = "111 52";
    CHECK(of(check(doc, fixed_day()), "gdpr.13.2.d.authority").size() == 1);
    organisation sa;
    sa.name = fi("Integritetsskyddsmyndigheten");
    sa.email = "imy@imy.se";
    doc.supervisory_authority = sa;
    const auto fs = check(doc, fixed_day());
    INFO(dump(fs));
    CHECK(of(fs, "gdpr.13.2.d.authority").empty());
    CHECK(fs.empty());
}

TEST_CASE("findings carry their kind, in the JSON too", "[check][issue12][json]") {
    auto doc = base();
    two_controllers(doc.registers[0]);
    doc.registers[0].relation = controllership::joint;
    const auto fs = of(check(doc, fixed_day()), "gdpr.13.1.a.controller");
    REQUIRE(fs.size() == 1);
    CHECK(fs[0].kind == "joint-no-arrangement");
    const std::string json = findings_to_json(fs);
    CHECK(json.find("\"kind\": \"joint-no-arrangement\"") != std::string::npos);
}
