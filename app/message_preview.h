#pragma once
// Previews of a campaign message for one member, as marketing staff see them while writing: the email
// rendered with that member's values, and an SMS with its characters, encoding, parts and cost.
#include "app/request_context.h"
#include "domain/campaigns/sms_encoding.h"
#include "domain/campaigns/template.h"
#include "domain/unit_of_work.h"

namespace md::app {

/// The standard merge fields of the member with this card (name, card_no, tier code, spendable
/// points, points expiring soon, the next expiry date, home store code) plus `custom`.
/// Throws UserError "member.unknown_card" {card}.
campaigns::MergeValues memberMergeValues(const RequestContext& ctx, DataStore& store, const std::string& card,
                                         const campaigns::MergeValues& custom = {});

/// Throws UserError "template.invalid" (see CompiledEmail) or "member.unknown_card".
campaigns::RenderedEmail previewEmail(const RequestContext& ctx, DataStore& store,
                                      const campaigns::EmailTemplate& t, const std::string& card,
                                      const campaigns::MergeValues& custom = {});

struct SmsPreview {
    std::string text;
    campaigns::SmsAnalysis analysis; ///< cost at the sms.cost_per_part setting
};

SmsPreview previewSms(const RequestContext& ctx, DataStore& store, const std::string& smsTemplate,
                      const std::string& card, const campaigns::MergeValues& custom = {});

} // namespace md::app
