// Sources: reading a file or string into a Source, looking things up, copying, and
// writing a (changed) Source back as XML.
#include "seloste/source.hpp"

#include "model_support.hpp"
#include "seloste/build.hpp"
#include "seloste/writer.hpp"

namespace seloste_py {

using namespace seloste;
using namespace pybind11::literals;

namespace {

template <class T>
T& find_or_raise(std::vector<T>& xs, const std::string& id, const char* kind) {
    for (auto& x : xs)
        if (x.id == id) return x;
    throw py::key_error(std::string("no ") + kind + " with id \"" + id + "\"");
}

std::string to_path(const py::object& p) {
    return py::str(py::module_::import("os").attr("fspath")(p));
}

}  // namespace

void init_source(py::module_& m) {
    py::class_<source_doc> src(
        m, "Source",
        "A source: organisations, people and registers (docs/source-format.md). Lists change in place;\n"
        "note that an element taken from a list is a live view that a later append to the same list\n"
        "may invalidate: look it up again after appending.");
    src.def(py::init([](std::vector<organisation> orgs, std::vector<person> people, std::vector<register_> regs,
                        std::vector<word_list> words, std::string file, std::vector<contact_point> contact_points,
                        std::vector<block> blocks, std::optional<organisation> authority) {
                source_doc d;
                d.organisations = std::move(orgs);
                d.people = std::move(people);
                d.registers = std::move(regs);
                d.words = std::move(words);
                d.file = std::move(file);
                d.contact_points = std::move(contact_points);
                d.blocks = std::move(blocks);
                d.supervisory_authority = std::move(authority);
                return d;
            }),
            py::kw_only(), "organisations"_a = std::vector<organisation>{}, "people"_a = std::vector<person>{},
            "registers"_a = std::vector<register_>{}, "words"_a = std::vector<word_list>{}, "file"_a = "",
            "contact_points"_a = std::vector<contact_point>{}, "blocks"_a = std::vector<block>{},
            "supervisory_authority"_a = py::none())
        .def_readwrite("file", &source_doc::file, "The file name the source was read from (used in findings).")
        .def_readwrite("organisations", &source_doc::organisations)
        .def_readwrite("people", &source_doc::people)
        .def_readwrite("registers", &source_doc::registers)
        .def_readwrite("words", &source_doc::words)
        .def_readwrite("contact_points", &source_doc::contact_points,
                       "Contact points (<contact-point>) a register's contacts may name.")
        .def_readwrite("blocks", &source_doc::blocks,
                       "The sections under <blocks>. The registers hold copies of them: a copy that still equals "
                       "its block is saved as a reference; call apply_blocks() after changing a block.")
        .def(
            "contact_point",
            [](source_doc& d, const std::string& id) -> contact_point& {
                return find_or_raise(d.contact_points, id, "contact point");
            },
            "id"_a, py::return_value_policy::reference_internal, "The contact point with this id (KeyError if none).")
        .def(
            "block",
            [](source_doc& d, const std::string& id) -> block& { return find_or_raise(d.blocks, id, "block"); }, "id"_a,
            py::return_value_policy::reference_internal, "The block with this id (KeyError if none).")
        .def(
            "add_contact_point",
            [](source_doc& d, contact_point c) -> contact_point& {
                d.contact_points.push_back(std::move(c));
                return d.contact_points.back();
            },
            "contact_point"_a, py::return_value_policy::reference_internal, "Append a contact point and return it.")
        .def(
            "apply_blocks", [](source_doc& d, const std::string& id) { apply_blocks(d, id); }, "id"_a = "",
            "Copy the block `id` (every block when \"\") into the registers that use it (block_refs, "
            "purpose.block, category.block), replacing their copies: after changing a block.")
        .def(
            "organisation",
            [](source_doc& d, const std::string& id) -> organisation& {
                return find_or_raise(d.organisations, id, "organisation");
            },
            "id"_a, py::return_value_policy::reference_internal, "The organisation with this id (KeyError if none).")
        .def(
            "person",
            [](source_doc& d, const std::string& id) -> person& { return find_or_raise(d.people, id, "person"); },
            "id"_a, py::return_value_policy::reference_internal, "The person with this id (KeyError if none).")
        .def(
            "register",
            [](source_doc& d, const std::string& id) -> register_& {
                return find_or_raise(d.registers, id, "register");
            },
            "id"_a, py::return_value_policy::reference_internal, "The register with this id (KeyError if none).")
        .def(
            "add_organisation",
            [](source_doc& d, organisation o) -> organisation& {
                d.organisations.push_back(std::move(o));
                return d.organisations.back();
            },
            "organisation"_a, py::return_value_policy::reference_internal,
            "Append an organisation (an Organisation or a dict) and return it.")
        .def(
            "add_person",
            [](source_doc& d, person p) -> person& {
                d.people.push_back(std::move(p));
                return d.people.back();
            },
            "person"_a, py::return_value_policy::reference_internal, "Append a person and return it.")
        .def(
            "add_register",
            [](source_doc& d, register_ r) -> register_& {
                d.registers.push_back(std::move(r));
                return d.registers.back();
            },
            "register"_a, py::return_value_policy::reference_internal, "Append a register and return it.")
        .def(
            "to_xml", [](const source_doc& d) { return to_source_xml(d); }, py::call_guard<py::gil_scoped_release>(),
            "The source as XML (docs/source-format.md); reading it back gives the same model. Blocks, block "
            "references, the file's order and its comments are kept.")
        .def(
            "save",
            [](const source_doc& d, const py::object& path) {
                const std::string p = to_path(path);
                py::gil_scoped_release nogil;
                write_file_atomic(p, to_source_xml(d));
            },
            "path"_a, "Write the source as XML to `path` (atomically).")
        .def(
            "copy", [](const source_doc& d) { return source_doc(d); },
            "A deep copy: change it without touching this one.")
        .def("__copy__", [](const source_doc& d) { return source_doc(d); })
        .def(
            "__deepcopy__", [](const source_doc& d, py::dict) { return source_doc(d); }, "memo"_a)
        .def("__repr__", [](const source_doc& d) {
            return "<seloste.Source " + (d.file.empty() ? std::string("(in memory)") : d.file) + ": " +
                   std::to_string(d.registers.size()) + " register(s), " + std::to_string(d.organisations.size()) +
                   " organisation(s), " + std::to_string(d.people.size()) + " person(s)>";
        });

    optional_field(src, "supervisory_authority", &source_doc::supervisory_authority,
                   "The lead supervisory authority (an Organisation without id), or None: the Finnish Data "
                   "Protection Ombudsman.");

    m.def(
        "load",
        [](const py::object& path) {
            const std::string p = to_path(path);
            py::gil_scoped_release nogil;
            return read_source(p);
        },
        "path"_a, "Read a source file. Raises SourceError (with every problem as file:line:col) or FileError.");
    m.def(
        "loads",
        [](const std::string& xml, const std::string& name) {
            py::gil_scoped_release nogil;
            return read_source_string(xml, name);
        },
        "xml"_a, "name"_a = "<string>", "Read a source from a string; `name` stands for the file name in messages.");
}

}  // namespace seloste_py
