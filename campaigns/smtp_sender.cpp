#include "campaigns/smtp_sender.h"

#include "campaigns/smtp_session.h"
#include "campaigns/tls.h"

#include <Poco/Net/NetException.h>
#include <Poco/Net/SSLException.h>
#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/Net/StreamSocket.h>

namespace md::campaigns {

namespace {

Outcome byStatus(int status, const std::string& response) {
    if (status >= 200 && status < 300) return Outcome::sentWith(status, response);
    if (status >= 500 && status < 600) return Outcome::permanent(status, response);
    return Outcome::transient(status, response);
}

} // namespace

class SmtpSender::Connection {
public:
    explicit Connection(const SmtpConfig& c) {
        const Poco::Net::SocketAddress address(c.host, static_cast<Poco::UInt16>(c.port));
        const Poco::Timespan timeout(static_cast<long>(c.timeout.count()), 0);
        if (c.security == SmtpConfig::Security::Smtps) {
            Poco::Net::SecureStreamSocket socket(tlsClientContext(c.verify, c.caFile));
            socket.setPeerHostName(c.host);
            socket.connect(address, timeout);
            socket.setNoDelay(true);
            m_session = std::make_unique<SmtpSession>(socket);
        } else {
            Poco::Net::StreamSocket socket;
            socket.connect(address, timeout);
            socket.setNoDelay(true);
            m_session = std::make_unique<SmtpSession>(socket);
        }
        m_session->setTimeout(timeout);
        m_session->hello(c.heloName); // greeting and EHLO
        if (c.security == SmtpConfig::Security::StartTls) {
            m_session->startTls(c.host, tlsClientContext(c.verify, c.caFile));
            m_session->hello(c.heloName); // EHLO again: TLS starts a new SMTP session
        }
        if (!c.user.empty()) m_session->authLogin(c.user, c.password);
    }

    ~Connection() {
        try {
            m_session->close(); // QUIT
        } catch (...) {
            // The server has gone already; nothing to tell anyone.
        }
    }

    SmtpSession& session() { return *m_session; }

private:
    std::unique_ptr<SmtpSession> m_session;
};

SmtpSender::SmtpSender(SmtpConfig config)
    : m_config(std::move(config)), m_pool(std::max(1, m_config.connections)) {}

SmtpSender::~SmtpSender() = default;

Outcome SmtpSender::send(const OutgoingEmail& m) {
    for (int attempt = 0;; ++attempt) {
        auto conn = m_pool.lease();
        const bool reused = conn != nullptr;
        if (!conn) {
            try {
                conn = std::make_unique<Connection>(m_config);
            } catch (const Poco::Net::SMTPException& e) { // greeting, EHLO, STARTTLS or AUTH refused
                m_pool.giveBack(nullptr);
                return byStatus(e.code(), e.message());
            } catch (const Poco::Net::SSLConnectionUnexpectedlyClosedException& e) {
                m_pool.giveBack(nullptr);
                return Outcome::transient(0, "the TLS connection was closed: " + e.displayText());
            } catch (const Poco::Net::SSLException& e) {
                // A certificate that fails verification (or no common protocol): retrying cannot help until
                // someone changes the settings, so it is not left to retry for ever.
                m_pool.giveBack(nullptr);
                return Outcome::permanent(0, "TLS with " + m_config.host + " failed: " + e.displayText());
            } catch (const Poco::Exception& e) {
                m_pool.giveBack(nullptr);
                return Outcome::transient(0, "cannot connect to " + m_config.host + ":" +
                                                 std::to_string(m_config.port) + ": " + e.displayText());
            }
        }
        bool handedOver = false;
        try {
            const auto env = conn->session().envelope(m.envelopeFrom, m.recipient);
            if (env.status != 354) {
                if (conn->session().reset())
                    m_pool.giveBack(std::move(conn));
                else
                    m_pool.giveBack(nullptr);
                return byStatus(env.status, env.text);
            }
            handedOver = true;
            const auto done = conn->session().transmit(m.data);
            m_pool.giveBack(std::move(conn));
            return byStatus(done.status, done.text);
        } catch (const Poco::Exception& e) {
            m_pool.giveBack(nullptr);
            // A server closes idle connections; the first command on one fails before anything was sent.
            if (reused && !handedOver && attempt == 0) continue;
            return Outcome::transient(0, "connection lost: " + e.displayText(), handedOver);
        }
    }
}

SmtpConfig::Security parseSecurity(const std::string& text) {
    if (text == "none") return SmtpConfig::Security::None;
    if (text == "smtps") return SmtpConfig::Security::Smtps;
    return SmtpConfig::Security::StartTls;
}

} // namespace md::campaigns
