// store, config and rebuild: the commands that run the programme rather than look members up.
#include "app/settings.h"
#include "app/stores.h"
#include "app/totals.h"
#include "cli/commands.h"
#include "cli/json_out.h"
#include "cli/text_table.h"
#include "domain/user_error.h"

namespace md::cli {

namespace {

int listStoresCommand(Context& ctx, const Args& args) {
    requireWords(args, 1, "store list [--json]");
    auto database = ctx.openForReading();
    const auto stores = app::listStores(ctx.request, *database);
    if (args.flag("--json")) {
        JsonWriter j(ctx.out);
        j.beginArray();
        for (const auto& s : stores)
            j.beginObject().field("code", s.code).field("name", s.name).field("city", s.city).endObject();
        j.endArray().finish();
        return kOk;
    }
    using A = TextTable::Align;
    TextTable t({{"Code", A::Left}, {"Name", A::Left}, {"City", A::Left}});
    for (const auto& s : stores)
        t.addRow({s.code, s.name, s.city});
    t.print(ctx.out);
    ctx.err << stores.size() << (stores.size() == 1 ? " store\n" : " stores\n");
    return kOk;
}

} // namespace

int runStore(Context& ctx, const Args& args) {
    const std::string& action = args.positional()[0];
    if (action == "list") return listStoresCommand(ctx, args);
    if (action != "add" && action != "update")
        throw UsageError("store add, store update or store list, not '" + action + "'");
    requireWords(args, 3, "store add|update CODE NAME [--city C]");
    Store s;
    s.code = args.positional()[1];
    s.name = args.positional()[2];
    s.city = args.value("--city").value_or("");
    auto database = ctx.openForWriting();
    const Store saved = app::saveStore(ctx.request, *database, s, action == "update");
    ctx.out << (action == "add" ? "Added store " : "Updated store ") << saved.code << " (" << saved.name
            << (saved.city.empty() ? "" : ", " + saved.city) << ")\n";
    return kOk;
}

int runConfig(Context& ctx, const Args& args) {
    const std::string& action = args.positional()[0];
    if (action == "list") {
        requireWords(args, 1, "config list");
        auto database = ctx.openForReading();
        using A = TextTable::Align;
        TextTable t({{"Key", A::Left}, {"Value", A::Left}, {"Changed", A::Left}, {"By", A::Left}});
        for (const auto& s : app::listSettings(ctx.request, *database))
            t.addRow({s.key, s.value, s.isDefault ? "(default)" : s.updatedAt, s.updatedBy});
        t.print(ctx.out);
        return kOk;
    }
    if (action == "get") {
        requireWords(args, 2, "config get KEY");
        auto database = ctx.openForReading();
        for (const auto& s : app::listSettings(ctx.request, *database)) // masks secrets
            if (s.key == args.positional()[1]) {
                ctx.out << s.value << '\n';
                return kOk;
            }
        app::getSetting(ctx.request, *database, args.positional()[1]); // throws setting.unknown_key
        return kError;
    }
    if (action == "set") {
        requireWords(args, 3, "config set KEY VALUE");
        auto database = ctx.openForWriting();
        app::setSetting(ctx.request, *database, args.positional()[1], args.positional()[2]);
        ctx.out << "Set " << args.positional()[1] << '\n';
        return kOk;
    }
    throw UsageError("config list, config get KEY or config set KEY VALUE, not '" + action + "'");
}

int runRebuild(Context& ctx, const Args& args) {
    if (args.positional()[0] != "totals")
        throw UsageError("only totals can be rebuilt, not '" + args.positional()[0] + "'");
    auto database = ctx.openForWriting();
    app::rebuildTotals(ctx.request, *database);
    ctx.out << "Rebuilt the member totals from the transactions.\n";
    return kOk;
}

} // namespace md::cli
