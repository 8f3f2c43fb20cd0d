// SPDX-License-Identifier: MIT
#include "models/sessiondocument.h"

#include "api/apiclient.h"
#include "cache/sessioncache.h"

namespace Proctor::Admin::Models {

SessionDocument::SessionDocument(Api::ApiClient *api, Cache::SessionCache *cache, QObject *parent)
    : QObject(parent), m_api(api), m_cache(cache)
{
}

void SessionDocument::open(const QString &sessionId)
{
    m_sessionId = sessionId;
    ++m_generation;
    m_source = Source::None;
    m_deleted = false;
    const QString server = m_api ? m_api->serverUrl().toString() : QString();
    if (m_cache) {
        if (auto entry = m_cache->get(server, sessionId))
            setData(entry->detail, entry->events, entry->telemetry, entry->risk, Source::Cache);
    }
    if (m_source == Source::None)
        setData({}, {}, {}, {}, Source::None);
    loadFromServer(false);
}

void SessionDocument::refresh()
{
    if (!m_sessionId.isEmpty())
        loadFromServer(false);
}

void SessionDocument::onEventsAppended(const QString &sessionId)
{
    if (sessionId == m_sessionId && m_pending == 0)
        loadFromServer(true);
}

void SessionDocument::onResultSaved(const QString &sessionId)
{
    if (sessionId == m_sessionId && m_pending == 0)
        loadFromServer(false);
}

void SessionDocument::onCandidateDeleted(qint64 candidateId, const QStringList &sessionIds)
{
    if (m_sessionId.isEmpty() || m_deleted)
        return;
    const bool listed = sessionIds.contains(m_sessionId, Qt::CaseInsensitive);
    const bool sameCandidate =
        !m_detail.candidate.id.isEmpty() && m_detail.candidate.id == QString::number(candidateId);
    if (!listed && !sameCandidate)
        return;
    // Answers still in flight describe data that no longer exists: their callbacks see a stale generation,
    // so nothing is shown or written back to the cache.
    ++m_generation;
    const bool wasLoading = m_pending > 0;
    m_pending = 0;
    m_deleted = true;
    setData({}, {}, {}, {}, Source::None);
    if (wasLoading)
        emit loadingChanged(false);
    emit deleted();
}

void SessionDocument::setData(const QJsonObject &detail, const QJsonArray &events,
                              const QJsonObject &telemetry, const QJsonObject &risk, Source source)
{
    m_rawDetail = detail;
    m_rawEvents = events;
    m_rawTelemetry = telemetry;
    m_rawRisk = risk;
    m_detail = Api::SessionDetail::fromJson(detail);
    if (m_sessionId.isEmpty())
        m_sessionId = m_detail.sessionId;
    m_telemetry = Api::Telemetry::fromJson(telemetry);
    QList<Api::EventItem> items;
    for (const QJsonValue &v : events)
        items.append(Api::EventItem::fromJson(v.toObject()));
    m_answers.setAnswers(m_detail.answers);
    m_timeline.setEvents(items);
    applyRisk();
    m_source = source;
    emit changed();
}

void SessionDocument::applyRisk()
{
    if (!m_rawRisk.isEmpty())
        m_risk = Api::RiskReport::fromJson(m_rawRisk);
    else
        m_risk = localRisk(m_timeline.events(), m_detail.overtimeSeconds);
    m_riskFactors.setReport(m_risk);
}

void SessionDocument::loadFromServer(bool eventsOnly)
{
    if (!m_api || !m_api->hasToken() || m_deleted)
        return;
    const quint64 generation = ++m_generation;
    const QString id = m_sessionId;
    const bool wasIdle = m_pending == 0;
    // A new load supersedes one in flight (its callbacks see a stale generation and do nothing).
    m_pending = eventsOnly ? 1 : 4;
    if (wasIdle)
        emit loadingChanged(true);

    m_api->fetchAllEvents(id, this, [this, generation](Api::Result<QJsonArray> r) {
        if (generation != m_generation)
            return;
        if (r) {
            m_rawEvents = *r;
            QList<Api::EventItem> items;
            for (const QJsonValue &v : m_rawEvents)
                items.append(Api::EventItem::fromJson(v.toObject()));
            m_timeline.setEvents(items);
            if (m_rawRisk.isEmpty())
                applyRisk();
        } else {
            emit failed(r.error());
        }
        finishOne();
    });
    if (eventsOnly)
        return;
    m_api->fetchSession(id, this, [this, generation](Api::Result<Api::SessionDetail> r, QJsonObject raw) {
        if (generation != m_generation)
            return;
        if (r) {
            m_rawDetail = raw;
            m_detail = *r;
            m_answers.setAnswers(m_detail.answers);
            m_source = Source::Server;
        } else {
            emit failed(r.error());
        }
        finishOne();
    });
    m_api->get(QStringLiteral("/sessions/%1/telemetry").arg(id), {}, this,
               [this, generation](const Api::Response &r) {
                   if (generation != m_generation)
                       return;
                   // A session without a result has no telemetry yet: 404 is not an error worth showing.
                   if (r.ok()) {
                       m_rawTelemetry = r.object();
                       m_telemetry = Api::Telemetry::fromJson(m_rawTelemetry);
                   }
                   finishOne();
               });
    m_api->get(QStringLiteral("/sessions/%1/risk").arg(id), {}, this,
               [this, generation](const Api::Response &r) {
                   if (generation != m_generation)
                       return;
                   if (r.ok()) {
                       m_rawRisk = r.object();
                   }
                   applyRisk();
                   finishOne();
               });
}

void SessionDocument::finishOne()
{
    if (--m_pending > 0)
        return;
    m_pending = 0;
    emit loadingChanged(false);
    if (m_source == Source::Server)
        store();
    emit changed();
}

void SessionDocument::store()
{
    if (!m_cache || !m_api || m_rawDetail.isEmpty())
        return;
    Cache::SessionCache::Entry e;
    e.detail = m_rawDetail;
    e.events = m_rawEvents;
    e.telemetry = m_rawTelemetry;
    e.risk = m_rawRisk;
    m_cache->put(m_api->serverUrl().toString(), m_sessionId, e);
}

} // namespace Proctor::Admin::Models
