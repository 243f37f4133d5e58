// Long input (bench/long_sources.hpp): `seloste check` of a megabyte word, a megabyte
// paragraph and ten thousand registers, each from its file as the CLI reads it. The
// time bounds are in run.sh; every scan on the way is linear, so these grow with the
// input, not with its square.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "long_sources.hpp"
#include "seloste/check.hpp"

namespace {

const std::string root = SELOSTE_SOURCE_DIR;

std::string write_temp(const std::string& text) {
    std::string t = (std::filesystem::temp_directory_path() / "seloste-bench-XXXXXX").string();
    const int fd = ::mkstemp(t.data());
    if (fd < 0) throw std::runtime_error("cannot create a temporary file");
    ::close(fd);
    std::ofstream(t, std::ios::binary) << text;
    return t;
}

void check_source(benchmark::State& state, const std::string& text, bool spelling) {
    const std::string path = write_temp(text);
    seloste::check_options o;
    o.spelling = spelling;
    for (auto _ : state) benchmark::DoNotOptimize(seloste::check_file(path, o));
    std::filesystem::remove(path);
    state.counters["source_bytes"] = static_cast<double>(text.size());
}

// The word's length in KiB: 16 and 64 took 1.4 s and 22 s before the masking was linear.
void BM_check_long_word(benchmark::State& state) {
    check_source(state, seloste::bench::long_word_source(root, static_cast<size_t>(state.range(0)) << 10), true);
}
BENCHMARK(BM_check_long_word)
    ->Arg(16)
    ->Arg(64)
    ->Arg(1024)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->Repetitions(3);

void BM_check_long_paragraph(benchmark::State& state) {
    check_source(state, seloste::bench::long_paragraph_source(root, 1 << 20), true);
}
BENCHMARK(BM_check_long_paragraph)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(3);

// A paragraph of 1 MB whose every address is a finding (the first 100 are reported).
void BM_check_long_findings(benchmark::State& state) {
    check_source(state, seloste::bench::many_findings_source(root, 1 << 20), false);
}
BENCHMARK(BM_check_long_findings)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(3);

// /0 without spelling, /1 with.
void BM_check_10000_registers(benchmark::State& state) {
    check_source(state, seloste::bench::many_registers_source(root, 10000), state.range(0) != 0);
}
BENCHMARK(BM_check_10000_registers)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(3);

}  // namespace
