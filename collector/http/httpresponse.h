// SPDX-License-Identifier: MIT
// An HTTP response value and the helpers that build the JSON ones.
#pragma once

#include <memory>

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>

#include "core/error.h"

namespace Proctor::Collector::Http {

class BodyStream;

struct HttpResponse
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers; // Content-Length, Connection and Date are added on write
    QByteArray body;
    bool closeConnection = false;
    bool omitBody = false; // HEAD: the headers (Content-Length included) of the answer GET would get, no body
    // Set: the body comes from the stream, chunked (`body` is ignored); see bodystream.h.
    std::shared_ptr<BodyStream> stream;

    HttpResponse &setHeader(const QByteArray &name, const QByteArray &value);
    QByteArray header(QByteArrayView name) const;

    static HttpResponse json(int status, const QJsonObject &body);
    static HttpResponse json(int status, const QJsonArray &body);
    static HttpResponse text(int status, const QByteArray &body, const QByteArray &contentType);
    // The one place where error codes become statuses and the JSON error body.
    static HttpResponse error(const Error &error);
};

int statusForError(ErrorCode code);
const char *reasonPhrase(int status);

} // namespace Proctor::Collector::Http
