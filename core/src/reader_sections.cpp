// The XML reader, part 3: registers and their sections, each of which may also
// stand under <blocks> and be used by reference (docs/source-format.md).
#include <algorithm>
#include <cstring>
#include <sstream>

#include "reader_impl.hpp"

namespace seloste::reading {

namespace {

// The sections a register holds at most once, each of which may be a block. Data subjects
// come first: the others name their groups.
constexpr const char* shareable_sections[] = {"data-subjects",       "recipients", "processors", "disclosures",
                                              "transfers",           "sources",    "retention",  "requirement",
                                              "automated-decisions", "security",   "cookies",    "rights"};

}  // namespace

void reader::read_section(const XMLElement* c, const std::string& name, register_& r) {
    if (name == "data-subjects") {
        r.data_subjects = read_items(c, "subject", item_kind::subject);
    } else if (name == "recipients") {
        r.recipients = read_items(c, "recipient");
    } else if (name == "processors") {
        r.processors = read_items(c, "processor");
    } else if (name == "disclosures") {
        r.disclosures = read_items(c, "disclosure");
    } else if (name == "transfers") {
        r.transfers = read_transfers(c);
    } else if (name == "sources") {
        r.sources_where = where(c);
        r.sources = read_items(c, "source", item_kind::source);
    } else if (name == "retention") {
        r.retention_where = where(c);
        r.retention = read_retention(c, r);
    } else if (name == "requirement") {
        r.requirement = read_requirement(c);
    } else if (name == "automated-decisions") {
        expect(c, {"description", "logic", "significance"}, {}, {"id", "used"});
        automated_decisions_section a;
        a.where = where(c);
        a.used = read_bool(c, "used", true, false);
        a.description = text_child(c, "description");
        a.logic = text_child(c, "logic");
        a.significance = text_child(c, "significance");
        r.automated_decisions = std::move(a);
    } else if (name == "security") {
        expect(c, {"manual", "electronic"}, {}, {"id"});
        security_section s;
        s.where = where(c);
        s.manual = text_child(c, "manual");
        s.electronic = text_child(c, "electronic");
        r.security = std::move(s);
    } else if (name == "cookies") {
        r.cookies = read_cookies(c);
    } else if (name == "rights") {
        expect(c, {"exercise", "note", "request-form"}, {}, {"id"});
        rights_section s;
        s.where = where(c);
        s.exercise = text_child(c, "exercise");
        s.note = text_child(c, "note");
        s.request_form = field(c, "request-form", &s.request_form_where, "the web address");
        r.rights = std::move(s);
    } else if (name == "purpose") {
        r.purposes.push_back(read_purpose(c));
    } else if (name == "category") {
        r.data_categories.push_back(read_category(c));
    }
}

void reader::read_controllers(const XMLElement* e, register_& r) {
    for (const XMLElement* c = e->FirstChildElement("controller"); c; c = c->NextSiblingElement("controller"))
        r.controllers.push_back(read_ref(c, "organisation", true));
    for (const XMLElement* c = e->FirstChildElement("group-company"); c; c = c->NextSiblingElement("group-company"))
        r.group_companies.push_back(read_ref(c, "organisation"));
    if (r.controllers.empty()) {
        fail(r.where, "<register> lacks <controller ref=\"…\"/>; expected at least one controller organisation");
        return;
    }
    const std::string rel = attr(e, "controllers");
    const size_t n = r.controllers.size();
    if (rel.empty()) {
        if (n == 1) r.relation = controllership::single;
        r.relation_where = r.where;
    } else {
        r.relation_where = loc_.attribute(e, "controllers");
        r.relation = parse_controllership(rel);
        if (!r.relation) {
            fail(r.relation_where, "controllers=\"" + rel + "\"; expected single, joint, separate or group");
            return;
        }
    }
    const std::string count = std::to_string(n);
    if (r.relation == controllership::single && n > 1)
        fail(r.relation_where, "controllers=\"single\" with " + count +
                                   " <controller> elements; expected one controller, or controllers=\"joint\", "
                                   "\"separate\" or \"group\"");
    if ((r.relation == controllership::joint || r.relation == controllership::separate) && n < 2)
        fail(r.relation_where, "controllers=\"" + rel + "\" with " + count +
                                   " <controller>; expected at least two <controller ref=\"…\"/>");
    if (r.relation == controllership::group) {
        if (n != 1)
            fail(r.relation_where, "controllers=\"group\" with " + count +
                                       " <controller> elements; expected exactly one: the group company that keeps "
                                       "the shared systems, and the others as <group-company ref=\"…\"/>");
        if (r.group_companies.empty())
            fail(r.relation_where,
                 "controllers=\"group\" lacks <group-company ref=\"…\"/>; expected the group companies whose "
                 "shared systems the controller keeps");
    } else if (!r.group_companies.empty()) {
        fail(where(e->FirstChildElement("group-company")),
             "<group-company> belongs to a register with controllers=\"group\"; expected controllers=\"group\" on "
             "<register>, or no <group-company>");
    }
}

std::vector<related_link> reader::read_related(const XMLElement* e) {
    std::vector<related_link> out;
    for (const XMLElement* c = e->FirstChildElement("related"); c; c = c->NextSiblingElement("related")) {
        for (const XMLAttribute* a = c->FirstAttribute(); a; a = a->Next())
            if (std::strcmp(a->Name(), "href") != 0)
                fail(loc_.attribute(c, a->Name()),
                     std::string("unknown attribute ") + a->Name() + " on <related>; expected href");
        related_link l;
        l.where = where(c);
        l.href = attr(c, "href");
        if (l.href.empty())
            fail(l.where, "<related> lacks href; expected href=\"https://…\", the address of the related notice");
        else if (refuse_invisible(l.href, loc_.attribute_offset(c, "href"), "the web address href="))
            l.href.clear();
        else
            l.href_where = loc_.attribute(c, "href");
        l.label = read_text(c);
        if (l.label.empty())
            fail(l.where,
                 "<related> has no text; expected the link's own text, e.g. <fi>Ilmoituskanavan "
                 "tietosuojaseloste</fi>");
        out.push_back(std::move(l));
    }
    return out;
}

register_ reader::read_register(const XMLElement* e) {
    expect(e, {"name",       "description",   "joint-arrangement",   "representative",
               "dpo",        "data-subjects", "data-categories",     "recipients",
               "processors", "disclosures",   "transfers",           "sources",
               "retention",  "requirement",   "automated-decisions", "security",
               "cookies",    "rights",        "further-processing",  "notice-date",
               "history"},
           {"controller", "group-company", "contact", "purpose", "related"}, {"id", "controllers"});
    register_ r;
    r.where = where(e);
    r.id = read_id(e, "register");
    reg_ = &r;
    scope_ = r.id;
    if (const auto* n = require(e, "name", "the register's name, e.g. <name><fi>Asiakasrekisteri</fi></name>"))
        r.name = read_text(n);
    r.description = text_child(e, "description");
    read_controllers(e, r);
    r.joint_arrangement = text_child(e, "joint-arrangement");
    if (const auto* c = e->FirstChildElement("representative"))
        r.representative = read_ref(c, "organisation or person");
    if (const auto* c = e->FirstChildElement("dpo")) r.dpo = read_ref(c, "person");
    for (const XMLElement* c = e->FirstChildElement("contact"); c; c = c->NextSiblingElement("contact"))
        r.contacts.push_back(read_ref(c, "person or contact point"));

    // A shareable section: in place, or the block it names.
    auto section = [&](const XMLElement* c, const std::string& name) {
        const char* id = c->Attribute("ref");
        if (!id) return read_section(c, name, r);
        const XMLElement* b = deref(c);
        if (!b) return;
        r.block_refs[name] = id;
        read_section(b, name, r);
    };
    if (const auto* c = e->FirstChildElement("data-subjects")) section(c, "data-subjects");
    for (const XMLElement* c = e->FirstChildElement("purpose"); c; c = c->NextSiblingElement("purpose")) {
        if (const char* id = c->Attribute("ref")) {
            if (const XMLElement* b = deref(c)) {
                r.purposes.push_back(read_purpose(b));
                r.purposes.back().block = id;
            }
        } else {
            if (c->Attribute("id"))
                fail(loc_.attribute(c, "id"),
                     "an id on <purpose> in a register; expected an id only on a <purpose> under <blocks>");
            r.purposes.push_back(read_purpose(c));
        }
    }
    if (r.purposes.empty())
        fail(r.where, "<register> lacks <purpose basis=\"…\">; expected at least one purpose with its legal basis");
    if (const auto* c = e->FirstChildElement("data-categories")) {
        expect(c, {}, {"category"});
        for (const XMLElement* k = c->FirstChildElement("category"); k; k = k->NextSiblingElement("category")) {
            if (const char* id = k->Attribute("ref")) {
                if (const XMLElement* b = deref(k)) {
                    r.data_categories.push_back(read_category(b));
                    r.data_categories.back().block = id;
                }
            } else {
                r.data_categories.push_back(read_category(k));
            }
        }
    }
    for (const char* name : shareable_sections)
        if (std::strcmp(name, "data-subjects") != 0)
            if (const auto* c = e->FirstChildElement(name)) section(c, name);
    r.further_processing = text_child(e, "further-processing");
    r.related = read_related(e);
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
    reg_ = nullptr;
    scope_.clear();
    return r;
}

subject_refs reader::read_subjects(const XMLElement* e) {
    subject_refs s;
    const char* v = e->Attribute("subjects");
    if (!v) return s;
    s.where = loc_.attribute(e, "subjects");
    if (refuse_invisible(v, loc_.attribute_offset(e, "subjects"), "the reference subjects=")) return s;
    std::istringstream in(v);
    for (std::string id; in >> id;) {
        if (std::find(s.ids.begin(), s.ids.end(), id) != s.ids.end()) {
            fail(s.where, "subjects= names \"" + id + "\" twice; expected each group once");
            continue;
        }
        if (reg_ && std::none_of(reg_->data_subjects.begin(), reg_->data_subjects.end(),
                                 [&](const item& it) { return it.id == id; }))
            fail(s.where,
                 "no data-subject group \"" + id +
                     "\" in this register; expected the id of a <subject id=\"…\"> under <data-subjects>",
                 diagnostic::kind::reference);
        s.ids.push_back(id);
    }
    if (s.ids.empty())
        fail(s.where, "subjects= names no group; expected the ids of <subject id=\"…\"> items, separated by spaces");
    return s;
}

purpose reader::read_purpose(const XMLElement* e) {
    expect(e, {"description", "interest"}, {}, {"id", "basis", "direct-marketing", "subjects"});
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
    p.subjects = read_subjects(e);
    return p;
}

data_category reader::read_category(const XMLElement* k) {
    expect(k, {"name", "description", "legal-ground"}, {}, {"id", "special", "condition", "subjects"});
    data_category cat;
    cat.where = where(k);
    cat.id = read_id(k, ("category/" + scope_).c_str());
    if (const auto* n = require(k, "name", "the category's name")) cat.name = read_text(n);
    cat.description = text_child(k, "description");
    const std::string special = attr(k, "special");
    if (special == "art9")
        cat.special = special_kind::art9;
    else if (special == "art10")
        cat.special = special_kind::art10;
    else if (k->Attribute("special"))
        fail(loc_.attribute(k, "special"),
             "special=\"" + special +
                 "\"; expected \"art9\" (special categories, Art. 9) or \"art10\" (criminal-offence data, Art. 10)");
    const std::string cond = attr(k, "condition");
    if (k->Attribute("condition")) {
        if (!(cat.condition = parse_condition(cond)))
            fail(loc_.attribute(k, "condition"),
                 "unknown condition \"" + cond +
                     "\"; expected one of Art. 9(2): explicit-consent, employment, vital-interests, not-for-profit, "
                     "made-public, legal-claims, substantial-public-interest, health-care, public-health, archiving");
        else if (cat.special != special_kind::art9)
            fail(loc_.attribute(k, "condition"),
                 "condition= is the Art. 9(2) condition of a special category; expected special=\"art9\" on this "
                 "<category>, or no condition");
    } else if (cat.special == special_kind::art9) {
        fail(loc_.attribute(k, "special"),
             "<category special=\"art9\"> lacks condition; expected the Art. 9(2) condition that allows it, e.g. "
             "condition=\"explicit-consent\"");
    }
    cat.legal_ground = text_child(k, "legal-ground");
    if (cat.special == special_kind::art10 && cat.legal_ground.empty())
        fail(cat.where,
             "<category special=\"art10\"> lacks <legal-ground>; expected the law that authorises processing "
             "criminal-offence data (Art. 10)");
    if (cat.special == special_kind::none && k->FirstChildElement("legal-ground"))
        fail(where(k->FirstChildElement("legal-ground")),
             "<legal-ground> belongs to a special category; expected special=\"art9\" or \"art10\" on this "
             "<category>");
    cat.subjects = read_subjects(k);
    return cat;
}

transfers_section reader::read_transfers(const XMLElement* e) {
    expect(e, {"description", "safeguards-copy"}, {"transfer"}, {"id", "none"});
    transfers_section t;
    t.where = where(e);
    t.none = read_bool(e, "none", false, false);
    t.description = text_child(e, "description");
    t.safeguards_copy = text_child(e, "safeguards-copy");
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
    expect(e, {}, {"rule"}, {"id"});
    std::vector<retention_rule> out;
    for (const XMLElement* c = e->FirstChildElement("rule"); c; c = c->NextSiblingElement("rule")) {
        expect(c, {"period", "criteria", "description"}, {}, {"category", "subjects"});
        retention_rule rr;
        rr.where = where(c);
        rr.category_ref = ref_attr(c, "category");
        if (reg_ && !rr.category_ref.empty() &&
            std::none_of(r.data_categories.begin(), r.data_categories.end(),
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
        rr.subjects = read_subjects(c);
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
