// Hard failures: typed exceptions under one base class, each with a location
// where it has one. Problems in a register's *content* are findings (check.hpp).
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "seloste/model.hpp"

namespace seloste {

struct diagnostic {
    // What kind of problem: broken XML, a breach of the format, a reference to
    // nothing, a date that is not a real date.
    enum class kind { xml, format, reference, date };

    source_location where;
    std::string message;  // what is wrong and what is expected
    kind what = kind::format;
};

// "file:line:col: error: message", one line, escaped with escape_for_terminal.
std::string format_diagnostic(const diagnostic& d);

// `s` made safe to print on a terminal, on one line: control characters (C0 including
// tab and newline, DEL, C1), bidi and zero-width controls, line and paragraph separators
// become visible escapes ("\x1b", "\n", "\u{202e}"), bytes that are not UTF-8 "\xff".
// Every other character is kept. Diagnostics and findings are formatted this way; JSON
// output keeps the real strings.
std::string escape_for_terminal(std::string_view s);

class error : public std::runtime_error {
   public:
    explicit error(const std::string& what, source_location where = {})
        : std::runtime_error(what), where_(std::move(where)) {}
    const source_location& where() const noexcept { return where_; }

   private:
    source_location where_;
};

// The file cannot be read or written.
class io_error : public error {
   public:
    using error::error;
};

// The source is malformed or breaks the format (docs/source-format.md). Carries
// every problem found, in file order.
class source_error : public error {
   public:
    explicit source_error(std::vector<diagnostic> diags);
    const std::vector<diagnostic>& diagnostics() const noexcept { return diags_; }

   private:
    std::vector<diagnostic> diags_;
};

// A theme's template is broken, or a theme cannot be found.
class template_error : public error {
   public:
    using error::error;
};

// ICU failed (missing locale data, bad message pattern).
class icu_error : public error {
   public:
    using error::error;
};

}  // namespace seloste
