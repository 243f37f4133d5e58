// Writing: notices into a folder and whole sites (bundles), through the core's
// file-based steps. seloste/__init__.py passes in-memory Sources as files.
#include "seloste/build.hpp"

#include "common.hpp"

namespace seloste_py {

using namespace seloste;
using namespace pybind11::literals;

void init_build(py::module_& m) {
    py::class_<written_file>(
        m, "WrittenFile",
        "A file `render_to` wrote (or found already current): path, register (None for a stylesheet), lang, unchanged.")
        .def_readonly("path", &written_file::path)
        .def_property_readonly("register",
                               [](const written_file& w) -> std::optional<std::string> {
                                   if (w.register_id.empty()) return std::nullopt;
                                   return w.register_id;
                               })
        .def_property_readonly("lang",
                               [](const written_file& w) -> std::optional<std::string> {
                                   if (w.register_id.empty()) return std::nullopt;
                                   return std::string(lang_code(w.language));
                               })
        .def_readonly("unchanged", &written_file::unchanged,
                      "True: the file already held exactly this page and was left untouched.")
        .def("__repr__", [](const written_file& w) { return "<seloste.WrittenFile " + w.path + ">"; });

    py::class_<render_outcome>(m, "RenderResult", "What `render_to` did: files written, findings, registers refused.")
        .def_readonly("written", &render_outcome::written)
        .def_readwrite("findings", &render_outcome::findings)
        .def_readonly("refused", &render_outcome::refused,
                      "Ids of registers not rendered because the checks found errors.");

    py::class_<build_outcome>(m, "BuildResult", "What `build_site` did.")
        .def_readonly("changed", &build_outcome::changed,
                      "False: the previous site was identical; nothing was written.")
        .def_readonly("refused", &build_outcome::refused, "True: the checks found errors; nothing was written.")
        .def_readonly("pages", &build_outcome::pages, "Full notice pages (registers x languages x themes).")
        .def_readonly("files", &build_outcome::files, "Every file in the bundle.")
        .def_readonly("versions", &build_outcome::versions,
                      "Earlier versions of the notices, kept at LANG/REGISTER/DATE/ (docs/history.md).")
        .def_readonly("warnings", &build_outcome::warnings,
                      "'file:line:col: warning: ...' about the version history, e.g. a changed notice that kept "
                      "its date.")
        .def_readwrite("findings", &build_outcome::findings)
        .def_readonly("out_dir", &build_outcome::out_dir)
        .def("__repr__", [](const build_outcome& b) {
            return "<seloste.BuildResult " + b.out_dir + ": " + std::to_string(b.pages) + " page(s), " +
                   std::to_string(b.files) + " file(s)" +
                   (b.refused   ? ", refused"
                    : b.changed ? ""
                                : ", unchanged") +
                   ">";
        });

    m.def(
        "_render_to_directory",
        [](const std::vector<std::string>& sources, const std::vector<source_doc>& documents,
           const std::string& out_dir, const std::vector<std::string>& langs, const std::string& th, bool fragment,
           int heading_base, bool allow_incomplete, bool spelling) {
            render_request r;
            r.sources = sources;
            r.documents = documents;
            r.out_dir = out_dir;
            r.langs = to_langs(langs);
            r.theme = th;
            r.fragment = fragment;
            r.heading_base = heading_base;
            r.allow_incomplete = allow_incomplete;
            r.checks.langs = r.langs;
            r.checks.spelling = spelling;
            py::gil_scoped_release nogil;
            return render_to_directory(r);
        },
        "sources"_a, "documents"_a, "out_dir"_a, "langs"_a, "theme"_a, "fragment"_a, "heading_base"_a,
        "allow_incomplete"_a, "spelling"_a);

    m.def(
        "_build_site",
        [](const std::vector<std::string>& sources, const std::vector<source_doc>& documents,
           const std::string& out_dir, const std::vector<std::string>& langs, const std::vector<std::string>& themes,
           const std::string& sign_key, const std::string& base_url, const std::string& history_dir,
           bool allow_incomplete, bool spelling) {
            build_request r;
            r.history_dir = history_dir;
            r.sources = sources;
            r.documents = documents;
            r.out_dir = out_dir;
            r.langs = to_langs(langs);
            r.themes = themes;
            r.sign_key = sign_key;
            r.base_url = base_url;
            r.allow_incomplete = allow_incomplete;
            r.checks.langs = r.langs;
            r.checks.spelling = spelling;
            py::gil_scoped_release nogil;
            return build_site(r);
        },
        "sources"_a, "documents"_a, "out_dir"_a, "langs"_a, "themes"_a, "sign_key"_a, "base_url"_a, "history_dir"_a,
        "allow_incomplete"_a, "spelling"_a);

    m.def(
        "generate_keypair",
        [](const py::object& key_file) {
            const std::string p = py::str(py::module_::import("os").attr("fspath")(key_file));
            py::gil_scoped_release nogil;
            generate_keypair(p);
        },
        "key_file"_a, "Make an Ed25519 key pair for signing bundles: KEY_FILE (secret, 0600) and KEY_FILE.pub.");
    m.def(
        "verify_bundle",
        [](const py::object& dir, const py::object& public_key) {
            const std::string d = py::str(py::module_::import("os").attr("fspath")(dir));
            const std::string k = public_key.is_none()
                                      ? std::string()
                                      : std::string(py::str(py::module_::import("os").attr("fspath")(public_key)));
            py::gil_scoped_release nogil;
            return verify_bundle(d, k);
        },
        "dir"_a, "public_key"_a = py::none(),
        "Verify a bundle as the plugins do; returns the problems (empty = valid).");
}

}  // namespace seloste_py
