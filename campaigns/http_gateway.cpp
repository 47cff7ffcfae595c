#include "campaigns/http_gateway.h"

#include "campaigns/tls.h"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

namespace md::campaigns {

class HttpGateway::Connection {
public:
    Connection(const std::string& scheme, const std::string& host, int port, const HttpGatewayOptions& o) {
        const auto p = static_cast<Poco::UInt16>(port);
        if (scheme == "https")
            m_session = std::make_unique<Poco::Net::HTTPSClientSession>(host, p,
                                                                        tlsClientContext(o.verify, o.caFile));
        else
            m_session = std::make_unique<Poco::Net::HTTPClientSession>(host, p);
        m_session->setKeepAlive(true);
        m_session->setTimeout(Poco::Timespan(static_cast<long>(o.timeout.count()), 0));
    }

    Poco::Net::HTTPClientSession& session() { return *m_session; }

    // Nagle's algorithm would hold the body back behind the headers for the peer's delayed ACK.
    void noDelay() {
        if (m_session->connected()) m_session->socket().setNoDelay(true);
    }

private:
    std::unique_ptr<Poco::Net::HTTPClientSession> m_session;
};

HttpGateway::HttpGateway(const std::string& baseUrl, HttpGatewayOptions options)
    : m_options(std::move(options)), m_pool(std::max(1, m_options.connections)) {
    const Poco::URI uri(baseUrl);
    m_scheme = uri.getScheme();
    m_host = uri.getHost();
    m_port = uri.getPort();
}

HttpGateway::~HttpGateway() = default;

Outcome HttpGateway::send(const OutgoingSms& message) {
    const auto spec = requestFor(message);
    auto conn = m_pool.lease();
    if (!conn) conn = std::make_unique<Connection>(m_scheme, m_host, m_port, m_options);
    bool written = false;
    try {
        Poco::Net::HTTPRequest request(spec.method, spec.target, Poco::Net::HTTPMessage::HTTP_1_1);
        request.setKeepAlive(true);
        for (const auto& [name, value] : spec.headers)
            request.set(name, value);
        if (!spec.body.empty() || spec.method == "POST")
            request.setContentLength(static_cast<std::streamsize>(spec.body.size()));
        auto& out = conn->session().sendRequest(request);
        conn->noDelay();
        out << spec.body;
        out.flush();
        written = true;
        Poco::Net::HTTPResponse response;
        auto& in = conn->session().receiveResponse(response);
        std::string body;
        Poco::StreamCopier::copyToString(in, body);
        const int status = static_cast<int>(response.getStatus());
        if (response.getKeepAlive())
            m_pool.giveBack(std::move(conn));
        else
            m_pool.giveBack(nullptr);
        while (!body.empty() && (body.back() == '\n' || body.back() == '\r'))
            body.pop_back();
        return classify(status, body);
    } catch (const Poco::Exception& e) {
        m_pool.giveBack(nullptr);
        return Outcome::transient(0,
                                  (written ? "no answer from " : "cannot reach ") + m_host + ":" +
                                      std::to_string(m_port) + ": " + e.displayText(),
                                  written);
    }
}

std::string percentEncode(std::string_view text) {
    static const char* const hex = "0123456789ABCDEF";
    std::string out;
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
            c == '.' || c == '_' || c == '~') {
            out += ch;
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 0xF];
        }
    }
    return out;
}

Outcome classifyHttpStatus(int status, const std::string& body) {
    if (status >= 200 && status < 300) return Outcome::sentWith(status, body);
    if (status == 408 || status == 429 || status >= 500) return Outcome::transient(status, body);
    return Outcome::permanent(status, body);
}

} // namespace md::campaigns
