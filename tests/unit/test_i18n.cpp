// Pins the ICU behaviour Seloste relies on, in each language.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "embedded.hpp"
#include "seloste/i18n.hpp"

using namespace seloste;

TEST_CASE("dates: fi 22.2.2025, sv 22 februari 2025, en 22 February 2025", "[i18n]") {
    const date d{2025, 2, 22};
    CHECK(format_date(d, lang::fi) == "22.2.2025");
    // ICU's sv_FI (CLDR) long pattern: the short one is 2025-02-22, not Finland-Swedish usage.
    CHECK(format_date(d, lang::sv) == "22 februari 2025");
    CHECK(format_date({2024, 12, 1}, lang::sv) == "1 december 2024");
    CHECK(format_date(d, lang::en) == "22 February 2025");
    CHECK(format_date({2024, 12, 31}, lang::fi) == "31.12.2024");
    CHECK(format_date({2024, 2, 29}, lang::en) == "29 February 2024");  // no day shift at any time zone
}

TEST_CASE("lists of 1, 2 and 3 items", "[i18n]") {
    CHECK(format_list({"A"}, lang::fi) == "A");
    CHECK(format_list({"A", "B"}, lang::fi) == "A ja B");
    CHECK(format_list({"A", "B", "C"}, lang::fi) == "A, B ja C");
    CHECK(format_list({"A"}, lang::sv) == "A");
    CHECK(format_list({"A", "B"}, lang::sv) == "A och B");
    CHECK(format_list({"A", "B", "C"}, lang::sv) == "A, B och C");
    CHECK(format_list({"A"}, lang::en) == "A");
    CHECK(format_list({"A", "B"}, lang::en) == "A and B");
    CHECK(format_list({"A", "B", "C"}, lang::en) == "A, B and C");
}

TEST_CASE("durations with plurals for 1, 2, 5 and 21", "[i18n]") {
    auto years = [](int n, lang l) { return format_duration({.years = n}, l); };
    CHECK(years(1, lang::fi) == "1 vuosi");
    CHECK(years(2, lang::fi) == "2 vuotta");
    CHECK(years(5, lang::fi) == "5 vuotta");
    CHECK(years(21, lang::fi) == "21 vuotta");
    CHECK(years(1, lang::sv) == "1 år");
    CHECK(years(2, lang::sv) == "2 år");
    CHECK(years(5, lang::sv) == "5 år");
    CHECK(years(21, lang::sv) == "21 år");
    CHECK(years(1, lang::en) == "1 year");
    CHECK(years(2, lang::en) == "2 years");
    CHECK(years(5, lang::en) == "5 years");
    CHECK(years(21, lang::en) == "21 years");
    CHECK(format_duration({.months = 6}, lang::fi) == "6 kuukautta");
    CHECK(format_duration({.months = 1}, lang::sv) == "1 månad");
    CHECK(format_duration({.years = 1, .months = 6}, lang::en) == "1 year, 6 months");
    CHECK(format_duration({.days = 21}, lang::fi) == "21 päivää");
    // Finland-Swedish: dag, not the Sweden-Swedish dygn of CLDR's sv.
    CHECK(format_duration({.days = 1}, lang::sv) == "1 dag");
    CHECK(format_duration({.days = 30}, lang::sv) == "30 dagar");
    CHECK(format_duration({.years = 1, .days = 2}, lang::sv) == "1 år, 2 dagar");
    CHECK(format_duration({.days = 1}, lang::en) == "1 day");
    CHECK(format_duration({.days = 2}, lang::fi) == "2 päivää");
}

TEST_CASE("message plurals for 1, 2, 5 and 21", "[i18n]") {
    auto controllers = [](double n, lang l) { return format_message(l, "section.controllers", {}, {{"count", n}}); };
    CHECK(controllers(1, lang::fi) == "Rekisterinpitäjä");
    for (double n : {2.0, 5.0, 21.0}) CHECK(controllers(n, lang::fi) == "Rekisterinpitäjät");
    CHECK(controllers(1, lang::sv) == "Personuppgiftsansvarig");
    for (double n : {2.0, 5.0, 21.0}) CHECK(controllers(n, lang::sv) == "Personuppgiftsansvariga");
    CHECK(controllers(1, lang::en) == "Controller");
    for (double n : {2.0, 5.0, 21.0}) CHECK(controllers(n, lang::en) == "Controllers");
    // Finnish plural "one" is only 1: 21 takes the other form (unlike Slavic rules).
    CHECK(format_message(lang::fi, "section.contacts", {}, {{"count", 21}}) ==
          format_message(lang::fi, "section.contacts", {}, {{"count", 2}}));
}

TEST_CASE("collation: Swedish sorts å ä ö after z, Finnish v and w together", "[i18n]") {
    std::vector<std::string> sv{"Örebro", "Åbo", "Zürich", "Ängelholm", "Vasa"};
    sort_collated(sv, lang::sv);
    CHECK(sv == std::vector<std::string>{"Vasa", "Zürich", "Åbo", "Ängelholm", "Örebro"});
    std::vector<std::string> fi{"Ähtäri", "Vaasa", "Alavus", "Oulu"};
    sort_collated(fi, lang::fi);
    CHECK(fi == std::vector<std::string>{"Alavus", "Oulu", "Vaasa", "Ähtäri"});
}

TEST_CASE("official terms: the controller and the authority by their own names", "[i18n]") {
    CHECK(authority(lang::fi).name == "Tietosuojavaltuutetun toimisto");
    CHECK(authority(lang::sv).name == "Dataombudsmannens byrå");
    CHECK(authority(lang::en).name == "Office of the Data Protection Ombudsman");
    CHECK(authority(lang::fi).visiting_address == "Lintulahdenkuja 4, 00530 Helsinki");
    CHECK(message(lang::fi, "doc.title") == "Tietosuojaseloste");
    CHECK(message(lang::sv, "doc.title") == "Dataskyddsbeskrivning");
    CHECK(message(lang::en, "doc.title") == "Privacy notice");
}

TEST_CASE("the three catalogs have the same keys", "[i18n]") {
    std::vector<std::vector<std::string>> keys;
    for (const char* l : {"fi", "sv", "en"}) {
        auto text = detail::embedded_file(std::string("core/data/messages/") + l + ".json");
        REQUIRE(text);
        const auto j = nlohmann::json::parse(*text);
        std::vector<std::string> k;
        for (auto it = j.begin(); it != j.end(); ++it) k.push_back(it.key());
        keys.push_back(k);
    }
    CHECK(keys[0] == keys[2]);
    CHECK(keys[1] == keys[2]);
}

TEST_CASE("remembered results: each call gives the text for its own arguments", "[i18n]") {
    // Formatted results are remembered per thread; a repeat, and arguments that a
    // naively joined key would confuse, must still give their own texts.
    for (int round = 0; round < 2; ++round) {
        CHECK(format_message(lang::en, "label.opt_out", {{"service", "A"}}) == "Opt out of A");
        CHECK(format_message(lang::en, "label.opt_out", {{"service", "B"}}) == "Opt out of B");
        CHECK(format_message(lang::en, "doc.intro", {{"controllers", "X"}, {"register", "Y"}}, {{"count", 1}}) ==
              format_message(lang::en, "doc.intro", {{"controllers", "X"}, {"register", "Y"}}, {{"count", 1}}));
        const auto two =
            format_message(lang::en, "doc.intro", {{"controllers", "X"}, {"register", "Y"}}, {{"count", 2}});
        CHECK(two.find("X process personal data") != std::string::npos);
        const auto glued = format_message(lang::en, "doc.intro",
                                          {{"controllers", "X\x1fregister\x1eY"}, {"register", ""}}, {{"count", 2}});
        CHECK(glued != two);
        CHECK(format_duration({.years = 2}, lang::fi) == "2 vuotta");
        CHECK(format_duration({.years = 3}, lang::fi) == "3 vuotta");
        CHECK(format_date({2025, 2, 22}, lang::fi) == "22.2.2025");
        CHECK(format_date({2025, 2, 23}, lang::fi) == "23.2.2025");
        CHECK(country_name("US", lang::en) == "United States");
        CHECK(country_name("SE", lang::fi) == "Ruotsi");
    }
    // Outside what one key can hold: formatted each time, never mistaken for another.
    CHECK(format_duration({.years = 0x200000 + 2}, lang::en) != format_duration({.years = 2}, lang::en));
}
