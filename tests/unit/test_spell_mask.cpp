// The masking of e-mail and web addresses before spelling: a linear scanner that
// finds exactly what the three ICU regular expressions it replaced found. The
// expressions stay here as the reference; they are quadratic on a long word, so they
// only see texts of ordinary length.
#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "spell.hpp"

namespace fs = std::filesystem;

namespace {

// The masking as it was (spell.cpp before the scanner).
void reference_mask(icu::UnicodeString& u) {
    static const char* const patterns[] = {"[^\\s<>()\"]+@[^\\s<>()\"]+", "\\b(https?://|www\\.)[^\\s<>\"]*",
                                           "\\b[a-z0-9-]+\\.(fi|se|com|org|net|eu|info)(/[^\\s]*)?\\b"};
    for (const char* p : patterns) {
        UErrorCode status = U_ZERO_ERROR;
        UParseError pe;
        std::unique_ptr<icu::RegexPattern> re(
            icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(p), UREGEX_CASE_INSENSITIVE, pe, status));
        REQUIRE(U_SUCCESS(status));
        std::unique_ptr<icu::RegexMatcher> m(re->matcher(u, status));
        std::vector<std::pair<int32_t, int32_t>> spans;
        while (m->find(status) && U_SUCCESS(status)) spans.emplace_back(m->start(status), m->end(status));
        for (auto [b, e] : spans)
            for (int32_t i = b; i < e; ++i) u.setCharAt(i, u' ');
    }
}

std::string utf8(const icu::UnicodeString& u) {
    std::string s;
    u.toUTF8String(s);
    return s;
}

void same_masking(const icu::UnicodeString& text) {
    icu::UnicodeString expected = text, got = text;
    reference_mask(expected);
    seloste::detail::mask_addresses(got);
    INFO("text: " << utf8(text));
    REQUIRE(utf8(got) == utf8(expected));
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

TEST_CASE("address masking: the examples of the old expressions", "[spell][mask]") {
    for (const char* t :
         {"Kirjoita osoitteeseen tietosuoja@esimerkki.fi tai soita.", "<a@b> (x@y) \"p@q\" @a a@ @ a@@ @@b",
          "https://www.issoy.fi/tietosuoja, www.example.com/a?b=c ja HTTP://X.FI", "esimerkki.fi/polku/ ja esim.fi.",
          "foo-bar.com. -x.se x.sex x.eu/ x.info/a/ x.fi/-- x.ﬁ x.FI ſ.fi K.com", "http:/ https:// www. httpsx://a",
          "ä.fi aä.fi a\u0301.fi a.fi\u0301 \u00ad\u200da.fi 😀a.fi a😀.fi x.fi/😀 x.fi/a\u0301", ""})
        same_masking(icu::UnicodeString::fromUTF8(t));
}

TEST_CASE("address masking equals the old expressions on every example and fixture", "[spell][mask]") {
    const fs::path root = SELOSTE_SOURCE_DIR;
    size_t files = 0;
    for (const fs::path& dir : {root / "examples", root / "tests" / "fixtures"})
        for (const auto& e : fs::recursive_directory_iterator(dir)) {
            if (!e.is_regular_file() || e.path().extension() != ".xml") continue;
            ++files;
            const std::string xml = slurp(e.path());
            // The whole file, and every text between two tags.
            same_masking(icu::UnicodeString::fromUTF8(xml));
            for (size_t pos = 0; (pos = xml.find('>', pos)) != std::string::npos;) {
                const size_t end = xml.find('<', ++pos);
                if (end == std::string::npos) break;
                if (end > pos) same_masking(icu::UnicodeString::fromUTF8(xml.substr(pos, end - pos)));
                pos = end;
            }
        }
    CHECK(files > 20);
}

TEST_CASE("address masking equals the old expressions on random texts", "[spell][mask]") {
    // Pieces that meet every branch: address shapes, the characters the classes
    // exclude, case variants and foldings (ſ, K, ﬁ, İ, ß), combining marks and format
    // characters that \b skips, white space beyond ASCII and characters outside the BMP.
    static const char* const pieces[] = {
        "a",      "Z",        "x",      "0",      "7",  "-",  ".",  "@",   "/",      ":",      " ",
        "\t",     "\n",       "<",      ">",      "(",  ")",  "\"", "_",   ",",      "?",      "http",
        "HTTP",   "https://", "www.",   "WWW.",   "fi", "FI", "se", "com", "org",    "net",    "eu",
        "info",   "ﬁ",        "ſ",      "\u212a", "İ",  "ß",  "ä",  "Ö",   "\u0301", "\u200d", "\u200c",
        "\u00ad", "\u00a0",   "\u3000", "\u2028", "😀",  "𝐀",  "٣",  "s",   "tp",     "://",    "ww"};
    std::mt19937 rng(20261203);
    std::uniform_int_distribution<size_t> pick(0, std::size(pieces) - 1), len(0, 40);
    for (int n = 0; n < 20000; ++n) {
        std::string t;
        for (size_t k = len(rng); k > 0; --k) t += pieces[pick(rng)];
        same_masking(icu::UnicodeString::fromUTF8(t));
    }
}

TEST_CASE("address masking of a megabyte word and a megabyte of addresses finishes", "[spell][mask][long]") {
    for (const std::string& t :
         {std::string(1 << 20, 'a'), std::string(1 << 20, 'a') + ".fi", std::string(1 << 19, '@') + "x", [] {
              std::string s;
              while (s.size() < (1u << 20)) s += "a.fi/b.fi/x@y.fi/www.a-b.fi ";
              return s;
          }()}) {
        icu::UnicodeString u = icu::UnicodeString::fromUTF8(t);
        const int32_t n = u.length();
        seloste::detail::mask_addresses(u);
        CHECK(u.length() == n);
    }
    icu::UnicodeString w = icu::UnicodeString::fromUTF8(std::string(1 << 20, 'a') + ".fi x");
    seloste::detail::mask_addresses(w);
    CHECK(utf8(w) == std::string((1 << 20) + 3, ' ') + " x");
}
