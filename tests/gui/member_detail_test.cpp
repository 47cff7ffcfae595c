// The detail pane: editing, inline validation, and saving against someone else's concurrent change.
#include "tests/gui/gui_fixture.h"

#include "gui/member_detail_panel.h"
#include "persistence/member_repository.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>

#include <wx/listctrl.h>
#include <wx/srchctrl.h>

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

using namespace md;
using namespace md::test;

namespace {
/// Shows a member in the detail pane as a selection in the list does.
Member showInDetail(FrameFixture& f) {
    const Member m = f.chineseMemberWithPhone();
    f.frame().detail().showMember(m.id);
    BOOST_REQUIRE(pumpUntil([&] { return f.detailLabel("detail.card").GetLabel() == u8(m.card.str()); }));
    return m;
}

std::int64_t storedVersion(FrameFixture& f, std::int64_t id) {
    return db::SociMemberRepository(f.other()).findById(id)->version;
}
} // namespace

BOOST_AUTO_TEST_SUITE(member_detail)

BOOST_AUTO_TEST_CASE(a_junk_phone_number_shows_the_reason_next_to_the_field_and_nothing_is_saved) {
    FrameFixture f;
    const Member m = showInDetail(f);
    auto& save = f.named<wxButton>("detail.save");
    BOOST_TEST(!save.IsEnabled()); // nothing edited yet

    f.detailText("detail.phone").SetValue(wxS("138-abc-0000"));
    BOOST_TEST(save.IsEnabled());
    FrameFixture::click(save);
    pumpFor(200ms);

    auto& error = f.detailLabel("detail.phoneError");
    BOOST_TEST(error.IsShown());
    BOOST_TEST(!error.GetLabel().empty());
    BOOST_TEST(error.GetLabel().Lower().Contains(wxS("letter")), "reason: " << error.GetLabel());
    BOOST_TEST(f.detailLabel("detail.message").GetLabel().StartsWith(wxS("Not saved")));
    BOOST_TEST(!f.detailLabel("detail.nameError").IsShown());
    BOOST_TEST(storedVersion(f, m.id) == m.version);
    BOOST_TEST(dialogs().shown.empty());
}

BOOST_AUTO_TEST_CASE(a_valid_edit_is_saved_and_the_inline_error_goes_away) {
    FrameFixture f;
    const Member m = showInDetail(f);
    f.detailText("detail.email").SetValue(wxS("not an email"));
    FrameFixture::press(f.named<wxButton>("detail.save"));
    BOOST_REQUIRE(f.detailLabel("detail.emailError").IsShown());

    f.detailText("detail.email").SetValue(wxS("agent.fixed@example.cn"));
    f.named<wxCheckBox>("detail.smsConsent").SetValue(!m.smsConsent.granted);
    FrameFixture::press(f.named<wxButton>("detail.save"));
    BOOST_REQUIRE(pumpUntil([&] { return f.detailLabel("detail.message").GetLabel() == wxS("Saved."); }));
    BOOST_TEST(!f.detailLabel("detail.emailError").IsShown());

    const auto stored = db::SociMemberRepository(f.other()).findById(m.id);
    BOOST_TEST(stored->email->str() == "agent.fixed@example.cn");
    BOOST_TEST(stored->smsConsent.granted == !m.smsConsent.granted);
    BOOST_TEST(stored->smsConsent.source == "agent");
    BOOST_TEST(stored->version == m.version + 1);
}

BOOST_AUTO_TEST_CASE(
    saving_after_someone_else_changed_the_member_explains_both_versions_and_reload_shows_theirs) {
    FrameFixture f;
    const Member m = showInDetail(f);
    f.detailText("detail.name").SetValue(u8("我的修改"));

    // Meanwhile a colleague saves the same member from another PC.
    db::SociMemberRepository repo(f.other());
    Member theirs = *repo.findById(m.id);
    theirs.name = "同事的修改";
    repo.update(theirs, f.other().actor());

    dialogs().answer = [](wxDialog&) { return wxID_OK; }; // "Reload"
    FrameFixture::click(f.named<wxButton>("detail.save"));
    BOOST_REQUIRE(pumpUntil([&] { return !dialogs().shown.empty(); }));
    const auto& shown = dialogs().shown.front();
    BOOST_TEST(shown.message.Contains(u8(m.card.str())), "message: " << shown.message);
    BOOST_TEST(shown.extended.Contains(u8("我的修改")), "detail: " << shown.extended);
    BOOST_TEST(shown.extended.Contains(u8("同事的修改")), "detail: " << shown.extended);

    BOOST_REQUIRE(pumpUntil([&] { return f.detailText("detail.name").GetValue() == u8("同事的修改"); }));
    BOOST_TEST(repo.findById(m.id)->name == "同事的修改");
    BOOST_TEST(!f.named<wxButton>("detail.save").IsEnabled());
    // The list learns of their change too (the demo's first members are on the first screen).
    const auto cards = f.cardsInOrder(db::SortColumn::Card, true);
    const long row = std::find(cards.begin(), cards.end(), m.card.str()) - cards.begin();
    BOOST_REQUIRE_LT(row, 20);
    BOOST_TEST(pumpUntil([&] { return f.cell(row, 1) == u8("同事的修改"); }));
}

BOOST_AUTO_TEST_CASE(keeping_my_edits_after_a_conflict_lets_the_next_save_replace_their_version) {
    FrameFixture f;
    const Member m = showInDetail(f);
    f.detailText("detail.name").SetValue(u8("我的修改"));
    db::SociMemberRepository repo(f.other());
    Member theirs = *repo.findById(m.id);
    theirs.name = "同事的修改";
    repo.update(theirs, f.other().actor());

    dialogs().answer = [](wxDialog&) { return wxID_CANCEL; }; // "Keep editing"
    FrameFixture::press(f.named<wxButton>("detail.save"));
    BOOST_REQUIRE(pumpUntil([&] { return !dialogs().shown.empty(); }));
    pumpFor(100ms);
    BOOST_TEST(f.detailText("detail.name").GetValue() == u8("我的修改"));

    FrameFixture::press(f.named<wxButton>("detail.save"));
    BOOST_REQUIRE(pumpUntil([&] { return f.detailLabel("detail.message").GetLabel() == wxS("Saved."); }));
    BOOST_TEST(repo.findById(m.id)->name == "我的修改");
    BOOST_TEST(dialogs().shown.size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_conflict_reported_after_another_member_was_selected_still_names_the_lost_edit) {
    FrameFixture f;
    const Member m = showInDetail(f);
    f.detailText("detail.name").SetValue(u8("我的修改"));
    db::SociMemberRepository repo(f.other());
    Member theirs = *repo.findById(m.id);
    theirs.name = "同事的修改";
    repo.update(theirs, f.other().actor());
    const Member next = *repo.findById(m.id + 1);

    dialogs().answer = [](wxDialog&) { return wxID_OK; };
    FrameFixture::press(f.named<wxButton>("detail.save"));
    f.frame().detail().showMember(next.id); // the agent moves on before the save's answer arrives
    BOOST_REQUIRE(pumpUntil([&] { return !dialogs().shown.empty(); }));
    const auto shown = dialogs().shown.front();
    BOOST_TEST(shown.message.Contains(u8(m.card.str())), "message: " << shown.message);
    BOOST_TEST(shown.extended.Contains(u8("我的修改")), "detail: " << shown.extended);
    BOOST_TEST(shown.extended.Contains(u8("同事的修改")), "detail: " << shown.extended);

    // The member now on screen is left alone, and nothing was saved over their version.
    BOOST_REQUIRE(pumpUntil([&] { return f.detailLabel("detail.card").GetLabel() == u8(next.card.str()); }));
    pumpFor(100ms);
    BOOST_TEST(f.detailText("detail.name").GetValue() == u8(next.name));
    BOOST_TEST(repo.findById(m.id)->name == "同事的修改");
    BOOST_TEST(dialogs().shown.size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
