#include "persistence/loyalty_rows.h"

#include "domain/errors.h"
#include "persistence/member_mapping.h"

#include <soci/soci.h>

namespace md::db {

using namespace loyalty;

namespace {

std::optional<std::int64_t> rowOptInt(const soci::row& r, std::size_t i) {
    if (r.get_indicator(i) == soci::i_null) return std::nullopt;
    return rowInt(r, i);
}

// A NULL-able value bound to an INSERT.
template <class T> struct Nullable {
    T value{};
    soci::indicator ind = soci::i_null;
    explicit Nullable(const std::optional<T>& v) {
        if (v) {
            value = *v;
            ind = soci::i_ok;
        }
    }
};

std::optional<std::string> optDateText(const std::optional<Date>& d) {
    return d ? std::optional(formatDate(*d)) : std::nullopt;
}
std::optional<long long> optLong(const std::optional<std::int64_t>& v) {
    return v ? std::optional<long long>(*v) : std::nullopt;
}

} // namespace

Date rowDate(const soci::row& r, std::size_t i) {
    const std::string text = rowText(r, i);
    auto d = parseDate(text);
    if (!d) throw DatabaseError("The database holds a date this program cannot read", text);
    return d.value();
}

std::optional<Date> rowOptDate(const soci::row& r, std::size_t i) {
    if (r.get_indicator(i) == soci::i_null) return std::nullopt;
    return rowDate(r, i);
}

LedgerEntry ledgerEntryFromRow(const soci::row& r) {
    LedgerEntry e;
    e.id = rowInt(r, 0);
    e.memberId = rowInt(r, 1);
    e.kind = parseEntryKind(rowText(r, 2)).value_or(EntryKind::Adjust);
    e.points = rowInt(r, 3);
    e.qualifying = rowInt(r, 4);
    e.spendMinor = rowInt(r, 5);
    if (auto t = parseTimestamp(rowText(r, 6))) e.occurredAt = t.value();
    e.localDate = rowDate(r, 7);
    e.availableOn = rowOptDate(r, 8);
    e.expiresOn = rowOptDate(r, 9);
    e.key = rowText(r, 10);
    e.transactionId = rowOptInt(r, 11);
    e.reversesId = rowOptInt(r, 12);
    e.programmeVersion = rowOptInt(r, 13);
    e.reason = rowText(r, 14);
    e.note = rowText(r, 15);
    e.breakdown = rowOptText(r, 16);
    e.actor = rowText(r, 17);
    if (auto t = parseTimestamp(rowText(r, 18))) e.recordedAt = t.value();
    return e;
}

std::int64_t insertLedgerEntry(Database& db, const Posting& p, const std::string& actor,
                               const std::string& recordedAt) {
    long long member = p.memberId, points = p.points, qualifying = p.qualifying, spend = p.spendMinor, id = 0;
    std::string kind = toCode(p.kind), occurred = formatTimestamp(p.occurredAt),
                day = formatDate(p.localDate);
    std::string key = p.key, reason = p.reason, note = p.note, who = actor, at = recordedAt;
    Nullable<std::string> available(optDateText(p.availableOn)), expires(optDateText(p.expiresOn));
    Nullable<long long> txn(optLong(p.transactionId)), reverses(optLong(p.reversesId)),
        version(optLong(p.programmeVersion));
    Nullable<std::string> breakdown(p.breakdown);
    // Scoped: SQLite refuses COMMIT while a RETURNING statement is still open.
    soci::statement st =
        (db.sql().prepare
             << "INSERT INTO points_ledger (member_id, kind, points, qualifying, spend_minor, "
                "occurred_at, local_date, available_on, expires_on, idempotency_key, transaction_id, "
                "reverses_id, programme_version, reason, note, breakdown, actor, recorded_at) VALUES "
                "(:m, :k, :p, :q, :s, :o, :d, :av, :ex, :key, :t, :rv, :v, :r, :n, :b, :a, :at) "
                "RETURNING id",
         soci::use(member), soci::use(kind), soci::use(points), soci::use(qualifying), soci::use(spend),
         soci::use(occurred), soci::use(day), soci::use(available.value, available.ind),
         soci::use(expires.value, expires.ind), soci::use(key), soci::use(txn.value, txn.ind),
         soci::use(reverses.value, reverses.ind), soci::use(version.value, version.ind), soci::use(reason),
         soci::use(note), soci::use(breakdown.value, breakdown.ind), soci::use(who), soci::use(at),
         soci::into(id));
    st.execute(true);
    return static_cast<std::int64_t>(id);
}

} // namespace md::db
