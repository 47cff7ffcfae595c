#pragma once
// The demo loyalty programme: what a mid-market Chinese retail chain would run, tuned to the demo data
// (its categories, its flagship store, its spending levels) so every tier, benefit and rule shows up
// in the demo. docs/programme-format.md prints it as the annotated example of the JSON format.
#include "domain/loyalty/programme.h"

namespace md {

/// Four tiers on qualifying spend in a rolling 12-month window — 普通会员 Regular, 银卡 Silver (¥1,000),
/// 金卡 Gold (¥3,000), 黑卡 Black (¥8,000), retention at 70% of entry, 30 days' grace, at most one tier
/// down per review; a benefit of every type; 1 point per ¥1 with tier multipliers 100/120/150/200% and
/// bonus rules of every kind; points expire at the end of the month 12 months after earning, pending
/// 7 days; a point is worth 1 fen; orders under ¥10 earn nothing. Valid (validateProgramme is empty).
/// Dated promotions (Double 11) fall in the first November on or after `effectiveFrom`.
loyalty::Programme demoProgramme(Date effectiveFrom);

} // namespace md
