// The small views of a notice: texts, dates, links, addresses, parties; and the
// notice's top-level names (view_builder::build).
#include <algorithm>

#include "seloste/facts.hpp"
#include "seloste/i18n.hpp"
#include "seloste/jsonld.hpp"
#include "view.hpp"

namespace seloste::detail {

namespace {

size_t count_paragraphs(const std::string& s) {
    size_t n = 1;
    for (size_t pos = 0; (pos = s.find("\n\n", pos)) != std::string::npos; pos += 2) ++n;
    return n;
}

}  // namespace

data view_builder::build() {
    data v = obj();
    const int base = opts_.heading_base > 0 ? std::min(opts_.heading_base, 4) : (opts_.fragment ? 2 : 1);
    static const char* const levels[] = {"h1", "h2", "h3", "h4", "h5", "h6"};
    v["h_title"] = str(levels[base - 1]);
    v["h_section"] = str(levels[base]);
    v["h_sub"] = str(levels[base + 1]);
    v["fragment"] = data(opts_.fragment);
    v["page"] = data(!opts_.fragment);
    // Unique per register and language, so several notices can share a page.
    v["anchor"] = str("seloste-" + reg_.id + "-" + std::string(lang_code(l_)));
    v["register_id"] = str(reg_.id);
    v["title"] = str(notice_title(reg_, l_));
    v["register_name"] = text_view(reg_.name);
    v["stylesheet_href"] = opts_.stylesheet_href.empty() ? data(false) : str(opts_.stylesheet_href);
    v["index_href"] = opts_.index_href.empty() ? data(false) : str(opts_.index_href);
    v["updated"] = str(format_message(l_, "doc.updated", {{"date", format_date(reg_.notice_date, l_)}}));
    v["notice_date"] = date_view(reg_.notice_date);

    v["feed_href"] = opts_.feed_href.empty() ? data(false) : str(opts_.feed_href);
    v["feed_title"] = str(format_message(l_, "history.feed_title", {{"title", notice_title(reg_, l_)}}));
    v["version_note"] = version_note();

    v["intro"] = str(intro());
    v["jsonld"] = str(notice_jsonld(doc_, reg_, l_));  // escaped for a <script> element (jsonld.hpp)

    alternates(v);
    sections(v);
    return v;
}

// The note on the page of a dated version: which version it is, and the way to the current one.
data view_builder::version_note() const {
    if (!opts_.banner) return data(false);
    const auto& b = *opts_.banner;
    data n = obj();
    n["text"] = str(b.until ? format_message(l_, "version.earlier",
                                             {{"from", format_date(b.from, l_)}, {"until", format_date(*b.until, l_)}})
                            : format_message(l_, "version.current", {{"from", format_date(b.from, l_)}}));
    n["earlier"] = data(b.until.has_value());
    n["href"] = b.current_href.empty() ? data(false) : str(b.current_href);
    n["link"] = str(message(l_, "version.current_link"));
    return n;
}

// ---- small views -------------------------------------------------------
std::string view_builder::plain(const text& t) const {
    auto r = t.get(l_);
    return r.value ? *r.value : std::string();
}

namespace {

// A paragraph's runs, [{text, href | false}], when web addresses are written in it; false
// otherwise (the theme then prints p as it is). Links only from find_web_urls.
data runs_of(std::string_view p) {
    if (p.find("http") == std::string_view::npos) return data(false);
    const auto urls = find_web_urls(p);
    if (urls.empty()) return data(false);
    static const shape run{"text", "href"};
    list runs;
    runs.reserve(urls.size() * 2 + 1);
    size_t pos = 0;
    const auto plain = [&](size_t to) {
        if (to == pos) return;
        data r = run.make();
        r["text"] = str(std::string(p.substr(pos, to - pos)));
        r["href"] = data(false);
        runs.push_back(std::move(r));
    };
    for (const auto& [at, len] : urls) {
        plain(at);
        data r = run.make();
        r["text"] = str(std::string(p.substr(at, len)));
        r["href"] = str(std::string(p.substr(at, len)));
        runs.push_back(std::move(r));
        pos = at + len;
    }
    plain(p.size());
    return make_list(std::move(runs));
}

}  // namespace

// {text, paras: [{p, runs}] | true (one paragraph, with p and runs beside text), lang: "sv" | false};
// false when the text is empty. runs: see runs_of.
data view_builder::text_view(const text& t) const {
    static const shape one_paragraph{"text", "lang", "paras", "p", "runs"}, paragraphs{"text", "lang", "paras"},
        paragraph{"p", "runs"};
    auto r = t.get(l_);
    if (!r.value || r.value->empty()) return data(false);
    const std::string& s = *r.value;
    const size_t n_paras = count_paragraphs(s);
    data v = n_paras == 1 ? one_paragraph.make() : paragraphs.make();
    v["text"] = str(s);
    v["lang"] = r.fallback ? str(std::string(lang_code(*r.lang_of_value))) : data(false);
    if (n_paras == 1) {
        // One paragraph: `paras` is true and `p` stands beside `text`, so
        // {{#paras}}…{{p}}…{{/paras}} renders as for a list of one {p}, without
        // building the list.
        v["paras"] = data(true);
        v["runs"] = runs_of(s);
        v["p"] = str(s);
        return v;
    }
    list paras;
    paras.reserve(n_paras);
    size_t pos = 0;
    while (pos <= s.size()) {
        size_t end = s.find("\n\n", pos);
        if (end == std::string::npos) end = s.size();
        data p = paragraph.make();
        p["runs"] = runs_of(std::string_view(s).substr(pos, end - pos));
        p["p"] = str(s.substr(pos, end - pos));
        paras.push_back(std::move(p));
        pos = end + 2;
    }
    v["paras"] = make_list(std::move(paras));
    return v;
}

// The items' texts; with `from_data_subject`, only the sources of that origin.
data view_builder::items_view(const std::vector<item>& items, std::optional<bool> from_data_subject) const {
    list out;
    out.reserve(items.size());
    for (const auto& it : items) {
        if (from_data_subject && it.from_data_subject != *from_data_subject) continue;
        if (data t = text_view(it.value); !t.is_false()) out.push_back(std::move(t));
    }
    return out.empty() ? data(false) : make_list(std::move(out));
}

data view_builder::date_view(const date& d) const {
    static const shape date_shape{"iso", "text"};
    if (d.year == 0) return data(false);
    data v = date_shape.make();
    v["iso"] = str(d.iso());
    v["text"] = str(format_date(d, l_));
    return v;
}

// {text, href | false}: only safe, validated targets become links.
data view_builder::link_view(const std::string& value, const std::string& kind) const {
    static const shape link_shape{"text", "href"};
    if (value.empty()) return data(false);
    data v = link_shape.make();
    v["text"] = str(value);
    std::string href;
    if (kind == "mailto" && is_email(value))
        href = "mailto:" + value;
    else if (kind == "tel") {
        const auto e164 = phone_to_e164(value);
        href = e164 ? "tel:" + *e164 : "";
        // An English page is read from abroad: a Finnish national number (06 324 5111)
        // shows as dialled from there (+358 6 324 5111), keeping the source's grouping.
        if (e164 && l_ == lang::en && value.starts_with('0') && e164->starts_with("+358"))
            v["text"] = str("+358 " + value.substr(1));
    } else if (kind == "web" && is_web_url(value))
        href = value;
    v["href"] = href.empty() ? data(false) : str(href);
    return v;
}

data view_builder::address_view(const std::optional<address>& a) const {
    return a ? str(format_address(*a, l_)) : data(false);
}

data view_builder::organisation_view(const organisation& o) const {
    static const shape org_shape{"name",           "business_id", "vat_number", "visiting_address",
                                 "postal_address", "phone",       "email",      "web",
                                 "request_form",   "note",        "processing"};
    data v = org_shape.make();
    v["name"] = text_view(o.name);
    v["business_id"] = o.business_id.empty() ? data(false) : str(o.business_id);
    v["vat_number"] = o.vat_number.empty() ? data(false) : str(o.vat_number);
    v["visiting_address"] = address_view(o.visiting_address);
    v["postal_address"] = address_view(o.postal_address);
    v["phone"] = link_view(o.phone, "tel");
    v["email"] = link_view(o.email, "mailto");
    v["web"] = link_view(o.web, "web");
    v["request_form"] = data(false);
    v["note"] = text_view(o.note);
    v["processing"] = data(false);
    return v;
}

data view_builder::person_view(const person& p) const {
    static const shape person_shape{"name",  "title", "organisation", "visiting_address", "postal_address",
                                    "phone", "email", "web",          "request_form"};
    data v = person_shape.make();
    v["name"] = text_view(p.name);
    v["title"] = text_view(p.title);
    const organisation* o = p.organisation_ref.empty() ? nullptr : doc_.find_organisation(p.organisation_ref);
    v["organisation"] = o ? text_view(o->name) : data(false);
    v["visiting_address"] = address_view(p.visiting_address);
    v["postal_address"] = address_view(p.postal_address);
    v["phone"] = link_view(p.phone, "tel");
    v["email"] = link_view(p.email, "mailto");
    v["web"] = link_view(p.web, "web");
    v["request_form"] = data(false);
    return v;
}

// A contact point renders as an organisation: its name, then its contact lines.
data view_builder::contact_point_view(const contact_point& c) const {
    static const shape point_shape{"name",           "business_id", "vat_number", "visiting_address",
                                   "postal_address", "phone",       "email",      "web",
                                   "request_form",   "note",        "processing"};
    data v = point_shape.make();
    v["name"] = text_view(c.name);
    v["business_id"] = data(false);
    v["vat_number"] = data(false);
    v["visiting_address"] = address_view(c.visiting_address);
    v["postal_address"] = address_view(c.postal_address);
    v["phone"] = link_view(c.phone, "tel");
    v["email"] = link_view(c.email, "mailto");
    v["web"] = link_view(c.web, "web");
    v["request_form"] = link_view(c.request_form, "web");
    v["note"] = data(false);
    v["processing"] = data(false);
    return v;
}

data view_builder::contact_view(const ref& r) const {
    if (const auto* p = doc_.find_person(r.id)) {
        data v = person_view(*p);
        v["is_person"] = data(true);
        return v;
    }
    if (const auto* o = doc_.find_organisation(r.id)) {
        data v = organisation_view(*o);
        v["is_person"] = data(false);
        return v;
    }
    if (const auto* c = doc_.find_contact_point(r.id)) {
        data v = contact_point_view(*c);
        v["is_person"] = data(false);
        return v;
    }
    return data(false);
}

// The groups' texts joined in the language's list format ("A, B ja C"), as runs that
// keep each group's own lang: the list is formatted around placeholders (private-use
// characters that no pattern holds), which are then replaced by the texts.
data view_builder::applies_to(const subject_refs& s) const {
    if (s.empty()) return data(false);
    std::vector<const text*> groups;
    for (const auto& id : s.ids)
        for (const auto& it : reg_.data_subjects)
            if (it.id == id && !it.value.empty()) {
                groups.push_back(&it.value);
                break;
            }
    if (groups.empty()) return data(false);
    if (groups.size() > 6400) groups.resize(6400);
    // U+E000 + i marks group i (U+E000..U+F8FF: up to 6,400 groups).
    const auto mark = [](size_t i) {
        const auto cp = static_cast<unsigned>(0xE000 + i);
        return std::string{static_cast<char>(0xE0 | (cp >> 12)), static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
                           static_cast<char>(0x80 | (cp & 0x3F))};
    };
    std::vector<std::string> marks;
    marks.reserve(groups.size());
    for (size_t i = 0; i < groups.size(); ++i) marks.push_back(mark(i));
    const std::string joined = format_list(marks, l_);
    static const shape run{"text", "lang"};
    list runs;
    runs.reserve(groups.size() * 2 + 1);
    std::string between;
    const auto flush = [&] {
        if (between.empty()) return;
        data r = run.make();
        r["text"] = str(std::move(between));
        r["lang"] = data(false);
        runs.push_back(std::move(r));
        between.clear();
    };
    for (size_t pos = 0; pos < joined.size();) {
        const auto b0 = static_cast<unsigned char>(joined[pos]);
        if (b0 == 0xEE || b0 == 0xEF) {
            if (pos + 2 < joined.size()) {
                const unsigned cp = (b0 & 0x0Fu) << 12 | (static_cast<unsigned char>(joined[pos + 1]) & 0x3Fu) << 6 |
                                    (static_cast<unsigned char>(joined[pos + 2]) & 0x3Fu);
                if (cp >= 0xE000 && cp - 0xE000 < marks.size()) {
                    flush();
                    const auto t = groups[cp - 0xE000]->get(l_);
                    data r = run.make();
                    r["text"] = str(t.value ? *t.value : std::string());
                    r["lang"] = t.fallback ? str(std::string(lang_code(*t.lang_of_value))) : data(false);
                    runs.push_back(std::move(r));
                    pos += 3;
                    continue;
                }
            }
        }
        between += joined[pos++];
    }
    flush();
    static const shape applies{"runs"};
    data v = applies.make();
    v["runs"] = make_list(std::move(runs));
    return v;
}

void view_builder::alternates(data& v) const {
    list alts;
    alts.reserve(opts_.alternates.size());
    for (const auto& a : opts_.alternates) {
        static const shape alternate{"hreflang", "href", "name"};
        data x = alternate.make();
        x["hreflang"] = str(std::string(lang_code(a.language)));
        x["href"] = str(a.href);
        x["name"] = str(message(a.language, "@language_name"));
        alts.push_back(std::move(x));
    }
    v["has_alternates"] = data(!alts.empty());
    v["alternates"] = alts.empty() ? data(false) : make_list(std::move(alts));
}

}  // namespace seloste::detail
