#pragma once
// The rows of the virtual member list, held as a bounded LRU of keyset pages ("blocks").
// No wx here: it is the model behind MemberBrowserPanel and is tested on its own.
//
// MemberBrowser::anchors(P) gives the key of rows 0, P, 2P, ...; pageAfter(key, P) returns the P rows
// strictly after a key. So block b (b >= 1) is rows bP+1 .. bP+P, fetched with pageAfter(anchor[b], P);
// block 0 is rows 0 .. P, fetched from the start with limit P+1. Every block is one keyset query once
// the anchors are known; before that, block b can be fetched only after block b-1 (its last key).
#include "domain/member.h"
#include "domain/member_browsing.h"

#include <cstdint>
#include <list>
#include <optional>
#include <unordered_map>
#include <vector>

namespace md::gui {

class MemberPageCache {
public:
    explicit MemberPageCache(int pageSize = 200, std::size_t maxBlocks = 50);

    int pageSize() const { return m_pageSize; }
    int blockOf(std::int64_t row) const;
    std::int64_t firstRowOf(int block) const;

    /// How to fetch a block: rows strictly after `after` (from the start when nullopt), `limit` rows.
    struct Fetch {
        std::optional<RowKey> after;
        int limit = 0;
    };
    /// nullopt while the block cannot be fetched yet (no anchors and the previous block's end unknown).
    std::optional<Fetch> fetchFor(int block) const;

    /// The row, or nullptr on a miss. Marks its block recently used.
    const MemberRow* find(std::int64_t row);
    /// Stores a fetched block; lastKey is the key of its last row (to continue sequentially).
    void store(int block, std::vector<MemberRow> rows, std::optional<RowKey> lastKey);
    void setAnchors(std::vector<RowKey> anchors) { m_anchors = std::move(anchors); }
    bool hasAnchors() const { return !m_anchors.empty(); }

    /// Forgets rows, anchors and keys (new sort order, or the data changed).
    void clear();
    /// Forgets rows but keeps anchors: same order, refreshed values.
    void dropRows();
    std::size_t cachedBlocks() const { return m_blocks.size(); }

private:
    struct Block {
        std::vector<MemberRow> rows;
        std::list<int>::iterator lru;
    };
    int m_pageSize;
    std::size_t m_maxBlocks;
    std::unordered_map<int, Block> m_blocks;
    std::list<int> m_lru; // most recently used first
    std::vector<RowKey> m_anchors;
    // Small (one key per block ever fetched) and kept after eviction, so sequential paging before the
    // anchors arrive never has to start over.
    std::unordered_map<int, RowKey> m_lastKeys;
};

} // namespace md::gui
