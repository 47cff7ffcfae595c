#pragma once
// SMS through Kannel's sendsms interface (smsbox). Text that GSM-7 cannot carry (all Chinese) goes with
// charset=UTF-8&coding=2: Kannel accepts either alone with 202 and then delivers question marks.
#include "campaigns/http_gateway.h"

namespace md::campaigns {

struct KannelConfig {
    std::string url; ///< http://host:13013/cgi-bin/sendsms
    std::string user, password, from;
    int dlrMask = 31; ///< delivered, failed, buffered, SMSC ack and reject: all reports, with dlr-url
};

class KannelSender : public HttpGateway {
public:
    KannelSender(KannelConfig config, HttpGatewayOptions options = {});

protected:
    HttpRequestSpec requestFor(const OutgoingSms& message) const override;
    /// 202 "0: Accepted for delivery" or "3: Queued for later delivery" are sent; 403 (bad credentials)
    /// and 400 (bad number) permanent; 5xx transient.
    Outcome classify(int status, const std::string& body) const override;

private:
    KannelConfig m_config;
    std::string m_path;
};

} // namespace md::campaigns
