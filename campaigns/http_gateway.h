#pragma once
// SMS gateways reached over HTTP (Kannel's sendsms, a provider's HTTP/JSON API): a pool of keep-alive
// Poco sessions to one host, and the rule that turns a response into an Outcome. Subclasses say what
// request a message becomes and what answer means success.
#include "campaigns/pool.h"
#include "campaigns/senders.h"

#include <chrono>
#include <string>
#include <utility>
#include <vector>

namespace md::campaigns {

struct HttpGatewayOptions {
    int connections = 4;
    bool verify = true; ///< for https gateways: check the certificate
    std::string caFile;
    std::chrono::seconds timeout{30};
};

struct HttpRequestSpec {
    std::string method = "GET";
    std::string target; ///< path and query, already percent-encoded
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
};

class HttpGateway : public SmsSender {
public:
    /// baseUrl: scheme, host and port of the gateway (the path comes from each request).
    HttpGateway(const std::string& baseUrl, HttpGatewayOptions options);
    ~HttpGateway() override;
    /// Never throws for a delivery problem. A failure before the request was written is transient; after
    /// it (no response) transient with outcome unknown; otherwise classify() decides.
    Outcome send(const OutgoingSms& message) final;
    int parallelism() const override { return m_options.connections; }

    class Connection;

protected:
    virtual HttpRequestSpec requestFor(const OutgoingSms& message) const = 0;
    virtual Outcome classify(int status, const std::string& body) const = 0;

private:
    std::string m_scheme, m_host;
    int m_port = 0;
    HttpGatewayOptions m_options;
    Pool<Connection> m_pool;
};

/// RFC 3986 percent-encoding of everything but A-Z a-z 0-9 - . _ ~ (UTF-8 bytes each become %XX).
std::string percentEncode(std::string_view text);

/// The usual HTTP reading: 2xx sent; 408, 429 and 5xx transient; other 4xx permanent.
Outcome classifyHttpStatus(int status, const std::string& body);

} // namespace md::campaigns
