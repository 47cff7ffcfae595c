#include "persistence/membership_repository.h"

#include "persistence/bulk_loader.h"
#include "persistence/loyalty_rows.h"
#include "persistence/member_mapping.h"
#include "persistence/referral_codes.h"
#include "persistence/sql_errors.h"

#include <soci/soci.h>

namespace md::db {

using namespace membership;

namespace {

std::optional<std::int64_t> rowOptInt(const soci::row& r, std::size_t i) {
    if (r.get_indicator(i) == soci::i_null) return std::nullopt;
    return rowInt(r, i);
}

std::optional<Timestamp> rowOptTimestamp(const soci::row& r, std::size_t i) {
    const auto text = rowOptText(r, i);
    if (!text) return std::nullopt;
    if (auto t = parseTimestamp(*text)) return t.value();
    return std::nullopt;
}

} // namespace

Term termFromRow(const soci::row& r) {
    Term t;
    t.id = rowInt(r, 0);
    t.memberId = rowInt(r, 1);
    t.planCode = rowText(r, 2);
    t.kind = rowText(r, 3);
    t.startsOn = rowDate(r, 4);
    t.endsOn = rowDate(r, 5);
    t.feeMinor = rowInt(r, 6);
    t.currency = rowText(r, 7);
    t.requestKey = rowText(r, 8);
    t.programmeVersion = rowOptInt(r, 9);
    t.cancelledOn = rowOptDate(r, 10);
    t.cancelReason = rowText(r, 11);
    t.actor = rowText(r, 12);
    if (auto at = rowOptTimestamp(r, 13)) t.recordedAt = *at;
    return t;
}

Voucher voucherFromRow(const soci::row& r) {
    Voucher v;
    v.id = rowInt(r, 0);
    v.code = rowText(r, 1);
    v.memberId = rowOptInt(r, 2);
    v.valueMinor = rowInt(r, 3);
    v.pointsCost = rowInt(r, 4);
    v.source = rowText(r, 5);
    v.batch = rowOptText(r, 6);
    v.issueKey = rowOptText(r, 7);
    v.issuedOn = rowDate(r, 8);
    v.validUntil = rowDate(r, 9);
    v.status = rowText(r, 10);
    v.redeemedAt = rowOptTimestamp(r, 11);
    v.redeemedMemberId = rowOptInt(r, 12);
    v.orderId = rowOptText(r, 13);
    v.actor = rowText(r, 14);
    return v;
}

std::vector<Term> SociMembershipRepository::terms(std::int64_t memberId) {
    return withSqlErrors(m_db, "Could not read the paid membership", [&] {
        std::vector<Term> out;
        QueryArgs()
            .integer("m", memberId)
            .forEachRow(m_db.sql(),
                        std::string("SELECT ") + kTermColumns +
                            " FROM membership_terms WHERE member_id = :m ORDER BY starts_on, id",
                        [&](const soci::row& r) { out.push_back(termFromRow(r)); });
        return out;
    });
}

std::optional<Term> SociMembershipRepository::termByKey(const std::string& requestKey) {
    return withSqlErrors(m_db, "Could not read the paid membership", [&] {
        std::optional<Term> out;
        QueryArgs()
            .text("k", requestKey)
            .forEachRow(m_db.sql(),
                        std::string("SELECT ") + kTermColumns +
                            " FROM membership_terms WHERE request_key = :k",
                        [&](const soci::row& r) { out = termFromRow(r); });
        return out;
    });
}

std::int64_t SociMembershipRepository::addTerm(const Term& t, Timestamp now) {
    return withSqlErrors(m_db, "Could not record the paid membership", [&] {
        long long member = t.memberId, fee = t.feeMinor, version = t.programmeVersion.value_or(0), id = 0;
        soci::indicator versionInd = t.programmeVersion ? soci::i_ok : soci::i_null;
        std::string plan = t.planCode, kind = t.kind, from = formatDate(t.startsOn),
                    to = formatDate(t.endsOn), currency = t.currency, key = t.requestKey, actor = t.actor,
                    at = formatTimestamp(now);
        // Scoped: SQLite refuses COMMIT while a RETURNING statement is still open.
        soci::statement st =
            (m_db.sql().prepare
                 << "INSERT INTO membership_terms (member_id, plan_code, kind, starts_on, ends_on, "
                    "fee_minor, currency, request_key, programme_version, actor, recorded_at) "
                    "VALUES (:m, :p, :k, :f, :t, :fee, :c, :key, :v, :a, :at) RETURNING id",
             soci::use(member), soci::use(plan), soci::use(kind), soci::use(from), soci::use(to),
             soci::use(fee), soci::use(currency), soci::use(key), soci::use(version, versionInd),
             soci::use(actor), soci::use(at), soci::into(id));
        st.execute(true);
        return static_cast<std::int64_t>(id);
    });
}

int SociMembershipRepository::cancelTerms(std::int64_t memberId, Date lastDay, const std::string& reason) {
    return withSqlErrors(m_db, "Could not cancel the paid membership", [&] {
        long long m = memberId;
        std::string day = formatDate(lastDay), why = reason;
        soci::statement st =
            (m_db.sql().prepare << "UPDATE membership_terms SET cancelled_on = :d, cancel_reason = :r "
                                   "WHERE member_id = :m AND ends_on > :d2 "
                                   "AND (cancelled_on IS NULL OR cancelled_on > :d3)",
             soci::use(day, "d"), soci::use(why, "r"), soci::use(m, "m"), soci::use(day, "d2"),
             soci::use(day, "d3"));
        st.execute(true);
        return static_cast<int>(st.get_affected_rows());
    });
}

std::vector<RenewalDue> SociMembershipRepository::endingBetween(Date from, Date to, int limit) {
    return withSqlErrors(m_db, "Could not list the memberships ending soon", [&] {
        std::vector<RenewalDue> out;
        // The last live term of each member: no cancellation, and no term after it.
        QueryArgs()
            .text("a", formatDate(from))
            .text("b", formatDate(to))
            .integer("n", limit)
            .forEachRow(
                m_db.sql(),
                "SELECT m.id, m.card_no, m.name, t.plan_code, t.ends_on FROM membership_terms t "
                "JOIN members m ON m.id = t.member_id WHERE t.ends_on >= :a AND t.ends_on <= :b "
                "AND t.cancelled_on IS NULL AND NOT EXISTS (SELECT 1 FROM membership_terms u "
                "WHERE u.member_id = t.member_id AND u.ends_on > t.ends_on AND u.cancelled_on IS NULL) "
                "ORDER BY t.ends_on, m.card_no LIMIT :n",
                [&](const soci::row& r) {
                    out.push_back({rowInt(r, 0), rowText(r, 1), rowText(r, 2), rowText(r, 3), rowDate(r, 4)});
                });
        return out;
    });
}

std::optional<std::string> SociMembershipRepository::referralCode(std::int64_t memberId) {
    return withSqlErrors(m_db, "Could not read the referral code", [&] {
        std::optional<std::string> out;
        QueryArgs()
            .integer("m", memberId)
            .forEachRow(m_db.sql(), "SELECT code FROM referral_codes WHERE member_id = :m",
                        [&](const soci::row& r) { out = rowText(r, 0); });
        return out;
    });
}

bool SociMembershipRepository::insertReferralCode(std::int64_t memberId, const std::string& code,
                                                  Timestamp now) {
    return withSqlErrors(m_db, "Could not store the referral code", [&] {
        long long m = memberId;
        std::string c = code, at = formatTimestamp(now);
        soci::statement st =
            (m_db.sql().prepare << "INSERT INTO referral_codes (member_id, code, created_at) "
                                   "VALUES (:m, :c, :at) ON CONFLICT DO NOTHING",
             soci::use(m), soci::use(c), soci::use(at));
        st.execute(true);
        return st.get_affected_rows() == 1;
    });
}

std::optional<std::int64_t> SociMembershipRepository::memberByReferralCode(const std::string& code) {
    return withSqlErrors(m_db, "Could not look up the referral code", [&] {
        std::optional<std::int64_t> out;
        QueryArgs().text("c", code).forEachRow(m_db.sql(),
                                               "SELECT member_id FROM referral_codes WHERE code = :c",
                                               [&](const soci::row& r) { out = rowInt(r, 0); });
        return out;
    });
}

std::optional<std::int64_t> SociMembershipRepository::referrerOf(std::int64_t refereeId) {
    return withSqlErrors(m_db, "Could not read the referral", [&] {
        std::optional<std::int64_t> out;
        QueryArgs()
            .integer("m", refereeId)
            .forEachRow(m_db.sql(), "SELECT referrer_id FROM referrals WHERE referee_id = :m",
                        [&](const soci::row& r) { out = rowInt(r, 0); });
        return out;
    });
}

void SociMembershipRepository::link(std::int64_t refereeId, std::int64_t referrerId, const std::string& actor,
                                    Timestamp now) {
    withSqlErrors(m_db, "Could not record the referral", [&] {
        long long e = refereeId, r = referrerId;
        std::string who = actor, at = formatTimestamp(now);
        m_db.sql()
            << "INSERT INTO referrals (referee_id, referrer_id, linked_at, actor) VALUES (:e, :r, :at, :a)",
            soci::use(e), soci::use(r), soci::use(at), soci::use(who);
    });
}

bool SociMembershipRepository::hasPurchases(std::int64_t memberId) {
    return withSqlErrors(m_db, "Could not read the member's purchases", [&] {
        return QueryArgs()
                   .integer("m", memberId)
                   .scalar(m_db.sql(), "SELECT COUNT(*) FROM (SELECT 1 FROM transactions WHERE "
                                       "member_id = :m AND kind = 'purchase' LIMIT 1) x") > 0;
    });
}

bool SociMembershipRepository::insertVoucher(Voucher& v, Timestamp now) {
    return withSqlErrors(m_db, "Could not issue the voucher", [&] {
        long long member = v.memberId.value_or(0), value = v.valueMinor, cost = v.pointsCost;
        soci::indicator memberInd = v.memberId ? soci::i_ok : soci::i_null;
        std::string batch = v.batch.value_or(""), key = v.issueKey.value_or("");
        soci::indicator batchInd = v.batch ? soci::i_ok : soci::i_null;
        soci::indicator keyInd = v.issueKey ? soci::i_ok : soci::i_null;
        std::string code = v.code, source = v.source, issued = formatDate(v.issuedOn),
                    until = formatDate(v.validUntil), actor = v.actor, at = formatTimestamp(now);
        soci::statement st =
            (m_db.sql().prepare
                 << "INSERT INTO vouchers (code, member_id, value_minor, points_cost, source, batch, "
                    "issue_key, issued_on, valid_until, status, actor, recorded_at) VALUES (:c, :m, "
                    ":v, :p, :s, :b, :k, :i, :u, 'issued', :a, :at) ON CONFLICT DO NOTHING",
             soci::use(code), soci::use(member, memberInd), soci::use(value), soci::use(cost),
             soci::use(source), soci::use(batch, batchInd), soci::use(key, keyInd), soci::use(issued),
             soci::use(until), soci::use(actor), soci::use(at));
        st.execute(true);
        if (st.get_affected_rows() != 1) return false;
        if (auto stored = voucher(v.code)) v.id = stored->id;
        return true;
    });
}

std::optional<Voucher> SociMembershipRepository::voucher(const std::string& code) {
    return withSqlErrors(m_db, "Could not read the voucher", [&] {
        std::optional<Voucher> out;
        QueryArgs().text("c", code).forEachRow(
            m_db.sql(), std::string("SELECT ") + kVoucherColumns + " FROM vouchers WHERE code = :c",
            [&](const soci::row& r) { out = voucherFromRow(r); });
        return out;
    });
}

std::optional<Voucher> SociMembershipRepository::voucherByKey(const std::string& issueKey) {
    return withSqlErrors(m_db, "Could not read the voucher", [&] {
        std::optional<Voucher> out;
        QueryArgs()
            .text("k", issueKey)
            .forEachRow(m_db.sql(),
                        std::string("SELECT ") + kVoucherColumns + " FROM vouchers WHERE issue_key = :k",
                        [&](const soci::row& r) { out = voucherFromRow(r); });
        return out;
    });
}

RedeemOutcome SociMembershipRepository::redeem(const std::string& code, std::optional<std::int64_t> memberId,
                                               const std::optional<std::string>& orderId, Date day,
                                               Timestamp now) {
    return withSqlErrors(m_db, "Could not redeem the voucher", [&] {
        std::string order = orderId.value_or("");
        soci::indicator orderInd = orderId ? soci::i_ok : soci::i_null;
        std::string c = code, d = formatDate(day), at = formatTimestamp(now);
        // The condition is the lock: on PostgreSQL a second UPDATE of the row waits for the first to
        // commit, then re-checks status and finds it redeemed; SQLite has one writer at a time.
        std::string sql = "UPDATE vouchers SET status = 'redeemed', redeemed_at = :at, order_id = :o, "
                          "redeemed_member_id = ";
        sql += memberId ? "CAST(:m AS BIGINT)" : "member_id";
        sql += " WHERE code = :c AND status = 'issued' AND valid_until >= :d";
        if (memberId) sql += " AND (member_id IS NULL OR member_id = :m2)";
        long long member = memberId.value_or(0);
        soci::statement st(m_db.sql());
        st.exchange(soci::use(at, "at"));
        st.exchange(soci::use(order, orderInd, "o"));
        if (memberId) st.exchange(soci::use(member, "m"));
        st.exchange(soci::use(c, "c"));
        st.exchange(soci::use(d, "d"));
        if (memberId) st.exchange(soci::use(member, "m2"));
        st.alloc();
        st.prepare(sql);
        st.define_and_bind();
        st.execute(true);
        if (st.get_affected_rows() == 1) return RedeemOutcome::Redeemed;
        const auto v = voucher(code);
        if (!v) return RedeemOutcome::Unknown;
        if (v->status == "redeemed") return RedeemOutcome::AlreadyRedeemed;
        if (v->statusOn(day) == "expired") return RedeemOutcome::Expired;
        return RedeemOutcome::OtherMember;
    });
}

std::int64_t SociMembershipRepository::expireVouchers(Date asOf) {
    return withSqlErrors(m_db, "Could not expire vouchers", [&] {
        std::string d = formatDate(asOf);
        soci::statement st =
            (m_db.sql().prepare << "UPDATE vouchers SET status = 'expired' WHERE status = 'issued' "
                                   "AND valid_until < :d",
             soci::use(d));
        st.execute(true);
        return static_cast<std::int64_t>(st.get_affected_rows());
    });
}

std::vector<Voucher> SociMembershipRepository::vouchersOf(std::int64_t memberId, int limit) {
    return withSqlErrors(m_db, "Could not read the member's vouchers", [&] {
        std::vector<Voucher> out;
        QueryArgs()
            .integer("m", memberId)
            .integer("n", limit)
            .forEachRow(m_db.sql(),
                        std::string("SELECT ") + kVoucherColumns +
                            " FROM vouchers WHERE member_id = :m ORDER BY id DESC LIMIT :n",
                        [&](const soci::row& r) { out.push_back(voucherFromRow(r)); });
        return out;
    });
}

} // namespace md::db

namespace md::db {

using namespace membership;

std::int64_t SociMembershipRepository::insertVouchers(const std::vector<Voucher>& vs, Timestamp now) {
    if (vs.empty()) return 0;
    return withSqlErrors(m_db, "Could not issue the vouchers", [&] {
        const std::string at = formatTimestamp(now);
        TempTable staging(
            m_db, "voucher_staging",
            "SELECT code, member_id, value_minor, points_cost, source, batch, issue_key, issued_on, "
            "valid_until, status, redeemed_at, redeemed_member_id, order_id, actor, recorded_at "
            "FROM vouchers");
        {
            BulkWriter w(m_db, staging.name(),
                         {{"code", ColumnType::Text},
                          {"member_id", ColumnType::Integer},
                          {"value_minor", ColumnType::Integer},
                          {"points_cost", ColumnType::Integer},
                          {"source", ColumnType::Text},
                          {"batch", ColumnType::Text},
                          {"issue_key", ColumnType::Text},
                          {"issued_on", ColumnType::Text},
                          {"valid_until", ColumnType::Text},
                          {"status", ColumnType::Text},
                          {"redeemed_at", ColumnType::Text},
                          {"redeemed_member_id", ColumnType::Integer},
                          {"order_id", ColumnType::Text},
                          {"actor", ColumnType::Text},
                          {"recorded_at", ColumnType::Text}},
                         50000);
            for (const Voucher& v : vs) {
                w.text(v.code);
                if (v.memberId)
                    w.integer(*v.memberId);
                else
                    w.null();
                w.integer(v.valueMinor).integer(v.pointsCost).text(v.source).text(v.batch).text(v.issueKey);
                w.text(formatDate(v.issuedOn)).text(formatDate(v.validUntil)).text(v.status);
                w.text(v.redeemedAt ? std::optional(formatTimestamp(*v.redeemedAt)) : std::nullopt);
                if (v.redeemedMemberId)
                    w.integer(*v.redeemedMemberId);
                else
                    w.null();
                w.text(v.orderId).text(v.actor).text(at).endRow();
            }
            w.flush();
        }
        staging.analyze();
        // WHERE 1 = 1: SQLite needs it to read ON CONFLICT after INSERT ... SELECT as the upsert clause.
        soci::statement st =
            (m_db.sql().prepare
             << "INSERT INTO vouchers (code, member_id, value_minor, points_cost, source, batch, "
                "issue_key, issued_on, valid_until, status, redeemed_at, redeemed_member_id, order_id, "
                "actor, recorded_at) SELECT code, member_id, value_minor, points_cost, source, "
                "batch, issue_key, issued_on, valid_until, status, redeemed_at, "
                "redeemed_member_id, order_id, actor, recorded_at FROM " +
                    staging.name() + " WHERE 1 = 1 ON CONFLICT DO NOTHING");
        st.execute(true);
        const auto inserted = static_cast<std::int64_t>(st.get_affected_rows());
        staging.drop();
        return inserted;
    });
}

std::vector<BirthdayCandidate> SociMembershipRepository::birthdayCandidates(unsigned month, Date day) {
    return withSqlErrors(m_db, "Could not find the members with a birthday this month", [&] {
        std::vector<BirthdayCandidate> out;
        char mm[3];
        std::snprintf(mm, sizeof mm, "%02u", month);
        const std::string d = formatDate(day);
        QueryArgs().text("d", d).text("d2", d).text("d3", d).text("mm", mm).forEachRow(
            m_db.sql(),
            "SELECT m.id, mt.tier_code, mt.override_tier, mt.override_until, (SELECT t.plan_code FROM "
            "membership_terms t WHERE t.member_id = m.id AND t.starts_on <= :d AND t.ends_on >= :d2 AND "
            "(t.cancelled_on IS NULL OR t.cancelled_on >= :d3) ORDER BY t.starts_on LIMIT 1) FROM members m "
            "LEFT JOIN member_tiers mt ON mt.member_id = m.id WHERE m.status = 'active' AND m.birthday IS "
            "NOT "
            "NULL AND substr(m.birthday, 6, 2) = :mm ORDER BY m.id",
            [&](const soci::row& r) {
                BirthdayCandidate c;
                c.memberId = rowInt(r, 0);
                c.tierCode = rowText(r, 1);
                c.overrideTier = rowOptText(r, 2);
                c.overrideUntil = rowOptDate(r, 3);
                c.planCode = rowOptText(r, 4);
                out.push_back(std::move(c));
            });
        return out;
    });
}

std::vector<std::string> SociMembershipRepository::storedCodes(const std::string& batch) {
    return withSqlErrors(m_db, "Could not read the voucher batch", [&] {
        std::vector<std::string> out;
        QueryArgs()
            .text("b", batch)
            .forEachRow(m_db.sql(), "SELECT code FROM vouchers WHERE batch = :b ORDER BY id",
                        [&](const soci::row& r) { out.push_back(rowText(r, 0)); });
        return out;
    });
}

} // namespace md::db

namespace md::db {

void SociMembershipRepository::insertTerms(const std::vector<Term>& terms) {
    withSqlErrors(m_db, "Could not record the paid memberships", [&] {
        BulkWriter w(m_db, "membership_terms",
                     {{"member_id", ColumnType::Integer},
                      {"plan_code", ColumnType::Text},
                      {"kind", ColumnType::Text},
                      {"starts_on", ColumnType::Text},
                      {"ends_on", ColumnType::Text},
                      {"fee_minor", ColumnType::Integer},
                      {"currency", ColumnType::Text},
                      {"request_key", ColumnType::Text},
                      {"programme_version", ColumnType::Integer},
                      {"cancelled_on", ColumnType::Text},
                      {"cancel_reason", ColumnType::Text},
                      {"actor", ColumnType::Text},
                      {"recorded_at", ColumnType::Text}},
                     50000);
        for (const Term& t : terms) {
            w.integer(t.memberId).text(t.planCode).text(t.kind).text(formatDate(t.startsOn));
            w.text(formatDate(t.endsOn)).integer(t.feeMinor).text(t.currency).text(t.requestKey);
            if (t.programmeVersion)
                w.integer(*t.programmeVersion);
            else
                w.null();
            w.text(t.cancelledOn ? std::optional(formatDate(*t.cancelledOn)) : std::nullopt);
            w.text(t.cancelledOn ? std::optional(t.cancelReason) : std::nullopt);
            w.text(t.actor).text(formatTimestamp(t.recordedAt)).endRow();
        }
        w.flush();
    });
}

void SociMembershipRepository::insertReferrals(
    const std::vector<std::pair<std::int64_t, std::int64_t>>& links, const std::string& actor,
    Timestamp now) {
    withSqlErrors(m_db, "Could not record the referrals", [&] {
        BulkWriter w(m_db, "referrals",
                     {{"referee_id", ColumnType::Integer},
                      {"referrer_id", ColumnType::Integer},
                      {"linked_at", ColumnType::Text},
                      {"actor", ColumnType::Text}},
                     50000);
        const std::string at = formatTimestamp(now);
        for (const auto& [referee, referrer] : links)
            w.integer(referee).integer(referrer).text(at).text(actor).endRow();
        w.flush();
    });
}

std::int64_t SociMembershipRepository::assignMissingReferralCodes(Timestamp now) {
    return withSqlErrors(m_db, "Could not assign referral codes",
                         [&] { return db::assignMissingReferralCodes(m_db, formatTimestamp(now)); });
}

} // namespace md::db
