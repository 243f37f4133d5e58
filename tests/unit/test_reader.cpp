// The reader: the model it builds, and every error path with its line and column.
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

TEST_CASE("reader builds the model", "[reader]") {
    const source_doc doc = read_source_string(minimal, "t.xml");
    REQUIRE(doc.organisations.size() == 1);
    const organisation& o = doc.organisations[0];
    CHECK(o.id == "acme");
    CHECK(o.name.neutral == "Acme Oy");
    CHECK(o.business_id == "2083762-5");
    REQUIRE(o.visiting_address);
    CHECK(*o.visiting_address->town.get(lang::sv).value == "Helsingfors");
    CHECK(o.email == "info@acme.fi");
    CHECK(o.email_where.line == 7);
    CHECK(o.email_where.column == 5);

    REQUIRE(doc.registers.size() == 1);
    const register_& r = doc.registers[0];
    CHECK(r.id == "asiakkaat");
    CHECK(*r.name.get(lang::en).value == "Customer register");
    REQUIRE(r.purposes.size() == 2);
    CHECK(r.purposes[0].basis == legal_basis::contract);
    CHECK(*r.purposes[0].description.get(lang::fi).value == "Laskutus.\n\nToinen kappale.");
    CHECK(r.purposes[1].basis == legal_basis::legitimate_interest);
    CHECK(r.purposes[1].direct_marketing);
    CHECK(r.purposes[1].interest.neutral == "Myynti");
    CHECK(r.has_basis(legal_basis::legitimate_interest));
    CHECK_FALSE(r.has_basis(legal_basis::consent));
    REQUIRE(r.retention.size() == 2);
    CHECK(r.retention[0].period->years == 10);
    CHECK(r.retention[0].category_ref == "perus");
    CHECK(r.retention[1].criteria.neutral == "Asiakkuuden ajan.");
    REQUIRE(r.sources.size() == 1);
    CHECK(r.sources[0].from_data_subject);
    REQUIRE(r.transfers);
    CHECK(r.transfers->none);
    // The block is used as if it stood in the register.
    REQUIRE(r.security);
    CHECK(r.security->manual.neutral == "Lukittu.");
    CHECK(*r.security->electronic.get(lang::fi).value == "Salasana.");
    CHECK(r.notice_date == date{2025, 2, 22});
    REQUIRE(r.history.size() == 1);
    CHECK(r.history[0].when == date{2024, 1, 31});
    REQUIRE(r.dpo);
    CHECK(doc.find_person(r.dpo->id) != nullptr);
}

TEST_CASE("a missing translation falls back and says from which language", "[reader][model]") {
    const source_doc doc = read_source_string(minimal, "t.xml");
    const text& electronic = doc.registers[0].security->electronic;
    CHECK(electronic.has(lang::fi));
    CHECK_FALSE(electronic.has(lang::sv));
    auto r = electronic.get(lang::sv);
    REQUIRE(r.value);
    CHECK(*r.value == "Salasana.");
    CHECK(r.fallback);
    CHECK(r.lang_of_value == lang::fi);
    // Neutral text is no fallback.
    auto n = doc.registers[0].security->manual.get(lang::en);
    CHECK_FALSE(n.fallback);
}

TEST_CASE("every error path reports file:line:col and what is expected", "[reader][errors]") {
    SECTION("malformed XML") {
        auto d = errors_of(variant("</name>\n    <business-id>", "</nam>\n    <business-id>"));
        REQUIRE(d.size() == 1);
        CHECK(d[0].where.file == "t.xml");
        CHECK(d[0].where.line == 4);
        CHECK(d[0].where.column == 18);
        CHECK_THAT(d[0].message, Catch::Contains("malformed XML"));
    }
    SECTION("unknown element") {
        auto d = errors_of(variant("<email>info@acme.fi</email>", "<mail>info@acme.fi</mail>"));
        REQUIRE(d.size() == 1);
        CHECK(d[0].where.line == 7);
        CHECK(d[0].where.column == 5);
        CHECK_THAT(d[0].message, Catch::Contains("unknown element <mail>") && Catch::Contains("expected one of"));
    }
    SECTION("unknown attribute") {
        auto d = errors_of(variant("<transfers none=\"true\"/>", "<transfers none=\"true\" colour=\"red\"/>"));
        REQUIRE(d.size() == 1);
        CHECK(d[0].where.line == 24);
        CHECK(d[0].where.column == 28);
        CHECK_THAT(d[0].message, Catch::Contains("unknown attribute colour"));
    }
    SECTION("missing required field") {
        auto d = errors_of(variant("<notice-date>2025-02-22</notice-date>", ""));
        REQUIRE(d.size() == 1);
        CHECK(d[0].where.line == 13);
        CHECK(d[0].where.column == 3);
        CHECK_THAT(d[0].message, Catch::Contains("lacks <notice-date>") && Catch::Contains("expected the date"));
    }
    SECTION("dangling reference") {
        auto d = errors_of(variant("<controller ref=\"acme\"/>", "<controller ref=\"acne\"/>"));
        REQUIRE(d.size() == 1);
        CHECK(d[0].where.line == 15);
        CHECK(d[0].where.column == 17);
        CHECK_THAT(d[0].message, Catch::Contains("no organisation with id \"acne\""));
    }
    SECTION("dangling block reference") {
        auto d = errors_of(variant("<security ref=\"sec\"/>", "<security ref=\"secu\"/>"));
        REQUIRE(d.size() == 1);
        CHECK(d[0].where.line == 25);
        CHECK_THAT(d[0].message, Catch::Contains("no block with id \"secu\""));
    }
    SECTION("bad date: truncated") {
        auto d = errors_of(variant("2025-02-22", "202-02-24"));
        REQUIRE(d.size() == 1);
        CHECK(d[0].where.line == 26);
        CHECK(d[0].where.column == 5);
        CHECK_THAT(d[0].message, Catch::Contains("bad date \"202-02-24\"") && Catch::Contains("YYYY-MM-DD"));
    }
    SECTION("bad date: not in the calendar") {
        auto d = errors_of(variant("2025-02-22", "2025-02-30"));
        REQUIRE(d.size() == 1);
        CHECK_THAT(d[0].message, Catch::Contains("2025-02-30"));
    }
    SECTION("bad legal basis") {
        auto d = errors_of(variant("basis=\"contract\"", "basis=\"contrakt\""));
        REQUIRE(d.size() == 1);
        CHECK(d[0].where.line == 17);
        CHECK(d[0].where.column == 14);
        CHECK_THAT(d[0].message, Catch::Contains("unknown legal basis"));
    }
    SECTION("several errors are all reported, in file order") {
        std::string s = variant("<email>info@acme.fi</email>", "<mail>x</mail>");
        const auto pos = s.find("2025-02-22");
        s.replace(pos, 10, "2025-13-01");
        auto d = errors_of(s);
        REQUIRE(d.size() == 2);
        CHECK(d[0].where.line < d[1].where.line);
    }
    SECTION("text mixing plain text and languages") {
        auto d = errors_of(variant("<name>Acme Oy</name>", "<name>Acme <fi>Oy</fi></name>"));
        REQUIRE(d.size() == 1);
        CHECK_THAT(d[0].message, Catch::Contains("mixes plain text"));
    }
    SECTION("wrong root") {
        auto d = errors_of("<notice/>");
        REQUIRE(d.size() == 1);
        CHECK(d[0].where.line == 1);
        CHECK(d[0].where.column == 1);
    }
}

TEST_CASE("format_diagnostic gives file:line:col: error:", "[reader][errors]") {
    CHECK(format_diagnostic({{"a.xml", 3, 7}, "oops"}) == "a.xml:3:7: error: oops");
}

TEST_CASE("columns count characters, not bytes", "[reader][errors]") {
    const std::string xml = variant("<organisation id=\"acme\">", "<organisation id=\"acme\"><!--ääää--><mail/>");
    auto d = errors_of(xml);
    REQUIRE(d.size() == 1);
    CHECK(d[0].where.line == 3);
    CHECK(d[0].where.column == 38);
}

TEST_CASE("columns stay exact for several elements on one line", "[reader][errors]") {
    // Line 3: <organisation id="acme" kind="x"><!--ää--><mail/><!--ö--><fax/>
    // The elements are located in document order, the attribute while reading.
    const std::string xml =
        variant("<organisation id=\"acme\">", "<organisation id=\"acme\" kind=\"x\"><!--ää--><mail/><!--ö--><fax/>");
    auto d = errors_of(xml);
    REQUIRE(d.size() == 3);
    for (const auto& e : d) CHECK(e.where.line == 3);
    CHECK(d[0].where.column == 27);  // kind=: 2 spaces + 24 characters before it
    CHECK(d[0].message.find("kind") != std::string::npos);
    CHECK(d[1].where.column == 45);  // <mail/>: 9 + 9 more
    CHECK(d[2].where.column == 60);  // <fax/>: 7 + 8 more
}

TEST_CASE("the lenient reader keeps what it could read", "[reader]") {
    auto r = read_source_string_lenient(variant("2025-02-22", "202-02-24"), "t.xml");
    CHECK(r.well_formed);
    REQUIRE(r.diagnostics.size() == 1);
    REQUIRE(r.doc.registers.size() == 1);
    CHECK(r.doc.registers[0].purposes.size() == 2);
    auto broken = read_source_string_lenient("<seloste version=\"1\"><register>", "b.xml");
    CHECK_FALSE(broken.well_formed);
    CHECK(broken.doc.registers.empty());
}

TEST_CASE("diagnostics say what kind of problem they are", "[reader][errors]") {
    CHECK(errors_of(variant("2025-02-22", "2025-02-30")).at(0).what == diagnostic::kind::date);
    CHECK(errors_of(variant("<notice-date>2025-02-22</notice-date>", "")).at(0).what == diagnostic::kind::date);
    CHECK(errors_of(variant("<controller ref=\"acme\"/>", "<controller ref=\"acne\"/>")).at(0).what ==
          diagnostic::kind::reference);
    CHECK(errors_of(variant("</name>", "</nam>")).at(0).what == diagnostic::kind::xml);
    CHECK(errors_of(variant("<email>", "<mail>")).size() >= 1);
}

namespace {

// The folding the format defines (docs/source-format.md), written the plain way:
// blanks go at both ends, a run of blanks with two or more newlines becomes a
// paragraph break, any other run one space.
std::string fold_reference(const std::string& raw) {
    const auto is_blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    std::string out;
    size_t i = 0;
    while (i < raw.size() && is_blank(raw[i])) ++i;
    while (i < raw.size()) {
        if (!is_blank(raw[i])) {
            out += raw[i++];
            continue;
        }
        int newlines = 0;
        while (i < raw.size() && is_blank(raw[i])) newlines += raw[i++] == '\n';
        if (i == raw.size()) break;
        out += newlines >= 2 ? "\n\n" : " ";
    }
    return out;
}

}  // namespace

TEST_CASE("text folding matches the format's rule on random texts", "[reader]") {
    // Words of every length around the reader's eight-byte steps, UTF-8 and
    // punctuation at 0x21, blanks of every kind in runs of 1 to 4.
    const std::vector<std::string> words = {"a",        "ää",       "kaksi",     "Tietosuoja",       "!",
                                            "0x21!!!!", "12345678", "123456789", "sähköpostiosoite", "å",
                                            "x\"'y",    "Ω"};
    const std::vector<std::string> blanks = {" ", "\n", "\t", "\r\n", "\n\n", " \n \n ", "  ", "\t \t"};
    unsigned seed = 12345;
    const auto next = [&seed](unsigned n) {
        seed = seed * 1103515245u + 12345u;
        return (seed >> 16) % n;
    };
    for (int round = 0; round < 300; ++round) {
        std::string raw;
        const unsigned parts = 1 + next(40);
        if (next(2)) raw += blanks[next(static_cast<unsigned>(blanks.size()))];
        for (unsigned i = 0; i < parts; ++i) {
            raw += words[next(static_cast<unsigned>(words.size()))];
            const unsigned gap = next(4);
            for (unsigned g = 0; g < gap; ++g) raw += blanks[next(static_cast<unsigned>(blanks.size()))];
        }
        std::string escaped;  // the raw text as XML character data
        for (char c : raw)
            escaped += c == '"' ? std::string("&quot;") : c == '\'' ? std::string("&apos;") : std::string(1, c);
        const std::string xml = std::string(minimal).replace(std::string(minimal).find("Asiakasrekisteri</fi>"),
                                                             std::strlen("Asiakasrekisteri</fi>"), escaped + "</fi>");
        INFO("round " << round << ": [" << raw << "]");
        const auto r = read_source_string_lenient(xml, "fold.xml");
        REQUIRE(r.well_formed);
        const auto* name = r.doc.registers.at(0).name.get(lang::fi).value;
        REQUIRE(name != nullptr);
        // tinyxml2 turns \r\n into \n before the reader folds.
        std::string lf;
        for (size_t i = 0; i < raw.size(); ++i)
            if (!(raw[i] == '\r' && i + 1 < raw.size() && raw[i + 1] == '\n')) lf += raw[i];
        CHECK(*name == fold_reference(lf));
    }
}

// ---------------------------------------------------------------------------------------------
// Reading refuses what cannot be published (issue 14): bytes, characters, declarations,
// ids, size; and says what is broken in words, with positions.

TEST_CASE("a retention rule holds a period or criteria, not both", "[reader][errors]") {
    auto d = errors_of(
        variant("<rule category=\"perus\"><period years=\"10\"/></rule>",
                "<rule category=\"perus\"><period years=\"10\"/><criteria>Asiakkuuden ajan.</criteria></rule>"));
    REQUIRE(d.size() == 1);
    CHECK(d[0].where.file == "t.xml");
    CHECK(d[0].where.line == 22);
    CHECK(d[0].where.column == 59);  // the <criteria>
    CHECK(d[0].message.find("both <period> and <criteria>") != std::string::npos);
    CHECK(d[0].message.find("expected exactly one") != std::string::npos);
}
