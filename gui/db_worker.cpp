#include "gui/db_worker.h"

#include "app/settings.h"

#include <wx/app.h>

namespace md::gui {

void deliverToGui(Lifeline::Guard guard, std::function<void()> fn) {
    // wxEvtHandler::CallAfter queues an event, which is thread-safe; the guard is checked on the GUI
    // thread, where receivers are destroyed, so there is no window between check and call.
    if (!wxTheApp) return;
    wxTheApp->CallAfter([guard = std::move(guard), fn = std::move(fn)]() {
        if (!guard.expired()) fn();
    });
}

app::RequestContext openingContext(DataStore& store) {
    app::RequestContext ctx = app::systemContext(store.connectionUser());
    const SchemaStatus s = store.schemaStatus();
    // Settings live in the schema: an empty or older database has none yet, so the default zone holds
    // until it is prepared (the window builds the context again then).
    if (s.current > 0 && !s.needsUpgrade() && !s.tooNew()) ctx = app::withProgrammeTimeZone(ctx, store);
    return ctx;
}

DbWorker::DbWorker(StoreFactory factory)
    : m_factory(std::move(factory)), m_thread([this](std::stop_token stop) { loop(stop); }) {}

DbWorker::~DbWorker() {
    m_thread.request_stop();
    if (m_thread.joinable()) m_thread.join();
    // Dropped tasks hold GUI callbacks: destroy them here, on the GUI thread.
    m_tasks.clear();
}

void DbWorker::post(Task task) {
    {
        std::lock_guard lock(m_mutex);
        m_tasks.push_back(std::move(task));
    }
    m_wake.notify_one();
}

Session DbWorker::session() {
    if (!m_store) m_store = m_factory();
    if (!m_context) m_context = openingContext(*m_store);
    return Session{*m_store, *m_context};
}

void DbWorker::loop(std::stop_token stop) {
    while (!stop.stop_requested()) {
        Task task;
        {
            std::unique_lock lock(m_mutex);
            if (!m_wake.wait(lock, stop, [this] { return !m_tasks.empty(); })) break;
            task = std::move(m_tasks.front());
            m_tasks.pop_front();
        }
        try {
            task(*this);
        } catch (...) {
            // run() routes errors to the task's own handler; nothing may escape the thread.
        }
        // The task's captures (GUI callbacks among them) are released here, off the GUI thread; they
        // hold only values and std::function copies, which is why work lambdas never capture windows.
    }
    m_context.reset();
    m_store.reset(); // close the connection on the thread that used it
}

} // namespace md::gui
