// Checks: the completeness and correctness gate run before anything is published.
//
// Problems in a register's content are *findings*, returned as a list, never thrown.
//
//   auto doc = seloste::read_source("examples/seinajoki.xml");
//   for (const auto& f : seloste::check(doc, {})) std::cout << seloste::format_finding(f) << '\n';
#pragma once

#include <string>
#include <vector>

#include "seloste/model.hpp"

namespace seloste {

enum class severity { error, warning, info };
std::string_view severity_code(severity s);  // "error", "warning", "info"

struct finding {
    std::string rule;  // stable id, e.g. "gdpr.13.2.a.retention"
    severity level = severity::error;
    std::string article;     // e.g. "13(2)(a)"; empty where no article applies
    std::string message_fi;  // what is wrong, where, and what to write instead
    std::string message_sv;
    std::string message_en;
    source_location where;
    std::string register_id;  // empty for findings about the whole source
    std::string kind;         // the variant of the rule, e.g. "joint-no-arrangement" (core/data/checks.json)
};

struct check_options {
    std::vector<lang> langs{lang::fi};  // languages whose texts must exist and are spell-checked
    bool spelling = true;
    std::optional<date> today;  // "not in the future" is judged against this; default: the clock
    // Findings less severe than this are neither looked for nor returned:
    // severity::error suits a gate that acts on errors only (`seloste render`).
    severity least = severity::info;
};

std::vector<finding> check(const source_doc& doc, const check_options& opts = {});

// The findings of one register only.
std::vector<finding> check_register(const source_doc& doc, const register_& reg, const check_options& opts = {});

// "file:line:col: error: message [rule]" with the message in the given language (fi, sv or en;
// English where the finding has no message in that language).
std::string format_finding(const finding& f, lang l = lang::en);

// The stable JSON form documented in docs/check-json.md.
std::string findings_to_json(const std::vector<finding>& findings);

bool has_errors(const std::vector<finding>& findings, bool strict = false);

struct read_result;  // seloste/source.hpp

// The findings of a leniently read source: the reader's diagnostics as findings (rule
// `source.xml` when the XML is broken, `fact.date` for a date that does not exist,
// `source.invalid` otherwise), then the checks of everything that could be read.
std::vector<finding> check(const read_result& source, const check_options& opts = {});

// read_source_lenient(path), then check() of the result. Throws io_error when the file cannot be read.
std::vector<finding> check_file(const std::string& path, const check_options& opts = {});

}  // namespace seloste
