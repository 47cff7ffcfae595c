#pragma once
// One order (or refund) by a member in a store or channel. The order id is unique per store.
#include "money.h"
#include "time.h"

#include <cstdint>
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
    Money amount; ///< positive; a refund's amount is positive and its kind says it is a refund
    TransactionKind kind = TransactionKind::Purchase;
    int items = 1;
    std::string category;
    bool operator==(const Transaction&) const = default;
};

} // namespace md
