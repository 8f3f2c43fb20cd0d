// SPDX-License-Identifier: MIT
// `reassess [--batch N]`: rebuilds the stored risk assessment of every session whose assessment was made
// with other rules than the current ones (Analysis::kRiskRulesVersion and the risk settings' version), in
// id order and in batches. Each session is stored as it is assessed, so an interrupted run loses nothing
// and the next run continues with the sessions still outdated. Progress goes to stderr.
#include <cstdio>

#include <QCommandLineParser>
#include <QElapsedTimer>

#include "cli/commands.h"
#include "cli/servicecall.h"
#include "services/assessmentservice.h"
#include "storage/assessmentrepository.h"
#include "storage/database.h"

namespace Proctor::Collector::Cli {

int runReassess(const Config &config, const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("batch"), QStringLiteral("sessions per batch (default 200)"),
                      QStringLiteral("N"), QStringLiteral("200")});
    bool ok = false;
    const int batch = parser.parse(QStringList{QStringLiteral("reassess")} + args)
                          ? parser.value(QStringLiteral("batch")).toInt(&ok)
                          : 0;
    if (!ok || batch < 1 || batch > 100000 || !parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "usage: proctor-collector reassess [--batch N]   (N 1..100000)\n");
        return 2;
    }
    auto conn = Storage::connect(config.databaseUrl, 5);
    if (!conn)
        return fail("reassess", conn.error());
    namespace Repo = Storage::AssessmentRepository;
    try {
        pqxx::connection &c = **conn;
        const Services::RiskRules rules = Services::RiskRules::load(c);
        const qint64 total = Repo::countOutdated(c, rules.version());
        std::fprintf(stderr, "reassess: %lld sessions to assess with rules %d\n",
                     static_cast<long long>(total), rules.version());
        qint64 done = 0, failed = 0;
        QUuid after; // null: from the first id
        QElapsedTimer timer;
        timer.start();
        for (;;) {
            const auto ids = Repo::outdated(c, rules.version(), after, batch);
            if (ids.empty())
                break;
            for (const QUuid &id : ids) {
                // No announcer: a rules change is not news about a session.
                const auto stored = Services::AssessmentService::assessAndStore(c, id, rules, nullptr);
                if (!stored && stored.error().code != ErrorCode::NotFound) {
                    ++failed;
                    std::fprintf(stderr, "reassess: %s: %s\n", qPrintable(id.toString(QUuid::WithoutBraces)),
                                 qPrintable(stored.error().message));
                }
                ++done;
            }
            after = ids.back();
            const double seconds = std::max(0.001, double(timer.elapsed()) / 1000.0);
            std::fprintf(stderr, "reassess: %lld/%lld (%.0f/s)\n", static_cast<long long>(done),
                         static_cast<long long>(total), double(done) / seconds);
        }
        std::printf("reassessed %lld sessions, %lld failed\n", static_cast<long long>(done - failed),
                    static_cast<long long>(failed));
        return failed > 0 ? 1 : 0;
    } catch (...) {
        return fail("reassess", Storage::currentExceptionAsError(QStringLiteral("reassess")));
    }
}

} // namespace Proctor::Collector::Cli
