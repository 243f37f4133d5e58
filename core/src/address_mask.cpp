// Masking e-mail addresses and web addresses before spelling (spell.hpp), in linear time.
//
// The masking once ran three ICU regular expressions (case-insensitive):
//   1. [^\s<>()"]+@[^\s<>()"]+
//   2. \b(https?://|www\.)[^\s<>"]*
//   3. \b[a-z0-9-]+\.(fi|se|com|org|net|eu|info)(/[^\s]*)?\b
// each run over the text as the previous one left it. The third backtracked from the
// end of every start position of a long word: 64 KB of letters took 22 s, 1 MB
// minutes. This scanner finds the same spans, each pattern in one pass with arrays
// computed once per pass; tests/unit/test_spell_mask.cpp holds the expressions and
// compares both on every example and fixture text and on random texts.
//
// ICU's meaning, kept here: \s is White_Space; \w is Alphabetic, marks, decimal digits,
// connector punctuation, ZWNJ and ZWJ; \b is a change between \w and not \w, where
// combining marks (Grapheme_Extend) and format characters are skipped and are never a
// boundary; case-insensitive literals compare full case foldings (so "ﬁ" matches "fi",
// "ſ" matches "s"); the class [a-z0-9-] is closed over case (adds U+017F and U+212A).
#include <unicode/uchar.h>
#include <unicode/uniset.h>
#include <unicode/unistr.h>

#include <string_view>
#include <utility>
#include <vector>

#include "spell.hpp"

namespace seloste::detail {
namespace {

using spans = std::vector<std::pair<int32_t, int32_t>>;

bool is_space(UChar32 c) {
    return u_hasBinaryProperty(c, UCHAR_WHITE_SPACE);
}

bool is_word(UChar32 c) {
    return u_hasBinaryProperty(c, UCHAR_ALPHABETIC) ||
           (U_GET_GC_MASK(c) & (U_GC_M_MASK | U_GC_ND_MASK | U_GC_PC_MASK)) != 0 || c == 0x200C || c == 0x200D;
}

// Skipped by \b: combining marks and format characters.
bool is_transparent(UChar32 c) {
    return u_hasBinaryProperty(c, UCHAR_GRAPHEME_EXTEND) || u_charType(c) == U_FORMAT_CHAR;
}

// [a-z0-9-] as a case-insensitive ICU expression reads it.
bool in_host_class(UChar32 c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    return c == 0x017F || c == 0x212A;  // LATIN SMALL LETTER LONG S, KELVIN SIGN
}

// The end of `lit` (lower-case ASCII) matched at u[pos] under full case folding; -1
// when it does not match or ends inside one character's folding (as ICU decides).
int32_t match_folded(const icu::UnicodeString& u, int32_t pos, std::u16string_view lit) {
    size_t k = 0;
    const int32_t n = u.length();
    while (k < lit.size()) {
        if (pos >= n) return -1;
        const UChar32 c = u.char32At(pos);
        if (c < 0x80) {
            const UChar32 f = (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
            if (f != lit[k]) return -1;
            ++k;
        } else {
            icu::UnicodeString f(c);
            f.foldCase();
            if (static_cast<size_t>(f.length()) > lit.size() - k) return -1;
            for (int32_t i = 0; i < f.length(); ++i)
                if (f.charAt(i) != lit[k + static_cast<size_t>(i)]) return -1;
            k += static_cast<size_t>(f.length());
        }
        pos += U16_LENGTH(c);
    }
    return pos;
}

// \b at every index (0..n) of u; false inside a surrogate pair.
std::vector<bool> word_boundaries(const icu::UnicodeString& u) {
    const int32_t n = u.length();
    std::vector<bool> b(static_cast<size_t>(n) + 1, false);
    bool prev_word = false;  // the last character before i that \b does not skip
    for (int32_t i = 0; i < n;) {
        const UChar32 c = u.char32At(i);
        const bool transparent = is_transparent(c);
        const bool word = is_word(c);
        b[static_cast<size_t>(i)] = !transparent && word != prev_word;
        if (!transparent) prev_word = word;
        i += U16_LENGTH(c);
    }
    b[static_cast<size_t>(n)] = prev_word;  // the end: not a word character
    return b;
}

// 1. [^\s<>()"]+@[^\s<>()"]+ : a run of such characters holding an '@' with at least
// one character on each side is matched whole.
spans find_emails(const icu::UnicodeString& u) {
    spans out;
    const int32_t n = u.length();
    auto member = [](UChar32 c) { return !is_space(c) && c != '<' && c != '>' && c != '(' && c != ')' && c != '"'; };
    for (int32_t i = 0; i < n;) {
        UChar32 c = u.char32At(i);
        if (!member(c)) {
            i += U16_LENGTH(c);
            continue;
        }
        const int32_t start = i;
        int32_t first_inner_at = -1;  // the first '@' after the run's first character
        for (; i < n && member(c = u.char32At(i)); i += U16_LENGTH(c))
            if (c == '@' && first_inner_at < 0 && i > start) first_inner_at = i;
        // Matched when that '@' is not the run's last character.
        if (first_inner_at >= 0 && first_inner_at + 1 < i) out.emplace_back(start, i);
    }
    return out;
}

// 2. \b(https?://|www\.)[^\s<>"]* : the address to the end of its run.
spans find_urls(const icu::UnicodeString& u) {
    spans out;
    const int32_t n = u.length();
    const std::vector<bool> b = word_boundaries(u);
    for (int32_t i = 0; i < n;) {
        const UChar32 c = u.char32At(i);
        int32_t e = -1;
        if (b[static_cast<size_t>(i)]) {
            if (const int32_t h = match_folded(u, i, u"http"); h >= 0) {
                const int32_t s = match_folded(u, h, u"s");
                if (s >= 0) e = match_folded(u, s, u"://");
                if (e < 0) e = match_folded(u, h, u"://");
            }
            if (e < 0) e = match_folded(u, i, u"www.");
        }
        if (e < 0) {
            i += U16_LENGTH(c);
            continue;
        }
        UChar32 d;
        while (e < n && !is_space(d = u.char32At(e)) && d != '<' && d != '>' && d != '"') e += U16_LENGTH(d);
        out.emplace_back(i, e);
        i = e;
    }
    return out;
}

// 3. \b[a-z0-9-]+\.(fi|se|com|org|net|eu|info)(/[^\s]*)?\b
spans find_domains(const icu::UnicodeString& u) {
    spans out;
    const int32_t n = u.length();
    const std::vector<bool> b = word_boundaries(u);
    // last_b[j]: the largest k <= j with a boundary at k (-1: none).
    std::vector<int32_t> last_b(static_cast<size_t>(n) + 1);
    for (int32_t j = 0, last = -1; j <= n; ++j) {
        if (b[static_cast<size_t>(j)]) last = j;
        last_b[static_cast<size_t>(j)] = last;
    }
    // ns_end[j]: the end of the run of non-space characters from j (White_Space is all in the BMP).
    std::vector<int32_t> ns_end(static_cast<size_t>(n) + 1, n);
    for (int32_t j = n - 1; j >= 0; --j)
        ns_end[static_cast<size_t>(j)] = is_space(u.charAt(j)) ? j : ns_end[static_cast<size_t>(j) + 1];
    // The end of a match whose host ends at r ('.' expected there), or -1. Depends on r
    // only, so it is worked out once per host run.
    auto tail = [&](int32_t r) -> int32_t {
        const int32_t dot = match_folded(u, r, u".");
        if (dot < 0) return -1;
        static constexpr std::u16string_view tlds[] = {u"fi", u"se", u"com", u"org", u"net", u"eu", u"info"};
        for (auto tld : tlds) {
            const int32_t a = match_folded(u, dot, tld);
            if (a < 0) continue;
            if (a < n && u.charAt(a) == '/') {
                // [^\s]* as far as it goes, then back to a boundary.
                const int32_t k = last_b[static_cast<size_t>(ns_end[static_cast<size_t>(a) + 1])];
                if (k >= a + 1) return k;
            }
            if (b[static_cast<size_t>(a)]) return a;
        }
        return -1;
    };
    int32_t run_end = -1, run_tail = -1;  // the host run under the scan and its tail
    for (int32_t i = 0; i < n;) {
        const UChar32 c = u.char32At(i);
        if (!in_host_class(c)) {
            i += U16_LENGTH(c);
            continue;
        }
        if (i >= run_end) {
            run_end = i;
            while (run_end < n && in_host_class(u.charAt(run_end))) ++run_end;  // all in the BMP
            run_tail = tail(run_end);
        }
        if (run_tail >= 0 && b[static_cast<size_t>(i)]) {
            out.emplace_back(i, run_tail);
            i = run_tail;
            run_end = -1;  // the scan goes on after the match, possibly inside a new run
            continue;
        }
        if (run_tail < 0) {
            i = run_end;  // no start in this run can match
            continue;
        }
        ++i;
    }
    return out;
}

void blank(icu::UnicodeString& u, const spans& s) {
    for (auto [b, e] : s)
        for (int32_t i = b; i < e; ++i) u.setCharAt(i, u' ');
}

}  // namespace

void mask_addresses(icu::UnicodeString& u) {
    blank(u, find_emails(u));
    blank(u, find_urls(u));
    blank(u, find_domains(u));
}

}  // namespace seloste::detail
