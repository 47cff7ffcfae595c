// validateProgramme: every contradiction or impossible value in a programme, each with the JSON path of
// the field (programme_json.h) and a stable code. Benefits and earning rules are checked in
// programme_validation_rules.cpp; this file holds the programme, its tier ladder and its expiry policy.
#include "domain/loyalty/programme_validation_detail.h"
#include "domain/money.h"

#include <set>

namespace md::loyalty {

namespace detail {

void Problems::add(std::string field, std::string code, std::string message) {
    list.push_back({std::move(field), "programme." + std::move(code), std::move(message)});
}

void Problems::range(const std::string& field, std::int64_t value, std::int64_t lo, std::int64_t hi,
                     const std::string& what) {
    if (value >= lo && value <= hi) return;
    add(field, "out_of_range",
        what + " is " + std::to_string(value) + "; it must be between " + std::to_string(lo) + " and " +
            std::to_string(hi));
}

void Problems::notNegative(const std::string& field, std::int64_t value, const std::string& what) {
    if (value < 0)
        add(field, "negative", what + " is " + std::to_string(value) + "; it must not be negative");
}

void Problems::text(const std::string& field, const std::string& value, bool required,
                    const std::string& what, bool multiline) {
    if (required && value.find_first_not_of(" \t") == std::string::npos) {
        add(field, "required", what + " is empty");
        return;
    }
    if (!isValidUtf8(value)) {
        add(field, "text_invalid", what + " is not valid UTF-8 text");
        return;
    }
    for (char c : value) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && !(multiline && c == '\n')) || u == 0x7F) {
            add(field, "text_invalid", what + " contains a control character");
            return;
        }
    }
}

void Problems::code(const std::string& field, const std::string& value, std::set<std::string>& seen,
                    const std::string& what) {
    const bool valid = !value.empty() && value.size() <= kMaxCodeLength &&
                       value.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") == std::string::npos;
    if (!valid) {
        add(field, "code_invalid",
            what + " code \"" + value + "\" must be 1 to " + std::to_string(kMaxCodeLength) +
                " characters A-Z, 0-9 or _");
        return;
    }
    if (!seen.insert(value).second)
        add(field, "code_duplicate", "another " + what + " already has the code " + value);
}

std::string yuan(std::int64_t minor) {
    return Money(minor).format("en_US");
}

std::string at(const std::string& list, std::size_t i) {
    return list + "[" + std::to_string(i) + "]";
}

} // namespace detail

namespace {

using detail::at;
using detail::Problems;
using detail::yuan;

/// Entry thresholds must rise with rank for each measure the ladder uses. A tier that does not use a
/// measure (threshold 0) is skipped, so a ladder may mix spend-only and points-only tiers.
void checkRising(Problems& out, const std::vector<Tier>& tiers, bool spend) {
    const Tier* previous = nullptr;
    for (std::size_t i = 1; i < tiers.size(); ++i) {
        const Tier& t = tiers[i];
        const std::int64_t value = spend ? t.entrySpendMinor : t.entryPoints;
        if (value <= 0) continue;
        if (previous) {
            const std::int64_t before = spend ? previous->entrySpendMinor : previous->entryPoints;
            if (value <= before) {
                const auto show = [&](std::int64_t v) {
                    return spend ? yuan(v) : std::to_string(v) + " points";
                };
                out.add(at("tiers.ladder", i) + (spend ? ".entry_spend" : ".entry_points"),
                        "threshold_not_rising",
                        t.code + " is entered at " + show(value) + ", not above " + previous->code + "'s " +
                            show(before) + " (overlapping thresholds): entry thresholds must rise with rank");
            }
        }
        previous = &t;
    }
}

void checkTier(Problems& out, const Tier& t, std::size_t i, std::set<std::string>& codes) {
    const std::string path = at("tiers.ladder", i);
    if (t.rank != static_cast<int>(i))
        out.add(path + ".rank", "rank_out_of_order",
                "the tier at position " + std::to_string(i) + " has rank " + std::to_string(t.rank) +
                    "; ranks must be 0, 1, 2 ... in ladder order, base tier first");
    out.code(path + ".code", t.code, codes, "tier");
    out.text(path + ".name_zh", t.nameZh, true, "the Chinese name of the tier");
    out.text(path + ".name_en", t.nameEn, true, "the English name of the tier");
    out.notNegative(path + ".entry_spend", t.entrySpendMinor, "the entry spend");
    out.notNegative(path + ".entry_points", t.entryPoints, "the entry points");
    out.notNegative(path + ".retain_spend", t.retainSpendMinor, "the retention spend");
    out.notNegative(path + ".retain_points", t.retainPoints, "the retention points");
    out.range(path + ".grace_days", t.graceDays, 0, 730, "the grace period in days");
    if (i == 0) {
        // Every member starts in the base tier; a threshold there would mean nothing.
        const char* keys[] = {".entry_spend", ".entry_points", ".retain_spend", ".retain_points"};
        const std::int64_t values[] = {t.entrySpendMinor, t.entryPoints, t.retainSpendMinor, t.retainPoints};
        for (int k = 0; k < 4; ++k)
            if (values[k] != 0)
                out.add(path + keys[k], "base_tier_threshold",
                        "the base tier " + t.code + " is where every member starts: it has no thresholds");
        return;
    }
    if (t.entrySpendMinor <= 0 && t.entryPoints <= 0)
        out.add(path + ".entry_spend", "tier_without_threshold",
                t.code + " has neither an entry spend nor entry points: no member could reach it");
    if (t.retainSpendMinor > t.entrySpendMinor)
        out.add(path + ".retain_spend", "retention_above_entry",
                t.code + " asks " + yuan(t.retainSpendMinor) + " to stay but only " +
                    yuan(t.entrySpendMinor) + " to enter: retention must not exceed entry");
    if (t.retainPoints > t.entryPoints)
        out.add(path + ".retain_points", "retention_above_entry",
                t.code + " asks " + std::to_string(t.retainPoints) + " points to stay but only " +
                    std::to_string(t.entryPoints) + " to enter: retention must not exceed entry");
}

void checkLadder(Problems& out, const TierLadder& ladder) {
    if (ladder.tiers.empty()) {
        out.add("tiers.ladder", "no_tiers", "the ladder needs at least one tier, the base tier");
        return;
    }
    std::set<std::string> codes;
    for (std::size_t i = 0; i < ladder.tiers.size(); ++i)
        checkTier(out, ladder.tiers[i], i, codes);
    checkRising(out, ladder.tiers, true);
    checkRising(out, ladder.tiers, false);
}

void checkExpiry(Problems& out, const ExpiryPolicy& e) {
    switch (e.kind) {
    case ExpiryKind::DaysAfterEarn:
    case ExpiryKind::Rolling:
        out.range("expiry.days", e.days, 1, 3650, "the expiry period in days");
        break;
    case ExpiryKind::EndOfMonth:
        out.range("expiry.months", e.months, 0, 120, "the expiry period in months");
        break;
    case ExpiryKind::EndOfYear:
        out.range("expiry.years", e.years, 0, 10, "the expiry period in years");
        break;
    case ExpiryKind::Never:
        break;
    }
    out.range("expiry.pending_days", e.pendingDays, 0, 365, "the pending period in days");
    out.range("expiry.expiring_soon_days", e.expiringSoonDays, 0, 365, "the expiring-soon period in days");
}

} // namespace

std::vector<ProgrammeProblem> validateProgramme(const Programme& p) {
    Problems out;
    out.text("name", p.name, true, "the programme name");
    if (p.currency != "CNY")
        out.add("currency", "currency_unsupported",
                "currency \"" + p.currency + "\" is not supported; use CNY");
    if (p.pointValue.amountMinor < 1)
        out.add("point_value.amount", "point_value_invalid",
                "a point must be worth at least 0.01 (it is " + yuan(p.pointValue.amountMinor) + ")");
    if (p.pointValue.points < 1)
        out.add("point_value.points", "point_value_invalid",
                "the point value must be given per 1 or more points (it is per " +
                    std::to_string(p.pointValue.points) + ")");
    out.notNegative("min_spend", p.minSpendMinor, "the minimum spend");
    out.notNegative("max_points_per_order", p.maxPointsPerOrder, "the points cap per order");
    out.notNegative("approval_threshold", p.approvalThreshold, "the approval threshold");
    checkLadder(out, p.ladder);
    detail::checkBenefits(out, p);
    detail::checkRules(out, p);
    detail::checkPlans(out, p);
    checkExpiry(out, p.expiry);
    return std::move(out.list);
}

} // namespace md::loyalty
