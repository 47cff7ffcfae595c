#pragma once
// Email over SMTP with Poco: plain, STARTTLS or SMTPS (implicit TLS), AUTH LOGIN, the server's
// certificate checked against the system's CAs (or a given CA file) unless verification is turned off
// for a test server. Up to `connections` sessions stay open between messages; each socket has
// TCP_NODELAY, without which Nagle's algorithm and delayed ACKs hold every command back ~40 ms.
#include "campaigns/pool.h"
#include "campaigns/senders.h"

#include <chrono>
#include <string>

namespace md::campaigns {

struct SmtpConfig {
    enum class Security { None, StartTls, Smtps };
    std::string host;
    int port = 587;
    Security security = Security::StartTls;
    std::string user, password; ///< AUTH LOGIN when user is not empty
    bool verify = true;         ///< check the certificate and the host name
    std::string caFile;         ///< PEM CA file trusted besides the system's; empty: system only
    int connections = 4;
    std::string heloName = "localhost";
    std::chrono::seconds timeout{30};
};

class SmtpSender : public EmailSender {
public:
    explicit SmtpSender(SmtpConfig config);
    ~SmtpSender() override;
    /// Sends one message on a pooled connection; a connection that went stale while idle is reopened
    /// once. Classification: 2xx sent; 4xx, refused or lost connections transient (lost after the data
    /// was handed over: outcome unknown); 5xx, a refused login or a rejected certificate permanent.
    Outcome send(const OutgoingEmail& message) override;
    int parallelism() const override { return m_config.connections; }

    class Connection;

private:
    SmtpConfig m_config;
    Pool<Connection> m_pool;
};

/// Reads "none" / "starttls" / "smtps".
SmtpConfig::Security parseSecurity(const std::string& text);

} // namespace md::campaigns
