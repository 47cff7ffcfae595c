#include "app/settings.h"

#include "app/delivery_settings.h"

#include "domain/user_error.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace md::app {

namespace {

const SettingSpec* findSpec(const std::string& key) {
    for (const auto& s : settingSpecs())
        if (s.key == key) return &s;
    return nullptr;
}

// Levenshtein distance, for "did you mean" on a mistyped key.
std::size_t distance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j)
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

const SettingSpec& requireSpec(const std::string& key) {
    if (const auto* spec = findSpec(key)) return *spec;
    std::string best;
    std::size_t bestDistance = 3; // closer than this is a typo worth suggesting
    for (const auto& s : settingSpecs())
        if (auto d = distance(key, s.key); d < bestDistance) {
            bestDistance = d;
            best = s.key;
        }
    throw UserError("setting.unknown_key", {{"key", key}, {"suggestion", best}},
                    "unknown setting '" + key + "'" + (best.empty() ? "" : "; did you mean '" + best + "'?"));
}

std::string validate(const std::string& key, const std::string& value) {
    if (key == "timezone") return checkTimeZoneName(value);
    return checkDeliverySetting(key, value);
}

} // namespace

const std::vector<SettingSpec>& settingSpecs() {
    static const std::vector<SettingSpec> specs = [] {
        std::vector<SettingSpec> all = {
            {"timezone", kDefaultTimeZone,
             "the programme's time zone (IANA name): today, member day, birthdays, naive import times",
             false},
        };
        const auto& delivery = deliverySettingSpecs();
        all.insert(all.end(), delivery.begin(), delivery.end());
        return all;
    }();
    return specs;
}

std::string checkTimeZoneName(const std::string& name) {
    if (name.empty()) return "a time zone name is required, e.g. Asia/Shanghai";
    auto zone = loadTimeZone(name);
    return zone.ok() ? std::string() : zone.error();
}

std::string getSetting(const RequestContext&, DataStore& store, const std::string& key) {
    const auto& spec = requireSpec(key);
    auto value = store.read()->settings().get(key);
    return value ? *value : spec.defaultValue;
}

void setSetting(const RequestContext& ctx, DataStore& store, const std::string& key,
                const std::string& value) {
    const auto& spec = requireSpec(key);
    if (auto why = validate(key, value); !why.empty())
        throw UserError("setting.invalid",
                        {{"key", key}, {"value", spec.secret ? "********" : value}, {"reason", why}},
                        "invalid value for " + key + ": " + why);
    auto uow = store.write();
    uow->settings().set(key, value, ctx.actor, formatTimestamp(ctx.now()));
    Event e;
    e.type = event::kSettingChanged;
    e.occurredAt = e.recordedAt = ctx.now();
    e.actor = ctx.actor.name;
    e.payload = "{\"key\":\"" + key + "\"}"; // known keys only: nothing to escape
    uow->events().append(e);
    uow->commit();
}

std::vector<Setting> listSettings(const RequestContext&, DataStore& store) {
    const auto stored = store.read()->settings().all();
    std::vector<Setting> out;
    for (const auto& spec : settingSpecs()) {
        Setting s{spec.key, spec.defaultValue, {}, {}, true};
        for (const auto& st : stored)
            if (st.key == spec.key) {
                s = st;
                s.isDefault = false;
            }
        if (spec.secret && !s.value.empty()) s.value = "********";
        out.push_back(s);
    }
    return out;
}

RequestContext withProgrammeTimeZone(RequestContext ctx, DataStore& store) {
    const auto name = store.read()->settings().get("timezone");
    if (!name) return ctx;
    auto zone = loadTimeZone(*name);
    // The name was valid when stored; a machine without that zone must not read times in another one.
    if (!zone.ok())
        throw UserError("setting.timezone_unavailable", {{"zone", *name}, {"reason", zone.error()}},
                        "the programme's time zone " + *name + " cannot be loaded here: " + zone.error());
    ctx.zone = zone.value();
    return ctx;
}

} // namespace md::app
