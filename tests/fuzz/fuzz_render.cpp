// Rendering: every register of a source that reads, in a theme (default or layered),
// as a page or a fragment, in a language (fi, sv, en), with or without a linked
// stylesheet, alternates and an index link. The choice comes from the input's hash,
// so one input always renders the same way and the fuzzer reaches every combination.
//
// Beyond "no crash", the page must be publishable: valid UTF-8 without control
// characters, no element that can run or load anything, and every URL attribute of an
// allowed scheme.
#include <array>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "fuzz_support.hpp"
#include "seloste/render.hpp"
#include "seloste/source.hpp"

namespace {

[[noreturn]] void fail(const char* what, const std::string& html, size_t at) {
    const size_t from = at > 80 ? at - 80 : 0;
    std::fprintf(stderr, "fuzz_render: %s at byte %zu of the rendered HTML:\n%s\n", what, at,
                 html.substr(from, 200).c_str());
    std::abort();
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// The encoding rule of the markup policy (core/data/markup-policy.json): valid UTF-8,
// no C0 or C1 control character other than tab, line feed and carriage return.
void check_encoding(const std::string& s) {
    if (const size_t at = seloste::fuzz::first_invalid_utf8(s); at != std::string::npos) fail("invalid UTF-8", s, at);
    for (size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
            (c == 0xC2 && static_cast<unsigned char>(s[i + 1]) < 0xA0))  // U+0080-U+009F
            fail("a control character", s, i);
    }
}

// The core writes only &amp; &lt; &gt; &quot; &#39; (escape_html); anything else is
// itself a finding of the markup policy, so decoding these is enough here.
std::string decode_attribute(std::string_view v) {
    std::string out;
    for (size_t i = 0; i < v.size(); ++i) {
        if (v[i] != '&') {
            if (v[i] != '\t' && v[i] != '\n' && v[i] != '\r') out += v[i];
            continue;
        }
        bool decoded = false;
        for (const auto& [ref, ch] : {std::pair<std::string_view, char>{"&amp;", '&'},
                                      {"&lt;", '<'},
                                      {"&gt;", '>'},
                                      {"&quot;", '"'},
                                      {"&#39;", '\''}})
            if (!decoded && v.substr(i, ref.size()) == ref) {
                out += ch;
                i += ref.size() - 1;
                decoded = true;
            }
        if (!decoded) out += '&';
    }
    return out;
}

// The one JSON-LD script (docs/json-ld.md) must hold no '<', '>' or '&', so it can neither end early
// nor hide markup; the rest of the page is checked without it.
std::string without_json_ld(const std::string& html) {
    static constexpr std::string_view open = "<script type=\"application/ld+json\">";
    const size_t a = html.find(open);
    if (a == std::string::npos) fail("no JSON-LD script", html, 0);
    const size_t from = a + open.size();
    const size_t b = html.find("</script>", from);
    if (b == std::string::npos) fail("an unterminated JSON-LD script", html, a);
    if (const size_t bad = html.find_first_of("<>&", from); bad < b)
        fail("markup characters in the JSON-LD", html, bad);
    if (html.find(open, from) != std::string::npos) fail("a second JSON-LD script", html, from);
    return html.substr(0, a) + html.substr(b + std::string_view("</script>").size());
}

void check_markup(const std::string& page) {
    const std::string html = without_json_ld(page);
    const std::string low = lower(html);
    for (const char* tag : {"<script", "<iframe", "<object", "<embed", "<svg", "<math", "<img", "<form", "<base",
                            "<input", "<button", "<video", "<audio", "<source", "<frame", "<meta http-equiv"})
        if (const auto at = low.find(tag); at != std::string::npos) fail("a forbidden element", html, at);
    for (const char* attr : {" href=\"", " src=\""}) {
        for (size_t at = low.find(attr); at != std::string::npos; at = low.find(attr, at + 1)) {
            const size_t begin = at + std::string_view(attr).size();
            const size_t end = html.find('"', begin);
            if (end == std::string::npos) fail("an unterminated URL attribute", html, at);
            std::string url = lower(decode_attribute(std::string_view(html).substr(begin, end - begin)));
            while (!url.empty() && static_cast<unsigned char>(url.front()) <= 0x20) url.erase(0, 1);
            const size_t colon = url.find(':');
            if (colon == std::string::npos || url.find_first_of("/?#") < colon) continue;  // relative
            const std::string scheme = url.substr(0, colon);
            if (scheme != "http" && scheme != "https" && scheme != "mailto" && scheme != "tel")
                fail("a URL with a scheme other than http, https, mailto, tel", html, at);
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const std::array<seloste::theme, 2> themes{seloste::load_theme("default"), seloste::load_theme("layered")};
    seloste::source_doc doc;
    try {
        doc = seloste::read_source_string(seloste::fuzz::as_text(data, size), "fuzz.xml");
    } catch (const seloste::source_error&) {
        return 0;  // the reader refuses it; nothing is rendered (fuzz_read covers this)
    }
    const uint32_t bits = seloste::fuzz::choice_bits(data, size);
    const auto& theme = themes[bits & 1u];
    seloste::render_options opts;
    opts.fragment = (bits >> 1) & 1u;
    opts.language = seloste::all_langs[((bits >> 2) & 3u) % 3];
    if ((bits >> 4) & 1u) opts.stylesheet_href = "../assets/" + theme.stylesheet_name();
    if ((bits >> 5) & 1u) {
        for (const auto l : seloste::all_langs)
            if (l != opts.language)
                opts.alternates.push_back({l, "../" + std::string(seloste::lang_code(l)) + "/x.html"});
        opts.index_href = "index.html";
    }
    opts.heading_base = static_cast<int>((bits >> 6) & 3u);  // 0 = the default for a page or a fragment
    for (const auto& reg : doc.registers) {
        const std::string html = seloste::render_html(doc, reg, theme, opts);
        if (html.empty()) std::abort();
        if (!seloste::fuzz::skip_encoding()) check_encoding(html);
        check_markup(html);
        (void)seloste::notice_title(reg, opts.language);
    }
    return 0;
}
