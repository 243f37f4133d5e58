// The view: model + standard texts + locale -> mustache data, then the theme.
// docs/themes.md lists every name a template can use.
#include "seloste/render.hpp"

#include <algorithm>
#include <kainjow/mustache.hpp>

#include "seloste/errors.hpp"
#include "seloste/facts.hpp"
#include "seloste/i18n.hpp"
#include "seloste/version.hpp"
#include "theme_impl.hpp"

namespace seloste {

using kainjow::mustache::data;
using kainjow::mustache::list;

struct prepared_notice::impl {
    data view;  // the notice's own names; the theme's standard view lies under it
    const theme::impl* th = nullptr;
    std::shared_ptr<const theme> keep;
    bool fragment = false;
    lang language = lang::fi;
};

namespace {

data obj() {
    return data(data::type::object);
}
// A string node that takes the string: kainjow's string constructor copies.
data str(std::string s) {
    data d(data::type::string);
    const_cast<std::string&>(d.string_value()) = std::move(s);
    return d;
}

// kainjow copies a list deeply when it is wrapped in data; this moves it in
// instead. The list inside a data object is not const, so the cast is sound.
// kainjow's data has no noexcept move, so a growing list copies every element
// deeply: every list is reserved to its size before it is filled.
data make_list(list&& items) {
    data d(data::type::list);
    const_cast<list&>(d.list_value()) = std::move(items);
    return d;
}

// Makes objects with a fixed set of keys. kainjow's operator[] inserts a default
// value for a new key, an empty object (one allocation, freed again when the real
// value is assigned); on a copy of this prototype, whose keys are there already
// (each false), it finds the key instead. A shape names only keys that its caller
// always sets, so a view holds the same names as without it.
class shape {
   public:
    shape(std::initializer_list<const char*> keys) : proto_(data::type::object) {
        for (const char* k : keys) proto_[k] = data(false);
    }
    data make() const { return proto_; }

   private:
    data proto_;
};

data one_item_list(data item) {
    list l;
    l.reserve(1);
    l.push_back(std::move(item));
    return make_list(std::move(l));
}

size_t count_paragraphs(const std::string& s) {
    size_t n = 1;
    for (size_t pos = 0; (pos = s.find("\n\n", pos)) != std::string::npos; pos += 2) ++n;
    return n;
}

// The names of a notice's view that depend only on the theme and the language.
// Labels are top-level names (t_business_id, ...): dotted names cost a
// stringstream per lookup in kainjow, and they are used inside loops.
data standard_view(const theme::impl& th, lang l) {
    data v = obj();
    v["lang"] = str(std::string(lang_code(l)));
    v["doc_title"] = str(message(l, "doc.title"));
    v["generator"] = str(format_message(l, "doc.generator", {{"version", version}}));
    static constexpr const char* keys[] = {
        "business_id", "visiting_address", "postal_address", "phone",    "email",   "web",         "purpose", "basis",
        "interest",    "category",         "period",         "all_data", "country", "safeguard",   "date",    "change",
        "consequence", "collected",        "refusal",        "exercise", "logic",   "significance"};
    for (const char* k : keys) v[std::string("t_") + k] = str(message(l, std::string("label.") + k));
    v["t_toc"] = str(message(l, "doc.toc"));
    v["t_other_languages"] = str(message(l, "doc.other_languages"));
    v["t_skip"] = str(message(l, "doc.skip"));
    v["t_security_manual"] = str(message(l, "section.security_manual"));
    v["t_security_electronic"] = str(message(l, "section.security_electronic"));
    v["t_retention_caption"] = str(message(l, "retention.caption"));
    // The theme's own texts (theme.json "strings") as s_KEY, in this language, else fi, sv, en.
    for (const auto& [key, texts] : th.strings) {
        std::string value = texts[static_cast<size_t>(l)];
        for (lang f : all_langs)
            if (value.empty()) value = texts[static_cast<size_t>(f)];
        v["s_" + key] = str(value);
    }
    v["stylesheet"] = str(th.stylesheet);
    return v;
}

const data& standard_view_of(const theme::impl& th, lang l) {
    const auto i = static_cast<size_t>(l);
    std::call_once(th.standard_once[i], [&] { th.standard[i] = standard_view(th, l); });
    return th.standard[i];
}

class view_builder {
   public:
    view_builder(const source_doc& doc, const register_& reg, const render_options& opts)
        : doc_(doc), reg_(reg), opts_(opts), l_(opts.language) {}

    data build() {
        data v = obj();
        const int base = opts_.heading_base > 0 ? std::min(opts_.heading_base, 4) : (opts_.fragment ? 2 : 1);
        static const char* const levels[] = {"h1", "h2", "h3", "h4", "h5", "h6"};
        v["h_title"] = str(levels[base - 1]);
        v["h_section"] = str(levels[base]);
        v["h_sub"] = str(levels[base + 1]);
        v["fragment"] = data(opts_.fragment);
        v["page"] = data(!opts_.fragment);
        // Unique per register and language, so several notices can share a page.
        v["anchor"] = str("seloste-" + reg_.id + "-" + std::string(lang_code(l_)));
        v["register_id"] = str(reg_.id);
        v["title"] = str(notice_title(reg_, l_));
        v["register_name"] = text_view(reg_.name);
        v["stylesheet_href"] = opts_.stylesheet_href.empty() ? data(false) : str(opts_.stylesheet_href);
        v["index_href"] = opts_.index_href.empty() ? data(false) : str(opts_.index_href);
        v["updated"] = str(format_message(l_, "doc.updated", {{"date", format_date(reg_.notice_date, l_)}}));
        v["notice_date"] = date_view(reg_.notice_date);

        std::vector<std::string> names;
        for (const auto& c : reg_.controllers)
            if (const auto* o = doc_.find_organisation(c.id)) names.push_back(plain(o->name));
        v["intro"] = str(format_message(l_, "doc.intro",
                                        {{"controllers", format_list(names, l_)}, {"register", plain(reg_.name)}},
                                        {{"count", static_cast<double>(names.size())}}));

        alternates(v);
        sections(v);
        return v;
    }

   private:
    // ---- small views -------------------------------------------------------
    std::string plain(const text& t) const {
        auto r = t.get(l_);
        return r.value ? *r.value : std::string();
    }

    // {text, paras: [{p}] | true (one paragraph, with p beside text), lang: "sv" | false};
    // false when the text is empty.
    data text_view(const text& t) const {
        static const shape one_paragraph{"text", "lang", "paras", "p"}, paragraphs{"text", "lang", "paras"},
            paragraph{"p"};
        auto r = t.get(l_);
        if (!r.value || r.value->empty()) return data(false);
        const std::string& s = *r.value;
        const size_t n_paras = count_paragraphs(s);
        data v = n_paras == 1 ? one_paragraph.make() : paragraphs.make();
        v["text"] = str(s);
        v["lang"] = r.fallback ? str(std::string(lang_code(*r.lang_of_value))) : data(false);
        if (n_paras == 1) {
            // One paragraph: `paras` is true and `p` stands beside `text`, so
            // {{#paras}}…{{p}}…{{/paras}} renders as for a list of one {p}, without
            // building the list.
            v["paras"] = data(true);
            v["p"] = str(s);
            return v;
        }
        list paras;
        paras.reserve(n_paras);
        size_t pos = 0;
        while (pos <= s.size()) {
            size_t end = s.find("\n\n", pos);
            if (end == std::string::npos) end = s.size();
            data p = paragraph.make();
            p["p"] = str(s.substr(pos, end - pos));
            paras.push_back(std::move(p));
            pos = end + 2;
        }
        v["paras"] = make_list(std::move(paras));
        return v;
    }

    // The items' texts; with `from_data_subject`, only the sources of that origin.
    data items_view(const std::vector<item>& items, std::optional<bool> from_data_subject = std::nullopt) const {
        list out;
        out.reserve(items.size());
        for (const auto& it : items) {
            if (from_data_subject && it.from_data_subject != *from_data_subject) continue;
            if (data t = text_view(it.value); !t.is_false()) out.push_back(std::move(t));
        }
        return out.empty() ? data(false) : make_list(std::move(out));
    }

    data date_view(const date& d) const {
        static const shape date_shape{"iso", "text"};
        if (d.year == 0) return data(false);
        data v = date_shape.make();
        v["iso"] = str(d.iso());
        v["text"] = str(format_date(d, l_));
        return v;
    }

    // {text, href | false}: only safe, validated targets become links.
    data link_view(const std::string& value, const std::string& kind) const {
        static const shape link_shape{"text", "href"};
        if (value.empty()) return data(false);
        data v = link_shape.make();
        v["text"] = str(value);
        std::string href;
        if (kind == "mailto" && is_email(value))
            href = "mailto:" + value;
        else if (kind == "tel")
            href = phone_to_e164(value).has_value() ? "tel:" + *phone_to_e164(value) : "";
        else if (kind == "web" && is_web_url(value))
            href = value;
        v["href"] = href.empty() ? data(false) : str(href);
        return v;
    }

    data address_view(const std::optional<address>& a) const {
        if (!a) return data(false);
        std::string s = plain(a->street);
        const std::string town = plain(a->town);
        if (!a->postal_code.empty() || !town.empty())
            s += ", " + a->postal_code + (a->postal_code.empty() ? "" : " ") + town;
        return str(s);
    }

    data organisation_view(const organisation& o) const {
        static const shape org_shape{"name", "business_id", "visiting_address", "postal_address", "phone", "email",
                                     "web",  "note"};
        data v = org_shape.make();
        v["name"] = text_view(o.name);
        v["business_id"] = o.business_id.empty() ? data(false) : str(o.business_id);
        v["visiting_address"] = address_view(o.visiting_address);
        v["postal_address"] = address_view(o.postal_address);
        v["phone"] = link_view(o.phone, "tel");
        v["email"] = link_view(o.email, "mailto");
        v["web"] = link_view(o.web, "web");
        v["note"] = text_view(o.note);
        return v;
    }

    data person_view(const person& p) const {
        static const shape person_shape{"name", "title", "organisation", "postal_address", "phone", "email", "web"};
        data v = person_shape.make();
        v["name"] = text_view(p.name);
        v["title"] = text_view(p.title);
        const organisation* o = p.organisation_ref.empty() ? nullptr : doc_.find_organisation(p.organisation_ref);
        v["organisation"] = o ? text_view(o->name) : data(false);
        v["postal_address"] = address_view(p.postal_address);
        v["phone"] = link_view(p.phone, "tel");
        v["email"] = link_view(p.email, "mailto");
        v["web"] = link_view(p.web, "web");
        return v;
    }

    data contact_view(const ref& r) const {
        if (const auto* p = doc_.find_person(r.id)) {
            data v = person_view(*p);
            v["is_person"] = data(true);
            return v;
        }
        if (const auto* o = doc_.find_organisation(r.id)) {
            data v = organisation_view(*o);
            v["is_person"] = data(false);
            return v;
        }
        return data(false);
    }

    void alternates(data& v) const {
        list alts;
        alts.reserve(opts_.alternates.size());
        for (const auto& a : opts_.alternates) {
            static const shape alternate{"hreflang", "href", "name"};
            data x = alternate.make();
            x["hreflang"] = str(std::string(lang_code(a.language)));
            x["href"] = str(a.href);
            x["name"] = str(message(a.language, "@language_name"));
            alts.push_back(std::move(x));
        }
        v["has_alternates"] = data(!alts.empty());
        v["alternates"] = alts.empty() ? data(false) : make_list(std::move(alts));
    }

    // ---- sections ----------------------------------------------------------
    void add_section(data& v, list& toc, const std::string& key, const std::string& title, data body) {
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

    static data with_items(data items) {
        if (items.is_false()) return data(false);
        data b = obj();
        b["items"] = std::move(items);
        return b;
    }

    void sections(data& v) {
        list toc;
        toc.reserve(20);  // every section there is
        // Controllers (Art. 13(1)(a))
        {
            list orgs;
            orgs.reserve(reg_.controllers.size());
            for (const auto& c : reg_.controllers)
                if (const auto* o = doc_.find_organisation(c.id)) orgs.push_back(organisation_view(*o));
            const auto n_orgs = orgs.size();
            data b = with_items(orgs.empty() ? data(false) : make_list(std::move(orgs)));
            if (!b.is_false()) {
                b["joint_arrangement"] = text_view(reg_.joint_arrangement);
                b["representative"] = reg_.representative ? contact_view(*reg_.representative) : data(false);
            }
            add_section(v, toc, "controllers",
                        format_message(l_, "section.controllers", {}, {{"count", static_cast<double>(n_orgs)}}),
                        std::move(b));
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
            add_section(v, toc, "contacts",
                        format_message(l_, "section.contacts", {}, {{"count", static_cast<double>(n_cs)}}),
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
                static const shape purpose_shape{"description", "basis", "interest"};
                data x = purpose_shape.make();
                x["description"] = text_view(p.description);
                x["basis"] = p.basis ? str(message(l_, "basis." + std::string(basis_code(*p.basis)))) : data(false);
                x["interest"] = text_view(p.interest);
                ps.push_back(std::move(x));
            }
            add_section(v, toc, "purposes", message(l_, "section.purposes"),
                        ps.empty() ? data(false) : with_items(make_list(std::move(ps))));
        }
        add_section(v, toc, "data_subjects", message(l_, "section.data_subjects"),
                    with_items(items_view(reg_.data_subjects)));
        {
            list cats;
            cats.reserve(reg_.data_categories.size());
            for (const auto& c : reg_.data_categories) {
                static const shape category_shape{"name", "description"};
                data x = category_shape.make();
                x["name"] = text_view(c.name);
                x["description"] = text_view(c.description);
                cats.push_back(std::move(x));
            }
            add_section(v, toc, "data_categories", message(l_, "section.data_categories"),
                        cats.empty() ? data(false) : with_items(make_list(std::move(cats))));
        }
        // Sources (14(2)(f))
        {
            data b = obj();
            data o1 = items_view(reg_.sources, true), o2 = items_view(reg_.sources, false);
            const bool any = !o1.is_false() || !o2.is_false();
            if (!o1.is_false()) {
                data g = obj();
                g["label"] = str(message(l_, "sources.from_data_subject"));
                g["items"] = std::move(o1);
                b["from_data_subject"] = std::move(g);
            } else {
                b["from_data_subject"] = data(false);
            }
            if (!o2.is_false()) {
                data g = obj();
                g["label"] = str(message(l_, "sources.other"));
                g["items"] = std::move(o2);
                b["other"] = std::move(g);
            } else {
                b["other"] = data(false);
            }
            add_section(v, toc, "sources", message(l_, "section.sources"), any ? std::move(b) : data(false));
        }
        // Recipients (13(1)(e))
        add_section(v, toc, "recipients", message(l_, "section.recipients"), with_items(items_view(reg_.recipients)));
        add_section(v, toc, "processors", message(l_, "section.processors"), with_items(items_view(reg_.processors)));
        add_section(v, toc, "disclosures", message(l_, "section.disclosures"),
                    with_items(items_view(reg_.disclosures)));
        // Transfers (13(1)(f))
        if (reg_.transfers) {
            const auto& t = *reg_.transfers;
            data b = obj();
            b["none"] = t.none ? str(message(l_, "transfers.none")) : data(false);
            b["description"] = text_view(t.description);
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
                static const shape retention_shape{"category", "period", "criteria", "description"};
                data row = retention_shape.make();
                std::string category = message(l_, "label.all_data");
                for (const auto& c : reg_.data_categories)
                    if (c.id == r.category_ref) category = plain(c.name);
                row["category"] = str(category);
                row["period"] = r.period ? str(format_duration(*r.period, l_)) : data(false);
                row["criteria"] = text_view(r.criteria);
                row["description"] = text_view(r.description);
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
            if (reg_.has_basis(legal_basis::legitimate_interest) || reg_.has_basis(legal_basis::public_task))
                add("object");
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
            add_section(v, toc, "rights", message(l_, "section.rights"), std::move(b));
        }
        // Supervisory authority (13(2)(d))
        {
            const authority_info a = authority(l_);
            data b = obj();
            b["intro"] = str(message(l_, "authority.intro"));
            b["name"] = str(a.name);
            b["visiting_address"] = str(a.visiting_address);
            b["postal_address"] = str(a.postal_address);
            data phone = obj();
            phone["text"] = str(a.phone);
            phone["href"] = str("tel:" + a.phone_e164);
            b["phone"] = std::move(phone);
            b["email"] = link_view(a.email, "mailto");
            b["web"] = link_view(a.web, "web");
            add_section(v, toc, "authority", message(l_, "section.authority"), std::move(b));
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
        // History
        {
            list rows;
            rows.reserve(reg_.history.size());
            for (const auto& ch : reg_.history) {
                static const shape change_shape{"date", "description"};
                data row = change_shape.make();
                row["date"] = date_view(ch.when);
                row["description"] = text_view(ch.description);
                rows.push_back(std::move(row));
            }
            const bool no_rows = rows.empty();
            data b = obj();
            b["rows"] = make_list(std::move(rows));
            add_section(v, toc, "history", message(l_, "section.history"), no_rows ? data(false) : std::move(b));
        }
        v["toc"] = make_list(std::move(toc));
    }

    const source_doc& doc_;
    const register_& reg_;
    const render_options& opts_;
    lang l_;
};

}  // namespace

std::string notice_title(const register_& reg, lang l) {
    auto r = reg.name.get(l);
    return format_message(l, "doc.title_register", {{"register", r.value ? *r.value : reg.id}});
}

prepared_notice prepare_notice(const source_doc& doc, const register_& reg, const theme& th,
                               const render_options& opts) {
    auto p = std::make_shared<prepared_notice::impl>();
    p->view = view_builder(doc, reg, opts).build();
    p->keep = std::make_shared<const theme>(th);
    p->th = &p->keep->internals();
    p->fragment = opts.fragment;
    p->language = opts.language;
    return prepared_notice(std::move(p));
}

namespace {

// Collects the render. Sections that render nothing leave blank lines behind;
// text never holds a line break (the reader folds whitespace), so dropping
// empty lines is safe.
struct page_sink {
    std::string& out;
    page_sink& operator<<(const std::string& s) {
        if (s.empty() || (s[0] == '\n' && (out.empty() || out.back() == '\n'))) {
            if (s.size() > 1) out.append(s, 1, std::string::npos);
            return *this;
        }
        out += s;
        return *this;
    }
};

}  // namespace

std::string render_prepared(const prepared_notice& notice) {
    const auto& n = notice.internals();
    return render_prepared_with(notice, n.fragment ? n.th->fragment.get() : n.th->page.get());
}

std::string render_prepared_with(const prepared_notice& notice, kainjow::mustache::mustache& tmpl) {
    const auto& n = notice.internals();
    std::string out;
    out.reserve(n.th->stylesheet.size() + 48 * 1024);  // a page inlines its stylesheet
    // The notice's names first, then the theme's standard ones.
    kainjow::mustache::context<std::string> ctx(&standard_view_of(*n.th, n.language));
    ctx.push(&n.view);
    page_sink sink{out};
    tmpl.render(ctx, sink);
    if (!tmpl.is_valid()) throw template_error("theme \"" + n.th->name + "\": " + tmpl.error_message());
    return out;
}

std::string render_html(const source_doc& doc, const register_& reg, const theme& th, const render_options& opts) {
    return render_prepared(prepare_notice(doc, reg, th, opts));
}

}  // namespace seloste
