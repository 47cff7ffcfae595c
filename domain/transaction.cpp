#include "domain/transaction.h"
#include "domain/text.h"

namespace md {
namespace {

std::string asciiLowerTrimmed(std::string_view s) {
    return text::lower(text::trim(s));
}

} // namespace

std::string toCode(SalesChannel c) {
    switch (c) {
    case SalesChannel::Store:
        return "store";
    case SalesChannel::Online:
        return "online";
    case SalesChannel::App:
        return "app";
    case SalesChannel::Phone:
        return "phone";
    }
    return "store";
}

Expected<SalesChannel> parseSalesChannel(std::string_view text) {
    // POS exports are written by hand-configured tills: accept the Chinese labels they use too.
    std::string s = asciiLowerTrimmed(text);
    if (s == "store" || s == "pos" || s == "门店") return SalesChannel::Store;
    if (s == "online" || s == "web" || s == "线上" || s == "网店") return SalesChannel::Online;
    if (s == "app" || s == "小程序") return SalesChannel::App;
    if (s == "phone" || s == "电话") return SalesChannel::Phone;
    return Invalid{"unknown sales channel \"" + std::string(text) + "\"; use store, online, app or phone"};
}

std::string toCode(TransactionKind k) {
    return k == TransactionKind::Refund ? "refund" : "purchase";
}

Expected<TransactionKind> parseTransactionKind(std::string_view text) {
    std::string s = asciiLowerTrimmed(text);
    if (s == "purchase" || s == "sale" || s == "购买" || s == "销售") return TransactionKind::Purchase;
    if (s == "refund" || s == "return" || s == "退款" || s == "退货") return TransactionKind::Refund;
    return Invalid{"unknown transaction kind \"" + std::string(text) + "\"; use purchase or refund"};
}

} // namespace md
