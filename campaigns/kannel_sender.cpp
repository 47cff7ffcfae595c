#include "campaigns/kannel_sender.h"

#include "domain/campaigns/sms_encoding.h"

#include <Poco/URI.h>

namespace md::campaigns {

KannelSender::KannelSender(KannelConfig config, HttpGatewayOptions options)
    : HttpGateway(config.url, std::move(options)), m_config(std::move(config)) {
    m_path = Poco::URI(m_config.url).getPath();
    if (m_path.empty()) m_path = "/cgi-bin/sendsms";
}

HttpRequestSpec KannelSender::requestFor(const OutgoingSms& m) const {
    std::string q = m_path + "?username=" + percentEncode(m_config.user) +
                    "&password=" + percentEncode(m_config.password) + "&to=" + percentEncode(m.to) +
                    "&text=" + percentEncode(m.text) + "&charset=UTF-8";
    if (!m_config.from.empty()) q += "&from=" + percentEncode(m_config.from);
    if (analyseSms(m.text).encoding == SmsEncoding::Ucs2) q += "&coding=2";
    if (!m.dlrUrl.empty())
        q += "&dlr-mask=" + std::to_string(m_config.dlrMask) + "&dlr-url=" + percentEncode(m.dlrUrl);
    return {"GET", q, {}, {}};
}

Outcome KannelSender::classify(int status, const std::string& body) const {
    return classifyHttpStatus(status, body);
}

} // namespace md::campaigns
