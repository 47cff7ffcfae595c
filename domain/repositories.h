#pragma once
// Storage interfaces the services depend on. persistence/ implements them on SOCI; tests of logic
// may fake them, but every boundary is also tested against real SQLite and PostgreSQL.
#include "actor.h"
#include "member.h"
#include "member_query.h"
#include "store.h"
#include "transaction.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace md {

class MemberRepository {
public:
    virtual ~MemberRepository() = default;
    virtual std::optional<Member> findById(std::int64_t id) = 0;
    virtual std::optional<Member> findByCard(const std::string& card) = 0;
    /// Members matching a classified query, best matches first, at most limit rows.
    virtual std::vector<MemberRow> search(const MemberQuery& q, int limit) = 0;
    /// Number of members matching q (all members when q.kind == Empty).
    virtual std::int64_t count(const MemberQuery& q) = 0;
    /// Inserts a new member; sets m.id and m.version = 1. Audited.
    virtual void insert(Member& m, const Actor& who) = 0;
    /// Saves changes. Throws ConflictError if the stored version differs from m.version; on success
    /// m.version is incremented. Audited with before and after.
    virtual void update(Member& m, const Actor& who) = 0;
    virtual MemberTotals totals(std::int64_t memberId) = 0;
    virtual std::vector<Transaction> recentTransactions(std::int64_t memberId, int limit) = 0;
};

class StoreRepository {
public:
    virtual ~StoreRepository() = default;
    virtual std::vector<Store> all() = 0;
    virtual std::optional<Store> findByCode(const std::string& code) = 0;
    virtual void upsert(Store& s, const Actor& who) = 0;
};

} // namespace md
