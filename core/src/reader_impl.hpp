// The reader of docs/source-format.md, private to the core: one instance reads one
// source. reader.cpp holds the run and the helpers shared by every element;
// reader_elements.cpp reads the elements themselves.
#pragma once

#include <tinyxml2.h>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "seloste/source.hpp"
#include "source_scan.hpp"
#include "xml_text.hpp"

namespace seloste::reading {

using tinyxml2::XMLAttribute;
using tinyxml2::XMLElement;
using tinyxml2::XMLNode;

bool is_id(std::string_view s);
bool valid_date(int y, int m, int d);

class reader {
   public:
    // CR and CRLF line ends are read as LF (XML 1.0, 2.11), so lines and columns count them.
    reader(std::string_view xml, std::string file)
        : lf_(normalise_line_ends(xml)), xml_(lf_.empty() ? xml : lf_), loc_(xml_, std::move(file)) {}

    read_result run();

   private:
    diagnostic parse_error(const tinyxml2::XMLDocument& xdoc);
    void fail(const source_location& where, std::string msg, diagnostic::kind what = diagnostic::kind::format);
    const source_location& where(const XMLElement* e) const { return loc_.element(e); }
    // Reports unknown child elements and repeats of single ones; checks attributes.
    void expect(const XMLElement* e, std::initializer_list<const char*> singles,
                std::initializer_list<const char*> multis, std::initializer_list<const char*> attrs = {});
    static std::string list_attrs(std::initializer_list<const char*> attrs);
    const XMLElement* require(const XMLElement* e, const char* name, const char* what);
    std::string attr(const XMLElement* e, const char* name);
    std::string plain(const XMLElement* e);
    std::string plain_child(const XMLElement* e, const char* name, source_location* at = nullptr);
    text read_text(const XMLElement* e);
    text text_child(const XMLElement* e, const char* name);
    std::string read_id(const XMLElement* e, const char* kind);
    // Reports a bidi or zero-width control in `value` (what: "the id") where it stands, the
    // first one at or after byte `from` of the text; true when there is one.
    bool refuse_invisible(std::string_view value, size_t from, const std::string& what);
    // The plain text of child `name` (an e-mail address, phone number, web address) with no
    // invisible control in it.
    std::string field(const XMLElement* e, const char* name, source_location* at, const char* what);
    // An attribute that names an id (ref, category), empty when it holds an invisible control.
    std::string ref_attr(const XMLElement* e, const char* name);
    std::optional<date> read_date(std::string_view s, const source_location& at);
    address read_address(const XMLElement* e);
    void read_root(const XMLElement* root);
    void read_blocks(const XMLElement* b);
    // A register child that may be `ref="BLOCK"`: the element whose content to read.
    const XMLElement* deref(const XMLElement* e);
    organisation read_organisation(const XMLElement* e, bool with_id = true);
    person read_person(const XMLElement* e);
    contact_point read_contact_point(const XMLElement* e);
    word_list read_words(const XMLElement* e);
    // `processing`: a controller, which may say what it answers for in <processing>.
    ref read_ref(const XMLElement* e, const char* kind, bool processing = false);
    enum class item_kind { plain, subject, source };
    std::vector<item> read_items(const XMLElement* e, const char* item_name, item_kind kind = item_kind::plain);
    bool read_bool(const XMLElement* e, const char* name, bool required, bool fallback);
    std::optional<int> read_count(const XMLElement* e, const char* name);
    register_ read_register(const XMLElement* e);
    void read_controllers(const XMLElement* e, register_& r);
    std::vector<related_link> read_related(const XMLElement* e);
    // A shareable section (element `name`, in a register or under <blocks>) into its field of `r`.
    void read_section(const XMLElement* c, const std::string& name, register_& r);
    // subjects="ID …": checked against the register being read (not inside a block).
    subject_refs read_subjects(const XMLElement* e);
    data_category read_category(const XMLElement* e);
    purpose read_purpose(const XMLElement* e);
    transfers_section read_transfers(const XMLElement* e);
    std::vector<retention_rule> read_retention(const XMLElement* e, const register_& r);
    requirement_section read_requirement(const XMLElement* e);
    cookies_section read_cookies(const XMLElement* e);
    void resolve_refs();

    struct pending_ref {
        std::string kind, id;
        source_location at;
    };

    std::string lf_;  // the text with LF line ends, when it had others
    std::string_view xml_;
    locator loc_;
    source_doc* doc_ = nullptr;
    std::vector<diagnostic> diags_;
    std::map<std::string, std::set<std::string>> ids_;
    std::map<std::string, const XMLElement*> blocks_;
    std::vector<pending_ref> refs_;
    const register_* reg_ = nullptr;  // the register being read; null inside <blocks>
    std::string scope_;               // the namespace of category and subject ids: a register or block id
};

}  // namespace seloste::reading
