// SPDX-License-Identifier: MIT
#include "api/apiclient.h"

#include <memory>

#include <QBuffer>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

namespace Proctor::Admin::Api {

ApiClient::ApiClient(QObject *parent) : QObject(parent), m_network(new QNetworkAccessManager(this))
{
    // HTTP/2 negotiation is not needed against the collector; keep-alive HTTP/1.1 is what it serves.
    m_network->setAutoDeleteReplies(false);
}

ApiClient::~ApiClient() = default;

void ApiClient::setServerUrl(const QUrl &url)
{
    QUrl u = url;
    QString path = u.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    u.setPath(path);
    m_server = u;
}

QUrl ApiClient::endpoint(const QString &path, const QUrlQuery &query) const
{
    QUrl u = m_server;
    // The path may carry percent-encoded parts (certificate numbers): keep them as they are.
    u.setPath(m_server.path() + QStringLiteral("/api/v1") + path, QUrl::TolerantMode);
    if (!query.isEmpty())
        u.setQuery(query);
    return u;
}

QUrl ApiClient::liveUrl() const
{
    QUrl u = endpoint(QStringLiteral("/live"));
    u.setScheme(m_server.scheme() == QLatin1String("https") ? QStringLiteral("wss") : QStringLiteral("ws"));
    return u;
}

void ApiClient::get(const QString &path, const QUrlQuery &query, QObject *context, Callback callback)
{
    send("GET", path, query, nullptr, context, std::move(callback));
}

void ApiClient::post(const QString &path, const QJsonValue &body, QObject *context, Callback callback)
{
    send("POST", path, {}, &body, context, std::move(callback));
}

void ApiClient::put(const QString &path, const QJsonValue &body, QObject *context, Callback callback)
{
    send("PUT", path, {}, &body, context, std::move(callback));
}

void ApiClient::patch(const QString &path, const QJsonValue &body, QObject *context, Callback callback)
{
    send("PATCH", path, {}, &body, context, std::move(callback));
}

void ApiClient::remove(const QString &path, QObject *context, Callback callback)
{
    send("DELETE", path, {}, nullptr, context, std::move(callback));
}

void ApiClient::send(const QByteArray &verb, const QString &path, const QUrlQuery &query,
                     const QJsonValue *body, QObject *context, Callback callback)
{
    if (!body) {
        sendPayload(verb, path, query, nullptr, {}, context, std::move(callback));
        return;
    }
    const QByteArray payload = body->isArray()
                                   ? QJsonDocument(body->toArray()).toJson(QJsonDocument::Compact)
                                   : QJsonDocument(body->toObject()).toJson(QJsonDocument::Compact);
    sendPayload(verb, path, query, &payload, "application/json", context, std::move(callback));
}

QNetworkRequest ApiClient::request(const QString &path, const QUrlQuery &query) const
{
    QNetworkRequest request(endpoint(path, query));
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token);
    return request;
}

QTimer *ApiClient::track(QNetworkReply *reply)
{
    if (++m_pending == 1)
        emit busyChanged(true);
    auto *timer = new QTimer(reply);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, reply, [reply] {
        reply->setProperty("proctorTimedOut", true);
        reply->abort();
    });
    timer->start(m_timeoutMs);
    return timer;
}

void ApiClient::sendBytes(const QByteArray &verb, const QString &path, const QUrlQuery &query,
                          const QByteArray &body, const QByteArray &contentType, QObject *context,
                          Callback callback)
{
    sendPayload(verb, path, query, &body, contentType, context, std::move(callback));
}

void ApiClient::sendPayload(const QByteArray &verb, const QString &path, const QUrlQuery &query,
                            const QByteArray *payload, const QByteArray &contentType, QObject *context,
                            Callback callback)
{
    QNetworkRequest request = this->request(path, query);
    request.setRawHeader("Accept", "application/json");
    if (payload)
        request.setRawHeader("Content-Type", contentType);
    QNetworkReply *reply = payload ? m_network->sendCustomRequest(request, verb, *payload)
                                   : m_network->sendCustomRequest(request, verb);
    track(reply);

    const bool authenticated = !m_token.isEmpty() && path != QLatin1String("/auth/login");
    QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    connect(reply, &QNetworkReply::finished, this, [this, reply, guard, hasContext, authenticated, callback] {
        reply->deleteLater();
        const QByteArray data = reply->readAll();
        Response r;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.error = ApiError::fromReply(reply, data);
        r.body = data;
        r.contentType = reply->rawHeader("Content-Type");
        // Images (the emblem) are not JSON; everything else the API answers is.
        if (!data.isEmpty() && !r.contentType.startsWith("image/")) {
            QJsonParseError parseError;
            r.json = QJsonDocument::fromJson(data, &parseError);
            if (r.ok() && parseError.error != QJsonParseError::NoError) {
                r.error.kind = ApiError::Kind::Protocol;
                r.error.message = parseError.errorString();
            }
        }
        if (--m_pending == 0)
            emit busyChanged(false);
        if (r.error.isError()) {
            if (authenticated && r.error.isAuthentication())
                emit authenticationLost(r.error);
            emit requestFailed(r.error);
        }
        if (hasContext && !guard)
            return;
        if (callback)
            callback(r);
    });
}

void ApiClient::download(const QString &path, const QUrlQuery &query, QIODevice *target, QObject *context,
                         std::function<void(const ApiError &, qint64)> done)
{
    QNetworkReply *reply = m_network->get(request(path, query));
    // The timeout counts silence, not the whole transfer (restarted below as data arrives): a large export
    // may take a while.
    QTimer *timer = track(reply);
    auto written = std::make_shared<qint64>(0);
    auto failed = std::make_shared<bool>(false);
    const auto ok = [reply] {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        return status >= 200 && status < 300;
    };
    connect(reply, &QNetworkReply::readyRead, this, [reply, target, timer, written, failed, ok] {
        timer->start();
        if (!ok() || *failed)
            return; // an error body is read whole at the end
        const QByteArray chunk = reply->readAll();
        if (target->write(chunk) != chunk.size()) {
            *failed = true;
            reply->abort();
            return;
        }
        *written += chunk.size();
    });
    QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, target, guard, hasContext, done, written, failed] {
                reply->deleteLater();
                const QByteArray rest = reply->readAll();
                ApiError error = ApiError::fromReply(reply, rest);
                if (!error.isError() && !rest.isEmpty()) {
                    if (target->write(rest) != rest.size())
                        *failed = true;
                    else
                        *written += rest.size();
                }
                if (*failed) {
                    error.kind = ApiError::Kind::Protocol;
                    error.message = target->errorString();
                }
                if (--m_pending == 0)
                    emit busyChanged(false);
                if (error.isError() && error.isAuthentication())
                    emit authenticationLost(error);
                if (hasContext && !guard)
                    return;
                if (done)
                    done(error, *written);
            });
}

void ApiClient::login(const QString &email, const QString &password, QObject *context,
                      std::function<void(Result<LoginResult>)> done)
{
    const QJsonObject body{{QStringLiteral("email"), email}, {QStringLiteral("password"), password}};
    post(QStringLiteral("/auth/login"), body, context, [this, done](const Response &r) {
        if (!r.ok()) {
            ApiError e = r.error;
            // A 404 for the login route means this is not (yet) a server with the admin API.
            if (e.kind == ApiError::Kind::NotFound)
                e.kind = ApiError::Kind::Protocol;
            done(tl::unexpected(e));
            return;
        }
        const QJsonObject o = r.object();
        LoginResult result;
        result.token = o.value(QStringLiteral("token")).toString().toUtf8();
        result.expiresAt = parseTime(o.value(QStringLiteral("expiresAt")));
        result.admin = AdminAccount::fromJson(o.value(QStringLiteral("admin")).toObject());
        if (result.token.isEmpty()) {
            ApiError e;
            e.kind = ApiError::Kind::Protocol;
            done(tl::unexpected(e));
            return;
        }
        m_token = result.token;
        m_account = result.admin;
        done(result);
    });
}

void ApiClient::me(QObject *context, std::function<void(Result<AdminAccount>)> done)
{
    get(QStringLiteral("/auth/me"), {}, context, [this, done](const Response &r) {
        if (!r.ok()) {
            done(tl::unexpected(r.error));
            return;
        }
        m_account = AdminAccount::fromJson(r.object());
        done(m_account);
    });
}

void ApiClient::logout()
{
    if (m_token.isEmpty())
        return;
    post(QStringLiteral("/auth/logout"), QJsonObject{}, nullptr, {});
    m_token.clear();
    m_account = {};
}

void ApiClient::fetchResults(const QUrlQuery &query, QObject *context,
                             std::function<void(Result<ResultsPage>)> done)
{
    get(QStringLiteral("/results"), query, context, [done](const Response &r) {
        if (!r.ok()) {
            done(tl::unexpected(r.error));
            return;
        }
        ResultsPage page;
        const QJsonObject o = r.object();
        for (const QJsonValue &v : o.value(QStringLiteral("items")).toArray())
            page.items.append(ResultRow::fromJson(v.toObject()));
        page.nextCursor = o.value(QStringLiteral("nextCursor")).toString();
        done(page);
    });
}

void ApiClient::fetchSession(const QString &sessionId, QObject *context,
                             std::function<void(Result<SessionDetail>, QJsonObject)> done)
{
    get(QStringLiteral("/sessions/") + sessionId, {}, context, [done](const Response &r) {
        if (!r.ok()) {
            done(tl::unexpected(r.error), {});
            return;
        }
        done(SessionDetail::fromJson(r.object()), r.object());
    });
}

void ApiClient::fetchAllEvents(const QString &sessionId, QObject *context,
                               std::function<void(Result<QJsonArray>)> done)
{
    fetchEventsPage(sessionId, {}, {}, context, std::move(done));
}

void ApiClient::fetchEventsPage(const QString &sessionId, const QString &cursor, QJsonArray collected,
                                QPointer<QObject> context, std::function<void(Result<QJsonArray>)> done)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("limit"), QStringLiteral("500"));
    if (!cursor.isEmpty())
        q.addQueryItem(QStringLiteral("cursor"), cursor);
    get(QStringLiteral("/sessions/%1/events").arg(sessionId), q, context,
        [this, sessionId, collected, context, done](const Response &r) mutable {
            if (!r.ok()) {
                done(tl::unexpected(r.error));
                return;
            }
            const QJsonObject o = r.object();
            for (const QJsonValue &v : o.value(QStringLiteral("items")).toArray())
                collected.append(v);
            const QString next = o.value(QStringLiteral("nextCursor")).toString();
            // 20 000 events is far beyond any real session; the bound keeps a misbehaving server finite.
            if (next.isEmpty() || collected.size() >= 20000)
                done(collected);
            else
                fetchEventsPage(sessionId, next, collected, context, done);
        });
}

void ApiClient::fetchDashboard(int days, QObject *context, std::function<void(Result<Dashboard>)> done)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("days"), QString::number(days));
    get(QStringLiteral("/dashboard"), q, context, [done](const Response &r) {
        if (!r.ok()) {
            done(tl::unexpected(r.error));
            return;
        }
        done(Dashboard::fromJson(r.object()));
    });
}

} // namespace Proctor::Admin::Api
