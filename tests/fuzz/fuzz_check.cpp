// Checking: the lenient reader, then every check, as `seloste check` runs them, in one
// language or all three, with or without spelling; findings formatted as text and JSON.
#include "fuzz_support.hpp"
#include "seloste/check.hpp"
#include "seloste/source.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const auto source = seloste::read_source_string_lenient(seloste::fuzz::as_text(data, size), "fuzz.xml");
    // Spelling (the slow part) for half the inputs, in all three languages or in one,
    // chosen by the input's hash so that one input is always checked the same way.
    const uint32_t bits = seloste::fuzz::choice_bits(data, size);
    seloste::check_options opts;
    if (bits & 1u)
        opts.langs = {seloste::all_langs.begin(), seloste::all_langs.end()};
    else
        opts.langs = {seloste::all_langs[((bits >> 1) & 3u) % 3]};
    opts.spelling = (bits >> 3) & 1u;
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
