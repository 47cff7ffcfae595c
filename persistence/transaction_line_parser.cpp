#include "persistence/transaction_line_parser.h"

#include "domain/card_number.h"

#include <charconv>

namespace md::db {

namespace {

Invalid missing(std::string_view column) {
    return Invalid{"missing required field " + std::string(column)};
}

constexpr Timestamp kEarliestPurchase = std::chrono::sys_days(std::chrono::year{1990} / 1 / 1);

// One order of at most ¥100,000,000.00. Far above any real till, and low enough that no member's totals
// can overflow 64 bits (that would take ~900 million such orders), so a line is rejected, never the
// whole file by a database overflow.
constexpr std::int64_t kMaxAmountMinor = 10'000'000'000;
constexpr const char* kMaxAmountText = "100,000,000.00";

// A whole number of items, 0 to a million; anything else is a typo in the file.
std::optional<int> parseItems(std::string_view s) {
    int v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size() || v < 0 || v > 1000000) return std::nullopt;
    return v;
}

} // namespace

TransactionLineParser::TransactionLineParser(const ImportSession& s,
                                             const std::unordered_map<std::string, std::int64_t>& members,
                                             std::unordered_map<std::string, std::string> stores,
                                             TimeZone zone, Timestamp now)
    : m_session(s), m_members(members), m_stores(std::move(stores)), m_zone(std::move(zone)), m_now(now),
      m_order(s.column("order_id")), m_card(s.column("card_no")), m_store(s.column("store")),
      m_channel(s.column("channel")), m_occurred(s.column("occurred_at")), m_amount(s.column("amount")),
      m_currency(s.column("currency")), m_kind(s.column("kind")), m_items(s.column("items")),
      m_category(s.column("category")), m_refundOf(s.column("refund_of")) {}

Expected<ParsedTransaction> TransactionLineParser::parse(const CsvRecord& r) const {
    if (auto problem = m_session.structuralProblem(r); !problem.empty()) return Invalid{problem};
    const auto field = [&r](int col) { return ImportSession::field(r, col); };

    ParsedTransaction p;
    Transaction& t = p.tx;
    t.orderId = std::string(field(m_order));
    if (t.orderId.empty()) return missing("order_id");

    const auto cardText = field(m_card);
    if (cardText.empty()) return missing("card_no");
    auto card = CardNumber::parse(cardText);
    if (!card) return Invalid{fieldReason("card_no", card.error())};
    t.cardNo = card.value().str();
    const auto member = m_members.find(t.cardNo);
    if (member == m_members.end()) return Invalid{"card number " + t.cardNo + " does not exist"};
    p.memberId = member->second;

    const auto storeText = field(m_store);
    if (storeText.empty()) return missing("store");
    const auto store = m_stores.find(upperAscii(storeText));
    if (store == m_stores.end()) return Invalid{"store " + std::string(storeText) + " does not exist"};
    t.storeCode = store->second;

    if (const auto c = field(m_channel); !c.empty()) {
        auto channel = parseSalesChannel(c);
        if (!channel) return Invalid{fieldReason("channel", channel.error())};
        t.channel = channel.value();
    }
    const auto occurred = field(m_occurred);
    if (occurred.empty()) return missing("occurred_at");
    auto at = parseTimestampIn(occurred, m_zone);
    if (!at) return Invalid{fieldReason("occurred_at", at.error())};
    t.occurredAt = at.value();
    // An offset typo ("+80:00") or a year typo must not store an instant no one can show again.
    if (t.occurredAt < kEarliestPurchase)
        return Invalid{"occurred_at " + std::string(occurred) + " is before 1990-01-01 (a typing mistake?)"};
    if (t.occurredAt > m_now + std::chrono::days(1))
        return Invalid{"occurred_at " + std::string(occurred) + " is in the future (now is " +
                       formatTimestamp(m_now) + ")"};

    const auto currency = upperAscii(field(m_currency));
    if (!currency.empty() && currency != kProgrammeCurrency)
        return Invalid{"currency " + std::string(field(m_currency)) + " is not the programme currency " +
                       kProgrammeCurrency};
    const auto amountText = field(m_amount);
    if (amountText.empty()) return missing("amount");
    auto amount = Money::parse(amountText, kProgrammeCurrency);
    if (!amount) return Invalid{fieldReason("amount", amount.error())};
    // Zero is real: an order paid entirely with points or vouchers.
    if (amount.value().minor() < 0)
        return Invalid{"amount must not be negative, not " + std::string(amountText) +
                       " (a refund has kind refund)"};
    if (amount.value().minor() > kMaxAmountMinor)
        return Invalid{"amount " + std::string(amountText) + " is larger than " + kMaxAmountText +
                       " (a typing mistake?)"};
    t.amount = amount.value();

    if (const auto k = field(m_kind); !k.empty()) {
        auto kind = parseTransactionKind(k);
        if (!kind) return Invalid{fieldReason("kind", kind.error())};
        t.kind = kind.value();
    }
    if (const auto i = field(m_items); !i.empty()) {
        const auto items = parseItems(i);
        if (!items)
            return Invalid{"items: expected a whole number from 0 to 1000000, not \"" + std::string(i) +
                           "\""};
        t.items = *items;
    }
    t.category = std::string(field(m_category));
    t.refundOf = std::string(field(m_refundOf));
    if (!t.refundOf.empty() && t.kind != TransactionKind::Refund)
        return Invalid{"refund_of " + t.refundOf + " is only for refunds (kind refund)"};
    return p;
}

std::vector<BulkColumn> transactionColumns() {
    return {{"order_id"},
            {"member_id", ColumnType::Integer},
            {"store_code"},
            {"channel"},
            {"occurred_at"},
            {"amount_minor", ColumnType::Integer},
            {"currency"},
            {"kind"},
            {"items", ColumnType::Integer},
            {"category"},
            {"refund_of"}};
}

void appendTransactionRow(BulkWriter& w, const Transaction& t, std::int64_t memberId,
                          std::optional<CorrectionOf> correction) {
    w.text(t.orderId).integer(memberId).text(t.storeCode).text(toCode(t.channel));
    w.text(formatTimestamp(t.occurredAt)).integer(t.amount.minor()).text(t.amount.currency());
    w.text(toCode(t.kind)).integer(t.items).text(t.category);
    if (t.refundOf.empty())
        w.null();
    else
        w.text(t.refundOf);
    if (correction) w.integer(correction->revision).integer(correction->replacesId);
    w.endRow();
}

} // namespace md::db
