#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "bundle_io.hpp"
#include "markup_policy_support.hpp"
#include "seloste/build.hpp"
#include "seloste/errors.hpp"
#include "seloste/markup_policy.hpp"

namespace seloste {

namespace fs = std::filesystem;
using namespace detail;

void generate_keypair(const std::string& key_file) {
    init_sodium();
    unsigned char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
    crypto_sign_keypair(pk, sk);
    const std::string pub = key_file + ".pub";
    write_file_atomic(pub, base64(pk, sizeof pk) + "\n");
    // The secret key is created 0600 from the start.
    std::string tmpl = key_file + ".tmp-XXXXXX";
    const int fd = ::mkstemp(tmpl.data());
    if (fd < 0) throw io_error(key_file + ": error: cannot create the key file");
    write_fd_all(fd, base64(sk, sizeof sk) + "\n", key_file);
    ::fchmod(fd, 0600);
    ::fsync(fd);
    ::close(fd);
    sodium_memzero(sk, sizeof sk);
    if (::rename(tmpl.c_str(), key_file.c_str()) != 0) throw io_error(key_file + ": error: cannot write the key file");
}

std::vector<std::string> verify_bundle(const std::string& dir_in, const std::string& public_key_file) {
    init_sodium();
    std::vector<std::string> problems;
    std::string dir_s = dir_in;
    while (dir_s.size() > 1 && dir_s.back() == '/') dir_s.pop_back();
    const fs::path dir(dir_s);
    std::error_code lec;
    if (fs::is_symlink(dir, lec)) return {dir_s + ": the bundle folder is a symbolic link; expected a real folder"};
    std::string manifest_text;
    try {
        manifest_text = read_all(dir / "manifest.json");
    } catch (const io_error&) {
        return {"no manifest.json"};
    }
    if (!public_key_file.empty()) {
        const auto pk = unbase64(read_all(public_key_file), crypto_sign_PUBLICKEYBYTES, public_key_file);
        std::error_code ec;
        if (!fs::exists(dir / "manifest.json.sig", ec)) {
            problems.push_back("the bundle is not signed (no manifest.json.sig)");
        } else {
            const auto sig = unbase64(read_all(dir / "manifest.json.sig"), crypto_sign_BYTES, "manifest.json.sig");
            if (crypto_sign_verify_detached(sig.data(), reinterpret_cast<const unsigned char*>(manifest_text.data()),
                                            manifest_text.size(), pk.data()) != 0)
                problems.push_back("the signature does not match manifest.json and the public key");
        }
        if (!problems.empty()) return problems;
    }
    nlohmann::json m;
    try {
        m = nlohmann::json::parse(manifest_text);
    } catch (const nlohmann::json::exception&) {
        return {"manifest.json is not valid JSON"};
    }
    // A manifest of another shape is a problem to report, never an exception.
    const auto text_of = [](const nlohmann::json& o, const char* key) {
        const auto it = o.find(key);
        return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    if (!m.is_object() || text_of(m, "format") != "seloste-bundle" || !m.contains("format_version") ||
        m["format_version"] != 1)
        return {"manifest.json is not a seloste-bundle of format_version 1"};
    for (const char* key : {"pages", "files"})
        if (m.contains(key) && !m[key].is_array())
            return {std::string("manifest.json: \"") + key + "\" is not a list; expected an array of file entries"};
    std::set<std::string> listed{"manifest.json", "manifest.json.sig"};
    for (const char* key : {"pages", "files"})
        for (const auto& e : m.value(key, nlohmann::json::array())) {
            if (!e.is_object()) {
                problems.push_back(std::string("manifest.json: an entry of \"") + key +
                                   "\" is not an object; expected {\"path\", \"sha256\", ...}");
                continue;
            }
            const std::string p = text_of(e, "path");
            if (!is_safe_bundle_path(p) || p.find("..") != std::string::npos) {
                problems.push_back("unsafe path in manifest: " + p +
                                   " (expected segments of letters, digits, '.', '_' and '-', none starting with '.')");
                continue;
            }
            listed.insert(p);
            std::error_code ec;
            if (fs::is_symlink(dir / p, ec)) {
                problems.push_back(p + ": a symbolic link; expected a regular file");
                continue;
            }
            if (!fs::is_regular_file(dir / p, ec)) {
                problems.push_back("missing file: " + p);
                continue;
            }
            const std::string bytes = read_all(dir / p);
            if (sha256_hex(bytes) != text_of(e, "sha256")) {
                problems.push_back("hash mismatch: " + p);
                continue;
            }
            if (const auto kind = markup_kind_of(p, text_of(e, "kind")))
                for (const auto& mp : check_markup(bytes, *kind))
                    problems.push_back(p + ":" + std::to_string(mp.line) + ":" + std::to_string(mp.column) +
                                       ": refused by the markup policy: " + mp.message);
        }
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
        const std::string rel = it->path().lexically_relative(dir).generic_string();
        std::error_code sec;
        if (it->is_symlink(sec))
            problems.push_back(rel + ": a symbolic link inside the bundle; expected only regular files and folders");
        else if (it->is_regular_file(sec) && !listed.count(rel))
            problems.push_back("file not in the manifest: " + rel);
    }
    return problems;
}

}  // namespace seloste
