// The semantic diff (seloste diff, docs/diff.md): every kind of change, in fi, sv and en,
// through the library and the CLI, and OLD as a git revision.
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <string>

#include "run_command.hpp"
#include "seloste/diff.hpp"
#include "seloste/source.hpp"

namespace fs = std::filesystem;
using namespace seloste;

namespace {

std::string example_path(const char* name) {
    return (fs::path(SELOSTE_SOURCE_DIR) / "examples" / name).string();
}

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

using test_support::command_result;

command_result run(const std::string& cmd) {
    return test_support::run_command(cmd);
}

struct temp_dir {
    fs::path path;
    temp_dir() {
        char tmpl[] = "/tmp/seloste-diff-XXXXXX";
        path = mkdtemp(tmpl);
    }
    ~temp_dir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

void write_file(const fs::path& p, const std::string& s) {
    std::ofstream(p, std::ios::binary) << s;
}

std::string replaced(std::string s, const std::string& from, const std::string& to) {
    const auto at = s.find(from);
    REQUIRE(at != std::string::npos);
    return s.replace(at, from.size(), to);
}

text tx(const std::string& fi, const std::string& sv, const std::string& en) {
    text t;
    t.set(lang::fi, fi);
    t.set(lang::sv, sv);
    t.set(lang::en, en);
    return t;
}

// The vaasan-sahko example with the retention of "asiakastiedot" at 10 years instead of 6.
const std::string vaasa_category = "<rule category=\"asiakastiedot\">\n        <period years=\"6\"/>";
const std::string vaasa_category_10 = "<rule category=\"asiakastiedot\">\n        <period years=\"10\"/>";

}  // namespace

TEST_CASE("a source against itself has no changes", "[diff]") {
    for (const char* name :
         {"vaasan-sahko.xml", "seinajoki.xml", "harjuvirta.xml", "imatran-seudun-sahko.xml", "nurmijarven-sahko.xml"}) {
        INFO(name);
        const auto a = read_source(example_path(name));
        const auto b = read_source(example_path(name));
        const auto d = diff(a, b);
        CHECK(d.empty());
        for (lang l : all_langs) CHECK(format_diff(d, l).empty());
    }
}

TEST_CASE("a changed retention period names the category and both durations in each language", "[diff]") {
    const std::string xml = slurp(example_path("vaasan-sahko.xml"));
    const auto a = read_source_string(xml, "old.xml");
    const auto b = read_source_string(replaced(xml, vaasa_category, vaasa_category_10), "new.xml");
    const auto d = diff(a, b);
    REQUIRE(d.changes.size() == 1);
    const auto& c = d.changes.front();
    CHECK(c.section == "retention");
    CHECK(c.op == change_op::changed);
    CHECK(c.field == "period");
    CHECK(c.key == "asiakastiedot");
    CHECK(c.new_where.line > 0);
    CHECK(describe_change(c, lang::fi) ==
          "Tietoryhmän ”Yleiset asiakastiedot” säilytysaika muuttui: 6 vuotta → 10 vuotta.");
    CHECK(describe_change(c, lang::sv) == "Lagringstiden för ”Allmänna kunduppgifter” ändrades: 6 år → 10 år.");
    CHECK(describe_change(c, lang::en) == "The retention of “General customer data” changed from 6 years to 10 years.");
    const std::string text = format_diff(d, lang::en);
    CHECK(text.find("Register “") == 0);
    CHECK(text.find("(" + c.register_id + ")") != std::string::npos);

    const auto j = nlohmann::json::parse(diff_to_json(d));
    CHECK(j["format"] == "seloste-diff");
    CHECK(j["version"] == 1);
    REQUIRE(j["changes"].size() == 1);
    const auto& jc = j["changes"][0];
    CHECK(jc["section"] == "retention");
    CHECK(jc["op"] == "changed");
    CHECK(jc["field"] == "period");
    CHECK(jc["before"]["fi"] == "6 vuotta");
    CHECK(jc["after"]["en"] == "10 years");
    CHECK(jc["item"]["sv"] == "Allmänna kunduppgifter");
    CHECK(jc["text"]["en"] == describe_change(c, lang::en));
    CHECK(jc["new_location"]["file"] == "new.xml");
    CHECK(jc["old_location"]["file"] == "old.xml");
}

TEST_CASE("a word diff shows the changed words with a little context", "[diff]") {
    CHECK(word_diff("tiedot säilytetään 6 vuotta tilikauden päättymisestä",
                    "tiedot säilytetään 10 vuotta tilikauden päättymisestä") ==
          "tiedot säilytetään [-6-]{+10+} vuotta tilikauden päättymisestä");
    CHECK(word_diff("a b c d e f g h i j", "a b c d e F g h i j") == "…c d e [-f-]{+F+} g h i…");
    CHECK(word_diff("same words", "same  words") == "");
    CHECK(word_diff("", "new text") == "{+new text+}");
    CHECK(word_diff("old text", "") == "[-old text-]");
    CHECK(word_diff("one two three", "one three") == "one [-two-] three");
}

TEST_CASE("every field of the model, changed, gives a change", "[diff]") {
    auto base = read_source(example_path("vaasan-sahko.xml"));
    REQUIRE(!base.registers.empty());
    if (!base.registers.front().cookies) base.registers.front().cookies.emplace();  // so its items can change
    const auto harju = read_source(example_path("harjuvirta.xml"));

    struct mutation {
        const char* name;
        const char* section;  // the section the change must name ("" : any)
        std::function<void(source_doc&)> apply;
    };
    const auto R = [](source_doc& d) -> register_& { return d.registers.front(); };
    const text other = tx("muu teksti", "annan text", "other text");
    const std::vector<mutation> mutations{
        {"register added", "register", [&](source_doc& d) { d.registers.push_back(harju.registers.front()); }},
        {"register removed", "register", [&](source_doc& d) { d.registers.erase(d.registers.begin()); }},
        {"register name", "register", [&](source_doc& d) { R(d).name = other; }},
        {"register description", "register", [&](source_doc& d) { R(d).description = other; }},
        {"relation", "register",
         [&](source_doc& d) {
             R(d).relation = R(d).relation == controllership::joint ? controllership::separate : controllership::joint;
         }},
        {"joint arrangement", "register", [&](source_doc& d) { R(d).joint_arrangement = other; }},
        {"further processing", "register", [&](source_doc& d) { R(d).further_processing = other; }},
        {"notice date", "register", [&](source_doc& d) { R(d).notice_date.year -= 1; }},
        {"block refs", "register", [&](source_doc& d) { R(d).block_refs["security"] = "other"; }},
        {"controller removed", "controllers", [&](source_doc& d) { R(d).controllers.pop_back(); }},
        {"controller processing", "controllers", [&](source_doc& d) { R(d).controllers.front().processing = other; }},
        {"group company", "group_companies",
         [&](source_doc& d) {
             R(d).group_companies.push_back({"x-oy", {}, {}});
         }},
        {"representative", "representative",
         [&](source_doc& d) {
             R(d).representative = ref{"x-oy", {}, {}};
         }},
        {"dpo", "dpo",
         [&](source_doc& d) {
             R(d).dpo = ref{"someone-else", {}, {}};
         }},
        {"contact", "contacts",
         [&](source_doc& d) {
             R(d).contacts.push_back({"x", {}, {}});
         }},
        {"purpose added", "purposes",
         [&](source_doc& d) {
             R(d).purposes.push_back(purpose{legal_basis::consent, other, {}, false, {}, "", {}});
         }},
        {"purpose removed", "purposes", [&](source_doc& d) { R(d).purposes.pop_back(); }},
        {"purpose basis", "purposes", [&](source_doc& d) { R(d).purposes.front().basis = legal_basis::consent; }},
        {"purpose text", "purposes",
         [&](source_doc& d) { R(d).purposes.front().description.set(lang::en, "Changed."); }},
        {"purpose interest", "purposes", [&](source_doc& d) { R(d).purposes.front().interest = other; }},
        {"direct marketing", "purposes", [&](source_doc& d) { R(d).purposes.front().direct_marketing ^= true; }},
        {"purpose subjects", "purposes", [&](source_doc& d) { R(d).purposes.front().subjects.ids = {"tilaajat"}; }},
        {"data subject added", "data_subjects",
         [&](source_doc& d) {
             R(d).data_subjects.push_back(item{other, false, {}, "uudet", false, {}});
         }},
        {"data subject text", "data_subjects", [&](source_doc& d) { R(d).data_subjects.front().value = other; }},
        {"category added", "data_categories",
         [&](source_doc& d) {
             data_category c;
             c.id = "uusi";
             c.name = other;
             R(d).data_categories.push_back(c);
         }},
        {"category removed", "data_categories", [&](source_doc& d) { R(d).data_categories.pop_back(); }},
        {"category name", "data_categories", [&](source_doc& d) { R(d).data_categories.front().name = other; }},
        {"category description", "data_categories",
         [&](source_doc& d) { R(d).data_categories.front().description = other; }},
        {"category special", "data_categories",
         [&](source_doc& d) { R(d).data_categories.front().special = special_kind::art10; }},
        {"category condition", "data_categories",
         [&](source_doc& d) { R(d).data_categories.front().condition = art9_condition::employment; }},
        {"category legal ground", "data_categories",
         [&](source_doc& d) { R(d).data_categories.front().legal_ground = other; }},
        {"category subjects", "data_categories",
         [&](source_doc& d) { R(d).data_categories.front().subjects.ids = {"tilaajat"}; }},
        {"category block", "data_categories", [&](source_doc& d) { R(d).data_categories.front().block = "b"; }},
        {"recipient added", "recipients",
         [&](source_doc& d) {
             R(d).recipients.push_back(item{other, false, {}, "", false, {}});
         }},
        {"processor added", "processors",
         [&](source_doc& d) {
             R(d).processors.push_back(item{other, false, {}, "", false, {}});
         }},
        {"disclosure added", "disclosures",
         [&](source_doc& d) {
             R(d).disclosures.push_back(item{other, false, {}, "", false, {}});
         }},
        {"source flag", "sources", [&](source_doc& d) { R(d).sources.front().from_data_subject ^= true; }},
        {"source public", "sources", [&](source_doc& d) { R(d).sources.front().publicly_accessible ^= true; }},
        {"source subjects", "sources", [&](source_doc& d) { R(d).sources.front().subjects.ids = {"tilaajat"}; }},
        {"transfers none", "transfers",
         [&](source_doc& d) {
             if (!R(d).transfers) R(d).transfers.emplace();
             R(d).transfers->none ^= true;
         }},
        {"transfers description", "transfers",
         [&](source_doc& d) {
             if (!R(d).transfers) R(d).transfers.emplace();
             R(d).transfers->description = other;
         }},
        {"safeguards copy", "transfers",
         [&](source_doc& d) {
             if (!R(d).transfers) R(d).transfers.emplace();
             R(d).transfers->safeguards_copy = other;
         }},
        {"transfer added", "transfer",
         [&](source_doc& d) {
             if (!R(d).transfers) R(d).transfers.emplace();
             R(d).transfers->items.push_back(transfer{"US", safeguard::scc_2021, {}, {}});
         }},
        {"retention added", "retention",
         [&](source_doc& d) {
             retention_rule r;
             r.category_ref = "lokitiedot";
             r.period = duration{1, 0, 0};
             R(d).retention.push_back(r);
         }},
        {"retention removed", "retention", [&](source_doc& d) { R(d).retention.pop_back(); }},
        {"retention criteria", "retention", [&](source_doc& d) { R(d).retention.front().criteria = other; }},
        {"retention description", "retention", [&](source_doc& d) { R(d).retention.front().description = other; }},
        {"requirement kind", "requirement",
         [&](source_doc& d) {
             if (!R(d).requirement) R(d).requirement.emplace();
             R(d).requirement->kind = requirement_kind::statutory;
             R(d).requirement->consequence = other;
         }},
        {"requirement removed", "requirement",
         [&](source_doc& d) {
             if (R(d).requirement)
                 R(d).requirement.reset();
             else
                 R(d).requirement.emplace();
         }},
        {"automated used", "automated_decisions",
         [&](source_doc& d) {
             if (!R(d).automated_decisions) R(d).automated_decisions.emplace();
             R(d).automated_decisions->used ^= true;
         }},
        {"automated logic", "automated_decisions",
         [&](source_doc& d) {
             if (!R(d).automated_decisions) R(d).automated_decisions.emplace();
             R(d).automated_decisions->logic = other;
         }},
        {"security manual", "security",
         [&](source_doc& d) {
             if (!R(d).security) R(d).security.emplace();
             R(d).security->manual = other;
         }},
        {"security electronic", "security",
         [&](source_doc& d) {
             if (!R(d).security) R(d).security.emplace();
             R(d).security->electronic = other;
         }},
        {"cookies description", "cookies",
         [&](source_doc& d) {
             if (!R(d).cookies) R(d).cookies.emplace();
             R(d).cookies->description = other;
         }},
        {"cookies refusal", "cookies",
         [&](source_doc& d) {
             if (!R(d).cookies) R(d).cookies.emplace();
             R(d).cookies->refusal = other;
         }},
        {"cookie data", "cookie_data",
         [&](source_doc& d) {
             if (!R(d).cookies) R(d).cookies.emplace();
             R(d).cookies->collected.push_back(item{other, false, {}, "", false, {}});
         }},
        {"analytics", "analytics",
         [&](source_doc& d) {
             if (!R(d).cookies) R(d).cookies.emplace();
             R(d).cookies->analytics.push_back(
                 analytics_service{"Matomo", "https://example.org/optout", {}, other, {}});
         }},
        {"rights exercise", "rights",
         [&](source_doc& d) {
             if (!R(d).rights) R(d).rights.emplace();
             R(d).rights->exercise = other;
         }},
        {"rights note", "rights",
         [&](source_doc& d) {
             if (!R(d).rights) R(d).rights.emplace();
             R(d).rights->note = other;
         }},
        {"rights form", "rights",
         [&](source_doc& d) {
             if (!R(d).rights) R(d).rights.emplace();
             R(d).rights->request_form = "https://example.org/form";
         }},
        {"related", "related",
         [&](source_doc& d) {
             R(d).related.push_back(related_link{"https://example.org/other", {}, other, {}});
         }},
        {"history", "history",
         [&](source_doc& d) {
             R(d).history.push_back(change{date{2024, 1, 2}, other, {}});
         }},
        {"organisation name", "organisations",
         [&](source_doc& d) {
             d.find_organisation(R(d).controllers.front().id);
             const_cast<organisation*>(d.find_organisation(R(d).controllers.front().id))->name = other;
         }},
        {"organisation business id", "organisations",
         [&](source_doc& d) {
             const_cast<organisation*>(d.find_organisation(R(d).controllers.front().id))->business_id = "1234567-8";
         }},
        {"organisation vat", "organisations",
         [&](source_doc& d) {
             const_cast<organisation*>(d.find_organisation(R(d).controllers.front().id))->vat_number = "FI12345678";
         }},
        {"organisation phone", "organisations",
         [&](source_doc& d) {
             const_cast<organisation*>(d.find_organisation(R(d).controllers.front().id))->phone = "+358 1 234";
         }},
        {"organisation email", "organisations",
         [&](source_doc& d) {
             const_cast<organisation*>(d.find_organisation(R(d).controllers.front().id))->email = "x@example.org";
         }},
        {"organisation web", "organisations",
         [&](source_doc& d) {
             const_cast<organisation*>(d.find_organisation(R(d).controllers.front().id))->web = "https://example.org";
         }},
        {"organisation note", "organisations",
         [&](source_doc& d) {
             const_cast<organisation*>(d.find_organisation(R(d).controllers.front().id))->note = other;
         }},
        {"organisation address", "organisations",
         [&](source_doc& d) {
             auto* o = const_cast<organisation*>(d.find_organisation(R(d).controllers.front().id));
             o->postal_address = address{
                 tx("Katu 1", "Gatan 1", "Street 1"), "00100", tx("Helsinki", "Helsingfors", "Helsinki"), "FI", {}};
             o->visiting_address.reset();
         }},
        {"organisation added", "organisations",
         [&](source_doc& d) {
             organisation o;
             o.id = "uusi-oy";
             o.name = other;
             d.organisations.push_back(o);
         }},
        {"person added", "people",
         [&](source_doc& d) {
             person p;
             p.id = "uusi";
             p.name = other;
             d.people.push_back(p);
         }},
        {"contact point added", "contact_points",
         [&](source_doc& d) {
             contact_point p;
             p.id = "uusi";
             p.name = other;
             d.contact_points.push_back(p);
         }},
        {"authority", "authority",
         [&](source_doc& d) {
             organisation o;
             o.name = tx("IMY", "IMY", "IMY");
             d.supervisory_authority = o;
         }},
        {"block added", "blocks",
         [&](source_doc& d) {
             block b;
             b.kind = "security";
             b.id = "uusi";
             d.blocks.push_back(b);
         }},
        {"words", "words",
         [&](source_doc& d) {
             d.words.push_back(word_list{lang::fi, {"sähköverkkoyhtiö"}, {}});
         }},
    };
    for (const auto& m : mutations) {
        INFO(m.name);
        source_doc changed = base;
        m.apply(changed);
        const auto d = diff(base, changed);
        REQUIRE(!d.empty());
        bool named = false;
        for (const auto& c : d.changes) {
            named = named || c.section == m.section;
            for (lang l : all_langs) {
                INFO(c.section << " " << change_op_code(c.op) << " " << c.field);
                CHECK(!describe_change(c, l).empty());
                CHECK(!std::regex_search(describe_change(c, l), std::regex("\\{[A-Za-z_]+\\}")));
            }
        }
        CHECK(named);
        CHECK(!diff_to_json(d).empty());
    }
}

TEST_CASE("people, contact points and the DPO are told in the registers that name them", "[diff]") {
    // harjuvirta.xml: every register's parties; changing a person's e-mail shows in the registers that name them.
    const auto a = read_source(example_path("harjuvirta.xml"));
    auto b = a;
    const register_* with_dpo = nullptr;
    for (const auto& r : a.registers)
        if (r.dpo && a.find_person(r.dpo->id)) with_dpo = &r;
    REQUIRE(with_dpo);
    const_cast<person*>(b.find_person(with_dpo->dpo->id))->email = "uusi@example.org";
    const auto d = diff(a, b);
    REQUIRE(!d.empty());
    bool found = false;
    for (const auto& c : d.changes)
        found = found || (c.register_id == with_dpo->id && c.section == "people" && c.field == "email" &&
                          c.after[0] == "uusi@example.org");
    CHECK(found);
}

TEST_CASE("purposes, items and transfers are matched by content, not by place", "[diff]") {
    const auto a = read_source(example_path("vaasan-sahko.xml"));
    auto b = a;
    auto& ps = b.registers.front().purposes;
    std::reverse(ps.begin(), ps.end());
    auto& rs = b.registers.front().sources;
    std::reverse(rs.begin(), rs.end());
    CHECK(diff(a, b).empty());

    // One source's text changed a little: one text change with a word diff, not a removal and an addition.
    REQUIRE(!rs.empty());
    auto& v = rs.front().value;
    const std::string en = *v.get(lang::en).value;
    v.set(lang::en, en + " (changed)");
    const auto d = diff(a, b);
    REQUIRE(d.changes.size() == 1);
    CHECK(d.changes[0].op == change_op::text);
    CHECK(d.changes[0].words[2].find("{+(changed)+}") != std::string::npos);
}

TEST_CASE("a transfer added names its country and safeguard", "[diff]") {
    const auto a = read_source(example_path("vaasan-sahko.xml"));
    auto b = a;
    auto& r = b.registers.front();
    if (!r.transfers) r.transfers.emplace();
    r.transfers->items.push_back(transfer{"US", safeguard::scc_2021, {}, {}});
    const auto d = diff(a, b);
    REQUIRE(d.changes.size() >= 1);
    const auto& c = d.changes.back();
    CHECK(c.section == "transfer");
    CHECK(c.op == change_op::added);
    const std::string en = describe_change(c, lang::en);
    CHECK(en.find("United States") != std::string::npos);
    CHECK(en.find("2021/914") != std::string::npos);
    CHECK(describe_change(c, lang::fi).find("Yhdysvallat") != std::string::npos);
}

#ifdef SELOSTE_CLI
TEST_CASE("seloste diff: exit codes, languages, JSON and git revisions", "[diff][cli]") {
    const temp_dir tmp;
    const std::string xml = slurp(example_path("vaasan-sahko.xml"));
    const auto old_path = tmp.path / "old.xml", new_path = tmp.path / "new.xml";
    write_file(old_path, xml);
    write_file(new_path, replaced(xml, vaasa_category, vaasa_category_10));
    const std::string cli = std::string("'") + SELOSTE_CLI + "'";
    const std::string o = "'" + old_path.string() + "'", n = "'" + new_path.string() + "'";

    auto same = run(cli + " diff " + o + " " + o + " 2>&1");
    CHECK(same.status == 0);
    CHECK(same.out.empty());

    auto fi = run(cli + " diff --lang fi " + o + " " + n);
    CHECK(fi.status == 1);
    CHECK(fi.out.find("Tietoryhmän ”Yleiset asiakastiedot” säilytysaika muuttui: 6 vuotta → 10 vuotta.") !=
          std::string::npos);
    auto sv = run(cli + " diff --lang sv " + o + " " + n);
    CHECK(sv.status == 1);
    CHECK(sv.out.find("Allmänna kunduppgifter") != std::string::npos);
    CHECK(sv.out.find("6 år → 10 år") != std::string::npos);
    auto en = run(cli + " diff " + o + " " + n);
    CHECK(en.status == 1);
    CHECK(en.out.find("The retention of “General customer data” changed from 6 years to 10 years.") !=
          std::string::npos);
    auto js = run(cli + " diff --format json " + o + " " + n);
    CHECK(js.status == 1);
    const auto j = nlohmann::json::parse(js.out);
    CHECK(j["changes"][0]["after"]["sv"] == "10 år");

    CHECK(run(cli + " diff " + o + " 2>/dev/null").status == 2);
    CHECK(run(cli + " diff --lang de " + o + " " + n + " 2>/dev/null").status == 2);
    CHECK(run(cli + " diff --format xml " + o + " " + n + " 2>/dev/null").status == 2);
    CHECK(run(cli + " diff --help").out.find("Usage: seloste diff") == 0);
    CHECK(run(cli + " help diff").out.find("Usage: seloste diff") == 0);

    // A missing file, a broken source: exit 3 with file:line:col.
    CHECK(run(cli + " diff '" + (tmp.path / "missing.xml").string() + "' " + n + " 2>/dev/null").status == 3);
    const auto broken = tmp.path / "broken.xml";
    write_file(broken, "<seloste>\n  <register id=\"x\">\n</seloste>\n");
    auto bad = run(cli + " diff " + o + " '" + broken.string() + "' 2>&1");
    CHECK(bad.status == 3);
    CHECK(bad.out.find(broken.string() + ":") != std::string::npos);

    // OLD as a git revision of the same file, in a repository of its own.
    const auto repo = tmp.path / "repo";
    fs::create_directories(repo / "privacy");
    const auto file = repo / "privacy" / "group.xml";
    write_file(file, xml);
    const std::string git = "git -C '" + repo.string() + "' -c user.name=t -c user.email=t@example.org ";
    REQUIRE(run(git + "init -q 2>&1").status == 0);
    REQUIRE(run(git + "add privacy/group.xml 2>&1").status == 0);
    REQUIRE(run(git + "commit -q -m one 2>&1").status == 0);
    write_file(file, replaced(xml, vaasa_category, vaasa_category_10));
    const std::string f = "'" + file.string() + "'";
    auto rev = run(cli + " diff HEAD:" + f + " " + f);
    CHECK(rev.status == 1);
    CHECK(rev.out.find("from 6 years to 10 years") != std::string::npos);
    auto gitopt = run(cli + " diff --git HEAD --lang fi " + f);
    CHECK(gitopt.status == 1);
    CHECK(gitopt.out.find("6 vuotta → 10 vuotta") != std::string::npos);
    // From inside the repository, with a relative path.
    auto rel = run("cd '" + repo.string() + "' && " + cli + " diff HEAD:privacy/group.xml privacy/group.xml");
    CHECK(rel.status == 1);
    // Unchanged at that revision: nothing.
    REQUIRE(run(git + "commit -q -am two 2>&1").status == 0);
    auto none = run(cli + " diff --git HEAD " + f);
    CHECK(none.status == 0);
    CHECK(none.out.empty());
    // A revision that does not exist, or one that would be an option to git: exit 3 and 2.
    CHECK(run(cli + " diff --git no-such-rev " + f + " 2>/dev/null").status == 3);
    CHECK(run(cli + " diff '--output=/tmp/x:'" + f + " " + f + " 2>/dev/null").status == 2);
    auto inj = run(cli + " diff --git '-output=x' " + f + " 2>&1");
    CHECK(inj.status == 2);
    // Shell metacharacters are not run: they reach git as one argument.
    const auto marker = tmp.path / "ran";
    CHECK(run(cli + " diff --git 'HEAD;touch " + marker.string() + "' " + f + " 2>/dev/null").status == 3);
    CHECK(!fs::exists(marker));
}
#endif
