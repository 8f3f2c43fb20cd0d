// SPDX-License-Identifier: MIT
// A small HTTP/1.1 server for the desktop tests: answers admin API paths with JSON in the documented
// shapes (docs/api.md), so models and views can be tested without a collector and failures can be staged.
#pragma once

#include <functional>

#include <QHash>
#include <QJsonDocument>
#include <QTcpServer>

namespace Proctor::Testing {

struct FakeRequest
{
    QByteArray method;
    QString path;                          // without the query
    QString query;                         // raw query string
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
    QString queryValue(const QString &key) const;
};

struct FakeResponse
{
    int status = 200;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    static FakeResponse json(const QJsonDocument &doc, int status = 200);
    static FakeResponse error(int status, const QString &code,
                              const QString &message = QStringLiteral("error"));
};

class FakeServer final : public QTcpServer
{
    Q_OBJECT
public:
    using Handler = std::function<FakeResponse(const FakeRequest &)>;
    explicit FakeServer(QObject *parent = nullptr);
    void route(const QByteArray &method, const QString &path, Handler handler); // path may end with '*'
    QString baseUrl() const { return QStringLiteral("http://127.0.0.1:%1").arg(serverPort()); }
    QList<FakeRequest> requests() const { return m_requests; }
    void clearRequests() { m_requests.clear(); }

private:
    void onConnection();
    FakeResponse dispatch(const FakeRequest &r);

    QList<QPair<QPair<QByteArray, QString>, Handler>> m_routes;
    QList<FakeRequest> m_requests;
};

// Documented shapes filled with plausible data: `n` results, a detailed session with events, telemetry.
struct FakeData
{
    static QJsonObject resultItem(int i);
    static QJsonObject sessionDetail(const QString &id, int variant);
    static QJsonArray events(const QString &sessionId);
    static QJsonObject telemetry(int variant);
    static QJsonObject risk(const QJsonArray &events);
    static QJsonObject dashboard();
    static QString sessionId(int i);
    // Installs every documented admin route on `server` with `results` rows paged by `pageSize`.
    static void install(FakeServer &server, int results = 230);
};

} // namespace Proctor::Testing
