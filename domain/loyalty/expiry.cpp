#include "domain/loyalty/expiry.h"

namespace md::loyalty {

using namespace std::chrono;

std::optional<Date> lotExpiry(const ExpiryPolicy& policy, Date earned) {
    const year_month_day ymd{earned};
    switch (policy.kind) {
    case ExpiryKind::DaysAfterEarn:
        return earned + days{policy.days};
    case ExpiryKind::EndOfMonth: {
        // year_month arithmetic carries into the year; `/ last` then names that month's final day.
        const year_month ym = ymd.year() / ymd.month() + months{policy.months};
        return Date{ym / last};
    }
    case ExpiryKind::EndOfYear:
        return Date{(ymd.year() + years{policy.years}) / December / 31};
    case ExpiryKind::Never:
    case ExpiryKind::Rolling:
        return std::nullopt;
    }
    return std::nullopt;
}

Date rollingExpiry(const ExpiryPolicy& policy, Date lastActivity) {
    return lastActivity + days{policy.days};
}

Date availableFrom(const ExpiryPolicy& policy, Date earned) {
    return earned + days{policy.pendingDays};
}

} // namespace md::loyalty
