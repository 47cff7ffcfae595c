#include "campaigns/smtp_sender.h"

#include "campaigns/tls.h"

#include <Poco/Base64Encoder.h>
#include <Poco/Net/DialogSocket.h>
#include <Poco/Net/MailStream.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SMTPClientSession.h>
#include <Poco/Net/SSLException.h>
#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/Net/SocketStream.h>
#include <Poco/Net/StreamSocket.h>

#include <sstream>

namespace md::campaigns {

namespace {

using Poco::Net::SMTPClientSession;

std::string base64(const std::string& text) {
    std::ostringstream out;
    Poco::Base64Encoder enc(out);
    enc.rdbuf()->setLineLength(0);
    enc << text;
    enc.close();
    return out.str();
}

// Poco's session with what it keeps protected: STARTTLS that verifies against the configured host name
// (Poco's own startTLS uses the name the session was opened with, which a socket-built session lacks),
// and the final reply text after the data (sendMessage() drops it).
class Session : public SMTPClientSession {
public:
    using SMTPClientSession::SMTPClientSession;

    void startTls(const std::string& host, Poco::Net::Context::Ptr context) {
        std::string response;
        const int status = sendCommand("STARTTLS", response);
        if (!isPositiveCompletion(status))
            throw Poco::Net::SMTPException("STARTTLS refused", response, status);
        socket() = Poco::Net::SecureStreamSocket::attach(socket(), host, context);
    }

    // AUTH LOGIN without reading the prompts: servers word them differently ("Username:", "User Name"),
    // and Poco's own login only answers the first wording.
    void authLogin(const std::string& user, const std::string& password) {
        std::string response;
        int status = sendCommand("AUTH LOGIN", response);
        if (status / 100 == 3) status = sendCommand(base64(user), response);
        if (status / 100 == 3) status = sendCommand(base64(password), response);
        if (status / 100 != 2) throw Poco::Net::SMTPException("AUTH LOGIN refused", response, status);
    }

    int transmit(const std::string& data, std::string& response) {
        Poco::Net::SocketOutputStream socketStream(socket());
        Poco::Net::MailOutputStream mailStream(socketStream); // dot-stuffing and the final "."
        mailStream.write(data.data(), static_cast<std::streamsize>(data.size()));
        mailStream.close();
        socketStream.flush();
        return socket().receiveStatusMessage(response);
    }
};

Outcome byStatus(int status, const std::string& response) {
    if (status >= 200 && status < 300) return Outcome::sentWith(status, response);
    if (status >= 500 && status < 600) return Outcome::permanent(status, response);
    return Outcome::transient(status, response);
}

// Thrown inside send() when the server answered a command with something other than what we wanted.
struct Refused {
    int status;
    std::string response;
};

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
            m_session = std::make_unique<Session>(socket);
        } else {
            Poco::Net::StreamSocket socket;
            socket.connect(address, timeout);
            socket.setNoDelay(true);
            m_session = std::make_unique<Session>(socket);
        }
        m_session->setTimeout(timeout);
        m_session->login(c.heloName); // greeting and EHLO
        if (c.security == SmtpConfig::Security::StartTls) {
            m_session->startTls(c.host, tlsClientContext(c.verify, c.caFile));
            m_session->login(c.heloName); // EHLO again: TLS starts a new SMTP session
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

    void command(const std::string& cmd, int wanted) {
        std::string response;
        const int status = m_session->sendCommand(cmd, response);
        if (status / 100 != wanted) throw Refused{status, response};
    }

    /// RSET after a refusal, so the connection can carry the next message; false if that failed too.
    bool reset() {
        try {
            std::string response;
            return m_session->sendCommand("RSET", response) / 100 == 2;
        } catch (const Poco::Exception&) {
            return false;
        }
    }

    Session& session() { return *m_session; }

private:
    std::unique_ptr<Session> m_session;
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
            conn->command("MAIL FROM:<" + m.envelopeFrom + ">", 2);
            conn->command("RCPT TO:<" + m.recipient + ">", 2);
            conn->command("DATA", 3);
            handedOver = true;
            std::string response;
            const int status = conn->session().transmit(m.data, response);
            const auto outcome = byStatus(status, response);
            m_pool.giveBack(std::move(conn));
            return outcome;
        } catch (const Refused& r) {
            if (conn->reset())
                m_pool.giveBack(std::move(conn));
            else
                m_pool.giveBack(nullptr);
            return byStatus(r.status, r.response);
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
