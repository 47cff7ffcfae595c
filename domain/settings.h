#pragma once
// Settings shared by everyone on one database (the programme's time zone today; SMTP, SMS gateways and
// quiet hours later). Each key has a validator; a value is stored only once it has passed it.
#include "actor.h"
#include "expected.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace md {

struct Setting {
    std::string key, value;
    std::string updatedAt, updatedBy; ///< empty for a default that was never stored
    bool isDefault = false;
};

class SettingsRepository {
public:
    virtual ~SettingsRepository() = default;
    virtual std::optional<std::string> get(const std::string& key) = 0;
    /// Stores value for key (insert or replace) with who and when; audited.
    virtual void set(const std::string& key, const std::string& value, const Actor& who,
                     const std::string& at) = 0;
    /// Every stored setting, by key.
    virtual std::vector<Setting> all() = 0;
};

} // namespace md
