// Reads a source, checks it and renders its first register in Swedish.
#include <iostream>

#include "seloste/check.hpp"
#include "seloste/render.hpp"
#include "seloste/source.hpp"
#include "seloste/version.hpp"

int main(int argc, char** argv) {
    if (argc != 2) return 2;
    const auto doc = seloste::read_source(argv[1]);
    seloste::check_options opts;
    opts.spelling = false;
    if (seloste::has_errors(seloste::check(doc, opts))) return 1;
    seloste::render_options ro;
    ro.language = seloste::lang::sv;
    std::cout << seloste::render_html(doc, doc.registers.at(0), seloste::load_theme("default"), ro);
    std::cerr << "seloste " << seloste::version << '\n';
    return 0;
}
