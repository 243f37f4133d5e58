// Finnish terms by their base forms (voikko_terms.cpp, "base-forms" of core/data/gdpr-terms.json):
// every inflected form that Voikko analyses to the base form, and nothing else.
#include <catch2/catch.hpp>
#include <string>
#include <thread>
#include <vector>

#include "spell.hpp"
#include "voikko_terms.hpp"

using namespace seloste::detail;

namespace {

std::vector<std::string> found(const std::vector<std::string>& terms, const std::string& text) {
    std::vector<base_form_term> ts;
    for (const auto& t : terms) ts.push_back(parse_base_form_term(t));
    std::vector<std::string> out;
    for (const auto& [k, m] : find_base_forms(ts, text)) out.push_back(m.text + "=" + terms[k]);
    return out;
}

}  // namespace

TEST_CASE("Voikko gives Finnish base forms", "[voikko][terms]") {
    REQUIRE(base_forms_available());
    const auto b = finnish_base_forms("rekisteröidyn");
    CHECK(std::find(b.begin(), b.end(), "rekisteröity") != b.end());
    CHECK(finnish_base_forms("tarkastusoikeuttaan") == std::vector<std::string>{"tarkastusoikeus"});
    CHECK(finnish_base_forms("xyzzyä").empty());
    CHECK(parse_base_form_term("  Arkaluonteinen   TIETO ") == base_form_term{"arkaluonteinen", "tieto"});
}

TEST_CASE("base forms: every inflected form and only the word itself", "[voikko][terms]") {
    // A stem ("rekisteröi\w*") would also take the verb and the noun of action; the base form does not.
    CHECK(found({"rekisteröity"}, "Rekisteröidyn oikeudet. Asiakas rekisteröidään. Rekisteröinti, rekisteröityjen.") ==
          std::vector<std::string>{"Rekisteröidyn=rekisteröity", "rekisteröityjen=rekisteröity"});
    CHECK(
        found({"tarkastuspyyntö"}, "Tarkastuspyyntö, tarkastuspyynnöstä ja tarkastuspyyntöjen; tarkastus ja pyyntö.") ==
        std::vector<std::string>{"Tarkastuspyyntö=tarkastuspyyntö", "tarkastuspyynnöstä=tarkastuspyyntö",
                                 "tarkastuspyyntöjen=tarkastuspyyntö"});
    CHECK(found({"kielto-oikeus"}, "Kielto-oikeuttaan ja kielto-oikeudesta.") ==
          std::vector<std::string>{"Kielto-oikeuttaan=kielto-oikeus", "kielto-oikeudesta=kielto-oikeus"});
    // The GDPR's words are not the old ones.
    CHECK(found({"tarkastusoikeus", "tarkastuspyyntö"},
                "Rekisteröidyllä on oikeus tarkastaa tietonsa ja oikeus saada pääsy tietoihin; pyyntö tarkastetaan.")
              .empty());
}

TEST_CASE("base forms: a term of several words, word for word", "[voikko][terms]") {
    const std::vector<std::string> t{"arkaluonteinen tieto", "arkaluonteinen henkilötieto"};
    CHECK(found(t, "Emme käsittele arkaluonteisia tietoja emmekä arkaluonteisten  henkilötietojen ryhmiä.") ==
          std::vector<std::string>{"arkaluonteisia tietoja=arkaluonteinen tieto",
                                   "arkaluonteisten  henkilötietojen=arkaluonteinen henkilötieto"});
    CHECK(found(t, "Arkaluonteisia asioita; arkaluonteisia, tietoja; tietoja arkaluonteisista.").empty());
}

TEST_CASE("base forms: offsets in bytes and code points", "[voikko][terms]") {
    std::vector<base_form_term> ts{parse_base_form_term("tietosuojalautakunta")};
    const std::string text = "Ärää ”äö” tietosuojalautakunnalle ja tietosuojalautakunnan.";
    const auto ms = find_base_forms(ts, text);
    REQUIRE(ms.size() == 2);
    CHECK(ms[0].second.start_byte == text.find("tietosuojalautakunnalle"));
    CHECK(ms[0].second.start_cp == 10);
    CHECK(ms[1].second.start_byte == text.find("tietosuojalautakunnan."));
    CHECK(ms[1].second.text == "tietosuojalautakunnan");
}

TEST_CASE("base forms: threads share Voikko safely", "[voikko][terms]") {
    std::vector<std::thread> ts;
    std::vector<size_t> counts(4);
    for (size_t i = 0; i < counts.size(); ++i)
        ts.emplace_back([&, i] {
            std::vector<base_form_term> t{parse_base_form_term("tarkastusoikeus")};
            for (int n = 0; n < 200; ++n)
                counts[i] += find_base_forms(t, "Tarkastusoikeuden ja tarkastusoikeutta.").size();
        });
    for (auto& t : ts) t.join();
    for (size_t c : counts) CHECK(c == 400);
}
