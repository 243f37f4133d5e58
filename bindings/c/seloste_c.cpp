// The C ABI: JSON in, JSON out, no exception crosses the boundary.
#include "seloste_c.h"

#include <cstdlib>
#include <cstring>
#include <nlohmann/json.hpp>

#include "seloste/build.hpp"
#include "seloste/check.hpp"
#include "seloste/errors.hpp"
#include "seloste/render.hpp"
#include "seloste/source.hpp"
#include "seloste/version.hpp"

#define SELOSTE_API extern "C" __attribute__((visibility("default")))

namespace {

using json = nlohmann::json;

struct bad_request {
    std::string message;
};

char* dup(const std::string& s) {
    char* p = static_cast<char*>(std::malloc(s.size() + 1));
    if (p) std::memcpy(p, s.c_str(), s.size() + 1);
    return p;
}

json error_entry(const seloste::source_location& w, const std::string& msg) {
    return {{"file", w.file}, {"line", w.line}, {"column", w.column}, {"message", msg}};
}

std::vector<seloste::lang> langs_of(const json& req, std::vector<seloste::lang> fallback) {
    if (!req.contains("langs")) return fallback;
    std::vector<seloste::lang> out;
    for (const auto& l : req.at("langs")) {
        auto x = seloste::parse_lang(l.get<std::string>());
        if (!x) throw bad_request{"unknown language " + l.get<std::string>() + "; expected fi, sv or en"};
        out.push_back(*x);
    }
    return out;
}

std::vector<std::string> strings_of(const json& req, const char* key) {
    std::vector<std::string> out;
    if (req.contains(key))
        for (const auto& s : req.at(key)) out.push_back(s.get<std::string>());
    return out;
}

json findings_json(const std::vector<seloste::finding>& fs) {
    return json::parse(seloste::findings_to_json(fs)).value("findings", json::array());
}

template <class F>
int guarded(const char* request, char** answer, F&& body) {
    json out;
    int rc = 0;
    try {
        if (!request || !answer) throw bad_request{"request and answer must not be NULL"};
        const json req = json::parse(request);
        if (!req.is_object()) throw bad_request{"the request must be a JSON object"};
        rc = body(req, out);
        out["ok"] = rc == 0;
    } catch (const bad_request& e) {
        out = {{"ok", false}, {"errors", json::array({error_entry({}, e.message)})}};
        rc = 2;
    } catch (const json::exception& e) {
        out = {{"ok", false}, {"errors", json::array({error_entry({}, std::string("bad request: ") + e.what())})}};
        rc = 2;
    } catch (const seloste::source_error& e) {
        json errs = json::array();
        for (const auto& d : e.diagnostics()) errs.push_back(error_entry(d.where, d.message));
        out = {{"ok", false}, {"errors", errs}};
        rc = 1;
    } catch (const seloste::error& e) {
        out = {{"ok", false}, {"errors", json::array({error_entry(e.where(), e.what())})}};
        rc = 3;
    } catch (const std::exception& e) {
        out = {{"ok", false}, {"errors", json::array({error_entry({}, e.what())})}};
        rc = 3;
    } catch (...) {
        out = {{"ok", false}, {"errors", json::array({error_entry({}, "unknown failure")})}};
        rc = 3;
    }
    if (answer) *answer = dup(out.dump());
    return rc;
}

}  // namespace

SELOSTE_API const char* seloste_version(void) {
    return seloste::version;
}

SELOSTE_API int seloste_build(const char* request_json, char** answer_json) {
    return guarded(request_json, answer_json, [](const json& req, json& out) {
        seloste::build_request b;
        b.sources = strings_of(req, "sources");
        if (b.sources.empty()) throw bad_request{"\"sources\" must list at least one source file"};
        b.langs = langs_of(req, b.langs);
        if (req.contains("themes")) b.themes = strings_of(req, "themes");
        const std::string target = req.value("for", "site");
        if (target != "site" && target != "hugo") throw bad_request{"\"for\" must be site or hugo"};
        b.out_dir = req.value("out", "");
        if (b.out_dir.empty()) throw bad_request{"\"out\" must name the output folder"};
        if (target == "hugo") b.out_dir += "/assets/seloste";
        b.sign_key = req.value("sign_key", "");
        b.base_url = req.value("base_url", "");
        b.history_dir = req.value("history", "");
        b.allow_incomplete = req.value("allow_incomplete", false);
        b.checks.langs = b.langs;
        b.checks.spelling = false;
        const auto r = seloste::build_site(b);
        out["changed"] = r.changed;
        out["refused"] = r.refused;
        out["pages"] = r.pages;
        out["files"] = r.files;
        out["versions"] = r.versions;
        out["warnings"] = r.warnings;
        out["out"] = r.out_dir;
        out["findings"] = findings_json(r.findings);
        return r.refused ? 1 : 0;
    });
}

SELOSTE_API int seloste_render(const char* request_json, char** answer_json) {
    return guarded(request_json, answer_json, [](const json& req, json& out) {
        seloste::source_doc doc;
        if (req.contains("source_xml"))
            doc = seloste::read_source_string(req.at("source_xml").get<std::string>(),
                                              req.value("file_name", "<string>"));
        else if (req.contains("source"))
            doc = seloste::read_source(req.at("source").get<std::string>());
        else
            throw bad_request{"give \"source\" (a file) or \"source_xml\" (the XML text)"};
        const std::string id = req.value("register", doc.registers.empty() ? "" : doc.registers.front().id);
        const auto* reg = doc.find_register(id);
        if (!reg) throw bad_request{"no register \"" + id + "\" in the source"};
        seloste::render_options o;
        auto l = seloste::parse_lang(req.value("lang", "fi"));
        if (!l) throw bad_request{"unknown language; expected fi, sv or en"};
        o.language = *l;
        o.fragment = req.value("fragment", false);
        o.heading_base = req.value("heading_base", 0);
        seloste::check_options co;
        co.langs = {o.language};
        co.spelling = false;
        const auto fs = seloste::check_register(doc, *reg, co);
        out["findings"] = findings_json(fs);
        if (seloste::has_errors(fs) && !req.value("allow_incomplete", false)) {
            out["errors"] = json::array({error_entry(
                reg->where, "the checks found errors in register " + id + "; fix them or pass allow_incomplete")});
            return 1;
        }
        out["html"] = seloste::render_html(doc, *reg, seloste::load_theme(req.value("theme", "default")), o);
        return 0;
    });
}

SELOSTE_API int seloste_check(const char* request_json, char** answer_json) {
    return guarded(request_json, answer_json, [](const json& req, json& out) {
        seloste::check_options co;
        co.langs = langs_of(req, co.langs);
        co.spelling = req.value("spelling", true);
        std::vector<seloste::finding> all;
        for (const auto& p : strings_of(req, "sources")) {
            auto fs = seloste::check_file(p, co);
            all.insert(all.end(), fs.begin(), fs.end());
        }
        out["findings"] = findings_json(all);
        return seloste::has_errors(all, req.value("strict", false)) ? 1 : 0;
    });
}

SELOSTE_API void seloste_free(char* answer_json) {
    std::free(answer_json);
}
