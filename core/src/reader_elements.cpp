// The XML reader, element by element: the root, blocks, organisations, people,
// word lists and registers with their sections (docs/source-format.md).
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
    expect(root, {"blocks"}, {"organisation", "person", "register", "words"}, {"version"});
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
        else if (n == "words")
            doc_->words.push_back(read_words(c));
    }
    for (const XMLElement* c = root->FirstChildElement("register"); c; c = c->NextSiblingElement("register"))
        doc_->registers.push_back(read_register(c));
    if (!root->FirstChildElement("register"))
        fail(where(root), "the source has no <register>; expected at least one register");
}

void reader::read_blocks(const XMLElement* b) {
    expect(b, {},
           {"security", "cookies", "sources", "recipients", "processors", "disclosures", "transfers",
            "automated-decisions", "requirement", "rights", "data-subjects"});
    for (const XMLElement* c = b->FirstChildElement(); c; c = c->NextSiblingElement()) {
        const std::string id = read_id(c, "block");
        if (!id.empty()) blocks_[id] = c;
    }
}

// A register child that may be `ref="BLOCK"`: the element whose content to read.
const XMLElement* reader::deref(const XMLElement* e) {
    const char* r = e->Attribute("ref");
    if (!r) return e;
    if (refuse_invisible(r, loc_.attribute_offset(e, "ref"), "the reference ref=")) return nullptr;
    if (e->FirstChild())
        fail(where(e), std::string("<") + e->Name() + " ref=\"" + r +
                           "\"> has content; expected an empty element that only refers to the block");
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

organisation reader::read_organisation(const XMLElement* e) {
    expect(e, {"name", "business-id", "visiting-address", "postal-address", "phone", "email", "web", "note"}, {},
           {"id"});
    organisation o;
    o.where = where(e);
    o.id = read_id(e, "organisation");
    if (const auto* n = require(e, "name", "the organisation's name, e.g. <name>Seiverkot Oy</name>"))
        o.name = read_text(n);
    o.business_id = plain_child(e, "business-id", &o.business_id_where);
    if (const auto* a = e->FirstChildElement("visiting-address")) o.visiting_address = read_address(a);
    if (const auto* a = e->FirstChildElement("postal-address")) o.postal_address = read_address(a);
    o.phone = field(e, "phone", &o.phone_where, "the phone number");
    o.email = field(e, "email", &o.email_where, "the e-mail address");
    o.web = field(e, "web", &o.web_where, "the web address");
    o.note = text_child(e, "note");
    return o;
}

person reader::read_person(const XMLElement* e) {
    expect(e, {"name", "title", "organisation", "email", "phone", "web", "postal-address"}, {}, {"id"});
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
    if (const auto* a = e->FirstChildElement("postal-address")) p.postal_address = read_address(a);
    if (p.name.empty() && p.title.empty())
        fail(p.where, "<person> has neither <name> nor <title>; expected at least one of them");
    return p;
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

register_ reader::read_register(const XMLElement* e) {
    expect(e, {"name",       "description",   "joint-arrangement",   "representative",
               "dpo",        "data-subjects", "data-categories",     "recipients",
               "processors", "disclosures",   "transfers",           "sources",
               "retention",  "requirement",   "automated-decisions", "security",
               "cookies",    "rights",        "notice-date",         "history"},
           {"controller", "contact", "purpose"}, {"id"});
    register_ r;
    r.where = where(e);
    r.id = read_id(e, "register");
    if (const auto* n = require(e, "name", "the register's name, e.g. <name><fi>Asiakasrekisteri</fi></name>"))
        r.name = read_text(n);
    r.description = text_child(e, "description");
    for (const XMLElement* c = e->FirstChildElement("controller"); c; c = c->NextSiblingElement("controller"))
        r.controllers.push_back(read_ref(c, "organisation"));
    if (r.controllers.empty())
        fail(r.where, "<register> lacks <controller ref=\"…\"/>; expected at least one controller organisation");
    r.joint_arrangement = text_child(e, "joint-arrangement");
    if (const auto* c = e->FirstChildElement("representative"))
        r.representative = read_ref(c, "organisation or person");
    if (const auto* c = e->FirstChildElement("dpo")) r.dpo = read_ref(c, "person");
    for (const XMLElement* c = e->FirstChildElement("contact"); c; c = c->NextSiblingElement("contact"))
        r.contacts.push_back(read_ref(c, "person"));
    for (const XMLElement* c = e->FirstChildElement("purpose"); c; c = c->NextSiblingElement("purpose"))
        r.purposes.push_back(read_purpose(c));
    if (r.purposes.empty())
        fail(r.where, "<register> lacks <purpose basis=\"…\">; expected at least one purpose with its legal basis");
    if (const auto* c = e->FirstChildElement("data-subjects"); c && (c = deref(c)))
        r.data_subjects = read_items(c, "subject");
    if (const auto* c = e->FirstChildElement("data-categories")) {
        expect(c, {}, {"category"});
        for (const XMLElement* k = c->FirstChildElement("category"); k; k = k->NextSiblingElement("category")) {
            expect(k, {"name", "description"}, {}, {"id"});
            data_category cat;
            cat.where = where(k);
            cat.id = read_id(k, ("category/" + r.id).c_str());
            if (const auto* n = require(k, "name", "the category's name")) cat.name = read_text(n);
            cat.description = text_child(k, "description");
            r.data_categories.push_back(std::move(cat));
        }
    }
    if (const auto* c = e->FirstChildElement("recipients"); c && (c = deref(c)))
        r.recipients = read_items(c, "recipient");
    if (const auto* c = e->FirstChildElement("processors"); c && (c = deref(c)))
        r.processors = read_items(c, "processor");
    if (const auto* c = e->FirstChildElement("disclosures"); c && (c = deref(c)))
        r.disclosures = read_items(c, "disclosure");
    if (const auto* c = e->FirstChildElement("transfers"); c && (c = deref(c))) r.transfers = read_transfers(c);
    if (const auto* c = e->FirstChildElement("sources"); c && (c = deref(c))) {
        r.sources_where = where(c);
        r.sources = read_items(c, "source", true);
    }
    if (const auto* c = e->FirstChildElement("retention")) {
        r.retention_where = where(c);
        r.retention = read_retention(c, r);
    }
    if (const auto* c = e->FirstChildElement("requirement"); c && (c = deref(c))) r.requirement = read_requirement(c);
    if (const auto* c = e->FirstChildElement("automated-decisions"); c && (c = deref(c))) {
        expect(c, {"description", "logic", "significance"}, {}, {"id", "used"});
        automated_decisions_section a;
        a.where = where(c);
        a.used = read_bool(c, "used", true, false);
        a.description = text_child(c, "description");
        a.logic = text_child(c, "logic");
        a.significance = text_child(c, "significance");
        r.automated_decisions = std::move(a);
    }
    if (const auto* c = e->FirstChildElement("security"); c && (c = deref(c))) {
        expect(c, {"manual", "electronic"}, {}, {"id"});
        security_section s;
        s.where = where(c);
        s.manual = text_child(c, "manual");
        s.electronic = text_child(c, "electronic");
        r.security = std::move(s);
    }
    if (const auto* c = e->FirstChildElement("cookies"); c && (c = deref(c))) r.cookies = read_cookies(c);
    if (const auto* c = e->FirstChildElement("rights"); c && (c = deref(c))) {
        expect(c, {"exercise", "note"}, {}, {"id"});
        rights_section s;
        s.where = where(c);
        s.exercise = text_child(c, "exercise");
        s.note = text_child(c, "note");
        r.rights = std::move(s);
    }
    if (const auto* c = e->FirstChildElement("notice-date")) {
        r.notice_date_where = where(c);
        if (auto d = read_date(plain(c), r.notice_date_where)) r.notice_date = *d;
    } else {
        fail(where(e),
             "<register> lacks <notice-date>; expected the date of the notice, e.g. "
             "<notice-date>2025-02-24</notice-date>",
             diagnostic::kind::date);
    }
    if (const auto* c = e->FirstChildElement("history")) {
        expect(c, {}, {"change"});
        for (const XMLElement* k = c->FirstChildElement("change"); k; k = k->NextSiblingElement("change")) {
            for (const XMLAttribute* a = k->FirstAttribute(); a; a = a->Next())
                if (std::strcmp(a->Name(), "date") != 0)
                    fail(loc_.attribute(k, a->Name()),
                         std::string("unknown attribute ") + a->Name() + " on <change>; expected date");
            change ch;
            ch.where = where(k);
            ch.description = read_text(k);
            if (const char* d = k->Attribute("date")) {
                if (auto dd = read_date(d, loc_.attribute(k, "date"))) ch.when = *dd;
            } else {
                fail(ch.where, "<change> lacks date; expected date=\"YYYY-MM-DD\"", diagnostic::kind::date);
            }
            r.history.push_back(std::move(ch));
        }
    }
    return r;
}

purpose reader::read_purpose(const XMLElement* e) {
    expect(e, {"description", "interest"}, {}, {"basis", "direct-marketing"});
    purpose p;
    p.where = where(e);
    const std::string b = attr(e, "basis");
    if (b.empty())
        fail(p.where,
             "<purpose> lacks basis; expected "
             "basis=\"consent|contract|legal-obligation|vital-interests|public-task|legitimate-interest\"");
    else if (!(p.basis = parse_basis(b)))
        fail(loc_.attribute(e, "basis"), "unknown legal basis \"" + b +
                                             "\"; expected consent, contract, legal-obligation, vital-interests, "
                                             "public-task or legitimate-interest");
    p.direct_marketing = read_bool(e, "direct-marketing", false, false);
    if (const auto* d =
            require(e, "description", "what the data is used for, e.g. <description><fi>Laskutus</fi></description>"))
        p.description = read_text(d);
    p.interest = text_child(e, "interest");
    return p;
}

transfers_section reader::read_transfers(const XMLElement* e) {
    expect(e, {"description"}, {"transfer"}, {"id", "none"});
    transfers_section t;
    t.where = where(e);
    t.none = read_bool(e, "none", false, false);
    t.description = text_child(e, "description");
    for (const XMLElement* c = e->FirstChildElement("transfer"); c; c = c->NextSiblingElement("transfer")) {
        expect(c, {"description"}, {}, {"country", "safeguard"});
        transfer x;
        x.where = where(c);
        x.country = attr(c, "country");
        if (!x.country.empty() && (x.country.size() != 2 || !std::isupper(static_cast<unsigned char>(x.country[0])) ||
                                   !std::isupper(static_cast<unsigned char>(x.country[1]))))
            fail(loc_.attribute(c, "country"),
                 "country=\"" + x.country + "\"; expected an ISO 3166 two-letter code such as US");
        const std::string s = attr(c, "safeguard");
        if (!s.empty() && !(x.guard = parse_safeguard(s)))
            fail(loc_.attribute(c, "safeguard"),
                 "unknown safeguard \"" + s + "\"; expected adequacy, scc-2021, bcr, derogation, other or scc-2010");
        x.description = text_child(c, "description");
        t.items.push_back(std::move(x));
    }
    if (t.none && !t.items.empty())
        fail(t.where,
             "<transfers none=\"true\"> also lists transfers; expected either none=\"true\" or <transfer> items");
    return t;
}

std::vector<retention_rule> reader::read_retention(const XMLElement* e, const register_& r) {
    expect(e, {}, {"rule"});
    std::vector<retention_rule> out;
    for (const XMLElement* c = e->FirstChildElement("rule"); c; c = c->NextSiblingElement("rule")) {
        expect(c, {"period", "criteria", "description"}, {}, {"category"});
        retention_rule rr;
        rr.where = where(c);
        rr.category_ref = ref_attr(c, "category");
        if (!rr.category_ref.empty() && std::none_of(r.data_categories.begin(), r.data_categories.end(),
                                                     [&](const data_category& k) { return k.id == rr.category_ref; }))
            fail(loc_.attribute(c, "category"),
                 "no data category \"" + rr.category_ref +
                     "\" in this register; expected the id of a <category> under <data-categories>");
        if (const auto* p = c->FirstChildElement("period")) {
            expect(p, {}, {}, {"years", "months", "days"});
            duration d;
            d.years = read_count(p, "years").value_or(0);
            d.months = read_count(p, "months").value_or(0);
            d.days = read_count(p, "days").value_or(0);
            if (d.empty()) fail(where(p), "<period> gives no length; expected years=\"N\", months=\"N\" or days=\"N\"");
            rr.period = d;
        }
        rr.criteria = text_child(c, "criteria");
        rr.description = text_child(c, "description");
        if (rr.period && c->FirstChildElement("criteria"))
            fail(where(c->FirstChildElement("criteria")),
                 "<rule> holds both <period> and <criteria>; expected exactly one: <period> when the length is "
                 "fixed, <criteria> when it depends on something (explain a period in <description>)");
        if (!rr.period && rr.criteria.empty())
            fail(rr.where, "<rule> has neither <period> nor <criteria>; expected how long the data is kept");
        out.push_back(std::move(rr));
    }
    return out;
}

requirement_section reader::read_requirement(const XMLElement* e) {
    expect(e, {"consequence", "description"}, {}, {"id", "kind"});
    requirement_section s;
    s.where = where(e);
    const std::string k = attr(e, "kind");
    if (auto kk = parse_requirement(k))
        s.kind = *kk;
    else
        fail(k.empty() ? s.where : loc_.attribute(e, "kind"),
             "kind=\"" + k +
                 "\"; expected statutory, contractual, contract-prerequisite, statutory-and-contractual or "
                 "voluntary");
    s.consequence = text_child(e, "consequence");
    s.description = text_child(e, "description");
    return s;
}

cookies_section reader::read_cookies(const XMLElement* e) {
    expect(e, {"description", "collected", "refusal"}, {"analytics"}, {"id"});
    cookies_section c;
    c.where = where(e);
    c.description = text_child(e, "description");
    if (const auto* k = e->FirstChildElement("collected")) c.collected = read_items(k, "item");
    c.refusal = text_child(e, "refusal");
    for (const XMLElement* a = e->FirstChildElement("analytics"); a; a = a->NextSiblingElement("analytics")) {
        expect(a, {"description"}, {}, {"name", "opt-out"});
        analytics_service s;
        s.where = where(a);
        s.name = attr(a, "name");
        if (s.name.empty()) fail(s.where, "<analytics> lacks name; expected name=\"Google Analytics\" or the like");
        s.opt_out_url = attr(a, "opt-out");
        if (refuse_invisible(s.opt_out_url, loc_.attribute_offset(a, "opt-out"), "the web address opt-out="))
            s.opt_out_url.clear();
        if (!s.opt_out_url.empty()) s.opt_out_where = loc_.attribute(a, "opt-out");
        s.description = text_child(a, "description");
        c.analytics.push_back(std::move(s));
    }
    return c;
}

}  // namespace seloste::reading
