// SPDX-License-Identifier: MIT
// The web root's files in memory: each is read once and its bytes shared (QByteArray is implicitly shared)
// by every answer that sends it, so a file asked for thousands of times costs its size once.
#pragma once

#include <mutex>
#include <optional>

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QString>

namespace Proctor::Collector::Http {

class StaticFileCache final
{
public:
    // The built web client is a few MB; the bounds keep a web root that holds something else from filling
    // the memory.
    static constexpr qint64 kDefaultMaxTotalBytes = 64LL * 1024 * 1024;
    static constexpr qint64 kDefaultMaxFileBytes = 16LL * 1024 * 1024;

    explicit StaticFileCache(qint64 maxTotalBytes = kDefaultMaxTotalBytes,
                             qint64 maxFileBytes = kDefaultMaxFileBytes);

    // The bytes of `path`, a regular file the caller has already resolved safely inside the web root; empty
    // when it cannot be read. A file whose size or modification time changed is read again. Files beyond
    // the bounds are read on every call, not kept. Safe from any thread.
    std::optional<QByteArray> content(const QString &path);

    qint64 cachedBytes() const;

private:
    struct Entry
    {
        QByteArray data;
        qint64 size = 0;
        QDateTime modified;
    };

    const qint64 m_maxTotalBytes;
    const qint64 m_maxFileBytes;
    mutable std::mutex m_mutex;
    QHash<QString, Entry> m_entries;
    qint64 m_totalBytes = 0;
};

} // namespace Proctor::Collector::Http
