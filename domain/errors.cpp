#include "domain/errors.h"

namespace md {

SchemaTooNew::SchemaTooNew(int found, int supported)
    : MemberDeskError(
          "This database was last used by a newer version of MemberDesk (schema version " +
              std::to_string(found) + "; this version understands up to " + std::to_string(supported) +
              "). Install the newer MemberDesk to open it; nothing was changed.",
          "schema_version " + std::to_string(found) + " > supported " + std::to_string(supported)),
      m_found(found), m_supported(supported) {}

ConflictError::ConflictError(std::string cardNo, std::int64_t yourVersion, std::int64_t currentVersion)
    : MemberDeskError("Member " + cardNo + " was changed by someone else (you edited version " +
                          std::to_string(yourVersion) + ", the database now has version " +
                          std::to_string(currentVersion) + "). Reload and apply your change again.",
                      "optimistic lock: member " + cardNo + " expected version " +
                          std::to_string(yourVersion) + ", found " + std::to_string(currentVersion)),
      m_card(std::move(cardNo)), m_yours(yourVersion), m_current(currentVersion) {}

} // namespace md
