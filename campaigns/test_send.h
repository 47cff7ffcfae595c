#pragma once
// "Send a test": one message of a template, rendered for a chosen member, to an address or phone the
// person types, through the configured gateway. Nothing is recorded against the member or a campaign.
#include "app/request_context.h"
#include "campaigns/outcome.h"
#include "campaigns/senders.h"
#include "domain/campaigns/template.h"
#include "domain/unit_of_work.h"

namespace md::campaigns {

/// Renders `t` with the member's values (card), sends it to `address`. The Message-ID names the
/// member and the moment, so two tests are never taken for one message. Throws UserError for a broken
/// template, an unknown card, a bad address or missing SMTP settings; delivery problems are the Outcome.
Outcome sendTestEmail(const app::RequestContext& ctx, DataStore& store, const EmailTemplate& t,
                      const std::string& card, const std::string& address, EmailSender& sender);

/// The same for an SMS text to `phone` (as the gateway expects it).
Outcome sendTestSms(const app::RequestContext& ctx, DataStore& store, const std::string& smsTemplate,
                    const std::string& card, const std::string& phone, SmsSender& sender);

} // namespace md::campaigns
