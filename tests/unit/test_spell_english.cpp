// English is spelt with en-GB or en-US as the source's English texts spell (issue 13, item 7),
// and the finding names the dictionary.
#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "seloste/check.hpp"
#include "seloste/source.hpp"
#include "spell.hpp"

namespace {

using seloste::detail::dictionary;

dictionary choose(const std::vector<std::string>& texts) {
    std::vector<const std::string*> ps;
    for (const auto& t : texts) ps.push_back(&t);
    return seloste::detail::english_dictionary(ps);
}

std::vector<std::string> rejected(dictionary d, const std::string& text) {
    std::vector<std::string> out;
    for (const auto& m : seloste::detail::misspellings(d, text, {})) out.push_back(m.word);
    return out;
}

// A complete register whose purpose is described in English by `en`.
std::string source(const std::string& en) {
    return R"(<?xml version="1.0" encoding="UTF-8"?>
<seloste version="1">
  <organisation id="esim">
    <name>Esimerkkienergia Oy</name>
    <visiting-address><street>Varastotie 5</street><postal-code>60100</postal-code><town>Seinäjoki</town></visiting-address>
  </organisation>
  <person id="dpo"><title><fi>Tietosuojavastaava</fi></title><email>tietosuoja@esimerkki.fi</email></person>
  <register id="r1">
    <name><fi>Asiakasrekisteri</fi><en>Customer register</en></name>
    <controller ref="esim"/>
    <dpo ref="dpo"/>
    <purpose basis="contract"><description><fi>Laskutus.</fi><en>)" +
           en + R"(</en></description></purpose>
    <data-categories><category id="y"><name><fi>Yhteystiedot</fi></name></category></data-categories>
    <transfers none="true"/>
    <sources><source from-data-subject="true"><fi>Asiakkaalta itseltään.</fi></source></sources>
    <retention><rule><period years="6"/></rule></retention>
    <notice-date>2025-02-24</notice-date>
  </register>
</seloste>
)";
}

std::vector<seloste::finding> spelling_of(const std::string& en) {
    seloste::check_options o;
    o.today = seloste::date{2026, 11, 23};
    o.langs = {seloste::lang::en};
    std::vector<seloste::finding> out;
    for (auto& f : seloste::check(seloste::read_source_string_lenient(source(en), "t.xml"), o))
        if (f.rule == "text.spelling") out.push_back(std::move(f));
    return out;
}

}  // namespace

TEST_CASE("English: British pages are spelt with en-GB, American ones with en-US", "[spell][en]") {
    REQUIRE(seloste::detail::spelling_available(dictionary::en_gb));
    REQUIRE(seloste::detail::spelling_available(dictionary::en_us));
    CHECK(choose({"The data is centralised in one organisation.", "Its colour is blue."}) == dictionary::en_gb);
    CHECK(choose({"The data is centralized in one organization.", "Its color is blue, at the center."}) ==
          dictionary::en_us);
    // A tie, nothing to tell or names only: en-GB (EU English).
    CHECK(choose({}) == dictionary::en_gb);
    CHECK(choose({"We process your name."}) == dictionary::en_gb);
    CHECK(choose({"Its colour and its color."}) == dictionary::en_gb);
    CHECK(choose({"Oy Vaasa Datahub"}) == dictionary::en_gb);
    // A page that mixes: the spelling of most of its words decides.
    CHECK(choose({"The centre of the organisation; its colour and behavior."}) == dictionary::en_gb);
    CHECK(choose({"The center of the organization; its color and behaviour."}) == dictionary::en_us);

    CHECK(rejected(dictionary::en_gb, "The data is centralised in one organisation; its colour.").empty());
    CHECK(rejected(dictionary::en_us, "The data is centralized in one organization; its color.").empty());
    CHECK(rejected(dictionary::en_gb, "The colour and the color.") == std::vector<std::string>{"color"});
    CHECK(rejected(dictionary::en_us, "The color and the colour.") == std::vector<std::string>{"colour"});
    CHECK(seloste::detail::dictionary_name(dictionary::en_gb) == "en-GB");
    CHECK(seloste::detail::dictionary_name(dictionary::en_us) == "en-US");
}

TEST_CASE("English: the check spells each source as it spells, and names the dictionary", "[spell][en][check]") {
    // British: no finding for "centralised".
    CHECK(spelling_of("Billing is centralised in the organisation, whose colour is green.").empty());
    // American: no finding for "centralized" (nor "color", "center").
    CHECK(spelling_of("Billing is centralized in the organization, whose color is green, at the center.").empty());
    // Mixed: the minority spelling is the finding, and the message says which dictionary.
    const auto mixed = spelling_of("Billing is centralised in the organisation at the centre, whose color is green.");
    REQUIRE(mixed.size() == 1);
    CHECK(mixed[0].message_en.find("“color”") != std::string::npos);
    CHECK(mixed[0].message_en.find("not in the en-GB dictionary") != std::string::npos);
    CHECK(mixed[0].message_en.find("colour") != std::string::npos);
    CHECK(mixed[0].message_fi.find("en-GB") != std::string::npos);
    CHECK(mixed[0].message_sv.find("en-GB") != std::string::npos);
    const auto us = spelling_of(
        "Billing is centralized in the organization at the center, by the behavior of the meter, whose colour is "
        "green.");
    REQUIRE(us.size() == 1);
    CHECK(us[0].message_en.find("“colour”") != std::string::npos);
    CHECK(us[0].message_en.find("not in the en-US dictionary") != std::string::npos);
}
