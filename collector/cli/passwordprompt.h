// SPDX-License-Identifier: MIT
// A new password for a CLI command, never from argv (where `ps` and shell history would show it): read from
// stdin when stdin is not a terminal (scripts pipe it in), else prompted for twice without echo.
#pragma once

#include <optional>

#include <QByteArray>
#include <QString>

namespace Proctor::Collector::Cli {

// `command` names the command in the error message; `prompt` is shown on a terminal, e.g. "Password for
// a@b.org: ". Empty optional (after a message on stderr) when the two typed passwords differ.
std::optional<QByteArray> readNewPassword(const char *command, const QString &prompt);

} // namespace Proctor::Collector::Cli
