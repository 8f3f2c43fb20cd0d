// SPDX-License-Identifier: MIT
#include "models/rostermodel.h"

#include <QDateTime>
#include <QFont>
#include <QLocale>

namespace Proctor::Admin::Models {

RosterModel::RosterModel(Api::ApiClient *api, QObject *parent) : PagedJsonModel(api, parent) {}

void RosterModel::setTest(const QString &testId)
{
    if (testId != m_testId)
        m_codes.clear();
    m_testId = testId;
    setSource(QStringLiteral("/tests/%1/roster").arg(testId), {}, QStringLiteral("items"), false);
}

int RosterModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RosterModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return PagedJsonModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Name");
    case Position:
        return tr("Position");
    case Email:
        return tr("Email");
    case ExternalId:
        return tr("Employee no.");
    case Code:
        return tr("Access code");
    case Expires:
        return tr("Code valid until");
    case Starts:
        return tr("Starts");
    }
    return {};
}

QVariant RosterModel::data(const QModelIndex &index, int role) const
{
    if (role == KnownCodeRole)
        return index.isValid() ? m_codes.value(idOf(item(index.row()))) : QVariant();
    return PagedJsonModel::data(index, role);
}

void RosterModel::rememberCode(const QJsonObject &entry)
{
    const QString id = idOf(entry);
    const QString code = entry.value(QStringLiteral("code")).toString();
    if (id.isEmpty() || code.isEmpty())
        return;
    m_codes.insert(id, code);
    const int row = rowOfId(id);
    if (row >= 0)
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void RosterModel::forgetEntry(const QString &entryId)
{
    m_codes.remove(entryId);
}

QList<QJsonObject> RosterModel::entriesWithKnownCodes() const
{
    QList<QJsonObject> out;
    for (int r = 0; r < rowCount(); ++r) {
        QJsonObject e = item(r);
        const QString code = m_codes.value(idOf(e));
        if (code.isEmpty())
            continue;
        e.insert(QStringLiteral("code"), code);
        out.append(e);
    }
    return out;
}

QString RosterModel::fullName(const QJsonObject &e)
{
    QStringList parts;
    for (const char *key : {"lastName", "firstName", "middleName"}) {
        const QString p = e.value(QLatin1String(key)).toString().trimmed();
        if (!p.isEmpty())
            parts.append(p);
    }
    return parts.join(QLatin1Char(' '));
}

QVariant RosterModel::display(const QJsonObject &item, int column) const
{
    switch (column) {
    case Name:
        return fullName(item);
    case Position:
        return item.value(QStringLiteral("position")).toString();
    case Email:
        return item.value(QStringLiteral("email")).toString();
    case ExternalId:
        return item.value(QStringLiteral("externalId")).toString();
    case Code: {
        const QString known = m_codes.value(idOf(item));
        if (!known.isEmpty())
            return known;
        return item.value(QStringLiteral("hasCode")).toBool()
                   ? tr("hidden (issued %1)").arg(formatTime(item.value(QStringLiteral("codeIssuedAt"))))
                   : tr("none");
    }
    case Expires: {
        // A code expires at the end of the day the administrator chose (UTC): that day is what to show.
        const QDateTime t =
            QDateTime::fromString(item.value(QStringLiteral("codeExpiresAt")).toString(), Qt::ISODateWithMs);
        return t.isValid() ? QLocale().toString(t.toUTC().date(), QLocale::ShortFormat) : tr("no expiry");
    }
    case Starts:
        return item.value(QStringLiteral("starts")).toInt();
    }
    return {};
}

QVariant RosterModel::styleData(const QJsonObject &item, int column, int role) const
{
    if (column != Code)
        return {};
    const bool known = m_codes.contains(idOf(item));
    if (role == Qt::FontRole && known) {
        QFont f(QStringLiteral("monospace"));
        f.setStyleHint(QFont::Monospace);
        f.setBold(true);
        return f;
    }
    if (role == Qt::ToolTipRole)
        return known ? tr("Issued just now: copy or export it before closing this window.")
                     : tr("The server keeps only a hash of the code; issue a new code to see one.");
    return {};
}

} // namespace Proctor::Admin::Models
