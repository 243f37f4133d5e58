// Rendering the elements of issue 12: controllers' relationships, data-subject groups,
// contact points, VAT numbers, request forms, related notices, public sources, the
// safeguards copy, further processing, special categories and the lead authority;
// in both themes and all three languages, escaped, links only through the strict validator.
#include <catch2/catch.hpp>
#include <regex>
#include <string>

#include "jsonld_support.hpp"
#include "seloste/i18n.hpp"
#include "seloste/render.hpp"
#include "seloste/source.hpp"

using namespace seloste;

namespace {

// Organisations, a person with a visiting address, a contact point, blocks; registers are added per test.
const std::string head = R"XML(<?xml version="1.0" encoding="UTF-8"?>
<seloste version="1">
  <organisation id="a">
    <name>Alfa Oy</name>
    <business-id>0124461-3</business-id>
    <vat-number>FI01244613</vat-number>
    <email>info@alfa.fi</email>
  </organisation>
  <organisation id="b"><name>Beta Oy</name><business-id>2083762-5</business-id></organisation>
  <organisation id="c"><name>Gamma Oy</name></organisation>
  <person id="p">
    <name>Pia Person</name>
    <visiting-address><street>Käyntikatu 7</street><postal-code>00100</postal-code><town>Helsinki</town></visiting-address>
  </person>
  <contact-point id="cs">
    <name><fi>Asiakaspalvelu</fi><sv>Kundtjänst</sv><en>Customer service</en></name>
    <email>palvelu@alfa.fi</email>
    <phone>09 123 4567</phone>
    <web>https://alfa.fi/palvelu</web>
    <request-form>https://alfa.fi/lomake</request-form>
    <visiting-address><street>Palvelutie 1</street><postal-code>00200</postal-code><town>Helsinki</town></visiting-address>
    <postal-address><street>PL 9</street><postal-code>00201</postal-code><town>Helsinki</town></postal-address>
  </contact-point>
)XML";

const std::string tail = R"XML(
    <notice-date>2025-02-22</notice-date>
  </register>
</seloste>
)XML";

const std::string a_purpose = R"XML(<purpose basis="contract"><description>Sopimus</description></purpose>)XML";

std::string source(const std::string& register_attrs, const std::string& body, const std::string& root_extra = "") {
    return head + root_extra + "  <register id=\"r\"" + register_attrs + ">\n    <name>Rekisteri</name>\n" + body +
           tail;
}

std::string render(const source_doc& doc, lang l, const char* theme_name = "default", bool fragment = false) {
    render_options o;
    o.language = l;
    o.fragment = fragment;
    return render_html(doc, doc.registers.front(), load_theme(theme_name), o);
}

std::string render(const std::string& xml, lang l, const char* theme_name = "default", bool fragment = false) {
    return render(read_source_string(xml, "i12.xml"), l, theme_name, fragment);
}

bool has(const std::string& html, const std::string& what) {
    return html.find(what) != std::string::npos;
}

size_t count(const std::string& s, const std::string& what) {
    size_t n = 0;
    for (size_t pos = 0; (pos = s.find(what, pos)) != std::string::npos; pos += what.size()) ++n;
    return n;
}

// The heading of a section: its text between the tags of the heading with that section's id.
std::string section_heading(const std::string& html, const std::string& key, lang l) {
    const std::regex re("id=\"seloste-r-" + std::string(lang_code(l)) + "-" + key + "-h\"[^>]*>([^<]*)<");
    std::smatch m;
    return std::regex_search(html, m, re) ? m[1].str() : std::string();
}

const char* const themes[] = {"default", "layered"};

}  // namespace

TEST_CASE("joint controllers: heading, introduction, Art. 26(3) and the arrangement under its own heading",
          "[render][issue12][controllers]") {
    const std::string xml = source(" controllers=\"joint\"", R"XML(
    <controller ref="a"/>
    <controller ref="b"/>
    <joint-arrangement>Alfa vastaa asiakaspalvelusta.</joint-arrangement>
    )XML" + a_purpose);
    const source_doc doc = read_source_string(xml, "i12.xml");
    const char* heading[] = {"Yhteisrekisterinpitäjät", "Gemensamt personuppgiftsansvariga", "Joint controllers"};
    const char* intro[] = {"Yhteisrekisterinpitäjinä ovat Alfa Oy ja Beta Oy",
                           "Alfa Oy och Beta Oy som gemensamt personuppgiftsansvariga",
                           "Alfa Oy and Beta Oy, as joint controllers"};
    for (const char* th : themes)
        for (bool fragment : {false, true})
            for (lang l : all_langs) {
                INFO(th << " " << lang_code(l) << (fragment ? " fragment" : " page"));
                const std::string html = render(doc, l, th, fragment);
                const auto i = static_cast<size_t>(l);
                CHECK(section_heading(html, "controllers", l) == heading[i]);
                CHECK(has(html, intro[i]));
                CHECK(has(html, message(l, "controllers.joint")));
                // The arrangement under its own heading, one level below the section's.
                const std::string h_sub = fragment ? "h4" : "h3";
                CHECK(has(html, "<" + h_sub + ">" + message(l, "section.joint_arrangement") + "</" + h_sub + ">\n<p>" +
                                    "Alfa vastaa asiakaspalvelusta.</p>"));
            }
}

TEST_CASE("separate controllers: each with its own processing", "[render][issue12][controllers]") {
    const std::string xml = source(" controllers=\"separate\"", R"XML(
    <controller ref="a"><processing><fi>Alfan asiakkaat</fi><sv>Alfas kunder</sv><en>Alfa's customers</en></processing></controller>
    <controller ref="b"><processing><fi>Betan asiakkaat</fi><sv>Betas kunder</sv><en>Beta's customers</en></processing></controller>
    )XML" + a_purpose);
    for (const char* th : themes) {
        const std::string en = render(xml, lang::en, th), fi = render(xml, lang::fi, th);
        INFO(th);
        CHECK(section_heading(en, "controllers", lang::en) == "Controllers");
        CHECK(has(en, message(lang::en, "controllers.separate")));
        // Each processing follows its own controller, before the next one.
        const auto alfa = en.find("Alfa Oy</p>"), alfas = en.find("Alfa&#39;s customers"),
                   beta = en.find("Beta Oy</p>"), betas = en.find("Beta&#39;s customers");
        REQUIRE(alfa != std::string::npos);
        REQUIRE(betas != std::string::npos);
        CHECK(alfa < alfas);
        CHECK(alfas < beta);
        CHECK(beta < betas);
        CHECK(has(en, "Responsible for:</p>\n<p>Alfa&#39;s customers</p>"));
        CHECK(has(fi, "Vastaa käsittelystä:</p>\n<p>Alfan asiakkaat</p>"));
        CHECK_FALSE(has(en, "joint controllers"));
    }
}

TEST_CASE("group: the controller acts for the systems shared by the group companies",
          "[render][issue12][controllers]") {
    const std::string xml = source(" controllers=\"group\"", R"XML(
    <controller ref="a"/>
    <group-company ref="b"/>
    <group-company ref="c"/>
    )XML" + a_purpose);
    CHECK(has(render(xml, lang::en),
              "Alfa Oy acts as the controller for the systems shared by the group companies Beta Oy and Gamma Oy."));
    CHECK(has(render(xml, lang::fi), "Alfa Oy on rekisterinpitäjä konserniyhtiöiden Beta Oy ja Gamma Oy yhteisesti"));
    CHECK(has(render(xml, lang::sv), "för de system som koncernbolagen Beta Oy och Gamma Oy använder gemensamt"));
    CHECK(has(render(xml, lang::en, "layered"), "group companies Beta Oy and Gamma Oy"));
    CHECK(section_heading(render(xml, lang::fi), "controllers", lang::fi) == "Rekisterinpitäjä");
}

TEST_CASE("one controller and several without a relationship render as before", "[render][issue12][controllers]") {
    const std::string single = source("", "<controller ref=\"a\"/>" + a_purpose),
                      several = source("", "<controller ref=\"a\"/><controller ref=\"b\"/>" + a_purpose);
    for (lang l : all_langs) {
        INFO(lang_code(l));
        const std::string one = render(single, l), two = render(several, l);
        CHECK(section_heading(one, "controllers", l) == format_message(l, "section.controllers", {}, {{"count", 1.0}}));
        CHECK(section_heading(two, "controllers", l) == format_message(l, "section.controllers", {}, {{"count", 2.0}}));
        for (const std::string& html : {one, two}) {
            CHECK_FALSE(has(html, "class=\"seloste-statement\""));
            CHECK_FALSE(has(html, message(l, "section.controllers_joint")));
        }
    }
}

namespace {

const std::string groups = R"XML(
    <controller ref="a"/>
    <data-subjects>
      <subject id="cust"><fi>Asiakkaat</fi><sv>Kunder</sv><en>Customers</en></subject>
      <subject id="contacts"><fi>Yhteyshenkilöt</fi><en>Contact persons</en></subject>
      <subject id="all"><fi>Muut</fi><sv>Övriga</sv><en>Others</en></subject>
    </data-subjects>
    <purpose basis="contract" subjects="cust contacts"><description>Sopimus</description></purpose>
    <purpose basis="legal-obligation"><description>Kaikkia koskeva</description></purpose>
    <data-categories>
      <category id="name" subjects="cust"><name>Nimi</name></category>
      <category id="email"><name>Sähköposti</name></category>
    </data-categories>
    <sources>
      <source from-data-subject="true" subjects="contacts">Itse</source>
      <source from-data-subject="false">Muualta</source>
    </sources>
    <retention>
      <rule category="name" subjects="cust"><period years="2"/></rule>
      <rule category="email"><period years="1"/></rule>
    </retention>
)XML";

}  // namespace

TEST_CASE("data-subject groups: what applies to some groups says which, in the language's list format",
          "[render][issue12][subjects]") {
    const std::string xml = source("", groups);
    for (const char* th : themes) {
        INFO(th);
        const std::string fi = render(xml, lang::fi, th), sv = render(xml, lang::sv, th),
                          en = render(xml, lang::en, th);
        // The a_purpose for two groups, the category, the source and the retention rule for one each.
        CHECK(count(fi, "<span class=\"seloste-label\">Koskee:</span> Asiakkaat ja Yhteyshenkilöt</p>") == 1);
        CHECK(count(en, "<span class=\"seloste-label\">Applies to:</span> Customers and Contact persons</p>") == 1);
        CHECK(count(en, "<span class=\"seloste-label\">Applies to:</span> Customers</p>") == 2);  // category, rule
        CHECK(count(en, "<span class=\"seloste-label\">Applies to:</span> Contact persons</p>") == 1);  // source
        CHECK(count(en, "class=\"seloste-applies\"") == 4);
        // A group without a Swedish text keeps its own language.
        CHECK(has(sv, "Gäller:</span> Kunder och <span lang=\"fi\">Yhteyshenkilöt</span></p>"));
        // The data-subject list itself as before: each group once, no marker.
        CHECK(count(en, "<p>Others</p>") == 1);
    }
    // No subjects= anywhere: nothing changes.
    const std::string plain = render(source("", "<controller ref=\"a\"/>" + a_purpose), lang::fi);
    CHECK_FALSE(has(plain, "class=\"seloste-applies\""));
    CHECK_FALSE(has(plain, "Koskee"));
}

TEST_CASE("a contact point: name, phone, e-mail, web, request form and addresses", "[render][issue12][contacts]") {
    const std::string xml = source("", "<controller ref=\"a\"/><contact ref=\"cs\"/><contact ref=\"p\"/>" + a_purpose);
    for (const char* th : themes) {
        INFO(th);
        const std::string fi = render(xml, lang::fi, th), en = render(xml, lang::en, th);
        CHECK(has(fi, "<p class=\"seloste-party-name\">Asiakaspalvelu</p>"));
        CHECK(has(en, "<p class=\"seloste-party-name\">Customer service</p>"));
        CHECK(has(fi, "<dt>Pyyntölomake</dt>\n<dd><a href=\"https://alfa.fi/lomake\">https://alfa.fi/lomake</a></dd>"));
        CHECK(has(en, "<dt>Request form</dt>"));
        CHECK(has(fi, "<dt>Käyntiosoite</dt>\n<dd>Palvelutie 1, 00200 Helsinki</dd>"));
        CHECK(has(fi, "<dt>Postiosoite</dt>\n<dd>PL 9, 00201 Helsinki</dd>"));
        CHECK(has(fi, "<a href=\"tel:+35891234567\">09 123 4567</a>"));
        CHECK(has(fi, "<a href=\"mailto:palvelu@alfa.fi\">"));
        CHECK(has(fi, "<a href=\"https://alfa.fi/palvelu\">"));
        // A person's visiting address is labelled as such, not as postal.
        CHECK(has(fi, "<dt>Käyntiosoite</dt>\n<dd>Käyntikatu 7, 00100 Helsinki</dd>"));
        CHECK(has(en, "<dt>Visiting address</dt>\n<dd>Käyntikatu 7, 00100 Helsinki, Finland</dd>"));
        CHECK(section_heading(fi, "contacts", lang::fi) == message(lang::fi, "section.contacts_point"));
    }
}

TEST_CASE("an organisation's VAT number beside its business ID", "[render][issue12][contacts]") {
    const std::string xml = source("", "<controller ref=\"a\"/>" + a_purpose);
    const char* label[] = {"ALV-numero", "Momsnummer", "VAT number"};
    for (lang l : all_langs) {
        const std::string html = render(xml, l);
        INFO(lang_code(l));
        CHECK(has(html, "<dd>0124461-3</dd>\n<dt>" + std::string(label[static_cast<size_t>(l)]) +
                            "</dt>\n<dd>FI01244613</dd>"));
    }
}

TEST_CASE("the rights' request form is a link; a target the validator refuses is not", "[render][issue12][links]") {
    const std::string xml = source("", "<controller ref=\"a\"/>" + a_purpose + R"XML(
    <rights><exercise>Kirjoita meille.</exercise><request-form>https://alfa.fi/pyynto?a=1&amp;b=2</request-form></rights>
    )XML");
    source_doc doc = read_source_string(xml, "i12.xml");
    for (lang l : all_langs) {
        const std::string html = render(doc, l);
        INFO(lang_code(l));
        CHECK(
            has(html, "<a href=\"https://alfa.fi/pyynto?a=1&amp;b=2\">" + message(l, "rights.request_form") + "</a>"));
    }
    // The view validates on its own, whatever reached the model.
    doc.registers.front().rights->request_form = "javascript:alert(1)";
    const std::string html = render(doc, lang::fi);
    CHECK_FALSE(has(html, "href=\"javascript"));
    CHECK(has(html, "Tee pyyntösi verkkolomakkeella: javascript:alert(1)"));
    // Without an <exercise>, the request form still stands under its own heading.
    doc.registers.front().rights->exercise = text{};
    doc.registers.front().rights->request_form = "https://alfa.fi/lomake";
    CHECK(has(render(doc, lang::en), "<h3>How to use your rights</h3>\n<p class=\"seloste-request-form\">"));
}

TEST_CASE("related notices: links with their own texts, in their own section", "[render][issue12][links]") {
    const std::string xml = source("", "<controller ref=\"a\"/>" + a_purpose + R"XML(
    <related href="https://alfa.fi/ilmoituskanava"><fi>Ilmoituskanavan seloste</fi><sv>Visselblåsarkanalens beskrivning</sv><en>Whistleblowing notice</en></related>
    <related href="https://datahub.fi/tietosuoja"><fi>Datahubin seloste</fi><en>Datahub's notice</en></related>
    )XML");
    source_doc doc = read_source_string(xml, "i12.xml");
    const char* title[] = {"Liittyvät tietosuojaselosteet", "Relaterade dataskyddsbeskrivningar", "Related notices"};
    for (const char* th : themes)
        for (lang l : all_langs) {
            INFO(th << " " << lang_code(l));
            const std::string html = render(doc, l, th);
            CHECK(section_heading(html, "related", l) == title[static_cast<size_t>(l)]);
        }
    CHECK(has(render(doc, lang::en), "<li><a href=\"https://alfa.fi/ilmoituskanava\">Whistleblowing notice</a></li>"));
    CHECK(has(render(doc, lang::sv),
              "<a href=\"https://datahub.fi/tietosuoja\"><span lang=\"fi\">Datahubin seloste</span></a>"));
    doc.registers.front().related.front().href = "javascript:alert(1)";
    const std::string html = render(doc, lang::en);
    CHECK_FALSE(has(html, "href=\"javascript"));
    CHECK(has(html, "<li>Whistleblowing notice (javascript:alert(1))</li>"));
    // No related notices: no section.
    CHECK_FALSE(has(render(source("", "<controller ref=\"a\"/>" + a_purpose), lang::fi), "-related-h"));
}

TEST_CASE("public sources, the safeguards copy and further processing", "[render][issue12]") {
    const std::string xml = source("", "<controller ref=\"a\"/>" + a_purpose + R"XML(
    <further-processing><fi>Tilastointi nimettömänä.</fi><sv>Anonym statistik.</sv><en>Anonymous statistics.</en></further-processing>
    <transfers>
      <transfer country="US" safeguard="scc-2021"><description>Palvelin</description></transfer>
      <safeguards-copy><fi>Pyydä jäljennös tietosuojavastaavalta.</fi><sv>Be dataskyddsombudet om en kopia.</sv><en>Ask the DPO for a copy.</en></safeguards-copy>
    </transfers>
    <sources>
      <source from-data-subject="false" public="true">Kaupparekisteri</source>
      <source from-data-subject="false">Luottotietorekisteri</source>
    </sources>
    )XML");
    const char* marker[] = {"Yleisesti saatavilla oleva lähde", "Allmänt tillgänglig källa",
                            "Publicly accessible source"};
    const char* copy[] = {"Jäljennös suojatoimista:</p>\n<p>Pyydä jäljennös tietosuojavastaavalta.</p>",
                          "Kopia av skyddsåtgärderna:</p>\n<p>Be dataskyddsombudet om en kopia.</p>",
                          "Copy of the safeguards:</p>\n<p>Ask the DPO for a copy.</p>"};
    const char* further[] = {"Tietojen käsittely muuhun tarkoitukseen", "Ytterligare behandling för ett annat ändamål",
                             "Further processing for another purpose"};
    for (const char* th : themes)
        for (lang l : all_langs) {
            INFO(th << " " << lang_code(l));
            const std::string html = render(xml, l, th);
            const auto i = static_cast<size_t>(l);
            // Only the public source carries the marker.
            CHECK(has(html, "<p>Kaupparekisteri</p>\n<p class=\"seloste-public\">" + std::string(marker[i]) + "</p>"));
            CHECK(count(html, "class=\"seloste-public\"") == 1);
            CHECK(has(html, copy[i]));
            CHECK(section_heading(html, "further_processing", l) == further[i]);
        }
    CHECK(has(render(xml, lang::en), "<p>Anonymous statistics.</p>"));
}

TEST_CASE("special categories: Art. 9 with its condition, Art. 10 with its legal ground", "[render][issue12]") {
    const std::string xml = source("", "<controller ref=\"a\"/>" + a_purpose + R"XML(
    <data-categories>
      <category id="health" special="art9" condition="health-care"><name>Terveystiedot</name></category>
      <category id="crime" special="art10"><name>Rikostiedot</name><legal-ground><fi>Laki 123/2020</fi><sv>Lag 123/2020</sv><en>Act 123/2020</en></legal-ground></category>
      <category id="plain"><name>Nimi</name></category>
    </data-categories>
    )XML");
    for (const char* th : themes) {
        INFO(th);
        const std::string fi = render(xml, lang::fi, th), sv = render(xml, lang::sv, th),
                          en = render(xml, lang::en, th);
        CHECK(has(en,
                  "Special category of personal data (Article 9)<br><span class=\"seloste-label\">Condition for "
                  "processing:</span> Preventive or occupational medicine, health or social care (Article 9(2)(h))"));
        CHECK(has(fi, "Erityiseen henkilötietoryhmään kuuluva tieto (9 artikla)"));
        CHECK(has(fi, "(9 artiklan 2 kohdan h alakohta)"));
        CHECK(has(sv, "Särskild kategori av personuppgifter (artikel 9)"));
        CHECK(has(sv, "(artikel 9.2 h)"));
        CHECK(has(en,
                  "Personal data relating to criminal convictions and offences (Article 10)</p>\n"
                  "<p class=\"seloste-label\">Law that authorises the processing:</p>\n<p>Act 123/2020</p>"));
        CHECK(count(en, "class=\"seloste-special\"") == 2);  // not on the plain category
    }
    // Every condition has its text with its own point of Art. 9(2), in every language.
    const std::regex cite[] = {std::regex(R"(\(9 artiklan 2 kohdan [a-j] alakohta\)$)"),
                               std::regex(R"(\(artikel 9\.2 [a-j]\)$)"), std::regex(R"(\(Article 9\(2\)\([a-j]\)\)$)")};
    for (art9_condition c :
         {art9_condition::explicit_consent, art9_condition::employment, art9_condition::vital_interests,
          art9_condition::not_for_profit, art9_condition::made_public, art9_condition::legal_claims,
          art9_condition::substantial_public_interest, art9_condition::health_care, art9_condition::public_health,
          art9_condition::archiving})
        for (lang l : all_langs) {
            const std::string& t = message(l, "condition." + std::string(condition_code(c)));
            INFO(t);
            CHECK(std::regex_search(t, cite[static_cast<size_t>(l)]));
            // The letter is the condition's own: "9(2)(h)" -> h.
            const std::string_view article = condition_article(c);
            const char letter = article[article.size() - 2];
            const std::string tail_of[] = {std::string(" ") + letter + " alakohta)", std::string(" ") + letter + ")",
                                           std::string("(") + letter + "))"};
            CHECK(t.ends_with(tail_of[static_cast<size_t>(l)]));
        }
}

TEST_CASE("a lead supervisory authority replaces the Finnish Ombudsman", "[render][issue12][authority]") {
    const std::string authority_xml = R"XML(
  <supervisory-authority>
    <name><fi>Ruotsin tietosuojaviranomainen</fi><sv>Integritetsskyddsmyndigheten</sv></name>
    <postal-address><street>Box 8114</street><postal-code>104 20</postal-code><town>Stockholm</town><country>SE</country></postal-address>
    <phone>+46 8 657 61 00</phone>
    <email>imy@imy.se</email>
    <web>https://www.imy.se</web>
  </supervisory-authority>
)XML";
    const std::string xml = source("", "<controller ref=\"a\"/>" + a_purpose, authority_xml);
    const char* heading[] = {"Johtava valvontaviranomainen ja oikeus tehdä valitus",
                             "Ansvarig tillsynsmyndighet och rätt att lämna in klagomål",
                             "Lead supervisory authority and the right to lodge a complaint"};
    const char* own_state[] = {"oman jäsenvaltiosi valvontaviranomaiselle",
                               "tillsynsmyndigheten i din egen medlemsstat",
                               "the supervisory authority of your own member state"};
    for (const char* th : themes)
        for (lang l : all_langs) {
            INFO(th << " " << lang_code(l));
            const std::string html = render(xml, l, th);
            const auto i = static_cast<size_t>(l);
            CHECK(section_heading(html, "authority", l) == heading[i]);
            CHECK(has(html, own_state[i]));
            CHECK(has(html, "<a href=\"tel:+4686576100\">+46 8 657 61 00</a>"));
            CHECK(has(html, "<a href=\"mailto:imy@imy.se\">"));
            CHECK(has(html, "<a href=\"https://www.imy.se\">"));
            CHECK(count(seloste::testing::without_json_ld(html), "Box 8114, 104 20 Stockholm") == 1);
            // The Finnish Ombudsman is not named.
            CHECK_FALSE(has(html, authority(l).name));
            CHECK_FALSE(has(html, "tietosuoja@om.fi"));
        }
    // A name missing in English is shown in its own language.
    CHECK(has(render(xml, lang::en), "<p class=\"seloste-party-name\" lang=\"fi\">Ruotsin tietosuojaviranomainen</p>"));
    CHECK(has(render(xml, lang::sv), "<p class=\"seloste-party-name\">Integritetsskyddsmyndigheten</p>"));
    // Without one, the Finnish Ombudsman as before.
    const std::string finnish = render(source("", "<controller ref=\"a\"/>" + a_purpose), lang::fi);
    CHECK(has(finnish, authority(lang::fi).name));
    CHECK(section_heading(finnish, "authority", lang::fi) == message(lang::fi, "section.authority"));
}

TEST_CASE("text of the new elements renders as inert text", "[render][issue12][escape]") {
    const std::string xml = source(" controllers=\"separate\"", R"XML(
    <controller ref="a"><processing>&lt;script&gt;alert(1)&lt;/script&gt;</processing></controller>
    <controller ref="b"><processing>&lt;img src=x onerror=alert(2)&gt;</processing></controller>
    <data-subjects><subject id="s">&lt;b onclick=alert(3)&gt;Ryhmä&lt;/b&gt;</subject></data-subjects>
    <purpose basis="contract" subjects="s"><description>Sopimus</description></purpose>
    <further-processing>&lt;iframe src=x&gt;</further-processing>
    <related href="https://alfa.fi/x">&lt;svg onload=alert(4)&gt;</related>
    )XML");
    for (const char* th : themes)
        for (lang l : all_langs) {
            const std::string page = render(xml, l, th);
            INFO(th << " " << lang_code(l));
            CHECK(has(seloste::testing::json_ld_of(page), "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"));
            const std::string html = seloste::testing::without_json_ld(page);
            for (const char* tag : {"<script", "<img", "<b ", "<iframe", "<svg"}) CHECK_FALSE(has(html, tag));
            CHECK(has(html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
            CHECK(has(html, "&lt;b onclick=alert(3)&gt;Ryhmä&lt;/b&gt;"));
            CHECK(has(html, "&lt;iframe src=x&gt;"));
            CHECK(has(html, "&lt;svg onload=alert(4)&gt;"));
            CHECK(has(html, "<a href=\"https://alfa.fi/x\">&lt;svg"));
        }
}

TEST_CASE("the view's fixture shows every issue-12 part in every theme, language and kind",
          "[render][issue12][fixture]") {
    const source_doc doc = read_source(std::string(SELOSTE_SOURCE_DIR) + "/tests/fixtures/view/all-elements.xml");
    REQUIRE(doc.registers.size() == 3);
    for (const char* th : themes)
        for (bool fragment : {false, true})
            for (lang l : all_langs) {
                INFO(th << " " << lang_code(l) << (fragment ? " fragment" : " page"));
                render_options o;
                o.language = l;
                o.fragment = fragment;
                const std::string joint = render_html(doc, doc.registers[0], load_theme(th), o),
                                  separate = render_html(doc, doc.registers[1], load_theme(th), o),
                                  group = render_html(doc, doc.registers[2], load_theme(th), o);
                CHECK(has(joint, ">" + message(l, "section.controllers_joint") + "<"));
                CHECK(has(joint, message(l, "section.joint_arrangement")));
                CHECK(has(joint, message(l, "label.vat_number")));
                CHECK(has(joint, message(l, "label.request_form")));
                CHECK(has(joint, message(l, "label.visiting_address")));
                CHECK(has(joint, message(l, "rights.request_form") + "</a>"));
                CHECK(has(joint, message(l, "section.related")));
                CHECK(has(joint, message(l, "sources.public")));
                CHECK(has(joint, message(l, "label.safeguards_copy")));
                CHECK(has(joint, message(l, "section.further_processing")));
                CHECK(has(joint, message(l, "special.art9")));
                CHECK(has(joint, message(l, "condition.vital-interests")));
                CHECK(has(joint, message(l, "special.art10")));
                CHECK(has(joint, message(l, "label.legal_ground")));
                CHECK(has(joint, message(l, "section.lead_authority")));
                CHECK(count(joint, message(l, "label.applies_to") + ":") >= 4);
                CHECK(has(separate, message(l, "controllers.separate")));
                CHECK(count(separate, message(l, "label.processing") + ":") == 2);
                CHECK(has(group, "Kotimäen Lämpöverkot Oy"));
                CHECK(has(group, "Kotimäen Lämpöpalvelut Oy"));
                CHECK_FALSE(has(group, message(l, "section.controllers_joint")));
                // The person's visiting address in the group register.
                CHECK(has(group, "Ruukinkatu 4 B"));
            }
}
