#include "campaigns/transport_settings.h"

#include "app/delivery_settings.h"
#include "app/settings.h"
#include "campaigns/http_sms_sender.h"
#include "campaigns/kannel_sender.h"
#include "campaigns/signing.h"
#include "domain/money.h"
#include "domain/user_error.h"

namespace md::campaigns {

namespace {

struct Reader {
    const app::RequestContext& ctx;
    DataStore& store;
    std::string operator()(const std::string& key) const { return app::getSetting(ctx, store, key); }
};

} // namespace

SmtpConfig smtpConfigFromSettings(const app::RequestContext& ctx, DataStore& store) {
    const Reader get{ctx, store};
    SmtpConfig c;
    c.host = get("smtp.host");
    if (c.host.empty())
        throw UserError("smtp.not_configured", {}, "no SMTP server is set: config set smtp.host HOST");
    c.port = std::stoi(get("smtp.port")); // validated when stored
    c.security = parseSecurity(get("smtp.security"));
    c.user = get("smtp.user");
    c.password = get("smtp.password");
    c.verify = get("smtp.verify") != "false";
    c.caFile = get("smtp.ca_file");
    c.connections = std::stoi(get("smtp.connections"));
    return c;
}

std::unique_ptr<SmsSender> smsSenderFromSettings(const app::RequestContext& ctx, DataStore& store) {
    const Reader get{ctx, store};
    const auto url = get("sms.url");
    if (url.empty())
        throw UserError("sms.not_configured", {}, "no SMS gateway is set: config set sms.url URL");
    if (get("sms.gateway") == "kannel")
        return std::make_unique<KannelSender>(
            KannelConfig{url, get("sms.user"), get("sms.password"), get("sms.from")});
    HttpSmsConfig c;
    c.url = url;
    c.method = get("sms.http.method");
    c.headers = parseHeaderList(get("sms.http.headers"));
    c.body = get("sms.http.body");
    c.successRule = get("sms.http.success");
    c.user = get("sms.user");
    c.password = get("sms.password");
    c.from = get("sms.from");
    return std::make_unique<HttpSmsSender>(std::move(c));
}

std::int64_t smsCostPerPart(const app::RequestContext& ctx, DataStore& store) {
    const auto m = Money::parse(app::getSetting(ctx, store, "sms.cost_per_part"));
    return m ? m.value().minor() : 0;
}

EmailEnvelope emailEnvelopeFromSettings(const app::RequestContext& ctx, DataStore& store) {
    const Reader get{ctx, store};
    const auto from = parseMailbox(get("smtp.from"));
    if (!from)
        throw UserError("smtp.from_missing", {}, "no sender is set: config set smtp.from \"Name <address>\"");
    EmailEnvelope e;
    e.from = from.value();
    e.secret = app::unsubscribeSecret(ctx, store);
    e.unsubscribeUrl = get("unsubscribe.url");
    const auto mailto = get("unsubscribe.mailto");
    e.unsubscribeTo = mailto.empty() ? e.from.address : mailto;
    return e;
}

EmailMessage campaignEmail(const EmailEnvelope& env, std::int64_t campaignId, std::int64_t memberId,
                           const Mailbox& to, const RenderedEmail& content, Timestamp date) {
    EmailMessage m;
    m.from = env.from;
    m.to = to;
    m.subject = content.subject;
    m.html = content.html;
    m.text = content.text;
    m.date = date;
    m.messageId = messageId(env.secret, campaignId, memberId, "email", env.from.domain());
    const auto token = signUnsubscribeToken(env.secret, campaignId, memberId);
    if (!env.unsubscribeUrl.empty()) m.unsubscribeUrl = unsubscribeLink(env.unsubscribeUrl, token);
    if (!env.unsubscribeTo.empty()) m.unsubscribeMailto = unsubscribeMailto(env.unsubscribeTo, token);
    return m;
}

} // namespace md::campaigns
