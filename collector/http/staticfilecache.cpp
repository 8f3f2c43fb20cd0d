// SPDX-License-Identifier: MIT
// Reads happen outside the lock; two first requests for one file may both read it, and the second stores
// nothing new.
#include "http/staticfilecache.h"

#include <QFile>
#include <QFileInfo>

namespace Proctor::Collector::Http {

StaticFileCache::StaticFileCache(qint64 maxTotalBytes, qint64 maxFileBytes)
    : m_maxTotalBytes(maxTotalBytes), m_maxFileBytes(maxFileBytes)
{
}

std::optional<QByteArray> StaticFileCache::content(const QString &path)
{
    const QFileInfo info(path);
    const qint64 size = info.size();
    const QDateTime modified = info.lastModified();
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_entries.constFind(path);
        if (it != m_entries.cend() && it->size == size && it->modified == modified)
            return it->data;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    QByteArray data = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return std::nullopt;

    std::lock_guard lock(m_mutex);
    if (const auto it = m_entries.find(path); it != m_entries.end()) {
        m_totalBytes -= it->data.size();
        m_entries.erase(it);
    }
    // What was read is only kept when it is what the file held when looked at: a file changing meanwhile is
    // read again next time.
    if (data.size() == size && data.size() <= m_maxFileBytes &&
        m_totalBytes + data.size() <= m_maxTotalBytes) {
        m_entries.insert(path, Entry{data, size, modified});
        m_totalBytes += data.size();
    }
    return data;
}

qint64 StaticFileCache::cachedBytes() const
{
    std::lock_guard lock(m_mutex);
    return m_totalBytes;
}

} // namespace Proctor::Collector::Http
