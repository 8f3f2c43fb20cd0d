// SPDX-License-Identifier: MIT
// The proctor-collector subcommands. Each returns the process exit code.
#pragma once

#include <QStringList>

#include "app/config.h"

namespace Proctor::Collector::Cli {

// `args` are the arguments after the subcommand name.
int runServe(const Config &config, const QStringList &args);
int runMigrate(const Config &config, const QStringList &args);
int runCheck(const Config &config, const QStringList &args);
int runImportTest(const Config &config, const QStringList &args);
int runCreateApiKey(const Config &config, const QStringList &args);
int runListApiKeys(const Config &config, const QStringList &args);
int runRevokeApiKey(const Config &config, const QStringList &args);
int runCreateAdmin(const Config &config, const QStringList &args);
int runSetPassword(const Config &config, const QStringList &args);
int runImportRoster(const Config &config, const QStringList &args);
int runPurge(const Config &config, const QStringList &args);
int runReassess(const Config &config, const QStringList &args);

} // namespace Proctor::Collector::Cli
