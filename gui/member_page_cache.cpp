#include "gui/member_page_cache.h"

namespace md::gui {

MemberPageCache::MemberPageCache(int pageSize, std::size_t maxBlocks)
    : m_pageSize(pageSize), m_maxBlocks(maxBlocks) {}

int MemberPageCache::blockOf(std::int64_t row) const {
    return row <= 0 ? 0 : static_cast<int>((row - 1) / m_pageSize);
}

std::int64_t MemberPageCache::firstRowOf(int block) const {
    return block == 0 ? 0 : static_cast<std::int64_t>(block) * m_pageSize + 1;
}

std::optional<MemberPageCache::Fetch> MemberPageCache::fetchFor(int block) const {
    if (block == 0) return Fetch{std::nullopt, m_pageSize + 1};
    if (static_cast<std::size_t>(block) < m_anchors.size()) return Fetch{m_anchors[block], m_pageSize};
    if (auto it = m_lastKeys.find(block - 1); it != m_lastKeys.end()) return Fetch{it->second, m_pageSize};
    return std::nullopt;
}

const MemberRow* MemberPageCache::find(std::int64_t row) {
    int block = blockOf(row);
    auto it = m_blocks.find(block);
    if (it == m_blocks.end()) return nullptr;
    auto index = static_cast<std::size_t>(row - firstRowOf(block));
    if (index >= it->second.rows.size()) return nullptr;
    m_lru.splice(m_lru.begin(), m_lru, it->second.lru);
    return &it->second.rows[index];
}

void MemberPageCache::store(int block, std::vector<MemberRow> rows, std::optional<RowKey> lastKey) {
    if (lastKey) m_lastKeys[block] = *lastKey;
    if (auto it = m_blocks.find(block); it != m_blocks.end()) {
        it->second.rows = std::move(rows);
        m_lru.splice(m_lru.begin(), m_lru, it->second.lru);
        return;
    }
    m_lru.push_front(block);
    m_blocks.emplace(block, Block{std::move(rows), m_lru.begin()});
    while (m_blocks.size() > m_maxBlocks) {
        m_blocks.erase(m_lru.back());
        m_lru.pop_back();
    }
}

void MemberPageCache::clear() {
    dropRows();
    m_anchors.clear();
    m_lastKeys.clear();
}

void MemberPageCache::dropRows() {
    m_blocks.clear();
    m_lru.clear();
}

} // namespace md::gui
