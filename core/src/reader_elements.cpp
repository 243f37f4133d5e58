// The XML reader, element by element: the root, blocks, organisations, people,
// contact points and word lists (docs/source-format.md); registers and their
// sections are read in reader_sections.cpp.
#include <algorithm>
#include <cstring>
#include <sstream>

#include "reader_impl.hpp"

namespace seloste::reading {

address reader::read_address(const XMLElement* e) {
    expect(e, {"street", "postal-code", "town", "country"}, {});
    address a;
    a.where = where(e);
    if (const auto* s = require(e, "street", "the street address or PO box, e.g. <street>Varastotie 5</street>"))
        a.street = read_text(s);
    if (require(e, "postal-code", "the postal code, e.g. <postal-code>60100</postal-code>"))
        a.postal_code = plain_child(e, "postal-code");
    if (const auto* t = require(e, "town", "the town, e.g. <town>Seinäjoki</town>")) a.town = read_text(t);
    if (e->FirstChildElement("country")) a.country = plain_child(e, "country");
    return a;
}

void reader::read_root(const XMLElement* root) {
    if (std::strcmp(root->Name(), "seloste") != 0) {
        fail(where(root), std::string("the root element is <") + root->Name() + ">; expected <seloste version=\"1\">");
        return;
    }
    expect(root, {"blocks", "supervisory-authority"}, {"organisation", "person", "contact-point", "register", "words"},
           {"version"});
    const std::string version = attr(root, "version");
    if (version != "1")
        fail(version.empty() ? where(root) : loc_.attribute(root, "version"),
             "unsupported format version \"" + version + "\"; expected version=\"1\"");
    if (const XMLElement* b = root->FirstChildElement("blocks")) read_blocks(b);
    for (const XMLElement* c = root->FirstChildElement(); c; c = c->NextSiblingElement()) {
        const std::string n = c->Name();
        if (n == "organisation")
            doc_->organisations.push_back(read_organisation(c));
        else if (n == "person")
            doc_->people.push_back(read_person(c));
        else if (n == "contact-point")
            doc_->contact_points.push_back(read_contact_point(c));
        else if (n == "words")
            doc_->words.push_back(read_words(c));
        else if (n == "supervisory-authority")
            doc_->supervisory_authority = read_organisation(c, false);
    }
    for (const auto& cp : doc_->contact_points)
        if (!cp.id.empty() && doc_->find_person(cp.id))
            fail(cp.where, "the id \"" + cp.id +
                               "\" names both a <person> and a <contact-point>; expected unique ids (a <contact "
                               "ref> may name either)");
    for (const XMLElement* c = root->FirstChildElement("register"); c; c = c->NextSiblingElement("register"))
        doc_->registers.push_back(read_register(c));
    if (!root->FirstChildElement("register"))
        fail(where(root), "the source has no <register>; expected at least one register");
}

void reader::read_blocks(const XMLElement* b) {
    expect(b, {},
           {"security", "cookies", "sources", "recipients", "processors", "disclosures", "transfers",
            "automated-decisions", "requirement", "rights", "data-subjects", "retention", "purpose", "category"});
    for (const XMLElement* c = b->FirstChildElement(); c; c = c->NextSiblingElement()) {
        const std::string id = read_id(c, "block");
        if (id.empty()) continue;
        blocks_[id] = c;
        // The content on its own, for the model's round trip: references inside it (category=,
        // subjects=) are checked where a register uses the block.
        block bl;
        bl.kind = c->Name();
        bl.id = id;
        bl.where = where(c);
        reg_ = nullptr;
        scope_ = "block:" + id;
        read_section(c, bl.kind, bl.content);
        doc_->blocks.push_back(std::move(bl));
    }
    scope_.clear();
}

// A register child that may be `ref="BLOCK"`: the element whose content to read.
const XMLElement* reader::deref(const XMLElement* e) {
    const char* r = e->Attribute("ref");
    if (!r) return e;
    if (refuse_invisible(r, loc_.attribute_offset(e, "ref"), "the reference ref=")) return nullptr;
    if (e->FirstChild())
        fail(where(e), std::string("<") + e->Name() + " ref=\"" + r +
                           "\"> has content; expected an empty element that only refers to the block");
    for (const XMLAttribute* a = e->FirstAttribute(); a; a = a->Next())
        if (std::strcmp(a->Name(), "ref") != 0)
            fail(loc_.attribute(e, a->Name()), std::string("unknown attribute ") + a->Name() + " on <" + e->Name() +
                                                   " ref=\"" + r +
                                                   "\">; expected only ref= (the block holds the rest)");
    auto it = blocks_.find(r);
    if (it == blocks_.end()) {
        fail(loc_.attribute(e, "ref"),
             std::string("no block with id \"") + r + "\"; expected the id of a <" + e->Name() + "> under <blocks>",
             diagnostic::kind::reference);
        return nullptr;
    }
    if (std::strcmp(it->second->Name(), e->Name()) != 0) {
        fail(loc_.attribute(e, "ref"), std::string("the block \"") + r + "\" is a <" + it->second->Name() +
                                           ">; expected a <" + e->Name() + "> block");
        return nullptr;
    }
    return it->second;
}

organisation reader::read_organisation(const XMLElement* e, bool with_id) {
    if (with_id)
        expect(e,
               {"name", "business-id", "vat-number", "visiting-address", "postal-address", "phone", "email", "web",
                "note"},
               {}, {"id"});
    else
        expect(e, {"name", "visiting-address", "postal-address", "phone", "email", "web"}, {});
    organisation o;
    o.where = where(e);
    if (with_id) o.id = read_id(e, "organisation");
    if (const auto* n = require(e, "name", "the organisation's name, e.g. <name>Seiverkot Oy</name>"))
        o.name = read_text(n);
    o.business_id = plain_child(e, "business-id", &o.business_id_where);
    o.vat_number = field(e, "vat-number", &o.vat_number_where, "the VAT number");
    if (const auto* a = e->FirstChildElement("visiting-address")) o.visiting_address = read_address(a);
    if (const auto* a = e->FirstChildElement("postal-address")) o.postal_address = read_address(a);
    o.phone = field(e, "phone", &o.phone_where, "the phone number");
    o.email = field(e, "email", &o.email_where, "the e-mail address");
    o.web = field(e, "web", &o.web_where, "the web address");
    o.note = text_child(e, "note");
    return o;
}

person reader::read_person(const XMLElement* e) {
    expect(e, {"name", "title", "organisation", "email", "phone", "web", "visiting-address", "postal-address"}, {},
           {"id"});
    person p;
    p.where = where(e);
    p.id = read_id(e, "person");
    p.name = text_child(e, "name");
    p.title = text_child(e, "title");
    if (const auto* o = e->FirstChildElement("organisation")) {
        expect(o, {}, {}, {"ref"});
        p.organisation_ref = ref_attr(o, "ref");
        refs_.push_back({"organisation", p.organisation_ref, loc_.attribute(o, "ref")});
    }
    p.email = field(e, "email", &p.email_where, "the e-mail address");
    p.phone = field(e, "phone", &p.phone_where, "the phone number");
    p.web = field(e, "web", &p.web_where, "the web address");
    if (const auto* a = e->FirstChildElement("visiting-address")) p.visiting_address = read_address(a);
    if (const auto* a = e->FirstChildElement("postal-address")) p.postal_address = read_address(a);
    if (p.name.empty() && p.title.empty())
        fail(p.where, "<person> has neither <name> nor <title>; expected at least one of them");
    return p;
}

contact_point reader::read_contact_point(const XMLElement* e) {
    expect(e, {"name", "email", "phone", "web", "request-form", "visiting-address", "postal-address"}, {}, {"id"});
    contact_point c;
    c.where = where(e);
    c.id = read_id(e, "contact point");
    if (const auto* n = require(e, "name", "the contact point's name, e.g. <name><fi>Asiakaspalvelu</fi></name>"))
        c.name = read_text(n);
    c.email = field(e, "email", &c.email_where, "the e-mail address");
    c.phone = field(e, "phone", &c.phone_where, "the phone number");
    c.web = field(e, "web", &c.web_where, "the web address");
    c.request_form = field(e, "request-form", &c.request_form_where, "the web address");
    if (const auto* a = e->FirstChildElement("visiting-address")) c.visiting_address = read_address(a);
    if (const auto* a = e->FirstChildElement("postal-address")) c.postal_address = read_address(a);
    return c;
}

word_list reader::read_words(const XMLElement* e) {
    expect(e, {}, {}, {"lang"});
    word_list w;
    w.where = where(e);
    if (const char* l = e->Attribute("lang")) {
        w.language = parse_lang(l);
        if (!w.language)
            fail(loc_.attribute(e, "lang"), std::string("unknown language \"") + l + "\"; expected fi, sv or en");
    }
    std::istringstream in(plain(e));
    for (std::string word; in >> word;) w.words.push_back(word);
    return w;
}

}  // namespace seloste::reading
