#pragma once
// Signed values derived from the per-database secret (app::unsubscribeSecret): the one-click
// unsubscribe token and the Message-ID. Both are deterministic, so a message resent after an unknown
// outcome carries the same token and the same Message-ID and a mail system can drop the duplicate.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace md::campaigns {

/// "CAMPAIGN.MEMBER.SIGNATURE": the signature is HMAC-SHA256(secret, "unsubscribe:C:M") in base64url
/// without padding. Safe in a URL query and in a mailto subject as it is.
std::string signUnsubscribeToken(std::string_view secret, std::int64_t campaignId, std::int64_t memberId);

struct UnsubscribeToken {
    std::int64_t campaignId = 0, memberId = 0;
};

/// The campaign and member a token names, or nothing when it is malformed or not signed with `secret`
/// (compared in constant time).
std::optional<UnsubscribeToken> verifyUnsubscribeToken(std::string_view secret, std::string_view token);

/// "<md.C.M.CHANNEL.H@DOMAIN>": unique per (campaign, member, channel) and database (H is 16 hex digits
/// of an HMAC with the secret, so two databases sending from one domain do not collide).
std::string messageId(std::string_view secret, std::int64_t campaignId, std::int64_t memberId,
                      std::string_view channel, std::string_view domain);

} // namespace md::campaigns
