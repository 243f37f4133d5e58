#include "bundle_io.hpp"

#include <sodium.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "seloste/errors.hpp"

namespace seloste::detail {

namespace fs = std::filesystem;

std::string read_all(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) throw io_error(p.string() + ": error: cannot read the file", {p.string(), 0, 0});
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void write_fd_all(int fd, std::string_view content, const std::string& path) {
    size_t done = 0;
    while (done < content.size()) {
        const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            throw io_error(path + ": error: cannot write (" + std::strerror(errno) + ")", {path, 0, 0});
        }
        done += static_cast<size_t>(n);
    }
}

std::string sha256_hex(std::string_view data) {
    unsigned char h[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(h, reinterpret_cast<const unsigned char*>(data.data()), data.size());
    static const char* hex = "0123456789abcdef";
    std::string out;
    for (unsigned char c : h) {
        out += hex[c >> 4];
        out += hex[c & 15];
    }
    return out;
}

std::string base64(const unsigned char* data, size_t n) {
    std::string out(sodium_base64_ENCODED_LEN(n, sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), data, n, sodium_base64_VARIANT_ORIGINAL);
    out.resize(std::strlen(out.c_str()));
    return out;
}

std::vector<unsigned char> unbase64(const std::string& text, size_t expected, const std::string& file) {
    std::string s = text;
    s.erase(std::remove_if(s.begin(), s.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); }),
            s.end());
    std::vector<unsigned char> out(expected);
    size_t len = 0;
    if (sodium_base642bin(out.data(), out.size(), s.c_str(), s.size(), nullptr, &len, nullptr,
                          sodium_base64_VARIANT_ORIGINAL) != 0 ||
        len != expected)
        throw io_error(
            file +
                ": error: not a key of the expected size; expected one line of base64 as written by `seloste keygen`",
            {file, 1, 1});
    return out;
}

void init_sodium() {
    if (sodium_init() < 0) throw io_error("libsodium could not be initialised");
}

}  // namespace seloste::detail
