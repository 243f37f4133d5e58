#include "seloste/facts.hpp"

#include <algorithm>
#include <cctype>

#include "source_scan.hpp"

namespace seloste {

namespace {
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
}  // namespace

std::optional<std::string> phone_to_e164(std::string_view phone) {
    std::string digits;
    bool plus = false;
    for (size_t i = 0; i < phone.size(); ++i) {
        const char c = phone[i];
        if (is_digit(c))
            digits += c;
        else if (c == '+' && digits.empty() && !plus)
            plus = true;
        else if (c == ' ' || c == '-' || c == '(' || c == ')' || c == '.' || c == '/')
            continue;
        else
            return std::nullopt;
    }
    if (!plus) {
        if (digits.starts_with("00"))
            digits.erase(0, 2);
        else if (digits.starts_with("0"))
            digits = "358" + digits.substr(1);
        else
            return std::nullopt;
    }
    // E.164: at most 15 digits, country code first (never 0). Finnish numbers: 358 + 5..12 digits.
    if (digits.empty() || digits[0] == '0' || digits.size() < 8 || digits.size() > 15) return std::nullopt;
    if (digits.starts_with("358") && (digits.size() < 3 + 5 || digits.size() > 3 + 12)) return std::nullopt;
    return "+" + digits;
}

bool is_email(std::string_view e) {
    const auto at = e.find('@');
    if (at == std::string_view::npos || at == 0 || e.find('@', at + 1) != std::string_view::npos) return false;
    const auto local = e.substr(0, at), domain = e.substr(at + 1);
    auto ok_char = [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) ||
               std::string_view("._%+-").find(c) != std::string_view::npos || static_cast<unsigned char>(c) >= 0x80;
    };
    if (!std::all_of(local.begin(), local.end(), ok_char)) return false;
    if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos) return false;
    const auto dot = domain.rfind('.');
    if (dot == std::string_view::npos || dot == 0 || dot + 2 > domain.size()) return false;
    if (domain.find("..") != std::string_view::npos || domain.front() == '-' || domain.front() == '.') return false;
    return std::all_of(domain.begin(), domain.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' ||
               static_cast<unsigned char>(c) >= 0x80;
    });
}

bool is_web_url(std::string_view url) {
    std::string_view rest;
    if (url.starts_with("https://"))
        rest = url.substr(8);
    else if (url.starts_with("http://"))
        rest = url.substr(7);
    else
        return false;
    const auto end = rest.find_first_of("/?#");
    const auto host = rest.substr(0, end);
    if (host.empty() || host.find('.') == std::string_view::npos || host.front() == '.' || host.back() == '.')
        return false;
    if (!std::all_of(host.begin(), host.end(), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == ':' ||
                   static_cast<unsigned char>(c) >= 0x80;
        }))
        return false;
    if (reading::find_invisible(url)) return false;
    // No whitespace, quotes, angle brackets or control characters anywhere.
    return std::none_of(url.begin(), url.end(), [](char c) {
        return static_cast<unsigned char>(c) <= 0x20 || c == '"' || c == '\'' || c == '<' || c == '>' || c == '\\' ||
               c == '`';
    });
}

std::vector<std::pair<size_t, size_t>> find_web_urls(std::string_view text) {
    std::vector<std::pair<size_t, size_t>> out;
    size_t i = 0;
    while ((i = text.find('h', i)) != std::string_view::npos) {
        const bool word_start = i == 0 || !std::isalnum(static_cast<unsigned char>(text[i - 1]));
        if (!word_start || !(text.substr(i).starts_with("http://") || text.substr(i).starts_with("https://"))) {
            ++i;
            continue;
        }
        size_t end = i;
        while (end < text.size()) {
            const auto c = static_cast<unsigned char>(text[end]);
            if (c <= 0x20 || c == '"' || c == '\'' || c == '<' || c == '>') break;
            if (text.compare(end, 3, "\u201D") == 0 || text.compare(end, 3, "\u201C") == 0 ||
                text.compare(end, 2, "\u00BB") == 0 || text.compare(end, 2, "\u00A0") == 0)
                break;
            ++end;
        }
        // Sentence punctuation after an address is not part of it; a closing bracket only
        // when the address does not open one itself (counted once: linear on any input).
        const std::string_view whole = text.substr(i, end - i);
        auto open_round = std::count(whole.begin(), whole.end(), '('),
             close_round = std::count(whole.begin(), whole.end(), ')');
        auto open_square = std::count(whole.begin(), whole.end(), '['),
             close_square = std::count(whole.begin(), whole.end(), ']');
        while (end > i) {
            const char c = text[end - 1];
            if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?')
                --end;
            else if (c == ')' && open_round < close_round)
                --end, --close_round;
            else if (c == ']' && open_square < close_square)
                --end, --close_square;
            else
                break;
        }
        if (is_web_url(text.substr(i, end - i))) out.emplace_back(i, end - i);
        i = std::max(end, i + 1);
    }
    return out;
}

bool is_business_id(std::string_view id) {
    if (id.size() != 9 || id[7] != '-') return false;
    static constexpr int weights[] = {7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 7; ++i) {
        if (!is_digit(id[i])) return false;
        sum += (id[i] - '0') * weights[i];
    }
    if (!is_digit(id[8])) return false;
    const int r = sum % 11;
    if (r == 1) return false;
    const int check = r == 0 ? 0 : 11 - r;
    return id[8] - '0' == check;
}

}  // namespace seloste
