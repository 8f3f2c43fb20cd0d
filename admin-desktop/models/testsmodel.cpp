// SPDX-License-Identifier: MIT
#include "models/testsmodel.h"

namespace Proctor::Admin::Models {

TestsModel::TestsModel(Api::ApiClient *api, QObject *parent) : PagedJsonModel(api, parent) {}

void TestsModel::load()
{
    setSource(QStringLiteral("/tests"), {}, QString(), false);
}

int TestsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TestsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return PagedJsonModel::headerData(section, orientation, role);
    switch (section) {
    case Title:
        return tr("Test");
    case Id:
        return tr("Id");
    case Access:
        return tr("Access");
    case MaxAttempts:
        return tr("Attempts");
    case Cooldown:
        return tr("Between attempts");
    case Disclosure:
        return tr("Candidate sees");
    case Roster:
        return tr("Roster");
    }
    return {};
}

QString TestsModel::disclosureName(const QString &disclosure)
{
    if (disclosure == QLatin1String("score"))
        return tr("score");
    if (disclosure == QLatin1String("review"))
        return tr("review of mistakes");
    return tr("pass or fail");
}

QString TestsModel::durationText(int seconds)
{
    if (seconds <= 0)
        return tr("no pause");
    if (seconds % 86400 == 0)
        return tr("%n day(s)", nullptr, seconds / 86400);
    if (seconds % 3600 == 0)
        return tr("%n hour(s)", nullptr, seconds / 3600);
    if (seconds % 60 == 0)
        return tr("%n min", nullptr, seconds / 60);
    return tr("%n s", nullptr, seconds);
}

QVariant TestsModel::display(const QJsonObject &item, int column) const
{
    const QJsonObject policy = item.value(QStringLiteral("attemptPolicy")).toObject();
    const bool roster = item.value(QStringLiteral("access")).toString() == QLatin1String("roster");
    switch (column) {
    case Title:
        return item.value(QStringLiteral("title")).toString();
    case Id:
        return item.value(QStringLiteral("id")).toString();
    case Access:
        return roster ? tr("by roster code") : tr("open");
    case MaxAttempts:
        return policy.isEmpty() ? QVariant() : QVariant(policy.value(QStringLiteral("maxAttempts")).toInt());
    case Cooldown:
        return policy.isEmpty()
                   ? QString()
                   : durationText(policy.value(QStringLiteral("minSecondsBetweenAttempts")).toInt());
    case Disclosure:
        return policy.isEmpty() ? QString()
                                : disclosureName(policy.value(QStringLiteral("disclosure")).toString());
    case Roster:
        return roster ? tr("%n person(s)", nullptr, item.value(QStringLiteral("rosterEntries")).toInt())
                      : QStringLiteral("—");
    }
    return {};
}

QVariant TestsModel::sortValue(const QJsonObject &item, int column) const
{
    if (column == Cooldown)
        return item.value(QStringLiteral("attemptPolicy"))
            .toObject()
            .value(QStringLiteral("minSecondsBetweenAttempts"))
            .toInt();
    if (column == Roster)
        return item.value(QStringLiteral("rosterEntries")).toInt();
    return display(item, column);
}

} // namespace Proctor::Admin::Models
