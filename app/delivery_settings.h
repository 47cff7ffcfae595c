#pragma once
// The email, SMS and delivery-rule keys of the settings registry (settings.cpp lists them after the
// programme's own keys) and their validators.
#include "app/settings.h"

namespace md::app {

/// smtp.*, sms.*, unsubscribe.*, quiet_hours, frequency_cap, in display order.
const std::vector<SettingSpec>& deliverySettingSpecs();

/// "" when value is acceptable for key (a delivery key), else the reason. Empty values unset optional
/// keys (a host, a password) and are accepted.
std::string checkDeliverySetting(const std::string& key, const std::string& value);

/// The per-database secret that signs unsubscribe links and Message-IDs: 64 hex digits, made once on
/// first use and stored beside the settings. No command sets or prints it (it is not in the registry,
/// and the audit trail masks it).
std::string unsubscribeSecret(const RequestContext& ctx, DataStore& store);

/// The key the secret is stored under.
inline constexpr const char* kUnsubscribeSecretKey = "unsubscribe.secret";

} // namespace md::app
