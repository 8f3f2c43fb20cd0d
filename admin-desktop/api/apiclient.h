// SPDX-License-Identifier: MIT
// The one object that talks HTTP to the collector: one QNetworkAccessManager, bearer token, typed async
// calls whose results come back through callbacks, and every failure classified as an ApiError.
#pragma once

#include <functional>

#include <tl/expected.hpp>

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QUrlQuery>

#include "api/apierror.h"
#include "api/apitypes.h"

class QIODevice;
class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace Proctor::Admin::Api {

struct Response
{
    int status = 0;
    QJsonDocument json;
    ApiError error;
    QByteArray body;        // the raw answer (an image for the emblem)
    QByteArray contentType; // of the answer

    bool ok() const { return !error.isError(); }
    QJsonObject object() const { return json.object(); }
};

template <typename T> using Result = tl::expected<T, ApiError>;

struct ResultsPage
{
    QList<ResultRow> items;
    QString nextCursor;
};

class ApiClient final : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const Response &)>;

    explicit ApiClient(QObject *parent = nullptr);
    ~ApiClient() override;

    void setServerUrl(const QUrl &url);
    QUrl serverUrl() const { return m_server; }
    void setToken(const QByteArray &token) { m_token = token; }
    QByteArray token() const { return m_token; }
    bool hasToken() const { return !m_token.isEmpty(); }
    AdminAccount account() const { return m_account; }
    void setAccount(const AdminAccount &account) { m_account = account; }
    bool isAdmin() const { return m_account.role == QLatin1String("admin"); }

    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    QNetworkAccessManager *network() const { return m_network; }

    // `path` is relative to /api/v1 ("/results").
    QUrl endpoint(const QString &path, const QUrlQuery &query = {}) const;
    // ws(s)://host/api/v1/live
    QUrl liveUrl() const;

    // Generic calls. The callback is skipped when `context` was destroyed meanwhile.
    void get(const QString &path, const QUrlQuery &query, QObject *context, Callback callback);
    void post(const QString &path, const QJsonValue &body, QObject *context, Callback callback);
    void put(const QString &path, const QJsonValue &body, QObject *context, Callback callback);
    void patch(const QString &path, const QJsonValue &body, QObject *context, Callback callback);
    void remove(const QString &path, QObject *context, Callback callback);
    // A body that is not JSON (a CSV roster, an emblem image), sent as `contentType`.
    void sendBytes(const QByteArray &verb, const QString &path, const QUrlQuery &query,
                   const QByteArray &body, const QByteArray &contentType, QObject *context,
                   Callback callback);

    // Streams the body of GET `path` into `target` as it arrives (large exports never sit in memory).
    // `done` gets the error (none on success) and the bytes written; an error body is not written.
    void download(const QString &path, const QUrlQuery &query, QIODevice *target, QObject *context,
                  std::function<void(const ApiError &, qint64 bytes)> done);

    // Typed calls.
    void login(const QString &email, const QString &password, QObject *context,
               std::function<void(Result<LoginResult>)> done);
    void me(QObject *context, std::function<void(Result<AdminAccount>)> done);
    void logout();
    void fetchResults(const QUrlQuery &query, QObject *context,
                      std::function<void(Result<ResultsPage>)> done);
    void fetchSession(const QString &sessionId, QObject *context,
                      std::function<void(Result<SessionDetail>, QJsonObject raw)> done);
    // Follows nextCursor until the last page.
    void fetchAllEvents(const QString &sessionId, QObject *context,
                        std::function<void(Result<QJsonArray>)> done);
    void fetchDashboard(int days, QObject *context, std::function<void(Result<Dashboard>)> done);

    int pendingRequests() const { return m_pending; }

signals:
    // A request was refused because the sign-in expired or was revoked.
    void authenticationLost(const Proctor::Admin::Api::ApiError &error);
    void busyChanged(bool busy);
    void requestFailed(const Proctor::Admin::Api::ApiError &error);

private:
    void send(const QByteArray &verb, const QString &path, const QUrlQuery &query, const QJsonValue *body,
              QObject *context, Callback callback);
    void sendPayload(const QByteArray &verb, const QString &path, const QUrlQuery &query,
                     const QByteArray *payload, const QByteArray &contentType, QObject *context,
                     Callback callback);
    // A request to `path` carrying the sign-in token (HTTP/1.1: the collector speaks nothing else).
    QNetworkRequest request(const QString &path, const QUrlQuery &query) const;
    // Counts the reply as pending and aborts it (marked timed out) after m_timeoutMs without an answer; the
    // returned timer can be restarted to count silence only.
    QTimer *track(QNetworkReply *reply);
    void fetchEventsPage(const QString &sessionId, const QString &cursor, QJsonArray collected,
                         QPointer<QObject> context, std::function<void(Result<QJsonArray>)> done);

    QNetworkAccessManager *m_network;
    QUrl m_server;
    QByteArray m_token;
    AdminAccount m_account;
    int m_timeoutMs = 20000;
    int m_pending = 0;
};

} // namespace Proctor::Admin::Api
