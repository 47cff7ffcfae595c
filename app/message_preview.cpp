#include "app/message_preview.h"

#include "app/points.h"
#include "app/settings.h"
#include "domain/money.h"

namespace md::app {

namespace {

std::set<std::string> namesOf(const campaigns::MergeValues& custom) {
    std::set<std::string> names;
    for (const auto& [k, v] : custom)
        names.insert(k);
    return names;
}

} // namespace

campaigns::MergeValues memberMergeValues(const RequestContext& ctx, DataStore& store, const std::string& card,
                                         const campaigns::MergeValues& custom) {
    const auto p = pointsBalance(ctx, store, card);
    campaigns::MergeValues v = custom;
    v["name"] = p.member.name;
    v["card_no"] = p.member.card.str();
    v["tier"] = p.tier;
    v["points"] = std::to_string(p.balance.spendable);
    v["points_expiring"] = std::to_string(p.balance.expiringSoon);
    v["points_expiry_date"] = p.balance.nextExpiry ? formatDate(*p.balance.nextExpiry) : std::string();
    v["store"] = p.member.homeStore;
    return v;
}

campaigns::RenderedEmail previewEmail(const RequestContext& ctx, DataStore& store,
                                      const campaigns::EmailTemplate& t, const std::string& card,
                                      const campaigns::MergeValues& custom) {
    const campaigns::CompiledEmail compiled(t, namesOf(custom));
    return compiled.render(memberMergeValues(ctx, store, card, custom));
}

SmsPreview previewSms(const RequestContext& ctx, DataStore& store, const std::string& smsTemplate,
                      const std::string& card, const campaigns::MergeValues& custom) {
    const auto compiled = campaigns::compileSms(smsTemplate, namesOf(custom));
    SmsPreview out;
    out.text = compiled.render(memberMergeValues(ctx, store, card, custom));
    const auto price = Money::parse(getSetting(ctx, store, "sms.cost_per_part"));
    out.analysis = campaigns::analyseSms(out.text, price ? price.value().minor() : 0);
    return out;
}

} // namespace md::app
