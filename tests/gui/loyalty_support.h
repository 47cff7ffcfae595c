#pragma once
// Loyalty data for GUI tests: the demo programme stored and rated over the fixture's demo purchases,
// and use cases run through a second store, as another PC would.
#include "tests/gui/gui_fixture.h"

#include "app/request_context.h"
#include "domain/unit_of_work.h"

#include <memory>

namespace md::test {

/// A store and a context on the fixture's database, apart from the frame's workers.
struct OtherStore {
    explicit OtherStore(FrameFixture& f);
    std::unique_ptr<DataStore> store;
    app::RequestContext ctx;
};

/// Stores the demo programme (effective from the demo's first join date) and runs the engine, so
/// members have tiers, lots and ledgers. Returns the stored version.
std::int64_t setUpDemoProgramme(FrameFixture& f);

/// Scrolls the member detail pane so that `w` (one of its descendants) is on screen.
void revealInDetail(FrameFixture& f, wxWindow& w);

} // namespace md::test
