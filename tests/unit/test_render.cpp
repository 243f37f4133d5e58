// Rendering: structure, headings, links, and escaping of hostile input.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <regex>

#include "jsonld_support.hpp"
#include "seloste/errors.hpp"
#include "seloste/i18n.hpp"
#include "seloste/render.hpp"
#include "seloste/source.hpp"
#include "theme_impl.hpp"

using namespace seloste;

namespace {

const char* hostile = R"XML(<?xml version="1.0" encoding="UTF-8"?>
<seloste version="1">
  <organisation id="evil">
    <name>Evil &lt;script&gt;alert(1)&lt;/script&gt; "Oy" &amp; 'Co'</name>
    <business-id>2083762-5</business-id>
    <phone>javascript:alert(1)</phone>
    <email>x@y.fi" onmouseover="alert(1)</email>
    <web>javascript:alert(document.cookie)</web>
  </organisation>
  <organisation id="good">
    <name>Good Oy</name>
    <phone>06 324 5111</phone>
    <email>info@good.fi</email>
    <web>https://good.fi/?a=1&amp;b=2</web>
  </organisation>
  <register id="r">
    <name><fi>Rekisteri &lt;img src=x onerror=alert(1)&gt;</fi><en>Register</en></name>
    <controller ref="evil"/>
    <controller ref="good"/>
    <purpose basis="consent"><description>&lt;script&gt;document.write('x')&lt;/script&gt;</description></purpose>
    <cookies>
      <description>Evästeet</description>
      <analytics name="&lt;b&gt;GA&lt;/b&gt;" opt-out="javascript:alert(1)"><description>x</description></analytics>
      <analytics name="Real" opt-out="https://example.com/opt-out?x=&quot;y&quot;"><description>y</description></analytics>
    </cookies>
    <notice-date>2025-02-22</notice-date>
  </register>
</seloste>
)XML";

std::string render_fi(const std::string& xml, bool fragment = false, int base = 0) {
    const source_doc doc = read_source_string(xml, "h.xml");
    render_options o;
    o.fragment = fragment;
    o.heading_base = base;
    return render_html(doc, doc.registers.front(), load_theme("default"), o);
}

std::vector<std::string> all(const std::string& s, const std::regex& re) {
    std::vector<std::string> out;
    for (auto it = std::sregex_iterator(s.begin(), s.end(), re); it != std::sregex_iterator(); ++it)
        out.push_back((*it)[1]);
    return out;
}

}  // namespace

TEST_CASE("hostile text renders as inert text", "[render][escape]") {
    const std::string page = render_fi(hostile);
    // The one JSON-LD script holds the hostile text only as \u escapes (jsonld_support.hpp);
    // the checks below read the page without it.
    CHECK(seloste::testing::json_ld_of(page).find("\\u003cscript\\u003ealert(1)\\u003c/script\\u003e") !=
          std::string::npos);
    const std::string html = seloste::testing::without_json_ld(page);
    // No markup from the source survives.
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("<img") == std::string::npos);
    CHECK(html.find("<b>GA") == std::string::npos);
    CHECK(html.find("onmouseover=\"") == std::string::npos);
    CHECK(html.find("onerror=alert") != std::string::npos);  // as text only, inside an escaped tag
    CHECK(html.find("&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(html.find("&quot;Oy&quot; &amp; &#39;Co&#39;") != std::string::npos);
    // Every link target is http(s), mailto: or tel:, never javascript:.
    const auto hrefs = all(html, std::regex("href=\"([^\"]*)\""));
    REQUIRE_FALSE(hrefs.empty());
    for (const auto& h : hrefs) {
        INFO(h);
        CHECK(std::regex_match(h, std::regex("(#|https://|mailto:|tel:\\+|seloste-).*")));
        CHECK(h.find("javascript") == std::string::npos);
    }
    // The bad values are shown as text, without links.
    CHECK(html.find("javascript:alert(1)") != std::string::npos);
    CHECK(html.find("href=\"javascript") == std::string::npos);
    // The good ones become links, escaped in attributes.
    CHECK(html.find("href=\"tel:+35863245111\"") != std::string::npos);
    CHECK(html.find("href=\"mailto:info@good.fi\"") != std::string::npos);
    CHECK(html.find("href=\"https://good.fi/?a=1&amp;b=2\"") != std::string::npos);
    CHECK(html.find("href=\"https://example.com/opt-out?x=") == std::string::npos);  // quotes in a URL: no link
}

TEST_CASE("escape_html escapes the five characters wherever they stand", "[render][escape]") {
    const auto reference = [](const std::string& s) {
        std::string out;
        for (char c : s) {
            switch (c) {
                case '&': out += "&amp;"; break;
                case '<': out += "&lt;"; break;
                case '>': out += "&gt;"; break;
                case '"': out += "&quot;"; break;
                case '\'': out += "&#39;"; break;
                default: out += c;
            }
        }
        return out;
    };
    // Each special character, and a run of them, at every position around the
    // sixteen-byte steps, in texts of every length up to 40 (ASCII and UTF-8).
    for (const std::string special : {"&", "<", ">", "\"", "'", "<&>\"'"}) {
        for (size_t len = 0; len <= 40; ++len) {
            for (size_t at = 0; at <= len; ++at) {
                std::string s;
                for (size_t i = 0; i < len; ++i)
                    s += i % 7 == 3 ? "\xc3\xa4" : std::string(1, static_cast<char>('a' + i % 26));
                s.insert(std::min(at, s.size()), special);
                INFO("[" << s << "]");
                REQUIRE(escape_html(s) == reference(s));
            }
        }
    }
    CHECK(escape_html("") == "");
    CHECK(escape_html("plain text, nothing to escape at all, longer than sixteen") ==
          "plain text, nothing to escape at all, longer than sixteen");
}

TEST_CASE("a full page has lang, title, one h1 and semantic dates", "[render]") {
    const std::string html = render_fi(hostile);
    CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"fi\">", 0) == 0);
    CHECK(html.find("<title>Tietosuojaseloste: Rekisteri &lt;img") != std::string::npos);
    CHECK(all(html, std::regex("<h1[ >]()")).size() == 1);
    CHECK(html.find("<time datetime=\"2025-02-22\">") != std::string::npos);
    CHECK(html.find("<main") != std::string::npos);
    CHECK(html.find("<nav class=\"seloste-toc\"") != std::string::npos);
}

TEST_CASE("heading levels start at the configured base and never skip", "[render]") {
    for (int base : {1, 2, 3}) {
        const std::string html = render_fi(hostile, base > 1, base);
        const auto levels = all(html, std::regex("<h([1-6])[ >]"));
        REQUIRE_FALSE(levels.empty());
        CHECK(std::stoi(levels.front()) == base);
        int prev = base;
        for (const auto& l : levels) {
            const int n = std::stoi(l);
            CHECK(n >= base);
            CHECK(n <= prev + 1);
            prev = n;
        }
    }
}

TEST_CASE("a fragment is embeddable: no document, no main, own lang", "[render]") {
    const std::string html = render_fi(hostile, true);
    CHECK(html.find("<html") == std::string::npos);
    CHECK(html.find("<main") == std::string::npos);
    CHECK(html.find("<title") == std::string::npos);
    CHECK(html.rfind("<div class=\"seloste\" lang=\"fi\"", 0) == 0);
    CHECK(html.find("<h2 ") != std::string::npos);
    CHECK(html.find("<h1") == std::string::npos);
}

TEST_CASE("a missing translation is shown with its own lang", "[render][i18n]") {
    const source_doc doc = read_source_string(hostile, "h.xml");
    render_options o;
    o.language = lang::sv;
    const std::string html = render_html(doc, doc.registers.front(), load_theme("default"), o);
    CHECK(html.find("<html lang=\"sv\">") != std::string::npos);
    CHECK(html.find("<span lang=\"fi\">Rekisteri &lt;img") != std::string::npos);
}

TEST_CASE("layered inherits the default stylesheet and adds its own rules", "[render][theme]") {
    const theme def = load_theme("default"), lay = load_theme("layered");
    CHECK(lay.stylesheet().rfind(def.stylesheet(), 0) == 0);
    CHECK(lay.stylesheet().size() > def.stylesheet().size());
    CHECK(lay.stylesheet_name() == "seloste-layered.css");
}

TEST_CASE("themes: unknown names and broken templates are errors", "[render][theme]") {
    CHECK_THROWS_AS(load_theme("no-such-theme"), template_error);
    CHECK_NOTHROW(load_theme("default"));
    bool found = false;
    for (const auto& t : list_themes()) found = found || t.name == "default";
    CHECK(found);
}

TEST_CASE("every template of every built-in theme parses", "[render][theme]") {
    // Built-in themes are parsed on first use, so this is where a broken one shows.
    const auto themes = list_themes();
    REQUIRE(themes.size() >= 2);
    for (const auto& t : themes) {
        INFO(t.name);
        const theme th = load_theme(t.name);
        CHECK_NOTHROW(th.internals().page.get());
        CHECK_NOTHROW(th.internals().fragment.get());
        CHECK_NOTHROW(th.internals().index.get());
    }
}

TEST_CASE("a theme folder can extend a built-in theme and override one partial", "[render][theme]") {
    namespace fs = std::filesystem;
    std::string t = (fs::temp_directory_path() / "seloste-theme-XXXXXX").string();
    const fs::path dir = ::mkdtemp(t.data());
    fs::create_directories(dir / "partials");
    std::ofstream(dir / "theme.json") << R"({"name": "mine", "extends": "default"})";
    std::ofstream(dir / "partials" / "text.mustache") << "{{#paras}}<p class=\"mine\">{{p}}</p>{{/paras}}\n";
    const theme th = load_theme(dir.string());
    CHECK(th.name() == "mine");
    CHECK_FALSE(th.stylesheet().empty());  // inherited from default
    const source_doc doc = read_source_string(hostile, "h.xml");
    const std::string html = render_html(doc, doc.registers.front(), th, {});
    CHECK(html.find("<p class=\"mine\">") != std::string::npos);
    CHECK(html.find("<nav class=\"seloste-toc\"") != std::string::npos);  // the rest is default's
    // A broken partial is an error at load time, not an empty page.
    std::ofstream(dir / "partials" / "text.mustache") << "{{#paras}}<p>{{p}}</p>\n";
    CHECK_THROWS_AS(load_theme(dir.string()), template_error);
    fs::remove_all(dir);
}

namespace {

const char* addresses = R"XML(<?xml version="1.0" encoding="UTF-8"?>
<seloste version="1">
  <organisation id="home">
    <name>Koti Oy</name>
    <phone>06 324 5111</phone>
    <visiting-address><street>Kauppakatu 1</street><postal-code>65100</postal-code><town><fi>Vaasa</fi><sv>Vasa</sv></town></visiting-address>
  </organisation>
  <organisation id="abroad">
    <name>Utrikes AB</name>
    <postal-address><street>Drottninggatan 1</street><postal-code>111 51</postal-code><town>Stockholm</town><country>SE</country></postal-address>
  </organisation>
  <register id="r">
    <name>Rekisteri</name>
    <controller ref="home"/>
    <controller ref="abroad"/>
    <purpose basis="consent"><description>Uutiskirje</description></purpose>
    <purpose basis="contract"><description>Sopimus</description></purpose>
    <retention><rule><period days="1"/></rule></retention>
    <notice-date>2025-02-22</notice-date>
  </register>
</seloste>
)XML";

std::string render_in(const std::string& xml, lang l, const char* theme_name = "default") {
    const source_doc doc = read_source_string(xml, "a.xml");
    render_options o;
    o.language = l;
    return render_html(doc, doc.registers.front(), load_theme(theme_name), o);
}

size_t count(const std::string& s, const std::string& what) {
    size_t n = 0;
    for (size_t pos = 0; (pos = s.find(what, pos)) != std::string::npos; pos += what.size()) ++n;
    return n;
}

}  // namespace

TEST_CASE("the authority's addresses appear once, in every language and theme", "[render][authority]") {
    for (const char* th : {"default", "layered"})
        for (lang l : all_langs) {
            // Once on the page: the JSON-LD script (jsonld_support.hpp) names them again, for machines.
            const std::string html = seloste::testing::without_json_ld(render_in(addresses, l, th));
            const authority_info a = authority(l);
            INFO(th << " " << lang_code(l));
            CHECK(count(html, a.visiting_address) == 1);
            CHECK(count(html, a.postal_address) == 1);
        }
}

TEST_CASE("the authority by its own pages: official street names, and the country for readers abroad",
          "[render][authority]") {
    CHECK(authority(lang::fi).visiting_address == "Lintulahdenkuja 4, 00530 Helsinki");
    CHECK(authority(lang::sv).visiting_address == "Fågelviksgränden 4, 00530 Helsingfors");
    CHECK(authority(lang::en).visiting_address == "Lintulahdenkuja 4, 00530 Helsinki, Finland");
    CHECK(authority(lang::fi).postal_address == "PL 800, 00531 Helsinki");
    CHECK(authority(lang::sv).postal_address == "PB 800, 00531 Helsingfors");
    CHECK(authority(lang::en).postal_address == "PL 800, 00531 Helsinki, Finland");
    CHECK(authority(lang::en).phone == "+358 29 566 6700");
    CHECK(authority(lang::fi).phone == "029 566 6700");
    for (lang l : all_langs) CHECK(authority(l).phone_e164 == "+358295666700");
}

TEST_CASE("an organisation's country: on en pages always, on fi and sv pages when abroad", "[render]") {
    const std::string en = render_in(addresses, lang::en), fi = render_in(addresses, lang::fi),
                      sv = render_in(addresses, lang::sv);
    CHECK(en.find("Kauppakatu 1, 65100 Vaasa, Finland") != std::string::npos);
    CHECK(en.find("Drottninggatan 1, 111 51 Stockholm, Sweden") != std::string::npos);
    CHECK(fi.find("Kauppakatu 1, 65100 Vaasa<") != std::string::npos);
    CHECK(fi.find("Drottninggatan 1, 111 51 Stockholm, Ruotsi") != std::string::npos);
    CHECK(sv.find("Kauppakatu 1, 65100 Vasa<") != std::string::npos);
    CHECK(sv.find("Drottninggatan 1, 111 51 Stockholm, Sverige") != std::string::npos);
    // The authority follows the same rule as every organisation.
    CHECK(count(en, ", Finland<") == 3);  // Koti Oy, the authority's two addresses
    CHECK(count(fi, ", Suomi") == 0);
    CHECK(count(sv, ", Finland") == 0);
}

TEST_CASE("standard texts: uniform legal bases, single parentheses, Finland-Swedish units", "[render][i18n]") {
    for (lang l : all_langs) {
        INFO(lang_code(l));
        const std::string html = render_in(addresses, l);
        CHECK(html.find("((") == std::string::npos);
        // Every basis cites its point the same way: "… (Article 6(1)(x))", "(artikel 6.1 x)", "(6 artiklan 1 kohdan x
        // alakohta)".
        const std::regex cite[] = {std::regex(R"(\(6 artiklan 1 kohdan [a-f] alakohta\)$)"),
                                   std::regex(R"(\(artikel 6\.1 [a-f]\)$)"),
                                   std::regex(R"(\(Article 6\(1\)\([a-f]\)\)$)")};
        for (const char* b :
             {"consent", "contract", "legal-obligation", "vital-interests", "public-task", "legitimate-interest"}) {
            const std::string& text = message(l, std::string("basis.") + b);
            INFO(text);
            CHECK(std::regex_search(text, cite[static_cast<size_t>(l)]));
        }
    }
    CHECK(render_in(addresses, lang::sv).find("1 dag<") != std::string::npos);
    CHECK(render_in(addresses, lang::sv).find("dygn") == std::string::npos);
}

TEST_CASE("a Finnish phone number in international form on en pages, as dialled from abroad", "[render]") {
    CHECK(render_in(addresses, lang::en).find(">+358 6 324 5111</a>") != std::string::npos);
    CHECK(render_in(addresses, lang::fi).find(">06 324 5111</a>") != std::string::npos);
    CHECK(render_in(addresses, lang::sv).find(">06 324 5111</a>") != std::string::npos);
    for (lang l : all_langs) CHECK(render_in(addresses, l).find("href=\"tel:+35863245111\"") != std::string::npos);
}
