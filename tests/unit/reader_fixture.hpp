// The reader tests' shared fixture: a minimal valid source, variants of it, and their errors.
#pragma once

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "seloste/source.hpp"

namespace reader_fixture {

using namespace seloste;

inline const char* minimal = R"(<?xml version="1.0" encoding="UTF-8"?>
<seloste version="1">
  <organisation id="acme">
    <name>Acme Oy</name>
    <business-id>2083762-5</business-id>
    <visiting-address><street>Katu 1</street><postal-code>00100</postal-code><town><fi>Helsinki</fi><sv>Helsingfors</sv></town></visiting-address>
    <email>info@acme.fi</email>
  </organisation>
  <person id="dpo"><title><fi>Tietosuojavastaava</fi><en>Data protection officer</en></title><email>dpo@acme.fi</email></person>
  <blocks>
    <security id="sec"><manual>Lukittu.</manual><electronic><fi>Salasana.</fi></electronic></security>
  </blocks>
  <register id="asiakkaat">
    <name><fi>Asiakasrekisteri</fi><sv>Kundregister</sv><en>Customer register</en></name>
    <controller ref="acme"/>
    <dpo ref="dpo"/>
    <purpose basis="contract"><description><fi>Laskutus.

Toinen kappale.</fi></description></purpose>
    <purpose basis="legitimate-interest" direct-marketing="true"><description>Markkinointi</description><interest>Myynti</interest></purpose>
    <data-categories><category id="perus"><name>Perustiedot</name></category></data-categories>
    <retention><rule category="perus"><period years="10"/></rule><rule><criteria>Asiakkuuden ajan.</criteria></rule></retention>
    <sources><source from-data-subject="true">Asiakkaalta</source></sources>
    <transfers none="true"/>
    <security ref="sec"/>
    <notice-date>2025-02-22</notice-date>
    <history><change date="2024-01-31">Ensimmäinen versio</change></history>
  </register>
</seloste>
)";

// Replaces the first occurrence of `from` in the minimal source.
inline std::string variant(const std::string& from, const std::string& to) {
    std::string s = minimal;
    const auto pos = s.find(from);
    REQUIRE(pos != std::string::npos);
    s.replace(pos, from.size(), to);
    return s;
}

inline std::vector<diagnostic> errors_of(const std::string& xml) {
    try {
        read_source_string(xml, "t.xml");
    } catch (const source_error& e) {
        return e.diagnostics();
    }
    return {};
}

}  // namespace reader_fixture
