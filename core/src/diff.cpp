// The semantic diff of two sources: registers matched by id, then the parties they refer
// to (organisations, people, contact points, the supervisory authority), the blocks and
// the word lists. docs/diff.md.
#include "seloste/diff.hpp"

#include <algorithm>
#include <set>

#include "diff_impl.hpp"
#include "seloste/i18n.hpp"

namespace seloste {

std::string_view change_op_code(change_op op) {
    switch (op) {
        case change_op::added: return "added";
        case change_op::removed: return "removed";
        case change_op::changed: return "changed";
        case change_op::text: return "text";
    }
    return "changed";
}

namespace detail {

std::string text_in(const text& t, lang l) {
    const auto r = t.get(l);
    return r.value ? *r.value : std::string();
}

per_lang texts_of(const text& t) {
    per_lang out;
    for (lang l : all_langs) out[static_cast<size_t>(l)] = text_in(t, l);
    return out;
}

per_lang uniform(const std::string& s) {
    return {s, s, s};
}

per_lang message_all(const std::string& key) {
    per_lang out;
    for (lang l : all_langs) out[static_cast<size_t>(l)] = message(l, key);
    return out;
}

std::string text_key(const text& t) {
    std::string k;
    for (const auto& s : texts_of(t)) k += s + '\x1f';
    return k;
}

namespace {

std::set<std::string> words_of(const text& t) {
    std::set<std::string> out;
    for (const auto& s : texts_of(t)) {
        size_t i = 0;
        while (i < s.size()) {
            while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t')) ++i;
            size_t j = i;
            while (j < s.size() && s[j] != ' ' && s[j] != '\n' && s[j] != '\t') ++j;
            if (j > i) out.insert(s.substr(i, j - i));
            i = j;
        }
    }
    return out;
}

}  // namespace

double text_similarity(const text& a, const text& b) {
    const auto wa = words_of(a), wb = words_of(b);
    if (wa.empty() && wb.empty()) return 1.0;
    size_t common = 0;
    for (const auto& w : wa) common += wb.count(w);
    return static_cast<double>(2 * common) / static_cast<double>(wa.size() + wb.size());
}

void diff_ctx::text(const std::string& field, const seloste::text& a, const seloste::text& b) const {
    const per_lang ta = texts_of(a), tb = texts_of(b);
    if (ta == tb) return;
    diff_change ch{reg, section, change_op::text, field, key, item, ta, tb, {}, ow, nw};
    for (size_t k = 0; k < 3; ++k) ch.words[k] = word_diff(ta[k], tb[k]);
    if (!a.where.file.empty()) ch.old_where = a.where;
    if (!b.where.file.empty()) ch.new_where = b.where;
    out->push_back(std::move(ch));
}

void diff_ctx::value(const std::string& field, const per_lang& a, const per_lang& b) const {
    if (a == b) return;
    out->push_back(diff_change{reg, section, change_op::changed, field, key, item, a, b, {}, ow, nw});
}

void diff_ctx::flag(const std::string& field, bool a, bool b) const {
    if (a != b) value(field, value_label(a ? "yes" : "no"), value_label(b ? "yes" : "no"));
}

void diff_ctx::added(per_lang detail) const {
    out->push_back(diff_change{reg, section, change_op::added, "", key, item, {}, std::move(detail), {}, {}, nw});
}

void diff_ctx::removed(per_lang detail) const {
    out->push_back(diff_change{reg, section, change_op::removed, "", key, item, std::move(detail), {}, {}, ow, {}});
}

namespace {

per_lang address_of(const std::optional<address>& a) {
    per_lang out;
    if (a)
        for (lang l : all_langs) out[static_cast<size_t>(l)] = format_address(*a, l);
    return out;
}

void organisation_fields(const diff_ctx& i, const organisation& x, const organisation& y) {
    i.text("name", x.name, y.name);
    i.value("business_id", x.business_id, y.business_id);
    i.value("vat_number", x.vat_number, y.vat_number);
    i.value("visiting_address", address_of(x.visiting_address), address_of(y.visiting_address));
    i.value("postal_address", address_of(x.postal_address), address_of(y.postal_address));
    i.value("phone", x.phone, y.phone);
    i.value("email", x.email, y.email);
    i.value("web", x.web, y.web);
    i.text("note", x.note, y.note);
}

// Organisations, people or contact points matched by id.
template <class T, class F>
void parties(const diff_ctx& c, const std::string& section, const std::vector<T>& a, const std::vector<T>& b,
             F fields) {
    const auto pairs = match_items<T>(
        a, b, [](const T& x) { return x.id; }, [](const T&, const T&) { return 0.0; });
    for (auto [x, y] : pairs) {
        const auto& p = y ? *y : *x;
        const diff_ctx i =
            c.at(section, p.id, texts_of(p.name), x ? x->where : source_location{}, y ? y->where : source_location{});
        if (!x)
            i.added();
        else if (!y)
            i.removed();
        else
            fields(i, *x, *y);
    }
}

bool refers_to(const register_& r, const std::string& id) {
    const auto in = [&](const std::vector<ref>& v) {
        return std::any_of(v.begin(), v.end(), [&](const ref& x) { return x.id == id; });
    };
    return in(r.controllers) || in(r.group_companies) || in(r.contacts) ||
           (r.representative && r.representative->id == id) || (r.dpo && r.dpo->id == id);
}

}  // namespace

}  // namespace detail

diff_result diff(const source_doc& old, const source_doc& neu) {
    using namespace detail;
    diff_result res;
    res.old_file = old.file;
    res.new_file = neu.file;
    auto& out = res.changes;

    // The parties, the authority, the blocks and the word lists: source-wide changes first
    // collected here, then told in every register that refers to them.
    std::vector<diff_change> shared;
    diff_ctx s{&shared, "", "", "", {}, {}, {}};
    parties(s, "organisations", old.organisations, neu.organisations, organisation_fields);
    parties(s, "people", old.people, neu.people, [](const diff_ctx& i, const person& x, const person& y) {
        i.text("name", x.name, y.name);
        i.text("title", x.title, y.title);
        i.value("organisation", x.organisation_ref, y.organisation_ref);
        i.value("email", x.email, y.email);
        i.value("phone", x.phone, y.phone);
        i.value("web", x.web, y.web);
        i.value("visiting_address", address_of(x.visiting_address), address_of(y.visiting_address));
        i.value("postal_address", address_of(x.postal_address), address_of(y.postal_address));
    });
    parties(s, "contact_points", old.contact_points, neu.contact_points,
            [](const diff_ctx& i, const contact_point& x, const contact_point& y) {
                i.text("name", x.name, y.name);
                i.value("email", x.email, y.email);
                i.value("phone", x.phone, y.phone);
                i.value("web", x.web, y.web);
                i.value("request_form", x.request_form, y.request_form);
                i.value("visiting_address", address_of(x.visiting_address), address_of(y.visiting_address));
                i.value("postal_address", address_of(x.postal_address), address_of(y.postal_address));
            });
    std::vector<diff_change> authority;
    {
        const diff_ctx a{&authority, "", "authority", "", {}, {}, {}};
        const organisation finnish;  // no lead authority of its own: the Finnish Ombudsman
        const auto& x = old.supervisory_authority ? *old.supervisory_authority : finnish;
        const auto& y = neu.supervisory_authority ? *neu.supervisory_authority : finnish;
        const diff_ctx i = a.at("authority", "", {}, x.where, y.where);
        if (old.supervisory_authority && !neu.supervisory_authority)
            i.removed(texts_of(x.name));
        else if (!old.supervisory_authority && neu.supervisory_authority)
            i.added(texts_of(y.name));
        else
            organisation_fields(i, x, y);
    }

    for (const auto& r : old.registers) res.register_names[r.id] = texts_of(r.name);
    for (const auto& r : neu.registers) res.register_names[r.id] = texts_of(r.name);
    for (const auto& b : neu.registers) {
        const diff_ctx c{&out, b.id, "", "", {}, {}, {}};
        const register_* a = old.find_register(b.id);
        if (!a) {
            c.at("register", b.id, texts_of(b.name), {}, b.where).added();
            continue;
        }
        diff_register(c, old, neu, *a, b);
        for (const auto& ch : shared)
            if (refers_to(*a, ch.key) || refers_to(b, ch.key)) {
                out.push_back(ch);
                out.back().register_id = b.id;
            }
        for (const auto& ch : authority) {
            out.push_back(ch);
            out.back().register_id = b.id;
        }
    }
    for (const auto& a : old.registers)
        if (!neu.find_register(a.id)) {
            const diff_ctx c{&out, a.id, "", "", {}, {}, {}};
            c.at("register", a.id, texts_of(a.name), a.where, {}).removed();
        }

    // What no register refers to: told once, for the source as a whole.
    for (const auto& ch : shared) {
        const auto any = [&](const source_doc& d) {
            return std::any_of(d.registers.begin(), d.registers.end(),
                               [&](const register_& r) { return refers_to(r, ch.key); });
        };
        if (!any(old) && !any(neu)) out.push_back(ch);
    }
    if (neu.registers.empty())
        for (const auto& ch : authority) out.push_back(ch);
    {
        const diff_ctx bc{&out, "", "", "", {}, {}, {}};
        const auto pairs = match_items<block>(
            old.blocks, neu.blocks, [](const block& x) { return x.kind + ":" + x.id; },
            [](const block&, const block&) { return 0.0; });
        for (auto [x, y] : pairs) {
            const auto& k = y ? *y : *x;
            const diff_ctx i = bc.at("blocks", k.id, uniform(k.kind + " " + k.id), x ? x->where : source_location{},
                                     y ? y->where : source_location{});
            if (!x) {
                i.added();
                continue;
            }
            if (!y) {
                i.removed();
                continue;
            }
            // The registers that use the block tell the details; here only that it changed.
            std::vector<diff_change> inner;
            diff_ctx ic = i;
            ic.out = &inner;
            diff_register(ic, old, neu, x->content, y->content);
            if (!inner.empty())
                out.push_back(
                    diff_change{"", "blocks", change_op::changed, "content", k.id, i.item, {}, {}, {}, i.ow, i.nw});
        }
    }
    {
        const auto lists = [](const source_doc& d) {
            std::map<std::string, std::set<std::string>> m;
            for (const auto& w : d.words) {
                auto& set = m[w.language ? std::string(lang_code(*w.language)) : "*"];
                set.insert(w.words.begin(), w.words.end());
            }
            return m;
        };
        const auto la = lists(old), lb = lists(neu);
        std::set<std::string> langs;
        for (const auto& [k, v] : la) langs.insert(k);
        for (const auto& [k, v] : lb) langs.insert(k);
        const diff_ctx w{&out, "", "", "", {}, {}, {}};
        for (const auto& code : langs) {
            const auto join = [&](const std::map<std::string, std::set<std::string>>& m) {
                std::string s;
                if (auto it = m.find(code); it != m.end())
                    for (const auto& x : it->second) s += (s.empty() ? "" : " ") + x;
                return s;
            };
            w.at("words", code, uniform(code), {}, {}).value("words", join(la), join(lb));
        }
    }
    return res;
}

}  // namespace seloste
