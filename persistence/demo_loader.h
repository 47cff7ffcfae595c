#pragma once
// Writes a DemoGenerator data set through the bulk loader: a million members with their transactions
// in minutes. One transaction; cancel rolls back.
#include "domain/demo_generator.h"
#include "domain/progress.h"
#include "persistence/database.h"

namespace md::db {

struct DemoReport {
    std::int64_t stores = 0, members = 0, transactions = 0;
};

DemoReport loadDemo(Database& db, const DemoOptions& opt, const ProgressFn& progress = {});

} // namespace md::db
