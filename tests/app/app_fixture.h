#pragma once
// What every use-case test starts from: a fresh database on the chosen backend with the sample stores,
// a store to run use cases against, a second connection to check what they wrote, and a request by
// agent.li at a fixed instant (01:30 on 1 July in Shanghai, still 30 June in UTC).
#include "app/request_context.h"
#include "persistence/soci_data_store.h"
#include "tests/persistence/member_samples.h"
#include "tests/support/test_database.h"

namespace md::test {

struct AppFixture {
    TestDatabase tdb;
    std::unique_ptr<db::Database> check = tdb.open();
    db::SociDataStore store{tdb.open()};
    FixedClock clock{instant("2025-06-30T17:30:00Z")};
    app::RequestContext ctx{Actor{"agent.li"}, &clock, app::loadTimeZone("Asia/Shanghai").value()};
    AppFixture() { addStores(*check); }
};

} // namespace md::test
