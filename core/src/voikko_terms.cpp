#include "voikko_terms.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <memory>
#include <set>
#include <unordered_map>

#include "spell.hpp"

namespace seloste::detail {
namespace {

std::string utf8(const icu::UnicodeString& s) {
    std::string out;
    s.toUTF8String(out);
    return out;
}

std::string lower(const std::string& s) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
    u.toLower(icu::Locale("fi"));
    return utf8(u);
}

// The first `n` code points of a lower-case word: the part that inflection leaves alone.
constexpr int32_t prefix_length = 3;

std::string prefix(const icu::UnicodeString& lower_word) {
    int32_t end = 0;
    for (int32_t k = 0; k < prefix_length && end < lower_word.length(); ++k) end = lower_word.moveIndex32(end, 1);
    return utf8(lower_word.tempSubString(0, end));
}

struct word {
    int32_t start, end;  // UTF-16 offsets
    const std::vector<std::string>* bases;
};

}  // namespace

base_form_term parse_base_form_term(const std::string& s) {
    base_form_term out;
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
    u.toLower(icu::Locale("fi"));
    int32_t i = 0;
    while (i < u.length()) {
        while (i < u.length() && u_isWhitespace(u.char32At(i))) i = u.moveIndex32(i, 1);
        int32_t j = i;
        while (j < u.length() && !u_isWhitespace(u.char32At(j))) j = u.moveIndex32(j, 1);
        if (j > i) out.push_back(utf8(u.tempSubString(i, j - i)));
        i = j;
    }
    return out;
}

std::vector<std::pair<size_t, term_match>> find_base_forms(const std::vector<base_form_term>& terms,
                                                           const std::string& s) {
    std::vector<std::pair<size_t, term_match>> out;
    if (terms.empty() || s.empty() || !base_forms_available()) return out;
    std::set<std::string> prefixes;
    for (const auto& t : terms)
        for (const auto& b : t) prefixes.insert(prefix(icu::UnicodeString::fromUTF8(b)));

    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createWordInstance(icu::Locale("fi"), status));
    if (U_FAILURE(status)) return out;
    it->setText(u);

    // The words, each distinct one analysed once.
    static const std::vector<std::string> none;
    std::unordered_map<std::string, std::vector<std::string>> analysed;
    std::vector<word> words;
    int32_t start = it->first();
    for (int32_t end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next()) {
        const int32_t rs = it->getRuleStatus();
        if (rs < UBRK_WORD_LETTER || rs >= UBRK_WORD_LETTER_LIMIT) continue;
        while (end + 1 < u.length() && u.charAt(end) == u'-' && u_isalpha(u.char32At(end + 1))) {
            if (it->next() == icu::BreakIterator::DONE) break;
            const int32_t next_end = it->next();
            if (next_end == icu::BreakIterator::DONE) break;
            end = next_end;
        }
        icu::UnicodeString w = u.tempSubString(start, end - start);
        icu::UnicodeString lw = w;
        lw.toLower(icu::Locale("fi"));
        const std::vector<std::string>* bases = &none;
        if (w.countChar32() <= max_spelt_word && prefixes.count(prefix(lw))) {
            const std::string key = utf8(w);
            auto found = analysed.find(key);
            if (found == analysed.end()) {
                std::vector<std::string> bs;
                for (const auto& b : finnish_base_forms(key)) bs.push_back(lower(b));
                found = analysed.emplace(key, std::move(bs)).first;
            }
            bases = &found->second;
        }
        words.push_back({start, end, bases});
    }

    // Offsets in code points and bytes, counted on as the matches go by.
    int32_t counted_to = 0;
    size_t cps = 0, bytes = 0;
    auto has = [](const word& w, const std::string& b) {
        return std::find(w.bases->begin(), w.bases->end(), b) != w.bases->end();
    };
    auto only_space = [&](int32_t from, int32_t to) {
        for (int32_t i = from; i < to; i = u.moveIndex32(i, 1))
            if (!u_isWhitespace(u.char32At(i))) return false;
        return true;
    };
    for (size_t i = 0; i < words.size() && out.size() < max_term_matches; ++i) {
        if (words[i].bases->empty()) continue;
        for (size_t k = 0; k < terms.size(); ++k) {
            const auto& t = terms[k];
            if (t.empty() || i + t.size() > words.size()) continue;
            bool ok = true;
            for (size_t j = 0; ok && j < t.size(); ++j)
                ok = has(words[i + j], t[j]) && (j == 0 || only_space(words[i + j - 1].end, words[i + j].start));
            if (!ok) continue;
            const int32_t b = words[i].start, e = words[i + t.size() - 1].end;
            for (int32_t p = counted_to; p < b;) {
                const UChar32 c = u.char32At(p);
                ++cps;
                bytes += U8_LENGTH(c);
                p += U16_LENGTH(c);
            }
            counted_to = b;
            out.push_back({k, term_match{utf8(u.tempSubString(b, e - b)), cps, bytes}});
            break;
        }
    }
    return out;
}

}  // namespace seloste::detail
