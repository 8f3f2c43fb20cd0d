// SPDX-License-Identifier: MIT
// The proctor-collector subcommands. Each returns the process exit code.
#pragma once

#include <QStringList>

#include "app/config.h"

namespace Proctor::Collector::Cli {

int runServe(const Config &config);
int runMigrate(const Config &config);
int runCheck(const Config &config);

} // namespace Proctor::Collector::Cli
