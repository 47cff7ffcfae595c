#pragma once
// Paid membership (付费会员, docs/membership.md): a member's terms, the status derived from them on a
// day, where a renewal starts, and what an active term grants (the plan's tier floor and points
// percent). Plain data and arithmetic; storage is membership_repository.h, use cases app/membership.h.
#include "domain/loyalty/programme.h"
#include "domain/time.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace md::membership {

/// One paid term: a purchase ("buy") or a renewal ("renew"), with the fee paid for it.
struct Term {
    std::int64_t id = 0;
    std::int64_t memberId = 0;
    std::string planCode;
    std::string kind = "buy";  ///< "buy" or "renew"
    Date startsOn{}, endsOn{}; ///< inclusive
    std::int64_t feeMinor = 0;
    std::string currency = "CNY";
    std::string requestKey; ///< "membership:<request id>": a retried purchase finds the first
    std::optional<std::int64_t> programmeVersion;
    std::optional<Date> cancelledOn; ///< the last day of the grants after a cancellation
    std::string cancelReason;
    std::string actor;
    Timestamp recordedAt{};
    /// The last day the term grants anything (its end, or the cancellation's day when earlier).
    Date lastDay() const { return cancelledOn && *cancelledOn < endsOn ? *cancelledOn : endsOn; }
    /// A term cancelled before it began grants nothing.
    bool void_() const { return lastDay() < startsOn; }
    bool covers(Date day) const { return !void_() && startsOn <= day && day <= lastDay(); }
};

enum class Status {
    None,      ///< never a paid member
    Active,    ///< a term covers the day
    Lapsed,    ///< the last term ended (no sweep: derived from the end date)
    Cancelled, ///< the last term was cut short by a cancellation
    Scheduled  ///< a term starts later (bought ahead) and none covers the day
};
std::string toCode(Status s); ///< "none", "active", "lapsed", "cancelled", "scheduled"

/// Where a member stands on a day.
struct Standing {
    Status status = Status::None;
    std::optional<Term> current; ///< the term covering the day, else the latest one
    /// The last day of the grants counting renewals already paid (the end of the chain of terms that
    /// starts with the current one); none without an active term.
    std::optional<Date> paidThrough;
};
/// `terms` in any order.
Standing standingOn(const std::vector<Term>& terms, Date day);

/// The last day of a term of `plan` starting on `start`: the day before start + months (that day clamped
/// to the month's end: 31 Jan + 1 month is 28/29 Feb), or start + days - 1.
Date termEnd(const loyalty::Plan& plan, Date start);

/// Where a renewal on `today` starts: the day after the paid-through end while the membership is
/// active (or scheduled), so no paid day is lost; today once it has lapsed or was cancelled.
Date renewalStart(const Standing& s, Date today);

/// What the active term grants on `day` under programme p: the plan, or null (no term covers the day,
/// or its plan is not in p).
const loyalty::Plan* planOn(const std::vector<Term>& terms, const loyalty::Programme& p, Date day);

/// The plan's floor as a tier rank, if it has one the ladder knows.
std::optional<int> floorRank(const loyalty::Plan& plan, const loyalty::Programme& p);

} // namespace md::membership
