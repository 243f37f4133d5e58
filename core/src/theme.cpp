// Themes: built-in (embedded from themes/) or a folder; partials expanded once at
// load time, templates parsed once and cached in the theme object.
#include <bit>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "embedded.hpp"
#include "seloste/errors.hpp"
#include "theme_impl.hpp"

namespace seloste {

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

// One layer of a theme: a built-in folder under themes/ or a folder on disk.
struct layer {
    std::string name;
    std::string origin;
    bool builtin = false;
    fs::path dir;
    json manifest;

    std::optional<std::string> file(const std::string& rel) const {
        if (builtin) {
            auto f = detail::embedded_file("themes/" + name + "/" + rel);
            if (!f) return std::nullopt;
            return std::string(*f);
        }
        std::ifstream in(dir / rel, std::ios::binary);
        if (!in) return std::nullopt;
        std::ostringstream s;
        s << in.rdbuf();
        return s.str();
    }
};

layer load_layer(const std::string& name_or_dir) {
    layer l;
    const bool looks_like_dir = name_or_dir.find('/') != std::string::npos || name_or_dir.starts_with(".");
    if (!looks_like_dir && detail::embedded_file("themes/" + name_or_dir + "/theme.json")) {
        l.builtin = true;
        l.name = name_or_dir;
        l.origin = "built-in";
    } else if (fs::is_regular_file(fs::path(name_or_dir) / "theme.json")) {
        l.dir = fs::path(name_or_dir);
        l.origin = fs::absolute(l.dir).lexically_normal().string();
    } else {
        std::string known;
        for (const auto& t : list_themes()) known += (known.empty() ? "" : ", ") + t.name;
        throw template_error("no theme \"" + name_or_dir + "\"; expected a built-in theme (" + known +
                             ") or a folder that holds theme.json");
    }
    const auto text = l.file("theme.json");
    const std::string where = l.builtin ? "themes/" + l.name + "/theme.json" : (l.dir / "theme.json").string();
    try {
        l.manifest = json::parse(*text);
    } catch (const json::parse_error& e) {
        throw template_error(where + ": error: theme.json is not valid JSON (" + e.what() + ")", {where, 1, 1});
    }
    if (!l.manifest.is_object() || !l.manifest.contains("name") || !l.manifest["name"].is_string())
        throw template_error(where + ": error: theme.json lacks \"name\"; expected {\"name\": \"…\", …}",
                             {where, 1, 1});
    if (!l.builtin) l.name = l.manifest["name"].get<std::string>();
    return l;
}

// Replaces {{> name}} with partials/name.mustache, looked up through the layers.
std::string expand_partials(const std::string& text, const std::vector<layer>& layers, std::vector<std::string>& stack,
                            const std::string& where) {
    std::string out;
    size_t pos = 0;
    while (true) {
        const size_t open = text.find("{{>", pos);
        if (open == std::string::npos) break;
        const size_t close = text.find("}}", open);
        if (close == std::string::npos)
            throw template_error(where + ": error: an unclosed partial tag; expected {{> name}}", {where, 0, 0});
        out.append(text, pos, open - pos);
        std::string name = text.substr(open + 3, close - open - 3);
        name.erase(0, name.find_first_not_of(" \t"));
        name.erase(name.find_last_not_of(" \t") + 1);
        if (std::find(stack.begin(), stack.end(), name) != stack.end())
            throw template_error(where + ": error: the partial \"" + name + "\" includes itself", {where, 0, 0});
        std::optional<std::string> body;
        for (const auto& l : layers)
            if ((body = l.file("partials/" + name + ".mustache"))) break;
        if (!body)
            throw template_error(where + ": error: no partial \"" + name + "\"; expected partials/" + name +
                                     ".mustache in the theme or the theme it extends",
                                 {where, 0, 0});
        // The tag's own line ends the partial: drop the file's final newline so
        // partials can be used inside a line.
        if (body->ends_with("\n")) body->pop_back();
        stack.push_back(name);
        out += expand_partials(*body, layers, stack, "partials/" + name + ".mustache");
        stack.pop_back();
        pos = close + 2;
    }
    out.append(text, pos);
    return out;
}

}  // namespace

// HTML escape for every {{variable}}: & < > " ' become entities. Appends runs
// of safe bytes at once instead of one character at a time.
namespace {

constexpr bool needs_escape(char c) {
    return c == '&' || c == '<' || c == '>' || c == '"' || c == '\'';
}

// The first byte at or after `i` that needs escaping, or `n`. Sixteen bytes at a
// time where SSE2 is there (every x86-64).
size_t next_special(const char* s, size_t i, size_t n) {
#if defined(__SSE2__)
    const __m128i amp = _mm_set1_epi8('&'), lt = _mm_set1_epi8('<'), gt = _mm_set1_epi8('>'), quot = _mm_set1_epi8('"'),
                  apos = _mm_set1_epi8('\'');
    for (; i + 16 <= n; i += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
        const __m128i hit = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(v, amp), _mm_cmpeq_epi8(v, lt)),
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, gt), _mm_cmpeq_epi8(v, quot)), _mm_cmpeq_epi8(v, apos)));
        if (const int mask = _mm_movemask_epi8(hit))
            return i + static_cast<size_t>(std::countr_zero(static_cast<unsigned>(mask)));
    }
#endif
    while (i < n && !needs_escape(s[i])) ++i;
    return i;
}

}  // namespace

std::string escape_html(const std::string& s) {
    const size_t n = s.size();
    size_t i = next_special(s.data(), 0, n);
    if (i == n) return s;
    std::string out;
    out.reserve(n + n / 8 + 16);
    out.append(s, 0, i);
    while (i < n) {
        switch (s[i]) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += "&#39;"; break;  // '
        }
        const size_t next = next_special(s.data(), i + 1, n);
        out.append(s, i + 1, next - i - 1);
        i = next;
    }
    return out;
}

theme load_theme(const std::string& name_or_dir) {
    std::vector<layer> layers;
    std::set<std::string> seen;
    layers.push_back(load_layer(name_or_dir));
    while (layers.back().manifest.contains("extends") && layers.back().manifest["extends"].is_string()) {
        const std::string parent = layers.back().manifest["extends"].get<std::string>();
        if (!seen.insert(parent).second || layers.size() > 8)
            throw template_error("theme \"" + layers.front().name + "\" extends itself through \"" + parent + "\"");
        layers.push_back(load_layer(parent));
    }
    auto p = std::make_shared<theme::impl>();
    p->name = layers.front().name;
    p->origin = layers.front().origin;
    std::string css_file = "seloste.css";
    for (const auto& l : layers)
        if (l.manifest.contains("stylesheet") && l.manifest["stylesheet"].is_string()) {
            css_file = l.manifest["stylesheet"].get<std::string>();
            break;
        }
    // "stylesheet_base": "inherit" puts the parent theme's stylesheet first and
    // the theme's own file after it, so an extending theme holds only its own rules.
    for (size_t i = 0; i < layers.size(); ++i) {
        const auto css = layers[i].file(css_file);
        if (!css) continue;
        p->stylesheet = *css;
        const auto& m = layers[i].manifest;
        if (i + 1 < layers.size() && m.contains("stylesheet_base") && m["stylesheet_base"] == "inherit") {
            std::string parent;
            for (size_t j = i + 1; j < layers.size() && parent.empty(); ++j)
                if (auto pc = layers[j].file(css_file)) parent = *pc;
            p->stylesheet = parent + "\n" + *css;
        }
        break;
    }
    p->stylesheet_name = "seloste-" + p->name + ".css";
    for (auto it = layers.rbegin(); it != layers.rend(); ++it) {
        if (!it->manifest.contains("strings") || !it->manifest["strings"].is_object()) continue;
        for (const auto& [key, by_lang] : it->manifest["strings"].items()) {
            if (!by_lang.is_object()) continue;
            std::array<std::string, 3> texts;
            for (lang l : all_langs) {
                const std::string code(lang_code(l));
                if (by_lang.contains(code) && by_lang[code].is_string())
                    texts[static_cast<size_t>(l)] = by_lang[code].get<std::string>();
            }
            p->strings[key] = texts;
        }
    }
    for (const char* kind : {"page", "fragment", "index"}) {
        const std::string file = std::string(kind) + ".mustache";
        std::optional<std::string> text;
        for (const auto& l : layers)
            if ((text = l.file(file))) break;
        if (!text)
            throw template_error("theme \"" + p->name + "\" has no " + file +
                                 "; expected it in the theme or the theme it extends");
        std::vector<std::string> stack;
        const std::string k(kind);
        (k == "page"       ? p->page
         : k == "fragment" ? p->fragment
                           : p->index)
            .set(expand_partials(*text, layers, stack, file), "theme \"" + p->name + "\": " + file);
    }
    // A theme folder is the user's own work: report a broken template now, not at
    // the first page. The built-in themes are parsed by the tests of every build.
    if (!layers.front().builtin) {
        p->page.get();
        p->fragment.get();
        p->index.get();
    }
    return theme(std::move(p));
}

kainjow::mustache::mustache& lazy_template::get() const {
    std::call_once(once_, [this] {
        auto m = std::make_unique<kainjow::mustache::mustache>(text_);
        if (m->is_valid()) m->set_custom_escape(escape_html);
        parsed_ = std::move(m);
    });
    if (!parsed_->is_valid()) throw template_error(label_ + ": error: " + parsed_->error_message());
    return *parsed_;
}

std::vector<theme_info> list_themes() {
    std::vector<theme_info> out;
    for (auto path : detail::embedded_paths("themes/")) {
        if (!path.ends_with("/theme.json")) continue;
        const auto rest = path.substr(7);
        if (rest.find('/') != rest.rfind('/')) continue;  // only themes/NAME/theme.json
        const auto j = json::parse(*detail::embedded_file(path));
        theme_info t;
        t.name = std::string(rest.substr(0, rest.find('/')));
        t.origin = "built-in";
        if (j.contains("description")) {
            const auto& d = j["description"];
            t.description = d.is_object() && d.contains("en") ? d["en"].get<std::string>()
                            : d.is_string()                   ? d.get<std::string>()
                                                              : "";
        }
        if (j.contains("extends") && j["extends"].is_string()) t.extends = j["extends"].get<std::string>();
        out.push_back(std::move(t));
    }
    return out;
}

const std::string& theme::name() const {
    return p_->name;
}
const std::string& theme::stylesheet() const {
    return p_->stylesheet;
}
const std::string& theme::stylesheet_name() const {
    return p_->stylesheet_name;
}

}  // namespace seloste
