#pragma once
// Where "now" comes from. Use cases take it from their RequestContext, never from the system directly,
// so tests can fix or move time and every timestamp in one request agrees.
#include "time.h"

#include <atomic>

namespace md {

class Clock {
public:
    virtual ~Clock() = default;
    /// The current instant, UTC, truncated to seconds.
    virtual Timestamp now() const = 0;
};

/// The machine's clock.
class SystemClock final : public Clock {
public:
    Timestamp now() const override { return nowUtc(); }
};

/// A clock that stands still until told otherwise (tests, replays). Thread-safe.
class FixedClock final : public Clock {
public:
    explicit FixedClock(Timestamp at) : m_at(at.time_since_epoch().count()) {}
    Timestamp now() const override { return Timestamp(std::chrono::seconds(m_at.load())); }
    void set(Timestamp at) { m_at = at.time_since_epoch().count(); }
    void advance(std::chrono::seconds by) { m_at += by.count(); }

private:
    std::atomic<std::int64_t> m_at;
};

} // namespace md
