// The sections of a notice, in the order of Art. 13 and 14, and the table of
// contents that names them.
#include <algorithm>

#include "seloste/facts.hpp"
#include "seloste/i18n.hpp"
#include "view.hpp"

namespace seloste::detail {

void view_builder::add_section(data& v, list& toc, const std::string& key, const std::string& title, data body) {
    if (body.is_false()) {
        v[key] = data(false);
        return;
    }
    const std::string id = "seloste-" + reg_.id + "-" + std::string(lang_code(l_)) + "-" + key;
    body["id"] = str(id);
    body["title"] = str(title);
    static const shape toc_entry{"id", "title"};
    data entry = toc_entry.make();
    entry["id"] = str(id);
    entry["title"] = str(title);
    toc.push_back(std::move(entry));
    v[key] = std::move(body);
}

data view_builder::with_items(data items) {
    if (items.is_false()) return data(false);
    data b = obj();
    b["items"] = std::move(items);
    return b;
}

data view_builder::source_items(bool from_data_subject) const {
    list out;
    out.reserve(reg_.sources.size());
    for (const auto& it : reg_.sources) {
        if (it.from_data_subject != from_data_subject) continue;
        data t = text_view(it.value);
        if (t.is_false()) continue;
        t["public"] = it.publicly_accessible ? str(message(l_, "sources.public")) : data(false);
        t["applies_to"] = applies_to(it.subjects);
        out.push_back(std::move(t));
    }
    return out.empty() ? data(false) : make_list(std::move(out));
}

data view_builder::special_view(const data_category& c) const {
    if (c.special == special_kind::none) return data(false);
    static const shape special_shape{"kind", "condition", "legal_ground"};
    data v = special_shape.make();
    v["kind"] = str(message(l_, c.special == special_kind::art9 ? "special.art9" : "special.art10"));
    v["condition"] = c.special == special_kind::art9 && c.condition
                         ? str(message(l_, "condition." + std::string(condition_code(*c.condition))))
                         : data(false);
    v["legal_ground"] = text_view(c.legal_ground);
    return v;
}

void view_builder::sections(data& v) {
    list toc;
    toc.reserve(20);  // every section there is
    // Controllers (Art. 13(1)(a), Art. 26)
    {
        auto [title, body] = controllers_section();
        add_section(v, toc, "controllers", title, std::move(body));
    }
    // DPO (13(1)(b)) and contact persons
    add_section(v, toc, "dpo", message(l_, "section.dpo"),
                reg_.dpo ? with_items(one_item_list(contact_view(*reg_.dpo))) : data(false));
    {
        list cs;
        cs.reserve(reg_.contacts.size());
        for (const auto& c : reg_.contacts)
            if (data x = contact_view(c); !x.is_false()) cs.push_back(std::move(x));
        const auto n_cs = cs.size();
        // A shared contact point (a customer service) is not a person: the heading says contact.
        const bool any_point = std::any_of(reg_.contacts.begin(), reg_.contacts.end(),
                                           [&](const ref& c) { return doc_.find_contact_point(c.id) != nullptr; });
        add_section(v, toc, "contacts",
                    any_point ? message(l_, "section.contacts_point")
                              : format_message(l_, "section.contacts", {}, {{"count", static_cast<double>(n_cs)}}),
                    n_cs == 0 ? data(false) : with_items(make_list(std::move(cs))));
    }
    // Register
    {
        data b = obj();
        b["name"] = text_view(reg_.name);
        b["description"] = text_view(reg_.description);
        add_section(v, toc, "register", message(l_, "section.register"), std::move(b));
    }
    // Purposes and legal bases (13(1)(c), (d))
    {
        list ps;
        ps.reserve(reg_.purposes.size());
        for (const auto& p : reg_.purposes) {
            static const shape purpose_shape{"description", "basis", "interest", "applies_to"};
            data x = purpose_shape.make();
            x["description"] = text_view(p.description);
            x["basis"] = p.basis ? str(message(l_, "basis." + std::string(basis_code(*p.basis)))) : data(false);
            x["interest"] = text_view(p.interest);
            x["applies_to"] = applies_to(p.subjects);
            ps.push_back(std::move(x));
        }
        add_section(v, toc, "purposes", message(l_, "section.purposes"),
                    ps.empty() ? data(false) : with_items(make_list(std::move(ps))));
    }
    // Further processing for another purpose (13(3), 14(4))
    {
        data t = text_view(reg_.further_processing);
        data b = data(false);
        if (!t.is_false()) {
            b = obj();
            b["description"] = std::move(t);
        }
        add_section(v, toc, "further_processing", message(l_, "section.further_processing"), std::move(b));
    }
    add_section(v, toc, "data_subjects", message(l_, "section.data_subjects"),
                with_items(items_view(reg_.data_subjects)));
    {
        list cats;
        cats.reserve(reg_.data_categories.size());
        for (const auto& c : reg_.data_categories) {
            static const shape category_shape{"name", "description", "special", "applies_to"};
            data x = category_shape.make();
            x["name"] = text_view(c.name);
            x["description"] = text_view(c.description);
            x["special"] = special_view(c);
            x["applies_to"] = applies_to(c.subjects);
            cats.push_back(std::move(x));
        }
        add_section(v, toc, "data_categories", message(l_, "section.data_categories"),
                    cats.empty() ? data(false) : with_items(make_list(std::move(cats))));
    }
    // Sources (14(2)(f))
    {
        data b = obj();
        data o1 = source_items(true), o2 = source_items(false);
        const bool any = !o1.is_false() || !o2.is_false();
        const auto group = [&](const char* key, const char* label, data items) {
            if (items.is_false()) {
                b[key] = data(false);
                return;
            }
            data g = obj();
            g["label"] = str(message(l_, label));
            g["items"] = std::move(items);
            b[key] = std::move(g);
        };
        group("from_data_subject", "sources.from_data_subject", std::move(o1));
        group("other", "sources.other", std::move(o2));
        add_section(v, toc, "sources", message(l_, "section.sources"), any ? std::move(b) : data(false));
    }
    // Recipients (13(1)(e))
    add_section(v, toc, "recipients", message(l_, "section.recipients"), with_items(items_view(reg_.recipients)));
    add_section(v, toc, "processors", message(l_, "section.processors"), with_items(items_view(reg_.processors)));
    add_section(v, toc, "disclosures", message(l_, "section.disclosures"), with_items(items_view(reg_.disclosures)));
    // Transfers (13(1)(f))
    if (reg_.transfers) {
        const auto& t = *reg_.transfers;
        data b = obj();
        b["none"] = t.none ? str(message(l_, "transfers.none")) : data(false);
        b["description"] = text_view(t.description);
        b["safeguards_copy"] = text_view(t.safeguards_copy);
        list xs;
        xs.reserve(t.items.size());
        for (const auto& x : t.items) {
            static const shape transfer_shape{"country", "safeguard", "description"};
            data row = transfer_shape.make();
            row["country"] =
                str(x.country.empty() ? message(l_, "label.unknown_country") : country_name(x.country, l_));
            row["safeguard"] =
                x.guard ? str(message(l_, "safeguard." + std::string(safeguard_code(*x.guard)))) : data(false);
            row["description"] = text_view(x.description);
            xs.push_back(std::move(row));
        }
        b["items"] = xs.empty() ? data(false) : make_list(std::move(xs));
        add_section(v, toc, "transfers", message(l_, "section.transfers"), std::move(b));
    } else {
        v["transfers"] = data(false);
    }
    // Retention (13(2)(a))
    {
        list rows;
        rows.reserve(reg_.retention.size());
        for (const auto& r : reg_.retention) {
            static const shape retention_shape{"category", "period", "criteria", "description", "applies_to"};
            data row = retention_shape.make();
            std::string category = message(l_, "label.all_data");
            for (const auto& c : reg_.data_categories)
                if (c.id == r.category_ref) category = plain(c.name);
            row["category"] = str(category);
            row["period"] = r.period ? str(format_duration(*r.period, l_)) : data(false);
            row["criteria"] = text_view(r.criteria);
            row["description"] = text_view(r.description);
            row["applies_to"] = applies_to(r.subjects);
            rows.push_back(std::move(row));
        }
        const bool no_rows = rows.empty();
        data b = obj();
        b["rows"] = make_list(std::move(rows));
        b["caption"] = str(message(l_, "retention.caption"));
        add_section(v, toc, "retention", message(l_, "section.retention"), no_rows ? data(false) : std::move(b));
    }
    // Requirement (13(2)(e))
    if (reg_.requirement) {
        data b = obj();
        b["statement"] = str(message(l_, "requirement." + std::string(requirement_code(reg_.requirement->kind))));
        b["consequence"] = text_view(reg_.requirement->consequence);
        b["description"] = text_view(reg_.requirement->description);
        add_section(v, toc, "requirement", message(l_, "section.requirement"), std::move(b));
    } else {
        v["requirement"] = data(false);
    }
    // Automated decisions (13(2)(f))
    if (reg_.automated_decisions) {
        const auto& a = *reg_.automated_decisions;
        data b = obj();
        b["statement"] = str(message(l_, a.used ? "automated.used" : "automated.not_used"));
        b["description"] = text_view(a.description);
        b["logic"] = a.used ? text_view(a.logic) : data(false);
        b["significance"] = a.used ? text_view(a.significance) : data(false);
        add_section(v, toc, "automated", message(l_, "section.automated"), std::move(b));
    } else {
        v["automated"] = data(false);
    }
    // Rights (13(2)(b), (c)) follow from the legal bases.
    {
        list rights;
        rights.reserve(9);  // every right there is
        auto add = [&](const char* key) {
            static const shape right_shape{"key", "title", "text"};
            data r = right_shape.make();
            r["key"] = str(key);
            r["title"] = str(message(l_, std::string("right.") + key + ".title"));
            r["text"] = str(message(l_, std::string("right.") + key + ".text"));
            rights.push_back(std::move(r));
        };
        add("access");
        add("rectification");
        add("erasure");
        add("restriction");
        if (reg_.has_basis(legal_basis::consent) || reg_.has_basis(legal_basis::contract)) add("portability");
        if (reg_.has_basis(legal_basis::legitimate_interest) || reg_.has_basis(legal_basis::public_task)) add("object");
        if (std::any_of(reg_.purposes.begin(), reg_.purposes.end(),
                        [](const purpose& p) { return p.direct_marketing; }))
            add("object_marketing");
        if (reg_.has_basis(legal_basis::consent)) add("withdraw");
        if (reg_.automated_decisions && reg_.automated_decisions->used) add("automated");
        data b = obj();
        b["intro"] = str(message(l_, "rights.intro"));
        b["items"] = make_list(std::move(rights));
        b["exercise"] = reg_.rights ? text_view(reg_.rights->exercise) : data(false);
        b["note"] = reg_.rights ? text_view(reg_.rights->note) : data(false);
        data form = reg_.rights ? link_view(reg_.rights->request_form, "web") : data(false);
        if (!form.is_false()) form["label"] = str(message(l_, "rights.request_form"));
        b["has_exercise"] = data(!b["exercise"].is_false() || !form.is_false());
        b["request_form"] = std::move(form);
        add_section(v, toc, "rights", message(l_, "section.rights"), std::move(b));
    }
    // Supervisory authority (13(2)(d)): the lead authority of the source, else the Finnish one
    {
        auto [title, body] = authority_section();
        add_section(v, toc, "authority", title, std::move(body));
    }
    // Security (Art. 32, customary in Finnish notices)
    if (reg_.security && (!reg_.security->manual.empty() || !reg_.security->electronic.empty())) {
        data b = obj();
        b["manual"] = text_view(reg_.security->manual);
        b["electronic"] = text_view(reg_.security->electronic);
        add_section(v, toc, "security", message(l_, "section.security"), std::move(b));
    } else {
        v["security"] = data(false);
    }
    // Cookies and analytics
    if (reg_.cookies) {
        const auto& c = *reg_.cookies;
        data b = obj();
        b["description"] = text_view(c.description);
        b["collected"] = items_view(c.collected);
        b["has_collected"] = data(!b["collected"].is_false());
        b["refusal"] = text_view(c.refusal);
        list as;
        as.reserve(c.analytics.size());
        for (const auto& a : c.analytics) {
            static const shape analytics_shape{"name", "description", "opt_out"};
            data x = analytics_shape.make();
            x["name"] = str(a.name);
            x["description"] = text_view(a.description);
            // Only a valid http(s) URL becomes the opt-out link; anything else is left out.
            data link = is_web_url(a.opt_out_url) ? link_view(a.opt_out_url, "web") : data(false);
            if (!link.is_false()) link["label"] = str(format_message(l_, "label.opt_out", {{"service", a.name}}));
            x["opt_out"] = std::move(link);
            as.push_back(std::move(x));
        }
        b["analytics"] = as.empty() ? data(false) : make_list(std::move(as));
        add_section(v, toc, "cookies", message(l_, "section.cookies"), std::move(b));
    } else {
        v["cookies"] = data(false);
    }
    // Related notices: links with their own texts
    {
        list links;
        links.reserve(reg_.related.size());
        for (const auto& r : reg_.related) {
            static const shape related_shape{"label", "href", "url"};
            data x = related_shape.make();
            x["label"] = text_view(r.label);
            x["href"] = is_web_url(r.href) ? str(r.href) : data(false);
            x["url"] = str(r.href);
            links.push_back(std::move(x));
        }
        add_section(v, toc, "related", message(l_, "section.related"),
                    links.empty() ? data(false) : with_items(make_list(std::move(links))));
    }
    // History: the source's own entries and, in a built site, every published version with
    // what it changed (render_options::versions), merged by date, the newest first.
    {
        static const shape change_shape{"date", "description", "changes", "version"};
        struct row_of {
            date when;
            data row;
        };
        std::vector<row_of> rows;
        rows.reserve(reg_.history.size() + opts_.versions.size());
        for (const auto& ch : reg_.history) {
            data row = change_shape.make();
            row["date"] = date_view(ch.when);
            row["description"] = text_view(ch.description);
            rows.push_back({ch.when, std::move(row)});
        }
        for (const auto& ver : opts_.versions) {
            data* row = nullptr;
            for (auto& r : rows)
                if (r.when == ver.effective) row = &r.row;
            if (!row) {
                rows.push_back({ver.effective, change_shape.make()});
                row = &rows.back().row;
                (*row)["date"] = date_view(ver.effective);
            }
            list changes;
            changes.reserve(ver.changes.size() + 1);
            for (const auto& c : ver.changes) changes.push_back(str(c));
            if (changes.empty()) changes.push_back(str(message(l_, ver.first ? "history.first" : "history.no_change")));
            data items = obj();
            items["items"] = make_list(std::move(changes));
            (*row)["changes"] = std::move(items);
            if (!ver.href.empty()) {
                data link = obj();
                link["href"] = str(ver.href);
                link["text"] =
                    str(format_message(l_, "history.version_link", {{"date", format_date(ver.effective, l_)}}));
                (*row)["version"] = std::move(link);
            }
        }
        if (!opts_.versions.empty())
            std::stable_sort(rows.begin(), rows.end(),
                             [](const row_of& a, const row_of& b) { return a.when > b.when; });
        const bool no_rows = rows.empty();
        list out;
        out.reserve(rows.size());
        for (auto& r : rows) out.push_back(std::move(r.row));
        data b = obj();
        b["rows"] = make_list(std::move(out));
        if (!opts_.feed_href.empty()) {
            data feed = obj();
            feed["href"] = str(opts_.feed_href);
            feed["text"] = str(message(l_, "history.feed"));
            b["feed"] = std::move(feed);
        } else {
            b["feed"] = data(false);
        }
        add_section(v, toc, "history", message(l_, "section.history"), no_rows ? data(false) : std::move(b));
    }
    v["toc"] = make_list(std::move(toc));
}

}  // namespace seloste::detail
