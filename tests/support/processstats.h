// SPDX-License-Identifier: MIT
// What a test can read about a running process from /proc: resident memory and open descriptors.
#pragma once

#include <QtGlobal>

namespace Proctor::Testing {

// VmRSS in kB, -1 when the process is gone.
qint64 residentKb(qint64 pid);
// Open file descriptors that are not sockets (files, pipes, timers): these must not grow in a soak, while
// sockets follow the number of connected clients.
int openNonSocketFds(qint64 pid);

} // namespace Proctor::Testing
