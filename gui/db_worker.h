#pragma once
// A background thread that owns its own database connection and runs posted tasks in order.
// SOCI sessions are not thread-safe, so each worker opens its own md::db::Database on its own thread
// (lazily, at the first task, so an unreachable server is reported to that task's error handler).
//
// Results come back to the GUI thread through wxTheApp->CallAfter and are delivered only while the
// receiver's Lifeline is alive: a panel that was closed meanwhile never sees them (Poedit's
// then_on_window). Work lambdas run on the worker and must capture values only — never `this` of a
// window; done/failed lambdas run on the GUI thread and may touch the window.
#include "persistence/database.h"

#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <type_traits>

namespace md::gui {

/// Owned by a receiver (a panel); background results check it before they are delivered.
class Lifeline {
public:
    using Guard = std::weak_ptr<const void>;
    Guard guard() const { return m_token; }

private:
    std::shared_ptr<const int> m_token = std::make_shared<const int>(0);
};

/// Runs fn on the GUI thread later, unless guard has expired by then. Callable from any thread.
void deliverToGui(Lifeline::Guard guard, std::function<void()> fn);

class DbWorker {
public:
    /// Starts the thread; the connection opens at the first task.
    explicit DbWorker(db::DatabaseUrl url);
    /// Stops after the running task; queued tasks are dropped (their receivers are going away).
    ~DbWorker();
    DbWorker(const DbWorker&) = delete;
    DbWorker& operator=(const DbWorker&) = delete;

    const db::DatabaseUrl& url() const { return m_url; }

    /// Runs work(db) on the worker; then done(result) — or failed(exception) if work or opening the
    /// connection threw — on the GUI thread, while guard is alive. Work must return a value.
    template <class Work, class Done, class Failed>
    void run(Lifeline::Guard guard, Work work, Done done, Failed failed) {
        using Result = std::decay_t<std::invoke_result_t<Work&, db::Database&>>;
        post([guard, work = std::move(work), done = std::move(done),
              failed = std::move(failed)](DbWorker& self) mutable {
            try {
                auto result = std::make_shared<Result>(work(self.database()));
                deliverToGui(guard, [done, result]() mutable { done(std::move(*result)); });
            } catch (...) {
                deliverToGui(guard, [failed, e = std::current_exception()]() { failed(e); });
            }
        });
    }

private:
    using Task = std::function<void(DbWorker&)>;
    void post(Task task);
    void loop(std::stop_token stop);
    /// The worker's connection, opened on first use. Worker thread only.
    db::Database& database();

    db::DatabaseUrl m_url;
    std::mutex m_mutex;
    std::condition_variable_any m_wake;
    std::deque<Task> m_tasks;
    std::unique_ptr<db::Database> m_db; // touched only by the worker thread
    std::jthread m_thread;              // last: starts once everything above exists
};

} // namespace md::gui
