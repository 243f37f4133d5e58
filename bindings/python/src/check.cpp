// Checks: findings as objects, from a Source in memory or a file.
#include "seloste/check.hpp"

#include "common.hpp"

namespace seloste_py {

using namespace seloste;
using namespace pybind11::literals;

check_options to_check_options(const std::vector<std::string>& langs, bool spelling, const py::object& today) {
    check_options o;
    o.langs = to_langs(langs);
    o.spelling = spelling;
    if (!today.is_none()) o.today = to_date(today);
    return o;
}

void init_check(py::module_& m) {
    py::class_<finding>(m, "Finding",
                        "A problem the checks found: rule, severity, article, message, location, register.")
        .def_readonly("rule", &finding::rule, "Stable rule id, e.g. \"gdpr.13.2.a.retention\".")
        .def_readonly("kind", &finding::kind,
                      "The variant of the rule (empty when the rule has one), e.g. \"joint-no-arrangement\".")
        .def_property_readonly(
            "severity", [](const finding& f) { return std::string(severity_code(f.level)); },
            "\"error\", \"warning\" or \"info\".")
        .def_property_readonly(
            "article",
            [](const finding& f) -> std::optional<std::string> {
                if (f.article.empty()) return std::nullopt;
                return f.article;
            },
            "The GDPR article, e.g. \"13(2)(a)\", or None.")
        .def_property_readonly(
            "register",
            [](const finding& f) -> std::optional<std::string> {
                if (f.register_id.empty()) return std::nullopt;
                return f.register_id;
            },
            "The register's id, or None for findings about the whole source.")
        .def_readonly("location", &finding::where)
        .def_property_readonly("file",
                               [](const finding& f) -> std::optional<std::string> {
                                   if (f.where.file.empty()) return std::nullopt;
                                   return f.where.file;
                               })
        .def_property_readonly("line", [](const finding& f) { return f.where.line; })
        .def_property_readonly("column", [](const finding& f) { return f.where.column; })
        .def(
            "message",
            [](const finding& f, const std::string& l) {
                switch (to_lang(l)) {
                    case lang::fi: return f.message_fi;
                    case lang::sv: return f.message_sv;
                    default: return f.message_en;
                }
            },
            "lang"_a = "en", "The message in fi, sv or en.")
        .def_property_readonly("is_error", [](const finding& f) { return f.level == severity::error; })
        .def(
            "format", [](const finding& f, const std::string& l) { return format_finding(f, to_lang(l)); },
            "lang"_a = "en", "file:line:col: severity: message [rule]")
        .def("__str__", [](const finding& f) { return format_finding(f, lang::en); })
        .def("__repr__", [](const finding& f) { return "<seloste.Finding " + format_finding(f, lang::en) + ">"; });

    m.def(
        "check",
        [](const source_doc& doc, const std::vector<std::string>& langs, bool spelling, const py::object& today,
           const std::optional<std::string>& register_id) {
            const check_options o = to_check_options(langs, spelling, today);
            const register_* r = nullptr;
            if (register_id && !(r = doc.find_register(*register_id)))
                throw py::key_error("no register with id \"" + *register_id + "\"");
            py::gil_scoped_release nogil;
            return r ? check_register(doc, *r, o) : check(doc, o);
        },
        "source"_a, "langs"_a = std::vector<std::string>{"fi"}, "spelling"_a = true, "today"_a = py::none(),
        "register"_a = py::none(), "Check a Source (or one of its registers); returns a list of Finding.");
    m.def(
        "check_file",
        [](const py::object& path, const std::vector<std::string>& langs, bool spelling, const py::object& today) {
            const std::string p = py::str(py::module_::import("os").attr("fspath")(path));
            const check_options o = to_check_options(langs, spelling, today);
            py::gil_scoped_release nogil;
            return check_file(p, o);
        },
        "path"_a, "langs"_a = std::vector<std::string>{"fi"}, "spelling"_a = true, "today"_a = py::none(),
        "Check a source file as `seloste check` does: a broken source gives findings instead of an exception.");
    m.def(
        "findings_to_json", [](const std::vector<finding>& fs) { return findings_to_json(fs); }, "findings"_a,
        "The findings in the JSON form of `seloste check --format json`.");
    m.def(
        "has_errors", [](const std::vector<finding>& fs, bool strict) { return has_errors(fs, strict); }, "findings"_a,
        "strict"_a = false, "True when a finding is an error (strict: or a warning).");
}

}  // namespace seloste_py
