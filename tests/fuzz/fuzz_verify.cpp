// Bundle verification (seloste verify): the harness writes a small bundle derived
// from the input into a folder of its own and verifies it. verify_bundle must return
// its problems, never crash or throw.
//
// Input: one flag byte, then up to three parts separated by "\n--8<--\n":
//   PAGE, STYLESHEET, and MANIFEST (flag 0x01) or a register id for the generated manifest.
// Flags: 0x01 the manifest is the third part verbatim; 0x02 signed, verified with the
// public key; 0x04 the signature is corrupted; 0x08 an unlisted file is added;
// 0x10 the page is a fragment (fragments/fi/); 0x20 the stylesheet's hash is wrong.
#include <sodium.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "fuzz_support.hpp"
#include "seloste/build.hpp"

namespace fs = std::filesystem;

namespace {

struct workspace {
    fs::path root;  // per process: parallel fuzzing jobs never share a folder
    fs::path bundle;
    fs::path public_key;
    unsigned char pk[crypto_sign_PUBLICKEYBYTES];
    unsigned char sk[crypto_sign_SECRETKEYBYTES];

    workspace() {
        if (sodium_init() < 0) std::abort();
        std::string tmpl = (fs::temp_directory_path() / "seloste-fuzz-verify-XXXXXX").string();
        if (!::mkdtemp(tmpl.data())) std::abort();
        root = tmpl;
        bundle = root / "bundle";
        public_key = root / "key.pub";
        crypto_sign_keypair(pk, sk);
        write(public_key, base64(pk, sizeof pk) + "\n");
    }
    ~workspace() {
        std::error_code ec;
        fs::remove_all(root, ec);
    }

    static std::string base64(const unsigned char* data, size_t n) {
        std::string out(sodium_base64_encoded_len(n, sodium_base64_VARIANT_ORIGINAL), '\0');
        sodium_bin2base64(out.data(), out.size(), data, n, sodium_base64_VARIANT_ORIGINAL);
        out.resize(out.size() - 1);  // the terminating NUL
        return out;
    }
    static void write(const fs::path& p, std::string_view content) {
        fs::create_directories(p.parent_path());
        std::ofstream(p, std::ios::binary).write(content.data(), static_cast<std::streamsize>(content.size()));
    }
};

std::string sha256_hex(std::string_view data) {
    unsigned char h[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(h, reinterpret_cast<const unsigned char*>(data.data()), data.size());
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (unsigned char c : h) {
        out += digits[c >> 4];
        out += digits[c & 15];
    }
    return out;
}

bool safe_id(std::string_view id) {
    if (id.empty() || id.size() > 64) return false;
    for (char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
    return id.front() != '-';
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static workspace ws;
    if (size == 0) return 0;
    const unsigned flags = data[0];
    std::vector<std::string> parts;
    {
        const std::string_view rest = seloste::fuzz::as_text(data + 1, size - 1);
        const std::string_view sep = "\n--8<--\n";
        size_t from = 0;
        while (parts.size() < 2) {
            const size_t at = rest.find(sep, from);
            if (at == std::string_view::npos) break;
            parts.emplace_back(rest.substr(from, at - from));
            from = at + sep.size();
        }
        parts.emplace_back(rest.substr(from));
        parts.resize(3);
    }
    const std::string& page = parts[0];
    const std::string& css = parts[1];

    std::error_code ec;
    fs::remove_all(ws.bundle, ec);
    const std::string id = (flags & 0x01) || !safe_id(parts[2]) ? std::string("r") : parts[2];
    const bool fragment = flags & 0x10;
    const std::string page_path = (fragment ? "fragments/fi/" : "fi/") + id + ".html";
    const std::string css_path = "assets/seloste-default.css";
    workspace::write(ws.bundle / page_path, page);
    workspace::write(ws.bundle / css_path, css);
    if (flags & 0x08) workspace::write(ws.bundle / "fi" / "unlisted.txt", page);  // never a page's name

    std::string manifest;
    if (flags & 0x01) {
        manifest = parts[2];
    } else {
        using nlohmann::json;
        const std::string listed_id = parts[2].empty() ? id : parts[2];  // may be unsafe: the verifier must say so
        json m = {{"format", "seloste-bundle"},
                  {"format_version", 1},
                  {"generator", "seloste fuzz"},
                  {"languages", {"fi"}},
                  {"themes", {"default"}},
                  {"registers", json::array({{{"id", listed_id}, {"source", "fuzz.xml"}}})},
                  {"pages", json::array({{{"path", (fragment ? "fragments/fi/" : "fi/") + listed_id + ".html"},
                                          {"kind", fragment ? "fragment" : "page"},
                                          {"register", listed_id},
                                          {"lang", "fi"},
                                          {"theme", "default"},
                                          {"title", "Tietosuojaseloste"},
                                          {"sha256", sha256_hex(page)},
                                          {"bytes", page.size()}}})},
                  {"files", json::array({{{"path", css_path},
                                          {"sha256", (flags & 0x20) ? std::string(64, '0') : sha256_hex(css)},
                                          {"bytes", css.size()}}})},
                  {"findings", json::array()}};
        manifest = m.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
    }
    workspace::write(ws.bundle / "manifest.json", manifest);
    std::string public_key;
    if (flags & 0x02) {
        unsigned char sig[crypto_sign_BYTES];
        crypto_sign_detached(sig, nullptr, reinterpret_cast<const unsigned char*>(manifest.data()), manifest.size(),
                             ws.sk);
        if (flags & 0x04) sig[0] ^= 1;
        workspace::write(ws.bundle / "manifest.json.sig", workspace::base64(sig, sizeof sig) + "\n");
        public_key = ws.public_key.string();
    }

    const auto problems = seloste::verify_bundle(ws.bundle.string(), public_key);
    // What the harness itself broke must be found.
    if ((flags & 0x06) == 0x06 && problems.empty()) std::abort();
    if (!(flags & 0x01) && (flags & 0x28) && problems.empty()) std::abort();
    return 0;
}
