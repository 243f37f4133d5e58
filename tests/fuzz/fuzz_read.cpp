// Reading a source: what the strict reader refuses, the lenient one (`check`) reports; neither may crash or throw
// anything but source_error, and a source that is not valid UTF-8 is refused.
#include <cstdio>
#include <cstdlib>

#include "fuzz_support.hpp"
#include "seloste/source.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const auto xml = seloste::fuzz::as_text(data, size);
    bool strict_ok = true;
    try {
        const auto doc = seloste::read_source_string(xml, "fuzz.xml");
        (void)doc;
    } catch (const seloste::source_error& e) {
        strict_ok = false;
        if (e.diagnostics().empty()) std::abort();  // an error must say what is wrong
        for (const auto& d : e.diagnostics()) (void)seloste::format_diagnostic(d);
    }
    const auto lenient = seloste::read_source_string_lenient(xml, "fuzz.xml");
    for (const auto& d : lenient.diagnostics) (void)seloste::format_diagnostic(d);
    // The two forms are the same reader: what the strict one refuses, the lenient one
    // reports. (The lenient one may also report what the strict one only warns about.)
    if (!strict_ok && lenient.diagnostics.empty()) {
        std::fprintf(stderr, "fuzz_read: the strict reader refuses the source, the lenient one reports nothing\n");
        std::abort();
    }
    if (!lenient.well_formed && lenient.diagnostics.empty()) std::abort();
    if (strict_ok && !seloste::fuzz::skip_encoding() && !seloste::fuzz::valid_utf8(xml)) {
        std::fprintf(stderr, "fuzz_read: a source that is not valid UTF-8 was accepted\n");
        std::abort();
    }
    return 0;
}
