#pragma once
// A small pool of open connections (SMTP sessions, HTTP keep-alive sessions): a caller leases one, uses
// it alone, and gives it back open for the next message; a broken one is simply not given back.
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace md::campaigns {

template <class Connection> class Pool {
public:
    explicit Pool(int size) : m_size(size) {}

    /// An idle connection, or nullptr when the caller may open a new one; waits while `size` are leased.
    std::unique_ptr<Connection> lease() {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return !m_idle.empty() || m_leased < m_size; });
        ++m_leased;
        if (m_idle.empty()) return nullptr;
        auto c = std::move(m_idle.back());
        m_idle.pop_back();
        return c;
    }

    /// Returns a lease; pass nullptr for a connection that was closed or broke.
    void giveBack(std::unique_ptr<Connection> c) {
        {
            std::lock_guard lock(m_mutex);
            --m_leased;
            if (c) m_idle.push_back(std::move(c));
        }
        m_changed.notify_one();
    }

    int size() const { return m_size; }

private:
    int m_size;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::vector<std::unique_ptr<Connection>> m_idle;
    int m_leased = 0;
};

} // namespace md::campaigns
