// Sources with long input, for the linear-time benchmarks (bench_long.cpp) and the
// unit test that they finish (tests/unit/test_long_inputs.cpp): one word of a
// megabyte, one paragraph of a megabyte, and ten thousand registers.
#pragma once

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace seloste::bench {

inline std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// examples/imatran-seudun-sahko.xml with `insert` added to the Finnish description.
inline std::string example_with(const std::string& source_dir, const std::string& insert) {
    std::string x = read_text(source_dir + "/examples/imatran-seudun-sahko.xml");
    const std::string anchor = "alla kuvattuihin tarkoituksiin.";
    const auto at = x.find(anchor);
    if (at == std::string::npos) throw std::runtime_error("the example changed: no \"" + anchor + "\"");
    x.insert(at + anchor.size(), " " + insert);
    return x;
}

// One unbroken word of `bytes` letters.
inline std::string long_word_source(const std::string& source_dir, size_t bytes) {
    return example_with(source_dir, std::string(bytes, 'a') + ".");
}

// One paragraph of ordinary words, `bytes` long.
inline std::string long_paragraph_source(const std::string& source_dir, size_t bytes) {
    const std::string sentence =
        "Rekisterinpitäjä käsittelee asiakkaiden henkilötietoja tietosuoja-asetuksen mukaisesti, ks. "
        "https://www.esimerkki.fi/tietosuoja tai tietosuoja@esimerkki.fi. ";
    std::string p;
    while (p.size() < bytes) p += sentence;
    return example_with(source_dir, p);
}

// One paragraph of `bytes` of web addresses, each a finding (a dash that is not a hyphen).
inline std::string many_findings_source(const std::string& source_dir, size_t bytes) {
    std::string p;
    while (p.size() < bytes) p += "https://www.esimerkki.fi/a\u2013b ";
    return example_with(source_dir, p);
}

// The register of a small fixture `count` times, ids r0, r1, ...
inline std::string many_registers_source(const std::string& source_dir, size_t count) {
    const std::string x = read_text(source_dir + "/tests/fixtures/checks/gdpr.13.1.b.dpo/bad.xml");
    const std::string open = "  <register id=\"asiakasrekisteri\">", close = "</register>\n";
    const auto b = x.find(open), e = x.find(close, b);
    if (b == std::string::npos || e == std::string::npos) throw std::runtime_error("the fixture changed");
    const std::string reg = x.substr(b + open.size(), e + close.size() - b - open.size());
    std::string out = x.substr(0, b);
    for (size_t i = 0; i < count; ++i) out += "  <register id=\"r" + std::to_string(i) + "\">" + reg;
    return out + x.substr(e + close.size());
}

}  // namespace seloste::bench
