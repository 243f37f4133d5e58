// seloste: the command-line door to the core. It only translates arguments,
// errors and results; every step lives in the library.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cmd_diff.hpp"
#include "seloste/build.hpp"
#include "seloste/check.hpp"
#include "seloste/errors.hpp"
#include "seloste/render.hpp"
#include "seloste/source.hpp"
#include "seloste/version.hpp"

namespace {

constexpr int exit_ok = 0, exit_source = 1, exit_usage = 2, exit_failure = 3;

const char* usage_text = R"(Usage: seloste COMMAND [OPTIONS]

Privacy notices (GDPR Art. 13/14, tietosuojaseloste) from one structured source.

Commands:
  render SOURCE... [-o OUTDIR] [--lang fi|fi,sv,en|all] [--theme NAME|DIR]
                   [--fragment] [--heading-base N] [--allow-incomplete]
      Write OUTDIR/REGISTER.LANG.html for every register and language, and the
      theme's stylesheet. Prints each file it wrote.
  check SOURCE... [--lang fi,sv,en|all] [--format text|json] [--strict] [--no-spelling]
                  [--message-lang fi|sv|en]
      Check completeness and correctness. Exit 1 on any error (--strict: warning).
  build SOURCE... -o DIR [--lang LIST|all] [--theme NAME|DIR]... [--sign KEYFILE]
                  [--base-url URL] [--history DIR] [--for site|hugo] [--allow-incomplete]
      Build a complete static notice site, the bundle of docs/bundle-format.md,
      keeping every earlier version of each notice at DIR/LANG/REGISTER/DATE/.
      --for hugo writes it into DIR/assets/seloste of a Hugo site.
  diff OLD NEW [--lang fi|sv|en] [--format text|json] [--git REV]
      What changed between two versions of a source, in words. OLD may be REV:PATH
      (a git revision). Exit 0 no difference, 1 differences.
  export --format jsonld SOURCE... [-o DIR] [--lang LIST]
      Write DIR/REGISTER.LANG.jsonld: each notice as JSON-LD in DPV (docs/json-ld.md).
  keygen KEYFILE
      Make an Ed25519 key pair for --sign: KEYFILE (secret) and KEYFILE.pub.
  verify DIR [--public-key FILE]
      Verify a bundle as the plugins do: signature, hashes, unlisted files.
  themes
      List the built-in themes.

Options:
  -h, --help      Show this help.
  --version       Show the version.
  COMMAND --help  Show a command's own usage (also: seloste help COMMAND).

Findings are printed in the language of --message-lang fi|sv|en (render, check,
build), else of the locale (LC_ALL, LC_MESSAGES or LANG: fi_* Finnish, sv_*
Swedish, anything else English).

Exit codes: 0 ok; 1 errors in a source (or check errors, or a refused build);
2 usage; 3 other failure (unreadable file, broken theme, I/O).
Docs: docs/source-format.md, docs/bundle-format.md, docs/checks.md, docs/diff.md.
)";

// Each command's own usage: `seloste COMMAND --help` (or -h, or `seloste help COMMAND`).
struct command_help {
    const char* name;
    const char* text;
};
constexpr command_help command_helps[] = {
    {"render", R"(Usage: seloste render SOURCE... [OPTIONS]

Write OUTDIR/REGISTER.LANG.html for every register of every SOURCE in every
language, and the theme's stylesheet. Prints each file it wrote. A register with
check errors is refused (exit 1) and nothing is written for it.

Options:
  -o, --out DIR         Write into DIR (default: the current folder).
  --lang LIST           fi, sv, en, a comma-separated list (fi,sv) or all (default: fi).
  --theme NAME|DIR      A built-in theme (see `seloste themes`) or a theme folder.
  --fragment            Write embeddable fragments instead of whole pages.
  --heading-base N      Level of the notice's title heading, 1 to 4.
  --allow-incomplete    Render registers with check errors anyway, with a warning.
  --message-lang fi|sv|en
                        Language of the printed findings (default: from the locale,
                        LC_ALL, LC_MESSAGES or LANG: fi_* fi, sv_* sv, else en).
  -h, --help            Show this help.
)"},
    {"export", R"(Usage: seloste export --format jsonld SOURCE... [OPTIONS]

Write every register of every SOURCE in every language as JSON-LD in the W3C
Data Privacy Vocabulary (DPV 2.2): OUTDIR/REGISTER.LANG.jsonld, the same graph
every page and fragment embeds (docs/json-ld.md). Prints each file it wrote. A
register with check errors is refused (exit 1) and nothing is written for it;
the files are written as `render` writes pages (all or nothing, atomically).

Options:
  --format jsonld       The format (the only one, and required).
  -o, --out DIR         Write into DIR (default: the current folder).
  --lang LIST           fi, sv, en, a comma-separated list (fi,sv) or all (default: all).
  --allow-incomplete    Export registers with check errors anyway, with a warning.
  --message-lang L      The language of the findings printed: fi, sv or en.
  -h, --help            Show this help.
)"},
    {"check", R"(Usage: seloste check SOURCE... [OPTIONS]

Check every register of every SOURCE for completeness and correctness, and print
the findings (docs/checks.md). Exit 1 on any error.

Options:
  --lang LIST           fi, sv, en, a comma-separated list or all: the languages whose
                        texts must exist and are spell-checked (default: fi).
  --format text|json    Findings as lines (default) or as JSON (docs/check-json.md).
  --strict              Exit 1 on warnings too.
  --no-spelling         Skip the spelling checks.
  --message-lang fi|sv|en
                        Language of the messages in text output (default: from the
                        locale, LC_ALL, LC_MESSAGES or LANG: fi_* fi, sv_* sv, else
                        en). The JSON always carries all three.
  -h, --help            Show this help.
)"},
    {"build", R"(Usage: seloste build SOURCE... -o DIR [OPTIONS]

Build a complete static notice site from every SOURCE: pages, fragments, indexes,
sitemap and manifest (docs/bundle-format.md). Nothing changes in DIR unless the
whole build succeeds; a re-run with unchanged sources rewrites nothing.
Every published version of a notice stays at LANG/REGISTER/DATE/ (DATE is the
notice's <date>); the page lists the changes in words, LANG/REGISTER.atom announces
them (docs/history.md).

Options:
  -o, --out DIR         The site folder (required).
  --lang LIST           fi, sv, en, a comma-separated list or all (default: all).
  --theme NAME|DIR      A theme to build with (default: default); repeat for several.
  --sign KEYFILE        Sign the manifest with the Ed25519 key from `seloste keygen`.
  --base-url URL        The site's public address, for absolute URLs in sitemap.xml and the feeds.
  --history DIR         Where the earlier versions are: a previous site or bundle, or a folder
                        of snapshots REGISTER/DATE.xml that the build adds to (default: the
                        previous build in the site folder).
  --for site|hugo       site (default), or hugo: write into DIR/assets/seloste of a Hugo site.
  --allow-incomplete    Build despite check errors, with a warning.
  --message-lang fi|sv|en
                        Language of the printed findings (default: from the locale,
                        LC_ALL, LC_MESSAGES or LANG: fi_* fi, sv_* sv, else en).
  -h, --help            Show this help.
)"},
    {"diff", R"(Usage: seloste diff OLD NEW [OPTIONS]
       seloste diff --git REV NEW

What changed between two versions of a source, on the registers, not on the text
of the files: retention, purposes and legal bases, recipients, processors,
transfers, data categories, parties, rights, free texts (with a word diff), per
register, as sentences (docs/diff.md). OLD or NEW may be REV:PATH, the file at a
git revision (e.g. HEAD~3:privacy/group.xml), read with git in the file's folder.

Options:
  --lang fi|sv|en       The language of the sentences (default: en).
  --format text|json    Sentences (default) or the JSON form of docs/diff.md.
  --git REV             Compare NEW with its own version at git revision REV.
  -h, --help            Show this help.

Exit codes: 0 no difference (prints nothing); 1 differences; 2 usage;
3 failure (an unreadable file, a source with errors as file:line:col, git).
)"},
    {"keygen", R"(Usage: seloste keygen KEYFILE

Make an Ed25519 key pair for `seloste build --sign`: KEYFILE (the secret key;
keep it private) and KEYFILE.pub (the public key for `seloste verify` and the plugins).

Options:
  -h, --help            Show this help.
)"},
    {"verify", R"(Usage: seloste verify DIR [OPTIONS]

Verify a bundle as the plugins do: every file's hash, no file the manifest does
not list, and with --public-key the manifest's signature. Exit 1 when anything fails.

Options:
  --public-key FILE     Also check the signature with this public key (KEYFILE.pub).
  -h, --help            Show this help.
)"},
    {"themes", R"(Usage: seloste themes

List the built-in themes: name, origin and description.

Options:
  -h, --help            Show this help.
)"},
};

const char* command_usage(const std::string& name) {
    for (const auto& c : command_helps)
        if (name == c.name) return c.text;
    return nullptr;
}

struct usage_error {
    std::string message;
};

struct args {
    std::string command;
    std::vector<std::string> positional;
    std::vector<seloste::lang> langs;
    std::vector<std::string> themes;
    std::string out_dir;
    std::string format = "text";
    std::string sign_key, public_key, base_url, history_dir, target = "site";
    bool fragment = false, strict = false, allow_incomplete = false, spelling = true, help = false;
    int heading_base = 0;
    seloste::lang message_lang = seloste::lang::en;
};

// The language of printed findings when --message-lang is not given: the locale's
// (the first set of LC_ALL, LC_MESSAGES and LANG, as POSIX reads them), else English.
seloste::lang message_lang_from_locale() {
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* v = std::getenv(name);
        if (!v || !*v) continue;
        const std::string_view s(v);
        const auto is = [&](std::string_view code) {
            return s.starts_with(code) && (s.size() == 2 || s[2] == '_' || s[2] == '.' || s[2] == '@');
        };
        return is("fi") ? seloste::lang::fi : is("sv") ? seloste::lang::sv : seloste::lang::en;
    }
    return seloste::lang::en;
}

std::vector<seloste::lang> parse_langs(const std::string& s) {
    if (s == "all") return {seloste::all_langs.begin(), seloste::all_langs.end()};
    std::vector<seloste::lang> out;
    size_t pos = 0;
    while (pos <= s.size()) {
        size_t end = s.find(',', pos);
        if (end == std::string::npos) end = s.size();
        const std::string code = s.substr(pos, end - pos);
        auto l = seloste::parse_lang(code);
        if (!l)
            throw usage_error{"unknown language \"" + code + "\"; expected fi, sv, en, a comma-separated list or all"};
        if (std::find(out.begin(), out.end(), *l) == out.end()) out.push_back(*l);
        pos = end + 1;
    }
    return out;
}

args parse(int argc, char** argv) {
    args a;
    a.message_lang = message_lang_from_locale();
    if (argc < 2) throw usage_error{"no command given"};
    a.command = argv[1];
    for (int i = 2; i < argc; ++i) {
        const std::string s = argv[i];
        auto value = [&](const char* name) -> std::string {
            if (i + 1 >= argc) throw usage_error{std::string(name) + " needs a value"};
            return argv[++i];
        };
        if (s == "-h" || s == "--help")
            a.help = true;
        else if (s == "--lang")
            a.langs = parse_langs(value("--lang"));
        else if (s.starts_with("--lang="))
            a.langs = parse_langs(s.substr(7));
        else if (s == "--theme")
            a.themes.push_back(value("--theme"));
        else if (s == "-o" || s == "--out")
            a.out_dir = value("-o");
        else if (s == "--format")
            a.format = value("--format");
        else if (s == "--message-lang" || s.starts_with("--message-lang=")) {
            const std::string v = s == "--message-lang" ? value("--message-lang") : s.substr(15);
            const auto l = seloste::parse_lang(v);
            if (!l) throw usage_error{"--message-lang takes fi, sv or en, not \"" + v + "\""};
            a.message_lang = *l;
        } else if (s == "--fragment")
            a.fragment = true;
        else if (s == "--strict")
            a.strict = true;
        else if (s == "--allow-incomplete")
            a.allow_incomplete = true;
        else if (s == "--no-spelling")
            a.spelling = false;
        else if (s == "--sign")
            a.sign_key = value("--sign");
        else if (s == "--public-key")
            a.public_key = value("--public-key");
        else if (s == "--base-url")
            a.base_url = value("--base-url");
        else if (s == "--history")
            a.history_dir = value("--history");
        else if (s == "--for")
            a.target = value("--for");
        else if (s == "--heading-base") {
            const std::string v = value("--heading-base");
            if (v.size() != 1 || v[0] < '1' || v[0] > '4') throw usage_error{"--heading-base takes 1 to 4"};
            a.heading_base = v[0] - '0';
        } else if (s.starts_with("-") && s != "-")
            throw usage_error{"unknown option " + s};
        else
            a.positional.push_back(s);
    }
    if (a.help) return a;
    if (a.command == "export") {
        if (a.format != "jsonld") throw usage_error{"export takes --format jsonld"};
    } else if (a.format != "text" && a.format != "json") {
        throw usage_error{"--format takes text or json"};
    }
    if (a.target != "site" && a.target != "hugo") throw usage_error{"--for takes site or hugo"};
    return a;
}

void print_findings(const std::vector<seloste::finding>& fs, seloste::lang l) {
    for (const auto& f : fs) std::cerr << seloste::format_finding(f, l) << '\n';
}

// `render`, and `export` (the same request with format jsonld: the same gate and the same writes).
int cmd_render(const args& a, seloste::output_format format = seloste::output_format::html) {
    const bool pages = format == seloste::output_format::html;
    const char* verb = pages ? "render" : "export";
    if (a.positional.empty()) throw usage_error{std::string(verb) + " needs at least one SOURCE"};
    if (a.themes.size() > 1) throw usage_error{"render takes one --theme"};
    if (!pages && (!a.themes.empty() || a.fragment || a.heading_base))
        throw usage_error{"export takes no --theme, --fragment or --heading-base"};
    seloste::render_request req;
    req.format = format;
    req.sources = a.positional;
    if (!pages) req.langs.assign(seloste::all_langs.begin(), seloste::all_langs.end());
    if (!a.langs.empty()) req.langs = a.langs;
    if (!a.themes.empty()) req.theme = a.themes.front();
    req.fragment = a.fragment;
    req.heading_base = a.heading_base;
    req.out_dir = a.out_dir.empty() ? "." : a.out_dir;
    req.allow_incomplete = a.allow_incomplete;
    req.checks.langs = req.langs;
    req.checks.spelling = false;                  // spelling is for `check`; render gates on errors only
    req.checks.least = seloste::severity::error;  // and shows nothing else
    const auto out = seloste::render_to_directory(req);
    std::vector<seloste::finding> errors;
    for (const auto& f : out.findings)
        if (f.level == seloste::severity::error) errors.push_back(f);
    print_findings(errors, a.message_lang);
    for (const auto& id : out.refused)
        std::cerr << "seloste: refused to " << verb << " " << id
                  << ": the checks found errors (fix them, or pass --allow-incomplete to publish anyway)\n";
    if (a.allow_incomplete && !errors.empty())
        std::cerr << "seloste: warning: " << (pages ? "rendered" : "exported") << " despite " << errors.size()
                  << " error(s) because of --allow-incomplete; the pages lack what the errors name\n";
    for (const auto& w : out.written) std::cout << w.path << '\n';
    return out.refused.empty() ? exit_ok : exit_source;
}

int cmd_export(const args& a) {
    return cmd_render(a, seloste::output_format::jsonld);
}

int cmd_check(const args& a) {
    if (a.positional.empty()) throw usage_error{"check needs at least one SOURCE"};
    seloste::check_options opts;
    if (!a.langs.empty()) opts.langs = a.langs;
    opts.spelling = a.spelling;
    std::vector<seloste::finding> all;
    for (const auto& p : a.positional) {
        auto fs = seloste::check_file(p, opts);
        all.insert(all.end(), fs.begin(), fs.end());
    }
    if (a.format == "json")
        std::cout << seloste::findings_to_json(all);
    else {
        for (const auto& f : all) std::cout << seloste::format_finding(f, a.message_lang) << '\n';
        size_t e = 0, w = 0;
        for (const auto& f : all) {
            if (f.level == seloste::severity::error) ++e;
            if (f.level == seloste::severity::warning) ++w;
        }
        const size_t n = a.positional.size();
        switch (a.message_lang) {
            case seloste::lang::fi:
                std::cerr << "lähteitä: " << n << ", virheitä: " << e << ", varoituksia: " << w << '\n';
                break;
            case seloste::lang::sv:
                std::cerr << "källor: " << n << ", fel: " << e << ", varningar: " << w << '\n';
                break;
            case seloste::lang::en:
                std::cerr << n << " source(s): " << e << " error(s), " << w << " warning(s)\n";
                break;
        }
    }
    return seloste::has_errors(all, a.strict) ? exit_source : exit_ok;
}

int cmd_build(const args& a) {
    if (a.positional.empty()) throw usage_error{"build needs at least one SOURCE"};
    if (a.out_dir.empty()) throw usage_error{"build needs -o DIR"};
    seloste::build_request req;
    req.sources = a.positional;
    if (!a.langs.empty()) req.langs = a.langs;
    if (!a.themes.empty()) req.themes = a.themes;
    req.out_dir = a.target == "hugo" ? a.out_dir + "/assets/seloste" : a.out_dir;
    req.sign_key = a.sign_key;
    req.base_url = a.base_url;
    req.history_dir = a.history_dir;
    req.allow_incomplete = a.allow_incomplete;
    req.checks.langs = req.langs;
    req.checks.spelling = false;
    const auto out = seloste::build_site(req);
    std::vector<seloste::finding> errors;
    for (const auto& f : out.findings)
        if (f.level == seloste::severity::error) errors.push_back(f);
    print_findings(errors, a.message_lang);
    if (out.refused) {
        std::cerr << "seloste: build refused: the checks found errors; the previous site is untouched "
                     "(fix them, or pass --allow-incomplete)\n";
        return exit_source;
    }
    if (!errors.empty()) std::cerr << "seloste: warning: built despite errors because of --allow-incomplete\n";
    for (const auto& w : out.warnings) std::cerr << seloste::escape_for_terminal(w) << '\n';
    std::cout << (out.changed ? "built " : "unchanged ") << out.out_dir << ": " << out.pages << " notice page(s), "
              << out.versions << " earlier version(s), " << out.files << " file(s)"
              << (a.sign_key.empty() ? "" : ", signed") << '\n';
    return exit_ok;
}

int cmd_keygen(const args& a) {
    if (a.positional.size() != 1) throw usage_error{"keygen needs exactly one KEYFILE"};
    seloste::generate_keypair(a.positional.front());
    std::cout << a.positional.front() << '\n' << a.positional.front() << ".pub\n";
    return exit_ok;
}

int cmd_verify(const args& a) {
    if (a.positional.size() != 1) throw usage_error{"verify needs exactly one DIR"};
    const auto problems = seloste::verify_bundle(a.positional.front(), a.public_key);
    const std::string dir = a.positional.front();
    for (const auto& p : problems) {
        // "PATH:LINE:COL: message" names a file of the bundle: print it as DIR/PATH:LINE:COL: error: message.
        const size_t c1 = p.find(':'), c2 = c1 == std::string::npos ? c1 : p.find(':', c1 + 1),
                     c3 = c2 == std::string::npos ? c2 : p.find(':', c2 + 1);
        const auto digits = [&](size_t from, size_t to) {
            return to > from &&
                   std::all_of(p.begin() + from, p.begin() + to, [](char ch) { return ch >= '0' && ch <= '9'; });
        };
        if (c3 != std::string::npos && c1 > 0 && p.find(' ') > c1 && digits(c1 + 1, c2) && digits(c2 + 1, c3)) {
            std::string base = dir;
            while (base.size() > 1 && base.back() == '/') base.pop_back();
            std::cerr << seloste::escape_for_terminal(base + "/" + p.substr(0, c3) + ": error:" + p.substr(c3 + 1))
                      << '\n';
        } else {
            std::cerr << seloste::escape_for_terminal(dir + ": error: " + p) << '\n';
        }
    }
    if (problems.empty()) std::cout << a.positional.front() << ": ok\n";
    return problems.empty() ? exit_ok : exit_source;
}

int cmd_themes() {
    for (const auto& t : seloste::list_themes())
        std::cout << t.name << "\t" << t.origin << (t.extends.empty() ? "" : ", extends " + t.extends) << "\t"
                  << t.description << '\n';
    return exit_ok;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        if (argc >= 3 && std::strcmp(argv[1], "help") == 0) {
            const char* text = command_usage(argv[2]);
            if (!text) throw usage_error{"no help for unknown command \"" + std::string(argv[2]) + "\""};
            std::cout << text;
            return exit_ok;
        }
        if (argc >= 2 && (std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0 ||
                          std::strcmp(argv[1], "help") == 0)) {
            std::cout << usage_text;
            return exit_ok;
        }
        if (argc >= 2 && std::strcmp(argv[1], "--version") == 0) {
            std::cout << "seloste " << seloste::version << '\n';
            return exit_ok;
        }
        if (argc >= 2 && std::strcmp(argv[1], "diff") == 0)
            return seloste_cli::cmd_diff(argc, argv, command_usage("diff"));
        const args a = parse(argc, argv);
        if (a.help) {
            const char* text = command_usage(a.command);
            if (!text) throw usage_error{"unknown command \"" + a.command + "\""};
            std::cout << text;
            return exit_ok;
        }
        if (a.command == "render") return cmd_render(a);
        if (a.command == "export") return cmd_export(a);
        if (a.command == "check") return cmd_check(a);
        if (a.command == "build") return cmd_build(a);
        if (a.command == "keygen") return cmd_keygen(a);
        if (a.command == "verify") return cmd_verify(a);
        if (a.command == "themes") return cmd_themes();
        throw usage_error{"unknown command \"" + a.command + "\""};
    } catch (const usage_error& e) {
        std::cerr << "seloste: " << e.message << "\nTry 'seloste --help'.\n";
        return exit_usage;
    } catch (const seloste::source_error& e) {
        std::cerr << e.what() << '\n';
        std::cerr << "seloste: nothing was written; fix the source and run again\n";
        return exit_source;
    } catch (const seloste::error& e) {
        std::cerr << "seloste: " << e.what() << '\n';
        return exit_failure;
    } catch (const std::exception& e) {
        std::cerr << "seloste: " << e.what() << '\n';
        return exit_failure;
    }
}
