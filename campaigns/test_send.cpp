#include "campaigns/test_send.h"

#include "app/message_preview.h"
#include "campaigns/signing.h"
#include "campaigns/transport_settings.h"
#include "domain/user_error.h"

namespace md::campaigns {

Outcome sendTestEmail(const app::RequestContext& ctx, DataStore& store, const EmailTemplate& t,
                      const std::string& card, const std::string& address, EmailSender& sender) {
    const auto to = parseMailbox(address);
    if (!to)
        throw UserError("email.invalid", {{"text", address}, {"reason", to.error()}},
                        "'" + address + "' is not an email address: " + to.error());
    const auto content = app::previewEmail(ctx, store, t, card);
    const auto env = emailEnvelopeFromSettings(ctx, store);
    // Campaign 0 is "a test"; the channel part carries the moment so each test is its own message.
    auto m = campaignEmail(env, 0, 0, to.value(), content, ctx.now());
    m.messageId = messageId(env.secret, 0, 0, "test" + std::to_string(ctx.now().time_since_epoch().count()),
                            env.from.domain());
    m.subject = "[TEST] " + m.subject;
    return sender.send(composeEmail(m));
}

Outcome sendTestSms(const app::RequestContext& ctx, DataStore& store, const std::string& smsTemplate,
                    const std::string& card, const std::string& phone, SmsSender& sender) {
    const auto preview = app::previewSms(ctx, store, smsTemplate, card);
    return sender.send({phone, preview.text, {}});
}

} // namespace md::campaigns
