// The semantic diff: seloste.diff(a, b) -> Diff, a list of DiffChange with the sentences
// in fi, sv and en (docs/diff.md).
#include "seloste/diff.hpp"

#include "common.hpp"

namespace seloste_py {

using namespace seloste;
using namespace pybind11::literals;

namespace {

const std::string& in(const per_lang& p, const std::string& l) {
    return p[static_cast<size_t>(to_lang(l))];
}

std::optional<std::string> or_none(const std::string& s) {
    if (s.empty()) return std::nullopt;
    return s;
}

std::optional<source_location> where_or_none(const source_location& w) {
    if (w.file.empty() && w.line == 0) return std::nullopt;
    return w;
}

}  // namespace

void init_diff(py::module_& m) {
    py::class_<diff_change>(m, "DiffChange",
                            "One change between two versions of a source: its register, section, item and the values "
                            "before and after, in each language.")
        .def_property_readonly(
            "register", [](const diff_change& c) { return or_none(c.register_id); },
            "The register's id, or None for a change of the source as a whole.")
        .def_readonly("section", &diff_change::section, "\"retention\", \"purposes\", ... (docs/diff.md).")
        .def_property_readonly(
            "op", [](const diff_change& c) { return std::string(change_op_code(c.op)); },
            "\"added\", \"removed\", \"changed\" or \"text\".")
        .def_property_readonly(
            "field", [](const diff_change& c) { return or_none(c.field); },
            "What of the item changed (\"period\", \"basis\", ...), or None.")
        .def_property_readonly(
            "key", [](const diff_change& c) { return or_none(c.key); }, "The item's id or matching key, or None.")
        .def(
            "item", [](const diff_change& c, const std::string& l) { return in(c.item, l); }, "lang"_a = "en",
            "The item's name in fi, sv or en (may be empty).")
        .def(
            "before", [](const diff_change& c, const std::string& l) { return in(c.before, l); }, "lang"_a = "en",
            "The value before, as the page reads in that language (empty when none).")
        .def(
            "after", [](const diff_change& c, const std::string& l) { return in(c.after, l); }, "lang"_a = "en",
            "The value after, as the page reads in that language (empty when none).")
        .def(
            "words", [](const diff_change& c, const std::string& l) { return in(c.words, l); }, "lang"_a = "en",
            "A text change as a short word diff: \"…[-6-]{+10+} vuotta…\" (empty when unchanged in that language).")
        .def(
            "text", [](const diff_change& c, const std::string& l) { return describe_change(c, to_lang(l)); },
            "lang"_a = "en", "The change as a sentence in fi, sv or en.")
        .def_property_readonly(
            "old_location", [](const diff_change& c) { return where_or_none(c.old_where); },
            "Where the item was in the old source, or None.")
        .def_property_readonly(
            "new_location", [](const diff_change& c) { return where_or_none(c.new_where); },
            "Where the item is in the new source, or None.")
        .def("__str__", [](const diff_change& c) { return describe_change(c, lang::en); })
        .def("__repr__",
             [](const diff_change& c) { return "<seloste.DiffChange " + describe_change(c, lang::en) + ">"; });

    py::class_<diff_result>(m, "Diff", "The changes between two versions of a source, per register.")
        .def_readonly("old_file", &diff_result::old_file)
        .def_readonly("new_file", &diff_result::new_file)
        .def_readonly("changes", &diff_result::changes, "Every change, a list of DiffChange.")
        .def("__len__", [](const diff_result& d) { return d.changes.size(); })
        .def("__bool__", [](const diff_result& d) { return !d.empty(); })
        .def(
            "__iter__", [](const diff_result& d) { return py::make_iterator(d.changes.begin(), d.changes.end()); },
            py::keep_alive<0, 1>())
        .def("__getitem__",
             [](const diff_result& d, long i) {
                 const long n = static_cast<long>(d.changes.size());
                 if (i < 0) i += n;
                 if (i < 0 || i >= n) throw py::index_error("change index out of range");
                 return d.changes[static_cast<size_t>(i)];
             })
        .def(
            "text", [](const diff_result& d, const std::string& l) { return format_diff(d, to_lang(l)); },
            "lang"_a = "en", "Every change as `seloste diff` prints it: a heading per register, a sentence per line.")
        .def("to_json", &diff_to_json, "The JSON form of docs/diff.md (as `seloste diff --format json`).")
        .def("__repr__",
             [](const diff_result& d) { return "<seloste.Diff " + std::to_string(d.changes.size()) + " change(s)>"; });

    m.def(
        "_diff",
        [](const source_doc& a, const source_doc& b) {
            py::gil_scoped_release nogil;
            return diff(a, b);
        },
        "old"_a, "new"_a, "The semantic diff of two Source objects.");
    m.def("word_diff", &word_diff, "before"_a, "after"_a,
          "A short word diff of two texts: the changed words as [-old-]{+new+} with a little context.");
}

}  // namespace seloste_py
