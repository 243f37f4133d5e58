// The reader, for what real notices need (issue 12): controllers' relationship, data-subject
// groups, contact points, VAT numbers, related notices, the Art. 9/10/13/14 fields, the lead
// supervisory authority and shared retention, purpose and category blocks.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "reader_fixture.hpp"
#include "seloste/source.hpp"

using namespace seloste;
using namespace reader_fixture;

namespace {

const char* full = R"(<?xml version="1.0" encoding="UTF-8"?>
<seloste version="1">
  <organisation id="a"><name>A Oy</name><business-id>0124461-3</business-id><vat-number>FI01244613</vat-number></organisation>
  <organisation id="b"><name>B Oy</name></organisation>
  <organisation id="c"><name>C Oy</name></organisation>
  <person id="p"><name>Maija</name><visiting-address><street>Katu 2</street><postal-code>00100</postal-code><town>Helsinki</town></visiting-address></person>
  <contact-point id="cs">
    <name><fi>Asiakaspalvelu</fi><en>Customer service</en></name>
    <email>asiakaspalvelu@a.fi</email><phone>+358 9 123</phone><request-form>https://a.fi/pyynto</request-form>
  </contact-point>
  <supervisory-authority><name>Datatilsynet</name><web>https://www.datatilsynet.dk</web></supervisory-authority>
  <blocks>
    <retention id="ret"><rule category="perus" subjects="asiakkaat"><period years="6"/></rule></retention>
    <purpose id="laskutus" basis="contract" subjects="asiakkaat"><description>Laskutus</description></purpose>
    <category id="perus"><name>Perustiedot</name></category>
  </blocks>
  <register id="yhteinen" controllers="joint">
    <name>Yhteinen</name>
    <controller ref="a"/>
    <controller ref="b"><processing>Oma asiakaspalvelu</processing></controller>
    <joint-arrangement>Sopimus</joint-arrangement>
    <contact ref="cs"/>
    <contact ref="p"/>
    <data-subjects><subject id="asiakkaat">Asiakkaat</subject><subject id="yhteyshenkilot">Yhteyshenkilöt</subject><subject>Muut</subject></data-subjects>
    <purpose ref="laskutus"/>
    <purpose basis="consent" subjects="yhteyshenkilot asiakkaat"><description>Uutiskirje</description></purpose>
    <data-categories>
      <category ref="perus"/>
      <category id="terveys" special="art9" condition="explicit-consent" subjects="asiakkaat"><name>Terveys</name></category>
      <category id="rikos" special="art10"><name>Rikokset</name><legal-ground>Laki X</legal-ground></category>
    </data-categories>
    <sources><source from-data-subject="false" public="true" subjects="asiakkaat">VTJ</source></sources>
    <transfers><transfer country="US" safeguard="scc-2021"><description>Pilvi</description></transfer><safeguards-copy>Pyydä</safeguards-copy></transfers>
    <retention ref="ret"/>
    <rights><request-form>https://a.fi/lomake</request-form></rights>
    <further-processing>Tilastot</further-processing>
    <related href="https://a.fi/ilmoituskanava"><fi>Ilmoituskanava</fi><en>Whistleblowing</en></related>
    <notice-date>2026-12-01</notice-date>
  </register>
  <register id="konserni" controllers="group">
    <name>Konserni</name>
    <controller ref="a"/>
    <group-company ref="b"/><group-company ref="c"/>
    <data-categories><category ref="perus"/></data-categories>
    <purpose basis="contract"><description>Järjestelmät</description></purpose>
    <retention ref="ret"/>
    <data-subjects><subject id="asiakkaat">Asiakkaat</subject></data-subjects>
    <notice-date>2026-12-01</notice-date>
  </register>
</seloste>
)";

std::string full_variant(const std::string& from, const std::string& to) {
    std::string s = full;
    const auto pos = s.find(from);
    REQUIRE(pos != std::string::npos);
    s.replace(pos, from.size(), to);
    return s;
}

// The single error of a variant of `full`, as "line:col: message".
std::string only_error(const std::string& xml) {
    const auto d = errors_of(xml);
    if (d.size() != 1) {
        std::string all = std::to_string(d.size()) + " errors:";
        for (const auto& x : d) all += "\n" + x.message;
        return all;
    }
    return std::to_string(d[0].where.line) + ":" + std::to_string(d[0].where.column) + ": " + d[0].message;
}

}  // namespace

TEST_CASE("the new elements of issue 12 read into the model", "[reader][issue12]") {
    const source_doc doc = read_source_string(full, "t.xml");
    CHECK(doc.organisations[0].vat_number == "FI01244613");
    CHECK(doc.organisations[0].vat_number_where.line == 3);
    REQUIRE(doc.people[0].visiting_address);
    CHECK(doc.people[0].visiting_address->street.neutral == "Katu 2");
    CHECK_FALSE(doc.people[0].postal_address);
    REQUIRE(doc.contact_points.size() == 1);
    const contact_point& cp = doc.contact_points[0];
    CHECK(*cp.name.get(lang::en).value == "Customer service");
    CHECK(cp.request_form == "https://a.fi/pyynto");
    CHECK(doc.find_contact_point("cs") == &cp);
    REQUIRE(doc.supervisory_authority);
    CHECK(doc.supervisory_authority->name.neutral == "Datatilsynet");
    CHECK(doc.supervisory_authority->id.empty());

    REQUIRE(doc.blocks.size() == 3);
    CHECK(doc.blocks[0].kind == "retention");
    CHECK(doc.blocks[0].content.retention.size() == 1);
    CHECK(doc.blocks[1].kind == "purpose");
    REQUIRE(doc.blocks[1].content.purposes.size() == 1);
    CHECK(doc.blocks[2].content.data_categories.at(0).id == "perus");
    CHECK(doc.find_block("ret") == &doc.blocks[0]);

    const register_& r = doc.registers[0];
    CHECK(r.relation == controllership::joint);
    CHECK(r.relation_where.line == 17);
    REQUIRE(r.controllers.size() == 2);
    CHECK(r.controllers[0].processing.empty());
    CHECK(r.controllers[1].processing.neutral == "Oma asiakaspalvelu");
    CHECK(r.joint_arrangement.neutral == "Sopimus");
    REQUIRE(r.contacts.size() == 2);
    CHECK(r.contacts[0].id == "cs");
    REQUIRE(r.data_subjects.size() == 3);
    CHECK(r.data_subjects[0].id == "asiakkaat");
    CHECK(r.data_subjects[2].id.empty());
    REQUIRE(r.purposes.size() == 2);
    CHECK(r.purposes[0].block == "laskutus");
    CHECK(r.purposes[0].subjects.ids == std::vector<std::string>{"asiakkaat"});
    CHECK(r.purposes[1].block.empty());
    CHECK(r.purposes[1].subjects.ids == std::vector<std::string>{"yhteyshenkilot", "asiakkaat"});
    REQUIRE(r.data_categories.size() == 3);
    CHECK(r.data_categories[0].block == "perus");
    CHECK(r.data_categories[0].id == "perus");
    CHECK(r.data_categories[1].special == special_kind::art9);
    CHECK(r.data_categories[1].condition == art9_condition::explicit_consent);
    CHECK(condition_article(*r.data_categories[1].condition) == "9(2)(a)");
    CHECK(r.data_categories[2].special == special_kind::art10);
    CHECK(r.data_categories[2].legal_ground.neutral == "Laki X");
    REQUIRE(r.sources.size() == 1);
    CHECK(r.sources[0].publicly_accessible);
    CHECK(r.sources[0].subjects.ids.size() == 1);
    REQUIRE(r.transfers);
    CHECK(r.transfers->safeguards_copy.neutral == "Pyydä");
    REQUIRE(r.retention.size() == 1);
    CHECK(r.retention[0].category_ref == "perus");
    CHECK(r.retention[0].subjects.ids == std::vector<std::string>{"asiakkaat"});
    CHECK(r.block_refs.at("retention") == "ret");
    CHECK(r.block_refs.count("rights") == 0);
    REQUIRE(r.rights);
    CHECK(r.rights->request_form == "https://a.fi/lomake");
    CHECK(r.further_processing.neutral == "Tilastot");
    REQUIRE(r.related.size() == 1);
    CHECK(r.related[0].href == "https://a.fi/ilmoituskanava");
    CHECK(*r.related[0].label.get(lang::en).value == "Whistleblowing");

    const register_& g = doc.registers[1];
    CHECK(g.relation == controllership::group);
    REQUIRE(g.group_companies.size() == 2);
    CHECK(g.group_companies[1].id == "c");
    CHECK(g.block_refs.at("retention") == "ret");
}

TEST_CASE("one controller is single; several without controllers= are unstated", "[reader][issue12]") {
    CHECK(read_source_string(minimal, "t.xml").registers[0].relation == controllership::single);
    const auto two = variant(R"(<controller ref="acme"/>)", R"(<controller ref="acme"/><controller ref="acme2"/>)");
    const auto doc = read_source_string(
        two.substr(0, two.find("  <person")) + R"(  <organisation id="acme2"><name>B</name></organisation>
)" + two.substr(two.find("  <person")),
        "t.xml");
    CHECK_FALSE(doc.registers[0].relation);
}

TEST_CASE("wrong relationships, groups and categories are errors where they stand", "[reader][issue12][errors]") {
    CHECK(only_error(full_variant(R"(controllers="joint")", R"(controllers="yhteinen")")) ==
          "17:27: controllers=\"yhteinen\"; expected single, joint, separate or group");
    CHECK(only_error(
              full_variant(R"(<controller ref="b"><processing>Oma asiakaspalvelu</processing></controller>)", "")) ==
          "17:27: controllers=\"joint\" with 1 <controller>; expected at least two <controller ref=\"…\"/>");
    CHECK(only_error(full_variant(R"(<group-company ref="b"/><group-company ref="c"/>)", "")) ==
          "40:27: controllers=\"group\" lacks <group-company ref=\"…\"/>; expected the group companies whose "
          "shared systems the controller keeps");
    CHECK(only_error(full_variant(R"(<joint-arrangement>)", R"(<group-company ref="c"/><joint-arrangement>)")) ==
          "21:5: <group-company> belongs to a register with controllers=\"group\"; expected controllers=\"group\" "
          "on <register>, or no <group-company>");
    CHECK(only_error(full_variant(R"(subjects="yhteyshenkilot asiakkaat")", R"(subjects="yhteyshenkilot prospektit")"))
              .find("no data-subject group \"prospektit\" in this register") != std::string::npos);
    CHECK(only_error(full_variant(R"( condition="explicit-consent")", "")) ==
          "29:30: <category special=\"art9\"> lacks condition; expected the Art. 9(2) condition that allows it, "
          "e.g. condition=\"explicit-consent\"");
    CHECK(only_error(full_variant(R"(condition="explicit-consent")", R"(condition="consent")"))
              .rfind("29:45: unknown condition \"consent\"", 0) == 0);
    CHECK(only_error(full_variant(R"(<legal-ground>Laki X</legal-ground>)", "")) ==
          "30:7: <category special=\"art10\"> lacks <legal-ground>; expected the law that authorises processing "
          "criminal-offence data (Art. 10)");
    CHECK(only_error(full_variant(R"(<related href="https://a.fi/ilmoituskanava">)", "<related>")) ==
          "37:5: <related> lacks href; expected href=\"https://…\", the address of the related notice");
    CHECK(only_error(full_variant(R"(<contact ref="cs"/>)", R"(<contact ref="cx"/>)")) ==
          "22:14: no person or contact point with id \"cx\"; expected the id of a <person> or <contact-point> "
          "defined in this file");
    CHECK(only_error(full_variant(R"(<purpose ref="laskutus"/>)", R"(<purpose ref="laskutus" basis="consent"/>)")) ==
          "25:29: unknown attribute basis on <purpose ref=\"laskutus\">; expected only ref= (the block holds the "
          "rest)");
    CHECK(only_error(full_variant(R"(<source from-data-subject="false" public="true")",
                                  R"(<source from-data-subject="false" public="yes")"))
              .rfind("32:48: public=\"yes\"", 0) == 0);
}

TEST_CASE("a shared retention block is checked against each register that uses it", "[reader][issue12][errors]") {
    // The second register has no category "perus": the block's category= fails there, once.
    const auto xml = full_variant(R"(<data-categories><category ref="perus"/></data-categories>
    <purpose basis="contract"><description>Järjestelmät</description></purpose>)",
                                  R"(<purpose basis="contract"><description>Järjestelmät</description></purpose>)");
    CHECK(only_error(xml) ==
          "13:31: no data category \"perus\" in this register; expected the id of a <category> under "
          "<data-categories>");
}
