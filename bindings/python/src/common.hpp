// Shared declarations of the binding files. Every file includes this header, so the
// opaque list types below are the same everywhere (lists of model values are bound
// as live views into the C++ vectors, not copied).
#pragma once

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/stl_bind.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "seloste/check.hpp"
#include "seloste/model.hpp"

// A location's file name is a Python str both ways.
namespace pybind11::detail {
template <>
struct type_caster<seloste::file_name> {
    PYBIND11_TYPE_CASTER(seloste::file_name, const_name("str"));
    bool load(handle src, bool convert) {
        make_caster<std::string> name;
        if (!name.load(src, convert)) return false;
        value = seloste::file_name(cast_op<std::string&&>(std::move(name)));
        return true;
    }
    static handle cast(const seloste::file_name& f, return_value_policy policy, handle parent) {
        return make_caster<std::string>::cast(f.str(), policy, parent);
    }
};
}  // namespace pybind11::detail

PYBIND11_MAKE_OPAQUE(std::vector<seloste::organisation>)
PYBIND11_MAKE_OPAQUE(std::vector<seloste::person>)
PYBIND11_MAKE_OPAQUE(std::vector<seloste::register_>)
PYBIND11_MAKE_OPAQUE(std::vector<seloste::word_list>)
PYBIND11_MAKE_OPAQUE(std::vector<seloste::ref>)
PYBIND11_MAKE_OPAQUE(std::vector<seloste::purpose>)
PYBIND11_MAKE_OPAQUE(std::vector<seloste::item>)
PYBIND11_MAKE_OPAQUE(std::vector<seloste::data_category>)
PYBIND11_MAKE_OPAQUE(std::vector<seloste::transfer>)
PYBIND11_MAKE_OPAQUE(std::vector<seloste::retention_rule>)
PYBIND11_MAKE_OPAQUE(std::vector<seloste::analytics_service>)
PYBIND11_MAKE_OPAQUE(std::vector<seloste::change>)
PYBIND11_MAKE_OPAQUE(std::vector<seloste::contact_point>)
PYBIND11_MAKE_OPAQUE(std::vector<seloste::block>)
PYBIND11_MAKE_OPAQUE(std::vector<seloste::related_link>)
PYBIND11_MAKE_OPAQUE(std::map<std::string, std::string>)

namespace seloste_py {

namespace py = pybind11;

// "fi" -> lang::fi; ValueError otherwise.
seloste::lang to_lang(const std::string& code);
std::vector<seloste::lang> to_langs(const std::vector<std::string>& codes);

// datetime.date or "YYYY-MM-DD" -> date; ValueError otherwise.
seloste::date to_date(const py::handle& value);
py::object from_date(const seloste::date& d);  // None for an unset date

seloste::check_options to_check_options(const std::vector<std::string>& langs, bool spelling, const py::object& today);

void init_errors(py::module_& m);
void init_model(py::module_& m);
void init_source(py::module_& m);
void init_check(py::module_& m);
void init_diff(py::module_& m);
void init_render(py::module_& m);
void init_build(py::module_& m);

}  // namespace seloste_py
