// The Settings and Stores pages, reached from the navigator: values go through the app's use cases on
// the worker, and a refused value is explained where it was typed, with nothing lost.
#include "tests/gui/gui_fixture.h"

#include "app/settings.h"
#include "app/stores.h"
#include "gui/settings_panel.h"
#include "gui/stores_panel.h"
#include "persistence/soci_data_store.h"

#include <boost/test/unit_test.hpp>

#include <wx/aui/framemanager.h>
#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/treectrl.h>

#include <algorithm>

using namespace md;
using namespace md::test;

namespace {
std::string storedSetting(FrameFixture& f, const std::string& key) {
    auto store = db::openDataStore(f.database.urlText());
    return app::getSetting(app::systemContext(store->connectionUser()), *store, key);
}

std::vector<Store> storedStores(FrameFixture& f) {
    auto store = db::openDataStore(f.database.urlText());
    return app::listStores(app::systemContext(store->connectionUser()), *store);
}

void openSettings(FrameFixture& f) {
    f.frame().navigator().select(gui::Section::Settings);
    BOOST_REQUIRE(pumpUntil([&] { return f.frame().settings().isLoaded(); }));
}

void openStores(FrameFixture& f) {
    f.frame().navigator().select(gui::Section::Stores);
    BOOST_REQUIRE(pumpUntil([&] { return f.named<wxListCtrl>("stores.list").GetItemCount() > 0; }));
}
} // namespace

BOOST_AUTO_TEST_SUITE(settings_and_stores)

BOOST_AUTO_TEST_CASE(the_navigator_lists_only_built_sections_and_other_pages_hide_the_member_pane) {
    FrameFixture f;
    auto& tree = f.named<wxTreeCtrl>("navigator.tree");
    std::vector<wxString> titles;
    wxTreeItemIdValue cookie;
    for (auto item = tree.GetFirstChild(tree.GetRootItem(), cookie); item.IsOk();
         item = tree.GetNextChild(tree.GetRootItem(), cookie))
        titles.push_back(tree.GetItemText(item));
    const std::vector<wxString> expected{wxS("Members"), wxS("Programme"), wxS("Stores"), wxS("Settings")};
    BOOST_TEST(titles == expected, boost::test_tools::per_element());
    wxAuiManager* aui = wxAuiManager::GetManager(&f.frame());
    f.frame().navigator().select(gui::Section::Stores);
    BOOST_TEST(!aui->GetPane(wxS("detail")).IsShown());
    f.frame().navigator().select(gui::Section::Members);
    BOOST_TEST(aui->GetPane(wxS("detail")).IsShown());
}

BOOST_AUTO_TEST_CASE(the_settings_page_shows_the_time_zone_and_saves_a_valid_one) {
    FrameFixture f;
    openSettings(f);
    auto& zone = f.named<wxTextCtrl>("settings.timezone");
    BOOST_TEST(zone.GetValue() == wxString(wxS("Asia/Shanghai")));
    auto& save = f.named<wxButton>("settings.save");
    BOOST_TEST(!save.IsEnabled()); // nothing changed yet
    zone.SetValue(wxS("Europe/Berlin"));
    BOOST_TEST(save.IsEnabled());
    FrameFixture::press(save);
    BOOST_REQUIRE(pumpUntil(
        [&] { return f.named<wxStaticText>("settings.message").GetLabel() == wxString(wxS("Saved.")); }));
    BOOST_TEST(storedSetting(f, "timezone") == "Europe/Berlin");
    BOOST_TEST(!save.IsEnabled());
}

BOOST_AUTO_TEST_CASE(
    an_unknown_time_zone_is_refused_with_the_reason_under_the_field_and_the_typed_text_kept) {
    FrameFixture f;
    openSettings(f);
    auto& zone = f.named<wxTextCtrl>("settings.timezone");
    zone.SetValue(wxS("Asia/Shangai"));
    FrameFixture::press(f.named<wxButton>("settings.save"));
    auto& error = f.named<wxStaticText>("settings.timezone.error");
    BOOST_REQUIRE(pumpUntil([&] { return !error.GetLabel().empty(); }));
    BOOST_TEST(error.GetLabel().Contains(wxS("Asia/Shangai")), "reason: " << error.GetLabel());
    BOOST_TEST(error.GetLabel().Contains(wxS("timezone")), "reason: " << error.GetLabel());
    BOOST_TEST(zone.GetValue() == wxString(wxS("Asia/Shangai")));
    BOOST_TEST(f.named<wxButton>("settings.save").IsEnabled()); // correct it and save again
    BOOST_TEST(storedSetting(f, "timezone") == "Asia/Shanghai");
    BOOST_TEST(dialogs().shown.empty());
}

BOOST_AUTO_TEST_CASE(the_stores_page_lists_the_stores_and_adds_a_new_one) {
    FrameFixture f;
    openStores(f);
    auto& list = f.named<wxListCtrl>("stores.list");
    const auto before = storedStores(f);
    BOOST_TEST(list.GetItemCount() == static_cast<int>(before.size()));
    FrameFixture::press(f.named<wxButton>("stores.new"));
    f.named<wxTextCtrl>("stores.code").SetValue(wxS("bj099"));
    f.named<wxTextCtrl>("stores.name").SetValue(wxS("北京新店"));
    f.named<wxTextCtrl>("stores.city").SetValue(wxS("北京"));
    FrameFixture::press(f.named<wxButton>("stores.save"));
    BOOST_REQUIRE(pumpUntil([&] { return list.GetItemCount() == static_cast<int>(before.size()) + 1; }));
    BOOST_TEST(f.named<wxStaticText>("stores.message").GetLabel() == wxString(wxS("Store BJ099 saved.")));
    const auto after = storedStores(f);
    const auto added =
        std::find_if(after.begin(), after.end(), [](const Store& s) { return s.code == "BJ099"; });
    BOOST_REQUIRE((added != after.end()));
    BOOST_TEST(added->name == "北京新店");
    BOOST_TEST(added->city == "北京");
}

BOOST_AUTO_TEST_CASE(a_selected_store_can_be_renamed_and_a_duplicate_code_is_refused_with_the_form_kept) {
    FrameFixture f;
    openStores(f);
    auto& list = f.named<wxListCtrl>("stores.list");
    const std::string code = f.frame().stores().stores().at(0).code;
    list.SetItemState(0, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    BOOST_REQUIRE(pumpUntil([&] { return f.named<wxTextCtrl>("stores.code").GetValue() == u8(code); }));
    f.named<wxTextCtrl>("stores.name").SetValue(wxS("Renamed store"));
    FrameFixture::press(f.named<wxButton>("stores.save"));
    BOOST_REQUIRE(
        pumpUntil([&] { return f.named<wxStaticText>("stores.message").GetLabel().Contains(wxS("saved")); }));
    const auto stored = storedStores(f);
    BOOST_TEST(std::any_of(stored.begin(), stored.end(),
                           [&](const Store& s) { return s.code == code && s.name == "Renamed store"; }));

    FrameFixture::press(f.named<wxButton>("stores.new"));
    f.named<wxTextCtrl>("stores.code").SetValue(u8(code));
    f.named<wxTextCtrl>("stores.name").SetValue(wxS("A second store with the same code"));
    FrameFixture::press(f.named<wxButton>("stores.save"));
    auto& message = f.named<wxStaticText>("stores.message");
    BOOST_REQUIRE(pumpUntil([&] { return message.GetLabel().Contains(wxS("already")); }));
    BOOST_TEST(message.GetLabel().Contains(u8(code)), "message: " << message.GetLabel());
    BOOST_TEST(f.named<wxTextCtrl>("stores.name").GetValue() ==
               wxString(wxS("A second store with the same code")));
    BOOST_TEST(storedStores(f).size() == stored.size());
}

BOOST_AUTO_TEST_SUITE_END()
