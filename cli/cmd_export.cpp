// seloste export --format jsonld SOURCE... [-o DIR] [--lang LIST] [--allow-incomplete]
// Writes DIR/REGISTER.LANG.jsonld: the notice as JSON-LD in DPV (docs/json-ld.md), the same
// graph every page embeds. Its own arguments, so main.cpp only hands it argv.
#include "cmd_export.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "seloste/build.hpp"
#include "seloste/check.hpp"
#include "seloste/errors.hpp"
#include "seloste/jsonld.hpp"
#include "seloste/source.hpp"

namespace seloste_cli {

namespace {

constexpr int exit_ok = 0, exit_source = 1, exit_usage = 2, exit_failure = 3;

struct usage_error {
    std::string message;
};

}  // namespace

const char* const export_usage = R"(Usage: seloste export --format jsonld SOURCE... [OPTIONS]

Write every register of every SOURCE in every language as JSON-LD in the W3C
Data Privacy Vocabulary (DPV 2.2): OUTDIR/REGISTER.LANG.jsonld, the same graph
every page and fragment embeds (docs/json-ld.md). Prints each file it wrote. A
register with check errors is refused (exit 1) and nothing is written.

Options:
  --format jsonld       The format (the only one, and required).
  -o, --out DIR         Write into DIR (default: the current folder).
  --lang LIST           fi, sv, en, a comma-separated list (fi,sv) or all (default: all).
  --allow-incomplete    Export registers with check errors anyway, with a warning.
  -h, --help            Show this help.
)";

int cmd_export(int argc, char** argv) {
    try {
        std::vector<std::string> sources;
        std::vector<seloste::lang> langs;
        std::string out_dir = ".", format;
        bool allow_incomplete = false;
        for (int i = 2; i < argc; ++i) {
            const std::string s = argv[i];
            const auto value = [&](const char* name) -> std::string {
                if (i + 1 >= argc) throw usage_error{std::string(name) + " needs a value"};
                return argv[++i];
            };
            if (s == "-h" || s == "--help") {
                std::cout << export_usage;
                return exit_ok;
            }
            std::string lang_list;
            if (s == "--format")
                format = value("--format");
            else if (s.starts_with("--format="))
                format = s.substr(9);
            else if (s == "-o" || s == "--out")
                out_dir = value("-o");
            else if (s == "--lang")
                lang_list = value("--lang");
            else if (s.starts_with("--lang="))
                lang_list = s.substr(7);
            else if (s == "--allow-incomplete")
                allow_incomplete = true;
            else if (s.starts_with("-") && s != "-")
                throw usage_error{"unknown option " + s};
            else
                sources.push_back(s);
            if (s.starts_with("--lang")) {
                langs.clear();
                if (lang_list == "all") lang_list = "fi,sv,en";
                for (size_t pos = 0; pos <= lang_list.size();) {
                    size_t end = std::min(lang_list.find(',', pos), lang_list.size());
                    const std::string code = lang_list.substr(pos, end - pos);
                    const auto l = seloste::parse_lang(code);
                    if (!l)
                        throw usage_error{"unknown language \"" + code +
                                          "\"; expected fi, sv, en, a comma-separated list or all"};
                    if (std::find(langs.begin(), langs.end(), *l) == langs.end()) langs.push_back(*l);
                    pos = end + 1;
                }
            }
        }
        if (format.empty()) throw usage_error{"export needs --format jsonld"};
        if (format != "jsonld") throw usage_error{"--format takes jsonld"};
        if (sources.empty()) throw usage_error{"export needs at least one SOURCE"};
        if (langs.empty()) langs.assign(seloste::all_langs.begin(), seloste::all_langs.end());

        // Every source is read and checked before anything is written.
        std::vector<seloste::source_doc> docs;
        for (const auto& s : sources) docs.push_back(seloste::read_source(s));
        seloste::check_options checks;
        checks.langs = langs;
        checks.spelling = false;
        checks.least = seloste::severity::error;
        std::vector<std::pair<std::string, std::string>> files;  // path, content
        bool refused = false, any_error = false;
        for (const auto& doc : docs)
            for (const auto& reg : doc.registers) {
                const auto found = seloste::check_register(doc, reg, checks);
                for (const auto& f : found) std::cerr << seloste::format_finding(f) << '\n';
                if (seloste::has_errors(found)) {
                    any_error = true;
                    if (!allow_incomplete) {
                        std::cerr << "seloste: refused to export " << reg.id
                                  << ": the checks found errors (fix them, or pass --allow-incomplete)\n";
                        refused = true;
                        continue;
                    }
                }
                for (seloste::lang l : langs)
                    files.emplace_back((std::filesystem::path(out_dir) /
                                        (reg.id + "." + std::string(seloste::lang_code(l)) + ".jsonld"))
                                           .string(),
                                       seloste::notice_jsonld(doc, reg, l, {.indent = 2}) + "\n");
            }
        if (refused) {
            std::cerr << "seloste: nothing was written\n";
            return exit_source;
        }
        if (any_error) std::cerr << "seloste: warning: exported despite errors because of --allow-incomplete\n";
        for (const auto& [path, content] : files) {
            seloste::write_file_atomic(path, content);
            std::cout << path << '\n';
        }
        return exit_ok;
    } catch (const usage_error& e) {
        std::cerr << "seloste: " << e.message << "\nTry 'seloste export --help'.\n";
        return exit_usage;
    } catch (const seloste::source_error& e) {
        std::cerr << e.what() << "\nseloste: nothing was written; fix the source and run again\n";
        return exit_source;
    } catch (const std::exception& e) {
        std::cerr << "seloste: " << e.what() << '\n';
        return exit_failure;
    }
}

}  // namespace seloste_cli
