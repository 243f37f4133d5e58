// The semantic diff of one register: every section of the model, item by item.
#include <algorithm>
#include <optional>

#include "diff_impl.hpp"
#include "seloste/i18n.hpp"

namespace seloste::detail {

namespace {

// The name of a party a register refers to: an organisation, a person or a contact point.
per_lang party_name(const source_doc& d, const std::string& id) {
    const text* t = nullptr;
    if (const auto* o = d.find_organisation(id))
        t = &o->name;
    else if (const auto* p = d.find_person(id))
        t = &p->name;
    else if (const auto* cp = d.find_contact_point(id))
        t = &cp->name;
    per_lang out = t ? texts_of(*t) : per_lang{};
    for (auto& s : out)
        if (s.empty()) s = id;
    return out;
}

per_lang join_names(const std::vector<per_lang>& names) {
    per_lang out;
    for (lang l : all_langs) {
        std::vector<std::string> v;
        for (const auto& n : names) v.push_back(n[static_cast<size_t>(l)]);
        out[static_cast<size_t>(l)] = format_list(v, l);
    }
    return out;
}

std::string ids_key(const subject_refs& s) {
    std::string k;
    for (const auto& id : s.ids) k += id + " ";
    return k;
}

// The names of the groups of data subjects an element applies to.
per_lang subjects_of(const register_& r, const subject_refs& s) {
    if (s.empty()) return {};
    std::vector<per_lang> names;
    for (const auto& id : s.ids) {
        per_lang n = uniform(id);
        for (const auto& ds : r.data_subjects)
            if (ds.id == id) {
                n = texts_of(ds.value);
                break;
            }
        names.push_back(n);
    }
    return join_names(names);
}

per_lang category_name(const register_& r, const std::string& id) {
    if (id.empty()) return message_all("label.all_data");
    for (const auto& c : r.data_categories)
        if (c.id == id) return texts_of(c.name);
    return uniform(id);
}

void refs(const diff_ctx& c, const source_doc& od, const source_doc& nd, const std::string& section,
          const std::vector<ref>& a, const std::vector<ref>& b) {
    const auto pairs = match_items<ref>(
        a, b, [](const ref& r) { return r.id; }, [](const ref&, const ref&) { return 0.0; });
    for (auto [x, y] : pairs) {
        const auto& r = y ? *y : *x;
        const diff_ctx i = c.at(section, r.id, party_name(y ? nd : od, r.id), x ? x->where : source_location{},
                                y ? y->where : source_location{});
        if (!x)
            i.added();
        else if (!y)
            i.removed();
        else
            i.text("processing", x->processing, y->processing);
    }
}

void one_ref(const diff_ctx& c, const source_doc& od, const source_doc& nd, const std::string& section,
             const std::optional<ref>& a, const std::optional<ref>& b) {
    if (!a && !b) return;
    if (a && b && a->id == b->id) {
        c.at(section, b->id, party_name(nd, b->id), a->where, b->where)
            .text("processing", a->processing, b->processing);
        return;
    }
    if (a && b) {
        c.at(section, b->id, {}, a->where, b->where).value("party", party_name(od, a->id), party_name(nd, b->id));
        return;
    }
    if (b)
        c.at(section, b->id, party_name(nd, b->id), {}, b->where).added();
    else
        c.at(section, a->id, party_name(od, a->id), a->where, {}).removed();
}

// Free-text list items: recipients, processors, disclosures, sources, data subjects, cookie data.
void items(const diff_ctx& c, const register_& ra, const register_& rb, const std::string& section,
           const std::vector<item>& a, const std::vector<item>& b) {
    const auto pairs = match_items<item>(
        a, b, [](const item& x) { return x.id.empty() ? "t:" + text_key(x.value) : "id:" + x.id; },
        [](const item& x, const item& y) {
            if (!x.id.empty() && !y.id.empty()) return x.id == y.id ? 1.0 : 0.0;
            return text_similarity(x.value, y.value);
        });
    for (auto [x, y] : pairs) {
        const auto& v = y ? *y : *x;
        const diff_ctx i =
            c.at(section, v.id, texts_of(v.value), x ? x->where : source_location{}, y ? y->where : source_location{});
        if (!x) {
            i.added();
            continue;
        }
        if (!y) {
            i.removed();
            continue;
        }
        i.text("value", x->value, y->value);
        i.value("id", x->id, y->id);
        i.flag("from_data_subject", x->from_data_subject, y->from_data_subject);
        i.flag("publicly_accessible", x->publicly_accessible, y->publicly_accessible);
        i.value("subjects", subjects_of(ra, x->subjects), subjects_of(rb, y->subjects));
    }
}

void purposes(const diff_ctx& c, const register_& ra, const register_& rb) {
    const auto basis_name = [](const purpose& p) {
        return p.basis ? message_all("basis." + std::string(basis_code(*p.basis))) : per_lang{};
    };
    const auto pairs = match_items<purpose>(
        ra.purposes, rb.purposes,
        [](const purpose& p) {
            if (!p.block.empty()) return "b:" + p.block;
            return "t:" + text_key(p.description) + std::string(p.basis ? basis_code(*p.basis) : "");
        },
        [](const purpose& x, const purpose& y) {
            return text_similarity(x.description, y.description) + (x.basis == y.basis ? 0.2 : 0.0);
        });
    for (auto [x, y] : pairs) {
        const auto& p = y ? *y : *x;
        const diff_ctx i = c.at("purposes", p.block, texts_of(p.description), x ? x->where : source_location{},
                                y ? y->where : source_location{});
        if (!x) {
            i.added(basis_name(*y));
            continue;
        }
        if (!y) {
            i.removed(basis_name(*x));
            continue;
        }
        i.value("basis", basis_name(*x), basis_name(*y));
        i.text("description", x->description, y->description);
        i.text("interest", x->interest, y->interest);
        i.flag("direct_marketing", x->direct_marketing, y->direct_marketing);
        i.value("subjects", subjects_of(ra, x->subjects), subjects_of(rb, y->subjects));
        i.value("block", x->block, y->block);
    }
}

per_lang special_name(const data_category& d) {
    switch (d.special) {
        case special_kind::art9: return value_label("art9");
        case special_kind::art10: return value_label("art10");
        default: return value_label("no");
    }
}

void categories(const diff_ctx& c, const register_& ra, const register_& rb) {
    const auto pairs = match_items<data_category>(
        ra.data_categories, rb.data_categories,
        [](const data_category& d) { return d.id.empty() ? "t:" + text_key(d.name) : "id:" + d.id; },
        [](const data_category& x, const data_category& y) {
            if (!x.id.empty() && !y.id.empty()) return 0.0;
            return text_similarity(x.name, y.name);
        });
    const auto condition = [](const data_category& d) {
        return d.condition ? message_all("condition." + std::string(condition_code(*d.condition))) : per_lang{};
    };
    for (auto [x, y] : pairs) {
        const auto& d = y ? *y : *x;
        const diff_ctx i = c.at("data_categories", d.id, texts_of(d.name), x ? x->where : source_location{},
                                y ? y->where : source_location{});
        if (!x) {
            i.added();
            continue;
        }
        if (!y) {
            i.removed();
            continue;
        }
        i.text("name", x->name, y->name);
        i.text("description", x->description, y->description);
        i.value("special", special_name(*x), special_name(*y));
        i.value("condition", condition(*x), condition(*y));
        i.text("legal_ground", x->legal_ground, y->legal_ground);
        i.value("subjects", subjects_of(ra, x->subjects), subjects_of(rb, y->subjects));
        i.value("block", x->block, y->block);
    }
}

per_lang guard_name(const std::optional<safeguard>& g) {
    return g ? message_all("safeguard." + std::string(safeguard_code(*g))) : per_lang{};
}

per_lang country_of(const std::string& code) {
    per_lang out;
    for (lang l : all_langs) out[static_cast<size_t>(l)] = code.empty() ? "" : country_name(code, l);
    return out;
}

void transfers(const diff_ctx& c, const std::optional<transfers_section>& oa,
               const std::optional<transfers_section>& ob) {
    if (!oa && !ob) return;
    const transfers_section empty;
    const auto& a = oa ? *oa : empty;
    const auto& b = ob ? *ob : empty;
    const diff_ctx s = c.at("transfers", "", {}, a.where, b.where);
    s.flag("none", a.none, b.none);
    s.text("description", a.description, b.description);
    s.text("safeguards_copy", a.safeguards_copy, b.safeguards_copy);
    const auto pairs = match_items<transfer>(
        a.items, b.items,
        [](const transfer& t) {
            return t.country + "|" + (t.guard ? std::string(safeguard_code(*t.guard)) : "") + "|" +
                   text_key(t.description);
        },
        [](const transfer& x, const transfer& y) {
            return x.country == y.country ? 0.9 : 0.5 * text_similarity(x.description, y.description);
        });
    for (auto [x, y] : pairs) {
        const auto& t = y ? *y : *x;
        per_lang name = country_of(t.country);
        if (t.country.empty()) name = texts_of(t.description);
        const diff_ctx i =
            c.at("transfer", t.country, name, x ? x->where : source_location{}, y ? y->where : source_location{});
        if (!x) {
            i.added(guard_name(y->guard));
            continue;
        }
        if (!y) {
            i.removed(guard_name(x->guard));
            continue;
        }
        i.value("country", country_of(x->country), country_of(y->country));
        i.value("guard", guard_name(x->guard), guard_name(y->guard));
        i.text("description", x->description, y->description);
    }
}

void retention(const diff_ctx& c, const register_& ra, const register_& rb) {
    const auto period = [](const retention_rule& r) {
        per_lang out;
        if (r.period)
            for (lang l : all_langs) out[static_cast<size_t>(l)] = format_duration(*r.period, l);
        return out;
    };
    const auto pairs = match_items<retention_rule>(
        ra.retention, rb.retention, [](const retention_rule& r) { return r.category_ref + "|" + ids_key(r.subjects); },
        [](const retention_rule& x, const retention_rule& y) {
            return x.category_ref == y.category_ref ? 0.6 + 0.4 * text_similarity(x.criteria, y.criteria) : 0.0;
        });
    for (auto [x, y] : pairs) {
        const auto& r = y ? *y : *x;
        const auto& reg = y ? rb : ra;
        per_lang name = category_name(reg, r.category_ref);
        const per_lang subj = subjects_of(reg, r.subjects);
        for (size_t k = 0; k < 3; ++k)
            if (!subj[k].empty()) name[k] += " (" + subj[k] + ")";
        const diff_ctx i =
            c.at("retention", r.category_ref, name, x ? x->where : source_location{}, y ? y->where : source_location{});
        if (!x) {
            i.added(period(*y));
            continue;
        }
        if (!y) {
            i.removed(period(*x));
            continue;
        }
        i.value("period", period(*x), period(*y));
        i.text("criteria", x->criteria, y->criteria);
        i.text("description", x->description, y->description);
        i.value("category", category_name(ra, x->category_ref), category_name(rb, y->category_ref));
        i.value("subjects", subjects_of(ra, x->subjects), subjects_of(rb, y->subjects));
    }
}

// An optional section: added, removed, or its fields compared by `fields`.
template <class S, class F>
void section(const diff_ctx& c, const std::string& name, const std::optional<S>& a, const std::optional<S>& b,
             F fields) {
    if (!a && !b) return;
    const diff_ctx s = c.at(name, "", {}, a ? a->where : source_location{}, b ? b->where : source_location{});
    if (!a)
        s.added();
    else if (!b)
        s.removed();
    else
        fields(s, *a, *b);
}

void cookies(const diff_ctx& c, const register_& ra, const register_& rb) {
    section(c, "cookies", ra.cookies, rb.cookies,
            [&](const diff_ctx& s, const cookies_section& a, const cookies_section& b) {
                s.text("description", a.description, b.description);
                s.text("refusal", a.refusal, b.refusal);
                items(c, ra, rb, "cookie_data", a.collected, b.collected);
                const auto pairs = match_items<analytics_service>(
                    a.analytics, b.analytics, [](const analytics_service& x) { return x.name; },
                    [](const analytics_service& x, const analytics_service& y) {
                        return text_similarity(x.description, y.description) * 0.9;
                    });
                for (auto [x, y] : pairs) {
                    const auto& v = y ? *y : *x;
                    const diff_ctx i = c.at("analytics", v.name, uniform(v.name), x ? x->where : source_location{},
                                            y ? y->where : source_location{});
                    if (!x)
                        i.added();
                    else if (!y)
                        i.removed();
                    else {
                        i.value("name", x->name, y->name);
                        i.value("opt_out_url", x->opt_out_url, y->opt_out_url);
                        i.text("description", x->description, y->description);
                    }
                }
            });
}

void related_and_history(const diff_ctx& c, const register_& ra, const register_& rb) {
    const auto links = match_items<related_link>(
        ra.related, rb.related, [](const related_link& r) { return r.href; },
        [](const related_link& x, const related_link& y) { return text_similarity(x.label, y.label); });
    for (auto [x, y] : links) {
        const auto& r = y ? *y : *x;
        const diff_ctx i = c.at("related", r.href, texts_of(r.label), x ? x->where : source_location{},
                                y ? y->where : source_location{});
        if (!x)
            i.added(uniform(y->href));
        else if (!y)
            i.removed(uniform(x->href));
        else {
            i.value("href", x->href, y->href);
            i.text("label", x->label, y->label);
        }
    }
    const auto day = [](const date& d) {
        per_lang out;
        for (lang l : all_langs) out[static_cast<size_t>(l)] = d.year ? format_date(d, l) : "";
        return out;
    };
    const auto entries = match_items<change>(
        ra.history, rb.history, [](const change& h) { return h.when.iso() + "|" + text_key(h.description); },
        [](const change& x, const change& y) {
            return x.when == y.when ? 0.6 + 0.4 * text_similarity(x.description, y.description)
                                    : 0.5 * text_similarity(x.description, y.description);
        });
    for (auto [x, y] : entries) {
        const auto& h = y ? *y : *x;
        const diff_ctx i = c.at("history", h.when.iso(), day(h.when), x ? x->where : source_location{},
                                y ? y->where : source_location{});
        if (!x)
            i.added(texts_of(y->description));
        else if (!y)
            i.removed(texts_of(x->description));
        else {
            i.value("date", day(x->when), day(y->when));
            i.text("description", x->description, y->description);
        }
    }
}

per_lang relation_name(const std::optional<controllership>& r) {
    return r ? value_label("controllership." + std::string(controllership_code(*r))) : per_lang{};
}

}  // namespace

void diff_register(const diff_ctx& c, const source_doc& od, const source_doc& nd, const register_& a,
                   const register_& b) {
    const diff_ctx reg = c.at("register", b.id, texts_of(b.name), a.where, b.where);
    reg.text("name", a.name, b.name);
    reg.text("description", a.description, b.description);
    reg.value("relation", relation_name(a.relation), relation_name(b.relation));
    reg.text("joint_arrangement", a.joint_arrangement, b.joint_arrangement);
    reg.text("further_processing", a.further_processing, b.further_processing);
    {
        per_lang da, db;
        for (lang l : all_langs) {
            da[static_cast<size_t>(l)] = a.notice_date.year ? format_date(a.notice_date, l) : "";
            db[static_cast<size_t>(l)] = b.notice_date.year ? format_date(b.notice_date, l) : "";
        }
        reg.value("notice_date", da, db);
    }
    {
        const auto blocks = [](const register_& r) {
            std::string s;
            for (const auto& [k, v] : r.block_refs) s += (s.empty() ? "" : ", ") + k + "=" + v;
            return s;
        };
        reg.value("blocks", blocks(a), blocks(b));
    }
    refs(c, od, nd, "controllers", a.controllers, b.controllers);
    refs(c, od, nd, "group_companies", a.group_companies, b.group_companies);
    one_ref(c, od, nd, "representative", a.representative, b.representative);
    one_ref(c, od, nd, "dpo", a.dpo, b.dpo);
    refs(c, od, nd, "contacts", a.contacts, b.contacts);
    purposes(c, a, b);
    items(c, a, b, "data_subjects", a.data_subjects, b.data_subjects);
    categories(c, a, b);
    items(c, a, b, "recipients", a.recipients, b.recipients);
    items(c, a, b, "processors", a.processors, b.processors);
    items(c, a, b, "disclosures", a.disclosures, b.disclosures);
    transfers(c, a.transfers, b.transfers);
    items(c, a, b, "sources", a.sources, b.sources);
    retention(c, a, b);
    section(c, "requirement", a.requirement, b.requirement,
            [](const diff_ctx& s, const requirement_section& x, const requirement_section& y) {
                s.value("kind", message_all("requirement." + std::string(requirement_code(x.kind))),
                        message_all("requirement." + std::string(requirement_code(y.kind))));
                s.text("consequence", x.consequence, y.consequence);
                s.text("description", x.description, y.description);
            });
    section(c, "automated_decisions", a.automated_decisions, b.automated_decisions,
            [](const diff_ctx& s, const automated_decisions_section& x, const automated_decisions_section& y) {
                s.flag("used", x.used, y.used);
                s.text("description", x.description, y.description);
                s.text("logic", x.logic, y.logic);
                s.text("significance", x.significance, y.significance);
            });
    section(c, "security", a.security, b.security,
            [](const diff_ctx& s, const security_section& x, const security_section& y) {
                s.text("manual", x.manual, y.manual);
                s.text("electronic", x.electronic, y.electronic);
            });
    cookies(c, a, b);
    section(c, "rights", a.rights, b.rights, [](const diff_ctx& s, const rights_section& x, const rights_section& y) {
        s.text("exercise", x.exercise, y.exercise);
        s.text("note", x.note, y.note);
        s.value("request_form", x.request_form, y.request_form);
    });
    related_and_history(c, a, b);
}

}  // namespace seloste::detail
