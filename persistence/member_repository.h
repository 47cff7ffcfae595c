#pragma once
// SOCI implementation of md::MemberRepository, identical SQL on SQLite and PostgreSQL.
#include "domain/repositories.h"
#include "persistence/database.h"

namespace md::db {

class SociMemberRepository : public MemberRepository {
public:
    explicit SociMemberRepository(Database& db) : m_db(db) {}
    std::optional<Member> findById(std::int64_t id) override;
    std::optional<Member> findByCard(const std::string& card) override;
    std::vector<MemberRow> search(const MemberQuery& q, int limit) override;
    std::int64_t count(const MemberQuery& q) override;
    void insert(Member& m, const Actor& who) override;
    void update(Member& m, const Actor& who) override;
    MemberTotals totals(std::int64_t memberId) override;
    std::vector<Transaction> recentTransactions(std::int64_t memberId, int limit) override;

private:
    Database& m_db;
};

class SociStoreRepository : public StoreRepository {
public:
    explicit SociStoreRepository(Database& db) : m_db(db) {}
    std::vector<Store> all() override;
    std::optional<Store> findByCode(const std::string& code) override;
    void upsert(Store& s, const Actor& who) override;

private:
    Database& m_db;
};

} // namespace md::db
