#pragma once
// When earned points expire, and when they may be spent. Days are programme-local dates; a lot that
// "expires on D" can be spent through the end of D and is gone from D+1.
#include "domain/loyalty/programme.h"

#include <optional>

namespace md::loyalty {

/// The last day a lot earned on `earned` can be spent; none for Never and Rolling (rolling expiry is
/// decided by the member's last activity, see rollingExpiry).
std::optional<Date> lotExpiry(const ExpiryPolicy& policy, Date earned);

/// Rolling policy: the last day any of the member's points can be spent, given their last activity.
Date rollingExpiry(const ExpiryPolicy& policy, Date lastActivity);

/// The first day points earned on `earned` are spendable (earned + pendingDays).
Date availableFrom(const ExpiryPolicy& policy, Date earned);

} // namespace md::loyalty
