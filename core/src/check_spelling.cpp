// Which English dictionary spells a source: en-GB or en-US, decided once from all of the
// source's English texts (spell.cpp, english_dictionary), so that every English text of
// one source is spelt alike.
#include "check_impl.hpp"

namespace seloste::detail {

dictionary checker::english_dictionary() {
    if (english_) return *english_;
    std::vector<text_ref> refs;
    for (const auto& o : doc_.organisations)
        for (const auto& et : organisation_texts(o)) refs.push_back(et.ref);
    if (doc_.supervisory_authority)
        for (const auto& et : organisation_texts(*doc_.supervisory_authority)) refs.push_back(et.ref);
    for (const auto& pe : doc_.people)
        for (const auto& et : person_texts(pe)) refs.push_back(et.ref);
    for (const auto& cp : doc_.contact_points)
        for (const auto& et : contact_point_texts(cp)) refs.push_back(et.ref);
    for (const auto& r : doc_.registers)
        for (auto& tr : register_texts(r)) refs.push_back(std::move(tr));
    std::vector<const std::string*> english;
    for (const auto& tr : refs)
        if (const auto& en = tr.t->by_lang[static_cast<size_t>(lang::en)]; en && !en->empty()) english.push_back(&*en);
    english_ = detail::english_dictionary(english);
    return *english_;
}

}  // namespace seloste::detail
