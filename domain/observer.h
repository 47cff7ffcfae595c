#pragma once
// A tiny publish/subscribe helper (after Audacity's Observer.h): models announce changes, views
// subscribe; a Subscription unsubscribes when destroyed, so a closed panel never gets a message.
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace md {

template <class Message> class Publisher {
public:
    using Callback = std::function<void(const Message&)>;

    class Subscription {
    public:
        Subscription() = default;
        explicit Subscription(std::shared_ptr<Callback> cb) : m_cb(std::move(cb)) {}
        void reset() { m_cb.reset(); }

    private:
        std::shared_ptr<Callback> m_cb;
    };

    [[nodiscard]] Subscription subscribe(Callback cb) {
        auto shared = std::make_shared<Callback>(std::move(cb));
        std::lock_guard lock(m_mutex);
        m_subscribers.push_back(shared);
        return Subscription(shared);
    }

    void publish(const Message& m) {
        std::vector<std::shared_ptr<Callback>> live;
        {
            std::lock_guard lock(m_mutex);
            std::erase_if(m_subscribers, [](auto& w) { return w.expired(); });
            for (auto& w : m_subscribers)
                if (auto s = w.lock()) live.push_back(std::move(s));
        }
        for (auto& s : live)
            (*s)(m);
    }

private:
    std::mutex m_mutex;
    std::vector<std::weak_ptr<Callback>> m_subscribers;
};

} // namespace md
