// The corrected value behind a fact finding (docs/checks.md, "Facts"): an e-mail address
// disguised against harvesters ("heidi.keto(at)example.fi", also in free text) and a phone
// number written with a label ("puh. 06 414 1111"). The words are data:
// core/data/fact-repairs.json.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "check_impl.hpp"
#include "seloste/errors.hpp"
#include "seloste/facts.hpp"

namespace seloste::detail {
namespace {

using json = nlohmann::json;

struct repair_words {
    std::vector<std::string> at, at_bare_in_text, at_bracketed_only, at_signs, dot, phone_prefixes;
    pattern_set in_text;  // disguised addresses in free text
};

std::vector<std::string> strings(const json& j) {
    std::vector<std::string> out;
    for (const auto& s : j) out.push_back(s.get<std::string>());
    return out;
}

std::string escape_regex(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == ' ') {
            out += "\\s+";
            continue;
        }
        if (std::string_view("\\^$.|?*+()[]{}/-").find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
    return out;
}

std::string alternation(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : "|") + escape_regex(w);
    return "(?:" + out + ")";
}

repair_words load_words() {
    constexpr std::string_view path = "core/data/fact-repairs.json";
    repair_words w;
    try {
        const json j = json::parse(check_data_file(path));
        const auto& e = j.at("email");
        w.at = strings(e.at("at"));
        w.at_bare_in_text = strings(e.at("at_bare_in_text"));
        w.at_bracketed_only = strings(e.at("at_bracketed_only"));
        w.at_signs = strings(e.at("at_signs"));
        w.dot = strings(e.at("dot"));
        w.phone_prefixes = strings(j.at("phone").at("prefixes"));
    } catch (const json::exception& ex) {
        throw error("check data: " + std::string(path) + ": " + ex.what());
    }
    // Longest first, so that "puhelinnumero" wins over "puhelin" and "puh".
    std::sort(w.phone_prefixes.begin(), w.phone_prefixes.end(),
              [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    // A disguised address in free text: a local part, a word or sign for @, a domain whose
    // dots may be words too. Possessive quantifiers: a part never ends inside the next one.
    const std::string ch = "[\\p{L}\\p{N}_%+\\-]", label = "[\\p{L}\\p{N}\\-]++";
    const std::string local = "(?<![\\p{L}\\p{N}_%+.\\-@])" + ch + "++(?:\\." + ch + "++)*+";
    const std::string open = "[(\\[{<]", close = "[)\\]}>]";
    std::string signs;
    for (const auto& s : w.at_signs) signs += s;
    const std::string at = "(?:\\s*" + open + "\\s*" + alternation(w.at) + "\\s*" + close + "\\s*" + "|" + open +
                           alternation(w.at_bracketed_only) + close + "|\\s+@\\s*|\\s*@\\s+" + "|\\s*[" + signs +
                           "]\\s*" + "|\\s+" + alternation(w.at_bare_in_text) + "\\s+)";
    const std::string dot = "(?:\\.|\\s*" + open + "\\s*" + alternation(w.dot) + "\\s*" + close + "\\s*|\\s+" +
                            alternation(w.dot) + "\\s+)";
    w.in_text.any.push_back(std::make_shared<const term_pattern>(local + at + label + "(?:" + dot + label + ")+"));
    return w;
}

const repair_words& words() {
    static const repair_words w = load_words();
    return w;
}

// ASCII letters and Å, Ä, Ö in lower case; the same length in bytes.
std::string fold(std::string_view s) {
    std::string out(s);
    for (size_t i = 0; i < out.size(); ++i) {
        const auto c = static_cast<unsigned char>(out[i]);
        if (c >= 'A' && c <= 'Z') {
            out[i] = static_cast<char>(c - 'A' + 'a');
        } else if (c == 0xC3 && i + 1 < out.size()) {
            const auto d = static_cast<unsigned char>(out[i + 1]);
            if (d == 0x84 || d == 0x85 || d == 0x96) out[i + 1] = static_cast<char>(d + 0x20);  // Ä Å Ö
            ++i;
        }
    }
    return out;
}

bool space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string trim(std::string_view s) {
    size_t b = 0, e = s.size();
    while (b < e && space(s[b])) ++b;
    while (e > b && space(s[e - 1])) --e;
    return std::string(s.substr(b, e - b));
}

bool one_of(const std::vector<std::string>& list, std::string_view w) {
    return std::find(list.begin(), list.end(), w) != list.end();
}

// Collapses runs of white space to one space.
std::string single_spaces(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (space(c)) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

}  // namespace

std::optional<email_repair> repair_email(std::string_view value, bool in_text) {
    const auto& w = words();
    email_repair r;
    std::string s = single_spaces(trim(value));
    if (fold(s).starts_with("mailto:")) s = trim(s.substr(7));
    if (s.size() > 2 && s.front() == '<' && s.back() == '>') s = trim(s.substr(1, s.size() - 2));
    while (!s.empty() && (s.back() == '.' || s.back() == ',' || s.back() == ';')) s.pop_back();
    // Words in brackets: "(at)", "[ät]", "( dot )".
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        const std::string_view opens = "([{<", closes = ")]}>";
        const size_t k = opens.find(s[i]);
        if (k != std::string_view::npos) {
            const size_t j = s.find(closes[k], i + 1);
            if (j != std::string::npos) {
                const std::string inner = fold(trim(s.substr(i + 1, j - i - 1)));
                const char* with = one_of(w.at, inner) || one_of(w.at_bracketed_only, inner) ? "@"
                                   : one_of(w.dot, inner)                                    ? "."
                                                                                             : nullptr;
                if (with) {
                    out += with;
                    r.disguised = true;
                    i = j;
                    continue;
                }
            }
        }
        out += s[i];
    }
    for (const auto& sign : w.at_signs) {
        size_t pos;
        while ((pos = out.find(sign)) != std::string::npos) {
            out.replace(pos, sign.size(), "@");
            r.disguised = true;
        }
    }
    // Words between spaces: "heidi.keto at example dot fi".
    std::string padded = " " + out + " ";
    for (const auto* list : {&w.at, &w.dot}) {
        const bool is_at = list == &w.at;
        for (const auto& word : in_text&& is_at ? w.at_bare_in_text : *list) {
            const std::string needle = " " + word + " ";
            size_t pos;
            while ((pos = fold(padded).find(needle)) != std::string::npos) {
                padded.replace(pos, needle.size(), is_at ? " @ " : " . ");
                r.disguised = true;
            }
        }
    }
    out = trim(padded);
    // Spaces around @ and the dots go.
    std::string joined;
    for (size_t i = 0; i < out.size(); ++i) {
        if (out[i] == ' ' && ((i > 0 && (out[i - 1] == '@' || out[i - 1] == '.')) ||
                              (i + 1 < out.size() && (out[i + 1] == '@' || out[i + 1] == '.')))) {
            if ((i > 0 && out[i - 1] == '@') || (i + 1 < out.size() && out[i + 1] == '@')) r.disguised = true;
            continue;
        }
        joined += out[i];
    }
    if (!is_email(joined) || joined == value) return std::nullopt;
    r.address = joined;
    return r;
}

std::optional<phone_repair> repair_phone(std::string_view value) {
    const std::string s = trim(value), folded = fold(s);
    for (const auto& p : words().phone_prefixes) {
        if (!folded.starts_with(p) || folded.size() == p.size()) continue;
        const char next = folded[p.size()];
        if ((next >= 'a' && next <= 'z') || static_cast<unsigned char>(next) >= 0x80) continue;  // a longer word
        size_t i = p.size();
        while (i < s.size() && (s[i] == '.' || s[i] == ':' || space(s[i]))) ++i;
        const std::string number = trim(s.substr(i));
        if (number.empty() || !phone_to_e164(number)) continue;
        return phone_repair{trim(s.substr(0, i)), number};
    }
    return std::nullopt;
}

void checker::disguised_emails(const text_ref& tr, const std::string& reg) {
    const auto& w = words();
    for (const auto& v : values(*tr.t)) {
        for (const auto& m : find_terms(w.in_text, v.l, *v.s)) {
            const auto fixed = repair_email(m.text, true);
            if (!fixed || !fixed->disguised) continue;
            // A bare "at" between words reads as English ("contact us at example.fi"): only an
            // address-like local part ("heidi.keto at example.fi") counts.
            const std::string local = m.text.substr(0, m.text.find_first_of(" \t\n\r([{<@"));
            const bool marked = m.text.find_first_of("([{<@") != std::string::npos ||
                                std::any_of(w.at_signs.begin(), w.at_signs.end(),
                                            [&](const std::string& s) { return m.text.find(s) != std::string::npos; });
            if (!marked && fold(m.text).find(" at ") != std::string::npos &&
                local.find_first_of("._") == std::string::npos)
                continue;
            emit(make_finding("fact.email", "obfuscated-in-text", where_in(*tr.t, v, m), reg,
                              {{"field", tr.field}, {"value", m.text}, {"expected", fixed->address}}));
        }
    }
}

}  // namespace seloste::detail
