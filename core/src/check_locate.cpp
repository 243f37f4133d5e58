// Where a finding stands in its source file (check_support.hpp): locate_in_text and
// occurrences_before, with the file's text and line starts kept between calls.
#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <sstream>

#include "check_support.hpp"
#include "source_scan.hpp"

namespace seloste::detail {

namespace {

// A source file as the locations need it: its text and where each line starts.
struct located_file {
    std::string text;
    std::vector<size_t> line_starts;  // byte offset of line 1, 2, ...
    // The last needle looked for, and where it stands in the text [from, to): the
    // findings of one text ask for the same needle again and again.
    size_t from = 0, to = 0;
    std::string needle;
    std::vector<size_t> found;
    // A point on a line whose column is known: columns are counted on from it, so the
    // findings of one long line cost that line once, not once each.
    size_t mark_line = 0, mark_byte = 0;
    int mark_col = 1;
};

// The files of the outermost location_scope of this thread; depth 0: none is kept.
struct scoped_files {
    int depth = 0;
    std::map<std::string, std::shared_ptr<located_file>> files;
};
thread_local scoped_files scoped;

std::shared_ptr<located_file> file_for(const std::string& path) {
    if (scoped.depth > 0) {
        auto it = scoped.files.find(path);
        if (it != scoped.files.end()) return it->second;
    }
    std::shared_ptr<located_file> f;
    std::ifstream in(path, std::ios::binary);
    if (in) {
        std::ostringstream ss;
        ss << in.rdbuf();
        f = std::make_shared<located_file>();
        f->text = ss.str();
        // Lines as the reader counts them: CR and CRLF end a line too.
        if (std::string lf = reading::normalise_line_ends(f->text); !lf.empty()) f->text = std::move(lf);
        f->line_starts.push_back(0);
        for (size_t i = 0; i < f->text.size(); ++i)
            if (f->text[i] == '\n') f->line_starts.push_back(i + 1);
    }
    if (scoped.depth > 0) scoped.files.emplace(path, f);
    return f;
}

bool continuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// The byte offset of `column` (code points, 1-based) on the line starting at byte `line`.
size_t byte_of_column(located_file& f, size_t line, int column) {
    size_t pos = line;
    int col = 1;
    if (f.mark_line == line && f.mark_col <= column) {
        pos = f.mark_byte;
        col = f.mark_col;
    }
    const std::string& t = f.text;
    while (col < column && pos < t.size() && t[pos] != '\n') {
        ++pos;
        if (pos >= t.size() || !continuation(t[pos])) ++col;
    }
    f.mark_line = line;
    f.mark_byte = pos;
    f.mark_col = col;
    return pos;
}

// The column (code points, 1-based) of byte `pos` on the line starting at byte `line`.
int column_of(located_file& f, size_t line, size_t pos) {
    size_t i = line;
    int col = 1;
    if (f.mark_line == line && f.mark_byte <= pos) {
        i = f.mark_byte;
        col = f.mark_col;
    }
    for (; i < pos; ++i)
        if (!continuation(f.text[i])) ++col;
    // A mark only at a character's start.
    if (pos >= f.text.size() || !continuation(f.text[pos])) {
        f.mark_line = line;
        f.mark_byte = pos;
        f.mark_col = col;
    }
    return col;
}

}  // namespace

location_scope::location_scope() {
    ++scoped.depth;
}

location_scope::~location_scope() {
    if (--scoped.depth == 0) scoped.files.clear();
}

size_t occurrences_before(const std::string& s, std::string_view needle, size_t end) {
    if (needle.empty()) return 0;
    size_t n = 0, pos = 0;
    while ((pos = s.find(needle, pos)) != std::string::npos && pos < end) {
        ++n;
        pos += needle.size();
    }
    return n;
}

source_location locate_in_text(const source_location& element_at, std::optional<lang> l, std::string_view needle,
                               size_t occurrence) {
    if (element_at.file.empty() || element_at.line < 1 || needle.empty()) return element_at;
    const auto file = file_for(element_at.file);
    if (!file) return element_at;
    located_file& f = *file;  // this thread's own
    const std::string& t = f.text;
    // Offset of the element: line start, then column (code points).
    if (static_cast<size_t>(element_at.line) > f.line_starts.size()) return element_at;
    const size_t element_line = f.line_starts[static_cast<size_t>(element_at.line) - 1];
    size_t pos = byte_of_column(f, element_line, element_at.column);
    // The end of the element's start tag, then the language child's.
    pos = t.find('>', pos);
    if (pos == std::string::npos) return element_at;
    ++pos;
    if (l) {
        const std::string open = "<" + std::string(lang_code(*l)) + ">";
        const auto child = t.find(open, pos);
        if (child == std::string::npos) return element_at;
        pos = child + open.size();
    }
    size_t end = f.to;  // text never holds elements: the next '<' ends it
    if (f.from != pos) {
        end = t.find('<', pos);
        if (end == std::string::npos) end = t.size();
    }
    if (f.from != pos || f.to != end || f.needle != needle) {
        f.from = pos;
        f.to = end;
        f.needle = std::string(needle);
        f.found.clear();
        for (size_t at = pos; (at = t.find(needle, at)) != std::string::npos && at < end; at += needle.size())
            f.found.push_back(at);
    }
    if (occurrence >= f.found.size()) return element_at;
    const size_t found = f.found[occurrence];
    const auto line_it = std::upper_bound(f.line_starts.begin(), f.line_starts.end(), found);
    source_location at = element_at;
    at.line = static_cast<int>(line_it - f.line_starts.begin());
    at.column = column_of(f, *std::prev(line_it), found);
    return at;
}

}  // namespace seloste::detail
