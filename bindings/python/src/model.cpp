// The register model: every struct of seloste/model.hpp as a Python class whose
// fields read and write the C++ value in place. Texts accept a str (the same in
// every language) or a dict {"fi": ..., "sv": ..., "en": ...}; every model class
// can be built from keyword arguments or a dict of its fields.
#include <sstream>

#include "model_support.hpp"

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
        .def_readwrite("vat_number", &organisation::vat_number, "The VAT number, e.g. \"FI01244613\", or \"\".")
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
    location_field(org, &organisation::vat_number_where, "vat_number_location");
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
    optional_field(per, "visiting_address", &person::visiting_address, "The visiting address, or None.");
    optional_field(per, "postal_address", &person::postal_address, "The postal address, or None.");
    location_field(per, &person::where);
    location_field(per, &person::phone_where, "phone_location");
    location_field(per, &person::email_where, "email_location");
    location_field(per, &person::web_where, "web_location");

    // --- ContactPoint -----------------------------------------------------
    py::class_<contact_point> cpt(m, "ContactPoint",
                                  "A contact point shared by controllers or registers, e.g. one customer service; a "
                                  "register's contacts may name it.");
    value_class(cpt, "ContactPoint");
    cpt.def_readwrite("id", &contact_point::id)
        .def_readwrite("name", &contact_point::name)
        .def_readwrite("email", &contact_point::email)
        .def_readwrite("phone", &contact_point::phone)
        .def_readwrite("web", &contact_point::web)
        .def_readwrite("request_form", &contact_point::request_form,
                       "The address of a web form for data-subject requests, or \"\".")
        .def("__repr__", [](const contact_point& c) {
            return "ContactPoint(id=" + py_repr(c.id) + ", name=" + text_repr(c.name) + ")";
        });
    optional_field(cpt, "visiting_address", &contact_point::visiting_address, "The visiting address, or None.");
    optional_field(cpt, "postal_address", &contact_point::postal_address, "The postal address, or None.");
    location_field(cpt, &contact_point::where);
    location_field(cpt, &contact_point::email_where, "email_location");
    location_field(cpt, &contact_point::phone_where, "phone_location");
    location_field(cpt, &contact_point::web_where, "web_location");
    location_field(cpt, &contact_point::request_form_where, "request_form_location");

    // --- Ref --------------------------------------------------------------
    py::class_<ref> rf(m, "Ref",
                       "A reference by id to an organisation, person or contact point of the same source. A str "
                       "works too. A controller's ref may say what it answers for (processing).");
    rf.def(py::init([](std::string id, text processing) {
               return ref{std::move(id), {}, std::move(processing)};
           }),
           "id"_a, "processing"_a = text{})
        .def_readwrite("id", &ref::id)
        .def_readwrite("processing", &ref::processing,
                       "Controllers with controllers=\"separate\": what this controller answers for.")
        .def("__eq__",
             [](const ref& r, const py::object& o) {
                 if (py::isinstance<ref>(o)) return r.id == o.cast<ref>().id;
                 if (py::isinstance<py::str>(o)) return r.id == o.cast<std::string>();
                 return false;
             })
        .def("__str__", [](const ref& r) { return r.id; })
        .def("__repr__", [](const ref& r) {
            return "Ref(" + py_repr(r.id) + (r.processing.empty() ? "" : ", processing=" + text_repr(r.processing)) +
                   ")";
        });
    rf.attr("__hash__") = py::none();
    location_field(rf, &ref::where);
    py::implicitly_convertible<py::str, ref>();

    init_model_sections(m);

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
    list_class<std::vector<contact_point>>(m, "ContactPointList");
    list_class<std::vector<block>>(m, "BlockList");
    list_class<std::vector<related_link>>(m, "RelatedLinkList");
}

}  // namespace seloste_py
