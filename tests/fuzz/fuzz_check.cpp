// Checking: the lenient reader, then every check in every language with spelling,
// as `seloste check --lang fi,sv,en` runs them; findings formatted as text and JSON.
#include "fuzz_support.hpp"
#include "seloste/check.hpp"
#include "seloste/source.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const auto source = seloste::read_source_string_lenient(seloste::fuzz::as_text(data, size), "fuzz.xml");
    seloste::check_options opts;
    opts.langs = {seloste::all_langs.begin(), seloste::all_langs.end()};
    opts.spelling = true;
    opts.today = seloste::date{2025, 6, 1};  // the same findings on every day
    const auto findings = seloste::check(source, opts);
    for (const auto& f : findings) {
        (void)seloste::format_finding(f, seloste::lang::fi);
        (void)seloste::format_finding(f, seloste::lang::en);
    }
    (void)seloste::findings_to_json(findings);
    (void)seloste::has_errors(findings, true);
    return 0;
}
