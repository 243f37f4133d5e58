// Private: the view of one notice (model + standard texts + locale -> mustache
// data). view_parts.cpp builds the small views (texts, links, addresses, parties),
// view_sections.cpp the sections; render.cpp renders them through the theme.
// docs/themes.md lists every name a template can use.
#pragma once

#include <kainjow/mustache.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "seloste/model.hpp"
#include "seloste/render.hpp"

namespace seloste::detail {

using kainjow::mustache::data;
using kainjow::mustache::list;

inline data obj() {
    return data(data::type::object);
}
// A string node that takes the string: kainjow's string constructor copies.
inline data str(std::string s) {
    data d(data::type::string);
    const_cast<std::string&>(d.string_value()) = std::move(s);
    return d;
}

// kainjow copies a list deeply when it is wrapped in data; this moves it in
// instead. The list inside a data object is not const, so the cast is sound.
// kainjow's data has no noexcept move, so a growing list copies every element
// deeply: every list is reserved to its size before it is filled.
inline data make_list(list&& items) {
    data d(data::type::list);
    const_cast<list&>(d.list_value()) = std::move(items);
    return d;
}

// Makes objects with a fixed set of keys. kainjow's operator[] inserts a default
// value for a new key, an empty object (one allocation, freed again when the real
// value is assigned); on a copy of this prototype, whose keys are there already
// (each false), it finds the key instead. A shape names only keys that its caller
// always sets, so a view holds the same names as without it.
class shape {
   public:
    shape(std::initializer_list<const char*> keys) : proto_(data::type::object) {
        for (const char* k : keys) proto_[k] = data(false);
    }
    data make() const { return proto_; }

   private:
    data proto_;
};

inline data one_item_list(data item) {
    list l;
    l.reserve(1);
    l.push_back(std::move(item));
    return make_list(std::move(l));
}

class view_builder {
   public:
    view_builder(const source_doc& doc, const register_& reg, const render_options& opts)
        : doc_(doc), reg_(reg), opts_(opts), l_(opts.language) {}

    data build();
    data version_note() const;

   private:
    // ---- small views (view_parts.cpp) --------------------------------------
    std::string plain(const text& t) const;
    // {text, paras: [{p}] | true (one paragraph, with p beside text), lang: "sv" | false};
    // false when the text is empty.
    data text_view(const text& t) const;
    // The items' texts; with `from_data_subject`, only the sources of that origin.
    data items_view(const std::vector<item>& items, std::optional<bool> from_data_subject = std::nullopt) const;
    data date_view(const date& d) const;
    // {text, href | false}: only safe, validated targets become links.
    data link_view(const std::string& value, const std::string& kind) const;
    data address_view(const std::optional<address>& a) const;
    data organisation_view(const organisation& o) const;
    data person_view(const person& p) const;
    data contact_point_view(const contact_point& c) const;
    // A person, an organisation or a contact point; false for an unknown id.
    data contact_view(const ref& r) const;
    void alternates(data& v) const;
    // The groups of data subjects an element applies to: {runs: [{text, lang}]}, the
    // groups' texts in the language's list format; false when it applies to every group.
    data applies_to(const subject_refs& s) const;

    // ---- parties and the authority (view_parties.cpp) ----------------------
    std::string intro() const;
    // The controllers section's title and body (false when no controller is known).
    std::pair<std::string, data> controllers_section() const;
    // The supervisory authority: the source's lead authority, else the Finnish one.
    std::pair<std::string, data> authority_section() const;

    // ---- sections (view_sections.cpp) --------------------------------------
    void add_section(data& v, list& toc, const std::string& key, const std::string& title, data body);
    static data with_items(data items);
    // Sources of one origin: texts, each with `public` (the marker of a publicly
    // accessible source, 14(2)(f), or false) and `applies_to`.
    data source_items(bool from_data_subject) const;
    // {kind, condition, legal_ground} for an Art. 9 or Art. 10 category; false otherwise.
    data special_view(const data_category& c) const;
    void sections(data& v);

    const source_doc& doc_;
    const register_& reg_;
    const render_options& opts_;
    lang l_;
};

}  // namespace seloste::detail
