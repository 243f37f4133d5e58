// Rendering: a notice's view (view.hpp) and the theme's standard names, through
// the theme's templates. docs/themes.md lists every name a template can use.
#include "seloste/render.hpp"

#include <algorithm>
#include <kainjow/mustache.hpp>

#include "seloste/errors.hpp"
#include "seloste/facts.hpp"
#include "seloste/i18n.hpp"
#include "seloste/version.hpp"
#include "theme_impl.hpp"
#include "view.hpp"

namespace seloste {

using detail::obj;
using detail::str;
using kainjow::mustache::data;
using kainjow::mustache::list;

struct prepared_notice::impl {
    data view;  // the notice's own names; the theme's standard view lies under it
    const theme::impl* th = nullptr;
    std::shared_ptr<const theme> keep;
    bool fragment = false;
    lang language = lang::fi;
};

namespace {

// The names of a notice's view that depend only on the theme and the language.
// Labels are top-level names (t_business_id, ...): dotted names cost a
// stringstream per lookup in kainjow, and they are used inside loops.
data standard_view(const theme::impl& th, lang l) {
    data v = obj();
    v["lang"] = str(std::string(lang_code(l)));
    v["doc_title"] = str(message(l, "doc.title"));
    v["generator"] = str(format_message(l, "doc.generator", {{"version", version}}));
    static constexpr const char* keys[] = {
        "business_id", "visiting_address", "postal_address", "phone",       "email",
        "web",         "purpose",          "basis",          "interest",    "category",
        "period",      "all_data",         "country",        "safeguard",   "date",
        "change",      "consequence",      "collected",      "refusal",     "exercise",
        "logic",       "significance",     "vat_number",     "processing",  "request_form",
        "applies_to",  "safeguards_copy",  "condition",      "legal_ground"};
    for (const char* k : keys) v[std::string("t_") + k] = str(message(l, std::string("label.") + k));
    v["t_toc"] = str(message(l, "doc.toc"));
    v["t_other_languages"] = str(message(l, "doc.other_languages"));
    v["t_skip"] = str(message(l, "doc.skip"));
    v["t_security_manual"] = str(message(l, "section.security_manual"));
    v["t_security_electronic"] = str(message(l, "section.security_electronic"));
    v["t_retention_caption"] = str(message(l, "retention.caption"));
    v["t_joint_arrangement"] = str(message(l, "section.joint_arrangement"));
    // The theme's own texts (theme.json "strings") as s_KEY, in this language, else fi, sv, en.
    for (const auto& [key, texts] : th.strings) {
        std::string value = texts[static_cast<size_t>(l)];
        for (lang f : all_langs)
            if (value.empty()) value = texts[static_cast<size_t>(f)];
        v["s_" + key] = str(value);
    }
    v["stylesheet"] = str(th.stylesheet);
    return v;
}

const data& standard_view_of(const theme::impl& th, lang l) {
    const auto i = static_cast<size_t>(l);
    std::call_once(th.standard_once[i], [&] { th.standard[i] = standard_view(th, l); });
    return th.standard[i];
}

}  // namespace

std::string notice_title(const register_& reg, lang l) {
    auto r = reg.name.get(l);
    return format_message(l, "doc.title_register", {{"register", r.value ? *r.value : reg.id}});
}

prepared_notice prepare_notice(const source_doc& doc, const register_& reg, const theme& th,
                               const render_options& opts) {
    auto p = std::make_shared<prepared_notice::impl>();
    p->view = detail::view_builder(doc, reg, opts).build();
    p->keep = std::make_shared<const theme>(th);
    p->th = &p->keep->internals();
    p->fragment = opts.fragment;
    p->language = opts.language;
    return prepared_notice(std::move(p));
}

namespace {

// Collects the render. Sections that render nothing leave blank lines behind;
// text never holds a line break (the reader folds whitespace), so dropping
// empty lines is safe.
struct page_sink {
    std::string& out;
    page_sink& operator<<(const std::string& s) {
        if (s.empty() || (s[0] == '\n' && (out.empty() || out.back() == '\n'))) {
            if (s.size() > 1) out.append(s, 1, std::string::npos);
            return *this;
        }
        out += s;
        return *this;
    }
};

}  // namespace

std::string render_prepared(const prepared_notice& notice) {
    const auto& n = notice.internals();
    return render_prepared_with(notice, n.fragment ? n.th->fragment.get() : n.th->page.get());
}

std::string render_prepared_with(const prepared_notice& notice, kainjow::mustache::mustache& tmpl) {
    const auto& n = notice.internals();
    std::string out;
    out.reserve(n.th->stylesheet.size() + 48 * 1024);  // a page inlines its stylesheet
    // The notice's names first, then the theme's standard ones.
    kainjow::mustache::context<std::string> ctx(&standard_view_of(*n.th, n.language));
    ctx.push(&n.view);
    page_sink sink{out};
    tmpl.render(ctx, sink);
    if (!tmpl.is_valid()) throw template_error("theme \"" + n.th->name + "\": " + tmpl.error_message());
    return out;
}

std::string render_html(const source_doc& doc, const register_& reg, const theme& th, const render_options& opts) {
    return render_prepared(prepare_notice(doc, reg, th, opts));
}

}  // namespace seloste
