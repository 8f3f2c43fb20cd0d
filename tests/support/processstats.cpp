// SPDX-License-Identifier: MIT
#include "processstats.h"

#include <unistd.h>

#include <QDir>
#include <QFile>

namespace Proctor::Testing {

qint64 residentKb(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    return -1;
}

int openNonSocketFds(qint64 pid)
{
    const QDir dir(QStringLiteral("/proc/%1/fd").arg(pid));
    int count = 0;
    for (const QString &fd : dir.entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::System)) {
        char target[256] = {};
        const ssize_t n = ::readlink(dir.filePath(fd).toLocal8Bit().constData(), target, sizeof target - 1);
        if (n > 0 && !QByteArray(target, int(n)).startsWith("socket:"))
            ++count;
    }
    return count;
}

} // namespace Proctor::Testing
