// The register model: every struct of seloste/model.hpp as a Python class whose
// fields read and write the C++ value in place. Texts accept a str (the same in
// every language) or a dict {"fi": ..., "sv": ..., "en": ...}; every model class
// can be built from keyword arguments or a dict of its fields.
#include <sstream>

#include "common.hpp"

namespace seloste_py {

using namespace seloste;
using namespace pybind11::literals;

lang to_lang(const std::string& code) {
    if (auto l = parse_lang(code)) return *l;
    throw py::value_error("unknown language \"" + code + "\"; expected \"fi\", \"sv\" or \"en\"");
}

std::vector<lang> to_langs(const std::vector<std::string>& codes) {
    std::vector<lang> out;
    for (const auto& c : codes) out.push_back(to_lang(c));
    return out;
}

date to_date(const py::handle& value) {
    if (py::isinstance<py::str>(value)) {
        const std::string s = value.cast<std::string>();
        py::object d = py::module_::import("datetime").attr("date").attr("fromisoformat")(s);
        return to_date(d);
    }
    py::object date_type = py::module_::import("datetime").attr("date");
    if (!py::isinstance(value, date_type))
        throw py::type_error("expected a datetime.date or an ISO date \"YYYY-MM-DD\"");
    return date{value.attr("year").cast<int>(), value.attr("month").cast<int>(), value.attr("day").cast<int>()};
}

py::object from_date(const date& d) {
    if (d.year == 0) return py::none();
    return py::module_::import("datetime").attr("date")(d.year, d.month, d.day);
}

namespace {

std::string py_repr(const std::string& s) {
    return py::repr(py::str(s)).cast<std::string>();
}

text text_from_dict(const py::dict& d) {
    text t;
    for (auto kv : d) {
        const std::string key = py::str(kv.first);
        const lang l = to_lang(key);
        if (kv.second.is_none()) continue;
        if (!py::isinstance<py::str>(kv.second)) throw py::type_error("the text in \"" + key + "\" is not a str");
        t.set(l, kv.second.cast<std::string>());
    }
    return t;
}

std::string text_repr(const text& t) {
    bool by_lang = false;
    for (const auto& v : t.by_lang) by_lang = by_lang || v.has_value();
    if (!by_lang) return "Text(" + py_repr(t.neutral) + ")";
    std::string s = "Text(";
    bool first = true;
    for (lang l : all_langs) {
        const auto& v = t.by_lang[static_cast<size_t>(l)];
        if (!v) continue;
        s += (first ? "" : ", ") + std::string(lang_code(l)) + "=" + py_repr(*v);
        first = false;
    }
    return s + ")";
}

bool text_equals(const text& t, const py::handle& other) {
    text o;
    if (py::isinstance<text>(other))
        o = other.cast<text>();
    else if (py::isinstance<py::str>(other))
        o.neutral = other.cast<std::string>();
    else if (py::isinstance<py::dict>(other))
        o = text_from_dict(other.cast<py::dict>());
    else
        return false;
    return t.neutral == o.neutral && t.by_lang == o.by_lang;
}

// Builds a T from keyword arguments (or a dict) by setting each field through its
// Python property, so every field accepts what its setter accepts.
template <class T>
T from_fields(const char* cls, const py::dict& fields) {
    py::object o = py::cast(T{});
    for (auto kv : fields) {
        const std::string key = py::str(kv.first);
        if (key.empty() || key[0] == '_' || !py::hasattr(o, key.c_str()))
            throw py::type_error(std::string(cls) + "() has no field \"" + key + "\"");
        py::setattr(o, key.c_str(), kv.second);
    }
    return o.cast<T>();
}

template <class T>
void value_class(py::class_<T>& cl, const char* name, bool from_dict = true) {
    cl.def(py::init([name](py::kwargs kw) { return from_fields<T>(name, kw); }));
    if (from_dict) {
        cl.def(py::init([name](py::dict d) { return from_fields<T>(name, d); }), "fields"_a,
               "Build from a dict of fields; nested values may be dicts too.");
        py::implicitly_convertible<py::dict, T>();
    }
    cl.def(
        "copy", [](const T& self) { return T(self); }, "A deep copy.");
    cl.def("__copy__", [](const T& self) { return T(self); });
    cl.def(
        "__deepcopy__", [](const T& self, py::dict) { return T(self); }, "memo"_a);
}

// An optional struct field: None, or the value itself (changes write through).
template <class C, class T>
void optional_field(py::class_<C>& cl, const char* name, std::optional<T> C::*m, const char* doc) {
    cl.def_property(
        name,
        [m](C& self) -> T* {
            auto& o = self.*m;
            return o ? &*o : nullptr;
        },
        [m](C& self, std::optional<T> v) { self.*m = std::move(v); }, py::return_value_policy::reference_internal, doc);
}

template <class C>
void location_field(py::class_<C>& cl, source_location C::*m, const char* name = "location") {
    cl.def_readwrite(name, m, "Where the value stands in its source file (file, line, column).");
}

template <class C>
void date_field(py::class_<C>& cl, const char* name, date C::*m, const char* doc) {
    cl.def_property(
        name, [m](const C& self) { return from_date(self.*m); },
        [m](C& self, const py::object& v) { self.*m = v.is_none() ? date{} : to_date(v); }, doc);
}

template <class V>
void list_class(py::module_& m, const char* name) {
    auto cl = py::bind_vector<V>(m, name, "A list that changes the source in place (a list or tuple may be assigned).");
    cl.def("__repr__", [name](py::object self) {
        return std::string(name) + "(" + py::repr(py::list(self)).template cast<std::string>() + ")";
    });
    cl.def("__eq__", [](py::object self, py::object other) {
        if (!py::isinstance<py::list>(other) && !py::isinstance<py::tuple>(other) && !py::isinstance<V>(other))
            return false;
        return py::list(self).equal(py::list(other));
    });
    cl.attr("__hash__") = py::none();
    py::implicitly_convertible<py::list, V>();
    py::implicitly_convertible<py::tuple, V>();
}

}  // namespace

void init_model(py::module_& m) {
    // --- Location ---------------------------------------------------------
    py::class_<source_location> loc(m, "Location",
                                    "A place in a source file: file, line and column (1-based; 0 = unknown).");
    loc.def(py::init([](std::string file, int line, int column) {
                return source_location{std::move(file), line, column};
            }),
            "file"_a = "", "line"_a = 0, "column"_a = 0)
        .def_readwrite("file", &source_location::file)
        .def_readwrite("line", &source_location::line)
        .def_readwrite("column", &source_location::column)
        .def("__str__",
             [](const source_location& l) {
                 return l.file.str() + ":" + std::to_string(l.line) + ":" + std::to_string(l.column);
             })
        .def("__repr__",
             [](const source_location& l) {
                 return "Location(" + py_repr(l.file) + ", " + std::to_string(l.line) + ", " +
                        std::to_string(l.column) + ")";
             })
        .def("__eq__", [](const source_location& a, const source_location& b) {
            return a.file == b.file && a.line == b.line && a.column == b.column;
        });

    // --- Text -------------------------------------------------------------
    py::class_<text> txt(
        m, "Text",
        "A free-text field: one text for every language (`neutral`), or one per language (fi, sv, en).\n"
        "Wherever a Text is expected, a str or a dict {\"fi\": ..., \"sv\": ..., \"en\": ...} works too.");
    txt.def(py::init([](std::optional<std::string> fi, std::optional<std::string> sv, std::optional<std::string> en) {
                text t;
                if (fi) t.set(lang::fi, *fi);
                if (sv) t.set(lang::sv, *sv);
                if (en) t.set(lang::en, *en);
                return t;
            }),
            py::kw_only(), "fi"_a = py::none(), "sv"_a = py::none(), "en"_a = py::none())
        .def(py::init([](const std::string& s) {
                 text t;
                 t.neutral = s;
                 return t;
             }),
             "value"_a, "The same text in every language.")
        .def(py::init(&text_from_dict), "by_lang"_a, "One text per language: {\"fi\": ..., \"sv\": ..., \"en\": ...}.")
        .def_readwrite("neutral", &text::neutral,
                       "The text used for every language (empty when the text is per language).")
        .def_property(
            "fi", [](const text& t) { return t.by_lang[0]; },
            [](text& t, std::optional<std::string> v) { t.by_lang[0] = std::move(v); })
        .def_property(
            "sv", [](const text& t) { return t.by_lang[1]; },
            [](text& t, std::optional<std::string> v) { t.by_lang[1] = std::move(v); })
        .def_property(
            "en", [](const text& t) { return t.by_lang[2]; },
            [](text& t, std::optional<std::string> v) { t.by_lang[2] = std::move(v); })
        .def(
            "get",
            [](const text& t, const std::string& l) -> std::optional<std::string> {
                auto r = t.get(to_lang(l));
                if (!r.value) return std::nullopt;
                return *r.value;
            },
            "lang"_a, "The text in `lang`; falls back to the one that exists (fi, sv, en order); None when empty.")
        .def(
            "has", [](const text& t, const std::string& l) { return t.has(to_lang(l)); }, "lang"_a,
            "True when the text exists in `lang` (or for every language).")
        .def_property_readonly("empty", &text::empty)
        .def("__bool__", [](const text& t) { return !t.empty(); })
        .def("__str__",
             [](const text& t) {
                 auto r = t.get(lang::fi);
                 return r.value ? *r.value : std::string();
             })
        .def("__repr__", &text_repr)
        .def("__eq__", [](const text& t, const py::object& o) { return text_equals(t, o); })
        .def("__ne__", [](const text& t, const py::object& o) { return !text_equals(t, o); })
        .def(
            "to_dict",
            [](const text& t) {
                py::dict d;
                for (lang l : all_langs) {
                    const auto& v = t.by_lang[static_cast<size_t>(l)];
                    if (v)
                        d[py::str(std::string(lang_code(l)))] = *v;
                    else if (!t.neutral.empty())
                        d[py::str(std::string(lang_code(l)))] = t.neutral;
                }
                return d;
            },
            "The text per language: {\"fi\": ..., ...} (a neutral text appears under every language).")
        .def("copy", [](const text& t) { return text(t); })
        .def("__copy__", [](const text& t) { return text(t); })
        .def(
            "__deepcopy__", [](const text& t, py::dict) { return text(t); }, "memo"_a);
    location_field(txt, &text::where);
    txt.attr("__hash__") = py::none();
    py::implicitly_convertible<py::str, text>();
    py::implicitly_convertible<py::dict, text>();

    // --- Address ----------------------------------------------------------
    py::class_<address> addr(m, "Address",
                             "A street address or PO box: street, postal_code, town, country (default \"FI\").");
    value_class(addr, "Address");
    addr.def_readwrite("street", &address::street)
        .def_readwrite("postal_code", &address::postal_code)
        .def_readwrite("town", &address::town)
        .def_readwrite("country", &address::country)
        .def("__repr__", [](const address& a) {
            return "Address(street=" + text_repr(a.street) + ", postal_code=" + py_repr(a.postal_code) +
                   ", town=" + text_repr(a.town) + ", country=" + py_repr(a.country) + ")";
        });
    location_field(addr, &address::where);

    // --- Organisation -----------------------------------------------------
    py::class_<organisation> org(m, "Organisation",
                                 "An organisation: a controller, a group company, a representative.");
    value_class(org, "Organisation");
    org.def_readwrite("id", &organisation::id)
        .def_readwrite("name", &organisation::name)
        .def_readwrite("business_id", &organisation::business_id,
                       "The Finnish business ID (Y-tunnus), e.g. \"0974008-0\".")
        .def_readwrite("phone", &organisation::phone)
        .def_readwrite("email", &organisation::email)
        .def_readwrite("web", &organisation::web)
        .def_readwrite("note", &organisation::note)
        .def("__repr__", [](const organisation& o) {
            return "Organisation(id=" + py_repr(o.id) + ", name=" + text_repr(o.name) +
                   ", business_id=" + py_repr(o.business_id) + ")";
        });
    optional_field(org, "visiting_address", &organisation::visiting_address, "The visiting address, or None.");
    optional_field(org, "postal_address", &organisation::postal_address, "The postal address, or None.");
    location_field(org, &organisation::where);
    location_field(org, &organisation::business_id_where, "business_id_location");
    location_field(org, &organisation::phone_where, "phone_location");
    location_field(org, &organisation::email_where, "email_location");
    location_field(org, &organisation::web_where, "web_location");

    // --- Person -----------------------------------------------------------
    py::class_<person> per(m, "Person", "A contact person, data protection officer or representative.");
    value_class(per, "Person");
    per.def_readwrite("id", &person::id)
        .def_readwrite("name", &person::name)
        .def_readwrite("title", &person::title)
        .def_readwrite("organisation", &person::organisation_ref, "The id of the person's organisation, or \"\".")
        .def_readwrite("email", &person::email)
        .def_readwrite("phone", &person::phone)
        .def_readwrite("web", &person::web)
        .def("__repr__", [](const person& p) {
            return "Person(id=" + py_repr(p.id) + ", name=" + text_repr(p.name) + ", title=" + text_repr(p.title) + ")";
        });
    optional_field(per, "postal_address", &person::postal_address, "The postal address, or None.");
    location_field(per, &person::where);
    location_field(per, &person::phone_where, "phone_location");
    location_field(per, &person::email_where, "email_location");
    location_field(per, &person::web_where, "web_location");

    // --- Ref --------------------------------------------------------------
    py::class_<ref> rf(m, "Ref", "A reference by id to an organisation or person of the same source. A str works too.");
    rf.def(py::init([](std::string id) {
               return ref{std::move(id), {}};
           }),
           "id"_a)
        .def_readwrite("id", &ref::id)
        .def("__eq__",
             [](const ref& r, const py::object& o) {
                 if (py::isinstance<ref>(o)) return r.id == o.cast<ref>().id;
                 if (py::isinstance<py::str>(o)) return r.id == o.cast<std::string>();
                 return false;
             })
        .def("__str__", [](const ref& r) { return r.id; })
        .def("__repr__", [](const ref& r) { return "Ref(" + py_repr(r.id) + ")"; });
    rf.attr("__hash__") = py::none();
    location_field(rf, &ref::where);
    py::implicitly_convertible<py::str, ref>();

    // --- Item -------------------------------------------------------------
    py::class_<item> it(m, "Item",
                        "A list entry (recipient, processor, source, ...): a text, and for sources from_data_subject.");
    value_class(it, "Item");
    it.def(py::init([](text value, bool from_data_subject) {
               return item{std::move(value), from_data_subject, {}};
           }),
           "value"_a, "from_data_subject"_a = false)
        .def_readwrite("value", &item::value)
        .def_readwrite("from_data_subject", &item::from_data_subject)
        .def("__repr__", [](const item& i) {
            return "Item(" + text_repr(i.value) + (i.from_data_subject ? ", from_data_subject=True)" : ")");
        });
    location_field(it, &item::where);
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
        .def("__repr__", [](const purpose& p) {
            return "Purpose(basis=" + (p.basis ? py_repr(std::string(basis_code(*p.basis))) : std::string("None")) +
                   ", description=" + text_repr(p.description) + ")";
        });
    location_field(pur, &purpose::where);

    // --- DataCategory -----------------------------------------------------
    py::class_<data_category> cat(m, "DataCategory", "A category of personal data: id, name, description.");
    value_class(cat, "DataCategory");
    cat.def_readwrite("id", &data_category::id)
        .def_readwrite("name", &data_category::name)
        .def_readwrite("description", &data_category::description)
        .def("__repr__", [](const data_category& c) {
            return "DataCategory(id=" + py_repr(c.id) + ", name=" + text_repr(c.name) + ")";
        });
    location_field(cat, &data_category::where);

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
    rt.def_readwrite("exercise", &rights_section::exercise).def_readwrite("note", &rights_section::note);
    location_field(rt, &rights_section::where);

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

    // --- Words ------------------------------------------------------------
    py::class_<word_list> wl(m, "Words",
                             "Proper names the spelling check accepts, for one language (lang) or all (None).");
    value_class(wl, "Words");
    wl.def_property(
          "lang",
          [](const word_list& w) -> std::optional<std::string> {
              if (!w.language) return std::nullopt;
              return std::string(lang_code(*w.language));
          },
          [](word_list& w, std::optional<std::string> v) {
              if (v)
                  w.language = to_lang(*v);
              else
                  w.language.reset();
          })
        .def_readwrite("words", &word_list::words, "The words (a copy: assign a new list to change them).");
    location_field(wl, &word_list::where);

    // --- The list types ---------------------------------------------------
    list_class<std::vector<organisation>>(m, "OrganisationList");
    list_class<std::vector<person>>(m, "PersonList");
    list_class<std::vector<register_>>(m, "RegisterList");
    list_class<std::vector<word_list>>(m, "WordsList");
    list_class<std::vector<ref>>(m, "RefList");
    list_class<std::vector<purpose>>(m, "PurposeList");
    list_class<std::vector<item>>(m, "ItemList");
    list_class<std::vector<data_category>>(m, "DataCategoryList");
    list_class<std::vector<transfer>>(m, "TransferList");
    list_class<std::vector<retention_rule>>(m, "RetentionRuleList");
    list_class<std::vector<analytics_service>>(m, "AnalyticsList");
    list_class<std::vector<change>>(m, "ChangeList");
}

}  // namespace seloste_py
