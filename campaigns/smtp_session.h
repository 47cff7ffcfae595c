#pragma once
// Poco's SMTP session with what our sender needs beyond its public interface: EHLO that remembers
// whether the server pipelines, STARTTLS verified against the configured host name (Poco's startTLS uses
// the name a session was opened with, which a socket-built session lacks), AUTH LOGIN that does not
// depend on the prompts' wording, the envelope in one round trip where PIPELINING allows, and the data
// written in one piece with the final reply text (sendMessage() drops it).
#include <Poco/Net/Context.h>
#include <Poco/Net/SMTPClientSession.h>

#include <string>

namespace md::campaigns {

class SmtpSession : public Poco::Net::SMTPClientSession {
public:
    using SMTPClientSession::SMTPClientSession;

    /// Greeting (first time) and EHLO. Throws SMTPException.
    void hello(const std::string& heloName);
    /// Throws SMTPException when refused; SSLException when the certificate fails verification.
    void startTls(const std::string& host, Poco::Net::Context::Ptr context);
    /// Throws SMTPException with the server's answer when refused.
    void authLogin(const std::string& user, const std::string& password);

    struct Reply {
        int status = 0;
        std::string text;
    };
    /// MAIL FROM, RCPT TO and DATA; the first reply that is not the wanted one (2xx, 2xx, 354), or the
    /// DATA reply (354 when the data may follow). After a refusal call reset() before the next message.
    Reply envelope(const std::string& from, const std::string& to);
    /// The message, dot-stuffed and ended with CRLF.CRLF, then the server's final reply.
    Reply transmit(const std::string& data);
    /// Ends a refused transaction; false when the connection is no longer usable.
    bool reset();

private:
    void write(const std::string& bytes);
    Reply read();
    bool m_pipelining = false;
};

/// data with every line that starts with '.' given another, ending in CRLF "." CRLF (RFC 5321 4.5.2).
std::string dotStuffed(const std::string& data);

} // namespace md::campaigns
