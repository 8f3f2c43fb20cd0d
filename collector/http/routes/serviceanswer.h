// SPDX-License-Identifier: MIT
// The last step of a route: a service's answer sent as the HTTP response (the value's JSON encoding with
// `status`, or the error's status and body).
#pragma once

#include <QFuture>

#include "core/error.h"
#include "http/httpresponse.h"
#include "http/responder.h"

namespace Proctor::Collector::Http {

// Json::toJson is looked up where this template is defined: include it after the http/json/ headers of the
// types it sends (the include order of the route files, sorted by path, does that).
template <typename T> void answer(QFuture<Expected<T>> work, const Responder &res, int status = 200)
{
    work.then([res, status](const Expected<T> &result) {
        res.send(result ? HttpResponse::json(status, Json::toJson(*result))
                        : HttpResponse::error(result.error()));
    });
}

} // namespace Proctor::Collector::Http
