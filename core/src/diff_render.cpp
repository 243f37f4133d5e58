// The semantic diff told in words (fi, sv, en; templates in core/data/diff-messages.json),
// as text and as the JSON form of docs/diff.md, and the short word diff of a text.
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "diff_impl.hpp"
#include "embedded.hpp"
#include "seloste/errors.hpp"
#include "seloste/i18n.hpp"

namespace seloste {

namespace {

using json = nlohmann::json;

const json& templates() {
    static const json j = [] {
        auto content = detail::embedded_file("core/data/diff-messages.json");
        if (!content) throw icu_error("missing data file core/data/diff-messages.json");
        return json::parse(*content);
    }();
    return j;
}

// templates()[group][key][lang], or nullptr.
const std::string* lookup(const char* group, const std::string& key, lang l) {
    const json& g = templates().at(group);
    auto it = g.find(key);
    if (it == g.end()) return nullptr;
    return it->at(std::string(lang_code(l))).get_ptr<const std::string*>();
}

std::string label(const char* group, const std::string& key, lang l) {
    const std::string* s = lookup(group, key, l);
    if (!s) throw icu_error("no \"" + key + "\" in \"" + group + "\" of core/data/diff-messages.json");
    return *s;
}

std::string capitalised(const std::string& s) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
    if (u.isEmpty()) return s;
    const UChar32 c = u.char32At(0);
    u.replace(0, U16_LENGTH(c), icu::UnicodeString(u_toupper(c)));
    std::string out;
    u.toUTF8String(out);
    return out;
}

std::string fill(const std::string& pattern, const std::map<std::string, std::string>& args) {
    std::string out;
    for (size_t i = 0; i < pattern.size();) {
        if (pattern[i] == '{') {
            const size_t end = pattern.find('}', i);
            if (end != std::string::npos) {
                auto it = args.find(pattern.substr(i + 1, end - i - 1));
                if (it != args.end()) {
                    out += it->second;
                    i = end + 1;
                    continue;
                }
            }
        }
        out += pattern[i++];
    }
    return out;
}

std::vector<std::string> split_words(std::string_view s) {
    std::vector<std::string> out;
    size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r')) ++i;
        size_t j = i;
        while (j < s.size() && s[j] != ' ' && s[j] != '\n' && s[j] != '\t' && s[j] != '\r') ++j;
        if (j > i) out.emplace_back(s.substr(i, j - i));
        i = j;
    }
    return out;
}

std::string join(const std::vector<std::string>& v, size_t from, size_t to, size_t most) {
    std::string s;
    for (size_t k = from; k < to && k < from + most; ++k) s += (s.empty() ? "" : " ") + v[k];
    if (to - from > most) s += " …";
    return s;
}

nlohmann::ordered_json per_lang_json(const per_lang& p) {
    if (std::all_of(p.begin(), p.end(), [](const std::string& s) { return s.empty(); })) return nullptr;
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    for (lang l : all_langs) j[std::string(lang_code(l))] = p[static_cast<size_t>(l)];
    return j;
}

nlohmann::ordered_json location_json(const source_location& w) {
    if (w.file.empty() && w.line == 0) return nullptr;
    return nlohmann::ordered_json{{"file", w.file.str()}, {"line", w.line}, {"column", w.column}};
}

}  // namespace

namespace detail {

per_lang value_label(const std::string& key) {
    per_lang out;
    for (lang l : all_langs) out[static_cast<size_t>(l)] = label("values", key, l);
    return out;
}

per_lang shorten(per_lang p) {
    constexpr size_t most = 80;
    for (auto& s : p) {
        std::string one;  // on one line: runs of white space as one space
        for (char ch : s) {
            const bool space = ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r';
            if (!space)
                one += ch;
            else if (!one.empty() && one.back() != ' ')
                one += ' ';
        }
        while (!one.empty() && one.back() == ' ') one.pop_back();
        s = std::move(one);
        if (s.size() <= most) continue;
        size_t cut = s.rfind(' ', most);
        if (cut == std::string::npos || cut < most / 2) {
            cut = most;
            while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
        }
        s = s.substr(0, cut) + "…";
    }
    return p;
}

}  // namespace detail

std::string word_diff(std::string_view before, std::string_view after) {
    const auto a = split_words(before), b = split_words(after);
    if (a == b) return {};
    // The common start and end, then the longest common subsequence of the rest.
    size_t pre = 0;
    while (pre < a.size() && pre < b.size() && a[pre] == b[pre]) ++pre;
    size_t suf = 0;
    while (suf < a.size() - pre && suf < b.size() - pre && a[a.size() - 1 - suf] == b[b.size() - 1 - suf]) ++suf;
    const size_t n = a.size() - pre - suf, m = b.size() - pre - suf;
    struct op {
        char kind;  // '=', '-', '+'
        const std::string* word;
    };
    std::vector<op> ops;
    for (size_t k = 0; k < pre; ++k) ops.push_back({'=', &a[k]});
    if (n * m <= 4'000'000) {
        std::vector<std::vector<unsigned>> L(n + 1, std::vector<unsigned>(m + 1, 0));
        for (size_t i = n; i-- > 0;)
            for (size_t j = m; j-- > 0;)
                L[i][j] = a[pre + i] == b[pre + j] ? L[i + 1][j + 1] + 1 : std::max(L[i + 1][j], L[i][j + 1]);
        size_t i = 0, j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a[pre + i] == b[pre + j])
                ops.push_back({'=', &a[pre + i++]}), ++j;
            else if (j < m && (i == n || L[i][j + 1] >= L[i + 1][j]))
                ops.push_back({'+', &b[pre + j++]});
            else
                ops.push_back({'-', &a[pre + i++]});
        }
    } else {  // too long to compare word by word: the middle as one change
        for (size_t i = 0; i < n; ++i) ops.push_back({'-', &a[pre + i]});
        for (size_t j = 0; j < m; ++j) ops.push_back({'+', &b[pre + j]});
    }
    for (size_t k = 0; k < suf; ++k) ops.push_back({'=', &a[a.size() - suf + k]});

    constexpr size_t context = 3, most = 12;
    std::vector<bool> keep(ops.size(), false);
    for (size_t k = 0; k < ops.size(); ++k)
        if (ops[k].kind != '=')
            for (size_t d = k >= context ? k - context : 0; d < std::min(ops.size(), k + context + 1); ++d)
                keep[d] = true;
    std::string out;
    const auto put = [&](const std::string& s) { out += (out.empty() || out.ends_with("…") ? "" : " ") + s; };
    for (size_t k = 0; k < ops.size();) {
        if (ops[k].kind == '=') {
            if (keep[k])
                put(*ops[k].word);
            else if (!out.ends_with("…"))
                out += out.empty() ? "…" : " …";
            ++k;
            continue;
        }
        std::vector<std::string> del, ins;
        for (; k < ops.size() && ops[k].kind != '='; ++k) (ops[k].kind == '-' ? del : ins).push_back(*ops[k].word);
        std::string hunk;
        if (!del.empty()) hunk += "[-" + join(del, 0, del.size(), most) + "-]";
        if (!ins.empty()) hunk += "{+" + join(ins, 0, ins.size(), most) + "+}";
        put(hunk);
    }
    if (out.ends_with(" …")) out.replace(out.size() - std::string_view(" …").size(), 1, "");
    return out;
}

namespace {

std::string tell_change(const diff_change& c, lang l, bool with_words) {
    const size_t i = static_cast<size_t>(l);
    const std::string op(change_op_code(c.op));
    const std::string* pattern = nullptr;
    const std::string sof = c.section + "." + op + (c.field.empty() ? "" : "." + c.field);
    if (!with_words && c.op == change_op::text)  // a page tells that a text changed, not how
        for (const std::string& key : {c.section + ".text.brief", std::string("text.brief")})
            if ((pattern = lookup("messages", key, l))) break;
    if (!pattern)
        for (const std::string& key : {c.key.empty() ? sof + ".nokey" : std::string(), sof, c.section + "." + op,
                                       op + (c.field.empty() ? "" : "." + c.field), op})
            if (!key.empty() && (pattern = lookup("messages", key, l))) break;
    if (!pattern) return {};
    const std::string none = label("values", "none", l);
    std::map<std::string, std::string> args;
    args["section"] = label("sections", c.section, l);
    args["Section"] = capitalised(args["section"]);
    args["field"] = c.field.empty() ? "" : label("fields", c.field, l);
    args["item"] = c.item[i];
    args["item_q"] =
        c.item[i].empty() ? "" : " " + label("values", "quote_open", l) + c.item[i] + label("values", "quote_close", l);
    args["before"] = c.before[i].empty() ? none : c.before[i];
    args["after"] = c.after[i].empty() ? none : c.after[i];
    const std::string& detail = c.op == change_op::removed ? c.before[i] : c.after[i];
    args["detail"] = detail.empty() ? "" : " (" + detail + ")";
    std::string words = c.words[i];
    if (words.empty() && c.op == change_op::text)  // unchanged in this language: the change in another
        for (lang o : all_langs)
            if (!c.words[static_cast<size_t>(o)].empty()) {
                words = c.words[static_cast<size_t>(o)] + " (" + std::string(lang_code(o)) + ")";
                break;
            }
    args["words"] = words;
    args["key"] = c.key;
    return fill(*pattern, args);
}

}  // namespace

std::string describe_change(const diff_change& c, lang l) {
    return tell_change(c, l, true);
}

std::string summarize_change(const diff_change& c, lang l) {
    return tell_change(c, l, false);
}

std::string format_diff(const diff_result& d, lang l) {
    std::string out;
    std::vector<std::string> order;
    for (const auto& c : d.changes)
        if (std::find(order.begin(), order.end(), c.register_id) == order.end()) order.push_back(c.register_id);
    for (const auto& id : order) {
        if (id.empty())
            out += label("headings", "source", l) + "\n";
        else {
            std::string name = id;
            if (auto it = d.register_names.find(id);
                it != d.register_names.end() && !it->second[static_cast<size_t>(l)].empty())
                name = it->second[static_cast<size_t>(l)];
            out += fill(label("headings", "register", l), {{"name", name}, {"id", id}}) + "\n";
        }
        for (const auto& c : d.changes)
            if (c.register_id == id) out += "  " + describe_change(c, l) + "\n";
    }
    return out;
}

std::string diff_to_json(const diff_result& d) {
    using ojson = nlohmann::ordered_json;
    ojson changes = ojson::array();
    for (const auto& c : d.changes) {
        ojson j;
        j["register"] = c.register_id.empty() ? ojson(nullptr) : ojson(c.register_id);
        j["section"] = c.section;
        j["op"] = std::string(change_op_code(c.op));
        j["field"] = c.field.empty() ? ojson(nullptr) : ojson(c.field);
        j["key"] = c.key.empty() ? ojson(nullptr) : ojson(c.key);
        j["item"] = per_lang_json(c.item);
        j["before"] = per_lang_json(c.before);
        j["after"] = per_lang_json(c.after);
        j["words"] = per_lang_json(c.words);
        per_lang text;
        for (lang l : all_langs) text[static_cast<size_t>(l)] = describe_change(c, l);
        j["text"] = per_lang_json(text);
        j["old_location"] = location_json(c.old_where);
        j["new_location"] = location_json(c.new_where);
        changes.push_back(std::move(j));
    }
    ojson registers = ojson::object();
    for (const auto& c : d.changes)
        if (!c.register_id.empty() && !registers.contains(c.register_id)) {
            auto it = d.register_names.find(c.register_id);
            registers[c.register_id] = it == d.register_names.end() ? ojson(nullptr) : ojson(per_lang_json(it->second));
        }
    ojson out;
    out["format"] = "seloste-diff";
    out["version"] = 1;
    out["old"] = d.old_file;
    out["new"] = d.new_file;
    out["registers"] = std::move(registers);
    out["changes"] = std::move(changes);
    return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace seloste
