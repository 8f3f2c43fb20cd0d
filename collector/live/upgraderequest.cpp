// SPDX-License-Identifier: MIT
#include "live/upgraderequest.h"

#include <QList>
#include <QUrlQuery>

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
    const QByteArray query = q < 0 ? QByteArray() : target.mid(q + 1);
    QByteArray authorization;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().toLower() == "authorization")
            authorization = line.mid(colon + 1).trimmed();
    }
    r.token = Auth::bearerToken(authorization);
    if (r.token.isEmpty())
        r.token = QUrlQuery(QString::fromLatin1(query))
                      .queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded)
                      .toLatin1();
    return r;
}

} // namespace Proctor::Collector::Live
