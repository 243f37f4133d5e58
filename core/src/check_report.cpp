// What the checks hand out: severity codes, the findings of a leniently read source,
// and findings as text and JSON (docs/checks.md, docs/check-json.md).
#include <algorithm>
#include <nlohmann/json.hpp>

#include "check_model.hpp"
#include "check_support.hpp"
#include "seloste/check.hpp"
#include "seloste/source.hpp"

namespace seloste {

using detail::make_finding;

std::string_view severity_code(severity s) {
    switch (s) {
        case severity::error: return "error";
        case severity::warning: return "warning";
        case severity::info: return "info";
    }
    return "error";
}

std::vector<finding> check(const read_result& source, const check_options& opts) {
    std::vector<finding> out;
    if (source.well_formed) out = check(source.doc, opts);
    for (const auto& d : source.diagnostics) {
        if (!source.well_formed) {
            out.push_back(make_finding("source.xml", "reader", d.where, "", {{"message", d.message}}));
            continue;
        }
        // The checks already report some of the reader's complaints at the same place (a purpose
        // without basis, a register without controller): keep one finding there.
        const bool covered = std::any_of(out.begin(), out.end(), [&](const finding& f) {
            return f.where.file == d.where.file && f.where.line == d.where.line && f.where.column == d.where.column &&
                   f.level == severity::error && !f.rule.starts_with("source.") &&
                   d.message.find("lacks") != std::string::npos &&
                   (f.rule.starts_with("gdpr.13.1.c") || f.rule.starts_with("gdpr.13.1.a"));
        });
        if (covered) continue;
        // The register a diagnostic sits in, by position.
        std::string reg;
        for (const auto& r : source.doc.registers)
            if (r.where.file == d.where.file && r.where.line <= d.where.line) reg = r.id;
        if (d.what == diagnostic::kind::date)
            out.push_back(make_finding("fact.date", "reader", d.where, reg, {{"message", d.message}}));
        else
            out.push_back(make_finding("source.invalid", "reader", d.where, reg, {{"message", d.message}}));
    }
    detail::sort_findings(out);
    return out;
}

std::vector<finding> check_file(const std::string& path, const check_options& opts) {
    return check(read_source_lenient(path), opts);
}

std::string format_finding(const finding& f, lang l) {
    std::string out;
    if (!f.where.file.empty()) {
        out += f.where.file;
        if (f.where.line > 0) out += ":" + std::to_string(f.where.line) + ":" + std::to_string(f.where.column);
        out += ": ";
    }
    out += severity_code(f.level);
    out += ": ";
    // The message in the language asked for; English where a finding has none in it.
    const std::string& m = l == lang::fi ? f.message_fi : l == lang::sv ? f.message_sv : f.message_en;
    out += m.empty() ? f.message_en : m;
    out += " [" + f.rule + "]";
    return escape_for_terminal(out);
}

std::string findings_to_json(const std::vector<finding>& findings) {
    using ojson = nlohmann::ordered_json;
    ojson list = ojson::array();
    int errors = 0, warnings = 0, infos = 0;
    for (const auto& f : findings) {
        ojson j;
        j["rule"] = f.rule;
        j["severity"] = severity_code(f.level);
        j["article"] = f.article.empty() ? ojson(nullptr) : ojson(f.article);
        j["register"] = f.register_id.empty() ? ojson(nullptr) : ojson(f.register_id);
        j["file"] = f.where.file.empty() ? ojson(nullptr) : ojson(f.where.file);
        j["line"] = f.where.line;
        j["column"] = f.where.column;
        j["message"] = {{"fi", f.message_fi}, {"sv", f.message_sv}, {"en", f.message_en}};
        j["kind"] = f.kind.empty() ? ojson(nullptr) : ojson(f.kind);
        list.push_back(std::move(j));
        switch (f.level) {
            case severity::error: ++errors; break;
            case severity::warning: ++warnings; break;
            case severity::info: ++infos; break;
        }
    }
    ojson out;
    out["format"] = "seloste-findings";
    out["version"] = 1;
    out["findings"] = std::move(list);
    out["summary"] = {{"errors", errors}, {"warnings", warnings}, {"info", infos}};
    return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

bool has_errors(const std::vector<finding>& findings, bool strict) {
    return std::any_of(findings.begin(), findings.end(), [&](const finding& f) {
        return f.level == severity::error || (strict && f.level == severity::warning);
    });
}

}  // namespace seloste
