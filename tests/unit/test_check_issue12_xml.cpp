// The issue-12 checks on a source read from XML: each finding points at the element it is about.
#include <algorithm>
#include <catch2/catch.hpp>
#include <string>

#include "seloste/check.hpp"
#include "seloste/source.hpp"

using namespace seloste;

namespace {

// A register: its id, attributes, and its own elements before the common ones.
std::string reg(const std::string& id, const std::string& attrs, const std::string& own) {
    return "  <register id=\"" + id + "\"" + attrs + R"(>
    <name><fi>Asiakasrekisteri</fi></name>
)" + own + R"(    <dpo ref="dpo"/>
    <purpose basis="contract"><description><fi>Asiakassuhteen hoitaminen ja laskutus.</fi></description></purpose>
    <recipients><recipient><fi>Perintätoimisto.</fi></recipient></recipients>
    <sources><source from-data-subject="true"><fi>Asiakkaalta itseltään.</fi></source></sources>
    <retention><rule><period years="6"/></rule></retention>
    <requirement kind="contract-prerequisite"><consequence><fi>Ilman tietoja emme voi tehdä sopimusta.</fi></consequence></requirement>
    <automated-decisions used="false"/>
    <notice-date>2025-02-24</notice-date>
  </register>
)";
}

const std::string xml =
    R"(<?xml version="1.0" encoding="UTF-8"?>
<seloste version="1">
  <organisation id="esim">
    <name>Esimerkkienergia Oy</name>
    <business-id>0974008-0</business-id>
    <vat-number>FI01244613</vat-number>
    <visiting-address><street>Varastotie 5</street><postal-code>60100</postal-code><town>Seinäjoki</town></visiting-address>
    <email>asiakaspalvelu@esimerkki.fi</email>
  </organisation>
  <organisation id="toinen"><name>Toinen Oy</name><email>info@toinen.fi</email></organisation>
  <contact-point id="palvelu">
    <name><fi>Asiakaspalvelu</fi></name>
    <email>asiakaspalvelu(at)esimerkki.fi</email>
  </contact-point>
  <supervisory-authority>
    <name><fi>Tietosuojavaltuutetun toimisto</fi></name>
    <web>tietosuoja.fi</web>
  </supervisory-authority>
  <person id="dpo"><title><fi>Tietosuojavastaava</fi></title><email>tietosuoja@esimerkki.fi</email></person>
)" + reg("unstated", "", R"(    <controller ref="esim"/>
    <controller ref="toinen"/><!-- unstated -->
    <transfers none="true"/>
    <rights><exercise><fi>Lähetä pyyntö osoitteeseen tietosuoja@esimerkki.fi.</fi></exercise></rights>
)") +
    reg("joint", " controllers=\"joint\"", R"(    <controller ref="esim"/>
    <controller ref="toinen"/><!-- joint -->
    <contact ref="palvelu"/>
    <data-subjects>
      <subject id="asiakkaat"><fi>Asiakkaat</fi></subject>
      <subject id="yhteyshenkilot"><fi>Yhteyshenkilöt</fi></subject><!-- group -->
    </data-subjects>
    <data-categories>
      <category id="yhteys" subjects="asiakkaat"><name><fi>Yhteystiedot</fi></name></category>
      <category id="terveys" subjects="asiakkaat" special="art9" condition="explicit-consent"><name><fi>Terveystiedot</fi></name></category>
    </data-categories>
    <transfers><!-- transfers -->
      <transfer country="US" safeguard="scc-2021"><description><fi>Palvelimet.</fi></description></transfer>
    </transfers>
    <rights>
      <exercise><fi>Lähetä pyyntö osoitteeseen tietosuoja@esimerkki.fi.</fi></exercise>
      <request-form>javascript:alert(1)</request-form>
    </rights>
    <further-processing><fi>Tietoja käytetään myös tilastointiin henkilötietolain mukaisesti.</fi></further-processing>
    <related href="www.esimerkki.fi/ilmoituskanava"><fi>Ilmoituskanava</fi></related>
)") +
    reg("single", "", R"(    <controller ref="esim"/>
    <joint-arrangement><fi>Yhtiöt vastaavat yhdessä.</fi></joint-arrangement>
    <transfers none="true"/>
    <rights><exercise><fi>Lähetä pyyntö osoitteeseen tietosuoja@esimerkki.fi.</fi></exercise></rights>
)") +
    reg("separate", " controllers=\"separate\"",
        R"(    <controller ref="esim"><processing><fi>Sähkön myynnin asiakkaat.</fi></processing></controller>
    <controller ref="toinen"/><!-- separate -->
    <transfers none="true"/>
    <rights><exercise><fi>Lähetä pyyntö osoitteeseen tietosuoja@esimerkki.fi.</fi></exercise></rights>
)") +
    "</seloste>\n";

int line_of(const std::string& needle) {
    const auto at = xml.find(needle);
    REQUIRE(at != std::string::npos);
    return 1 + static_cast<int>(std::count(xml.begin(), xml.begin() + static_cast<long>(at), '\n'));
}

const finding& one(const std::vector<finding>& fs, const std::string& rule, const std::string& kind,
                   const std::string& reg_id, const std::string& needle = "") {
    std::vector<const finding*> found;
    for (const auto& f : fs)
        if (f.rule == rule && f.kind == kind && f.register_id == reg_id &&
            (needle.empty() || f.message_en.find(needle) != std::string::npos))
            found.push_back(&f);
    INFO(rule << " " << kind << " in " << reg_id << " " << needle);
    REQUIRE(found.size() == 1);
    return *found.front();
}

}  // namespace

TEST_CASE("issue-12 findings point at their elements", "[check][issue12][xml]") {
    const auto r = read_source_string_lenient(xml, "test.xml");
    INFO((r.diagnostics.empty() ? std::string() : r.diagnostics.front().message));
    REQUIRE(r.diagnostics.empty());
    check_options o;
    o.today = date{2026, 11, 23};
    const auto fs = check(r.doc, o);
    std::string all;
    for (const auto& f : fs) all += format_finding(f) + " {" + f.kind + "}\n";
    INFO(all);
    CHECK(one(fs, "gdpr.13.1.a.controller", "relationship-unstated", "unstated").where.line ==
          line_of("<controller ref=\"toinen\"/><!-- unstated"));
    const int joint = one(fs, "gdpr.13.1.a.controller", "joint-no-arrangement", "joint").where.line;
    CHECK((joint == line_of("<register id=\"joint\"") || joint == line_of("<controller ref=\"toinen\"/><!-- joint")));
    CHECK(one(fs, "gdpr.13.1.a.controller", "arrangement-not-joint", "single").where.line ==
          line_of("<joint-arrangement>"));
    CHECK(one(fs, "gdpr.13.1.a.controller", "separate-no-processing", "separate").where.line ==
          line_of("<controller ref=\"toinen\"/><!-- separate"));
    CHECK(one(fs, "gdpr.14.1.d.categories", "group-without-categories", "joint").where.line ==
          line_of("<subject id=\"yhteyshenkilot\""));
    CHECK(one(fs, "gdpr.9.2.a.explicit-consent", "no-consent-purpose", "joint").where.line ==
          line_of("<category id=\"terveys\""));
    CHECK(one(fs, "gdpr.13.1.f.safeguard", "no-copy", "joint").where.line == line_of("<transfers><!-- transfers"));
    CHECK(one(fs, "fact.url", "scheme", "joint", "rights/request-form").where.line == line_of("<request-form>"));
    CHECK(one(fs, "fact.url", "no-scheme", "joint", "related[1]/@href").where.line == line_of("<related"));
    CHECK(one(fs, "text.outdated-reference", "text", "joint", "further-processing").where.line ==
          line_of("<further-processing>"));
    CHECK(one(fs, "fact.vat-number", "business-id-mismatch", "").where.line == line_of("<vat-number>"));
    // A disguised address is its own kind (issue 13): the message gives the address itself.
    CHECK(one(fs, "fact.email", "obfuscated", "", "contact-point[palvelu]/email").where.line ==
          line_of("asiakaspalvelu(at)"));
    CHECK(one(fs, "fact.email", "obfuscated", "", "contact-point[palvelu]/email")
              .message_en.find("“asiakaspalvelu@esimerkki.fi”") != std::string::npos);
    CHECK(one(fs, "fact.url", "no-scheme", "", "supervisory-authority/web").where.line ==
          line_of("<web>tietosuoja.fi"));
    // check_register names the contact point and the authority against the register.
    const auto joint_only = check_register(r.doc, *r.doc.find_register("joint"), o);
    CHECK(one(joint_only, "fact.email", "obfuscated", "joint", "contact-point[palvelu]/email").where.line ==
          line_of("asiakaspalvelu(at)"));
    CHECK(one(joint_only, "fact.url", "no-scheme", "joint", "supervisory-authority/web").where.line ==
          line_of("<web>tietosuoja.fi"));
}
