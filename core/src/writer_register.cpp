// The writer's registers and blocks: every section of a register, written inline or as a
// reference to the block it came from (writer.hpp says when).

#include "writer_impl.hpp"

namespace seloste::writing {

namespace {

std::string attr(const char* name, std::string_view value) {
    return xml_out::attr(name, value);
}

std::string subjects_attr(const subject_refs& s) {
    if (s.empty()) return {};
    std::string ids;
    for (const auto& id : s.ids) ids += (ids.empty() ? "" : " ") + id;
    return attr("subjects", ids);
}

std::string_view special_code(special_kind k) {
    switch (k) {
        case special_kind::art9: return "art9";
        case special_kind::art10: return "art10";
        case special_kind::none: break;
    }
    return "";
}

enum class item_kind { plain, subject, source };

void items(xml_out& x, const char* list, const char* name, const std::vector<item>& xs, const std::string& attrs,
           item_kind kind = item_kind::plain) {
    if (xs.empty()) {
        x.empty(list, attrs);
        return;
    }
    x.open(list, attrs);
    for (const auto& it : xs) {
        std::string a;
        if (kind == item_kind::subject && !it.id.empty()) a += attr("id", it.id);
        if (kind == item_kind::source) {
            a += attr("from-data-subject", it.from_data_subject ? "true" : "false");
            if (it.publicly_accessible) a += attr("public", "true");
            a += subjects_attr(it.subjects);
        }
        x.text_el(name, it.value, true, a);
    }
    x.close(list);
}

std::string purpose_xml(const purpose& p, int depth, const std::string& attrs) {
    xml_out x(depth);
    std::string a = attrs;
    if (p.basis) a += attr("basis", basis_code(*p.basis));
    if (p.direct_marketing) a += attr("direct-marketing", "true");
    a += subjects_attr(p.subjects);
    x.open("purpose", a);
    x.text_el("description", p.description, true);
    x.text_el("interest", p.interest);
    x.close("purpose");
    return x.take();
}

std::string category_xml(const data_category& c, std::string_view id, int depth) {
    xml_out x(depth);
    std::string a = attr("id", id);
    if (c.special != special_kind::none) a += attr("special", special_code(c.special));
    if (c.condition) a += attr("condition", condition_code(*c.condition));
    a += subjects_attr(c.subjects);
    x.open("category", a);
    x.text_el("name", c.name, true);
    x.text_el("description", c.description);
    x.text_el("legal-ground", c.legal_ground);
    x.close("category");
    return x.take();
}

bool is_list(const std::string& kind) {
    return kind == "data-subjects" || kind == "recipients" || kind == "processors" || kind == "disclosures" ||
           kind == "sources" || kind == "retention";
}

// The section `kind` of `r` (a register, or a block's content) with `attrs`; "" when
// there is none. A list section is written even when empty.
std::string section(const std::string& kind, const register_& r, int depth, const std::string& attrs) {
    xml_out x(depth);
    if (kind == "data-subjects") {
        items(x, "data-subjects", "subject", r.data_subjects, attrs, item_kind::subject);
    } else if (kind == "recipients") {
        items(x, "recipients", "recipient", r.recipients, attrs);
    } else if (kind == "processors") {
        items(x, "processors", "processor", r.processors, attrs);
    } else if (kind == "disclosures") {
        items(x, "disclosures", "disclosure", r.disclosures, attrs);
    } else if (kind == "sources") {
        items(x, "sources", "source", r.sources, attrs, item_kind::source);
    } else if (kind == "transfers" && r.transfers) {
        const auto& t = *r.transfers;
        x.open("transfers", attrs + (t.none ? attr("none", "true") : std::string()));
        x.text_el("description", t.description);
        x.text_el("safeguards-copy", t.safeguards_copy);
        for (const auto& tr : t.items) {
            std::string a;
            if (!tr.country.empty()) a += attr("country", tr.country);
            if (tr.guard) a += attr("safeguard", safeguard_code(*tr.guard));
            x.open("transfer", a);
            x.text_el("description", tr.description);
            x.close("transfer");
        }
        x.close("transfers");
    } else if (kind == "retention") {
        if (r.retention.empty()) {
            x.empty("retention", attrs);
            return x.take();
        }
        x.open("retention", attrs);
        for (const auto& rule : r.retention) {
            std::string a = rule.category_ref.empty() ? std::string() : attr("category", rule.category_ref);
            a += subjects_attr(rule.subjects);
            x.open("rule", a);
            if (rule.period) {
                std::string p;
                if (rule.period->years) p += attr("years", std::to_string(rule.period->years));
                if (rule.period->months) p += attr("months", std::to_string(rule.period->months));
                if (rule.period->days) p += attr("days", std::to_string(rule.period->days));
                x.empty("period", p);
            }
            x.text_el("criteria", rule.criteria);
            x.text_el("description", rule.description);
            x.close("rule");
        }
        x.close("retention");
    } else if (kind == "requirement" && r.requirement) {
        x.open("requirement", attrs + attr("kind", requirement_code(r.requirement->kind)));
        x.text_el("consequence", r.requirement->consequence);
        x.text_el("description", r.requirement->description);
        x.close("requirement");
    } else if (kind == "automated-decisions" && r.automated_decisions) {
        const auto& a = *r.automated_decisions;
        x.open("automated-decisions", attrs + attr("used", a.used ? "true" : "false"));
        x.text_el("description", a.description);
        x.text_el("logic", a.logic);
        x.text_el("significance", a.significance);
        x.close("automated-decisions");
    } else if (kind == "security" && r.security) {
        x.open("security", attrs);
        x.text_el("manual", r.security->manual);
        x.text_el("electronic", r.security->electronic);
        x.close("security");
    } else if (kind == "cookies" && r.cookies) {
        const auto& c = *r.cookies;
        x.open("cookies", attrs);
        x.text_el("description", c.description);
        if (!c.collected.empty()) items(x, "collected", "item", c.collected, {});
        x.text_el("refusal", c.refusal);
        for (const auto& a : c.analytics) {
            std::string at = attr("name", a.name);
            if (!a.opt_out_url.empty()) at += attr("opt-out", a.opt_out_url);
            x.open("analytics", at);
            x.text_el("description", a.description);
            x.close("analytics");
        }
        x.close("cookies");
    } else if (kind == "rights" && r.rights) {
        x.open("rights", attrs);
        x.text_el("exercise", r.rights->exercise);
        x.text_el("note", r.rights->note);
        x.plain("request-form", r.rights->request_form);
        x.close("rights");
    }
    return x.take();
}

bool list_empty(const std::string& kind, const register_& r) {
    if (kind == "data-subjects") return r.data_subjects.empty();
    if (kind == "recipients") return r.recipients.empty();
    if (kind == "processors") return r.processors.empty();
    if (kind == "disclosures") return r.disclosures.empty();
    if (kind == "sources") return r.sources.empty();
    return r.retention.empty();
}

// A register's single section: a reference to its block while it equals the block,
// inline otherwise; "" when the register has none.
std::string single(const source_doc& doc, const register_& r, const std::string& kind, int depth) {
    const std::string mine = section(kind, r, depth, {});
    const bool has = is_list(kind) ? !list_empty(kind, r) : !mine.empty();
    if (auto it = r.block_refs.find(kind); it != r.block_refs.end() && (has || is_list(kind))) {
        const block* b = doc.find_block(it->second);
        if (b && b->kind == kind && section(kind, b->content, depth, {}) == mine) {
            xml_out x(depth);
            x.empty(kind.c_str(), attr("ref", b->id));
            return x.take();
        }
    }
    return has ? mine : std::string();
}

std::string purpose_or_ref(const source_doc& doc, const purpose& p, int depth) {
    const std::string mine = purpose_xml(p, depth, {});
    if (!p.block.empty()) {
        const block* b = doc.find_block(p.block);
        if (b && b->kind == "purpose" && !b->content.purposes.empty() &&
            purpose_xml(b->content.purposes[0], depth, {}) == mine) {
            xml_out x(depth);
            x.empty("purpose", attr("ref", b->id));
            return x.take();
        }
    }
    return mine;
}

std::string category_or_ref(const source_doc& doc, const data_category& c, int depth) {
    const std::string mine = category_xml(c, c.id, depth);
    if (!c.block.empty()) {
        const block* b = doc.find_block(c.block);
        if (b && b->kind == "category" && !b->content.data_categories.empty() &&
            category_xml(b->content.data_categories[0], b->id, depth) == mine) {
            xml_out x(depth);
            x.empty("category", attr("ref", b->id));
            return x.take();
        }
    }
    return mine;
}

std::string ref_xml(const char* name, const ref& r, int depth) {
    xml_out x(depth);
    if (r.processing.empty()) {
        x.empty(name, attr("ref", r.id));
    } else {
        x.open(name, attr("ref", r.id));
        x.text_el("processing", r.processing);
        x.close(name);
    }
    return x.take();
}

std::string text_xml(const char* name, const text& t, int depth, bool always = false, const std::string& attrs = {}) {
    xml_out x(depth);
    x.text_el(name, t, always, attrs);
    return x.take();
}

}  // namespace

std::string write_block(const block& b, int depth) {
    const std::string id = attr("id", b.id);
    if (b.kind == "purpose")
        return b.content.purposes.empty() ? std::string() : purpose_xml(b.content.purposes[0], depth, id);
    if (b.kind == "category")
        return b.content.data_categories.empty() ? std::string()
                                                 : category_xml(b.content.data_categories[0], b.id, depth);
    return section(b.kind, b.content, depth, id);
}

std::string write_register(const source_doc& doc, const register_& r, int depth) {
    const int d = depth + 1;
    std::vector<piece> ps;
    auto add = [&](const char* element, std::string xml) {
        if (!xml.empty()) ps.push_back({element, "", 0, std::move(xml)});
    };
    add("name", text_xml("name", r.name, d, true));
    add("description", text_xml("description", r.description, d));
    for (const auto& c : r.controllers) add("controller", ref_xml("controller", c, d));
    for (const auto& g : r.group_companies) add("group-company", ref_xml("group-company", g, d));
    add("joint-arrangement", text_xml("joint-arrangement", r.joint_arrangement, d));
    if (r.representative) add("representative", ref_xml("representative", *r.representative, d));
    if (r.dpo) add("dpo", ref_xml("dpo", *r.dpo, d));
    for (const auto& c : r.contacts) add("contact", ref_xml("contact", c, d));
    for (const auto& p : r.purposes) add("purpose", purpose_or_ref(doc, p, d));
    add("data-subjects", single(doc, r, "data-subjects", d));
    if (!r.data_categories.empty()) {
        std::string cats = std::string(static_cast<size_t>(d) * 2, ' ') + "<data-categories>\n";
        for (const auto& c : r.data_categories) cats += category_or_ref(doc, c, d + 1);
        cats += std::string(static_cast<size_t>(d) * 2, ' ') + "</data-categories>\n";
        add("data-categories", std::move(cats));
    }
    for (const char* kind : {"recipients", "processors", "disclosures", "transfers", "sources", "retention",
                             "requirement", "automated-decisions", "security", "cookies", "rights"})
        add(kind, single(doc, r, kind, d));
    add("further-processing", text_xml("further-processing", r.further_processing, d));
    for (const auto& l : r.related) add("related", text_xml("related", l.label, d, true, attr("href", l.href)));
    {
        xml_out x(d);
        x.plain("notice-date", r.notice_date.iso(), true);
        add("notice-date", x.take());
    }
    if (!r.history.empty()) {
        xml_out x(d);
        x.open("history");
        for (const auto& ch : r.history) x.text_el("change", ch.description, true, attr("date", ch.when.iso()));
        x.close("history");
        add("history", x.take());
    }
    number(ps);

    std::string a = attr("id", r.id);
    // One controller and no attribute reads as single: the attribute is written when it says more.
    if (r.relation && !(*r.relation == controllership::single && r.controllers.size() == 1))
        a += attr("controllers", controllership_code(*r.relation));
    const std::string pad(static_cast<size_t>(depth) * 2, ' ');
    return pad + "<register" + a + ">\n" + arrange(ps, r.layout, d) + pad + "</register>\n";
}

}  // namespace seloste::writing
