#pragma once
// Members and stores for the persistence tests, written through the repositories like real data.
#include "domain/member.h"
#include "persistence/database.h"
#include "persistence/member_repository.h"

#include <soci/soci.h>

#include <string>
#include <tuple>

namespace md::test {

inline Date date(const char* text) {
    return parseDate(text).value();
}
inline Timestamp instant(const char* text) {
    return parseTimestamp(text).value();
}

/// A complete member: Chinese name, CN mobile, email, birthday, consent on both channels.
inline Member sampleMember(const std::string& card = "MD000001", const std::string& name = "王小明",
                           const std::string& phone = "13800138000") {
    Member m;
    m.card = CardNumber::parse(card).value();
    m.name = name;
    m.phone = PhoneNumber::parse(phone).value();
    m.email = EmailAddress::parse("Xiaoming.Wang@Example.CN").value();
    m.birthday = date("1990-05-17");
    m.gender = Gender::Male;
    m.joinDate = date("2023-03-01");
    m.homeStore = "SH001";
    m.emailConsent = Consent{true, "store", instant("2023-03-01T02:15:00Z")};
    m.smsConsent = Consent{false, "web", instant("2023-04-02T08:00:00Z")};
    return m;
}

/// The stores sampleMember() and the browser data refer to (foreign keys are enforced).
inline void addStores(db::Database& d) {
    db::SociStoreRepository stores(d);
    for (auto [code, name, city] : {std::tuple{"SH001", "上海南京西路店", "上海"},
                                    {"BJ002", "北京三里屯店", "北京"},
                                    {"GZ003", "广州天河店", "广州"}}) {
        Store s{0, code, name, city};
        stores.upsert(s, d.actor());
    }
}

inline std::int64_t countWhere(db::Database& d, const std::string& sql) {
    long long n = 0;
    d.sql() << sql, soci::into(n);
    return n;
}

} // namespace md::test
