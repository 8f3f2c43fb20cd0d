// SPDX-License-Identifier: MIT
// Local SQLite cache (Qt Sql) of the sessions this desktop opened: offline review and instant reopen.
// Least recently opened sessions are dropped beyond the size cap.
#pragma once

#include <optional>

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace Proctor::Admin::Cache {

class SessionCache final
{
public:
    struct Entry
    {
        QJsonObject detail;
        QJsonArray events;
        QJsonObject telemetry;
        QJsonObject risk;
        QDateTime cachedAt;
    };

    static constexpr qint64 kDefaultMaxBytes = 64ll * 1024 * 1024;

    // `path` empty: the default file in the app's cache directory.
    explicit SessionCache(const QString &path = {}, qint64 maxBytes = kDefaultMaxBytes);
    ~SessionCache();
    SessionCache(const SessionCache &) = delete;
    SessionCache &operator=(const SessionCache &) = delete;

    bool isOpen() const { return m_open; }
    QString error() const { return m_error; }
    QString path() const { return m_path; }

    bool put(const QString &server, const QString &sessionId, const Entry &entry);
    std::optional<Entry> get(const QString &server, const QString &sessionId);
    bool contains(const QString &server, const QString &sessionId) const;
    QStringList sessionIds(const QString &server) const; // most recently opened first
    // An erased candidate: drops the listed sessions and every cached session whose detail names the
    // candidate (the live message may not list sessions). Returns how many entries were removed.
    int removeCandidate(const QString &server, const QString &candidateId, const QStringList &sessionIds);

    qint64 sizeBytes() const;
    int count() const;
    qint64 maxBytes() const { return m_maxBytes; }
    void setMaxBytes(qint64 bytes);
    void clear();

private:
    void enforceCap();

    QString m_connection;
    QString m_path;
    QString m_error;
    qint64 m_maxBytes;
    bool m_open = false;
};

} // namespace Proctor::Admin::Cache
