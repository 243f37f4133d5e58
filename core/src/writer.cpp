// to_source_xml: a source_doc written back as a source file (see writer.hpp).
#include "seloste/writer.hpp"

#include <string_view>

namespace seloste {

namespace {

class writer {
   public:
    std::string run(const source_doc& doc) {
        out_ = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<seloste version=\"1\">\n";
        for (const auto& w : doc.words) words(w);
        for (const auto& o : doc.organisations) organisation_(o);
        for (const auto& p : doc.people) person_(p);
        for (const auto& r : doc.registers) register_el(r);
        out_ += "</seloste>\n";
        return std::move(out_);
    }

   private:
    static void escape(std::string& out, std::string_view s, bool attribute) {
        for (char c : s) {
            switch (c) {
                case '&': out += "&amp;"; break;
                case '<': out += "&lt;"; break;
                case '>': out += "&gt;"; break;
                case '"':
                    if (attribute)
                        out += "&quot;";
                    else
                        out += c;
                    break;
                default: out += c;
            }
        }
    }

    void indent() { out_.append(static_cast<size_t>(depth_) * 2, ' '); }

    std::string attr(const char* name, std::string_view value) {
        std::string s = std::string(" ") + name + "=\"";
        escape(s, value, true);
        return s + "\"";
    }

    void open(const char* name, const std::string& attrs = {}) {
        indent();
        out_ += "<" + std::string(name) + attrs + ">\n";
        ++depth_;
    }
    void close(const char* name) {
        --depth_;
        indent();
        out_ += "</" + std::string(name) + ">\n";
    }
    void empty(const char* name, const std::string& attrs = {}) {
        indent();
        out_ += "<" + std::string(name) + attrs + "/>\n";
    }
    void plain(const char* name, std::string_view value, bool always = false) {
        if (value.empty() && !always) return;
        indent();
        out_ += "<" + std::string(name) + ">";
        escape(out_, value, false);
        out_ += "</" + std::string(name) + ">\n";
    }

    // A text's content: plain text, or one child per language.
    void text_content(const text& t) {
        bool by_lang = false;
        for (const auto& v : t.by_lang) by_lang = by_lang || v.has_value();
        if (!by_lang) {
            escape(out_, t.neutral, false);
            return;
        }
        for (lang l : all_langs) {
            const auto& v = t.by_lang[static_cast<size_t>(l)];
            if (!v) continue;
            const std::string code(lang_code(l));
            out_ += "<" + code + ">";
            escape(out_, *v, false);
            out_ += "</" + code + ">";
        }
    }
    void text_el(const char* name, const text& t, bool always = false, const std::string& attrs = {}) {
        if (t.empty() && !always) return;
        indent();
        out_ += "<" + std::string(name) + attrs + ">";
        text_content(t);
        out_ += "</" + std::string(name) + ">\n";
    }

    void address_el(const char* name, const address& a) {
        open(name);
        text_el("street", a.street, true);
        plain("postal-code", a.postal_code, true);
        text_el("town", a.town, true);
        if (a.country != "FI") plain("country", a.country, true);
        close(name);
    }

    void words(const word_list& w) {
        std::string list;
        for (const auto& s : w.words) list += (list.empty() ? "" : " ") + s;
        indent();
        out_ += "<words" + (w.language ? attr("lang", lang_code(*w.language)) : std::string()) + ">";
        escape(out_, list, false);
        out_ += "</words>\n";
    }

    void organisation_(const organisation& o) {
        open("organisation", attr("id", o.id));
        text_el("name", o.name, true);
        plain("business-id", o.business_id);
        if (o.visiting_address) address_el("visiting-address", *o.visiting_address);
        if (o.postal_address) address_el("postal-address", *o.postal_address);
        plain("phone", o.phone);
        plain("email", o.email);
        plain("web", o.web);
        text_el("note", o.note);
        close("organisation");
    }

    void person_(const person& p) {
        open("person", attr("id", p.id));
        text_el("name", p.name);
        text_el("title", p.title);
        if (!p.organisation_ref.empty()) empty("organisation", attr("ref", p.organisation_ref));
        plain("email", p.email);
        plain("phone", p.phone);
        plain("web", p.web);
        if (p.postal_address) address_el("postal-address", *p.postal_address);
        close("person");
    }

    void items(const char* list, const char* name, const std::vector<item>& xs, bool sources = false) {
        open(list);
        for (const auto& x : xs)
            text_el(name, x.value, true,
                    sources ? attr("from-data-subject", x.from_data_subject ? "true" : "false") : std::string());
        close(list);
    }

    void register_el(const register_& r) {
        open("register", attr("id", r.id));
        text_el("name", r.name, true);
        text_el("description", r.description);
        for (const auto& c : r.controllers) empty("controller", attr("ref", c.id));
        text_el("joint-arrangement", r.joint_arrangement);
        if (r.representative) empty("representative", attr("ref", r.representative->id));
        if (r.dpo) empty("dpo", attr("ref", r.dpo->id));
        for (const auto& c : r.contacts) empty("contact", attr("ref", c.id));
        for (const auto& p : r.purposes) {
            std::string a = p.basis ? attr("basis", basis_code(*p.basis)) : std::string();
            if (p.direct_marketing) a += attr("direct-marketing", "true");
            open("purpose", a);
            text_el("description", p.description, true);
            text_el("interest", p.interest);
            close("purpose");
        }
        if (!r.data_subjects.empty()) items("data-subjects", "subject", r.data_subjects);
        if (!r.data_categories.empty()) {
            open("data-categories");
            for (const auto& c : r.data_categories) {
                open("category", attr("id", c.id));
                text_el("name", c.name, true);
                text_el("description", c.description);
                close("category");
            }
            close("data-categories");
        }
        if (!r.recipients.empty()) items("recipients", "recipient", r.recipients);
        if (!r.processors.empty()) items("processors", "processor", r.processors);
        if (!r.disclosures.empty()) items("disclosures", "disclosure", r.disclosures);
        if (r.transfers) {
            const auto& t = *r.transfers;
            open("transfers", t.none ? attr("none", "true") : std::string());
            text_el("description", t.description);
            for (const auto& x : t.items) {
                std::string a;
                if (!x.country.empty()) a += attr("country", x.country);
                if (x.guard) a += attr("safeguard", safeguard_code(*x.guard));
                open("transfer", a);
                text_el("description", x.description);
                close("transfer");
            }
            close("transfers");
        }
        if (!r.sources.empty()) items("sources", "source", r.sources, true);
        if (!r.retention.empty()) {
            open("retention");
            for (const auto& rule : r.retention) {
                open("rule", rule.category_ref.empty() ? std::string() : attr("category", rule.category_ref));
                if (rule.period) {
                    std::string a;
                    if (rule.period->years) a += attr("years", std::to_string(rule.period->years));
                    if (rule.period->months) a += attr("months", std::to_string(rule.period->months));
                    if (rule.period->days) a += attr("days", std::to_string(rule.period->days));
                    empty("period", a);
                }
                text_el("criteria", rule.criteria);
                text_el("description", rule.description);
                close("rule");
            }
            close("retention");
        }
        if (r.requirement) {
            open("requirement", attr("kind", requirement_code(r.requirement->kind)));
            text_el("consequence", r.requirement->consequence);
            text_el("description", r.requirement->description);
            close("requirement");
        }
        if (r.automated_decisions) {
            const auto& a = *r.automated_decisions;
            open("automated-decisions", attr("used", a.used ? "true" : "false"));
            text_el("description", a.description);
            text_el("logic", a.logic);
            text_el("significance", a.significance);
            close("automated-decisions");
        }
        if (r.security) {
            open("security");
            text_el("manual", r.security->manual);
            text_el("electronic", r.security->electronic);
            close("security");
        }
        if (r.cookies) {
            const auto& c = *r.cookies;
            open("cookies");
            text_el("description", c.description);
            if (!c.collected.empty()) items("collected", "item", c.collected);
            text_el("refusal", c.refusal);
            for (const auto& a : c.analytics) {
                std::string at = attr("name", a.name);
                if (!a.opt_out_url.empty()) at += attr("opt-out", a.opt_out_url);
                open("analytics", at);
                text_el("description", a.description);
                close("analytics");
            }
            close("cookies");
        }
        if (r.rights) {
            open("rights");
            text_el("exercise", r.rights->exercise);
            text_el("note", r.rights->note);
            close("rights");
        }
        plain("notice-date", r.notice_date.iso(), true);
        if (!r.history.empty()) {
            open("history");
            for (const auto& ch : r.history) text_el("change", ch.description, true, attr("date", ch.when.iso()));
            close("history");
        }
        close("register");
    }

    std::string out_;
    int depth_ = 1;
};

}  // namespace

std::string to_source_xml(const source_doc& doc) {
    return writer().run(doc);
}

}  // namespace seloste
