// The reader refuses what cannot be published: bytes, controls, DTDs, invisible characters, ids,
// size; broken XML in words; diagnostics escaped for the terminal.
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "reader_fixture.hpp"
#include "seloste/check.hpp"
#include "seloste/source.hpp"

using namespace seloste;
using namespace reader_fixture;

namespace {

// The one diagnostic of a refused source.
diagnostic only_error(const std::string& xml) {
    const auto d = errors_of(xml);
    INFO("diagnostics: " << d.size() << (d.empty() ? "" : ", first: " + format_diagnostic(d.front())));
    REQUIRE(d.size() == 1);
    return d.front();
}

void check_at(const diagnostic& d, int line, int column) {
    INFO(format_diagnostic(d));
    CHECK(d.where.file == "t.xml");
    CHECK(d.where.line == line);
    CHECK(d.where.column == column);
    CHECK_THAT(d.message, Catch::Contains("expected"));
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
    for (size_t pos = 0; (pos = s.find(from, pos)) != std::string::npos; pos += to.size())
        s.replace(pos, from.size(), to);
    return s;
}

// Built field by field: g++ 12 warns of a maybe-uninitialized shared_ptr in the aggregate form.
diagnostic make_diagnostic(const std::string& file, int line, int column, const std::string& message) {
    diagnostic d;
    d.where.file = file_name(file);
    d.where.line = line;
    d.where.column = column;
    d.message = message;
    return d;
}

constexpr size_t sixteen_mib = 16u * 1024u * 1024u;

}  // namespace

TEST_CASE("invalid UTF-8 is refused where it stands", "[reader][refuse]") {
    // Line 4 is "    <name>Acme Oy</name>": the byte after "Acme" is column 15.
    const auto d = only_error(variant("Acme Oy", "Acme\xFFOy"));
    check_at(d, 4, 15);
    CHECK_THAT(d.message, Catch::Contains("invalid UTF-8 at 4:15") && Catch::Contains("0xFF"));
    CHECK(d.what == diagnostic::kind::xml);
    // Columns count the characters before it: "Kätu" is four.
    check_at(only_error(variant("Katu 1", "K\xC3\xA4tu\xE4 1")), 6, 35);
    // Latin-1, an overlong form, a surrogate, a cut sequence, beyond U+10FFFF.
    for (const char* bad : {"Seinäjoki\xE4", "\xC0\xAF", "\xED\xA0\x80", "\xE2\x82", "\xF4\x90\x80\x80"}) {
        INFO(bad);
        const auto e = errors_of(variant("Oy</name>", std::string("Oy") + bad + "</name>"));
        REQUIRE(e.size() == 1);
        CHECK(e[0].where.line == 4);
        CHECK_THAT(e[0].message, Catch::Contains("invalid UTF-8"));
    }
    // Many bad bytes: one diagnostic that counts the rest.
    const auto many = only_error(variant("Acme Oy", "\xE4\xE4\xE4 Oy"));
    check_at(many, 4, 11);
    CHECK_THAT(many.message, Catch::Contains("2 more"));
    // UTF-16 says so.
    std::string utf16 = "\xFF\xFE";
    for (char c : std::string("<seloste version=\"1\"/>")) utf16 += std::string(1, c) + '\0';
    const auto u = only_error(utf16);
    check_at(u, 1, 1);
    CHECK_THAT(u.message, Catch::Contains("UTF-16"));
    // A byte order mark is fine.
    CHECK(errors_of("\xEF\xBB\xBF" + std::string(minimal)).empty());
}

TEST_CASE("control characters are refused, raw or as character references", "[reader][refuse]") {
    struct control_case {
        std::string in;
        std::string says;
    };
    for (const auto& [in, says] : std::vector<control_case>{{"\x0C", "U+000C (form feed)"},
                                                            {"\x1B[31m", "U+001B (escape)"},
                                                            {"\x0B", "U+000B"},
                                                            {"\x07", "U+0007"},
                                                            {"\x7F", "U+007F"},
                                                            {"\xC2\x85", "U+0085"},
                                                            {"&#12;", "&#12;"},
                                                            {"&#x1b;", "&#x1b;"},
                                                            {"&#0;", "&#0;"}}) {
        INFO(says);
        const auto d = only_error(variant("Acme Oy", "Acme" + in + "Oy"));
        check_at(d, 4, 15);
        CHECK_THAT(d.message, Catch::Contains(says) && Catch::Contains("at 4:15"));
    }
    // Not characters at all.
    for (const char* ref : {"&#xD800;", "&#x110000;", "&#xFFFF;", "&#99999999999;"}) {
        INFO(ref);
        check_at(only_error(variant("Acme Oy", std::string("Acme") + ref + "Oy")), 4, 15);
    }
    check_at(only_error(variant("Acme Oy", "Acme\xEF\xBF\xBFOy")), 4, 15);  // U+FFFF raw
    // Tab, line breaks (LF, CRLF, CR) and their references are text.
    CHECK(errors_of(variant("Acme Oy", "Acme\tOy&#9;&#10;&#13;&#xA;")).empty());
    CHECK(errors_of(replace_all(minimal, "\n", "\r\n")).empty());
}

TEST_CASE("a NUL byte is named as such", "[reader][refuse]") {
    std::string xml = variant("Acme Oy", "AcmeXOy");
    xml[xml.find("AcmeXOy") + 4] = '\0';
    const auto d = only_error(xml);
    check_at(d, 4, 15);
    CHECK_THAT(d.message, Catch::Contains("a NUL byte at 4:15"));
}

TEST_CASE("DOCTYPE, entity declarations and undefined entities are refused", "[reader][refuse]") {
    const auto doctype = errors_of(
        variant("<seloste version=\"1\">", "<!DOCTYPE seloste [\n<!ENTITY oy \"Oy\">\n]>\n<seloste version=\"1\">"));
    REQUIRE(!doctype.empty());
    check_at(doctype[0], 2, 1);
    CHECK_THAT(doctype[0].message, Catch::Contains("DOCTYPE"));
    const auto entity = errors_of(variant("<seloste version=\"1\">", "<!ENTITY oy \"Oy\">\n<seloste version=\"1\">"));
    REQUIRE(!entity.empty());
    check_at(entity[0], 2, 1);
    CHECK_THAT(entity[0].message, Catch::Contains("<!ENTITY"));
    // "&oy;" stands at 4:16.
    const auto undefined = only_error(variant("Acme Oy", "Acme &oy;"));
    check_at(undefined, 4, 16);
    CHECK_THAT(undefined.message, Catch::Contains("undefined entity reference &oy; at 4:16"));
    const auto bare = only_error(variant("Acme Oy", "Acme & Oy"));
    check_at(bare, 4, 16);
    CHECK_THAT(bare.message, Catch::Contains("'&'"));
    // The five predefined entities and character references are fine; in a comment nothing counts.
    CHECK(errors_of(variant("Acme Oy", "Acme &lt;&gt;&amp;&quot;&apos;&#228;&#xE4; Oy <!-- &x; & -->")).empty());
    // Another encoding than UTF-8 is refused where it is declared.
    const auto enc = only_error(variant("encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\""));
    check_at(enc, 1, 31);
    CHECK_THAT(enc.message, Catch::Contains("ISO-8859-1"));
}

TEST_CASE("bidi and zero-width controls are refused in ids, links, e-mail and phone", "[reader][refuse]") {
    const std::string rlo = "\u202E", zwsp = "\u200B", wj = "\u2060", lrm = "\u200E", bom = "\uFEFF";
    // Line 13: '  <register id="asiakkaat">': the value starts at column 17.
    const auto id = only_error(variant("id=\"asiakkaat\"", "id=\"asia" + rlo + "kkaat\""));
    check_at(id, 13, 21);
    CHECK_THAT(id.message, Catch::Contains("U+202E") && Catch::Contains("at 13:21"));
    // Line 7: '    <email>info@acme.fi</email>'.
    const auto email = only_error(variant("info@acme.fi", "info" + zwsp + "@acme.fi"));
    check_at(email, 7, 16);
    CHECK_THAT(email.message, Catch::Contains("U+200B") && Catch::Contains("e-mail"));
    const std::string org_email = "<email>info@acme.fi</email>";  // 31 characters on line 7 with its indent
    check_at(only_error(variant(org_email, org_email + "<web>https://acme" + rlo + ".fi</web>")), 7, 49);
    check_at(only_error(variant(org_email, org_email + "<phone>+358 40" + wj + "123 4567</phone>")), 7, 46);
    check_at(only_error(variant(org_email, org_email + "<web>https://acme.fi/" + bom + "</web>")), 7, 53);
    // As a character reference, in a ref: line 15 '    <controller ref="ac&#x200B;me"/>'.
    const auto ref = only_error(variant("ref=\"acme\"", "ref=\"ac&#x200B;me\""));
    check_at(ref, 15, 24);
    CHECK_THAT(ref.message, Catch::Contains("U+200B"));
    const auto category = errors_of(variant("id=\"perus\"", "id=\"perus" + lrm + "\""));
    REQUIRE(!category.empty());  // the rule's category="perus" then names no category
    check_at(category[0], 21, 41);
    // In free text it is a warning of the checks, not a reader error.
    const auto r = read_source_string_lenient(variant("Acme Oy", "Acme" + rlo + "Oy"), "t.xml");
    CHECK(r.well_formed);
    CHECK(r.diagnostics.empty());
}

TEST_CASE("ids have a documented alphabet and length", "[reader][refuse]") {
    const auto with_id = [](const std::string& id) { return variant("id=\"asiakkaat\"", "id=\"" + id + "\""); };
    CHECK(errors_of(with_id(std::string(64, 'a'))).empty());
    CHECK(errors_of(with_id("a1-b2--c")).empty());
    const auto long_id = only_error(with_id(std::string(300, 'a')));
    check_at(long_id, 13, 13);
    CHECK_THAT(long_id.message, Catch::Contains("300 characters") && Catch::Contains("at most 64"));
    CHECK(long_id.message.size() < 400);  // the id is not repeated whole
    check_at(only_error(with_id(std::string(65, 'a'))), 13, 13);
    for (const char* bad : {"Asiakkaat", "asiak_kaat", "1asiakkaat", "-asiakkaat", "asiak.kaat", "asiakkäät"}) {
        INFO(bad);
        const auto d = only_error(with_id(bad));
        check_at(d, 13, 13);
        CHECK_THAT(d.message, Catch::Contains("a-z"));
    }
    // Every kind of id follows the same rule.
    const auto person = errors_of(variant("<person id=\"dpo\">", "<person id=\"DPO\">"));
    REQUIRE(!person.empty());  // <dpo ref="dpo"/> then names no one
    check_at(person[0], 9, 11);
    CHECK_THAT(person[0].message, Catch::Contains("a-z"));
}

TEST_CASE("a source over 16 MiB is refused before it is parsed", "[reader][refuse]") {
    std::string big = minimal;
    big += std::string(sixteen_mib - big.size(), '\n');
    CHECK(errors_of(big).empty());  // exactly the limit
    big += ' ';
    const auto d = only_error(big);
    check_at(d, 1, 1);
    CHECK_THAT(d.message, Catch::Contains("16 MiB"));
    CHECK(d.what == diagnostic::kind::xml);
    // From a file too, and leniently (for `check`).
    const std::string path = "seloste-reader-big.xml";
    {
        std::ofstream out(path, std::ios::binary);
        out << big;
    }
    const auto r = read_source_lenient(path);
    std::remove(path.c_str());
    CHECK_FALSE(r.well_formed);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].where.file == path);
    CHECK(r.diagnostics[0].where.line == 1);
    CHECK_THAT(r.diagnostics[0].message, Catch::Contains("16 MiB"));
}

TEST_CASE("broken XML is described in words, with positions", "[reader][errors]") {
    const std::string src = minimal;
    SECTION("the file ends inside an element") {
        const auto d = only_error(src.substr(0, src.find("    <notice-date>")));
        check_at(d, 26, 1);
        CHECK_THAT(d.message,
                   Catch::Contains("the file ends inside <register> opened at 13:3") && Catch::Contains("</register>"));
    }
    SECTION("the file ends inside a start tag") {
        const auto d = only_error(src.substr(0, src.find("asiakkaat") + 5));
        check_at(d, 13, 22);
        CHECK_THAT(d.message, Catch::Contains("<register") && Catch::Contains("opened at 13:3"));
    }
    SECTION("the file ends inside a comment") {
        const auto d = only_error(src.substr(0, src.find("</seloste>")) + "<!-- note");
        check_at(d, 29, 10);
        CHECK_THAT(d.message, Catch::Contains("comment opened at 29:1") && Catch::Contains("-->"));
    }
    SECTION("an end tag that does not match") {
        const auto d = only_error(variant("Acme Oy</name>", "Acme Oy</nam>"));
        check_at(d, 4, 18);
        CHECK_THAT(d.message, Catch::Contains("malformed XML") && Catch::Contains("</nam>") &&
                                  Catch::Contains("<name> opened at 4:5"));
    }
    SECTION("nesting too deep, below and above tinyxml2's own limit") {
        // <seloste>, <organisation>, <name>: the 62nd <x> is the 65th level, at column 11 + 61 * 3.
        for (int n : {70, 200}) {
            std::string open, close;
            for (int i = 0; i < n; ++i) {
                open += "<x>";
                close += "</x>";
            }
            const auto d = only_error(variant("Acme Oy", open + close));
            check_at(d, 4, 194);
            CHECK_THAT(d.message, Catch::Contains("nesting deeper than 64 elements at 4:194"));
            CHECK(d.what == diagnostic::kind::xml);
        }
    }
    SECTION("CR and CRLF line endings count as lines") {
        const std::string bad = variant("<email>info@acme.fi</email>", "<mail>info@acme.fi</mail>");
        for (const char* eol : {"\r", "\r\n"}) {
            const auto d = only_error(replace_all(bad, "\n", eol));
            check_at(d, 7, 5);
            CHECK_THAT(d.message, Catch::Contains("unknown element <mail>"));
        }
        const std::string cut = replace_all(src.substr(0, src.find("    <notice-date>")), "\n", "\r");
        const auto t = only_error(cut);
        check_at(t, 26, 1);
        CHECK_THAT(t.message, Catch::Contains("opened at 13:3"));
        std::string nul = replace_all(variant("Acme Oy", "AcmeXOy"), "\n", "\r");
        nul[nul.find("AcmeXOy") + 4] = '\0';
        CHECK_THAT(only_error(nul).message, Catch::Contains("a NUL byte at 4:15"));
        // The model keeps plain line breaks.
        const auto doc = read_source_string(replace_all(src, "\n", "\r"), "t.xml");
        CHECK(*doc.registers.at(0).purposes.at(0).description.get(lang::fi).value == "Laskutus.\n\nToinen kappale.");
    }
}

TEST_CASE("diagnostics escape control characters for the terminal", "[reader][errors]") {
    const diagnostic raw = make_diagnostic("a\x1b]0;x\x07.xml", 3, 7, "bad \"\x1b[2J\xe2\x80\xae\xff\" here\nnext");
    const std::string s = format_diagnostic(raw);
    CHECK(s.find('\x1b') == std::string::npos);
    CHECK(s.find('\x07') == std::string::npos);
    CHECK(s.find('\n') == std::string::npos);
    CHECK(s.find("\xe2\x80\xae") == std::string::npos);
    CHECK_THAT(s, Catch::StartsWith("a\\x1b]0;x\\x07.xml:3:7: error: bad \"\\x1b[2J\\u{202e}\\xff\" here\\nnext"));
    const diagnostic fine = make_diagnostic("a.xml", 1, 2, "ääkköset \"x\" — ok");
    CHECK(format_diagnostic(fine) == "a.xml:1:2: error: ääkköset \"x\" — ok");
    // Every door shows diagnostics this way: the exception's text is the formatted diagnostics.
    try {
        read_source_string(variant("Acme Oy", "Acme\x1bOy"), "e\x1b[31m.xml");
        FAIL("no error");
    } catch (const source_error& e) {
        CHECK(std::string(e.what()).find('\x1b') == std::string::npos);
        CHECK_THAT(std::string(e.what()), Catch::StartsWith("e\\x1b[31m.xml:4:15: error: "));
    }
}

TEST_CASE("bidi and zero-width characters in free text are a warning of the checks", "[reader][check]") {
    const check_options opts{.langs = {lang::fi}, .spelling = false, .today = date{2026, 11, 23}};
    std::string xml = variant("Acme Oy", "Acme\u202EOy");
    xml.replace(xml.find("Markkinointi"), 12, "Markki\u200Bnointi");
    // From a file: the checks find the character's column in the file's text.
    const std::string path = "seloste-invisible.xml";
    {
        std::ofstream out(path, std::ios::binary);
        out << xml;
    }
    const auto doc = read_source(path);
    std::vector<finding> found;
    for (const auto& f : check(doc, opts))
        if (f.rule == "text.invisible-character") found.push_back(f);
    REQUIRE(found.size() == 2);
    CHECK(found[0].level == severity::warning);
    CHECK(found[0].where.line == 4);
    CHECK(found[0].where.column == 15);
    CHECK_THAT(found[0].message_en, Catch::Contains("U+202E"));
    CHECK(found[1].where.line == 20);
    CHECK(found[1].where.column == 85);
    CHECK(found[1].register_id == "asiakkaat");
    CHECK_THAT(found[1].message_en, Catch::Contains("U+200B") && Catch::Contains("purpose[2]/description"));
    // The formatted finding shows the character as an escape, never raw.
    CHECK(format_finding(found[0]).find("\u202E") == std::string::npos);
    // Errors-only checks skip it.
    auto errors_only = opts;
    errors_only.least = severity::error;
    for (const auto& f : check(doc, errors_only)) CHECK(f.rule != "text.invisible-character");
    std::remove(path.c_str());
}

TEST_CASE("findings inside texts stand where they are in a file with CR line ends", "[reader][check]") {
    const check_options opts{.langs = {lang::fi}, .spelling = false, .today = date{2026, 11, 23}};
    std::string xml = variant("Markkinointi", "Markki\u200Bnointi");
    const std::string path = "seloste-cr.xml";
    for (const char* eol : {"\r", "\r\n"}) {
        {
            std::ofstream out(path, std::ios::binary);
            out << replace_all(xml, "\n", eol);
        }
        // A fresh name each round: the checks cache file texts by path.
        const std::string name = path + (eol[1] ? ".crlf" : ".cr");
        std::rename(path.c_str(), name.c_str());
        std::vector<finding> found;
        for (const auto& f : check(read_source(name), opts))
            if (f.rule == "text.invisible-character") found.push_back(f);
        std::remove(name.c_str());
        REQUIRE(found.size() == 1);
        CHECK(found[0].where.line == 20);
        CHECK(found[0].where.column == 85);
    }
}
