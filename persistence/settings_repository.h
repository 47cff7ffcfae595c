#pragma once
// SOCI implementation of md::SettingsRepository: the settings table, same SQL on both backends.
#include "domain/settings.h"
#include "persistence/database.h"

namespace md::db {

class SociSettingsRepository : public SettingsRepository {
public:
    explicit SociSettingsRepository(Database& db) : m_db(db) {}
    std::optional<std::string> get(const std::string& key) override;
    void set(const std::string& key, const std::string& value, const Actor& who,
             const std::string& at) override;
    std::vector<Setting> all() override;

private:
    Database& m_db;
};

} // namespace md::db
