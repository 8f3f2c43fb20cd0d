// SPDX-License-Identifier: MIT
// `proctor-collector purge --older-than MONTHS|YYYY-MM-DD`: a one-off retention run through
// Services::RetentionService; prints the deletion receipt it wrote to the audit log.
#include <cstdio>

#include "cli/commands.h"
#include "cli/servicecall.h"
#include "services/retentionservice.h"
#include "storage/dbpool.h"

namespace Proctor::Collector::Cli {

int runPurge(const Config &config, const QStringList &args)
{
    QString olderThan;
    if (args.size() == 2 && args[0] == QLatin1String("--older-than"))
        olderThan = args[1];
    else if (args.size() == 1 && args[0].startsWith(QLatin1String("--older-than=")))
        olderThan = args[0].section(u'=', 1);
    if (olderThan.isEmpty()) {
        std::fprintf(stderr, "usage: proctor-collector purge --older-than MONTHS|YYYY-MM-DD\n"
                             "  MONTHS: everything before the start of the month MONTHS months ago (UTC)\n"
                             "  DATE:   everything of sessions started before that day (00:00 UTC)\n");
        return 2;
    }
    const auto cutoff = Services::RetentionService::parseOlderThan(olderThan, QStringLiteral("older-than"),
                                                                   QDateTime::currentDateTimeUtc());
    if (!cutoff)
        return fail("purge", cutoff.error());
    // Dropping partitions takes the schema owner.
    Storage::DbPool db(config.ownerDatabaseUrl(), 1);
    Services::RetentionService retention(db, config.retentionMonths);
    const auto receipt = await(retention.purge(Services::Actor::commandLine(), *cutoff));
    if (!receipt)
        return fail("purge", receipt.error());
    std::printf(
        "purged data of sessions started before %s: %lld event partitions (%s), %lld events, %lld sessions, "
        "%lld telemetry rows, %lld certificates, %lld candidates; receipt: audit log entry %lld\n",
        qPrintable(receipt->cutoff.toString(Qt::ISODate)), static_cast<long long>(receipt->partitions.size()),
        qPrintable(receipt->partitions.isEmpty() ? QStringLiteral("none") : receipt->partitions.join(u',')),
        static_cast<long long>(receipt->events), static_cast<long long>(receipt->sessions),
        static_cast<long long>(receipt->telemetry), static_cast<long long>(receipt->certificates),
        static_cast<long long>(receipt->candidates), static_cast<long long>(receipt->auditId));
    return 0;
}

} // namespace Proctor::Collector::Cli
