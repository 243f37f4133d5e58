// A notice as JSON-LD in DPV 2.2 (docs/json-ld.md): one graph per register and language.
// The fixed values (legal bases, Art. 9 conditions, safeguards, rights, pd: concepts)
// come from core/data/dpv-map.json; the texts from the source, in the page's language.
#include "seloste/jsonld.hpp"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <set>

#include "embedded.hpp"
#include "seloste/errors.hpp"
#include "seloste/facts.hpp"
#include "seloste/i18n.hpp"
#include "seloste/render.hpp"

namespace seloste {

namespace {

using ojson = nlohmann::ordered_json;

const ojson& dpv_map() {
    static const ojson m = [] {
        auto f = detail::embedded_file("core/data/dpv-map.json");
        if (!f) throw template_error("core/data/dpv-map.json is missing from the build");
        return ojson::parse(*f);
    }();
    return m;
}

std::string lower_trimmed(std::string_view s) {
    size_t a = 0, b = s.size();
    while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
    while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
    std::string out(s.substr(a, b - a));
    // ASCII only: the table's non-ASCII letters (ä, ö, å) are written in lower case.
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

// The pd: concept of a category (dpv-map.json "categories"), or empty.
std::string pd_concept(const data_category& c) {
    std::set<std::string> names;
    if (!c.name.neutral.empty()) names.insert(lower_trimmed(c.name.neutral));
    for (const auto& t : c.name.by_lang)
        if (t) names.insert(lower_trimmed(*t));
    const auto& table = dpv_map().at("categories");
    for (const auto& e : table)
        for (const auto& n : e.at("names"))
            if (names.count(n.get<std::string>())) return e.at("pd").get<std::string>();
    for (const auto& e : table)
        for (const auto& id : e.at("ids"))
            if (id.get<std::string>() == c.id) return e.at("pd").get<std::string>();
    return {};
}

ojson iri(const std::string& compact) {
    ojson o = ojson::object();
    o["@id"] = compact;
    return o;
}

// The page's language is the context's @language; a text that falls back to another
// language carries its own.
class builder {
   public:
    builder(const source_doc& doc, const register_& reg, lang l) : doc_(doc), reg_(reg), l_(l) {}

    ojson build();

   private:
    bool has(const text& t) const {
        auto r = t.get(l_);
        return r.value && !r.value->empty();
    }
    ojson lit(const text& t) const {
        auto r = t.get(l_);
        if (!r.fallback) return *r.value;
        ojson o = ojson::object();
        o["@value"] = *r.value;
        o["@language"] = std::string(lang_code(*r.lang_of_value));
        return o;
    }
    void put(ojson& node, const char* key, const text& t) const {
        if (has(t)) node[key] = lit(t);
    }
    static void put(ojson& node, const char* key, const std::string& s) {
        if (!s.empty()) node[key] = s;
    }
    static void push(ojson& node, const char* key, ojson v) {
        if (!node.contains(key)) node[key] = ojson::array();
        node[key].push_back(std::move(v));
    }

    void contact_details(ojson& n, const std::string& email, const std::string& phone, const std::string& web,
                         const std::optional<address>& visiting, const std::optional<address>& postal) const {
        if (visiting) push(n, "dpv:hasAddress", format_address(*visiting, l_));
        if (postal) push(n, "dpv:hasAddress", format_address(*postal, l_));
        if (!email.empty()) push(n, "dpv:hasContact", email);
        if (!phone.empty()) push(n, "dpv:hasContact", phone);
        if (!web.empty()) {
            push(n, "dpv:hasContact", web);
            if (is_web_url(web)) n["foaf:page"] = iri(web);
        }
    }

    // A party (organisation, person or contact point) by id: its node in the graph, once;
    // returns the reference to it, or null for an unknown id.
    ojson party(const std::string& id, const char* type) {
        const std::string node_id = "_:party-" + id;
        auto found = parties_.find(id);
        if (found == parties_.end()) {
            ojson n = ojson::object();
            n["@id"] = node_id;
            n["@type"] = ojson::array();
            if (const auto* o = doc_.find_organisation(id)) {
                n["@type"].push_back("dpv:Organisation");
                put(n, "dpv:hasName", o->name);
                if (!o->business_id.empty()) push(n, "dpv:hasIdentifier", o->business_id);
                if (!o->vat_number.empty()) push(n, "dpv:hasIdentifier", o->vat_number);
                contact_details(n, o->email, o->phone, o->web, o->visiting_address, o->postal_address);
                put(n, "dct:description", o->note);
            } else if (const auto* p = doc_.find_person(id)) {
                n["@type"].push_back("dpv:Entity");
                if (has(p->name)) {
                    put(n, "dpv:hasName", p->name);
                    put(n, "dct:title", p->title);
                } else {
                    put(n, "dpv:hasName", p->title);
                }
                if (!p->organisation_ref.empty())
                    if (auto org = party(p->organisation_ref, nullptr); !org.is_null()) n["dpv:hasEntity"] = org;
                contact_details(n, p->email, p->phone, p->web, p->visiting_address, p->postal_address);
            } else if (const auto* c = doc_.find_contact_point(id)) {
                n["@type"].push_back("dpv:Entity");
                put(n, "dpv:hasName", c->name);
                contact_details(n, c->email, c->phone, c->web, c->visiting_address, c->postal_address);
                if (!c->request_form.empty()) push(n, "dpv:hasContact", c->request_form);
            } else {
                return nullptr;
            }
            found = parties_.emplace(id, graph_.size()).first;
            graph_.push_back(std::move(n));
        }
        if (type) {
            auto& types = graph_[found->second]["@type"];
            if (std::find(types.begin(), types.end(), type) == types.end()) types.push_back(type);
        }
        return iri(node_id);
    }

    void controllers(ojson& notice);
    void purposes(ojson& notice);
    void data(ojson& notice);
    void recipients(ojson& notice);
    void transfers(ojson& notice);
    void retention(ojson& notice);
    void rights(ojson& notice);
    void authority(ojson& notice);
    void other(ojson& notice);

    const source_doc& doc_;
    const register_& reg_;
    lang l_;
    ojson graph_ = ojson::array();
    std::map<std::string, size_t> parties_;  // id -> index in graph_
};

void builder::controllers(ojson& notice) {
    ojson ctl = ojson::array();
    for (const auto& c : reg_.controllers)
        if (auto r = party(c.id, "dpv:DataController"); !r.is_null()) {
            if (has(c.processing)) graph_[parties_.at(c.id)]["dct:description"] = lit(c.processing);
            ctl.push_back(r);
        }
    if (!ctl.empty()) notice["dpv:hasDataController"] = ctl;
    if (reg_.relation == controllership::joint && ctl.size() >= 2) {
        ojson j = ojson::object();
        j["@type"] = "dpv:JointDataControllers";
        j["dpv:hasDataController"] = ctl;
        put(j, "dct:description", reg_.joint_arrangement);
        notice["dpv:hasJointDataControllers"] = j;
    }
    if (reg_.relation == controllership::group)
        for (const auto& g : reg_.group_companies)
            if (auto r = party(g.id, nullptr); !r.is_null()) push(notice, "dpv:hasEntity", r);
    if (reg_.representative)
        if (auto r = party(reg_.representative->id, "dpv:Representative"); !r.is_null())
            notice["dpv:hasRepresentative"] = r;
    if (reg_.dpo)
        if (auto r = party(reg_.dpo->id, "dpv:DataProtectionOfficer"); !r.is_null())
            notice["dpv:hasDataProtectionOfficer"] = r;
    for (const auto& c : reg_.contacts)
        if (auto r = party(c.id, nullptr); !r.is_null()) push(notice, "dpv:hasContact", r);
}

std::string subject_node_id(const std::string& id) {
    return "_:subject-" + id;
}

void builder::purposes(ojson& notice) {
    const auto& bases = dpv_map().at("legal_bases");
    for (const auto& p : reg_.purposes) {
        ojson n = ojson::object();
        n["@type"] = p.direct_marketing ? ojson::array({"dpv:Purpose", "dpv:DirectMarketing"}) : ojson("dpv:Purpose");
        put(n, "dct:description", p.description);
        if (p.basis) n["dpv:hasLegalBasis"] = iri(bases.at(std::string(basis_code(*p.basis))).get<std::string>());
        if (has(p.interest)) {
            ojson j = ojson::object();
            j["@type"] = "dpv:LegitimateInterest";
            j["dct:description"] = lit(p.interest);
            n["dpv:hasJustification"] = j;
        }
        for (const auto& s : p.subjects.ids) push(n, "dpv:hasDataSubject", iri(subject_node_id(s)));
        push(notice, "dpv:hasPurpose", std::move(n));
    }
}

void builder::data(ojson& notice) {
    const auto& conditions = dpv_map().at("art9_conditions");
    for (const auto& c : reg_.data_categories) {
        ojson n = ojson::object();
        n["@id"] = "_:category-" + c.id;
        ojson types = ojson::array({"dpv:PersonalData"});
        if (auto pd = pd_concept(c); !pd.empty()) types.push_back(pd);
        if (c.special == special_kind::art9) types.push_back("dpv:SpecialCategoryPersonalData");
        if (c.special == special_kind::art10) types.push_back("dpv:SensitivePersonalData");
        n["@type"] = types;
        put(n, "dct:identifier", c.id);
        put(n, "dct:title", c.name);
        put(n, "dct:description", c.description);
        if (c.special == special_kind::art9 && c.condition)
            push(n, "dpv:hasLegalBasis", iri(conditions.at(std::string(condition_code(*c.condition)))));
        if (has(c.legal_ground)) {
            ojson g = ojson::object();
            g["@type"] = "dpv:LegalBasis";
            g["dct:description"] = lit(c.legal_ground);
            push(n, "dpv:hasLegalBasis", g);
        }
        for (const auto& s : c.subjects.ids) push(n, "dpv:hasDataSubject", iri(subject_node_id(s)));
        push(notice, "dpv:hasPersonalData", std::move(n));
    }
    size_t k = 0;
    for (const auto& s : reg_.data_subjects) {
        ++k;
        if (!has(s.value)) continue;
        ojson n = ojson::object();
        n["@id"] = subject_node_id(s.id.empty() ? "item-" + std::to_string(k) : s.id);
        n["@type"] = "dpv:DataSubject";
        n["dct:title"] = lit(s.value);
        push(notice, "dpv:hasDataSubject", std::move(n));
    }
    for (const auto& s : reg_.sources) {
        if (!has(s.value)) continue;
        ojson n = ojson::object();
        n["@type"] = ojson::array({"dpv:DataSource"});
        n["@type"].push_back(s.from_data_subject ? "dpv:DataSubjectDataSource" : "dpv:ThirdPartyDataSource");
        n["dct:description"] = lit(s.value);
        if (s.publicly_accessible) n["dct:accessRights"] = "public";
        for (const auto& id : s.subjects.ids) push(n, "dpv:hasDataSubject", iri(subject_node_id(id)));
        push(notice, "dpv:hasDataSource", std::move(n));
    }
}

void builder::recipients(ojson& notice) {
    const auto add = [&](const std::vector<item>& items, const char* key, ojson types) {
        for (const auto& it : items) {
            if (!has(it.value)) continue;
            ojson n = ojson::object();
            n["@type"] = types;
            n["dct:description"] = lit(it.value);
            push(notice, key, std::move(n));
        }
    };
    add(reg_.recipients, "dpv:hasRecipient", "dpv:Recipient");
    add(reg_.disclosures, "dpv:hasRecipient", ojson::array({"dpv:Recipient", "dpv:ThirdParty"}));
    add(reg_.processors, "dpv:hasDataProcessor", ojson::array({"dpv:Recipient", "dpv:DataProcessor"}));
}

void builder::transfers(ojson& notice) {
    if (!reg_.transfers) return;
    const auto& t = *reg_.transfers;
    const auto& guards = dpv_map().at("safeguards");
    for (const auto& x : t.items) {
        ojson n = ojson::object();
        n["@type"] = "dpv:Transfer";
        if (!x.country.empty()) {
            ojson c = ojson::object();
            c["@type"] = "dpv:ThirdCountry";
            c["dct:identifier"] = x.country;
            c["dpv:hasName"] = country_name(x.country, l_);
            n["dpv:hasThirdCountry"] = c;
        }
        if (x.guard) {
            const std::string code(safeguard_code(*x.guard));
            if (guards.contains(code)) {
                n["dpv:hasLegalBasis"] = iri(guards.at(code).get<std::string>());
            } else {
                ojson b = ojson::object();
                b["@type"] = "dpv:DataTransferLegalBasis";
                b["dct:identifier"] = code;
                n["dpv:hasLegalBasis"] = b;
            }
        }
        put(n, "dct:description", x.description);
        push(notice, "dpv:hasProcessing", std::move(n));
    }
    if (has(t.description) || has(t.safeguards_copy)) {
        ojson n = ojson::object();
        n["@type"] = "dpv:DataTransferNotice";
        put(n, "dct:description", t.description);
        if (has(t.safeguards_copy)) push(n, "dpv:hasContact", lit(t.safeguards_copy));
        push(notice, "dpv:hasNotice", std::move(n));
    }
}

std::string iso_duration(const duration& d) {
    std::string s = "P";
    if (d.years) s += std::to_string(d.years) + "Y";
    if (d.months) s += std::to_string(d.months) + "M";
    if (d.days || s == "P") s += std::to_string(d.days) + "D";
    return s;
}

void builder::retention(ojson& notice) {
    for (const auto& r : reg_.retention) {
        ojson n = ojson::object();
        const bool period = r.period && !r.period->empty();
        n["@type"] = period ? "dpv:StorageDuration" : "dpv:StorageCondition";
        if (!r.category_ref.empty()) n["dpv:hasPersonalData"] = iri("_:category-" + r.category_ref);
        if (period) {
            ojson d = ojson::object();
            d["@type"] = "dpv:Duration";
            ojson v = ojson::object();
            v["@value"] = iso_duration(*r.period);
            v["@type"] = "xsd:duration";
            d["rdf:value"] = v;
            d["dct:description"] = format_duration(*r.period, l_);
            n["dpv:hasDuration"] = d;
        }
        put(n, "dct:description", r.criteria);
        if (has(r.description)) push(n, "dpv:hasJustification", lit(r.description));
        for (const auto& s : r.subjects.ids) push(n, "dpv:hasDataSubject", iri(subject_node_id(s)));
        push(notice, "dpv:hasStorageCondition", std::move(n));
    }
}

// The rights the page shows (view_sections.cpp: they follow from the legal bases), and the
// right to lodge a complaint.
void builder::rights(ojson& notice) {
    const auto& map = dpv_map().at("rights");
    std::vector<const char*> keys{"access", "rectification", "erasure", "restriction"};
    if (reg_.has_basis(legal_basis::consent) || reg_.has_basis(legal_basis::contract)) keys.push_back("portability");
    if (reg_.has_basis(legal_basis::legitimate_interest) || reg_.has_basis(legal_basis::public_task))
        keys.push_back("object");
    if (std::any_of(reg_.purposes.begin(), reg_.purposes.end(), [](const purpose& p) { return p.direct_marketing; }))
        keys.push_back("object_marketing");
    if (reg_.has_basis(legal_basis::consent)) keys.push_back("withdraw");
    if (reg_.automated_decisions && reg_.automated_decisions->used) keys.push_back("automated");
    keys.push_back("complaint");
    std::set<std::string> seen;
    for (const char* k : keys) {
        const std::string r = map.at(k).get<std::string>();
        if (seen.insert(r).second) push(notice, "dpv:hasRight", iri(r));
    }
    if (reg_.rights) {
        if (has(reg_.rights->exercise)) {
            ojson n = ojson::object();
            n["@type"] = "dpv:RightExerciseNotice";
            n["dct:description"] = lit(reg_.rights->exercise);
            push(notice, "dpv:hasNotice", std::move(n));
        }
        if (!reg_.rights->request_form.empty()) push(notice, "dpv:hasContact", reg_.rights->request_form);
    }
}

void builder::authority(ojson& notice) {
    if (doc_.supervisory_authority) {
        const auto& o = *doc_.supervisory_authority;
        ojson n = ojson::object();
        n["@id"] = "_:authority";
        n["@type"] = "dpv:DataProtectionAuthority";
        put(n, "dpv:hasName", o.name);
        contact_details(n, o.email, o.phone, o.web, o.visiting_address, o.postal_address);
        graph_.push_back(std::move(n));
        notice["dpv:hasAuthority"] = iri("_:authority");
        return;
    }
    const auto a = seloste::authority(l_);
    ojson n = ojson::object();
    n["@id"] = dpv_map().at("finnish_authority").get<std::string>();
    n["@type"] = "dpv:DataProtectionAuthority";
    n["dpv:hasName"] = a.name;
    n["dpv:hasAddress"] = ojson::array({a.visiting_address, a.postal_address});
    n["dpv:hasContact"] = ojson::array({a.email, a.phone, a.web});
    graph_.push_back(std::move(n));
    notice["dpv:hasAuthority"] = iri(dpv_map().at("finnish_authority").get<std::string>());
}

void builder::other(ojson& notice) {
    if (reg_.automated_decisions && reg_.automated_decisions->used) {
        const auto& a = *reg_.automated_decisions;
        ojson n = ojson::object();
        n["@type"] = "dpv:AutomatedDecisionMaking";
        put(n, "dct:description", a.description);
        put(n, "dpv:hasAlgorithmicLogic", a.logic);
        put(n, "dpv:hasConsequence", a.significance);
        push(notice, "dpv:hasProcessing", std::move(n));
    }
    if (reg_.requirement) {
        const auto& r = *reg_.requirement;
        ojson n = ojson::object();
        n["@type"] = r.kind == requirement_kind::voluntary ? "dpv:Optional" : "dpv:Required";
        n["dct:identifier"] = std::string(requirement_code(r.kind));
        put(n, "dct:description", r.description);
        put(n, "dpv:hasConsequence", r.consequence);
        notice["dpv:hasContext"] = n;
    }
    if (reg_.security) {
        ojson m = ojson::object();
        m["@type"] = "dpv:OrganisationalMeasure";
        put(m, "dct:description", reg_.security->manual);
        if (m.contains("dct:description")) notice["dpv:hasOrganisationalMeasure"] = m;
        ojson t = ojson::object();
        t["@type"] = "dpv:TechnicalMeasure";
        put(t, "dct:description", reg_.security->electronic);
        if (t.contains("dct:description")) notice["dpv:hasTechnicalMeasure"] = t;
    }
    for (const auto& r : reg_.related)
        if (is_web_url(r.href)) push(notice, "foaf:page", iri(r.href));
}

ojson builder::build() {
    ojson notice = ojson::object();
    notice["@id"] = "_:notice";
    notice["@type"] = "dpv:PrivacyNotice";
    notice["dct:title"] = notice_title(reg_, l_);
    notice["dct:identifier"] = reg_.id;
    put(notice, "dct:description", reg_.description);
    if (reg_.notice_date.year) {
        ojson d = ojson::object();
        d["@value"] = reg_.notice_date.iso();
        d["@type"] = "xsd:date";
        notice["dct:modified"] = d;
    }
    graph_.push_back(nullptr);  // the notice goes first, once it is complete
    controllers(notice);
    purposes(notice);
    data(notice);
    recipients(notice);
    transfers(notice);
    retention(notice);
    rights(notice);
    authority(notice);
    other(notice);
    graph_[0] = std::move(notice);

    ojson doc = ojson::object();
    ojson ctx = dpv_map().at("context");
    ctx["@language"] = std::string(lang_code(l_));
    doc["@context"] = ctx;
    doc["@graph"] = std::move(graph_);
    return doc;
}

// '<', '>' and '&' appear in JSON text only inside strings, as do U+2028 and U+2029:
// each is replaced by its \u escape, which every JSON parser reads back as the same character.
std::string script_safe(const std::string& s) {
    std::string out;
    out.reserve(s.size() + s.size() / 16);
    for (size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '<')
            out += "\\u003c";
        else if (c == '>')
            out += "\\u003e";
        else if (c == '&')
            out += "\\u0026";
        else if (c == '\xE2' && i + 2 < s.size() && s[i + 1] == '\x80' && (s[i + 2] == '\xA8' || s[i + 2] == '\xA9')) {
            out += s[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
            i += 2;
        } else {
            out += c;
        }
    }
    return out;
}

}  // namespace

std::string notice_jsonld(const source_doc& doc, const register_& reg, lang l, const jsonld_options& opts) {
    return script_safe(builder(doc, reg, l).build().dump(opts.indent, ' ', false, ojson::error_handler_t::replace));
}

}  // namespace seloste
