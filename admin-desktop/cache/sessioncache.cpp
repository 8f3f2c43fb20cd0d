// SPDX-License-Identifier: MIT
#include "cache/sessioncache.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>

namespace Proctor::Admin::Cache {

namespace {
QByteArray pack(const QJsonDocument &doc)
{
    return qCompress(doc.toJson(QJsonDocument::Compact));
}
QJsonDocument unpack(const QByteArray &blob)
{
    return QJsonDocument::fromJson(qUncompress(blob));
}
} // namespace

SessionCache::SessionCache(const QString &path, qint64 maxBytes)
    : m_connection(QStringLiteral("proctor-cache-") + QUuid::createUuid().toString(QUuid::Id128)),
      m_path(path), m_maxBytes(maxBytes)
{
    if (m_path.isEmpty()) {
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
        QDir().mkpath(dir);
        m_path = dir + QStringLiteral("/sessions.sqlite");
    }
    // Candidates' answers and events: readable by this user only. The file is made (or narrowed) before
    // SQLite opens it; SQLite gives its journal the database file's mode.
    {
        QFile file(m_path);
        if (file.open(QIODevice::ReadWrite))
            file.close();
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(m_path);
    if (!db.open()) {
        m_error = db.lastError().text();
        return;
    }
    QSqlQuery q(db);
    if (!q.exec(
            QStringLiteral("CREATE TABLE IF NOT EXISTS sessions ("
                           " server TEXT NOT NULL, session_id TEXT NOT NULL,"
                           " detail BLOB, events BLOB, telemetry BLOB, risk BLOB,"
                           " bytes INTEGER NOT NULL, cached_at INTEGER NOT NULL, opened_at INTEGER NOT NULL,"
                           " PRIMARY KEY (server, session_id))"))) {
        m_error = q.lastError().text();
        return;
    }
    m_open = true;
}

SessionCache::~SessionCache()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

bool SessionCache::put(const QString &server, const QString &sessionId, const Entry &entry)
{
    if (!m_open)
        return false;
    const QByteArray detail = pack(QJsonDocument(entry.detail));
    const QByteArray events = pack(QJsonDocument(entry.events));
    const QByteArray telemetry = pack(QJsonDocument(entry.telemetry));
    const QByteArray risk = pack(QJsonDocument(entry.risk));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO sessions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(server);
    q.addBindValue(sessionId);
    q.addBindValue(detail);
    q.addBindValue(events);
    q.addBindValue(telemetry);
    q.addBindValue(risk);
    q.addBindValue(detail.size() + events.size() + telemetry.size() + risk.size());
    q.addBindValue(now);
    q.addBindValue(now);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    enforceCap();
    return true;
}

std::optional<SessionCache::Entry> SessionCache::get(const QString &server, const QString &sessionId)
{
    if (!m_open)
        return std::nullopt;
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT detail, events, telemetry, risk, cached_at FROM sessions WHERE server = "
                             "? AND session_id = ?"));
    q.addBindValue(server);
    q.addBindValue(sessionId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    Entry e;
    e.detail = unpack(q.value(0).toByteArray()).object();
    e.events = unpack(q.value(1).toByteArray()).array();
    e.telemetry = unpack(q.value(2).toByteArray()).object();
    e.risk = unpack(q.value(3).toByteArray()).object();
    e.cachedAt = QDateTime::fromMSecsSinceEpoch(q.value(4).toLongLong());
    QSqlQuery touch(db);
    touch.prepare(QStringLiteral("UPDATE sessions SET opened_at = ? WHERE server = ? AND session_id = ?"));
    touch.addBindValue(QDateTime::currentMSecsSinceEpoch());
    touch.addBindValue(server);
    touch.addBindValue(sessionId);
    touch.exec();
    return e;
}

bool SessionCache::contains(const QString &server, const QString &sessionId) const
{
    if (!m_open)
        return false;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT 1 FROM sessions WHERE server = ? AND session_id = ?"));
    q.addBindValue(server);
    q.addBindValue(sessionId);
    return q.exec() && q.next();
}

QStringList SessionCache::sessionIds(const QString &server) const
{
    QStringList ids;
    if (!m_open)
        return ids;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT session_id FROM sessions WHERE server = ? ORDER BY opened_at DESC"));
    q.addBindValue(server);
    if (q.exec())
        while (q.next())
            ids.append(q.value(0).toString());
    return ids;
}

int SessionCache::removeCandidate(const QString &server, const QString &candidateId,
                                  const QStringList &sessionIds)
{
    if (!m_open)
        return 0;
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QStringList doomed;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT session_id, detail FROM sessions WHERE server = ?"));
    q.addBindValue(server);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return 0;
    }
    // Candidate deletions are rare and the cache is small (capped): reading each detail beats keeping a
    // candidate column in step with the blobs.
    while (q.next()) {
        const QString id = q.value(0).toString();
        const QJsonObject candidate =
            unpack(q.value(1).toByteArray()).object().value(QLatin1String("candidate")).toObject();
        if (sessionIds.contains(id, Qt::CaseInsensitive) ||
            (!candidateId.isEmpty() &&
             candidate.value(QLatin1String("id")).toVariant().toString() == candidateId))
            doomed.append(id);
    }
    int removed = 0;
    db.transaction();
    for (const QString &id : std::as_const(doomed)) {
        QSqlQuery del(db);
        del.prepare(QStringLiteral("DELETE FROM sessions WHERE server = ? AND session_id = ?"));
        del.addBindValue(server);
        del.addBindValue(id);
        if (del.exec())
            removed += del.numRowsAffected();
    }
    db.commit();
    return removed;
}

qint64 SessionCache::sizeBytes() const
{
    if (!m_open)
        return 0;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    return q.exec(QStringLiteral("SELECT COALESCE(SUM(bytes), 0) FROM sessions")) && q.next()
               ? q.value(0).toLongLong()
               : 0;
}

int SessionCache::count() const
{
    if (!m_open)
        return 0;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    return q.exec(QStringLiteral("SELECT COUNT(*) FROM sessions")) && q.next() ? q.value(0).toInt() : 0;
}

void SessionCache::setMaxBytes(qint64 bytes)
{
    m_maxBytes = bytes;
    enforceCap();
}

void SessionCache::enforceCap()
{
    if (!m_open)
        return;
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    // Drop the least recently opened sessions until the rest fits; the newest entry always stays.
    while (sizeBytes() > m_maxBytes && count() > 1) {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("DELETE FROM sessions WHERE rowid = (SELECT rowid FROM sessions ORDER BY "
                                   "opened_at ASC, rowid ASC LIMIT 1)")))
            break;
    }
}

void SessionCache::clear()
{
    if (!m_open)
        return;
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery q(db);
    q.exec(QStringLiteral("DELETE FROM sessions"));
    q.exec(QStringLiteral("VACUUM"));
}

} // namespace Proctor::Admin::Cache
