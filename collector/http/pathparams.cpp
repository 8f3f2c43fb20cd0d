// SPDX-License-Identifier: MIT
#include "http/pathparams.h"

namespace Proctor::Collector::Http {

Expected<QUuid> sessionIdParam(const HttpRequest &request)
{
    const QUuid id = QUuid::fromString(request.pathParams.value(QStringLiteral("id")));
    if (id.isNull())
        return makeError(ErrorCode::BadParameter, QStringLiteral("session id must be a UUID"),
                         QStringLiteral("id"));
    return id;
}

} // namespace Proctor::Collector::Http
