#pragma once
// What became of one message handed to a gateway, in the terms the outbox drain acts on.
#include <string>

namespace md::campaigns {

struct Outcome {
    enum class Kind {
        Sent,      ///< the server accepted it (SMTP 250, HTTP 2xx meeting the success rule)
        Transient, ///< try again later: 4xx, a refused or lost connection, a timeout
        Permanent, ///< do not retry: 5xx, a refused login, bad credentials, an invalid number
    };
    Kind kind = Kind::Sent;
    /// Transient only: the message may have reached the server (the connection broke after it was
    /// handed over). The retry must carry the same Message-ID so the duplicate can be recognised.
    bool outcomeUnknown = false;
    int code = 0;          ///< SMTP or HTTP status when the server answered, else 0
    std::string answer;    ///< the server's answer text, or what went wrong on our side
    std::string gatewayId; ///< the gateway's id for the message when it gives one

    bool sent() const { return kind == Kind::Sent; }
    static Outcome sentWith(int code, std::string answer) {
        return {Kind::Sent, false, code, std::move(answer), {}};
    }
    static Outcome transient(int code, std::string answer, bool unknown = false) {
        return {Kind::Transient, unknown, code, std::move(answer), {}};
    }
    static Outcome permanent(int code, std::string answer) {
        return {Kind::Permanent, false, code, std::move(answer), {}};
    }
};

/// "sent", "transient" or "permanent".
inline const char* kindName(Outcome::Kind k) {
    return k == Outcome::Kind::Sent ? "sent" : k == Outcome::Kind::Transient ? "transient" : "permanent";
}

} // namespace md::campaigns
