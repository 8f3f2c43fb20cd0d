// SPDX-License-Identifier: MIT
// Everything the desktop knows about one session: detail, events, telemetry and risk, loaded from the
// local cache first (instant, offline) and then from the server, with the models the session view shows.
#pragma once

#include <QJsonArray>
#include <QObject>
#include <QPointer>

#include "api/apierror.h"
#include "api/apitypes.h"
#include "models/sessionmodels.h"

namespace Proctor::Admin::Api {
class ApiClient;
}
namespace Proctor::Admin::Cache {
class SessionCache;
}

namespace Proctor::Admin::Models {

class SessionDocument final : public QObject
{
    Q_OBJECT
public:
    enum class Source
    {
        None,
        Cache,
        Server
    };
    Q_ENUM(Source)

    SessionDocument(Api::ApiClient *api, Cache::SessionCache *cache, QObject *parent = nullptr);

    void open(const QString &sessionId);
    void refresh();
    QString sessionId() const { return m_sessionId; }
    Source source() const { return m_source; }
    bool isLoading() const { return m_pending > 0; }
    // The open session's candidate was erased on the server: the document is emptied and stays empty
    // (refresh does nothing) until another session is opened.
    bool isDeleted() const { return m_deleted; }

    const Api::SessionDetail &detail() const { return m_detail; }
    const Api::Telemetry &telemetry() const { return m_telemetry; }
    const Api::RiskReport &risk() const { return m_risk; }
    QJsonObject rawDetail() const { return m_rawDetail; }
    QJsonObject rawTelemetry() const { return m_rawTelemetry; }

    AnswersModel *answers() { return &m_answers; }
    TimelineModel *timeline() { return &m_timeline; }
    RiskFactorsModel *riskFactors() { return &m_riskFactors; }

    // Fills the document from JSON without the network (tests, cache).
    void setData(const QJsonObject &detail, const QJsonArray &events, const QJsonObject &telemetry,
                 const QJsonObject &risk, Source source);

public slots:
    void onEventsAppended(const QString &sessionId);
    void onResultSaved(const QString &sessionId);
    // `sessionIds` may be empty: then the open session matches by its candidate's id.
    void onCandidateDeleted(qint64 candidateId, const QStringList &sessionIds);

signals:
    void changed(); // any part (re)loaded
    void loadingChanged(bool loading);
    void failed(const Proctor::Admin::Api::ApiError &error);
    void deleted();

private:
    void loadFromServer(bool eventsOnly);
    void finishOne();
    void applyRisk();
    void store();

    Api::ApiClient *m_api;
    Cache::SessionCache *m_cache;
    QString m_sessionId;
    Source m_source = Source::None;
    bool m_deleted = false;
    int m_pending = 0;
    quint64 m_generation = 0;
    Api::SessionDetail m_detail;
    Api::Telemetry m_telemetry;
    Api::RiskReport m_risk;
    QJsonObject m_rawDetail;
    QJsonArray m_rawEvents;
    QJsonObject m_rawTelemetry;
    QJsonObject m_rawRisk;
    AnswersModel m_answers;
    TimelineModel m_timeline;
    RiskFactorsModel m_riskFactors;
};

} // namespace Proctor::Admin::Models
