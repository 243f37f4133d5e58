// The helpers of the model's bindings (model.cpp, model_sections.cpp): value classes
// built from keyword arguments or dicts, optional and location fields, live lists.
#pragma once

#include <string>

#include "common.hpp"

namespace seloste_py {

using namespace seloste;
using namespace pybind11::literals;

inline std::string py_repr(const std::string& s) {
    return py::repr(py::str(s)).cast<std::string>();
}

inline std::string text_repr(const text& t) {
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

// The sections of a register, the register, blocks and related links (model_sections.cpp).
void init_model_sections(py::module_& m);

}  // namespace seloste_py
