// A semantic diff between two versions of a source: what changed in the notices, on the
// model, not on the text of the files (docs/diff.md).
//
//   auto changes = seloste::diff(seloste::read_source("old.xml"), seloste::read_source("new.xml"));
//   std::cout << seloste::format_diff(changes, seloste::lang::fi);   // sentences, per register
//   std::cout << seloste::diff_to_json(changes);                     // the stable JSON form
//
// Every change names its register, the section, the item (by id where the model has ids,
// else matched by content) and the values before and after as they read on the page, in
// each language. The sentences come from core/data/diff-messages.json.
#pragma once

#include <array>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "seloste/model.hpp"

namespace seloste {

// One string per language, indexed by lang (fi, sv, en).
using per_lang = std::array<std::string, 3>;

enum class change_op {
    added,    // an item is new
    removed,  // an item is gone
    changed,  // a value of an item changed (`field`), from `before` to `after`
    text      // a free text of an item changed: `words` is a short word diff
};
std::string_view change_op_code(change_op op);  // "added", "removed", "changed", "text"

struct diff_change {
    std::string register_id;  // empty: the source as a whole (a block, the word lists, an unused organisation)
    std::string section;      // stable code: "register", "purposes", "retention", ... (docs/diff.md)
    change_op op = change_op::changed;
    std::string field;  // what changed of the item: "period", "basis", "description", ...; empty for added/removed
    std::string key;    // the item's id, or what it was matched by (a country, an address, an index)
    per_lang item;      // the item's name in each language (a category's name, a purpose's description); may be empty
    per_lang before, after;  // the values as they read on the page; empty where there is none
    per_lang words;  // text changes: "…säilytetään [-6-]{+10+} vuotta…"; empty where the language is unchanged
    source_location old_where, new_where;
};

struct diff_result {
    std::string old_file, new_file;
    std::vector<diff_change> changes;                // in the order of the new source's registers, then sections
    std::map<std::string, per_lang> register_names;  // the name of every register a change names
    bool empty() const { return changes.empty(); }
};

diff_result diff(const source_doc& old, const source_doc& neu);

// The change as one sentence in `l`, e.g. "The retention of “Consumption data” changed from 6 years to 10 years."
std::string describe_change(const diff_change& c, lang l);

// The change as a sentence for the notice page's "Changes to this notice": as
// describe_change, but a free text change is told without its word diff
// ("Purpose “Billing”: the text changed (description).").
std::string summarize_change(const diff_change& c, lang l);

// Every change as text: a heading line per register, then one sentence per line. Empty when nothing changed.
std::string format_diff(const diff_result& d, lang l);

// The stable JSON form documented in docs/diff.md, with the sentences in every language.
std::string diff_to_json(const diff_result& d);

// A short word diff of two texts: the changed words as [-old-]{+new+} with a few words of
// context, "…" where unchanged words were left out. Empty when the texts are equal.
std::string word_diff(std::string_view before, std::string_view after);

}  // namespace seloste
