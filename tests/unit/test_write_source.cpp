// to_source_xml: every example read, written and read again gives the same model, keeps
// its blocks, references, order and comments; the rule for a changed block section.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "seloste/render.hpp"
#include "seloste/source.hpp"
#include "seloste/writer.hpp"
#include "test_files.hpp"

namespace fs = std::filesystem;
using namespace test_files;
using namespace seloste;

namespace {

size_t count(const std::string& s, const std::string& what) {
    size_t n = 0;
    for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + what.size())) ++n;
    return n;
}

// The number of elements directly under <blocks> (comments and texts aside).
size_t block_children(const std::string& xml) {
    const auto from = xml.find("<blocks>"), to = xml.find("</blocks>");
    if (from == std::string::npos || to == std::string::npos) return 0;
    const std::string inner = xml.substr(from + 8, to - from - 8);
    static const std::regex tag(R"(<!--[\s\S]*?-->|<(/?)[a-z-]+[^>]*?(/?)>)");
    size_t n = 0;
    int depth = 0;
    for (auto it = std::sregex_iterator(inner.begin(), inner.end(), tag); it != std::sregex_iterator(); ++it) {
        const auto& m = *it;
        if (m.str().rfind("<!--", 0) == 0) continue;
        if (m[1].length()) {
            --depth;
        } else {
            if (depth == 0) ++n;
            if (!m[2].length()) ++depth;
        }
    }
    return n;
}

std::vector<fs::path> sources() {
    std::vector<fs::path> out;
    const fs::path root = SELOSTE_SOURCE_DIR;
    for (const auto& dir : {root / "examples", root / "examples" / "python", root / "tests" / "fixtures" / "format",
                            root / "bindings" / "python" / "tests" / "data"}) {
        if (!fs::is_directory(dir)) continue;
        for (const auto& e : fs::directory_iterator(dir))
            if (e.path().extension() == ".xml") out.push_back(e.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::string page(const source_doc& doc, const register_& r, lang l) {
    static const theme th = load_theme("default");
    render_options o;
    o.language = l;
    return render_html(doc, r, th, o);
}

}  // namespace

TEST_CASE("every example read, written and read again is the same source", "[write][round-trip]") {
    const auto files = sources();
    REQUIRE(files.size() >= 6);
    for (const auto& f : files) {
        INFO(f.string());
        const std::string input = slurp(f);
        read_result first = read_source_string_lenient(input, f.string());
        if (!first.diagnostics.empty()) continue;  // a fixture that is meant to fail
        const std::string once = to_source_xml(first.doc);
        const source_doc back = read_source_string(once, f.string());
        // The writer's output is a fixed point.
        CHECK(to_source_xml(back) == once);
        // Blocks, references and comments are kept.
        CHECK(block_children(once) == block_children(input));
        CHECK(count(once, " ref=\"") == count(input, " ref=\""));
        CHECK(count(once, "<!--") == count(input, "<!--"));
        CHECK(back.blocks.size() == first.doc.blocks.size());
        // The same model: the same registers, block references and pages.
        REQUIRE(back.registers.size() == first.doc.registers.size());
        for (size_t i = 0; i < back.registers.size(); ++i) {
            const auto &a = first.doc.registers[i], &b = back.registers[i];
            CHECK(a.id == b.id);
            CHECK(a.block_refs == b.block_refs);
            CHECK(a.relation == b.relation);
            CHECK(a.purposes.size() == b.purposes.size());
            for (size_t k = 0; k < std::min(a.purposes.size(), b.purposes.size()); ++k)
                CHECK(a.purposes[k].block == b.purposes[k].block);
            for (size_t k = 0; k < std::min(a.data_categories.size(), b.data_categories.size()); ++k)
                CHECK(a.data_categories[k].block == b.data_categories[k].block);
            for (lang l : all_langs) CHECK(page(back, b, l) == page(first.doc, a, l));
        }
    }
}

TEST_CASE("the writer keeps the order of a file's elements and its comments", "[write][layout]") {
    const std::string xml = R"(<?xml version="1.0" encoding="UTF-8"?>
<!-- before the root -->
<seloste version="1">
  <!-- the register first -->
  <register id="r">
    <name>Asiakasrekisteri</name>
    <!-- the controller -->
    <controller ref="acme"/>
    <notice-date>2025-01-01</notice-date>
    <!-- purposes after the date -->
    <purpose basis="contract"><description>Laskutus</description></purpose>
    <purpose basis="consent"><description>Uutiskirje</description></purpose>
    <!-- at the end of the register -->
  </register>

  <!-- then the organisation -->
  <organisation id="acme">
    <name>Acme Oy</name>
  </organisation>
  <words lang="fi">Acme</words>
  <!-- at the end -->
</seloste>
)";
    source_doc doc = read_source_string(xml, "layout.xml");
    const std::string out = to_source_xml(doc);
    CAPTURE(out);
    const auto at = [&](const std::string& s) { return out.find(s); };
    CHECK(at("<!-- before the root -->") < at("<seloste"));
    CHECK(at("<!-- the register first -->") < at("<register id=\"r\">"));
    CHECK(at("<register id=\"r\">") < at("<organisation id=\"acme\">"));
    CHECK(at("<organisation id=\"acme\">") < at("<words"));
    CHECK(at("<!-- then the organisation -->") > at("</register>"));
    CHECK(at("<!-- then the organisation -->") < at("<organisation"));
    CHECK(out.find("</register>\n\n  <!-- then the organisation -->") != std::string::npos);
    CHECK(at("<!-- the controller -->") < at("<controller"));
    CHECK(at("<notice-date>") < at("<!-- purposes after the date -->"));
    CHECK(at("<!-- purposes after the date -->") < at("<purpose basis=\"contract\">"));
    CHECK(at("<purpose basis=\"contract\">") < at("<purpose basis=\"consent\">"));
    CHECK(at("<purpose basis=\"consent\">") < at("<!-- at the end of the register -->"));
    CHECK(at("<!-- at the end of the register -->") < at("</register>"));
    CHECK(at("<!-- at the end -->") > at("<words"));
    CHECK(at("<!-- at the end -->") < at("</seloste>"));
    CHECK(to_source_xml(read_source_string(out, "layout.xml")) == out);

    SECTION("elements added in memory go where the canonical order puts them") {
        organisation beta;
        beta.id = "beta";
        beta.name.neutral = "Beta Oy";
        doc.organisations.push_back(beta);
        register_ second = doc.registers[0];
        second.id = "s";
        second.layout = {};
        doc.registers.push_back(second);
        purpose third;
        third.basis = legal_basis::legal_obligation;
        third.description.neutral = "Kirjanpito";
        doc.registers[0].purposes.push_back(third);
        const std::string more = to_source_xml(doc);
        CAPTURE(more);
        const auto m = [&](const std::string& s) { return more.find(s); };
        // After the last of their kind.
        CHECK(m("<organisation id=\"beta\">") > m("<organisation id=\"acme\">"));
        CHECK(m("<organisation id=\"beta\">") < m("<words"));
        CHECK(m("<register id=\"s\">") > m("<register id=\"r\">"));
        CHECK(m("<register id=\"s\">") < m("<!-- then the organisation -->"));
        CHECK(m("<purpose basis=\"legal-obligation\">") > m("<purpose basis=\"consent\">"));
        CHECK(m("<purpose basis=\"legal-obligation\">") < m("<!-- at the end of the register -->"));
        CHECK(count(more, "<!--") == count(out, "<!--"));
        const source_doc again = read_source_string(more, "layout.xml");
        CHECK(again.registers.size() == 2);
        CHECK(again.organisations.size() == 2);
    }
    SECTION("a renamed element keeps its place and comments") {
        doc.registers[0].id = "renamed";
        doc.organisations[0].id = "acme2";
        doc.registers[0].controllers[0].id = "acme2";
        const std::string renamed = to_source_xml(doc);
        CAPTURE(renamed);
        CHECK(renamed.find("<!-- the register first -->\n  <register id=\"renamed\">") != std::string::npos);
        CHECK(renamed.find("<!-- then the organisation -->\n  <organisation id=\"acme2\">") != std::string::npos);
    }
}

namespace {

text plain_text(const char* s) {
    text t;
    t.neutral = s;
    return t;
}

// A source built in memory with every element of issue 12.
source_doc every_new_element() {
    source_doc doc;
    organisation acme;
    acme.id = "acme";
    acme.name = plain_text("Acme Oy");
    acme.business_id = "0124461-3";
    acme.vat_number = "FI01244613";
    doc.organisations.push_back(acme);
    organisation beta = acme;
    beta.id = "beta";
    beta.vat_number.clear();
    doc.organisations.push_back(beta);
    person dpo;
    dpo.id = "dpo";
    dpo.title = plain_text("Tietosuojavastaava");
    dpo.visiting_address = address{plain_text("Käyntikatu 1"), "00100", plain_text("Helsinki"), "FI", {}};
    doc.people.push_back(dpo);
    contact_point cp;
    cp.id = "service";
    cp.name = plain_text("Asiakaspalvelu");
    cp.email = "palvelu@acme.example";
    cp.phone = "+358 9 123 456";
    cp.web = "https://acme.example/";
    cp.request_form = "https://acme.example/pyynto";
    cp.visiting_address = address{plain_text("Katu 1"), "00100", plain_text("Helsinki"), "FI", {}};
    cp.postal_address = address{plain_text("PL 1"), "00101", plain_text("Helsinki"), "FI", {}};
    doc.contact_points.push_back(cp);
    organisation authority;
    authority.name = plain_text("Datainspektionen");
    authority.web = "https://www.imy.se/";
    doc.supervisory_authority = authority;

    register_ r;
    r.id = "joint";
    r.name = plain_text("Asiakasrekisteri");
    r.relation = controllership::joint;
    r.controllers = {ref{"acme", {}, plain_text("Omat asiakkaat")}, ref{"beta", {}, {}}};
    r.joint_arrangement = plain_text("Sopimus");
    r.contacts = {ref{"service", {}, {}}};
    purpose p;
    p.basis = legal_basis::contract;
    p.description = plain_text("Laskutus");
    p.subjects.ids = {"customers", "contacts"};
    r.purposes.push_back(p);
    item customers;
    customers.value = plain_text("Asiakkaat");
    customers.id = "customers";
    item contacts = customers;
    contacts.id = "contacts";
    contacts.value = plain_text("Yhteyshenkilöt");
    r.data_subjects = {customers, contacts};
    data_category health;
    health.id = "health";
    health.name = plain_text("Terveystiedot");
    health.special = special_kind::art9;
    health.condition = art9_condition::health_care;
    health.subjects.ids = {"customers"};
    data_category crimes;
    crimes.id = "crimes";
    crimes.name = plain_text("Rikostiedot");
    crimes.special = special_kind::art10;
    crimes.legal_ground = plain_text("Laki 123/2020");
    r.data_categories = {health, crimes};
    transfers_section t;
    t.safeguards_copy = plain_text("Kopion saa pyytämällä");
    t.items.push_back(transfer{"US", safeguard::scc_2021, plain_text("Pilvipalvelu"), {}});
    r.transfers = t;
    item src;
    src.value = plain_text("Kaupparekisteri");
    src.publicly_accessible = true;
    src.subjects.ids = {"contacts"};
    r.sources = {src};
    retention_rule rule;
    rule.period = duration{3, 0, 0};
    rule.subjects.ids = {"customers"};
    r.retention = {rule};
    rights_section rights;
    rights.exercise = plain_text("Ota yhteyttä");
    rights.request_form = "https://acme.example/pyynto";
    r.rights = rights;
    r.further_processing = plain_text("Tilastot");
    r.related.push_back(related_link{"https://acme.example/ilmoituskanava", {}, plain_text("Ilmoituskanava"), {}});
    r.notice_date = date{2026, 1, 1};
    doc.registers.push_back(r);

    register_ g = r;
    g.id = "group";
    g.relation = controllership::group;
    g.controllers = {ref{"acme", {}, {}}};
    g.group_companies = {ref{"beta", {}, {}}};
    g.joint_arrangement = {};
    doc.registers.push_back(g);
    return doc;
}

}  // namespace

TEST_CASE("the writer writes every element of issue 12", "[write][issue12]") {
    const std::string out = to_source_xml(every_new_element());
    CAPTURE(out);
    for (const char* s : {
             "<vat-number>FI01244613</vat-number>",
             "<person id=\"dpo\">",
             "<visiting-address>\n      <street>Käyntikatu 1</street>",
             "<contact-point id=\"service\">\n    <name>Asiakaspalvelu</name>\n    "
             "<email>palvelu@acme.example</email>\n    <phone>+358 9 123 456</phone>\n    "
             "<web>https://acme.example/</web>\n    <request-form>https://acme.example/pyynto</request-form>\n    "
             "<visiting-address>",
             "<postal-address>\n      <street>PL 1</street>",
             "<supervisory-authority>\n    <name>Datainspektionen</name>\n    <web>https://www.imy.se/</web>\n  "
             "</supervisory-authority>",
             "<register id=\"joint\" controllers=\"joint\">",
             "<controller ref=\"acme\">\n      <processing>Omat asiakkaat</processing>\n    </controller>",
             "<controller ref=\"beta\"/>",
             "<joint-arrangement>Sopimus</joint-arrangement>",
             "<contact ref=\"service\"/>",
             "<purpose basis=\"contract\" subjects=\"customers contacts\">",
             "<subject id=\"customers\">Asiakkaat</subject>",
             "<category id=\"health\" special=\"art9\" condition=\"health-care\" subjects=\"customers\">",
             "<category id=\"crimes\" special=\"art10\">",
             "<legal-ground>Laki 123/2020</legal-ground>",
             "<safeguards-copy>Kopion saa pyytämällä</safeguards-copy>",
             "<source from-data-subject=\"false\" public=\"true\" subjects=\"contacts\">Kaupparekisteri</source>",
             "<rule subjects=\"customers\">",
             "<request-form>https://acme.example/pyynto</request-form>\n    </rights>",
             "<further-processing>Tilastot</further-processing>",
             "<related href=\"https://acme.example/ilmoituskanava\">Ilmoituskanava</related>",
             "<register id=\"group\" controllers=\"group\">",
             "<group-company ref=\"beta\"/>",
         })
        CHECK(out.find(s) != std::string::npos);
    // One controller and no stated relationship: single, without the attribute.
    source_doc one = every_new_element();
    one.registers[1].relation = controllership::single;
    CHECK(to_source_xml(one).find("<register id=\"group\">") != std::string::npos);
}

TEST_CASE("a section that still equals its block is written as a reference, a changed one inline", "[write][blocks]") {
    source_doc doc = every_new_element();
    block sec;
    sec.kind = "security";
    sec.id = "shared-security";
    sec.content.security = security_section{plain_text("Lukitut tilat"), plain_text("Salasanat"), {}};
    doc.blocks.push_back(sec);
    block pur;
    pur.kind = "purpose";
    pur.id = "marketing";
    purpose m;
    m.basis = legal_basis::consent;
    m.description = plain_text("Markkinointi");
    m.block = "marketing";
    pur.content.purposes = {m};
    doc.blocks.push_back(pur);
    block cat;
    cat.kind = "category";
    cat.id = "contact-details";
    data_category k;
    k.id = "contact-details";
    k.name = plain_text("Yhteystiedot");
    k.block = "contact-details";
    cat.content.data_categories = {k};
    doc.blocks.push_back(cat);
    for (auto& r : doc.registers) {
        r.security = sec.content.security;
        r.block_refs["security"] = "shared-security";
        r.purposes.push_back(m);
        r.data_categories.insert(r.data_categories.begin(), k);
    }

    const std::string same = to_source_xml(doc);
    CAPTURE(same);
    CHECK(count(same, "<security ref=\"shared-security\"/>") == 2);
    CHECK(count(same, "<purpose ref=\"marketing\"/>") == 2);
    CHECK(count(same, "<category ref=\"contact-details\"/>") == 2);
    CHECK(same.find("<blocks>\n    <security id=\"shared-security\">\n      <manual>Lukitut tilat</manual>") !=
          std::string::npos);
    CHECK(same.find("<purpose id=\"marketing\" basis=\"consent\">") != std::string::npos);
    CHECK(same.find("<category id=\"contact-details\">\n      <name>Yhteystiedot</name>") != std::string::npos);
    CHECK(count(same, "<manual>") == 1);

    SECTION("a register's changed copy is written inline; the block stays for the others") {
        doc.registers[0].security->manual = plain_text("Kassakaappi");
        doc.registers[0].purposes.back().description = plain_text("Oma markkinointi");
        doc.registers[0].data_categories.front().name = plain_text("Omat yhteystiedot");
        const std::string out = to_source_xml(doc);
        CAPTURE(out);
        CHECK(count(out, "<security ref=\"shared-security\"/>") == 1);
        CHECK(count(out, "<purpose ref=\"marketing\"/>") == 1);
        CHECK(count(out, "<category ref=\"contact-details\"/>") == 1);
        CHECK(out.find("<security>\n      <manual>Kassakaappi</manual>") != std::string::npos);
        CHECK(out.find("<description>Oma markkinointi</description>") != std::string::npos);
        CHECK(out.find("<category id=\"contact-details\">\n        <name>Omat yhteystiedot</name>") !=
              std::string::npos);
        CHECK(out.find("<security id=\"shared-security\">\n      <manual>Lukitut tilat</manual>") != std::string::npos);
    }
    SECTION("a changed block reaches the registers through apply_blocks") {
        doc.blocks[0].content.security->manual = plain_text("Uudet tilat");
        // Without apply_blocks the registers keep their copies, which now differ: inline.
        CHECK(count(to_source_xml(doc), "<security ref=") == 0);
        apply_blocks(doc);
        CHECK(doc.registers[1].security->manual.neutral == "Uudet tilat");
        const std::string out = to_source_xml(doc);
        CHECK(count(out, "<security ref=\"shared-security\"/>") == 2);
        CHECK(count(out, "Uudet tilat") == 1);
    }
    SECTION("apply_blocks with an id applies that block only") {
        doc.registers[0].security->manual = plain_text("Kassakaappi");
        doc.blocks[1].content.purposes[0].description = plain_text("Uusi markkinointi");
        apply_blocks(doc, "marketing");
        CHECK(doc.registers[0].security->manual.neutral == "Kassakaappi");
        CHECK(doc.registers[0].purposes.back().description.neutral == "Uusi markkinointi");
        CHECK(doc.registers[1].purposes.back().description.neutral == "Uusi markkinointi");
        const std::string out = to_source_xml(doc);
        CHECK(count(out, "<purpose ref=\"marketing\"/>") == 2);
        CHECK(count(out, "<security ref=\"shared-security\"/>") == 1);
    }
    SECTION("a section removed from a register is not written, nor its reference") {
        doc.registers[0].security.reset();
        CHECK(count(to_source_xml(doc), "<security ref=\"shared-security\"/>") == 1);
    }
    SECTION("a reference to a block that is gone is written inline") {
        doc.blocks.erase(doc.blocks.begin());
        const std::string out = to_source_xml(doc);
        CHECK(count(out, "<security ref=") == 0);
        CHECK(count(out, "<manual>Lukitut tilat</manual>") == 2);
    }
}

TEST_CASE("a source with every element of issue 12 reads back the same", "[write][issue12][round-trip]") {
    const std::string path = std::string(SELOSTE_SOURCE_DIR) + "/bindings/python/tests/data/issue12.xml";
    const source_doc a = read_source(path);
    const std::string out = to_source_xml(a);
    CAPTURE(out);
    const source_doc b = read_source_string(out, path);
    CHECK(to_source_xml(b) == out);
    CHECK(b.organisations[0].vat_number == "FI01244613");
    REQUIRE(b.people[0].visiting_address);
    CHECK(b.people[0].visiting_address->street.neutral == "Käyntikatu 2");
    REQUIRE(b.contact_points.size() == 1);
    CHECK(b.contact_points[0].request_form == "https://acme.example/pyynto");
    CHECK(b.contact_points[0].postal_address->street.neutral == "PL 1");
    REQUIRE(b.supervisory_authority);
    CHECK(b.supervisory_authority->postal_address->country == "SE");
    REQUIRE(b.blocks.size() == 5);
    CHECK(b.blocks[0].kind == "data-subjects");
    CHECK(b.blocks[1].content.purposes[0].subjects.ids == std::vector<std::string>{"customers"});
    const register_& joint = b.registers[0];
    CHECK(joint.relation == controllership::joint);
    CHECK(joint.block_refs ==
          std::map<std::string, std::string>{{"data-subjects", "people"}, {"retention", "keep"}, {"rights", "rights"}});
    CHECK(joint.purposes[0].subjects.ids == std::vector<std::string>{"customers", "contacts"});
    CHECK(joint.purposes[1].block == "marketing");
    CHECK(joint.data_subjects[1].id == "contacts");
    CHECK(joint.data_categories[0].block == "contact-details");
    CHECK(joint.data_categories[1].special == special_kind::art9);
    CHECK(joint.data_categories[1].condition == art9_condition::health_care);
    CHECK(joint.data_categories[2].legal_ground.by_lang[0] == "Laki 456/2021");
    CHECK(!joint.transfers->safeguards_copy.empty());
    CHECK(joint.sources[1].publicly_accessible);
    CHECK(joint.sources[1].subjects.ids == std::vector<std::string>{"contacts"});
    CHECK(joint.retention[0].subjects.ids == std::vector<std::string>{"customers"});
    CHECK(joint.rights->request_form == "https://acme.example/pyynto");
    CHECK(!joint.further_processing.empty());
    REQUIRE(joint.related.size() == 1);
    CHECK(joint.related[0].href == "https://acme.example/ilmoituskanava");
    CHECK(joint.contacts[0].id == "service");
    const register_& separate = b.registers[1];
    CHECK(separate.relation == controllership::separate);
    CHECK(separate.controllers[1].processing.by_lang[2] == "Its own suppliers");
    const register_& group = b.registers[2];
    CHECK(group.relation == controllership::group);
    CHECK(group.group_companies.size() == 2);
    CHECK(group.retention[0].category_ref == "contact-details");
    CHECK(group.block_refs.count("retention") == 0);
    for (size_t i = 0; i < a.registers.size(); ++i)
        for (lang l : all_langs) CHECK(page(b, b.registers[i], l) == page(a, a.registers[i], l));
    // Every reference and comment of the file is written back.
    const std::string input = slurp(path);
    CHECK(count(out, " ref=\"") == count(input, " ref=\""));
    CHECK(count(out, "<!--") == count(input, "<!--"));
    CHECK(block_children(out) == 5);
}
