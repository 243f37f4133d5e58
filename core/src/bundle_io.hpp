// Small file and crypto helpers shared by the site builder and the bundle verifier.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace seloste::detail {

std::string read_all(const std::filesystem::path& p);
void write_fd_all(int fd, std::string_view content, const std::string& path);
std::string sha256_hex(std::string_view data);
std::string base64(const unsigned char* data, size_t n);
std::vector<unsigned char> unbase64(const std::string& text, size_t expected, const std::string& file);
void init_sodium();

}  // namespace seloste::detail
