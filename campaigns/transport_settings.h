#pragma once
// The transports and addresses a campaign uses, read from the database's settings (config set ...), and
// the one place that turns (campaign, member, rendered template) into a complete email.
#include "app/request_context.h"
#include "campaigns/http_gateway.h"
#include "campaigns/smtp_sender.h"
#include "domain/campaigns/template.h"
#include "domain/unit_of_work.h"

#include <memory>

namespace md::campaigns {

/// smtp.* as a config. Throws UserError "smtp.not_configured" when smtp.host is empty.
SmtpConfig smtpConfigFromSettings(const app::RequestContext& ctx, DataStore& store);

/// A Kannel or HTTP/JSON sender per sms.gateway. Throws UserError "sms.not_configured" when sms.url is
/// empty (and the errors of HttpSmsSender for a broken template or rule).
std::unique_ptr<SmsSender> smsSenderFromSettings(const app::RequestContext& ctx, DataStore& store);

/// sms.cost_per_part in minor units.
std::int64_t smsCostPerPart(const app::RequestContext& ctx, DataStore& store);

/// What every email of a campaign shares: sender, secret and unsubscribe addresses.
struct EmailEnvelope {
    Mailbox from;
    std::string secret;         ///< app::unsubscribeSecret
    std::string unsubscribeUrl; ///< unsubscribe.url, may be empty
    std::string unsubscribeTo;  ///< unsubscribe.mailto or the from address
};

/// Throws UserError "smtp.from_missing" when smtp.from is not set.
EmailEnvelope emailEnvelopeFromSettings(const app::RequestContext& ctx, DataStore& store);

/// The email for one member: Message-ID from (campaign, member, "email"), token-carrying unsubscribe
/// headers, the given date. The same inputs always give the same Message-ID and token.
EmailMessage campaignEmail(const EmailEnvelope& env, std::int64_t campaignId, std::int64_t memberId,
                           const Mailbox& to, const RenderedEmail& content, Timestamp date);

} // namespace md::campaigns
