#include "domain/membership/membership.h"

#include <algorithm>

namespace md::membership {

using namespace std::chrono;

std::string toCode(Status s) {
    switch (s) {
    case Status::None:
        return "none";
    case Status::Active:
        return "active";
    case Status::Lapsed:
        return "lapsed";
    case Status::Cancelled:
        return "cancelled";
    case Status::Scheduled:
        return "scheduled";
    }
    return "?";
}

Standing standingOn(const std::vector<Term>& terms, Date day) {
    Standing s;
    if (terms.empty()) return s;
    std::vector<const Term*> live;
    for (const Term& t : terms)
        if (!t.void_()) live.push_back(&t);
    std::sort(live.begin(), live.end(),
              [](const Term* a, const Term* b) { return a->startsOn < b->startsOn; });
    const Term* covering = nullptr;
    const Term* upcoming = nullptr;
    for (const Term* t : live) {
        if (t->covers(day)) covering = t;
        if (t->startsOn > day && !upcoming) upcoming = t;
    }
    if (covering || upcoming) {
        const Term* first = covering ? covering : upcoming;
        s.status = covering ? Status::Active : Status::Scheduled;
        s.current = *first;
        // Renewals paid ahead continue the chain from the day after the previous term's last day.
        Date through = first->lastDay();
        for (const Term* t : live)
            if (t->startsOn > first->startsOn && t->startsOn <= through + days(1))
                through = std::max(through, t->lastDay());
        s.paidThrough = through;
        return s;
    }
    // Nothing now or ahead: the latest term (void ones included) says how it ended.
    const auto latest = std::max_element(terms.begin(), terms.end(), [](const Term& a, const Term& b) {
        return a.startsOn != b.startsOn ? a.startsOn < b.startsOn : a.id < b.id;
    });
    s.current = *latest;
    s.status = latest->cancelledOn ? Status::Cancelled : Status::Lapsed;
    return s;
}

Date termEnd(const loyalty::Plan& plan, Date start) {
    if (plan.termMonths <= 0) return start + days(std::max(1, plan.termDays) - 1);
    const year_month_day ymd{start};
    const year_month ym = year_month{ymd.year(), ymd.month()} + months(plan.termMonths);
    year_month_day end{ym.year(), ym.month(), ymd.day()};
    if (!end.ok()) end = year_month_day{ym.year() / ym.month() / last};
    return Date{end} - days(1);
}

Date renewalStart(const Standing& s, Date today) {
    if ((s.status == Status::Active || s.status == Status::Scheduled) && s.paidThrough)
        return *s.paidThrough + days(1);
    return today;
}

const loyalty::Plan* planOn(const std::vector<Term>& terms, const loyalty::Programme& p, Date day) {
    for (const Term& t : terms)
        if (t.covers(day))
            if (const loyalty::Plan* plan = loyalty::findPlan(p, t.planCode)) return plan;
    return nullptr;
}

std::optional<int> floorRank(const loyalty::Plan& plan, const loyalty::Programme& p) {
    if (plan.floorTier.empty()) return std::nullopt;
    if (const loyalty::Tier* t = loyalty::findTier(p, plan.floorTier)) return t->rank;
    return std::nullopt;
}

} // namespace md::membership
