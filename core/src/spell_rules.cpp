// What the spelling check accepts beyond the dictionaries, as core/data/spelling.json says:
// abbreviations, compounds of accepted words (Swedish "befolkningsdatasystem") and inflections
// the dictionary lacks ("begäranden").
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <array>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "check_support.hpp"
#include "seloste/errors.hpp"
#include "spell.hpp"

namespace seloste::detail {
namespace {

using json = nlohmann::json;

struct join {
    icu::UnicodeString written, word;
};

struct compound_rules {
    bool on = false;
    int32_t min_part = 3, min_last = 3, max_word = 40;
    std::vector<join> joins;
    std::set<icu::UnicodeString> short_parts;
};

struct rules {
    std::array<std::set<icu::UnicodeString>, 3> abbreviations;
    std::array<compound_rules, 3> compounds;
    std::array<std::vector<join>, 3> inflections;
    std::array<std::vector<join>, 3> compound_words;  // written: the first part, word: the last one's base form
    dictionary tie = dictionary::en_gb;
};

icu::UnicodeString u16(const json& j) {
    return icu::UnicodeString::fromUTF8(j.get<std::string>());
}

std::string utf8(const icu::UnicodeString& s) {
    std::string out;
    s.toUTF8String(out);
    return out;
}

rules load() {
    constexpr std::string_view path = "core/data/spelling.json";
    rules r;
    try {
        const json j = json::parse(check_data_file(path));
        for (lang l : all_langs) {
            const std::string code(lang_code(l));
            const size_t k = static_cast<size_t>(l);
            if (j.at("abbreviations").contains(code))
                for (const auto& a : j.at("abbreviations").at(code)) r.abbreviations[k].insert(u16(a));
            if (j.at("compounds").contains(code)) {
                const auto& c = j.at("compounds").at(code);
                auto& cr = r.compounds[k];
                cr.on = true;
                cr.min_part = c.at("min_part").get<int32_t>();
                cr.min_last = c.at("min_last").get<int32_t>();
                cr.max_word = c.at("max_word").get<int32_t>();
                for (const auto& e : c.at("joins")) cr.joins.push_back({u16(e.at("written")), u16(e.at("word"))});
                for (const auto& e : c.at("short_parts")) cr.short_parts.insert(u16(e));
            }
            if (j.at("inflections").contains(code))
                for (const auto& e : j.at("inflections").at(code))
                    r.inflections[k].push_back({u16(e.at("written")), u16(e.at("word"))});
            if (j.contains("compound-words") && j.at("compound-words").contains(code))
                for (const auto& e : j.at("compound-words").at(code))
                    r.compound_words[k].push_back({u16(e.at("first")), u16(e.at("last"))});
        }
        const std::string tie = j.at("english").at("tie").get<std::string>();
        if (tie == "en-US")
            r.tie = dictionary::en_us;
        else if (tie != "en-GB")
            throw error("check data: " + std::string(path) + ": english.tie must be en-GB or en-US");
    } catch (const json::exception& e) {
        throw error("check data: " + std::string(path) + ": " + e.what());
    }
    return r;
}

const rules& data() {
    static const rules r = load();
    return r;
}

icu::UnicodeString lower_first(const icu::UnicodeString& w) {
    if (w.isEmpty()) return w;
    icu::UnicodeString out = w;
    const UChar32 c = w.char32At(0);
    out.replace(0, U16_LENGTH(c), icu::UnicodeString(u_tolower(c)));
    return out;
}

// `w` ends in a replaceable ending: the word with `j.word` in place of `j.written`, or empty.
icu::UnicodeString replaced(const icu::UnicodeString& w, const join& j, int32_t min_stem) {
    if (!w.endsWith(j.written)) return {};
    icu::UnicodeString stem = w.tempSubString(0, w.length() - j.written.length());
    if (stem.countChar32() < min_stem) return {};
    return stem + j.word;
}

}  // namespace

bool is_abbreviation(lang l, const icu::UnicodeString& word, bool dot) {
    const auto& set = data().abbreviations[static_cast<size_t>(l)];
    if (set.empty()) return false;
    for (const icu::UnicodeString& w : {word, lower_first(word)}) {
        if (set.count(w)) return true;
        if (dot && set.count(w + u".")) return true;
    }
    return false;
}

bool accepted_by_rules(lang l, const icu::UnicodeString& word, const std::function<bool(const std::string&)>& ok,
                       const std::function<std::vector<std::string>(const std::string&)>& bases, size_t& budget) {
    const size_t k = static_cast<size_t>(l);
    const auto& cr = data().compounds[k];
    const auto& infl = data().inflections[k];
    auto spend = [&](const icu::UnicodeString& w) {
        if (budget == 0) return false;
        --budget;
        return ok(utf8(w));
    };
    // A last part (or the whole word): accepted as it is or as an inflection the dictionary lacks.
    auto last_ok = [&](const icu::UnicodeString& p, bool whole) {
        if (!whole && spend(p)) return true;
        for (const join& j : infl) {
            const icu::UnicodeString base = replaced(p, j, 3);
            if (!base.isEmpty() && spend(base)) return true;
        }
        return false;
    };
    if (last_ok(word, true)) return true;
    // Compounds the dictionary lacks, inflected as their last part: "varmuuskopioidaan".
    for (const join& c : data().compound_words[k]) {
        const icu::UnicodeString lw = lower_first(word);
        if (!lw.startsWith(c.written) || lw.length() <= c.written.length() || budget == 0) continue;
        --budget;
        for (const std::string& b : bases(utf8(lw.tempSubString(c.written.length()))))
            if (icu::UnicodeString::fromUTF8(b) == c.word) return true;
    }
    if (!cr.on) return false;

    // Code point boundaries of the word; a part from boundary i to boundary j.
    std::vector<int32_t> at;
    for (int32_t i = 0; i < word.length(); i += U16_LENGTH(word.char32At(i))) at.push_back(i);
    at.push_back(word.length());
    const int32_t n = static_cast<int32_t>(at.size()) - 1;
    if (n > cr.max_word || n < cr.min_part + cr.min_last) return false;
    auto part = [&](int32_t i, int32_t j) {
        icu::UnicodeString p = word.tempSubString(at[i], at[j] - at[i]);
        return i == 0 ? p : lower_first(p);
    };
    auto first_ok = [&](const icu::UnicodeString& p) {
        for (const join& j : cr.joins) {
            const icu::UnicodeString w = replaced(p, j, cr.min_part);
            if (!w.isEmpty() && spend(w)) return true;
        }
        return false;
    };
    // reach[i]: the word up to boundary i is a sequence of parts that are not the last.
    std::vector<char> reach(static_cast<size_t>(n) + 1, 0);
    reach[0] = 1;
    for (int32_t i = 0; i < n; ++i) {
        if (!reach[static_cast<size_t>(i)]) continue;
        if (i > 0 && n - i >= cr.min_last && last_ok(part(i, n), false)) return true;
        for (int32_t j = i + 1; j < i + cr.min_part && j <= n - cr.min_last; ++j)
            if (cr.short_parts.count(lower_first(part(i, j)))) reach[static_cast<size_t>(j)] = 1;
        for (int32_t j = i + cr.min_part; j <= n - cr.min_last; ++j)
            if (!reach[static_cast<size_t>(j)] && first_ok(part(i, j))) reach[static_cast<size_t>(j)] = 1;
        if (budget == 0) return false;
    }
    return false;
}

dictionary english_tie() {
    return data().tie;
}

}  // namespace seloste::detail
