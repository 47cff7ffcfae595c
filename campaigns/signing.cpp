#include "campaigns/signing.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <charconv>

namespace md::campaigns {

namespace {

std::string hmacSha256(std::string_view secret, const std::string& data) {
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
         reinterpret_cast<const unsigned char*>(data.data()), data.size(), out, &len);
    return std::string(reinterpret_cast<const char*>(out), len);
}

std::string base64url(const std::string& bytes) {
    static const char* const abc = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::string out;
    std::uint32_t acc = 0;
    int bits = 0;
    for (unsigned char c : bytes) {
        acc = (acc << 8) | c;
        bits += 8;
        while (bits >= 6) {
            bits -= 6;
            out += abc[(acc >> bits) & 0x3F];
        }
    }
    if (bits > 0) out += abc[(acc << (6 - bits)) & 0x3F];
    return out;
}

std::string payload(std::int64_t c, std::int64_t m) {
    return "unsubscribe:" + std::to_string(c) + ":" + std::to_string(m);
}

bool parseId(std::string_view s, std::int64_t& out) {
    if (s.empty() || s.size() > 19) return false;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), out);
    return r.ec == std::errc() && r.ptr == s.data() + s.size() && out >= 0;
}

} // namespace

std::string signUnsubscribeToken(std::string_view secret, std::int64_t campaignId, std::int64_t memberId) {
    return std::to_string(campaignId) + "." + std::to_string(memberId) + "." +
           base64url(hmacSha256(secret, payload(campaignId, memberId)));
}

std::optional<UnsubscribeToken> verifyUnsubscribeToken(std::string_view secret, std::string_view token) {
    const auto dot1 = token.find('.');
    const auto dot2 = dot1 == std::string_view::npos ? dot1 : token.find('.', dot1 + 1);
    if (dot2 == std::string_view::npos) return std::nullopt;
    UnsubscribeToken t;
    if (!parseId(token.substr(0, dot1), t.campaignId) ||
        !parseId(token.substr(dot1 + 1, dot2 - dot1 - 1), t.memberId))
        return std::nullopt;
    const auto given = token.substr(dot2 + 1);
    const auto expected = base64url(hmacSha256(secret, payload(t.campaignId, t.memberId)));
    // Constant time, so the signature cannot be guessed byte by byte from response times.
    if (given.size() != expected.size() || CRYPTO_memcmp(given.data(), expected.data(), given.size()) != 0)
        return std::nullopt;
    return t;
}

std::string messageId(std::string_view secret, std::int64_t campaignId, std::int64_t memberId,
                      std::string_view channel, std::string_view domain) {
    const std::string ids =
        std::to_string(campaignId) + "." + std::to_string(memberId) + "." + std::string(channel);
    const auto mac = hmacSha256(secret, "message-id:" + ids);
    static const char* const hex = "0123456789abcdef";
    std::string h;
    for (int i = 0; i < 8; ++i) {
        const auto b = static_cast<unsigned char>(mac[static_cast<std::size_t>(i)]);
        h += hex[b >> 4];
        h += hex[b & 0xF];
    }
    return "<md." + ids + "." + h + "@" + std::string(domain.empty() ? "memberdesk.invalid" : domain) + ">";
}

} // namespace md::campaigns
