// Rendering: one notice to a str, and a batch of notices on several C++ threads.
// The GIL is released while the core renders.
#include "seloste/render.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <map>
#include <mutex>
#include <thread>

#include "common.hpp"

namespace seloste_py {

using namespace seloste;
using namespace pybind11::literals;

namespace {

// Built-in themes are parsed once per process; folder themes on every use (they may change).
theme get_theme(const std::string& name) {
    static std::mutex mu;
    static std::map<std::string, theme> cache;
    static std::vector<std::string> builtin;
    std::lock_guard<std::mutex> lock(mu);
    if (builtin.empty())
        for (const auto& t : list_themes())
            if (t.origin == "built-in") builtin.push_back(t.name);
    const bool is_builtin = std::find(builtin.begin(), builtin.end(), name) != builtin.end();
    if (is_builtin)
        if (auto it = cache.find(name); it != cache.end()) return it->second;
    theme t = load_theme(name);
    if (is_builtin) cache.emplace(name, t);
    return t;
}

theme theme_arg(const py::handle& h) {
    if (py::isinstance<theme>(h)) return h.cast<theme>();
    const std::string name = py::str(py::module_::import("os").attr("fspath")(h));
    py::gil_scoped_release nogil;
    return get_theme(name);
}

const register_& register_arg(const source_doc& doc, const py::handle& h) {
    if (py::isinstance<register_>(h)) return h.cast<const register_&>();
    const std::string id = py::str(h);
    const register_* r = doc.find_register(id);
    if (!r)
        throw py::key_error("no register with id \"" + id + "\" in " +
                            (doc.file.empty() ? std::string("the source") : doc.file));
    return *r;
}

render_options options_arg(const std::string& language, bool fragment, int heading_base,
                           const std::string& stylesheet_href, const py::object& alternates,
                           const std::string& index_href) {
    render_options o;
    o.language = to_lang(language);
    o.fragment = fragment;
    if (heading_base < 0 || heading_base > 6) throw py::value_error("heading_base takes 0 (automatic) to 6");
    o.heading_base = heading_base;
    o.stylesheet_href = stylesheet_href;
    o.index_href = index_href;
    if (!alternates.is_none())
        for (auto kv : alternates.cast<py::dict>())
            o.alternates.push_back({to_lang(py::str(kv.first)), py::str(kv.second)});
    return o;
}

struct job {
    const source_doc* doc;
    const register_* reg;
    theme th;
    render_options opts;
};

}  // namespace

void init_render(py::module_& m) {
    py::class_<theme>(m, "Theme", "A loaded theme (templates and stylesheet).")
        .def(py::init([](const py::object& name) { return theme_arg(name); }), "name_or_dir"_a,
             "A built-in theme by name (\"default\", \"layered\") or a folder holding theme.json.")
        .def_property_readonly("name", &theme::name)
        .def_property_readonly("stylesheet", &theme::stylesheet, "The CSS text.")
        .def_property_readonly("stylesheet_name", &theme::stylesheet_name, "e.g. \"seloste-default.css\".")
        .def("__repr__", [](const theme& t) { return "<seloste.Theme " + t.name() + ">"; });

    py::class_<theme_info>(m, "ThemeInfo", "A theme's name, description, origin and parent.")
        .def_readonly("name", &theme_info::name)
        .def_readonly("description", &theme_info::description)
        .def_readonly("origin", &theme_info::origin)
        .def_readonly("extends", &theme_info::extends)
        .def("__repr__", [](const theme_info& t) { return "<seloste.ThemeInfo " + t.name + ">"; });

    m.def("themes", &list_themes, "The available themes.");

    m.def(
        "render",
        [](const source_doc& doc, const py::object& reg, const std::string& language, const py::object& th,
           bool fragment, int heading_base, const std::string& stylesheet_href, const py::object& alternates,
           const std::string& index_href) {
            const register_& r = register_arg(doc, reg);
            const theme t = theme_arg(th);
            const render_options o =
                options_arg(language, fragment, heading_base, stylesheet_href, alternates, index_href);
            py::gil_scoped_release nogil;
            return render_html(doc, r, t, o);
        },
        "source"_a, "register"_a, "lang"_a = "fi", "theme"_a = "default", "fragment"_a = false, "heading_base"_a = 0,
        "stylesheet_href"_a = "", "alternates"_a = py::none(), "index_href"_a = "",
        "Render one register (its id or the Register) of `source` as HTML: a full page, or an embeddable fragment.\n"
        "A page inlines the theme's CSS unless `stylesheet_href` is given; `alternates` maps other languages to\n"
        "their URLs (hreflang links).");

    m.def(
        "_render_batch",
        [](const py::iterable& jobs_in, int workers) {
            py::list jobs_list(jobs_in);  // keeps every job (and its Source) alive during the call
            std::vector<job> jobs;
            jobs.reserve(jobs_list.size());
            for (auto h : jobs_list) {
                py::sequence j = h.cast<py::sequence>();
                if (j.size() != 9) throw py::type_error("a render job has 9 fields; use seloste.RenderJob");
                const source_doc& doc = j[0].cast<const source_doc&>();
                jobs.push_back({&doc, &register_arg(doc, j[1]), theme_arg(j[3]),
                                options_arg(j[2].cast<std::string>(), j[4].cast<bool>(), j[5].cast<int>(),
                                            j[6].cast<std::string>(), j[7], j[8].cast<std::string>())});
            }
            std::vector<std::string> out(jobs.size());
            {
                py::gil_scoped_release nogil;
                std::vector<std::exception_ptr> errors(jobs.size());
                std::atomic<size_t> next{0};
                auto work = [&] {
                    for (size_t i; (i = next.fetch_add(1)) < jobs.size();) {
                        try {
                            out[i] = render_html(*jobs[i].doc, *jobs[i].reg, jobs[i].th, jobs[i].opts);
                        } catch (...) {
                            errors[i] = std::current_exception();
                        }
                    }
                };
                const size_t n =
                    std::max<size_t>(1, std::min<size_t>(static_cast<size_t>(std::max(workers, 1)), jobs.size()));
                std::vector<std::thread> threads;
                for (size_t t = 1; t < n; ++t) threads.emplace_back(work);
                work();
                for (auto& t : threads) t.join();
                for (auto& e : errors)
                    if (e) std::rethrow_exception(e);
            }
            py::list result;
            for (auto& s : out) result.append(py::str(s));
            return result;
        },
        "jobs"_a, "workers"_a);
}

}  // namespace seloste_py
