#pragma once
// Internal to the loyalty engine: the state of the members a chunk touches, loaded set-based (a temp
// table of member ids joined to each table), changed in memory, written back in bulk.
#include "domain/loyalty/ledger.h"
#include "domain/loyalty/tiers.h"
#include "persistence/database.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace md::db {

struct EngineLot {
    std::int64_t id = 0;
    std::int64_t remaining = 0;
    std::optional<Date> expiresOn;
};
/// A negative entry that no lot fully covered.
struct EngineShort {
    std::int64_t entryId = 0;
    std::int64_t missing = 0;
};
struct DayFigures {
    Date day{};
    std::int64_t spend = 0, qualifying = 0;
};

struct MemberState {
    std::int64_t balance = 0, qualifying = 0, owed = 0;
    std::optional<Date> lastActivity;
    std::vector<EngineLot> lots; ///< with points left, in no particular order
    std::vector<EngineShort> shorts;
    std::optional<Date> birthday;
    Date joinDate{};
    std::string tierCode; ///< "" until the engine or a person placed the member
    Date tierSince{};
    loyalty::TierState tier;
    std::optional<std::string> overrideCode;
    std::vector<DayFigures> days; ///< qualifying figures by local day, from windowStart on, by day
    bool tierChanged = false;
    std::map<std::pair<std::string, std::string>, std::int64_t> usage; ///< (rule, period) -> points issued
};

/// New rows of a chunk, written at its end in bulk (ids reserved up front).
struct ChunkWrites {
    struct Draw {
        std::int64_t entry, lot, member, points;
    };
    struct Change {
        std::int64_t member;
        std::string from, to, reason, rule;
        Date on;
        std::int64_t version;
    };
    std::vector<loyalty::Posting> entries; ///< each with its id in entryIds at the same index
    std::vector<std::int64_t> entryIds;
    std::vector<Draw> draws;
    std::vector<Change> changes;
    std::map<std::tuple<std::string, std::string, std::int64_t>, std::int64_t>
        usage; ///< (rule, period, member)
};

/// A written entry a chunk may need again (a refund of a purchase earned earlier).
struct KnownEntry {
    std::int64_t id = 0, member = 0, points = 0, qualifying = 0, spend = 0, reversed = 0;
};

/// The ledger of one chunk in memory: postings draw on and pay off lots exactly as the repository's
/// post() does, then everything is written with writeChunk().
class ChunkLedger {
public:
    explicit ChunkLedger(Database& db) : m_db(db) {}
    /// Loads the members' state and reserves ids for up to maxEntries new entries.
    void load(const std::vector<std::int64_t>& members, Date windowStart, const std::string& now,
              std::size_t maxEntries);
    /// Ids for n more entries than reserved so far.
    void reserve(std::size_t n);
    MemberState& state(std::int64_t member) { return m_states[member]; }
    ChunkWrites& writes() { return m_writes; }
    /// Posts in memory (no cover check: callers post only what may go below zero). Returns the id.
    std::int64_t add(loyalty::Posting p);
    /// An entry by idempotency key, written in this chunk or stored, with what was reversed of it.
    std::optional<KnownEntry> known(const std::string& key);
    /// The newest earn entry of a purchase (reason purchase or rerate: a re-rate earns again under a new
    /// key), with its key.
    std::optional<std::pair<std::string, KnownEntry>> latestEarn(std::int64_t transactionId);
    void noteReversed(const std::string& key, std::int64_t points) { m_known[key].reversed += points; }
    std::int64_t netPoints() const { return m_net; }
    void write(const std::string& actor, const std::string& now);

private:
    Database& m_db;
    std::unordered_map<std::int64_t, MemberState> m_states;
    std::unordered_map<std::string, KnownEntry> m_known;
    std::unordered_map<std::int64_t, std::string> m_latestEarn; ///< transaction -> key of its newest earn
    std::vector<std::int64_t> m_ids;
    ChunkWrites m_writes;
    std::int64_t m_net = 0;
};

/// Loads the state of `members`; day figures from `windowStart` on. Locks their points rows
/// (PostgreSQL: FOR UPDATE) so a person's posting waits for the chunk instead of being overwritten.
std::unordered_map<std::int64_t, MemberState> loadMemberStates(Database& db,
                                                               const std::vector<std::int64_t>& members,
                                                               Date windowStart, const std::string& now);

/// Rule usage for the keys the chunk may need (rule, period key, member id; member 0 = programme budget).
std::int64_t loadUsage(Database& db, const std::string& rule, const std::string& period, std::int64_t member);

/// Ids for `n` new rows of `table`, in increasing order (PostgreSQL: from its identity sequence).
std::vector<std::int64_t> reserveIds(Database& db, const std::string& table, std::size_t n);

/// Writes the chunk's entries, draws, tier changes and usage, then the members' points and tier rows.
void writeChunk(Database& db, const ChunkWrites& w,
                const std::unordered_map<std::int64_t, MemberState>& states, const std::string& actor,
                const std::string& now);

} // namespace md::db
