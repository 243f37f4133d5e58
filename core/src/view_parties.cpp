// The parties of a notice: the introduction that names the controllers, the
// controllers section (single, joint, separate, group) and the supervisory authority.
#include "seloste/facts.hpp"
#include "seloste/i18n.hpp"
#include "view.hpp"

namespace seloste::detail {

namespace {

bool is_joint(const register_& reg) {
    return reg.relation == controllership::joint;
}

}  // namespace

std::string view_builder::intro() const {
    std::vector<std::string> names;
    for (const auto& c : reg_.controllers)
        if (const auto* o = doc_.find_organisation(c.id)) names.push_back(plain(o->name));
    if (is_joint(reg_) && names.size() >= 2)
        return format_message(l_, "doc.intro_joint",
                              {{"controllers", format_list(names, l_)}, {"register", plain(reg_.name)}});
    return format_message(l_, "doc.intro", {{"controllers", format_list(names, l_)}, {"register", plain(reg_.name)}},
                          {{"count", static_cast<double>(names.size())}});
}

// {items: organisations each with `processing` (a text, separate controllers), statement,
// joint_arrangement, representative}. statement: joint controllers' Art. 26(3) sentence,
// separate controllers' own processing, or the group company's shared systems.
std::pair<std::string, data> view_builder::controllers_section() const {
    list orgs;
    orgs.reserve(reg_.controllers.size());
    std::vector<std::string> names;
    for (const auto& c : reg_.controllers)
        if (const auto* o = doc_.find_organisation(c.id)) {
            data x = organisation_view(*o);
            x["processing"] = text_view(c.processing);
            orgs.push_back(std::move(x));
            names.push_back(plain(o->name));
        }
    const auto n_orgs = orgs.size();
    const bool joint = is_joint(reg_) && n_orgs >= 2;
    std::string title = joint ? message(l_, "section.controllers_joint")
                              : format_message(l_, "section.controllers", {}, {{"count", static_cast<double>(n_orgs)}});
    if (orgs.empty()) return {std::move(title), data(false)};
    data b = obj();
    b["items"] = make_list(std::move(orgs));
    std::string statement;
    if (joint)
        statement = message(l_, "controllers.joint");
    else if (reg_.relation == controllership::separate && n_orgs >= 2)
        statement = message(l_, "controllers.separate");
    else if (reg_.relation == controllership::group) {
        std::vector<std::string> companies;
        for (const auto& g : reg_.group_companies)
            if (const auto* o = doc_.find_organisation(g.id)) companies.push_back(plain(o->name));
        if (!companies.empty())
            statement = format_message(l_, "controllers.group",
                                       {{"controller", names.front()}, {"companies", format_list(companies, l_)}});
    }
    b["statement"] = statement.empty() ? data(false) : str(std::move(statement));
    b["joint_arrangement"] = text_view(reg_.joint_arrangement);
    b["representative"] = reg_.representative ? contact_view(*reg_.representative) : data(false);
    return {std::move(title), std::move(b)};
}

// The names of a party ({name, name_lang, visiting_address, postal_address, phone, email,
// web, request_form}), so the contact-lines partial renders them all.
std::pair<std::string, data> view_builder::authority_section() const {
    data b = obj();
    if (doc_.supervisory_authority) {
        const organisation& o = *doc_.supervisory_authority;
        const auto name = o.name.get(l_);
        b["intro"] = str(message(l_, "authority.lead_intro"));
        b["name"] = str(name.value ? *name.value : std::string());
        b["name_lang"] = name.fallback ? str(std::string(lang_code(*name.lang_of_value))) : data(false);
        b["visiting_address"] = address_view(o.visiting_address);
        b["postal_address"] = address_view(o.postal_address);
        b["phone"] = link_view(o.phone, "tel");
        b["email"] = link_view(o.email, "mailto");
        b["web"] = link_view(o.web, "web");
        b["request_form"] = data(false);
        return {message(l_, "section.lead_authority"), std::move(b)};
    }
    const authority_info a = authority(l_);
    b["intro"] = str(message(l_, "authority.intro"));
    b["name"] = str(a.name);
    b["name_lang"] = data(false);
    b["visiting_address"] = str(a.visiting_address);
    b["postal_address"] = str(a.postal_address);
    data phone = obj();
    phone["text"] = str(a.phone);
    phone["href"] = str("tel:" + a.phone_e164);
    b["phone"] = std::move(phone);
    b["email"] = link_view(a.email, "mailto");
    b["web"] = link_view(a.web, "web");
    b["request_form"] = data(false);
    return {message(l_, "section.authority"), std::move(b)};
}

}  // namespace seloste::detail
