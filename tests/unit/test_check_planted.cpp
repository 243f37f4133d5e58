// Issue 13's gate, end to end: each kind of defect a data-protection officer marks, planted
// into a clean example (examples/harjuvirta.xml, fi, sv and en), gives a finding of its rule
// on the planted line, and the messages name the fix in every message language. The clean
// example itself gives no such finding (tests/expected-findings.tsv holds its findings).
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "seloste/check.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path example = fs::path(SELOSTE_SOURCE_DIR) / "examples" / "harjuvirta.xml";

struct plant {
    const char* what;
    const char* from;  // the first occurrence of this in the example ...
    const char* to;    // ... becomes this; the finding stands on its line
    const char* rule;
    std::vector<const char*> fix;  // each of these is in the fi, sv and en messages
    // Optionally a second edit, made first (e.g. the Finnish text the English one mistranslates).
    const char* also_from = nullptr;
    const char* also_to = nullptr;
};

// The rights text of the joint register, one line per language.
#define FI_RIGHTS "<fi>Pyynnöt oikeuksien käyttämiseksi"
#define SV_RIGHTS "<sv>Du kan utöva dina rättigheter"
#define EN_RIGHTS "<en>You can make requests to exercise your rights"

const std::vector<plant> plants = {
    // 1. Terminology per language.
    {"pre-GDPR Finnish term",
     FI_RIGHTS,
     "<fi>Tarkastusoikeutta voi käyttää kirjallisesti. Pyynnöt oikeuksien käyttämiseksi",
     "text.outdated-term",
     {"oikeus saada pääsy tietoihin"}},
    {"Personal Data Act era Swedish term",
     SV_RIGHTS,
     "<sv>Den registeransvarige svarar på begäran. Du kan utöva dina rättigheter",
     "text.outdated-term",
     {"personuppgiftsansvarig"}},
    {"English calque",
     EN_RIGHTS,
     "<en>Requests go to the register controller. You can make requests to exercise your rights",
     "text.outdated-term",
     {"controller"}},
    {"data protection statement",
     EN_RIGHTS,
     "<en>This data protection statement is updated yearly. You can make requests to exercise your rights",
     "text.outdated-term",
     {"privacy notice"}},
    // 2. Consent misuse.
    {"consent from use, fi",
     FI_RIGHTS,
     "<fi>Käyttämällä palvelua hyväksyt tietojesi käsittelyn. Pyynnöt oikeuksien käyttämiseksi",
     "gdpr.7.consent-by-use",
     {}},
    {"consent from use, sv",
     SV_RIGHTS,
     "<sv>Genom att använda tjänsten godkänner du behandlingen. Du kan utöva dina rättigheter",
     "gdpr.7.consent-by-use",
     {}},
    {"consent from use, en",
     EN_RIGHTS,
     "<en>By using our services you accept this processing. You can make requests to exercise your rights",
     "gdpr.7.consent-by-use",
     {}},
    // 3. Legal citations.
    {"reversed regulation number",
     FI_RIGHTS,
     "<fi>Käsittely perustuu tietosuoja-asetukseen 679/2016. Pyynnöt oikeuksien käyttämiseksi",
     "law.regulation-number",
     {"2016/679"}},
    {"article that does not exist",
     EN_RIGHTS,
     "<en>Processing rests on Article 6(1)(g). You can make requests to exercise your rights",
     "law.article-exists",
     {"6(1)"}},
    {"Article 100", SV_RIGHTS, "<sv>Se artikel 100. Du kan utöva dina rättigheter", "law.article-exists", {"99"}},
    {"Finnish act by a wrong number",
     FI_RIGHTS,
     "<fi>Tietosuojalaki (1050/2019) täydentää asetusta. Pyynnöt oikeuksien käyttämiseksi",
     "law.act-number",
     {"1050/2018"}},
    // 4. Consistency between the language versions.
    {"a duration that differs between languages",
     EN_RIGHTS,
     "<en>Requests are answered within 2 months. You can make requests to exercise your rights",
     "i18n.translation-mismatch",
     {"2 months"}},
    {"y-tunnus rendered as a social security number",
     EN_RIGHTS,
     "<en>The social security number of a business customer is checked. You can make requests to exercise your rights",
     "i18n.translation-mismatch",
     {"business ID"},
     FI_RIGHTS,
     "<fi>Yritysasiakkaan y-tunnus tarkistetaan. Pyynnöt oikeuksien käyttämiseksi"},
    // 5. Number and role.
    {"the controller in the singular for joint controllers",
     EN_RIGHTS,
     "<en>The controller answers every request. You can make requests to exercise your rights",
     "text.controller-role",
     {}},
    {"joint controllers called separate",
     FI_RIGHTS,
     "<fi>Yhtiöt ovat erillisiä rekisterinpitäjiä. Pyynnöt oikeuksien käyttämiseksi",
     "text.controller-role",
     {}},
    // 6. Messages that give the fix.
    {"a disguised e-mail address",
     "<email>asiakaspalvelu@harjuvirta.example</email>",
     "<email>asiakaspalvelu(at)harjuvirta.example</email>",
     "fact.email",
     {"asiakaspalvelu@harjuvirta.example"}},
    {"a phone number with its label",
     "<phone>03 619 8800</phone>",
     "<phone>puh. 03 619 8800</phone>",
     "fact.phone",
     {"03 619 8800"}},
    {"a replacement in the language of the text",
     FI_RIGHTS,
     "<fi>Osoitteet saadaan Väestörekisterikeskuksesta. Pyynnöt oikeuksien käyttämiseksi",
     "text.outdated-reference",
     {"Digi- ja väestötietovirasto"}},
    {"VAT number as the business ID",
     "<business-id>3318462-7</business-id>",
     "<business-id>FI33184627</business-id>",
     "fact.business-id",
     {"3318462-7"}},
};

int line_of(const std::string& s, size_t at) {
    return 1 + static_cast<int>(std::count(s.begin(), s.begin() + static_cast<long>(at), '\n'));
}

}  // namespace

TEST_CASE("each defect planted into a clean example is found on its line, with its fix", "[check][planted]") {
    std::ifstream in(example, std::ios::binary);
    const std::string clean{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    REQUIRE_FALSE(clean.empty());
    seloste::check_options opts;
    opts.today = seloste::date{2026, 12, 3};
    opts.langs = {seloste::lang::fi, seloste::lang::sv, seloste::lang::en};
    opts.spelling = false;
    const fs::path dir = fs::temp_directory_path() / "seloste-test-planted";
    fs::create_directories(dir);

    for (const auto& p : plants) {
        SECTION(p.what) {
            std::string planted = clean;
            if (p.also_from) {
                const size_t also = planted.find(p.also_from);
                REQUIRE(also != std::string::npos);
                planted.replace(also, std::string(p.also_from).size(), p.also_to);
            }
            const size_t at = planted.find(p.from);
            REQUIRE(at != std::string::npos);
            planted.replace(at, std::string(p.from).size(), p.to);
            const int line = line_of(planted, at);
            const fs::path file = dir / "harjuvirta.xml";
            std::ofstream(file, std::ios::binary | std::ios::trunc) << planted;

            const auto before = seloste::check_file(example.string(), opts);
            const auto after = seloste::check_file(file.string(), opts);
            std::string all;
            for (const auto& f : after) all += seloste::format_finding(f) + "\n";
            INFO("planted on line " << line << "; findings:\n" << all);
            // The clean example has no finding of the rule on that line.
            CHECK(std::none_of(before.begin(), before.end(),
                               [&](const seloste::finding& f) { return f.rule == p.rule && f.where.line == line; }));
            const auto hit = std::find_if(after.begin(), after.end(), [&](const seloste::finding& f) {
                return f.rule == p.rule && f.where.line == line;
            });
            REQUIRE(hit != after.end());
            for (const std::string* msg : {&hit->message_fi, &hit->message_sv, &hit->message_en}) {
                CHECK_FALSE(msg->empty());
                for (const char* fix : p.fix) {
                    INFO("message: " << *msg);
                    CHECK(msg->find(fix) != std::string::npos);
                }
            }
        }
    }
    fs::remove_all(dir);
}
