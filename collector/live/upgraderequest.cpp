// SPDX-License-Identifier: MIT
#include "live/upgraderequest.h"

#include "auth/admintokens.h"

namespace Proctor::Collector::Live {

UpgradeRequest UpgradeRequest::parse(const QByteArray &head)
{
    UpgradeRequest r;
    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
    r.method = first.value(0);
    const QByteArray target = first.value(1);
    const qsizetype q = target.indexOf('?');
    r.path = q < 0 ? target : target.left(q);
    QByteArray authorization;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        if (name == "authorization") {
            authorization = line.mid(colon + 1).trimmed();
        } else if (name == "sec-websocket-protocol") {
            // May be repeated; each is a comma-separated list (RFC 6455 §11.3.4).
            for (const QByteArray &item : line.mid(colon + 1).split(',')) {
                const QByteArray protocol = item.trimmed();
                if (!protocol.isEmpty())
                    r.protocols.append(protocol);
            }
        }
    }
    r.token = Auth::bearerToken(authorization);
    if (r.token.isEmpty()) {
        for (const QByteArray &protocol : std::as_const(r.protocols)) {
            if (protocol.size() > qsizetype(qstrlen(kBearerPrefix)) && protocol.startsWith(kBearerPrefix)) {
                r.token = protocol.mid(qstrlen(kBearerPrefix));
                r.tokenFromProtocol = true;
                break;
            }
        }
    }
    return r;
}

} // namespace Proctor::Collector::Live
