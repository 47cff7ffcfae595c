#pragma once
// A background thread that owns its own DataStore (one database connection) and runs posted tasks in
// order. Connections are not thread-safe, so each worker opens its own store on its own thread
// (lazily, at the first task, so an unreachable server is reported to that task's error handler)
// through the factory main() provided; gui/ never names the concrete store.
//
// Results come back to the GUI thread through wxTheApp->CallAfter and are delivered only while the
// receiver's Lifeline is alive: a panel that was closed meanwhile never sees them (Poedit's
// then_on_window). Work lambdas run on the worker and must capture values only — never `this` of a
// window; done/failed lambdas run on the GUI thread and may touch the window.
#include "app/request_context.h"
#include "domain/unit_of_work.h"

#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
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

/// Opens one DataStore; called on the thread that will use it.
using StoreFactory = std::function<std::unique_ptr<DataStore>()>;

/// What a task works with: the worker's store and the request context of this opened database
/// (actor = the connection's user, the programme time zone once the schema is known).
struct Session {
    DataStore& store;
    app::RequestContext& context;
};

/// The context for a freshly opened store: the connection's user, the system clock, and the
/// programme's time zone when the schema already holds the settings (the default until then).
app::RequestContext openingContext(DataStore& store);

class DbWorker {
public:
    /// Starts the thread; the store opens at the first task.
    explicit DbWorker(StoreFactory factory);
    /// Stops after the running task; queued tasks are dropped (their receivers are going away).
    ~DbWorker();
    DbWorker(const DbWorker&) = delete;
    DbWorker& operator=(const DbWorker&) = delete;

    /// Runs work(session) on the worker; then done(result) — or failed(exception) if work or opening
    /// the store threw — on the GUI thread, while guard is alive. Work must return a value.
    template <class Work, class Done, class Failed>
    void run(Lifeline::Guard guard, Work work, Done done, Failed failed) {
        using Result = std::decay_t<std::invoke_result_t<Work&, Session&>>;
        post([guard, work = std::move(work), done = std::move(done),
              failed = std::move(failed)](DbWorker& self) mutable {
            try {
                Session session = self.session();
                auto result = std::make_shared<Result>(work(session));
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
    /// The worker's store and context, opened on first use. Worker thread only.
    Session session();

    StoreFactory m_factory;
    std::mutex m_mutex;
    std::condition_variable_any m_wake;
    std::deque<Task> m_tasks;
    std::unique_ptr<DataStore> m_store;           // touched only by the worker thread
    std::optional<app::RequestContext> m_context; // touched only by the worker thread
    std::jthread m_thread;                        // last: starts once everything above exists
};

} // namespace md::gui
