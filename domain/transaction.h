#pragma once
// One order (or refund) by a member in a store or channel. The order id is unique per store.
#include "money.h"
#include "time.h"

#include <cstdint>
#include <map>
#include <string>

namespace md {

enum class SalesChannel { Store, Online, App, Phone };
enum class TransactionKind { Purchase, Refund };

std::string toCode(SalesChannel c); ///< "store", "online", "app", "phone"
Expected<SalesChannel> parseSalesChannel(std::string_view text);
std::string toCode(TransactionKind k); ///< "purchase", "refund"
Expected<TransactionKind> parseTransactionKind(std::string_view text);

struct Transaction {
    std::int64_t id = 0;
    std::string orderId;
    std::string cardNo;    ///< the member's card number
    std::string storeCode; ///< the store's code
    SalesChannel channel = SalesChannel::Store;
    Timestamp occurredAt{};
    /// Zero or more (zero: an order paid with points or vouchers); a refund's amount is positive too,
    /// its kind says it is a refund.
    Money amount;
    TransactionKind kind = TransactionKind::Purchase;
    int items = 1;
    std::string category;
    /// A refund: the order id of the purchase it refunds (same store), so the loyalty engine reverses
    /// that purchase's points in proportion; "" when the till did not say.
    std::string refundOf;
    /// Stored values this program cannot read (field -> stored text), left at their defaults above:
    /// shown marked rather than making the member unviewable.
    std::map<std::string, std::string> unreadable;
    bool operator==(const Transaction&) const = default;
};

} // namespace md
