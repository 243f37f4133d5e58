// The register's sections, the register itself, blocks and related links as Python
// classes (see model.cpp).
#include <algorithm>
#include <sstream>

#include "model_support.hpp"

namespace seloste_py {

namespace {

// `subjects`: the ids of the data-subject groups an element applies to, as a list of str
// (a copy: assign a new list, or a space-separated str, to change them); [] = every group.
template <class C>
void subjects_field(py::class_<C>& cl, subject_refs C::*m) {
    cl.def_property(
        "subjects", [m](const C& self) { return (self.*m).ids; },
        [m](C& self, const py::object& v) {
            std::vector<std::string> ids;
            if (v.is_none()) {
            } else if (py::isinstance<py::str>(v)) {
                std::istringstream in(v.cast<std::string>());
                for (std::string id; in >> id;) ids.push_back(id);
            } else {
                ids = v.cast<std::vector<std::string>>();
            }
            (self.*m).ids = std::move(ids);
        },
        "The ids of the data-subject groups (<subject id>) it applies to; [] = every group. A copy: assign a new "
        "list to change it.");
    cl.def_property(
        "subjects_location", [m](const C& self) { return (self.*m).where; },
        [m](C& self, const source_location& l) { (self.*m).where = l; }, "Where subjects= stands in its file.");
}

constexpr const char* block_kinds[] = {"security",    "cookies",     "sources",       "recipients",
                                       "processors",  "disclosures", "transfers",     "automated-decisions",
                                       "requirement", "rights",      "data-subjects", "retention",
                                       "purpose",     "category"};

std::string special_name(special_kind k) {
    return k == special_kind::art9 ? "art9" : k == special_kind::art10 ? "art10" : "none";
}

using block_map = std::map<std::string, std::string>;

block_map to_block_map(const py::handle& v) {
    if (py::isinstance<block_map>(v)) return v.cast<block_map>();
    if (!py::isinstance<py::dict>(v)) throw py::type_error("expected a dict {element name: block id}");
    block_map out;
    for (auto kv : v.cast<py::dict>()) out[py::str(kv.first)] = py::str(kv.second);
    return out;
}

}  // namespace

void init_model_sections(py::module_& m) {
    // --- Item -------------------------------------------------------------
    py::class_<item> it(m, "Item",
                        "A list entry (recipient, processor, source, ...): a text, and for sources from_data_subject.");
    value_class(it, "Item");
    it.def(py::init([](text value, bool from_data_subject) {
               item i;
               i.value = std::move(value);
               i.from_data_subject = from_data_subject;
               return i;
           }),
           "value"_a, "from_data_subject"_a = false)
        .def_readwrite("value", &item::value)
        .def_readwrite("from_data_subject", &item::from_data_subject)
        .def_readwrite("id", &item::id, "Data subjects: the group's id, for subjects= elsewhere (\"\" = none).")
        .def_readwrite("publicly_accessible", &item::publicly_accessible,
                       "Sources: the source is publicly accessible (public=\"true\", Art. 14(2)(f)).")
        .def("__repr__", [](const item& i) {
            return "Item(" + text_repr(i.value) + (i.from_data_subject ? ", from_data_subject=True)" : ")");
        });
    location_field(it, &item::where);
    subjects_field(it, &item::subjects);
    py::implicitly_convertible<py::str, item>();

    // --- Purpose ----------------------------------------------------------
    py::class_<purpose> pur(m, "Purpose", "A purpose of processing with its legal basis (GDPR Art. 6(1)).");
    value_class(pur, "Purpose");
    pur.def_property(
           "basis",
           [](const purpose& p) -> std::optional<std::string> {
               if (!p.basis) return std::nullopt;
               return std::string(basis_code(*p.basis));
           },
           [](purpose& p, std::optional<std::string> v) {
               if (!v) {
                   p.basis.reset();
                   return;
               }
               auto b = parse_basis(*v);
               if (!b)
                   throw py::value_error(
                       "unknown legal basis \"" + *v +
                       "\"; expected consent, contract, legal-obligation, vital-interests, public-task or "
                       "legitimate-interest");
               p.basis = b;
           },
           "The legal basis: \"consent\", \"contract\", \"legal-obligation\", \"vital-interests\", \"public-task\" or "
           "\"legitimate-interest\".")
        .def_property_readonly(
            "article", [](const purpose& p) { return p.basis ? std::string(basis_article(*p.basis)) : std::string(); })
        .def_readwrite("description", &purpose::description)
        .def_readwrite("interest", &purpose::interest)
        .def_readwrite("direct_marketing", &purpose::direct_marketing)
        .def_readwrite("block", &purpose::block, "The id of the <purpose> block it came from, or \"\".")
        .def("__repr__", [](const purpose& p) {
            return "Purpose(basis=" + (p.basis ? py_repr(std::string(basis_code(*p.basis))) : std::string("None")) +
                   ", description=" + text_repr(p.description) + ")";
        });
    location_field(pur, &purpose::where);
    subjects_field(pur, &purpose::subjects);

    // --- DataCategory -----------------------------------------------------
    py::class_<data_category> cat(m, "DataCategory",
                                  "A category of personal data: id, name, description; special categories (Art. 9) "
                                  "and criminal-offence data (Art. 10).");
    value_class(cat, "DataCategory");
    cat.def_readwrite("id", &data_category::id)
        .def_readwrite("name", &data_category::name)
        .def_readwrite("description", &data_category::description)
        .def_property(
            "special", [](const data_category& c) { return special_name(c.special); },
            [](data_category& c, const std::string& v) {
                if (v == "none")
                    c.special = special_kind::none;
                else if (v == "art9")
                    c.special = special_kind::art9;
                else if (v == "art10")
                    c.special = special_kind::art10;
                else
                    throw py::value_error("unknown special kind \"" + v +
                                          "\"; expected \"none\", \"art9\" or \"art10\"");
            },
            "\"art9\" (a special category, Art. 9), \"art10\" (criminal-offence data, Art. 10) or \"none\".")
        .def_property(
            "condition",
            [](const data_category& c) -> std::optional<std::string> {
                if (!c.condition) return std::nullopt;
                return std::string(condition_code(*c.condition));
            },
            [](data_category& c, std::optional<std::string> v) {
                if (!v) {
                    c.condition.reset();
                    return;
                }
                auto k = parse_condition(*v);
                if (!k)
                    throw py::value_error("unknown condition \"" + *v +
                                          "\"; expected explicit-consent, employment, vital-interests, "
                                          "not-for-profit, made-public, legal-claims, substantial-public-interest, "
                                          "health-care, public-health or archiving");
                c.condition = k;
            },
            "Art. 9 categories: the Art. 9(2) condition, e.g. \"explicit-consent\"; None otherwise.")
        .def_property_readonly(
            "condition_article",
            [](const data_category& c) {
                return c.condition ? std::string(condition_article(*c.condition)) : std::string();
            },
            "The condition's article, e.g. \"9(2)(a)\", or \"\".")
        .def_readwrite("legal_ground", &data_category::legal_ground,
                       "The law that authorises it (Art. 10; optional for Art. 9).")
        .def_readwrite("block", &data_category::block, "The id of the <category> block it came from, or \"\".")
        .def("__repr__", [](const data_category& c) {
            return "DataCategory(id=" + py_repr(c.id) + ", name=" + text_repr(c.name) + ")";
        });
    location_field(cat, &data_category::where);
    subjects_field(cat, &data_category::subjects);

    // --- Transfers --------------------------------------------------------
    py::class_<transfer> tr(m, "Transfer", "A transfer outside the EU/EEA: country, safeguard, description.");
    value_class(tr, "Transfer");
    tr.def_readwrite("country", &transfer::country)
        .def_property(
            "safeguard",
            [](const transfer& t) -> std::optional<std::string> {
                if (!t.guard) return std::nullopt;
                return std::string(safeguard_code(*t.guard));
            },
            [](transfer& t, std::optional<std::string> v) {
                if (!v) {
                    t.guard.reset();
                    return;
                }
                auto g = parse_safeguard(*v);
                if (!g)
                    throw py::value_error("unknown safeguard \"" + *v +
                                          "\"; expected adequacy, scc-2021, bcr, derogation, other or scc-2010");
                t.guard = g;
            })
        .def_readwrite("description", &transfer::description);
    location_field(tr, &transfer::where);

    py::class_<transfers_section> trs(m, "Transfers", "The transfers section: none=True, or a list of Transfer items.");
    value_class(trs, "Transfers");
    trs.def_readwrite("none", &transfers_section::none)
        .def_readwrite("description", &transfers_section::description)
        .def_readwrite("safeguards_copy", &transfers_section::safeguards_copy,
                       "How to obtain a copy of the safeguards (Art. 13(1)(f)).")
        .def_readwrite("items", &transfers_section::items);
    location_field(trs, &transfers_section::where);

    // --- Retention --------------------------------------------------------
    py::class_<duration> dur(m, "Duration", "A retention period: years, months, days.");
    value_class(dur, "Duration");
    dur.def_readwrite("years", &duration::years)
        .def_readwrite("months", &duration::months)
        .def_readwrite("days", &duration::days)
        .def("__eq__", [](const duration& a,
                          const duration& b) { return a.years == b.years && a.months == b.months && a.days == b.days; })
        .def("__repr__", [](const duration& d) {
            return "Duration(years=" + std::to_string(d.years) + ", months=" + std::to_string(d.months) +
                   ", days=" + std::to_string(d.days) + ")";
        });
    dur.attr("__hash__") = py::none();

    py::class_<retention_rule> ret(m, "RetentionRule", "How long (a category of) data is kept: a period or criteria.");
    value_class(ret, "RetentionRule");
    ret.def_readwrite("category", &retention_rule::category_ref, "The data category's id; \"\" = all data.")
        .def_readwrite("criteria", &retention_rule::criteria)
        .def_readwrite("description", &retention_rule::description);
    optional_field(ret, "period", &retention_rule::period, "The period, or None when criteria say it.");
    location_field(ret, &retention_rule::where);
    subjects_field(ret, &retention_rule::subjects);

    // --- Sections ---------------------------------------------------------
    py::class_<requirement_section> req(m, "Requirement",
                                        "Whether providing the data is statutory, contractual, ... (Art. 13(2)(e)).");
    value_class(req, "Requirement");
    req.def_property(
           "kind", [](const requirement_section& s) { return std::string(requirement_code(s.kind)); },
           [](requirement_section& s, const std::string& v) {
               auto k = parse_requirement(v);
               if (!k)
                   throw py::value_error("unknown requirement kind \"" + v +
                                         "\"; expected statutory, contractual, contract-prerequisite, "
                                         "statutory-and-contractual or voluntary");
               s.kind = *k;
           })
        .def_readwrite("consequence", &requirement_section::consequence)
        .def_readwrite("description", &requirement_section::description);
    location_field(req, &requirement_section::where);

    py::class_<automated_decisions_section> ad(m, "AutomatedDecisions", "Automated decision-making (Art. 22).");
    value_class(ad, "AutomatedDecisions");
    ad.def_readwrite("used", &automated_decisions_section::used)
        .def_readwrite("description", &automated_decisions_section::description)
        .def_readwrite("logic", &automated_decisions_section::logic)
        .def_readwrite("significance", &automated_decisions_section::significance);
    location_field(ad, &automated_decisions_section::where);

    py::class_<security_section> sec(m, "Security", "Security principles: manual and electronic.");
    value_class(sec, "Security");
    sec.def_readwrite("manual", &security_section::manual).def_readwrite("electronic", &security_section::electronic);
    location_field(sec, &security_section::where);

    py::class_<analytics_service> an(m, "Analytics", "An analytics service used through cookies.");
    value_class(an, "Analytics");
    an.def_readwrite("name", &analytics_service::name)
        .def_readwrite("opt_out_url", &analytics_service::opt_out_url)
        .def_readwrite("description", &analytics_service::description);
    location_field(an, &analytics_service::where);

    py::class_<cookies_section> ck(m, "Cookies", "The cookies section.");
    value_class(ck, "Cookies");
    ck.def_readwrite("description", &cookies_section::description)
        .def_readwrite("collected", &cookies_section::collected)
        .def_readwrite("refusal", &cookies_section::refusal)
        .def_readwrite("analytics", &cookies_section::analytics);
    location_field(ck, &cookies_section::where);

    py::class_<rights_section> rt(m, "Rights", "How to exercise the data subject's rights.");
    value_class(rt, "Rights");
    rt.def_readwrite("exercise", &rights_section::exercise)
        .def_readwrite("note", &rights_section::note)
        .def_readwrite("request_form", &rights_section::request_form,
                       "The address of a web form for data-subject requests, or \"\".");
    location_field(rt, &rights_section::where);
    location_field(rt, &rights_section::request_form_where, "request_form_location");

    // --- RelatedLink ------------------------------------------------------
    py::class_<related_link> rl(m, "RelatedLink", "A related notice: a link (href) with its own text (label).");
    value_class(rl, "RelatedLink");
    rl.def(py::init([](std::string href, text label) {
               related_link l;
               l.href = std::move(href);
               l.label = std::move(label);
               return l;
           }),
           "href"_a, "label"_a)
        .def_readwrite("href", &related_link::href, "An http(s) address.")
        .def_readwrite("label", &related_link::label)
        .def("__repr__",
             [](const related_link& l) { return "RelatedLink(" + py_repr(l.href) + ", " + text_repr(l.label) + ")"; });
    location_field(rl, &related_link::where);
    location_field(rl, &related_link::href_where, "href_location");

    // --- Block references ------------------------------------------------
    auto refs = py::bind_map<block_map>(m, "BlockRefs",
                                        "A register's sections that came from blocks: element name -> block id "
                                        "(changes the register in place).");
    refs.def("__eq__", [](const block_map& a, const py::object& o) {
        if (!py::isinstance<block_map>(o) && !py::isinstance<py::dict>(o)) return false;
        return a == to_block_map(o);
    });
    refs.attr("__hash__") = py::none();

    py::class_<change> ch(m, "Change", "A dated change in the notice's history.");
    value_class(ch, "Change");
    date_field(ch, "date", &change::when, "The date of the change (datetime.date; an ISO str is accepted).");
    ch.def_readwrite("description", &change::description);
    location_field(ch, &change::where);

    // --- Register ---------------------------------------------------------
    py::class_<register_> reg(m, "Register", "A register: one privacy notice per language.");
    value_class(reg, "Register");
    reg.def_readwrite("id", &register_::id, "Letters, digits and -; becomes the notice's file name.")
        .def_readwrite("name", &register_::name)
        .def_readwrite("description", &register_::description)
        .def_readwrite("controllers", &register_::controllers,
                       "Refs to the controller organisations (a list of str works).")
        .def_property(
            "relation",
            [](const register_& r) -> std::optional<std::string> {
                if (!r.relation) return std::nullopt;
                return std::string(controllership_code(*r.relation));
            },
            [](register_& r, std::optional<std::string> v) {
                if (!v) {
                    r.relation.reset();
                    return;
                }
                auto c = parse_controllership(*v);
                if (!c)
                    throw py::value_error("unknown relationship \"" + *v +
                                          "\"; expected single, joint, separate or group");
                r.relation = c;
            },
            "How the controllers relate (controllers=): \"single\", \"joint\" (Art. 26), \"separate\" or "
            "\"group\"; None when several controllers do not say.")
        .def_readwrite("group_companies", &register_::group_companies,
                       "controllers=\"group\": refs to the group companies whose shared systems the controller "
                       "keeps.")
        .def_readwrite("joint_arrangement", &register_::joint_arrangement)
        .def_readwrite("contacts", &register_::contacts)
        .def_readwrite("purposes", &register_::purposes)
        .def_readwrite("data_subjects", &register_::data_subjects)
        .def_readwrite("data_categories", &register_::data_categories)
        .def_readwrite("recipients", &register_::recipients)
        .def_readwrite("processors", &register_::processors)
        .def_readwrite("disclosures", &register_::disclosures)
        .def_readwrite("sources", &register_::sources)
        .def_readwrite("retention", &register_::retention)
        .def_readwrite("further_processing", &register_::further_processing,
                       "Further processing for a new purpose (Art. 13(3)/14(4)).")
        .def_readwrite("related", &register_::related, "Related notices: RelatedLink items.")
        .def_property(
            "block_refs", [](register_& r) -> block_map& { return r.block_refs; },
            [](register_& r, const py::object& v) { r.block_refs = to_block_map(v); },
            py::return_value_policy::reference_internal,
            "The sections that came from blocks: {\"security\": \"BLOCK-ID\", ...}. A section that still equals "
            "its block is saved as <security ref=\"BLOCK-ID\"/>; a changed one is saved inline.")
        .def_readwrite("history", &register_::history)
        .def(
            "has_basis",
            [](const register_& r, const std::string& b) {
                auto bb = parse_basis(b);
                if (!bb) throw py::value_error("unknown legal basis \"" + b + "\"");
                return r.has_basis(*bb);
            },
            "basis"_a)
        .def("__repr__",
             [](const register_& r) { return "Register(id=" + py_repr(r.id) + ", name=" + text_repr(r.name) + ")"; });
    optional_field(reg, "representative", &register_::representative, "Ref to the Art. 27 representative, or None.");
    optional_field(reg, "dpo", &register_::dpo, "Ref to the data protection officer, or None.");
    optional_field(reg, "transfers", &register_::transfers, "The transfers section, or None.");
    optional_field(reg, "requirement", &register_::requirement, "The requirement section, or None.");
    optional_field(reg, "automated_decisions", &register_::automated_decisions,
                   "The automated-decisions section, or None.");
    optional_field(reg, "security", &register_::security, "The security section, or None.");
    optional_field(reg, "cookies", &register_::cookies, "The cookies section, or None.");
    optional_field(reg, "rights", &register_::rights, "The rights section, or None.");
    date_field(reg, "notice_date", &register_::notice_date,
               "The notice's date (datetime.date; an ISO str is accepted).");
    location_field(reg, &register_::where);
    location_field(reg, &register_::relation_where, "relation_location");

    // --- Block ------------------------------------------------------------
    py::class_<block> bl(m, "Block",
                         "A section under <blocks>, shared by registers: kind (its element, e.g. \"security\"), id, "
                         "and content, a Register whose matching field holds it (content.security; "
                         "content.purposes[0] for a purpose, content.data_categories[0] for a category).");
    value_class(bl, "Block");
    bl.def_property(
          "kind", [](const block& b) { return b.kind; },
          [](block& b, const std::string& v) {
              if (std::none_of(std::begin(block_kinds), std::end(block_kinds), [&](const char* k) { return v == k; }))
                  throw py::value_error("unknown block kind \"" + v +
                                        "\"; expected security, cookies, sources, recipients, processors, "
                                        "disclosures, transfers, automated-decisions, requirement, rights, "
                                        "data-subjects, retention, purpose or category");
              b.kind = v;
          })
        .def_readwrite("id", &block::id)
        .def_readwrite("content", &block::content)
        .def("__repr__",
             [](const block& b) { return "Block(kind=" + py_repr(b.kind) + ", id=" + py_repr(b.id) + ")"; });
    location_field(bl, &block::where);
}

}  // namespace seloste_py
