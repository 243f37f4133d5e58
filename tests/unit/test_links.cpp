// Web addresses in free text: which become links, where they end, and how they render.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "seloste/facts.hpp"
#include "seloste/render.hpp"
#include "seloste/source.hpp"

using namespace seloste;

namespace {

// The linked addresses of a text, as written.
std::vector<std::string> urls(const std::string& text) {
    std::vector<std::string> out;
    for (const auto& [at, len] : find_web_urls(text)) out.push_back(text.substr(at, len));
    return out;
}

using list = std::vector<std::string>;

}  // namespace

TEST_CASE("web addresses in free text end where the sentence goes on", "[facts][links]") {
    CHECK(urls("See https://example.fi/a.") == list{"https://example.fi/a"});
    CHECK(urls("(https://example.fi/a), then") == list{"https://example.fi/a"});
    CHECK(urls("https://en.wikipedia.org/wiki/Helsinki_(city)") ==
          list{"https://en.wikipedia.org/wiki/Helsinki_(city)"});
    CHECK(urls("osoitteessa http://x.fi/?a=1&b=2; sitten https://y.fi!") ==
          list{"http://x.fi/?a=1&b=2", "https://y.fi"});
    CHECK(urls("”https://x.fi/a” ja «https://y.fi»") == list{"https://x.fi/a", "https://y.fi"});
    CHECK(urls("https://x.fi/a\u00A0b") == list{"https://x.fi/a"});
    CHECK(urls("<https://x.fi/a>") == list{"https://x.fi/a"});
}

TEST_CASE("only strict http(s) addresses become links", "[facts][links]") {
    CHECK(urls("javascript:alert(1) https:// www.example.fi data:text/html,x").empty());
    CHECK(urls("HTTPS://EXAMPLE.FI is shouted").empty());              // the validator takes lower-case schemes only
    CHECK(urls("xhttps://example.fi and https://localhost").empty());  // inside a word; a host without a dot
    CHECK(urls("https://exa\u202Eelpmam.fi/").empty());                // a bidi control disguises the host
    CHECK(urls("https://exa\u200Bmple.fi/").empty());                  // so does a zero-width space
    CHECK_FALSE(is_web_url("https://exa\u202Eelpmam.fi/"));
    CHECK(is_web_url("https://example.fi/"));
}

TEST_CASE("a long run of closing brackets after an address is linear and left out", "[facts][links]") {
    const std::string text = "https://x.fi/a" + std::string(200000, ')') + std::string(200000, '.');
    CHECK(urls(text) == list{"https://x.fi/a"});
}

TEST_CASE("web addresses in free text render as links, and nothing else does", "[render][links]") {
    const std::string xml = R"XML(<?xml version="1.0" encoding="UTF-8"?>
<seloste version="1">
  <organisation id="o"><name>Oy</name><business-id>2083762-5</business-id></organisation>
  <register id="r">
    <name>Rekisteri</name>
    <controller ref="o"/>
    <purpose basis="contract"><description>Katso https://example.fi/a?x=1&amp;y=&lt;b&gt; ja &lt;a href="javascript:alert(1)"&gt;x&lt;/a&gt;.

Toinen: javascript:alert(2) ja (https://example.fi/b).</description></purpose>
    <notice-date>2025-02-22</notice-date>
  </register>
</seloste>
)XML";
    const source_doc doc = read_source_string(xml, "l.xml");
    render_options o;
    o.fragment = true;
    const std::string html = render_html(doc, doc.registers.front(), load_theme("default"), o);
    CHECK(html.find("<p>Katso <a href=\"https://example.fi/a?x=1&amp;y=\">https://example.fi/a?x=1&amp;y=</a>"
                    "&lt;b&gt; ja &lt;a href=&quot;javascript:alert(1)&quot;&gt;x&lt;/a&gt;.</p>") !=
          std::string::npos);  // '<' (escaped in the source) ends the address; the rest stays escaped text
    CHECK(html.find(
              "<p>Toinen: javascript:alert(2) ja (<a href=\"https://example.fi/b\">https://example.fi/b</a>).</p>") !=
          std::string::npos);
    CHECK(html.find("href=\"javascript") == std::string::npos);
}
