// SPDX-License-Identifier: MIT
#include "httpclient.h"

#include <QEventLoop>
#include <QNetworkReply>
#include <QTimer>

namespace Proctor::Testing {

QByteArray HttpResult::header(const QByteArray &name) const
{
    for (const auto &h : headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    return {};
}

HttpResult HttpClient::get(const QString &url, const Headers &headers, int timeoutMs)
{
    return send("GET", url, {}, headers, timeoutMs);
}

HttpResult HttpClient::post(const QString &url, const QByteArray &body, const Headers &headers, int timeoutMs)
{
    Headers h = headers;
    bool hasType = false;
    for (const auto &p : h)
        hasType = hasType || p.first.compare("content-type", Qt::CaseInsensitive) == 0;
    if (!hasType)
        h.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    return send("POST", url, body, h, timeoutMs);
}

HttpResult HttpClient::send(const QByteArray &method, const QString &url, const QByteArray &body,
                            const Headers &headers, int timeoutMs)
{
    QNetworkRequest request{QUrl(url)};
    for (const auto &h : headers)
        request.setRawHeader(h.first, h.second);
    QNetworkReply *reply = m_nam.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    loop.exec();
    HttpResult result;
    if (!reply->isFinished()) {
        reply->abort();
        result.networkError = QStringLiteral("timeout");
    }
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    if (reply->error() != QNetworkReply::NoError && result.status == 0)
        result.networkError = reply->errorString();
    reply->deleteLater();
    return result;
}

} // namespace Proctor::Testing
