#include "gui/loyalty_text.h"

#include "domain/json.h"
#include "gui/ui_helpers.h"

#include <wx/intl.h>

#include <algorithm>

namespace md::gui {

using namespace loyalty;

wxString tierName(const Tier& t) {
    if (!t.nameZh.empty() && !t.nameEn.empty()) return fromUtf8(t.nameZh) + wxS(" ") + fromUtf8(t.nameEn);
    if (!t.nameZh.empty()) return fromUtf8(t.nameZh);
    if (!t.nameEn.empty()) return fromUtf8(t.nameEn);
    return fromUtf8(t.code);
}

wxString formatYuan(std::int64_t minor) {
    if (minor % 100 != 0) return formatRevenue(minor);
    return wxS("¥") + formatCount(minor / 100);
}

namespace {

/// "spend ¥320 more" / "earn 150 more qualifying points" / both joined by "or" or "and" (the tier's
/// threshold mode: either threshold is enough, or both are needed).
wxString needText(std::int64_t spend, std::int64_t points, ThresholdMode mode) {
    const wxString s = wxString::Format(_("spend %s more"), formatYuan(spend));
    const wxString p = wxString::Format(_("earn %s more qualifying points"), formatCount(points));
    if (spend > 0 && points > 0)
        return wxString::Format(mode == ThresholdMode::All ? _("%s and %s") : _("%s or %s"), s, p);
    return spend > 0 ? s : p;
}

wxString byText(const app::TierProgress& p) {
    return p.by ? wxString::Format(_(" by %s"), formatDateText(*p.by)) : wxString();
}

int percentOf(std::int64_t have, std::int64_t missing) {
    if (missing <= 0) return 100;
    if (have <= 0) return 0;
    return static_cast<int>(std::clamp<std::int64_t>(have * 100 / (have + missing), 0, 99));
}

} // namespace

wxString nextTierSentence(const app::TierProgress& p) {
    if (!p.next) return {};
    if (p.spendToNext == 0 && p.pointsToNext == 0)
        return wxString::Format(_("qualifies for %s at the next upgrade check"), tierName(*p.next));
    return wxString::Format(_("%s%s to reach %s"), needText(p.spendToNext, p.pointsToNext, p.next->mode),
                            byText(p), tierName(*p.next));
}

wxString keepTierSentence(const app::TierProgress& p) {
    if (!p.tier) return {};
    if (p.spendToKeep == 0 && p.pointsToKeep == 0)
        return wxString::Format(_("%s is kept for this window"), tierName(*p.tier));
    return wxString::Format(_("%s%s to keep %s"), needText(p.spendToKeep, p.pointsToKeep, p.tier->mode),
                            byText(p), tierName(*p.tier));
}

int nextTierPercent(const app::TierProgress& p) {
    if (!p.next) return 100;
    const int spend = p.next->entrySpendMinor > 0 ? percentOf(p.figures.spendMinor, p.spendToNext) : -1;
    const int points = p.next->entryPoints > 0 ? percentOf(p.figures.points, p.pointsToNext) : -1;
    if (spend < 0 && points < 0) return 100;
    return p.next->mode == ThresholdMode::All && spend >= 0 && points >= 0 ? std::min(spend, points)
                                                                           : std::max(spend, points);
}

int keepTierPercent(const app::TierProgress& p) {
    if (p.spendToKeep == 0 && p.pointsToKeep == 0) return 100;
    const int spend = p.spendToKeep > 0 ? percentOf(p.figures.spendMinor, p.spendToKeep) : 100;
    const int points = p.pointsToKeep > 0 ? percentOf(p.figures.points, p.pointsToKeep) : 100;
    return std::min(spend, points);
}

wxString entryKindText(EntryKind k) {
    switch (k) {
    case EntryKind::Earn:
        return _("Earn");
    case EntryKind::Redeem:
        return _("Redeem");
    case EntryKind::Adjust:
        return _("Adjust");
    case EntryKind::Expire:
        return _("Expire");
    case EntryKind::Reverse:
        return _("Reverse");
    }
    return {};
}

Breakdown parseBreakdown(const std::string& text) {
    Breakdown out;
    const json::Parsed parsed = json::parse(text);
    if (!parsed.ok() || !parsed.value().isObject()) return out;
    const json::Object& o = parsed.value().asObject();
    const auto integer = [](const json::Object& obj, const char* key) {
        const json::Value* v = obj.find(key);
        return v && v->isInteger() ? v->asInteger() : 0;
    };
    const auto string = [](const json::Object& obj, const char* key) {
        const json::Value* v = obj.find(key);
        return v && v->isString() ? v->asString() : std::string();
    };
    out.points = integer(o, "points");
    out.qualifying = integer(o, "qualifying");
    if (const json::Value* steps = o.find("steps"); steps && steps->isArray()) {
        for (const json::Value& s : steps->asArray()) {
            if (!s.isObject()) return out;
            const json::Object& step = s.asObject();
            const json::Value* applied = step.find("applied");
            out.steps.push_back(BreakdownLine{string(step, "rule"), string(step, "kind"),
                                              string(step, "note"), integer(step, "points"),
                                              !applied || !applied->isBool() || applied->asBool()});
        }
    }
    out.ok = true;
    return out;
}

wxString breakdownText(const std::string& json) {
    const Breakdown b = parseBreakdown(json);
    if (!b.ok) return fromUtf8(json);
    wxString out;
    for (const BreakdownLine& s : b.steps) {
        wxString line = wxString::Format(_("%s (%s): %s%s"), fromUtf8(s.rule), fromUtf8(s.kind),
                                         s.points >= 0 ? wxS("+") : wxS(""), formatCount(s.points));
        if (!s.applied) line += wxS(" ") + _("(not applied)");
        if (!s.note.empty()) line += wxS(" — ") + fromUtf8(s.note);
        out += line + wxS("\n");
    }
    out += wxString::Format(_("Total %s points, %s qualifying"), formatCount(b.points),
                            formatCount(b.qualifying));
    return out;
}

std::vector<std::string> adjustmentReasonCodes() {
    return {"goodwill", "complaint", "correction", "writeoff", "migration", "other"};
}

wxString adjustmentReasonText(const std::string& code) {
    if (code == "goodwill") return _("Goodwill");
    if (code == "complaint") return _("Complaint handled");
    if (code == "correction") return _("Correction");
    if (code == "writeoff") return _("Write off owed points");
    if (code == "migration") return _("Points from another system");
    if (code == "other") return _("Other (say why in the note)");
    return fromUtf8(code);
}

} // namespace md::gui
