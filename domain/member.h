#pragma once
// A programme member as the business sees it. Persistence maps it; it knows nothing of storage.
#include "card_number.h"
#include "email_address.h"
#include "money.h"
#include "phone_number.h"
#include "time.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace md {

enum class Gender { Unknown, Female, Male, Other };
enum class MemberStatus { Active, Suspended, Closed };
enum class ContactChannel { Email, Sms };

/// "F"/"M"/"O"/"" in files; parse also accepts female/male/女/男.
std::string toCode(Gender g);
Expected<Gender> parseGender(std::string_view text);
std::string toCode(MemberStatus s); ///< "active", "suspended", "closed"
Expected<MemberStatus> parseMemberStatus(std::string_view text);

/// Consent for one channel: granted or not, where it came from ("import", "store", "agent", "web",
/// "demo") and when it was recorded. A member who never answered has granted == false.
struct Consent {
    bool granted = false;
    std::string source;
    std::optional<Timestamp> at;
    bool operator==(const Consent&) const = default;
};

struct Member {
    std::int64_t id = 0; ///< 0 until stored
    CardNumber card = CardNumber::parse("0000").value();
    std::string name;
    std::optional<PhoneNumber> phone;
    std::optional<EmailAddress> email;
    std::optional<Date> birthday;
    Gender gender = Gender::Unknown;
    Date joinDate{};
    std::string homeStore; ///< store code, e.g. "SH001"
    MemberStatus status = MemberStatus::Active;
    Consent emailConsent;
    Consent smsConsent;
    std::int64_t version = 0; ///< optimistic lock: bumped by every save
    /// Stored values this program cannot read (field -> stored text), left empty above: the member
    /// is shown with them marked instead of not at all.
    std::map<std::string, std::string> unreadable;
    bool operator==(const Member&) const = default;
};

/// Purchase totals, refunds netted. Maintained by persistence when transactions are written.
struct MemberTotals {
    std::int64_t orders = 0;
    Money revenue;
    std::optional<Timestamp> firstPurchase;
    std::optional<Timestamp> lastPurchase;
};

/// What the member browser shows per row.
struct MemberRow {
    std::int64_t id = 0;
    std::string card;
    std::string name;
    std::string phone; ///< E.164 or empty
    std::string store;
    Date joinDate{};
    std::optional<Timestamp> lastPurchase;
    std::int64_t orders = 0;
    std::int64_t revenueMinor = 0;
    std::string tier;        ///< the stored (earned) tier code; "" before the engine placed the member
    int tierRank = 0;        ///< its rank (0 without a stored tier)
    std::int64_t points = 0; ///< the cached ledger balance (member_points.balance)
};

/// Checks the business rules that span fields: card, name, and one of phone/email required.
/// Returns an empty string when valid, else the reason.
std::string validateMember(const Member& m);

} // namespace md
