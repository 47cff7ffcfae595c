#include "gui/programme_tables.h"

#include "domain/money.h"
#include "gui/ui_helpers.h"

#include <wx/intl.h>

#include <algorithm>

namespace md::gui {

using namespace loyalty;

namespace {

std::vector<std::string> codes(std::initializer_list<const char*> list) {
    return {list.begin(), list.end()};
}

const std::vector<std::string> kPeriods = codes({"order", "day", "month", "year", "programme"});

wxString number(std::int64_t v) {
    return wxString::Format(wxS("%lld"), static_cast<long long>(v));
}

wxString optDate(const std::optional<Date>& d) {
    return d ? formatDateText(*d) : wxString();
}

wxString joined(const std::vector<std::string>& values) {
    wxString out;
    for (const std::string& v : values)
        out += (out.empty() ? wxString() : wxS(", ")) + fromUtf8(v);
    return out;
}

/// Reads one row's cells by column key; every unreadable cell is a problem at path.key.
class RowReader {
public:
    RowReader(const Row& row, std::string path, ProgrammeTable t, std::vector<ProgrammeProblem>& out)
        : m_row(row), m_path(std::move(path)), m_columns(tableColumns(t)), m_out(out) {}

    wxString raw(const char* key) const {
        for (std::size_t i = 0; i < m_columns.size() && i < m_row.size(); ++i)
            if (std::string(m_columns[i].key) == key) return wxString(m_row[i]).Trim(true).Trim(false);
        return {};
    }
    std::string text(const char* key) const { return toUtf8(raw(key)); }
    std::int64_t integer(const char* key, bool required = true) {
        wxString t = raw(key);
        t.Replace(wxS(","), wxString());
        if (t.empty()) {
            if (required) problem(key, "cell.required", "a number is needed here");
            return 0;
        }
        long long v = 0;
        if (!t.ToLongLong(&v)) {
            problem(key, "cell.not_a_number", "\"" + toUtf8(t) + "\" is not a whole number");
            return 0;
        }
        return v;
    }
    int small(const char* key, bool required = true) {
        const std::int64_t v = integer(key, required);
        if (v < -1000000000 || v > 1000000000) {
            problem(key, "cell.out_of_range", "the number is too large");
            return 0;
        }
        return static_cast<int>(v);
    }
    std::int64_t money(const char* key, bool required = true) {
        const wxString t = raw(key);
        if (t.empty()) {
            if (required) problem(key, "cell.required", "an amount in yuan is needed here");
            return 0;
        }
        const auto v = parseYuanText(t);
        if (!v)
            problem(key, "cell.not_money", "\"" + toUtf8(t) + "\" is not an amount in yuan (e.g. 1000.00)");
        return v.value_or(0);
    }
    std::optional<Date> date(const char* key) {
        const std::string t = text(key);
        if (t.empty()) return std::nullopt;
        auto d = parseDate(t);
        if (!d.ok()) {
            problem(key, "cell.not_a_date", "\"" + t + "\" is not a date (YYYY-MM-DD)");
            return std::nullopt;
        }
        return d.value();
    }
    template <class E, class Parse> E code(const char* key, Parse parse, E fallback) {
        const std::string t = text(key);
        if (auto v = parse(t)) return *v;
        problem(key, t.empty() ? "cell.required" : "cell.unknown_code",
                t.empty() ? "a choice is needed here" : "\"" + t + "\" is not one of the choices");
        return fallback;
    }
    std::vector<std::string> list(const char* key) const {
        std::vector<std::string> out;
        wxString rest = raw(key);
        while (!rest.empty()) {
            wxString item = rest.BeforeFirst(',');
            rest = rest.AfterFirst(',');
            item.Trim(true).Trim(false);
            if (!item.empty()) out.push_back(toUtf8(item));
        }
        return out;
    }
    std::map<std::string, int> tierPercent(const char* key) {
        std::map<std::string, int> out;
        for (const std::string& item : list(key)) {
            const auto eq = item.find('=');
            long long v = 0;
            if (eq == std::string::npos ||
                !wxString(fromUtf8(item.substr(eq + 1))).Trim().Trim(false).ToLongLong(&v)) {
                problem(key, "cell.tier_percent", "write each tier as CODE=percent, e.g. GOLD=150");
                continue;
            }
            out[toUtf8(wxString(fromUtf8(item.substr(0, eq))).Trim().Trim(false))] = static_cast<int>(v);
        }
        return out;
    }

private:
    void problem(const char* key, const char* code, const std::string& message) {
        m_out.push_back({m_path + "." + key, code, message});
    }
    const Row& m_row;
    std::string m_path;
    const std::vector<TableColumn>& m_columns;
    std::vector<ProgrammeProblem>& m_out;
};

std::string rowPath(ProgrammeTable t, std::size_t i) {
    return tablePath(t) + "[" + std::to_string(i) + "]";
}

} // namespace

const std::vector<TableColumn>& tableColumns(ProgrammeTable t) {
    static const std::vector<TableColumn> tiers{
        {"rank", _("Rank"), 44, {}},
        {"code", _("Code"), 80, {}},
        {"name_zh", _("Name (中文)"), 80, {}},
        {"name_en", _("Name (English)"), 90, {}},
        {"mode", _("Thresholds"), 76, codes({"any", "all"})},
        {"entry_spend", _("Entry spend ¥"), 96, {}},
        {"entry_points", _("Entry points"), 84, {}},
        {"retain_spend", _("Keep spend ¥"), 96, {}},
        {"retain_points", _("Keep points"), 80, {}},
        {"grace_days", _("Grace days"), 76, {}},
    };
    static const std::vector<TableColumn> benefits{
        {"code", _("Code"), 110, {}},
        {"type", _("Type"), 120,
         codes({"percent_discount", "points_multiplier", "birthday_gift", "birthday_voucher", "free_shipping",
                "priority_service", "member_day_offer", "partner_benefit", "free_text"})},
        {"tiers", _("Tiers"), 150, {}},
        {"effective_from", _("From"), 86, {}},
        {"effective_to", _("To"), 86, {}},
        {"percent", _("Percent"), 60, {}},
        {"day_of_month", _("Day"), 44, {}},
        {"value", _("Value ¥"), 70, {}},
        {"valid_days", _("Valid days"), 70, {}},
        {"partner", _("Partner"), 90, {}},
        {"text_zh", _("Text (中文)"), 140, {}},
        {"text_en", _("Text (English)"), 160, {}},
    };
    static const std::vector<TableColumn> rules{
        {"priority", _("Priority"), 60, {}},
        {"code", _("Code"), 110, {}},
        {"kind", _("Kind"), 110,
         codes({"base", "tier_multiplier", "category", "store", "channel", "date_range", "birthday_month",
                "member_day", "referral"})},
        {"stacking", _("Stacking"), 90, codes({"stack", "exclusive", "highest_wins"})},
        {"points_per", _("Points per"), 70, {}},
        {"unit", _("Unit ¥"), 60, {}},
        {"tier_percent", _("Tier %"), 170, {}},
        {"bonus_percent", _("Bonus %"), 64, {}},
        {"extra_points", _("Extra points"), 80, {}},
        {"values", _("Values"), 120, {}},
        {"from", _("From"), 86, {}},
        {"to", _("To"), 86, {}},
        {"day_of_month", _("Day"), 44, {}},
        {"cap_per_order", _("Cap/order"), 70, {}},
        {"cap_per_member", _("Cap/member"), 76, {}},
        {"cap_period", _("Cap period"), 80, kPeriods},
        {"budget_points", _("Budget"), 70, {}},
        {"budget_period", _("Budget period"), 90, kPeriods},
    };
    switch (t) {
    case ProgrammeTable::Tiers:
        return tiers;
    case ProgrammeTable::Benefits:
        return benefits;
    case ProgrammeTable::Rules:
        return rules;
    }
    return tiers;
}

std::string tablePath(ProgrammeTable t) {
    switch (t) {
    case ProgrammeTable::Tiers:
        return "tiers.ladder";
    case ProgrammeTable::Benefits:
        return "benefits";
    case ProgrammeTable::Rules:
        return "rules";
    }
    return {};
}

std::vector<Row> tableRows(const Programme& p, ProgrammeTable t) {
    std::vector<Row> out;
    switch (t) {
    case ProgrammeTable::Tiers:
        for (const Tier& x : p.ladder.tiers)
            out.push_back({number(x.rank), fromUtf8(x.code), fromUtf8(x.nameZh), fromUtf8(x.nameEn),
                           fromUtf8(toCode(x.mode)), yuanText(x.entrySpendMinor), number(x.entryPoints),
                           yuanText(x.retainSpendMinor), number(x.retainPoints), number(x.graceDays)});
        break;
    case ProgrammeTable::Benefits:
        for (const Benefit& b : p.benefits)
            out.push_back({fromUtf8(b.code), fromUtf8(toCode(b.type)), joined(b.tiers),
                           formatDateText(b.effectiveFrom), optDate(b.effectiveTo), number(b.percent),
                           number(b.dayOfMonth), yuanText(b.valueMinor), number(b.validDays),
                           fromUtf8(b.partner), fromUtf8(b.textZh), fromUtf8(b.textEn)});
        break;
    case ProgrammeTable::Rules:
        for (const EarningRule& r : p.rules) {
            wxString tierPercent;
            for (const auto& [code, percent] : r.tierPercent)
                tierPercent += (tierPercent.empty() ? wxString() : wxS(", ")) + fromUtf8(code) + wxS("=") +
                               number(percent);
            out.push_back({number(r.priority), fromUtf8(r.code), fromUtf8(toCode(r.kind)),
                           fromUtf8(toCode(r.stacking)), number(r.pointsPer), yuanText(r.unitMinor),
                           tierPercent, number(r.bonusPercent), number(r.extraPoints), joined(r.values),
                           optDate(r.from), optDate(r.to), number(r.dayOfMonth), number(r.capPerOrder),
                           number(r.capPerMember), fromUtf8(toCode(r.capPeriod)), number(r.budgetPoints),
                           fromUtf8(toCode(r.budgetPeriod))});
        }
        break;
    }
    return out;
}

void readTable(ProgrammeTable t, const std::vector<Row>& rows, Programme& p,
               std::vector<ProgrammeProblem>& problems) {
    switch (t) {
    case ProgrammeTable::Tiers:
        p.ladder.tiers.clear();
        for (std::size_t i = 0; i < rows.size(); ++i) {
            RowReader c(rows[i], rowPath(t, i), t, problems);
            Tier x;
            x.rank = c.small("rank");
            x.code = c.text("code");
            x.nameZh = c.text("name_zh");
            x.nameEn = c.text("name_en");
            x.mode = c.code("mode", parseThresholdMode, ThresholdMode::Any);
            x.entrySpendMinor = c.money("entry_spend");
            x.entryPoints = c.integer("entry_points");
            x.retainSpendMinor = c.money("retain_spend");
            x.retainPoints = c.integer("retain_points");
            x.graceDays = c.small("grace_days");
            p.ladder.tiers.push_back(std::move(x));
        }
        break;
    case ProgrammeTable::Benefits:
        p.benefits.clear();
        for (std::size_t i = 0; i < rows.size(); ++i) {
            RowReader c(rows[i], rowPath(t, i), t, problems);
            Benefit b;
            b.code = c.text("code");
            b.type = c.code("type", parseBenefitType, BenefitType::FreeText);
            b.tiers = c.list("tiers");
            if (const auto from = c.date("effective_from"))
                b.effectiveFrom = *from;
            else
                problems.push_back(
                    {rowPath(t, i) + ".effective_from", "cell.required", "a start date is needed"});
            b.effectiveTo = c.date("effective_to");
            b.percent = c.small("percent", false);
            b.dayOfMonth = c.small("day_of_month", false);
            b.valueMinor = c.money("value", false);
            b.validDays = c.small("valid_days", false);
            b.partner = c.text("partner");
            b.textZh = c.text("text_zh");
            b.textEn = c.text("text_en");
            p.benefits.push_back(std::move(b));
        }
        break;
    case ProgrammeTable::Rules:
        p.rules.clear();
        for (std::size_t i = 0; i < rows.size(); ++i) {
            RowReader c(rows[i], rowPath(t, i), t, problems);
            EarningRule r;
            r.priority = c.small("priority");
            r.code = c.text("code");
            r.kind = c.code("kind", parseRuleKind, RuleKind::Base);
            r.stacking = c.code("stacking", parseStacking, Stacking::Stack);
            r.pointsPer = c.integer("points_per", false);
            r.unitMinor = c.money("unit", false);
            r.tierPercent = c.tierPercent("tier_percent");
            r.bonusPercent = c.small("bonus_percent", false);
            r.extraPoints = c.integer("extra_points", false);
            r.values = c.list("values");
            r.from = c.date("from");
            r.to = c.date("to");
            r.dayOfMonth = c.small("day_of_month", false);
            r.capPerOrder = c.integer("cap_per_order", false);
            r.capPerMember = c.integer("cap_per_member", false);
            r.capPeriod = c.code("cap_period", parsePeriod, Period::Month);
            r.budgetPoints = c.integer("budget_points", false);
            r.budgetPeriod = c.code("budget_period", parsePeriod, Period::Month);
            p.rules.push_back(std::move(r));
        }
        break;
    }
}

ProblemPlace placeOf(const std::string& field) {
    ProblemPlace out;
    for (ProgrammeTable t : {ProgrammeTable::Tiers, ProgrammeTable::Benefits, ProgrammeTable::Rules}) {
        const std::string prefix = tablePath(t);
        if (field.rfind(prefix, 0) != 0) continue;
        const std::string rest = field.substr(prefix.size());
        if (!rest.empty() && rest[0] != '[' && rest[0] != '.') continue;
        out.table = t;
        if (rest.empty() || rest[0] != '[') return out; // the table as a whole
        const auto close = rest.find(']');
        if (close == std::string::npos) return out;
        out.row = std::stoi(rest.substr(1, close - 1));
        if (close + 1 < rest.size() && rest[close + 1] == '.') {
            const std::string key = rest.substr(close + 2);
            const std::string head = key.substr(0, key.find_first_of(".["));
            const auto& columns = tableColumns(t);
            for (std::size_t c = 0; c < columns.size(); ++c)
                if (head == columns[c].key) out.column = static_cast<int>(c);
        }
        return out;
    }
    out.scalar = field;
    return out;
}

std::optional<std::int64_t> parseYuanText(const wxString& text) {
    wxString t = text;
    t.Trim(true).Trim(false);
    t.Replace(wxS("¥"), wxString());
    t.Replace(wxS(","), wxString());
    if (t.empty()) return std::nullopt;
    const auto m = Money::parse(toUtf8(t));
    if (!m.ok()) return std::nullopt;
    return m.value().minor();
}

wxString yuanText(std::int64_t minor) {
    return fromUtf8(Money(minor).toDecimalString());
}

} // namespace md::gui
