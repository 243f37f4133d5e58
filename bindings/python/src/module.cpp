// The private extension module seloste._core; seloste/__init__.py re-exports it.
#include "common.hpp"
#include "seloste/version.hpp"

PYBIND11_MODULE(_core, m) {
    m.doc() = "Seloste core (C++): read, check and render GDPR privacy notices.";
    namespace sp = seloste_py;
    sp::init_errors(m);
    sp::init_model(m);
    sp::init_source(m);
    sp::init_check(m);
    sp::init_diff(m);
    sp::init_render(m);
    sp::init_build(m);
    m.attr("__version__") = seloste::version;
}
