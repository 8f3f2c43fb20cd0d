// SPDX-License-Identifier: MIT
// A blocking HTTP client for tests (QNetworkAccessManager driven by a local event loop).
#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QPair>

namespace Proctor::Testing {

struct HttpResult
{
    int status = 0; // 0 when no HTTP answer came (connection refused, timeout)
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QString networkError;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QByteArray header(const QByteArray &name) const;
    QString errorCode() const
    {
        return json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
    }
    QString errorField() const
    {
        return json().value(QStringLiteral("error")).toObject().value(QStringLiteral("field")).toString();
    }
};

class HttpClient
{
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;
    HttpResult get(const QString &url, const Headers &headers = {}, int timeoutMs = 10000);
    HttpResult post(const QString &url, const QByteArray &body, const Headers &headers = {},
                    int timeoutMs = 10000);
    HttpResult send(const QByteArray &method, const QString &url, const QByteArray &body,
                    const Headers &headers, int timeoutMs);

private:
    QNetworkAccessManager m_nam;
};

} // namespace Proctor::Testing
