#pragma once
// The append-only audit trail: who, when, what, with the row before and after as JSON text.
// Written in the same transaction as the change it describes.
#include "domain/actor.h"
#include "domain/member.h"
#include "domain/store.h"
#include "persistence/database.h"

#include <optional>
#include <string>
#include <vector>

namespace md::db {

struct AuditEntry {
    std::int64_t id = 0;
    std::string at; ///< ISO 8601 UTC
    std::string actor, action, entity, entityKey;
    std::optional<std::string> beforeJson, afterJson;
};

/// action: "insert" | "update" | "import" | ...; entity: "member" | "store" | "transaction" | ...
/// entityKey: for "member" the member id and for "store" the store code, as text (SociMemberRepository
/// and SociStoreRepository write them so). Joins the caller's transaction if one is open.
void appendAudit(Database& db, const Actor& who, const std::string& action, const std::string& entity,
                 const std::string& entityKey, const std::optional<std::string>& beforeJson,
                 const std::optional<std::string>& afterJson);

/// Entries for one entity, oldest first.
std::vector<AuditEntry> auditTrail(Database& db, const std::string& entity, const std::string& entityKey);

/// A member as a flat JSON object (stable key order) for the audit trail.
std::string memberToJson(const Member& m);
/// A store as a flat JSON object, likewise.
std::string storeToJson(const Store& s);
/// A setting as {"key":...,"value":...} (the caller masks secrets first).
std::string settingToJson(const std::string& key, const std::string& value);

} // namespace md::db
