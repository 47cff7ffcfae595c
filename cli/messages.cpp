#include "cli/messages.h"

#include "cli/commands.h"

namespace md::cli {

Message describe(const UserError& e) {
    const std::string& c = e.code();
    if (c == "setting.unknown_key") {
        const auto s = e.param("suggestion");
        return {"unknown setting '" + e.param("key") + "'" + (s.empty() ? "" : "; did you mean '" + s + "'?"),
                std::string("see the known keys with: ") + kProgramName + " config list"};
    }
    if (c == "setting.invalid")
        return {"cannot set " + e.param("key") + ": " + e.param("reason"), "nothing was changed"};
    if (c == "template.invalid")
        return {"the template cannot be used: " + e.param("part") + " line " + e.param("line") + ", column " +
                    e.param("column") + ": " + e.param("problem").substr(e.param("problem").find('.') + 1) +
                    " '" + e.param("subject") + "'",
                "merge fields: name, card_no, tier, points, points_expiring, points_expiry_date, store; "
                "blocks: {{#if tier == \"GOLD\"}}...{{else}}...{{/if}}"};
    if (c == "email.invalid")
        return {"'" + e.param("text") + "' is not an email address: " + e.param("reason"), {}};
    if (c == "smtp.not_configured")
        return {"no SMTP server is set",
                std::string("set one with: ") + kProgramName + " config set smtp.host HOST"};
    if (c == "smtp.from_missing")
        return {"no sender address is set",
                std::string("set one with: ") + kProgramName + " config set smtp.from \"Name <address>\""};
    if (c == "sms.not_configured")
        return {"no SMS gateway is set",
                std::string("set one with: ") + kProgramName + " config set sms.url URL"};
    if (c == "sms.success_rule_invalid")
        return {"cannot read the SMS success rule '" + e.param("rule") + "'",
                "write status=2xx or status=200, optionally followed by ' body~TEXT'"};
    if (c == "store.invalid")
        return {"cannot save store '" + e.param("code") + "': " + e.param("reason"), {}};
    if (c == "store.exists")
        return {"store " + e.param("code") + " already exists", std::string("change it with: ") +
                                                                    kProgramName + " store update " +
                                                                    e.param("code") + " NAME"};
    if (c == "store.not_found")
        return {"there is no store " + e.param("code"),
                std::string("add it with: ") + kProgramName + " store add " + e.param("code") + " NAME"};
    if (c == "member.invalid")
        return {"cannot save member " + e.param("card") + ": " + e.param("reason"), {}};
    if (c == "query.too_short")
        return {
            "'" + e.param("text") +
                "' is too short to search: give at least 4 digits, a name, a card number or an email address",
            {}};
    if (c == "database.not_initialised")
        return {"the database " + e.param("database") + " is not initialised",
                std::string("create the schema with: ") + kProgramName + " --db '" + e.param("database") +
                    "' init"};
    if (c == "database.needs_upgrade")
        return {"the database " + e.param("database") + " has schema version " + e.param("current") +
                    " but this program needs " + e.param("supported"),
                std::string("upgrade it with: ") + kProgramName + " --db '" + e.param("database") +
                    "' migrate"};
    if (c == "file.unsafe_target")
        return {"refusing to write " + e.param("path") + ": " + e.param("reason"),
                "choose another file name; nothing was written"};
    if (c == "file.cannot_write") return {"cannot write " + e.param("path") + ": " + e.param("reason"), {}};
    if (c == "membership.already_active")
        return {std::string(e.what()),
                std::string("renew it with: ") + kProgramName + " membership renew " + e.param("card")};
    if (c == "membership.none")
        return {std::string(e.what()), std::string("buy one with: ") + kProgramName + " membership buy " +
                                           e.param("card") + " PLAN"};
    if (c == "membership.unknown_plan")
        return {std::string(e.what()),
                std::string("see the plans with: ") + kProgramName + " membership plans"};
    if (c == "segment.invalid_rule")
        return {"invalid segment rule: " + e.param("reason"),
                "the fields and ops are listed in docs/segments.md"};
    if (c == "segment.invalid_name")
        return {"cannot name a segment '" + e.param("name") + "': " + e.param("reason"), {}};
    if (c == "segment.exists")
        return {"a segment named " + e.param("name") + " already exists",
                std::string("see the segments with: ") + kProgramName + " segment list"};
    if (c == "segment.unknown")
        return {"there is no segment named " + e.param("name"),
                std::string("see the segments with: ") + kProgramName + " segment list"};
    return {e.what(), {}};
}

} // namespace md::cli
