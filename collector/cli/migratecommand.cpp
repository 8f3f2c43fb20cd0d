// SPDX-License-Identifier: MIT
// `proctor-collector migrate`: applies the migrations built into this binary.
#include <cstdio>

#include "cli/commands.h"
#include "logging/log.h"
#include "storage/migrator.h"
#include "storage/rolegrants.h"

namespace Proctor::Collector::Cli {

int runMigrate(const Config &config, const QStringList &)
{
    using Storage::Migrator;
    const auto migrations = Migrator::load(Migrator::builtInDirectory());
    if (!migrations) {
        Log::error(u"cannot load migrations", {{"error", migrations.error().message}});
        return 1;
    }
    // As the schema owner (PROCTOR_MIGRATION_DATABASE_URL when the service runs as its own role).
    const auto report = Migrator(config.ownerDatabaseUrl()).migrate(*migrations);
    if (!report) {
        Log::error(u"migration failed", {{"error", report.error().message}});
        return 1;
    }
    if (!config.migrationDatabaseUrl.isEmpty()) {
        const auto granted =
            Storage::RoleGrants::grantApplicationRole(config.migrationDatabaseUrl, config.databaseUrl);
        if (!granted) {
            Log::error(u"granting the application role failed", {{"error", granted.error().message}});
            return 1;
        }
        if (granted->separate)
            Log::info(u"application role granted",
                      {{"owner", granted->owner}, {"application", granted->application}});
    }
    Log::info(u"schema up to date", {{"applied", int(report->applied.size())},
                                     {"already_applied", report->alreadyApplied},
                                     {"latest", int(migrations->size())}});
    return 0;
}

} // namespace Proctor::Collector::Cli
