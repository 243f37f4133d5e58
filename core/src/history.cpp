// The published versions of each notice (history.hpp, docs/history.md).
#include "history.hpp"

#include <algorithm>

#include "bundle_io.hpp"
#include "seloste/diff.hpp"
#include "seloste/errors.hpp"
#include "seloste/i18n.hpp"
#include "seloste/render.hpp"
#include "seloste/source.hpp"
#include "seloste/writer.hpp"
#include "theme_impl.hpp"

namespace seloste::detail {

namespace fs = std::filesystem;

namespace {

bool is_snapshot_name(const std::string& n) {
    if (n.size() != 14 || !n.ends_with(".xml")) return false;
    for (size_t i = 0; i < 10; ++i)
        if ((i == 4 || i == 7) ? n[i] != '-' : (n[i] < '0' || n[i] > '9')) return false;
    return true;
}

std::string snapshot_path(const std::string& id, const std::string& iso) {
    return "history/" + id + "/" + iso + ".xml";
}

notice_version read_version(const std::string& text, const std::string& name, const std::string& id,
                            const std::string& iso) {
    notice_version v;
    v.snapshot = text;
    auto d = std::make_shared<source_doc>(read_source_string(text, name));
    if (d->registers.size() != 1 || d->registers.front().id != id || d->registers.front().notice_date.iso() != iso)
        throw source_error({{{name, 1, 1},
                             "the snapshot is not the register \"" + id + "\" of " + iso +
                                 "; expected the file a build kept for it (docs/history.md), unchanged",
                             diagnostic::kind::format}});
    v.when = d->registers.front().notice_date;
    v.doc = std::move(d);
    return v;
}

// What `to` changed from `from`, as sentences for the page; the date itself is the row's.
std::array<std::vector<std::string>, 3> changes_between(const notice_version& from, const notice_version& to) {
    std::array<std::vector<std::string>, 3> out;
    const auto d = diff(*from.doc, *to.doc);
    for (const auto& c : d.changes) {
        if (c.register_id != to.reg().id || c.field == "notice_date") continue;
        for (lang l : all_langs) {
            auto s = summarize_change(c, l);
            if (!s.empty()) out[static_cast<size_t>(l)].push_back(std::move(s));
        }
    }
    return out;
}

// A name-based URN for an Atom id: stable for the same key, unique across notices.
std::string urn_uuid(const std::string& key) {
    std::string h = sha256_hex(key).substr(0, 32);
    h[12] = '8';                                                      // version 8: custom (RFC 9562)
    h[16] = "89ab"[std::string("0123456789abcdef").find(h[16]) & 3];  // variant 10
    return "urn:uuid:" + h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) + "-" +
           h.substr(20, 12);
}

}  // namespace

history_store read_history(const fs::path& dir) {
    history_store h;
    std::error_code ec;
    const fs::path root = fs::exists(dir / "manifest.json", ec) ? dir / "history" : dir;
    if (!fs::is_directory(root, ec)) return h;
    for (const auto& reg_dir : fs::directory_iterator(root)) {
        const std::string id = reg_dir.path().filename().string();
        if (id.starts_with('.') || !reg_dir.is_directory()) continue;  // temporaries, a README
        for (const auto& f : fs::directory_iterator(reg_dir.path())) {
            const std::string name = f.path().filename().string();
            if (name.starts_with('.')) continue;  // a temporary of write_file_atomic
            if (!f.is_regular_file() || !is_snapshot_name(name))
                throw io_error(f.path().string() +
                               ": error: not a version snapshot; expected only REGISTER/YYYY-MM-DD.xml files "
                               "in the history folder (docs/history.md)");
            h.snapshots[id][name.substr(0, 10)] = {f.path().string(), read_all(f.path())};
        }
    }
    return h;
}

std::string register_snapshot(const source_doc& doc, const register_& reg) {
    source_doc one = doc;
    one.registers.clear();
    one.registers.push_back(reg);
    return to_source_xml(one);
}

std::vector<notice_version> versions_of(const history_store& h, const source_doc& doc, const register_& reg,
                                        std::vector<std::string>& warnings) {
    const std::string iso = reg.notice_date.iso();
    std::vector<notice_version> out;
    notice_version current = read_version(register_snapshot(doc, reg), snapshot_path(reg.id, iso), reg.id, iso);
    current.current = true;
    if (const auto it = h.snapshots.find(reg.id); it != h.snapshots.end()) {
        const std::string& latest = it->second.rbegin()->first;
        if (latest > iso)
            throw source_error(
                {{reg.notice_date_where,
                  "the notice date " + iso + " of register \"" + reg.id +
                      "\" is earlier than its published version of " + latest + "; expected " + latest +
                      " or later: a notice that changes takes the date it comes into force (docs/history.md)",
                  diagnostic::kind::date}});
        for (const auto& [when, snap] : it->second) {
            const std::string& text = snap.text;
            auto v = read_version(text, snap.path, reg.id, when);
            if (when != iso) {
                out.push_back(std::move(v));
                continue;
            }
            if (text != current.snapshot && !changes_between(v, current)[static_cast<size_t>(lang::en)].empty()) {
                const auto& w = reg.notice_date_where;
                warnings.push_back(w.file.str() + ":" + std::to_string(w.line) + ":" + std::to_string(w.column) +
                                   ": warning: register \"" + reg.id + "\" changed but keeps the date " + iso +
                                   " of its published version, which this build replaces; give a changed notice "
                                   "the date it comes into force");
            }
        }
    }
    out.push_back(std::move(current));
    out.front().first = true;
    for (size_t i = 1; i < out.size(); ++i) out[i].changes = changes_between(out[i - 1], out[i]);
    return out;
}

std::string atom_feed(const std::vector<notice_version>& versions, const source_doc& doc, const register_& reg, lang l,
                      const std::string& base) {
    const std::string lc(lang_code(l));
    const std::string at = base.empty() ? "" : base + lc + "/";  // LANG/ of the site, or relative to the feed
    std::vector<std::string> names;
    std::string identity;  // what makes the ids unique across organisations
    for (const auto& c : reg.controllers)
        if (const auto* o = doc.find_organisation(c.id)) {
            auto n = o->name.get(l);
            names.push_back(n.value ? *n.value : o->id);
            identity += (o->business_id.empty() ? o->id : o->business_id) + "\n";
        }
    const std::string key = "seloste-feed\n" + base + "\n" + identity + reg.id + "\n" + lc;
    const auto stamp = [](const date& d) { return d.iso() + "T00:00:00Z"; };
    std::string out =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"" + lc +
        "\">\n";
    out += "<id>" + urn_uuid(key) + "</id>\n";
    out += "<title>" + escape_html(format_message(l, "history.feed_title", {{"title", notice_title(reg, l)}})) +
           "</title>\n";
    out += "<updated>" + stamp(versions.back().when) + "</updated>\n";
    out += "<author><name>" + escape_html(names.empty() ? reg.id : format_list(names, l)) + "</name></author>\n";
    out += "<link rel=\"alternate\" type=\"text/html\" hreflang=\"" + lc + "\" href=\"" +
           escape_html(at + reg.id + ".html") + "\"/>\n";
    out += "<link rel=\"self\" type=\"application/atom+xml\" href=\"" + escape_html(at + reg.id + ".atom") + "\"/>\n";
    out += "<generator>Seloste</generator>\n";
    for (auto v = versions.rbegin(); v != versions.rend(); ++v) {
        const std::string title = format_message(l, "history.entry_title", {{"date", format_date(v->when, l)}});
        std::vector<std::string> said = v->changes[static_cast<size_t>(l)];
        if (said.empty()) said.push_back(message(l, v->first ? "history.first" : "history.no_change"));
        std::string summary, list = "<ul>";
        for (const auto& s : said) {
            summary += (summary.empty() ? "" : " ") + s;
            list += "<li>" + escape_html(s) + "</li>";
        }
        list += "</ul>";
        out += "<entry>\n<id>" + urn_uuid(key + "\n" + v->when.iso()) + "</id>\n";
        out += "<title>" + escape_html(title) + "</title>\n";
        out += "<published>" + stamp(v->when) + "</published>\n<updated>" + stamp(v->when) + "</updated>\n";
        out += "<link rel=\"alternate\" type=\"text/html\" hreflang=\"" + lc + "\" href=\"" +
               escape_html(at + reg.id + "/" + v->when.iso() + "/index.html") + "\"/>\n";
        out += "<summary type=\"text\">" + escape_html(summary) + "</summary>\n";
        out += "<content type=\"html\">" + escape_html(list) + "</content>\n</entry>\n";
    }
    out += "</feed>\n";
    return out;
}

}  // namespace seloste::detail
