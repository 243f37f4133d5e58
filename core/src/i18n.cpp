#include "seloste/i18n.hpp"

#include <unicode/coll.h>
#include <unicode/datefmt.h>
#include <unicode/listformatter.h>
#include <unicode/locid.h>
#include <unicode/msgfmt.h>
#include <unicode/timezone.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <unordered_map>

#include "embedded.hpp"
#include "seloste/errors.hpp"

namespace seloste {
namespace {

using json = nlohmann::json;

std::string to_utf8(const icu::UnicodeString& s) {
    std::string out;
    s.toUTF8String(out);
    return out;
}

icu::UnicodeString from_utf8(std::string_view s) {
    return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

void ok_or_throw(UErrorCode status, const std::string& what) {
    if (U_FAILURE(status)) throw icu_error("ICU failed: " + what + " (" + u_errorName(status) + ")");
}

const json& load_json(const std::string& path) {
    static std::mutex mu;
    static std::unordered_map<std::string, std::unique_ptr<json>> cache;
    std::lock_guard lock(mu);
    auto& slot = cache[path];
    if (!slot) {
        auto content = detail::embedded_file(path);
        if (!content) throw icu_error("missing data file " + path);
        slot = std::make_unique<json>(json::parse(*content));
    }
    return *slot;
}

// Looks up by string_view without building a key string.
struct key_hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

struct catalog {
    std::unordered_map<std::string, std::string, key_hash, std::equal_to<>> texts;
};

const catalog& catalog_for(lang l) {
    static std::once_flag once[3];
    static catalog cats[3];
    const auto i = static_cast<size_t>(l);
    std::call_once(once[i], [&] {
        const json& j = load_json("core/data/messages/" + std::string(lang_code(l)) + ".json");
        for (auto it = j.begin(); it != j.end(); ++it)
            if (it.value().is_string()) cats[i].texts.emplace(it.key(), it.value().get<std::string>());
    });
    return cats[i];
}

// ICU format objects are not safe to share between threads: one set per thread.
struct thread_formatters {
    std::unique_ptr<icu::DateFormat> dates[3];
    std::unique_ptr<icu::ListFormatter> lists[3];
    std::unique_ptr<icu::ListFormatter> unit_lists[3];
    std::unique_ptr<icu::Collator> collators[3];
    std::unordered_map<std::string, std::unique_ptr<icu::MessageFormat>> messages[3];
    // Results that depend only on their input: formatting them again costs ICU
    // a formatter each time (a duration about 10 µs).
    std::unordered_map<std::uint64_t, std::string> dates_done[3];
    std::unordered_map<std::uint64_t, std::string> durations_done[3];
    std::unordered_map<std::string, std::string> countries_done[3];
    std::unordered_map<std::string, std::string> messages_done[3];
};
thread_formatters& formatters() {
    thread_local thread_formatters f;
    return f;
}

}  // namespace

const char* icu_locale(lang l) {
    switch (l) {
        case lang::fi: return "fi_FI";
        case lang::sv: return "sv_FI";
        case lang::en: return "en_GB";
    }
    return "fi_FI";
}

const std::string& message(lang l, std::string_view key) {
    const auto& texts = catalog_for(l).texts;
    auto it = texts.find(key);
    if (it == texts.end())
        throw icu_error("no standard text \"" + std::string(key) + "\" in core/data/messages/" +
                        std::string(lang_code(l)) + ".json");
    return it->second;
}

std::string format_message(lang l, std::string_view key, const std::map<std::string, std::string>& args,
                           const std::map<std::string, double>& numbers) {
    const auto i = static_cast<size_t>(l);
    // The same message with the same arguments gives the same text: formatting it
    // again costs ICU some 20,000 instructions.
    // The key spells every part with its length first, so no two argument sets share one.
    std::string memo_key;
    const auto part = [&memo_key](std::string_view p) { ((memo_key += std::to_string(p.size())) += ':') += p; };
    part(key);
    for (const auto& [k, v] : args) {
        part(k);
        part(v);
    }
    memo_key += '#';
    for (const auto& [k, v] : numbers) {
        char buf[32];
        const auto r = std::to_chars(buf, buf + sizeof buf, v);
        part(k);
        part(std::string_view(buf, static_cast<size_t>(r.ptr - buf)));
    }
    auto& done = formatters().messages_done[i];
    if (auto it = done.find(memo_key); it != done.end()) return it->second;
    const std::string& pattern = message(l, key);
    auto& slot = formatters().messages[i][std::string(key)];
    if (!slot) {
        UErrorCode st = U_ZERO_ERROR;
        slot = std::make_unique<icu::MessageFormat>(from_utf8(pattern), icu::Locale(icu_locale(l)), st);
        ok_or_throw(st, "message \"" + std::string(key) + "\" in " + std::string(lang_code(l)) + ".json");
    }
    std::vector<icu::UnicodeString> names;
    std::vector<icu::Formattable> values;
    for (const auto& [k, v] : args) {
        names.push_back(from_utf8(k));
        values.emplace_back(from_utf8(v));
    }
    for (const auto& [k, v] : numbers) {
        names.push_back(from_utf8(k));
        values.emplace_back(v);
    }
    icu::UnicodeString out;
    UErrorCode st = U_ZERO_ERROR;
    slot->format(names.data(), values.data(), static_cast<int32_t>(names.size()), out, st);
    ok_or_throw(st, "formatting \"" + std::string(key) + "\"");
    std::string text = to_utf8(out);
    if (done.size() >= 4096) done.clear();
    done.emplace(std::move(memo_key), text);
    return text;
}

namespace {

// Three numbers of 0 to 2^21 - 1 as one key; none when one is outside (no memo then).
std::optional<std::uint64_t> pack(int a, int b, int c) {
    const auto fits = [](int v) { return v >= 0 && v <= 0x1FFFFF; };
    if (!fits(a) || !fits(b) || !fits(c)) return std::nullopt;
    const auto part = [](int v) { return static_cast<std::uint64_t>(v); };
    return part(a) << 42 | part(b) << 21 | part(c);
}

std::string format_date_uncached(const date& d, lang l) {
    const auto i = static_cast<size_t>(l);
    auto& fmt = formatters().dates[i];
    if (!fmt) {
        // ICU's own (CLDR) patterns. fi short: 22.2.2025. sv_FI long: 22 februari 2025
        // (its short form, 2025-02-22, is not Finland-Swedish usage). en_GB long:
        // 22 February 2025, unambiguous for international readers.
        fmt.reset(icu::DateFormat::createDateInstance(l == lang::fi ? icu::DateFormat::kShort : icu::DateFormat::kLong,
                                                      icu::Locale(icu_locale(l))));
        if (!fmt) throw icu_error("ICU failed: no date format for " + std::string(icu_locale(l)));
        fmt->adoptTimeZone(icu::TimeZone::createTimeZone("UTC"));
    }
    UErrorCode st = U_ZERO_ERROR;
    std::unique_ptr<icu::Calendar> cal(fmt->getCalendar()->clone());
    cal->clear();
    cal->set(d.year, d.month - 1, d.day, 12, 0, 0);
    UDate when = cal->getTime(st);
    ok_or_throw(st, "date " + d.iso());
    icu::UnicodeString out;
    fmt->format(when, out);
    return to_utf8(out);
}

// Each unit through the catalog (duration.years, .months, .days: Finland-Swedish
// "dag", where CLDR's sv has "dygn"), joined as ICU joins units ("1 year, 6 months").
std::string format_duration_uncached(const duration& d, lang l) {
    const auto i = static_cast<size_t>(l);
    std::vector<std::string> parts;
    const auto add = [&](int n, const char* key) {
        if (n > 0) parts.push_back(format_message(l, key, {}, {{"count", static_cast<double>(n)}}));
    };
    add(d.years, "duration.years");
    add(d.months, "duration.months");
    add(d.days, "duration.days");
    auto& fmt = formatters().unit_lists[i];
    if (!fmt) {
        UErrorCode st = U_ZERO_ERROR;
        fmt.reset(icu::ListFormatter::createInstance(icu::Locale(icu_locale(l)), ULISTFMT_TYPE_UNITS,
                                                     ULISTFMT_WIDTH_WIDE, st));
        ok_or_throw(st, "unit list format");
    }
    std::vector<icu::UnicodeString> us;
    us.reserve(parts.size());
    for (const auto& p : parts) us.push_back(from_utf8(p));
    icu::UnicodeString out;
    UErrorCode st = U_ZERO_ERROR;
    fmt->format(us.data(), static_cast<int32_t>(us.size()), out, st);
    ok_or_throw(st, "duration");
    return to_utf8(out);
}

// The remembered text for `key`, else make() remembered (at most 4,096 per table).
template <class Key, class Make>
std::string remembered(std::unordered_map<Key, std::string>& done, const std::optional<Key>& key, Make make) {
    if (!key) return make();
    if (auto it = done.find(*key); it != done.end()) return it->second;
    std::string text = make();
    if (done.size() < 4096) done.emplace(*key, text);
    return text;
}

}  // namespace

std::string format_date(const date& d, lang l) {
    return remembered(formatters().dates_done[static_cast<size_t>(l)], pack(d.year, d.month, d.day),
                      [&] { return format_date_uncached(d, l); });
}

std::string format_list(const std::vector<std::string>& items, lang l) {
    const auto i = static_cast<size_t>(l);
    auto& fmt = formatters().lists[i];
    if (!fmt) {
        UErrorCode st = U_ZERO_ERROR;
        fmt.reset(icu::ListFormatter::createInstance(icu::Locale(icu_locale(l)), st));
        ok_or_throw(st, "list format");
    }
    std::vector<icu::UnicodeString> us;
    us.reserve(items.size());
    for (const auto& s : items) us.push_back(from_utf8(s));
    icu::UnicodeString out;
    UErrorCode st = U_ZERO_ERROR;
    fmt->format(us.data(), static_cast<int32_t>(us.size()), out, st);
    ok_or_throw(st, "list");
    return to_utf8(out);
}

std::string format_duration(const duration& d, lang l) {
    return remembered(formatters().durations_done[static_cast<size_t>(l)], pack(d.years, d.months, d.days),
                      [&] { return format_duration_uncached(d, l); });
}

std::string country_name(const std::string& code, lang l) {
    return remembered(formatters().countries_done[static_cast<size_t>(l)], std::optional<std::string>(code), [&] {
        icu::UnicodeString name;
        icu::Locale("", code.c_str()).getDisplayCountry(icu::Locale(icu_locale(l)), name);
        std::string out = to_utf8(name);
        return out.empty() ? code : out;
    });
}

void sort_collated(std::vector<std::string>& items, lang l) {
    const auto i = static_cast<size_t>(l);
    auto& coll = formatters().collators[i];
    if (!coll) {
        UErrorCode st = U_ZERO_ERROR;
        coll.reset(icu::Collator::createInstance(icu::Locale(icu_locale(l)), st));
        ok_or_throw(st, "collator");
    }
    std::stable_sort(items.begin(), items.end(), [&](const std::string& a, const std::string& b) {
        UErrorCode st = U_ZERO_ERROR;
        return coll->compareUTF8(a, b, st) == UCOL_LESS;
    });
}

std::string format_address(const address& a, lang l) {
    const auto part = [l](const text& t) {
        auto r = t.get(l);
        return r.value ? *r.value : std::string();
    };
    std::string s = part(a.street);
    const std::string town = part(a.town);
    if (!a.postal_code.empty() || !town.empty())
        s += (s.empty() ? "" : ", ") + a.postal_code + (a.postal_code.empty() || town.empty() ? "" : " ") + town;
    // The country where the page's reader may be abroad: an English page is read
    // from anywhere, so it always names the country; a Finnish or Swedish page is
    // addressed to readers in Finland, as Finnish post writes a domestic address,
    // and names it only for an address outside Finland.
    if (!a.country.empty() && (l == lang::en || a.country != "FI")) s += ", " + country_name(a.country, l);
    return s;
}

authority_info authority(lang l) {
    const json& j = load_json("core/data/authority.json");
    const std::string code(lang_code(l));
    auto pick_in = [&](const json& o, const char* k) {
        return o.at(k).is_object() ? o.at(k).at(code).get<std::string>() : o.at(k).get<std::string>();
    };
    auto pick = [&](const char* k) { return pick_in(j, k); };
    auto address_of = [&](const char* k) {
        const json& o = j.at(k);
        address a;
        a.street.neutral = pick_in(o, "street");
        a.postal_code = pick_in(o, "postal_code");
        a.town.neutral = pick_in(o, "town");
        a.country = pick_in(o, "country");
        return format_address(a, l);
    };
    return {pick("name"),
            address_of("visiting_address"),
            address_of("postal_address"),
            pick("phone"),
            pick("phone_e164"),
            pick("email"),
            pick("web")};
}

}  // namespace seloste
