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

namespace fs = std::filesystem;
using namespace seloste;

namespace {

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

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
    for (const auto& dir : {root / "examples", root / "examples" / "python", root / "tests" / "fixtures" / "format"}) {
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
    REQUIRE(files.size() >= 5);
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
