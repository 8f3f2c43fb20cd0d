// SPDX-License-Identifier: MIT
// `proctor-collector migrate`: applies the migrations built into this binary.
#include <cstdio>

#include "cli/commands.h"
#include "logging/log.h"
#include "storage/migrator.h"

namespace Proctor::Collector::Cli {

int runMigrate(const Config &config, const QStringList &)
{
    using Storage::Migrator;
    const auto migrations = Migrator::load(Migrator::builtInDirectory());
    if (!migrations) {
        Log::error(u"cannot load migrations", {{"error", migrations.error().message}});
        return 1;
    }
    const auto report = Migrator(config.databaseUrl).migrate(*migrations);
    if (!report) {
        Log::error(u"migration failed", {{"error", report.error().message}});
        return 1;
    }
    Log::info(u"schema up to date", {{"applied", int(report->applied.size())},
                                     {"already_applied", report->alreadyApplied},
                                     {"latest", int(migrations->size())}});
    return 0;
}

} // namespace Proctor::Collector::Cli
