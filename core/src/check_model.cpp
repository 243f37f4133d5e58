// The model as the checks see it (check_model.hpp).
#include "check_model.hpp"

#include <algorithm>
#include <tuple>

namespace seloste::detail {

namespace {

void add(std::vector<text_ref>& out, const text& t, std::string field) {
    if (!t.empty()) out.push_back({&t, std::move(field)});
}

void add_items(std::vector<text_ref>& out, const std::vector<item>& items, const std::string& prefix) {
    for (size_t i = 0; i < items.size(); ++i) add(out, items[i].value, prefix + idx(i));
}

void add_address(std::vector<text_ref>& out, const std::optional<address>& a, const std::string& prefix) {
    if (!a) return;
    add(out, a->street, prefix + "/street");
    add(out, a->town, prefix + "/town");
}

}  // namespace

std::string idx(size_t i) {
    return "[" + std::to_string(i + 1) + "]";
}

std::vector<text_ref> register_texts(const register_& r) {
    std::vector<text_ref> out;
    add(out, r.name, "name");
    add(out, r.description, "description");
    for (const auto& c : r.controllers) add(out, c.processing, "controller[" + c.id + "]/processing");
    add(out, r.joint_arrangement, "joint-arrangement");
    for (size_t i = 0; i < r.purposes.size(); ++i) {
        add(out, r.purposes[i].description, "purpose" + idx(i) + "/description");
        add(out, r.purposes[i].interest, "purpose" + idx(i) + "/interest");
    }
    add_items(out, r.data_subjects, "data-subjects/subject");
    for (const auto& c : r.data_categories) {
        add(out, c.name, "data-categories/category[" + c.id + "]/name");
        add(out, c.description, "data-categories/category[" + c.id + "]/description");
        add(out, c.legal_ground, "data-categories/category[" + c.id + "]/legal-ground");
    }
    add_items(out, r.recipients, "recipients/recipient");
    add_items(out, r.processors, "processors/processor");
    add_items(out, r.disclosures, "disclosures/disclosure");
    if (r.transfers) {
        add(out, r.transfers->description, "transfers/description");
        for (size_t i = 0; i < r.transfers->items.size(); ++i)
            add(out, r.transfers->items[i].description, "transfers/transfer" + idx(i) + "/description");
        add(out, r.transfers->safeguards_copy, "transfers/safeguards-copy");
    }
    add_items(out, r.sources, "sources/source");
    for (size_t i = 0; i < r.retention.size(); ++i) {
        add(out, r.retention[i].criteria, "retention/rule" + idx(i) + "/criteria");
        add(out, r.retention[i].description, "retention/rule" + idx(i) + "/description");
    }
    if (r.requirement) {
        add(out, r.requirement->consequence, "requirement/consequence");
        add(out, r.requirement->description, "requirement/description");
    }
    if (r.automated_decisions) {
        add(out, r.automated_decisions->description, "automated-decisions/description");
        add(out, r.automated_decisions->logic, "automated-decisions/logic");
        add(out, r.automated_decisions->significance, "automated-decisions/significance");
    }
    if (r.security) {
        add(out, r.security->manual, "security/manual");
        add(out, r.security->electronic, "security/electronic");
    }
    if (r.cookies) {
        add(out, r.cookies->description, "cookies/description");
        add_items(out, r.cookies->collected, "cookies/collected/item");
        add(out, r.cookies->refusal, "cookies/refusal");
        for (size_t i = 0; i < r.cookies->analytics.size(); ++i)
            add(out, r.cookies->analytics[i].description, "cookies/analytics" + idx(i) + "/description");
    }
    if (r.rights) {
        add(out, r.rights->exercise, "rights/exercise");
        add(out, r.rights->note, "rights/note");
    }
    add(out, r.further_processing, "further-processing");
    for (size_t i = 0; i < r.related.size(); ++i) add(out, r.related[i].label, "related" + idx(i));
    for (size_t i = 0; i < r.history.size(); ++i) add(out, r.history[i].description, "history/change" + idx(i));
    return out;
}

std::vector<entity_text> organisation_texts(const organisation& o, const std::string& path) {
    const std::string p = path.empty() ? "organisation[" + o.id + "]" : path;
    std::vector<text_ref> names, notes;
    add(names, o.name, p + "/name");
    add_address(names, o.visiting_address, p + "/visiting-address");
    add_address(names, o.postal_address, p + "/postal-address");
    add(notes, o.note, p + "/note");
    std::vector<entity_text> out;
    for (auto& r : names) out.push_back({r, false});
    for (auto& r : notes) out.push_back({r, true});
    return out;
}

std::vector<entity_text> person_texts(const person& pe) {
    const std::string p = "person[" + pe.id + "]";
    std::vector<text_ref> names, titles;
    add(names, pe.name, p + "/name");
    add_address(names, pe.visiting_address, p + "/visiting-address");
    add_address(names, pe.postal_address, p + "/postal-address");
    add(titles, pe.title, p + "/title");
    std::vector<entity_text> out;
    for (auto& r : names) out.push_back({r, false});
    for (auto& r : titles) out.push_back({r, true});
    return out;
}

std::vector<entity_text> contact_point_texts(const contact_point& cp) {
    const std::string p = "contact-point[" + cp.id + "]";
    std::vector<text_ref> names;
    add(names, cp.name, p + "/name");
    add_address(names, cp.visiting_address, p + "/visiting-address");
    add_address(names, cp.postal_address, p + "/postal-address");
    std::vector<entity_text> out;
    for (auto& r : names) out.push_back({r, false});
    return out;
}

std::vector<text_value> values(const text& t) {
    std::vector<text_value> out;
    if (!t.neutral.empty()) out.push_back({std::nullopt, &t.neutral});
    for (lang l : all_langs)
        if (const auto& v = t.by_lang[static_cast<size_t>(l)]; v && !v->empty()) out.push_back({l, &*v});
    return out;
}

// Where match `m` of value `v` of text `t` stands in the file.
source_location where_in(const text& t, const text_value& v, const term_match& m) {
    const size_t occ = occurrences_before(*v.s, m.text, m.start_byte);
    source_location at = locate_in_text(t.where, v.l, m.text, occ);
    if (at.line == t.where.line && at.column == t.where.column) {
        // The match may span a line break in the file: look for its first word.
        const auto sp = m.text.find_first_of(" \n");
        if (sp != std::string::npos) {
            const std::string first = m.text.substr(0, sp);
            at = locate_in_text(t.where, v.l, first, occurrences_before(*v.s, first, m.start_byte));
        }
    }
    return at;
}

void sort_findings(std::vector<finding>& f) {
    std::stable_sort(f.begin(), f.end(), [](const finding& a, const finding& b) {
        return std::tie(a.where.file, a.where.line, a.where.column) <
               std::tie(b.where.file, b.where.line, b.where.column);
    });
}

}  // namespace seloste::detail
