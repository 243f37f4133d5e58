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
    std::string rule;         // stable id, e.g. "gdpr.13.2.a.retention"
    severity level = severity::error;
    std::string article;      // e.g. "13(2)(a)"; empty where no article applies
    std::string message_fi;   // what is wrong, where, and what to write instead
    std::string message_sv;
    std::string message_en;
    source_location where;
    std::string register_id;  // empty for findings about the whole source
};

struct check_options {
    std::vector<lang> langs{lang::fi};  // languages whose texts must exist and are spell-checked
    bool spelling = true;
    std::optional<date> today;          // "not in the future" is judged against this; default: the clock
};

std::vector<finding> check(const source_doc& doc, const check_options& opts = {});

// The findings of one register only.
std::vector<finding> check_register(const source_doc& doc, const register_& reg, const check_options& opts = {});

// "file:line:col: error: message [rule]" in the given language (fi or en; sv falls back to en).
std::string format_finding(const finding& f, lang l = lang::en);

// The stable JSON form documented in docs/check-json.md.
std::string findings_to_json(const std::vector<finding>& findings);

bool has_errors(const std::vector<finding>& findings, bool strict = false);

}  // namespace seloste
