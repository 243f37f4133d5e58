#include "spell.hpp"

#include <dlfcn.h>
#include <hunspell/hunspell.h>
#include <libvoikko/voikko.h>
#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <mutex>
#include <unordered_map>

namespace seloste::detail {
namespace {

class checker {
   public:
    virtual ~checker() = default;
    virtual bool ok(const std::string& word) = 0;
    virtual std::vector<std::string> suggest(const std::string& word, size_t n) = 0;
    // The word's base forms (Voikko's BASEFORM), when the checker analyses words.
    virtual std::vector<std::string> base_forms(const std::string&) { return {}; }
};

// Voikko and Hunspell are opened when the first text is spelt, not when the
// program starts: together they pull in a dozen libraries (libarchive, libxml2,
// compressors...) whose loading cost every run ~2 ms, and most runs (render, build)
// never spell. The headers give the functions' types; the libraries are the same.
void* open_library(std::initializer_list<const char*> names) {
    for (const char* n : names)
        if (void* h = ::dlopen(n, RTLD_NOW | RTLD_LOCAL)) return h;  // kept open for the process's life
    return nullptr;
}

template <class F>
void bind(void* lib, const char* name, F& f) {
    f = reinterpret_cast<F>(::dlsym(lib, name));
}

struct voikko_api {
    decltype(&voikkoInit) init = nullptr;
    decltype(&voikkoTerminate) terminate = nullptr;
    decltype(&voikkoSpellCstr) spell = nullptr;
    decltype(&voikkoSuggestCstr) suggest = nullptr;
    decltype(&voikkoFreeCstrArray) free_list = nullptr;
    decltype(&voikkoAnalyzeWordCstr) analyze = nullptr;
    decltype(&voikko_mor_analysis_value_cstr) value = nullptr;
    decltype(&voikko_free_mor_analysis_value_cstr) free_value = nullptr;
    decltype(&voikko_free_mor_analysis) free_analysis = nullptr;
    bool ok() const { return init && terminate && spell && suggest && free_list; }
    bool analyses() const { return ok() && analyze && value && free_value && free_analysis; }
};

const voikko_api& voikko() {
    static const voikko_api api = [] {
        voikko_api a;
        if (void* lib = open_library({SELOSTE_VOIKKO_LIBRARY, "libvoikko.so.1"})) {
            bind(lib, "voikkoInit", a.init);
            bind(lib, "voikkoTerminate", a.terminate);
            bind(lib, "voikkoSpellCstr", a.spell);
            bind(lib, "voikkoSuggestCstr", a.suggest);
            bind(lib, "voikkoFreeCstrArray", a.free_list);
            bind(lib, "voikkoAnalyzeWordCstr", a.analyze);
            bind(lib, "voikko_mor_analysis_value_cstr", a.value);
            bind(lib, "voikko_free_mor_analysis_value_cstr", a.free_value);
            bind(lib, "voikko_free_mor_analysis", a.free_analysis);
        }
        return a;
    }();
    return api;
}

struct hunspell_api {
    decltype(&Hunspell_create) create = nullptr;
    decltype(&Hunspell_destroy) destroy = nullptr;
    decltype(&Hunspell_spell) spell = nullptr;
    decltype(&Hunspell_suggest) suggest = nullptr;
    decltype(&Hunspell_free_list) free_list = nullptr;
    bool ok() const { return create && destroy && spell && suggest && free_list; }
};

const hunspell_api& hunspell() {
    static const hunspell_api api = [] {
        hunspell_api a;
        if (void* lib = open_library({SELOSTE_HUNSPELL_LIBRARY, "libhunspell-1.7.so.0"})) {
            bind(lib, "Hunspell_create", a.create);
            bind(lib, "Hunspell_destroy", a.destroy);
            bind(lib, "Hunspell_spell", a.spell);
            bind(lib, "Hunspell_suggest", a.suggest);
            bind(lib, "Hunspell_free_list", a.free_list);
        }
        return a;
    }();
    return api;
}

class voikko_checker : public checker {
   public:
    static std::unique_ptr<checker> open() {
        if (!voikko().ok()) return nullptr;
        const char* err = nullptr;
        VoikkoHandle* h = voikko().init(&err, "fi", nullptr);
        if (!h) return nullptr;
        return std::unique_ptr<checker>(new voikko_checker(h));
    }
    ~voikko_checker() override { voikko().terminate(h_); }
    std::vector<std::string> base_forms(const std::string& word) override {
        std::vector<std::string> out;
        const voikko_api& v = voikko();
        if (!v.analyses()) return out;
        voikko_mor_analysis** list = v.analyze(h_, word.c_str());
        if (!list) return out;
        for (voikko_mor_analysis** a = list; *a; ++a)
            if (char* base = v.value(*a, "BASEFORM")) {
                if (std::find(out.begin(), out.end(), base) == out.end()) out.emplace_back(base);
                v.free_value(base);
            }
        v.free_analysis(list);
        return out;
    }
    bool ok(const std::string& word) override { return voikko().spell(h_, word.c_str()) == VOIKKO_SPELL_OK; }
    std::vector<std::string> suggest(const std::string& word, size_t n) override {
        std::vector<std::string> out;
        char** list = voikko().suggest(h_, word.c_str());
        if (!list) return out;
        for (char** p = list; *p && out.size() < n; ++p) out.emplace_back(*p);
        voikko().free_list(list);
        return out;
    }

   private:
    explicit voikko_checker(VoikkoHandle* h) : h_(h) {}
    VoikkoHandle* h_;
};

class hunspell_checker : public checker {
   public:
    static std::unique_ptr<checker> open(const std::vector<std::string>& names) {
        if (!hunspell().ok()) return nullptr;
        for (const auto& name : names) {
            for (const char* dir : {"/usr/share/hunspell/", "/usr/share/myspell/", "/usr/share/myspell/dicts/"}) {
                const std::string base = std::string(dir) + name;
                std::error_code ec;
                if (!std::filesystem::exists(base + ".dic", ec) || !std::filesystem::exists(base + ".aff", ec))
                    continue;
                Hunhandle* h = hunspell().create((base + ".aff").c_str(), (base + ".dic").c_str());
                if (h) return std::unique_ptr<checker>(new hunspell_checker(h));
            }
        }
        return nullptr;
    }
    ~hunspell_checker() override { hunspell().destroy(h_); }
    bool ok(const std::string& word) override { return hunspell().spell(h_, word.c_str()) != 0; }
    std::vector<std::string> suggest(const std::string& word, size_t n) override {
        std::vector<std::string> out;
        char** list = nullptr;
        const int count = hunspell().suggest(h_, &list, word.c_str());
        for (int i = 0; i < count && out.size() < n; ++i) out.emplace_back(list[i]);
        if (list) hunspell().free_list(h_, &list, count);
        return out;
    }

   private:
    explicit hunspell_checker(Hunhandle* h) : h_(h) {}
    Hunhandle* h_;
};

struct slot {
    std::once_flag once;
    std::unique_ptr<checker> c;
    std::string name;  // of the dictionary that was loaded
    std::mutex mu;
};

slot& slot_for(dictionary d) {
    static slot slots[4];
    slot& s = slots[static_cast<size_t>(d)];
    std::call_once(s.once, [&] {
        switch (d) {
            case dictionary::fi:
                s.c = voikko_checker::open();
                s.name = "fi (Voikko)";
                break;
            case dictionary::sv:
                if ((s.c = hunspell_checker::open({"sv_FI"})))
                    s.name = "sv-FI";
                else if ((s.c = hunspell_checker::open({"sv_SE"})))
                    s.name = "sv-SE";
                break;
            case dictionary::en_gb:
                s.c = hunspell_checker::open({"en_GB"});
                s.name = "en-GB";
                break;
            case dictionary::en_us:
                s.c = hunspell_checker::open({"en_US"});
                s.name = "en-US";
                break;
        }
    });
    return s;
}

std::string utf8(const icu::UnicodeString& s) {
    std::string out;
    s.toUTF8String(out);
    return out;
}

const char* icu_locale_of(lang l) {
    switch (l) {
        case lang::fi: return "fi";
        case lang::sv: return "sv";
        case lang::en: return "en";
    }
    return "en";
}

// UTF-8 length of u[from, to).
size_t utf8_length(const icu::UnicodeString& u, int32_t from, int32_t to) {
    size_t n = 0;
    for (int32_t i = from; i < to;) {
        const UChar32 c = u.char32At(i);
        n += U8_LENGTH(c);
        i += U16_LENGTH(c);
    }
    return n;
}

std::string lower_first_of(const std::string& x) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(x);
    if (u.isEmpty()) return {};
    u.replace(0, U16_LENGTH(u.char32At(0)), icu::UnicodeString(u_tolower(u.char32At(0))));
    return utf8(u);
}

bool skip_word(const icu::UnicodeString& w) {
    int letters = 0, upper = 0;
    for (int32_t i = 0; i < w.length();) {
        const UChar32 c = w.char32At(i);
        if (u_isdigit(c)) return true;
        if (c == ':') break;  // "EU:n": judge the part before the colon
        if (u_isalpha(c)) {
            ++letters;
            if (u_isupper(c)) ++upper;
        }
        i += U16_LENGTH(c);
    }
    if (letters < 2) return true;
    return upper >= 2;  // abbreviations in capitals (EU, GDPR, IoT)
}

}  // namespace

dictionary default_dictionary(lang l) {
    switch (l) {
        case lang::fi: return dictionary::fi;
        case lang::sv: return dictionary::sv;
        case lang::en: break;
    }
    // en-GB, or en-US where only that one is installed.
    return slot_for(dictionary::en_gb).c || !slot_for(dictionary::en_us).c ? dictionary::en_gb : dictionary::en_us;
}

lang dictionary_lang(dictionary d) {
    switch (d) {
        case dictionary::fi: return lang::fi;
        case dictionary::sv: return lang::sv;
        case dictionary::en_gb:
        case dictionary::en_us: return lang::en;
    }
    return lang::en;
}

std::string dictionary_name(dictionary d) {
    slot& s = slot_for(d);
    if (!s.name.empty()) return s.name;
    return d == dictionary::fi ? "fi" : d == dictionary::sv ? "sv" : d == dictionary::en_gb ? "en-GB" : "en-US";
}

bool base_forms_available() {
    return voikko().analyses() && slot_for(dictionary::fi).c != nullptr;
}

std::vector<std::string> finnish_base_forms(const std::string& word) {
    slot& s = slot_for(dictionary::fi);
    if (!s.c || word.empty() || icu::UnicodeString::fromUTF8(word).countChar32() > max_spelt_word) return {};
    std::lock_guard<std::mutex> lock(s.mu);
    return s.c->base_forms(word);
}

bool spelling_available(dictionary d) {
    return slot_for(d).c != nullptr;
}

bool spelling_available(lang l) {
    return spelling_available(default_dictionary(l));
}

dictionary english_dictionary(const std::vector<const std::string*>& texts) {
    slot& gb = slot_for(dictionary::en_gb);
    slot& us = slot_for(dictionary::en_us);
    if (!gb.c || !us.c) return default_dictionary(lang::en);
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createWordInstance(icu::Locale("en"), status));
    if (U_FAILURE(status)) return english_tie();
    // Words in lower case that only one of the two accepts ("colour" / "color"), each distinct word once.
    std::unordered_map<std::string, int> seen;
    long gb_only = 0, us_only = 0;
    std::scoped_lock lock(gb.mu, us.mu);
    for (const std::string* t : texts) {
        icu::UnicodeString u = icu::UnicodeString::fromUTF8(*t);
        mask_addresses(u);
        it->setText(u);
        int32_t start = it->first();
        for (int32_t end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next()) {
            const int32_t rs = it->getRuleStatus();
            if (rs < UBRK_WORD_LETTER || rs >= UBRK_WORD_LETTER_LIMIT) continue;
            if (u.countChar32(start, end - start) > max_spelt_word) continue;
            const icu::UnicodeString w = u.tempSubString(start, end - start);
            // Names and sentence starts are not counted: "Oy" is in en_GB only.
            if (skip_word(w) || !u_islower(w.char32At(0))) continue;
            const std::string word = utf8(w);
            if (!seen.emplace(word, 0).second) continue;
            if (seen.size() > 100000) break;  // enough to decide
            const bool in_gb = gb.c->ok(word), in_us = us.c->ok(word);
            if (in_gb && !in_us) ++gb_only;
            if (in_us && !in_gb) ++us_only;
        }
    }
    if (gb_only != us_only) return gb_only > us_only ? dictionary::en_gb : dictionary::en_us;
    return english_tie();
}

std::vector<misspelling> misspellings(lang l, const std::string& text, const std::vector<std::string>& accepted,
                                      size_t max_suggestions) {
    return misspellings(default_dictionary(l), text, accepted, max_suggestions);
}

std::vector<misspelling> misspellings(dictionary d, const std::string& text, const std::vector<std::string>& accepted,
                                      size_t max_suggestions) {
    std::vector<misspelling> out;
    const lang l = dictionary_lang(d);
    slot& s = slot_for(d);
    if (!s.c || text.empty()) return out;

    const icu::UnicodeString original = icu::UnicodeString::fromUTF8(text);
    icu::UnicodeString u = original;
    mask_addresses(u);

    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(
        icu::BreakIterator::createWordInstance(icu::Locale(icu_locale_of(l)), status));
    if (U_FAILURE(status)) return out;
    it->setText(u);

    std::lock_guard<std::mutex> lock(s.mu);
    // Offsets in bytes, counted on as the words go by; suggestions once per word.
    int32_t counted_to = 0;
    size_t counted_bytes = 0;
    std::unordered_map<std::string, std::vector<std::string>> suggested;
    // The parts of compounds, looked up once per text.
    std::unordered_map<std::string, bool> looked_up;
    size_t budget = compound_lookups_per_text;
    const std::function<std::vector<std::string>(const std::string&)> bases_of = [&](const std::string& p) {
        return s.c->base_forms(p);
    };
    const std::function<bool(const std::string&)> ok_cached = [&](const std::string& p) {
        if (auto f = looked_up.find(p); f != looked_up.end()) return f->second;
        return looked_up.emplace(p, s.c->ok(p)).first->second;
    };
    int32_t start = it->first();
    for (int32_t end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next()) {
        const int32_t rs = it->getRuleStatus();
        if (rs < UBRK_WORD_LETTER || rs >= UBRK_WORD_LETTER_LIMIT) continue;
        // Hyphenated compounds are one word ("oma-aloitteisesti", "tietosuoja-asetus"): Voikko judges the
        // whole, so a wrong hyphen ("eväste-toiminnon") is found too.
        while (end + 1 < u.length() && u.charAt(end) == u'-' && u_isalpha(u.char32At(end + 1))) {
            const int32_t after_hyphen = it->next();
            if (after_hyphen == icu::BreakIterator::DONE) break;
            const int32_t next_end = it->next();
            if (next_end == icu::BreakIterator::DONE) break;
            end = next_end;
        }
        if (u.countChar32(start, end - start) > max_spelt_word) continue;  // not a word to spell
        icu::UnicodeString w = u.tempSubString(start, end - start);
        // Trailing apostrophes and colons are not part of the word.
        while (w.length() > 0 && (w.endsWith(u"'") || w.endsWith(u"’") || w.endsWith(u":"))) w.truncate(w.length() - 1);
        if (skip_word(w)) continue;
        const std::string word = utf8(w);
        icu::UnicodeString lower_first = w;
        lower_first.replace(0, U16_LENGTH(w.char32At(0)), icu::UnicodeString(u_tolower(w.char32At(0))));
        const std::string word_lf = utf8(lower_first);
        // Listed words are accepted as written and inflected ("Mullola" also accepts "Mullolan", "Mullolas"):
        // the listed word followed by an ending of at most four letters.
        const auto listed_as = [&](const std::string& a, const std::string& x, const std::string& x_lf) {
            for (const std::string* wp : {&x, &x_lf}) {
                if (*wp == a) return true;
                if (a.size() >= 3 && wp->size() > a.size() && wp->compare(0, a.size(), a) == 0 &&
                    icu::UnicodeString::fromUTF8(wp->substr(a.size())).countChar32() <= 4)
                    return true;
            }
            return false;
        };
        const auto listed = [&](const std::string& a) { return listed_as(a, word, word_lf); };
        if (std::any_of(accepted.begin(), accepted.end(), listed)) continue;
        if (s.c->ok(word)) continue;
        // Abbreviations with a dot: "esim.", "mm.", "e.g."; and those of core/data/spelling.json.
        const bool dot = end < u.length() && u.charAt(end) == u'.';
        if (dot && s.c->ok(word + ".")) continue;
        if (is_abbreviation(l, w, dot)) continue;
        // The first part of a compound that a later word completes: "Digi- ja väestötietovirasto".
        if (end < u.length() && u.charAt(end) == u'-' && s.c->ok(word + "-")) continue;
        // A listed name, a hyphen and a word: "Chrome-selaimen", "Datahub-palvelussa".
        if (const int32_t h = w.lastIndexOf(u'-'); h > 0 && h + 1 < w.length()) {
            const std::string head = utf8(w.tempSubString(0, h)), tail = utf8(w.tempSubString(h + 1));
            const bool head_listed = std::any_of(accepted.begin(), accepted.end(), [&](const std::string& a) {
                return a == head || (!lower_first_of(head).empty() && a == lower_first_of(head));
            });
            if (head_listed && s.c->ok(tail)) continue;
        }
        // Compounds and inflections that the dictionary lacks ("befolkningsdatasystem", "begäranden").
        if (accepted_by_rules(l, w, ok_cached, bases_of, budget)) continue;
        misspelling m;
        m.word = word;
        counted_bytes += utf8_length(original, counted_to, start);
        counted_to = start;
        m.start_byte = counted_bytes;
        if (auto found = suggested.find(word); found != suggested.end())
            m.suggestions = found->second;
        else if (suggested.size() < max_suggested_words)
            m.suggestions = suggested.emplace(word, s.c->suggest(word, max_suggestions)).first->second;
        out.push_back(std::move(m));
        if (out.size() >= max_reported_misspellings) break;
    }
    return out;
}

}  // namespace seloste::detail
