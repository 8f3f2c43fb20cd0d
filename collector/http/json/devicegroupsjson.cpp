// SPDX-License-Identifier: MIT
#include "http/json/devicegroupsjson.h"

#include <QJsonArray>

namespace Proctor::Collector::Http::Json {
namespace {

QJsonObject candidateJson(const Services::DeviceCandidate &c)
{
    return QJsonObject{{QStringLiteral("id"), double(c.id)}, {QStringLiteral("name"), c.name}};
}

} // namespace

QJsonObject toJson(const Services::DeviceGroups &report)
{
    QJsonArray groups;
    for (const Services::DeviceGroup &g : report.groups) {
        QJsonArray candidates;
        for (const Services::DeviceCandidate &c : g.candidates)
            candidates.append(candidateJson(c));
        QJsonArray flags;
        if (g.sharedByCandidates)
            flags.append(QStringLiteral("several_candidates"));
        groups.append(QJsonObject{{QStringLiteral("hash"), g.hash},
                                  {QStringLiteral("sessionCount"), qint64(g.sessionIds.size())},
                                  {QStringLiteral("sessionIds"), QJsonArray::fromStringList(g.sessionIds)},
                                  {QStringLiteral("candidates"), candidates},
                                  {QStringLiteral("flags"), flags}});
    }
    QJsonArray multi;
    for (const Services::MultiDeviceCandidate &m : report.multiDeviceCandidates)
        multi.append(QJsonObject{{QStringLiteral("candidate"), candidateJson(m.candidate)},
                                 {QStringLiteral("hashes"), QJsonArray::fromStringList(m.hashes)}});
    return QJsonObject{{QStringLiteral("groups"), groups}, {QStringLiteral("multiDeviceCandidates"), multi}};
}

} // namespace Proctor::Collector::Http::Json
