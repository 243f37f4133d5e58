// Internals of the semantic diff (diff.cpp, diff_sections.cpp, diff_render.cpp).
#pragma once

#include <functional>
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

// Pairs the items of two lists: equal keys first (in order), then the most similar of the
// rest (similarity 0..1, at least 0.5). Unpaired items have a null partner.
template <class T>
std::vector<std::pair<const T*, const T*>> match_items(const std::vector<T>& a, const std::vector<T>& b,
                                                       const std::function<std::string(const T&)>& key,
                                                       const std::function<double(const T&, const T&)>& similar) {
    std::vector<std::pair<const T*, const T*>> out;
    std::vector<bool> used_a(a.size()), used_b(b.size());
    std::vector<std::pair<size_t, size_t>> pairs;
    for (size_t j = 0; j < b.size(); ++j) {
        const std::string kb = key(b[j]);
        for (size_t i = 0; i < a.size(); ++i)
            if (!used_a[i] && key(a[i]) == kb) {
                used_a[i] = used_b[j] = true;
                pairs.emplace_back(i, j);
                break;
            }
    }
    for (;;) {
        double best = 0.5;
        size_t bi = a.size(), bj = b.size();
        for (size_t i = 0; i < a.size(); ++i)
            for (size_t j = 0; j < b.size() && !used_a[i]; ++j)
                if (!used_b[j]) {
                    const double s = similar(a[i], b[j]);
                    if (s >= best && (bi == a.size() || s > best)) best = s, bi = i, bj = j;
                }
        if (bi == a.size()) break;
        used_a[bi] = used_b[bj] = true;
        pairs.emplace_back(bi, bj);
    }
    // In the new list's order; removed items where they stood in the old one.
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
