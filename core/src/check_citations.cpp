// Legal citations in free text (docs/checks.md, "Legal citations"): the GDPR's number
// written wrong or the repealed directive cited (law.regulation-number), GDPR articles that
// do not exist (law.article-exists), Finnish acts cited by a wrong number (law.act-number).
// The data: core/data/citations.json.
#include <unicode/regex.h>

#include <nlohmann/json.hpp>

#include "check_impl.hpp"
#include "seloste/errors.hpp"

namespace seloste::detail {
namespace {

using json = nlohmann::json;

pattern_set patterns(const json& j) {
    pattern_set p;
    for (auto& [key, list] : j.items()) {
        pattern_list* target = &p.any;
        if (key != "any") {
            const auto l = parse_lang(key);
            if (!l) throw error("check data: citations.json: unknown language \"" + key + "\"");
            target = &p.by_lang[static_cast<size_t>(*l)];
        }
        for (const auto& t : list) target->push_back(std::make_shared<const term_pattern>(t.get<std::string>()));
    }
    return p;
}

struct act {
    std::string number;
    pattern_set name;
};

struct citation_data {
    pattern_set regulation_wrong, directive, repealed_words;
    int article_count = 99;
    std::map<int, int> paragraphs;              // article -> paragraphs
    std::map<std::pair<int, int>, int> points;  // (article, paragraph) -> points (letters)
    std::vector<act> acts;
};

const citation_data& data() {
    static const citation_data d = [] {
        citation_data c;
        json j;
        try {
            j = json::parse(check_data_file("core/data/citations.json"));
        } catch (const json::exception& e) {
            throw error(std::string("check data: core/data/citations.json: ") + e.what());
        }
        c.regulation_wrong = patterns(j.at("regulation_wrong"));
        c.directive = patterns(json{{"any", j.at("directive").at("any")}});
        c.repealed_words = patterns(j.at("directive").at("not_repealed_unless"));
        const auto& a = j.at("articles");
        c.article_count = a.at("count").get<int>();
        for (auto& [art, n] : a.at("paragraphs").items()) c.paragraphs[std::stoi(art)] = n.get<int>();
        for (auto& [art, ps] : a.at("points").items())
            for (auto& [para, n] : ps.items()) c.points[{std::stoi(art), std::stoi(para)}] = n.get<int>();
        for (const auto& x : j.at("acts"))
            c.acts.push_back({x.at("number").get<std::string>(), patterns(x.at("name"))});
        return c;
    }();
    return d;
}

// A regular-expression match with its groups (UTF-8); groups that did not take part are empty.
struct group_match {
    term_match whole;
    std::vector<std::string> groups;
};

std::string utf8(const icu::UnicodeString& u) {
    std::string s;
    u.toUTF8String(s);
    return s;
}

std::vector<group_match> match_all(const icu::RegexPattern& re, const std::string& s) {
    std::vector<group_match> out;
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
    UErrorCode st = U_ZERO_ERROR;
    std::unique_ptr<icu::RegexMatcher> m(re.matcher(u, st));
    if (U_FAILURE(st)) return out;
    while (m->find(st) && U_SUCCESS(st) && out.size() < max_term_matches) {
        const int32_t b = m->start(st), e = m->end(st);
        group_match g;
        g.whole.text = utf8(u.tempSubString(b, e - b));
        g.whole.start_cp = static_cast<size_t>(u.countChar32(0, b));
        g.whole.start_byte = utf8(u.tempSubString(0, b)).size();
        for (int32_t i = 1; i <= m->groupCount(); ++i) {
            const int32_t gb = m->start(i, st), ge = m->end(i, st);
            g.groups.push_back(gb < 0 ? std::string() : utf8(u.tempSubString(gb, ge - gb)));
        }
        out.push_back(std::move(g));
    }
    return out;
}

const icu::RegexPattern& compiled(const char* src) {
    // The article forms are syntax, not data: they are the same for every article.
    static std::mutex mu;
    static std::map<const char*, std::unique_ptr<icu::RegexPattern>> cache;
    std::lock_guard<std::mutex> lock(mu);
    auto& p = cache[src];
    if (!p) {
        UErrorCode st = U_ZERO_ERROR;
        UParseError pe;
        p.reset(icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(src), UREGEX_CASE_INSENSITIVE, pe, st));
        if (U_FAILURE(st)) throw error(std::string("check: bad article pattern ") + src);
    }
    return *p;
}

// The forms of an article citation per language; groups: article, paragraph, point.
struct article_form {
    const char* re;
    int art, para, point;
};

std::vector<article_form> article_forms(std::optional<lang> l) {
    // "Article 6(1)(g)", "Art. 100", "artikla 6(1)(g)", "artiklan 9 kohta 2"... are not all
    // the same word order: the number of each group says which is which.
    static const article_form en[] = {
        {"\\b(?:Art\\.|Arts\\.|Articles?)\\s*(\\d{1,3})(?:\\s*\\((\\d{1,2})\\))?(?:\\s*\\(([a-z])\\))?(?![\\d/])", 1, 2,
         3}};
    static const article_form fi[] = {{"\\b(?:artikla|artiklan|artiklassa|artiklat|art\\.)\\s*(\\d{1,3})(?:\\s*\\((\\d{"
                                       "1,2})\\))?(?:\\s*\\(([a-z])\\))?"
                                       "(?![\\d/])",
                                       1, 2, 3},
                                      {"\\b(\\d{1,3})\\s+artikla(?:n|ssa)?(?:\\s+(\\d{1,2})\\s+kohda(?:n|ssa)?|\\s+("
                                       "\\d{1,2})\\s+kohta)?(?:\\s+([a-z])"
                                       "\\s+alakoh(?:ta|dan|dassa))?",
                                       1, 2, 4}};
    static const article_form sv[] = {
        {"\\b(?:artikel|artikeln|art\\.)\\s*(\\d{1,3})(?:\\.(\\d{1,2})|\\s*\\((\\d{1,2})\\))?(?:\\s*\\(([a-z])\\)|\\s+("
         "[a-hj-z])"
         "\\b(?!\\s*[-–]))?(?![\\d/])",
         1, 2, 4}};
    std::vector<article_form> out;
    if (!l || *l == lang::en) out.insert(out.end(), std::begin(en), std::end(en));
    if (!l || *l == lang::fi) out.insert(out.end(), std::begin(fi), std::end(fi));
    if (!l || *l == lang::sv) out.insert(out.end(), std::begin(sv), std::end(sv));
    return out;
}

std::string group(const std::vector<std::string>& g, int i) {
    return i >= 1 && static_cast<size_t>(i) <= g.size() ? g[static_cast<size_t>(i - 1)] : std::string();
}

// The first non-empty of group i and the one after it (alternative spellings).
std::string group_or_next(const std::vector<std::string>& g, int i) {
    std::string s = group(g, i);
    return s.empty() ? group(g, i + 1) : s;
}

// Whether the sentence around byte offset `at` says the directive is repealed.
bool says_repealed(const pattern_set& words, std::optional<lang> l, const std::string& s, size_t at) {
    size_t b = s.find_last_of(".!?", at);
    b = b == std::string::npos ? 0 : b + 1;
    size_t e = s.find_first_of("!?", at);
    size_t dot = s.find(". ", at);
    e = std::min(e == std::string::npos ? s.size() : e, dot == std::string::npos ? s.size() : dot);
    return !find_terms(words, l, s.substr(b, e - b)).empty();
}

}  // namespace

void checker::citations(const text_ref& tr, const std::string& reg) {
    const auto& d = data();
    const text& t = *tr.t;
    for (const auto& v : values(t)) {
        if (wanted("law.regulation-number")) {
            for (const auto& m : find_terms(d.regulation_wrong, v.l, *v.s))
                emit(make_finding("law.regulation-number", "wrong", where_in(t, v, m), reg,
                                  {{"field", tr.field}, {"term", m.text}}));
            for (const auto& m : find_terms(d.directive, v.l, *v.s))
                if (!says_repealed(d.repealed_words, v.l, *v.s, m.start_byte))
                    emit(make_finding("law.regulation-number", "directive", where_in(t, v, m), reg,
                                      {{"field", tr.field}, {"term", m.text}}));
        }
        if (wanted("law.article-exists")) {
            for (const auto& form : article_forms(v.l)) {
                for (const auto& g : match_all(compiled(form.re), *v.s)) {
                    const int art = std::stoi(group(g.groups, form.art));
                    const std::string para_s = group_or_next(g.groups, form.para);
                    const std::string point_s = group_or_next(g.groups, form.point);
                    std::string why;
                    if (art < 1 || art > d.article_count) {
                        why = "article";
                    } else if (!para_s.empty()) {
                        const int para = std::stoi(para_s);
                        auto pc = d.paragraphs.find(art);
                        if (pc != d.paragraphs.end() && (para < 1 || para > pc->second)) {
                            why = "paragraph";
                        } else if (!point_s.empty()) {
                            auto pt = d.points.find({art, para});
                            const int letter = point_s[0] - 'a' + 1;
                            if (pt != d.points.end() && letter > pt->second) why = "point";
                        }
                    }
                    if (why.empty()) continue;
                    params p{{"field", tr.field}, {"term", g.whole.text}, {"value", std::to_string(art)}};
                    p["expected"] =
                        why == "article" ? std::to_string(d.article_count)
                        : why == "paragraph"
                            ? std::to_string(d.paragraphs.at(art))
                            : std::string(1, static_cast<char>('a' + d.points.at({art, std::stoi(para_s)}) - 1));
                    emit(make_finding("law.article-exists", why, where_in(t, v, g.whole), reg, p));
                }
            }
        }
        if (wanted("law.act-number")) {
            for (const auto& a : d.acts) {
                for (const auto& m : find_terms(a.name, v.l, *v.s)) {
                    // The number right after the name: "tietosuojalaki (1050/2018)", "tietosuojalaki 1050/2018".
                    const std::string rest = v.s->substr(m.start_byte + m.text.size(), 24);
                    static const char* const num =
                        "^\\s*\\(?\\s*(?:nro\\s*|nr\\s*|No\\.?\\s*)?(\\d{1,4}/(?:19|20)\\d\\d)\\b";
                    const auto n = match_all(compiled(num), rest);
                    if (n.empty() || n[0].groups[0] == a.number) continue;
                    term_match at = n[0].whole;
                    at.text = n[0].groups[0];
                    at.start_byte = m.start_byte + m.text.size() + rest.find(at.text);
                    emit(make_finding("law.act-number", "wrong", where_in(t, v, at), reg,
                                      {{"field", tr.field},
                                       {"term", m.text + " " + at.text},
                                       {"value", at.text},
                                       {"expected", m.text + " (" + a.number + ")"}}));
                }
            }
        }
    }
}

}  // namespace seloste::detail
