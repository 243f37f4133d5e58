// Exceptions: each C++ error type becomes a Python exception under SelosteError,
// carrying the location (and for SourceError every diagnostic).
#include "seloste/errors.hpp"

#include "common.hpp"

namespace seloste_py {

using namespace seloste;
using namespace pybind11::literals;

void init_errors(py::module_& m) {
    py::class_<diagnostic>(m, "Diagnostic", "One problem of a broken source: location and message.")
        .def_readonly("location", &diagnostic::where)
        .def_property_readonly("file", [](const diagnostic& d) { return d.where.file; })
        .def_property_readonly("line", [](const diagnostic& d) { return d.where.line; })
        .def_property_readonly("column", [](const diagnostic& d) { return d.where.column; })
        .def_readonly("message", &diagnostic::message)
        .def("__str__", &format_diagnostic)
        .def("__repr__", [](const diagnostic& d) { return "<seloste.Diagnostic " + format_diagnostic(d) + ">"; });

    static py::exception<error> base(m, "SelosteError");
    base.doc() = "Base class of every Seloste error. `.location` tells where, when known.";
    static py::exception<source_error> source(m, "SourceError", base.ptr());
    source.doc() =
        "The source is malformed or breaks the format. `.diagnostics` lists every problem "
        "(file, line, column, message); str() reads file:line:col: error: ...";
    static py::exception<template_error> tmpl(m, "TemplateError", base.ptr());
    tmpl.doc() = "A theme is missing or one of its templates is broken.";
    static py::exception<io_error> io(m, "FileError", base.ptr());
    io.doc() = "A file cannot be read or written.";
    static py::exception<icu_error> icu(m, "LocaleError", base.ptr());
    icu.doc() = "Locale data (ICU) failed.";

    // Defaults for instances raised from Python; the translator below sets real values.
    base.attr("location") = py::none();
    base.attr("file") = py::none();
    base.attr("line") = 0;
    base.attr("column") = 0;
    source.attr("diagnostics") = py::tuple();

    py::register_exception_translator([](std::exception_ptr p) {
        auto raise = [](const py::object& type, const error& e, const std::string& msg) {
            py::object exc = type(msg);
            exc.attr("location") = py::cast(e.where());
            exc.attr("file") = e.where().file.empty() ? py::object(py::none()) : py::object(py::str(e.where().file));
            exc.attr("line") = e.where().line;
            exc.attr("column") = e.where().column;
            return exc;
        };
        try {
            if (p) std::rethrow_exception(p);
        } catch (const source_error& e) {
            std::string msg;
            for (const auto& d : e.diagnostics()) msg += (msg.empty() ? "" : "\n") + format_diagnostic(d);
            if (msg.empty()) msg = e.what();
            py::object exc = raise(source, e, msg);
            exc.attr("diagnostics") = py::cast(e.diagnostics());
            if (!e.diagnostics().empty()) {
                const auto& w = e.diagnostics().front().where;
                exc.attr("location") = py::cast(w);
                exc.attr("file") = py::str(w.file);
                exc.attr("line") = w.line;
                exc.attr("column") = w.column;
            }
            PyErr_SetObject(source.ptr(), exc.ptr());
        } catch (const template_error& e) {
            PyErr_SetObject(tmpl.ptr(), raise(tmpl, e, e.what()).ptr());
        } catch (const io_error& e) {
            PyErr_SetObject(io.ptr(), raise(io, e, e.what()).ptr());
        } catch (const icu_error& e) {
            PyErr_SetObject(icu.ptr(), raise(icu, e, e.what()).ptr());
        } catch (const error& e) {
            PyErr_SetObject(base.ptr(), raise(base, e, e.what()).ptr());
        }
    });
}

}  // namespace seloste_py
