// The notice as JSON-LD (core/src/jsonld.cpp, docs/json-ld.md): DPV terms only, the model's
// facts in the graph, and safe inside a <script> element whatever the source says.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "jsonld_support.hpp"
#include "seloste/build.hpp"
#include "seloste/jsonld.hpp"
#include "seloste/markup_policy.hpp"
#include "seloste/render.hpp"
#include "seloste/source.hpp"

using namespace seloste;
namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

const fs::path root(SELOSTE_SOURCE_DIR);

std::set<std::string> dpv_terms() {
    std::set<std::string> out;
    std::istringstream in(slurp(root / "core/data/dpv/terms.tsv"));
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) out.insert(line.substr(0, line.find('\t')));
    return out;
}

const json& dpv_map() {
    static const json m = json::parse(slurp(root / "core/data/dpv-map.json"));
    return m;
}

// A compact IRI over the map's context, expanded; empty when its prefix is not one of them.
std::string expand(const std::string& compact) {
    const auto colon = compact.find(':');
    if (colon == std::string::npos) return {};
    const auto& ctx = dpv_map().at("context");
    const std::string prefix = compact.substr(0, colon);
    if (!ctx.contains(prefix)) return {};
    return ctx.at(prefix).get<std::string>() + compact.substr(colon + 1);
}

// Every term the graph uses: property names, @type values and @id values with a prefix of the context.
void terms_of(const json& j, std::set<std::string>& out) {
    if (j.is_array())
        for (const auto& x : j) terms_of(x, out);
    if (!j.is_object()) return;
    for (const auto& [k, v] : j.items()) {
        if (k == "@context") continue;
        if (!k.starts_with("@")) out.insert(k);
        if ((k == "@type" && !v.is_object()) || k == "@id") {
            const json list = v.is_array() ? v : json::array({v});
            for (const auto& t : list)
                if (t.is_string() && !t.get<std::string>().starts_with("_:") && !expand(t.get<std::string>()).empty())
                    out.insert(t.get<std::string>());
        }
        terms_of(v, out);
    }
}

std::vector<fs::path> examples() {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(root / "examples"))
        if (e.path().extension() == ".xml") out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

const json& notice_node(const json& doc) {
    return doc.at("@graph").at(0);
}

}  // namespace

TEST_CASE("every IRI of dpv-map.json is a DPV 2.2 term", "[jsonld]") {
    const auto terms = dpv_terms();
    std::vector<std::string> compact;
    for (const char* table : {"legal_bases", "art9_conditions", "safeguards", "rights"})
        for (const auto& [k, v] : dpv_map().at(table).items()) compact.push_back(v.get<std::string>());
    compact.push_back(dpv_map().at("finnish_authority").get<std::string>());
    for (const auto& e : dpv_map().at("categories")) compact.push_back(e.at("pd").get<std::string>());
    for (const auto& c : compact) {
        INFO(c);
        CHECK(terms.count(expand(c)));
    }
    // Every legal basis and Art. 9 condition of the model has its entry.
    for (auto b : {legal_basis::consent, legal_basis::contract, legal_basis::legal_obligation,
                   legal_basis::vital_interests, legal_basis::public_task, legal_basis::legitimate_interest})
        CHECK(dpv_map().at("legal_bases").contains(std::string(basis_code(b))));
    CHECK(dpv_map().at("legal_bases").at("consent") == "eu-gdpr:A6-1-a");
    CHECK(dpv_map().at("legal_bases").at("legitimate-interest") == "eu-gdpr:A6-1-f");
    CHECK(dpv_map().at("art9_conditions").size() == 10);
}

TEST_CASE("the JSON-LD of every example uses DPV 2.2 terms and states the model's facts", "[jsonld]") {
    const auto terms = dpv_terms();
    for (const auto& path : examples()) {
        const source_doc doc = read_source(path.string());
        for (const auto& reg : doc.registers)
            for (lang l : all_langs) {
                INFO(path.filename().string() << " " << reg.id << " " << lang_code(l));
                const json j = json::parse(notice_jsonld(doc, reg, l));
                // An inline context only: no remote context is ever fetched.
                REQUIRE(j.at("@context").is_object());
                CHECK(j.at("@context").at("@language") == std::string(lang_code(l)));
                std::set<std::string> used;
                terms_of(j, used);
                for (const auto& t : used) {
                    if (t.starts_with("rdf:") || t.starts_with("xsd:")) continue;  // RDF's own, not DPV's
                    INFO(t);
                    CHECK(terms.count(expand(t)));
                }
                const json& n = notice_node(j);
                CHECK(n.at("@type") == "dpv:PrivacyNotice");
                CHECK(n.at("dct:identifier") == reg.id);
                // One purpose per purpose of the source, each with its legal basis.
                REQUIRE(n.at("dpv:hasPurpose").size() == reg.purposes.size());
                for (size_t i = 0; i < reg.purposes.size(); ++i)
                    CHECK(n.at("dpv:hasPurpose").at(i).at("dpv:hasLegalBasis").at("@id") ==
                          dpv_map().at("legal_bases").at(std::string(basis_code(*reg.purposes[i].basis))));
                CHECK(n.at("dpv:hasDataController").size() == reg.controllers.size());
                CHECK(n.at("dpv:hasStorageCondition").size() == reg.retention.size());
                CHECK(n.at("dpv:hasPersonalData").size() == reg.data_categories.size());
                // The page embeds the same graph.
                render_options o;
                o.language = l;
                const std::string page = render_html(doc, reg, load_theme("default"), o);
                CHECK(json::parse(testing::json_ld_of(page)) == j);
            }
    }
}

TEST_CASE("a retention period is an xsd:duration, a category gets its pd: concept", "[jsonld]") {
    const source_doc doc = read_source((root / "examples/seinajoki.xml").string());
    const json n =
        notice_node(json::parse(notice_jsonld(doc, *doc.find_register("sen-uutiskirjerekisteri"), lang::en)));
    bool email = false;
    for (const auto& c : n.at("dpv:hasPersonalData"))
        if (c.at("dct:identifier") == "sahkoposti") {
            email = true;
            CHECK(c.at("@type") == json::array({"dpv:PersonalData", "pd:EmailAddress"}));
            CHECK(c.at("dct:title") == "E-mail address");
        }
    CHECK(email);
    // A register with periods: each duration as ISO 8601.
    const source_doc v = read_source((root / "examples/vaasan-sahko.xml").string());
    const auto& reg = v.registers.at(0);
    const json vn = notice_node(json::parse(notice_jsonld(v, reg, lang::fi)));
    size_t periods = 0;
    for (size_t i = 0; i < reg.retention.size(); ++i) {
        const auto& r = reg.retention[i];
        const json& s = vn.at("dpv:hasStorageCondition").at(i);
        if (!r.period || r.period->empty()) continue;
        ++periods;
        CHECK(s.at("@type") == "dpv:StorageDuration");
        const std::string iso = s.at("dpv:hasDuration").at("rdf:value").at("@value");
        CHECK(std::regex_match(iso, std::regex("P([0-9]+Y)?([0-9]+M)?([0-9]+D)?")));
        if (r.period->years) CHECK(iso.find(std::to_string(r.period->years) + "Y") != std::string::npos);
    }
    CHECK(periods > 0);
}

TEST_CASE("no source text can end the JSON-LD script or open a comment", "[jsonld][escape]") {
    const std::string evil =
        " &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &lt;!-- --&gt; \xE2\x80\xA8\xE2\x80\xA9 &amp;";
    const std::string evil_text = " </script><script>alert(1)</script> <!-- --> \xE2\x80\xA8\xE2\x80\xA9 &";
    // Every text of the group example: each language's text and every plain free-text element.
    std::string xml = slurp(root / "examples/harjuvirta.xml");
    xml = std::regex_replace(xml, std::regex("<(fi|sv|en)>([^<]+)</\\1>"), "<$1>$2" + evil + "</$1>");
    xml = std::regex_replace(
        xml,
        std::regex(
            "<(name|title|description|criteria|interest|processing|consequence|logic|significance|manual|"
            "electronic|exercise|note|refusal|legal-ground|joint-arrangement|further-processing|street|town|"
            "subject|source|recipient|processor|disclosure|related|safeguards-copy|item)( [^>]*)?>([^<]+)</\\1>"),
        "<$1$2>$3" + evil + "</$1>");
    const source_doc doc = read_source_string(xml, "hostile.xml");
    size_t seen = 0;
    for (const auto& reg : doc.registers)
        for (lang l : all_langs) {
            INFO(reg.id << " " << lang_code(l));
            for (const auto& opts : {jsonld_options{}, jsonld_options{.indent = 2}}) {
                const std::string j = notice_jsonld(doc, reg, l, opts);
                CHECK(j.find_first_of("<>&") == std::string::npos);
                CHECK(j.find("\xE2\x80\xA8") == std::string::npos);
                CHECK(j.find("\xE2\x80\xA9") == std::string::npos);
                CHECK(j.find("\\u003c/script\\u003e") != std::string::npos);
                // The text itself is kept: a JSON parser reads the escapes back.
                const std::string dumped = json::parse(j).dump();
                for (size_t at = dumped.find(evil_text); at != std::string::npos; at = dumped.find(evil_text, at + 1))
                    ++seen;
            }
            for (const char* th : {"default", "layered"})
                for (bool fragment : {false, true}) {
                    render_options o;
                    o.language = l;
                    o.fragment = fragment;
                    o.stylesheet_href = "seloste.css";  // as in a bundle: the policy has no <style>
                    const std::string html = render_html(doc, reg, load_theme(th), o);
                    INFO(th << (fragment ? " fragment" : " page"));
                    const auto problems = check_markup(html, fragment ? markup_kind::fragment : markup_kind::page);
                    std::string shown;
                    for (const auto& p : problems)
                        shown += std::to_string(p.line) + ":" + std::to_string(p.column) + " " + p.message + "\n";
                    CHECK(shown == "");
                    CHECK(testing::without_json_ld(html).find("<script") == std::string::npos);
                    CHECK(testing::without_json_ld(html).find("<!--") == std::string::npos);
                }
        }
    CHECK(seen > 100);
}

TEST_CASE("build puts the JSON-LD of every register and language in the bundle and its manifest", "[jsonld][build]") {
    const fs::path dir = fs::temp_directory_path() / ("seloste-jsonld-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    build_request b;
    b.sources = {(root / "examples/seinajoki.xml").string()};
    b.out_dir = (dir / "site").string();
    build_site(b);
    const json manifest = json::parse(slurp(dir / "site/manifest.json"));
    std::set<std::string> listed;
    for (const auto& f : manifest.at("files")) listed.insert(f.at("path"));
    const source_doc doc = read_source(b.sources[0]);
    for (const auto& reg : doc.registers)
        for (lang l : all_langs) {
            const std::string path = "jsonld/" + std::string(lang_code(l)) + "/" + reg.id + ".jsonld";
            INFO(path);
            CHECK(listed.count(path));
            CHECK(json::parse(slurp(dir / "site" / path)) == json::parse(notice_jsonld(doc, reg, l)));
        }
    CHECK(verify_bundle((dir / "site").string()).empty());
    fs::remove_all(dir);
}
