// Internals of the semantic diff (diff.cpp, diff_sections.cpp, diff_render.cpp).
#pragma once

#include <algorithm>
#include <deque>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "seloste/diff.hpp"

namespace seloste::detail {

// The text of `t` in `l` as a page shows it (with the language fallback), or "".
std::string text_in(const text& t, lang l);
per_lang texts_of(const text& t);
per_lang uniform(const std::string& s);
// A name short enough for a sentence: at most about 80 characters, "…" after.
per_lang shorten(per_lang p);
// A value from core/data/diff-messages.json's "values" (yes, no, ...), or a standard text.
per_lang value_label(const std::string& key);
per_lang message_all(const std::string& key);  // core/data/messages/LANG.json in each language

// Where the changes of one item go: the register, the section, the item.
struct diff_ctx {
    std::vector<diff_change>* out = nullptr;
    std::string reg;
    std::string section;
    std::string key;
    per_lang item;
    source_location ow, nw;

    diff_ctx at(std::string sec, std::string k, per_lang name, source_location o, source_location n) const {
        diff_ctx c = *this;
        c.section = std::move(sec);
        c.key = std::move(k);
        c.item = shorten(std::move(name));
        c.ow = std::move(o);
        c.nw = std::move(n);
        return c;
    }
    void text(const std::string& field, const seloste::text& a, const seloste::text& b) const;
    void value(const std::string& field, const per_lang& a, const per_lang& b) const;
    void value(const std::string& field, const std::string& a, const std::string& b) const {
        value(field, uniform(a), uniform(b));
    }
    void flag(const std::string& field, bool a, bool b) const;
    void added(per_lang detail = {}) const;
    void removed(per_lang detail = {}) const;
};

inline constexpr size_t max_similarity_pairs = 250'000;

// Pairs the items of two lists: equal keys first (in order), then the most similar of the
// rest (similarity 0..1, at least 0.5). Unpaired items have a null partner.
template <class T>
std::vector<std::pair<const T*, const T*>> match_items(const std::vector<T>& a, const std::vector<T>& b,
                                                       const std::function<std::string(const T&)>& key,
                                                       const std::function<double(const T&, const T&)>& similar) {
    std::vector<std::pair<const T*, const T*>> out;
    std::vector<bool> used_a(a.size()), used_b(b.size());
    std::vector<std::pair<size_t, size_t>> pairs;
    std::map<std::string, std::deque<size_t>> by_key;  // the old items of each key, in order
    for (size_t i = 0; i < a.size(); ++i) by_key[key(a[i])].push_back(i);
    for (size_t j = 0; j < b.size(); ++j) {
        auto it = by_key.find(key(b[j]));
        if (it == by_key.end() || it->second.empty()) continue;
        const size_t i = it->second.front();
        it->second.pop_front();
        used_a[i] = used_b[j] = true;
        pairs.emplace_back(i, j);
    }
    // The rest by similarity, the most similar pairs first. Lists of more than a few hundred
    // unpaired items each are told as removed and added: comparing every pair would cost too much.
    std::vector<size_t> rest_a, rest_b;
    for (size_t i = 0; i < a.size(); ++i)
        if (!used_a[i]) rest_a.push_back(i);
    for (size_t j = 0; j < b.size(); ++j)
        if (!used_b[j]) rest_b.push_back(j);
    if (!rest_a.empty() && !rest_b.empty() && rest_a.size() * rest_b.size() <= max_similarity_pairs) {
        struct candidate {
            double score;
            size_t i, j;
        };
        std::vector<candidate> cands;
        for (size_t i : rest_a)
            for (size_t j : rest_b)
                if (const double sc = similar(a[i], b[j]); sc >= 0.5) cands.push_back({sc, i, j});
        std::stable_sort(cands.begin(), cands.end(),
                         [](const candidate& x, const candidate& y) { return x.score > y.score; });
        for (const auto& c : cands)
            if (!used_a[c.i] && !used_b[c.j]) {
                used_a[c.i] = used_b[c.j] = true;
                pairs.emplace_back(c.i, c.j);
            }
    }
    // The removed items first, then the new list's items in its order.
    std::vector<const T*> partner_of_b(b.size(), nullptr);
    for (auto [i, j] : pairs) partner_of_b[j] = &a[i];
    for (size_t i = 0; i < a.size(); ++i)
        if (!used_a[i]) out.emplace_back(&a[i], nullptr);
    for (size_t j = 0; j < b.size(); ++j) out.emplace_back(partner_of_b[j], &b[j]);
    return out;
}

// How alike two texts are: the share of their words in common (0..1), over every language.
double text_similarity(const text& a, const text& b);
std::string text_key(const text& t);  // every language's text, for exact matching

void diff_register(const diff_ctx& c, const source_doc& od, const source_doc& nd, const register_& a,
                   const register_& b);

}  // namespace seloste::detail
