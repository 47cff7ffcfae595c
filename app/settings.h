#pragma once
// Settings shared by everyone on a database, each key with its own validator and default. Later issues
// add keys (SMTP, SMS gateways, quiet hours) to the registry in settings.cpp.
#include "app/request_context.h"
#include "domain/unit_of_work.h"

#include <string>
#include <vector>

namespace md::app {

struct SettingSpec {
    std::string key;
    std::string defaultValue;
    std::string description; ///< one line for `config list` and the settings page
    bool secret = false;     ///< never printed back (passwords)
};

/// Every key this program knows, in display order.
const std::vector<SettingSpec>& settingSpecs();

/// The stored value, or the key's default. Throws UserError "setting.unknown_key" {key, suggestion}.
std::string getSetting(const RequestContext& ctx, DataStore& store, const std::string& key);
/// Validates and stores. Throws UserError "setting.unknown_key" or "setting.invalid" {key, value, reason}.
void setSetting(const RequestContext& ctx, DataStore& store, const std::string& key,
                const std::string& value);
/// Every known key with its value (stored or default); secret values are masked as "********".
std::vector<Setting> listSettings(const RequestContext& ctx, DataStore& store);

/// The programme's time zone setting read into a context (the front ends call this once per session).
RequestContext withProgrammeTimeZone(RequestContext ctx, DataStore& store);

/// "" when name is an IANA time zone this machine knows, else the reason.
std::string checkTimeZoneName(const std::string& name);

} // namespace md::app
