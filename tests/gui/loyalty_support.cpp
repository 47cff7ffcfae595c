#include "tests/gui/loyalty_support.h"

#include "app/programme.h"
#include "demo/demo_programme.h"
#include "domain/data_transfer.h"

#include "gui/member_detail_panel.h"

#include <algorithm>
#include <stdexcept>

namespace md::test {

OtherStore::OtherStore(FrameFixture& f)
    : store(testAccess().open(f.database.urlText())), ctx(app::systemContext(Actor{"tester"})) {}

std::int64_t setUpDemoProgramme(FrameFixture& f) {
    OtherStore other(f);
    const app::ProgrammeImport stored =
        app::saveProgramme(other.ctx, *other.store, demoProgramme(DemoOptions{}.start));
    if (!stored.problems.empty()) throw std::logic_error("the demo programme did not validate");
    app::runLoyaltyEngine(other.ctx, *other.store);
    return stored.version;
}

void revealInDetail(FrameFixture& f, wxWindow& w) {
    auto& detail = f.frame().detail();
    const int rate = 12; // the pane's scroll rate
    const wxPoint inView = w.GetScreenPosition() - detail.GetScreenPosition();
    const wxPoint virt = detail.CalcUnscrolledPosition(inView);
    detail.Scroll(0, std::max(0, virt.y - 40) / rate);
    pumpFor(100ms);
}

} // namespace md::test
