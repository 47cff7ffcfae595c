#pragma once
// The two interfaces the outbox drain calls. Implementations keep their connections open between calls
// and are safe to call from several threads; sendAll spreads a batch over the configured number of
// parallel connections and returns the outcomes in the batch's order.
#include "campaigns/mime_email.h"
#include "campaigns/outcome.h"

#include <string>
#include <vector>

namespace md::campaigns {

class EmailSender {
public:
    virtual ~EmailSender() = default;
    /// Never throws for a delivery problem: every failure is an Outcome.
    virtual Outcome send(const OutgoingEmail& message) = 0;
    virtual std::vector<Outcome> sendAll(const std::vector<OutgoingEmail>& batch);
    /// How many messages sendAll works on at once.
    virtual int parallelism() const { return 1; }
};

struct OutgoingSms {
    std::string to;     ///< the number as the gateway wants it (e.g. +8613800138000 or 13800138000)
    std::string text;   ///< UTF-8; the sender picks GSM-7 or UCS-2 (analyseSms)
    std::string dlrUrl; ///< where the gateway reports delivery for this message, or empty
};

class SmsSender {
public:
    virtual ~SmsSender() = default;
    virtual Outcome send(const OutgoingSms& message) = 0;
    virtual std::vector<Outcome> sendAll(const std::vector<OutgoingSms>& batch);
    virtual int parallelism() const { return 1; }
};

} // namespace md::campaigns
