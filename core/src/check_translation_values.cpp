// Rule i18n.translation-mismatch: the values of one language version of a text (e-mail and web
// addresses, business IDs, phone numbers, dates, durations, numbers), normalised so that
// "1.1.2020", "1 januari 2020" and "January 1, 2020" are one date, "6 kk" and "six months" one
// duration, "1 000" and "1,000" one number. Units, number words and month names are data:
// core/data/translation-pairs.json.
#include <unicode/regex.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>

#include "check_support.hpp"
#include "check_translation.hpp"
#include "seloste/errors.hpp"

namespace seloste::detail::translation {
namespace {

using json = nlohmann::json;
using regex_ptr = std::unique_ptr<icu::RegexPattern>;

constexpr std::string_view data_path = "core/data/translation-pairs.json";

regex_ptr compile(const std::string& src) {
    UParseError pe;
    UErrorCode st = U_ZERO_ERROR;
    regex_ptr p(icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(src), UREGEX_CASE_INSENSITIVE, pe, st));
    if (U_FAILURE(st)) throw error("check data: " + std::string(data_path) + ": bad expression: " + src);
    return p;
}

std::string join(const json& list) {
    std::string out;
    for (const auto& x : list) out += (out.empty() ? "" : "|") + x.get<std::string>();
    return out;
}

struct unit_re {
    regex_ptr re, one;  // "6 kuukautta"; "kuukauden ajan" (one unit)
    std::string base;
    double factor = 1;
};

struct number_word {
    double value = 0;
    regex_ptr re;  // the whole word
};

struct lang_data {
    std::vector<regex_ptr> dates;                // group 1..3: day, month, year in the order of `date_order`
    std::vector<std::array<int, 3>> date_order;  // which group is day, month (name or number), year
    std::vector<bool> month_by_name;
    std::vector<unit_re> units;
    std::vector<number_word> words;
    std::vector<std::string> months;  // lowercase names (fi: stems)
    regex_ptr word;                   // any number word, standing alone
};

struct values_data {
    regex_ptr email, url, business_id, phone, number;
    std::array<lang_data, 3> by_lang;
};

const std::string digits_num = "\\d+(?:[.,]\\d+)?";

values_data load() {
    values_data d;
    json j;
    try {
        j = json::parse(check_data_file(data_path));
    } catch (const json::exception& e) {
        throw error("check data: " + std::string(data_path) + ": " + e.what());
    }
    d.email = compile("(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+");
    d.url = compile("(?<![\\p{L}\\p{N}@./])(?:https?://|www\\.)[^\\s<>\"]+");
    d.business_id = compile("(?<![\\p{N}-])\\d{7}-\\d(?![\\p{N}])");
    d.phone = compile(
        "(?<![\\p{L}\\p{N}+/.,:-])(?:\\+\\d{1,3}[ \\u00a0-]?(?:\\(0\\)[ \\u00a0]?)?|0)\\d{1,4}(?:[ "
        "\\u00a0-]?\\d{2,4}){1,4}(?![\\p{N}])");
    d.number = compile(
        "(?<![\\p{L}\\p{N}_.,:])(?:\\d{1,3}(?:[ "
        "\\u00a0\\u202f]\\d{3})+(?![\\p{N}])|\\d{1,3}(?:,\\d{3})+(?![\\p{N}])|\\d+)"
        "(?:[.,:]\\d+)*");
    try {
        for (lang l : all_langs) {
            const std::string c(lang_code(l));
            auto& ld = d.by_lang[static_cast<size_t>(l)];
            std::string names;
            for (const auto& m : j.at("months")) {
                std::string n = m.at(c).get<std::string>();
                ld.months.push_back(n);
                names += (names.empty() ? "" : "|") + n;
            }
            const std::string mon = l == lang::fi ? "(" + names + ")kuu\\w*" : "(" + names + ")";
            const std::string ord = "(?:st|nd|rd|th|:[ae])?";
            auto add = [&](const std::string& re, std::array<int, 3> order, bool by_name) {
                ld.dates.push_back(compile(re));
                ld.date_order.push_back(order);
                ld.month_by_name.push_back(by_name);
            };
            add("\\b(\\d{4})-(\\d{1,2})-(\\d{1,2})\\b", {3, 2, 1}, false);
            add("(?<![\\p{N}.])(\\d{1,2})\\.\\s?(\\d{1,2})\\.\\s?(\\d{4})\\b", {1, 2, 3}, false);
            add("(?<![\\p{N}/])(\\d{1,2})/(\\d{1,2})/(\\d{4})\\b", {1, 2, 3}, false);  // day/month/year
            if (l == lang::fi) {
                add("(?<![\\p{N}.])(\\d{1,2})\\.\\s*" + mon + "\\s+(\\d{4})\\b", {1, 2, 3}, true);
                add("\\b" + mon + "\\s+(\\d{4})\\b", {0, 1, 2}, true);
            } else {
                add("(?<![\\p{N}.])(\\d{1,2})" + ord + "\\.?\\s+(?:of\\s+)?" + mon + "\\s+(\\d{4})\\b", {1, 2, 3},
                    true);
                if (l == lang::en) add("\\b" + mon + "\\s+(\\d{1,2})" + ord + ",?\\s+(\\d{4})\\b", {2, 1, 3}, true);
                add("\\b" + mon + "\\s+(\\d{4})\\b", {0, 1, 2}, true);
            }
            std::string words;
            for (const auto& w : j.at("number_words")) {
                if (!w.contains(c)) continue;
                number_word nw;
                nw.value = w.at("value").get<double>();
                nw.re = compile("^(?:" + join(w.at(c)) + ")$");
                ld.words.push_back(std::move(nw));
                words += "|" + join(w.at(c));
            }
            ld.word = compile("(?<![\\p{L}\\p{N}-])(?:" + words.substr(1) + ")(?![\\p{L}\\p{N}])");
            // Words that may stand between a number and its unit ("two further months").
            std::string fillers;
            if (j.contains("unit_fillers") && j.at("unit_fillers").contains(c))
                fillers = "(?:(?:" + join(j.at("unit_fillers").at(c)) + ")[\\s\\u00a0]+)?";
            for (auto& [name, u] : j.at("units").items()) {
                unit_re ur;
                ur.base = u.at("base").get<std::string>();
                ur.factor = u.at("factor").get<double>();
                ur.re = compile("(?<![\\p{L}\\p{N}.,])(" + digits_num + words + ")[\\s\\u00a0]*-?[\\s\\u00a0]*" +
                                fillers + "(?:" + join(u.at(c)) + ")(?![\\p{L}\\p{N}])");
                if (u.contains("one") && u.at("one").contains(c)) ur.one = compile(join(u.at("one").at(c)));
                ld.units.push_back(std::move(ur));
            }
        }
    } catch (const json::exception& e) {
        throw error("check data: " + std::string(data_path) + ": " + e.what());
    }
    return d;
}

const values_data& data() {
    static const values_data d = load();
    return d;
}

std::string utf8(const icu::UnicodeString& u) {
    std::string s;
    u.toUTF8String(s);
    return s;
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::string strip_zeros(std::string s) {
    const size_t nz = s.find_first_not_of('0');
    return nz == std::string::npos ? "0" : s.substr(nz);
}

// A number as a key: "2.5" for 2,5 (fi, sv) and 2.5 (en); "1000" for "1 000" and "1,000" (en).
// Groups that are not a decimal fraction ("6.1" in Swedish, "8:00") give their parts as well.
void number_key(std::string t, lang l, value& v) {
    t.erase(std::remove_if(t.begin(), t.end(), [](char c) { return c == ' '; }), t.end());
    // U+00A0 and U+202F: multi-byte spaces
    for (const char* sp : {"\u00a0", "\u202f"})
        for (size_t p; (p = t.find(sp)) != std::string::npos;) t.erase(p, std::string_view(sp).size());
    if (l == lang::en) {
        // 1,000 and 1,000,000: thousands
        bool groups = t.find(',') != std::string::npos && t.find_first_of(".:") == std::string::npos;
        for (size_t p = t.find(','); groups && p != std::string::npos; p = t.find(',', p + 1))
            if (t.size() < p + 4 || (p + 4 < t.size() && t[p + 4] != ',')) groups = false;
        if (groups) t.erase(std::remove(t.begin(), t.end(), ','), t.end());
    }
    const char dec = l == lang::en ? '.' : ',';
    std::vector<std::string> groups;
    std::string sep;
    size_t b = 0;
    for (size_t i = 0; i <= t.size(); ++i)
        if (i == t.size() || !std::isdigit(static_cast<unsigned char>(t[i]))) {
            groups.push_back(t.substr(b, i - b));
            if (i < t.size()) sep += t[i];
            b = i + 1;
        }
    if (groups.size() == 1) {
        v.key = strip_zeros(groups[0]);
        return;
    }
    if (groups.size() == 2 && sep[0] == dec) {
        std::string frac = groups[1];
        while (!frac.empty() && frac.back() == '0') frac.pop_back();
        v.key = strip_zeros(groups[0]) + (frac.empty() ? "" : "." + frac);
    } else {
        for (const auto& g : groups) v.key += (v.key.empty() ? "" : ".") + strip_zeros(g);
    }
    for (const auto& g : groups) v.parts.push_back(strip_zeros(g));
}

std::string two(int n) {
    return (n < 10 ? "0" : "") + std::to_string(n);
}

std::string format_amount(double x) {
    if (std::fabs(x - std::round(x)) < 1e-9) return std::to_string(static_cast<long long>(std::llround(x)));
    std::string s = std::to_string(x);
    while (!s.empty() && s.back() == '0') s.pop_back();
    return s;
}

std::optional<double> parse_amount(const icu::UnicodeString& u, const lang_data& ld) {
    const std::string s = utf8(u);
    if (!s.empty() && std::isdigit(static_cast<unsigned char>(s[0]))) {
        std::string t = s;
        std::replace(t.begin(), t.end(), ',', '.');
        try {
            return std::stod(t);
        } catch (const std::exception&) {
            return std::nullopt;
        }
    }
    for (const auto& w : ld.words) {
        UErrorCode st = U_ZERO_ERROR;
        std::unique_ptr<icu::RegexMatcher> m(w.re->matcher(u, st));
        if (U_SUCCESS(st) && m->matches(st) && U_SUCCESS(st)) return w.value;
    }
    return std::nullopt;
}

class reader {
   public:
    reader(const std::string& s, lang l) : original_(icu::UnicodeString::fromUTF8(s)), masked_(original_), l_(l) {
        // The byte offset of each UTF-16 index, so that a value's offset costs nothing.
        bytes_.reserve(static_cast<size_t>(original_.length()) + 1);
        size_t b = 0;
        for (int32_t i = 0; i < original_.length(); ++i) {
            bytes_.push_back(b);
            const UChar c = original_.charAt(i);
            b += c < 0x80 ? 1 : c < 0x800 ? 2 : U16_IS_SURROGATE(c) ? 2 : 3;  // a surrogate pair: 4 in all
        }
        bytes_.push_back(b);
    }

    // Every match of `re` not yet taken; `make` turns one into values (none: left for later kinds).
    template <class F>
    void take(const icu::RegexPattern& re, F make) {
        UErrorCode st = U_ZERO_ERROR;
        std::unique_ptr<icu::RegexMatcher> m(re.matcher(masked_, st));
        if (U_FAILURE(st)) return;
        std::vector<std::pair<int32_t, int32_t>> spans;
        while (m->find(st) && U_SUCCESS(st)) {
            const int32_t a = m->start(st), e = m->end(st);
            if (e <= a) continue;
            if (make(*m, a, e)) spans.emplace_back(a, e);
        }
        m.reset();  // before the text it reads changes
        for (const auto& [a, e] : spans)
            for (int32_t i = a; i < e; ++i) masked_.setCharAt(i, u' ');
    }

    value make(kind k, int32_t a, int32_t e) const {
        value v;
        v.k = k;
        v.shown = utf8(original_.tempSubString(a, e - a));
        v.start_byte = bytes_[static_cast<size_t>(a)];
        return v;
    }
    icu::UnicodeString group(const icu::RegexMatcher& m, int g) const {
        UErrorCode st = U_ZERO_ERROR;
        const int32_t a = m.start(g, st), e = m.end(g, st);
        if (U_FAILURE(st) || a < 0) return {};
        return original_.tempSubString(a, e - a);
    }
    const icu::UnicodeString& original() const { return original_; }
    const icu::UnicodeString& masked() const { return masked_; }
    lang language() const { return l_; }

   private:
    icu::UnicodeString original_, masked_;
    lang l_;
    std::vector<size_t> bytes_;
};

// The end of a web address: closing punctuation of the sentence is not part of it.
int32_t url_end(const icu::UnicodeString& u, int32_t a, int32_t e) {
    while (e > a && icu::UnicodeString(".,;:!?)'\u201d\u2019").indexOf(u.charAt(e - 1)) >= 0) --e;
    return e;
}

}  // namespace

std::vector<value> read_values(const std::string& s, lang l) {
    std::vector<value> out;
    const auto& d = data();
    const auto& ld = d.by_lang[static_cast<size_t>(l)];
    reader r(s, l);
    const bool digits = s.find_first_of("0123456789") != std::string::npos;
    const bool at = s.find('@') != std::string::npos;
    const bool web = s.find("http") != std::string::npos || s.find("www.") != std::string::npos ||
                     s.find("WWW.") != std::string::npos || s.find("HTTP") != std::string::npos;
    if (at)
        r.take(*d.email, [&](const icu::RegexMatcher&, int32_t a, int32_t e) {
            value v = r.make(kind::email, a, e);
            v.key = utf8(r.original().tempSubString(a, e - a).toLower());
            out.push_back(std::move(v));
            return true;
        });
    if (web)
        r.take(*d.url, [&](const icu::RegexMatcher&, int32_t a, int32_t e) {
            e = url_end(r.original(), a, e);
            value v = r.make(kind::url, a, e);
            // The host decides: a page may have its own address in each language (/fi/, /sv/dataskydd).
            std::string h = lower(v.shown);
            for (const char* p : {"https://", "http://"})
                if (h.rfind(p, 0) == 0) h = h.substr(std::string_view(p).size());
            if (h.rfind("www.", 0) == 0) h = h.substr(4);
            h = h.substr(0, h.find_first_of("/?#:"));
            v.key = h;
            out.push_back(std::move(v));
            return true;
        });
    if (digits)
        r.take(*d.business_id, [&](const icu::RegexMatcher&, int32_t a, int32_t e) {
            value v = r.make(kind::business_id, a, e);
            v.key = v.shown;
            out.push_back(std::move(v));
            return true;
        });
    if (digits)
        r.take(*d.phone, [&](const icu::RegexMatcher&, int32_t a, int32_t e) {
            value v = r.make(kind::phone, a, e);
            std::string digits, shown = v.shown;
            if (const size_t z = shown.find("(0)"); z != std::string::npos) shown.erase(z, 3);  // +358 (0)40
            for (char c : shown)
                if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
            if (digits.size() < 7 || digits.size() > 15) return false;
            if (v.shown[0] == '+')
                v.key = digits.rfind("358", 0) == 0 ? "0" + digits.substr(3) : "+" + digits;
            else
                v.key = digits;
            out.push_back(std::move(v));
            return true;
        });
    for (size_t i = 0; digits && i < ld.dates.size(); ++i)
        r.take(*ld.dates[i], [&](const icu::RegexMatcher& m, int32_t a, int32_t e) {
            const auto& o = ld.date_order[i];
            int day = 0, month = 0;
            if (o[0]) day = std::atoi(utf8(r.group(m, o[0])).c_str());
            const std::string mon = utf8(r.group(m, o[1]).toLower());
            if (ld.month_by_name[i]) {
                for (size_t k = 0; k < ld.months.size(); ++k)
                    if (icu::UnicodeString::fromUTF8(ld.months[k]).toLower() == icu::UnicodeString::fromUTF8(mon))
                        month = static_cast<int>(k) + 1;
            } else {
                month = std::atoi(mon.c_str());
            }
            const int year = std::atoi(utf8(r.group(m, o[2])).c_str());
            if (month < 1 || month > 12 || (o[0] && (day < 1 || day > 31)) || year < 1000) return false;
            value v = r.make(kind::date, a, e);
            v.key = std::to_string(year) + "-" + two(month) + (o[0] ? "-" + two(day) : "");
            out.push_back(std::move(v));
            return true;
        });
    for (const auto& u : ld.units) {
        r.take(*u.re, [&](const icu::RegexMatcher& m, int32_t a, int32_t e) {
            const auto amount = parse_amount(r.group(m, 1), ld);
            if (!amount) return false;
            value v = r.make(kind::duration, a, e);
            v.key = format_amount(*amount * u.factor) + " " + u.base;
            v.amount = format_amount(*amount);
            out.push_back(std::move(v));
            return true;
        });
        if (u.one)
            r.take(*u.one, [&](const icu::RegexMatcher&, int32_t a, int32_t e) {
                value v = r.make(kind::duration, a, e);
                v.key = format_amount(u.factor) + " " + u.base;
                v.amount = "1";
                out.push_back(std::move(v));
                return true;
            });
    }
    // Number words left: "twelve characters" may render "12 merkkiä" (they match, are not reported).
    r.take(*ld.word, [&](const icu::RegexMatcher&, int32_t a, int32_t e) {
        const auto amount = parse_amount(r.original().tempSubString(a, e - a), ld);
        if (!amount) return false;
        value v = r.make(kind::number, a, e);
        v.key = format_amount(*amount);
        v.weak = true;
        out.push_back(std::move(v));
        return true;
    });
    if (digits)
        r.take(*d.number, [&](const icu::RegexMatcher&, int32_t a, int32_t e) {
            const icu::UnicodeString& t = r.masked();
            const UChar32 next = e < t.length() ? t.char32At(e) : U' ';
            const UChar32 prev = a > 0 ? t.char32At(a - 1) : U' ';
            if (u_isalpha(next)) {
                // An ordinal ("2nd"), or a number inside a word ("4G"): only the ordinal counts.
                const std::string rest = lower(utf8(t.tempSubString(e, 3)));
                const bool ordinal = l == lang::en &&
                                     (rest.rfind("st", 0) == 0 || rest.rfind("nd", 0) == 0 ||
                                      rest.rfind("rd", 0) == 0 || rest.rfind("th", 0) == 0) &&
                                     (rest.size() < 3 || !std::isalpha(static_cast<unsigned char>(rest[2])));
                if (!ordinal) return false;
            }
            // A number in a compound word ("15-vuotiaat", "2-vaiheinen") may be written in words in another
            // language: it matches but is not reported. List numbering ("1) nimi") is not a value.
            const bool weak = next == U'-' && e + 1 < t.length() && u_isalpha(t.char32At(e + 1));
            if (next == U')' && prev != U'(') {
                // "1) nimi" numbers a list; "(… 10 §, section 4)" closes a parenthesis.
                int depth = 0;
                for (int32_t i = a - 1; i >= 0; --i) {
                    const UChar c = t.charAt(i);
                    if (c == u'\n') break;
                    depth += c == u'(' ? 1 : c == u')' ? -1 : 0;
                }
                if (depth <= 0) return false;
            }
            value v = r.make(kind::number, a, e);
            v.weak = weak;
            number_key(v.shown, l, v);
            out.push_back(std::move(v));
            return true;
        });
    std::stable_sort(out.begin(), out.end(), [](const value& x, const value& y) {
        return x.k != y.k ? x.k < y.k : x.start_byte < y.start_byte;
    });
    return out;
}

shape shape_of(const std::string& s) {
    shape out;
    size_t pos = 0;
    while (pos <= s.size()) {
        size_t end = s.find("\n\n", pos);
        if (end == std::string::npos) end = s.size();
        const std::string_view p = std::string_view(s).substr(pos, end - pos);
        if (!p.empty()) {
            ++out.paragraphs;
            const bool bullet = p.starts_with("- ") || p.starts_with("* ") || p.starts_with("\u2022 ") ||
                                p.starts_with("\u2013 ") || p.starts_with("\u2014 ");
            size_t i = 0;
            while (i < p.size() && std::isdigit(static_cast<unsigned char>(p[i]))) ++i;
            const bool numbered =
                (i > 0 && i < 4 && i + 1 < p.size() && (p[i] == '.' || p[i] == ')') && p[i + 1] == ' ') ||
                (p.size() > 2 && std::isalpha(static_cast<unsigned char>(p[0])) && p[1] == ')' && p[2] == ' ');
            if (bullet || numbered) ++out.list_items;
        }
        pos = end + 2;
    }
    return out;
}

}  // namespace seloste::detail::translation
