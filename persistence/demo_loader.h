#pragma once
// Writes a DemoGenerator data set through the bulk loader: a million members with their transactions
// in minutes. One transaction; cancel rolls back.
#include "domain/data_transfer.h"
#include "persistence/database.h"

namespace md::db {

using md::DemoReport;

DemoReport loadDemo(Database& db, const DemoSource& source, const ProgressFn& progress = {});

} // namespace md::db
