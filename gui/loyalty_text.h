#pragma once
// The loyalty figures in words for the member detail and the adjust dialog: tier names, the progress
// sentence ("spend ¥320 more by 2027-03-31 to reach Gold"), ledger kinds and the stored earn breakdown
// made readable. Pure functions (no windows), so tests can check the sentences directly.
#include "app/tiers.h"
#include "domain/loyalty/ledger.h"
#include "domain/loyalty/programme.h"

#include <wx/string.h>

#include <cstdint>
#include <string>
#include <vector>

namespace md::gui {

/// "金卡 Gold" (both names when both are set, else whichever is, else the code).
wxString tierName(const loyalty::Tier& t);
/// "¥320" for whole yuan, "¥320.50" otherwise.
wxString formatYuan(std::int64_t minor);
/// "spend ¥320 more by 2027-03-31 to reach Gold"; "" at the top of the ladder. The date is left out
/// for a rolling window (its oldest purchases keep dropping out, so there is no fixed last day).
wxString nextTierSentence(const app::TierProgress& p);
/// "spend ¥200 more by 2027-03-31 to keep Silver", or "Silver is kept for this window".
wxString keepTierSentence(const app::TierProgress& p);
/// Percent (0..100) of the way to the next tier / to keeping the earned one, by the threshold that is
/// nearest to being met.
int nextTierPercent(const app::TierProgress& p);
int keepTierPercent(const app::TierProgress& p);

/// "Earn", "Redeem", "Adjust", "Expire", "Reverse".
wxString entryKindText(loyalty::EntryKind k);

/// One step of an earn entry's breakdown as stored (see loyalty::breakdownJson).
struct BreakdownLine {
    std::string rule, kind, note;
    std::int64_t points = 0;
    bool applied = true;
};
struct Breakdown {
    std::int64_t points = 0, qualifying = 0;
    std::vector<BreakdownLine> steps;
    bool ok = false; ///< false: the text was not a breakdown (shown raw instead)
};
Breakdown parseBreakdown(const std::string& json);
/// Several lines: "Rule BASE (base): +120 — 1 point per ¥1" ... then the total; raw JSON when it does
/// not parse.
wxString breakdownText(const std::string& json);

/// The manual adjustment reason codes the dialog offers. The programme format has no list of its own
/// (docs/loyalty.md: the code is free text), so the app offers this fixed set.
std::vector<std::string> adjustmentReasonCodes();
/// "Goodwill" ... for a code of adjustmentReasonCodes(); the code itself otherwise.
wxString adjustmentReasonText(const std::string& code);

} // namespace md::gui
