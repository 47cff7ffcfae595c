#include "persistence/settings_repository.h"

#include "persistence/audit.h"
#include "persistence/member_mapping.h"
#include "persistence/native_sql.h"
#include "persistence/sql_errors.h"

#include <soci/soci.h>

namespace md::db {

namespace {

// Values that hold secrets (passwords, the unsubscribe signing secret) never reach the audit trail in clear.
bool isSecret(const std::string& key) {
    return key.ends_with("password") || key.ends_with("secret");
}

std::string auditJson(const std::string& key, const std::string& value) {
    return settingToJson(key, isSecret(key) ? "***" : value);
}

} // namespace

std::optional<std::string> SociSettingsRepository::get(const std::string& key) {
    return withSqlErrors(m_db, "Could not read the setting " + key, [&] {
        std::optional<std::string> out;
        QueryArgs().text("k", key).forEachRow(m_db.sql(), "SELECT value FROM settings WHERE key = :k",
                                              [&](const soci::row& r) { out = rowText(r, 0); });
        return out;
    });
}

void SociSettingsRepository::set(const std::string& key, const std::string& value, const Actor& who,
                                 const std::string& at) {
    withSqlErrors(m_db, "Could not save the setting " + key, [&] {
        WriteTransaction tx(m_db);
        const auto before = get(key);
        std::string k = key, v = value, when = at, by = who.name;
        if (before)
            m_db.sql() << "UPDATE settings SET value = :v, updated_at = :a, updated_by = :b WHERE key = :k",
                soci::use(v), soci::use(when), soci::use(by), soci::use(k);
        else
            m_db.sql() << "INSERT INTO settings (key, value, updated_at, updated_by) VALUES (:k, :v, :a, :b)",
                soci::use(k), soci::use(v), soci::use(when), soci::use(by);
        appendAudit(m_db, who, before ? "update" : "insert", "setting", key,
                    before ? std::optional(auditJson(key, *before)) : std::nullopt, auditJson(key, value));
        tx.commit();
    });
}

std::vector<Setting> SociSettingsRepository::all() {
    return withSqlErrors(m_db, "Could not read the settings", [&] {
        std::vector<Setting> out;
        QueryArgs().forEachRow(
            m_db.sql(), "SELECT key, value, updated_at, updated_by FROM settings ORDER BY key",
            [&](const soci::row& r) {
                out.push_back({rowText(r, 0), rowText(r, 1), rowText(r, 2), rowText(r, 3)});
            });
        return out;
    });
}

} // namespace md::db
