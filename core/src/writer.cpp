// to_source_xml: a source_doc written back as a source file (see writer.hpp): the XML
// emitter, the root's children, and the arrangement of pieces in a recorded layout.
#include "seloste/writer.hpp"

#include <algorithm>
#include <map>

#include "writer_impl.hpp"

namespace seloste {

namespace writing {

void xml_out::escape(std::string& out, std::string_view s, bool attribute) {
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"':
                if (attribute)
                    out += "&quot;";
                else
                    out += c;
                break;
            default: out += c;
        }
    }
}

std::string xml_out::attr(const char* name, std::string_view value) {
    std::string s = std::string(" ") + name + "=\"";
    escape(s, value, true);
    return s + "\"";
}

void xml_out::indent() {
    out_.append(static_cast<size_t>(depth_) * 2, ' ');
}

void xml_out::open(const char* name, const std::string& attrs) {
    indent();
    out_ += "<" + std::string(name) + attrs + ">\n";
    ++depth_;
}

void xml_out::close(const char* name) {
    --depth_;
    indent();
    out_ += "</" + std::string(name) + ">\n";
}

void xml_out::empty(const char* name, const std::string& attrs) {
    indent();
    out_ += "<" + std::string(name) + attrs + "/>\n";
}

void xml_out::plain(const char* name, std::string_view value, bool always) {
    if (value.empty() && !always) return;
    indent();
    out_ += "<" + std::string(name) + ">";
    escape(out_, value, false);
    out_ += "</" + std::string(name) + ">\n";
}

// A text's content: plain text, or one child per language.
void xml_out::text_content(const text& t) {
    bool by_lang = false;
    for (const auto& v : t.by_lang) by_lang = by_lang || v.has_value();
    if (!by_lang) {
        escape(out_, t.neutral, false);
        return;
    }
    for (lang l : all_langs) {
        const auto& v = t.by_lang[static_cast<size_t>(l)];
        if (!v) continue;
        const std::string code(lang_code(l));
        out_ += "<" + code + ">";
        escape(out_, *v, false);
        out_ += "</" + code + ">";
    }
}

void xml_out::text_el(const char* name, const text& t, bool always, const std::string& attrs) {
    if (t.empty() && !always) return;
    indent();
    out_ += "<" + std::string(name) + attrs + ">";
    text_content(t);
    out_ += "</" + std::string(name) + ">\n";
}

void xml_out::address_el(const char* name, const address& a) {
    open(name);
    text_el("street", a.street, true);
    plain("postal-code", a.postal_code, true);
    text_el("town", a.town, true);
    if (a.country != "FI") plain("country", a.country, true);
    close(name);
}

void number(std::vector<piece>& pieces) {
    std::map<std::string, int> seen;
    for (auto& p : pieces) p.index = seen[p.element]++;
}

std::string arrange(const std::vector<piece>& pieces, const layout_record& layout, int depth) {
    const auto& nodes = layout.children;
    std::vector<int> node_of(pieces.size(), -1);
    std::vector<bool> taken(nodes.size(), false);
    // By id first, then (a renamed or unnamed element) by its place among its kind.
    for (size_t j = 0; j < nodes.size(); ++j) {
        if (nodes[j].id.empty()) continue;
        for (size_t i = 0; i < pieces.size(); ++i)
            if (node_of[i] < 0 && pieces[i].element == nodes[j].element && pieces[i].id == nodes[j].id) {
                node_of[i] = static_cast<int>(j);
                taken[j] = true;
                break;
            }
    }
    for (size_t j = 0; j < nodes.size(); ++j) {
        if (taken[j]) continue;
        for (size_t i = 0; i < pieces.size(); ++i)
            if (node_of[i] < 0 && pieces[i].element == nodes[j].element && pieces[i].index == nodes[j].index) {
                node_of[i] = static_cast<int>(j);
                taken[j] = true;
                break;
            }
    }
    std::vector<size_t> seq;  // piece indexes in the order written
    for (size_t j = 0; j < nodes.size(); ++j)
        for (size_t i = 0; i < pieces.size(); ++i)
            if (node_of[i] == static_cast<int>(j)) seq.push_back(i);
    for (size_t i = 0; i < pieces.size(); ++i) {
        if (node_of[i] >= 0) continue;
        auto at = seq.begin();
        if (i > 0) at = std::find(seq.begin(), seq.end(), i - 1) + 1;
        seq.insert(at, i);
    }
    const std::string pad(static_cast<size_t>(depth) * 2, ' ');
    auto comments = [&](const std::vector<std::string>& cs, std::string& out) {
        for (const auto& c : cs) out += pad + "<!--" + c + "-->\n";
    };
    std::string out;
    for (size_t i : seq) {
        if (node_of[i] >= 0) {
            const auto& node = nodes[static_cast<size_t>(node_of[i])];
            if (node.blank_line_before) out += "\n";
            comments(node.comments_before, out);
        }
        out += pieces[i].xml;
    }
    comments(layout.comments_after, out);
    return out;
}

namespace {

void organisation_body(xml_out& x, const organisation& o, bool authority) {
    x.text_el("name", o.name, true);
    if (!authority) {
        x.plain("business-id", o.business_id);
        x.plain("vat-number", o.vat_number);
    }
    if (o.visiting_address) x.address_el("visiting-address", *o.visiting_address);
    if (o.postal_address) x.address_el("postal-address", *o.postal_address);
    x.plain("phone", o.phone);
    x.plain("email", o.email);
    x.plain("web", o.web);
    if (!authority) x.text_el("note", o.note);
}

std::string words(const word_list& w) {
    xml_out x(1);
    std::string list;
    for (const auto& s : w.words) list += (list.empty() ? "" : " ") + s;
    x.indent();
    x.raw() += "<words" + (w.language ? xml_out::attr("lang", lang_code(*w.language)) : std::string()) + ">";
    xml_out::escape(x.raw(), list, false);
    x.raw() += "</words>\n";
    return x.take();
}

std::string organisation_(const organisation& o) {
    xml_out x(1);
    x.open("organisation", xml_out::attr("id", o.id));
    organisation_body(x, o, false);
    x.close("organisation");
    return x.take();
}

std::string authority(const organisation& o) {
    xml_out x(1);
    x.open("supervisory-authority");
    organisation_body(x, o, true);
    x.close("supervisory-authority");
    return x.take();
}

std::string person_(const person& p) {
    xml_out x(1);
    x.open("person", xml_out::attr("id", p.id));
    x.text_el("name", p.name);
    x.text_el("title", p.title);
    if (!p.organisation_ref.empty()) x.empty("organisation", xml_out::attr("ref", p.organisation_ref));
    x.plain("email", p.email);
    x.plain("phone", p.phone);
    x.plain("web", p.web);
    if (p.visiting_address) x.address_el("visiting-address", *p.visiting_address);
    if (p.postal_address) x.address_el("postal-address", *p.postal_address);
    x.close("person");
    return x.take();
}

std::string contact_point_(const contact_point& c) {
    xml_out x(1);
    x.open("contact-point", xml_out::attr("id", c.id));
    x.text_el("name", c.name, true);
    x.plain("email", c.email);
    x.plain("phone", c.phone);
    x.plain("web", c.web);
    x.plain("request-form", c.request_form);
    if (c.visiting_address) x.address_el("visiting-address", *c.visiting_address);
    if (c.postal_address) x.address_el("postal-address", *c.postal_address);
    x.close("contact-point");
    return x.take();
}

std::string blocks(const source_doc& doc) {
    std::vector<piece> ps;
    for (const auto& b : doc.blocks) ps.push_back({b.kind, b.id, 0, write_block(b, 2)});
    number(ps);
    return "  <blocks>\n" + arrange(ps, doc.blocks_layout, 2) + "  </blocks>\n";
}

}  // namespace

}  // namespace writing

std::string to_source_xml(const source_doc& doc) {
    using namespace writing;
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    for (const auto& c : doc.comments_before_root) out += "<!--" + c + "-->\n";
    out += "<seloste version=\"1\">\n";
    // The canonical order; a file's own order wins for what was read from it.
    std::vector<piece> ps;
    for (const auto& w : doc.words) ps.push_back({"words", "", 0, words(w)});
    for (const auto& o : doc.organisations) ps.push_back({"organisation", o.id, 0, organisation_(o)});
    for (const auto& p : doc.people) ps.push_back({"person", p.id, 0, person_(p)});
    for (const auto& c : doc.contact_points) ps.push_back({"contact-point", c.id, 0, contact_point_(c)});
    if (doc.supervisory_authority)
        ps.push_back({"supervisory-authority", "", 0, authority(*doc.supervisory_authority)});
    if (!doc.blocks.empty()) ps.push_back({"blocks", "", 0, blocks(doc)});
    for (const auto& r : doc.registers) ps.push_back({"register", r.id, 0, write_register(doc, r, 1)});
    number(ps);
    out += arrange(ps, doc.layout, 1);
    out += "</seloste>\n";
    return out;
}

void apply_blocks(source_doc& doc, std::string_view only) {
    auto wanted = [&](const std::string& id) { return only.empty() || id == only; };
    for (auto& r : doc.registers) {
        for (const auto& [kind, id] : r.block_refs) {
            const block* b = wanted(id) ? doc.find_block(id) : nullptr;
            if (!b || b->kind != kind) continue;
            const register_& c = b->content;
            if (kind == "security")
                r.security = c.security;
            else if (kind == "cookies")
                r.cookies = c.cookies;
            else if (kind == "sources")
                r.sources = c.sources;
            else if (kind == "recipients")
                r.recipients = c.recipients;
            else if (kind == "processors")
                r.processors = c.processors;
            else if (kind == "disclosures")
                r.disclosures = c.disclosures;
            else if (kind == "transfers")
                r.transfers = c.transfers;
            else if (kind == "automated-decisions")
                r.automated_decisions = c.automated_decisions;
            else if (kind == "requirement")
                r.requirement = c.requirement;
            else if (kind == "rights")
                r.rights = c.rights;
            else if (kind == "data-subjects")
                r.data_subjects = c.data_subjects;
            else if (kind == "retention")
                r.retention = c.retention;
        }
        for (auto& p : r.purposes) {
            const block* b = p.block.empty() || !wanted(p.block) ? nullptr : doc.find_block(p.block);
            if (b && b->kind == "purpose" && !b->content.purposes.empty()) {
                p = b->content.purposes[0];
                p.block = b->id;
            }
        }
        for (auto& k : r.data_categories) {
            const block* b = k.block.empty() || !wanted(k.block) ? nullptr : doc.find_block(k.block);
            if (b && b->kind == "category" && !b->content.data_categories.empty()) {
                k = b->content.data_categories[0];
                k.id = b->id;
                k.block = b->id;
            }
        }
    }
}

}  // namespace seloste
