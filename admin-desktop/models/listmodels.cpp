// SPDX-License-Identifier: MIT
#include "models/listmodels.h"

#include <QColor>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QLocale>

#include "api/apitypes.h"

namespace Proctor::Admin::Models {

namespace {
QString s(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toVariant().toString();
}
// The analysis and device endpoints send {"id", "name"} (the full name in one string); the lists send the
// parts (lastName, firstName, middleName). Both are read, so neither shows an empty name.
QString candidateName(const QJsonValue &v)
{
    const QJsonObject o = v.toObject();
    const QString name = o.value(QLatin1String("name")).toString().simplified();
    return name.isEmpty() ? Api::Candidate::fromJson(o).fullName() : name;
}
QString kindText(const QString &kind)
{
    if (kind == QLatin1String("study"))
        return QCoreApplication::translate("Proctor::Admin::Models", "study");
    if (kind == QLatin1String("test"))
        return QCoreApplication::translate("Proctor::Admin::Models", "test");
    return kind;
}
const QColor kRed(0xdc, 0x26, 0x26);
const QColor kGreen(0x05, 0x96, 0x69);
} // namespace

// ---- AbandonedModel ----

QVariant AbandonedModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return PagedJsonModel::headerData(section, orientation, role);
    switch (section) {
    case Candidate:
        return tr("Candidate");
    case Kind:
        return tr("Kind");
    case Test:
        return tr("Test");
    case Started:
        return tr("Started");
    case LastEvent:
        return tr("Last activity");
    case Events:
        return tr("Events");
    case FocusLosses:
        return tr("Focus losses");
    case Screenshots:
        return tr("Screenshots");
    case Prints:
        return tr("Prints");
    }
    return {};
}

QVariant AbandonedModel::display(const QJsonObject &item, int column) const
{
    const QJsonObject v = item.value(QStringLiteral("violations")).toObject();
    switch (column) {
    case Candidate:
        return candidateName(item.value(QStringLiteral("candidate")));
    case Kind:
        return kindText(s(item, "kind"));
    case Test:
        return s(item, "testId");
    case Started:
        return formatTime(item.value(QStringLiteral("startedAt")));
    case LastEvent:
        return formatTime(item.value(QStringLiteral("lastEventAt")));
    case Events:
        return item.value(QStringLiteral("eventCount")).toInt();
    case FocusLosses:
        return v.value(QStringLiteral("focus_loss")).toInt();
    case Screenshots:
        return v.value(QStringLiteral("screenshot_attempt")).toInt();
    case Prints:
        return v.value(QStringLiteral("print_attempt")).toInt();
    }
    return {};
}

QVariant AbandonedModel::sortValue(const QJsonObject &item, int column) const
{
    if (column == Started)
        return Api::parseTime(item.value(QStringLiteral("startedAt")));
    if (column == LastEvent)
        return Api::parseTime(item.value(QStringLiteral("lastEventAt")));
    return display(item, column);
}

QString AbandonedModel::idOf(const QJsonObject &item) const
{
    return s(item, "sessionId");
}

// ---- CertificatesModel ----

QVariant CertificatesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return PagedJsonModel::headerData(section, orientation, role);
    switch (section) {
    case Number:
        return tr("Number");
    case Holder:
        return tr("Holder");
    case Position:
        return tr("Position");
    case Test:
        return tr("Test");
    case Score:
        return tr("Score");
    case Issued:
        return tr("Issued");
    case Status:
        return tr("Status");
    }
    return {};
}

QVariant CertificatesModel::display(const QJsonObject &item, int column) const
{
    switch (column) {
    case Number:
        return s(item, "number");
    case Holder:
        return s(item, "holderName");
    case Position:
        return s(item, "position");
    case Test:
        return item.value(QStringLiteral("testTitle")).toString().isEmpty() ? s(item, "testId")
                                                                            : s(item, "testTitle");
    case Score:
        return QStringLiteral("%1 %").arg(item.value(QStringLiteral("score")).toDouble(), 0, 'f', 0);
    case Issued:
        return formatTime(item.value(QStringLiteral("issuedAt")));
    case Status:
        return item.value(QStringLiteral("revoked")).toBool() ? tr("revoked") : tr("valid");
    }
    return {};
}

QString CertificatesModel::idOf(const QJsonObject &item) const
{
    return s(item, "number");
}

QVariant CertificatesModel::styleData(const QJsonObject &item, int column, int role) const
{
    if (role == Qt::ForegroundRole && column == Status)
        return item.value(QStringLiteral("revoked")).toBool() ? kRed : kGreen;
    return {};
}

// ---- AuditModel ----

QVariant AuditModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return PagedJsonModel::headerData(section, orientation, role);
    switch (section) {
    case Time:
        return tr("Time");
    case Actor:
        return tr("Who");
    case Action:
        return tr("Action");
    case Target:
        return tr("Target");
    case Details:
        return tr("Details");
    case ClientIp:
        return tr("From");
    }
    return {};
}

QVariant AuditModel::display(const QJsonObject &item, int column) const
{
    switch (column) {
    case Time:
        return formatTime(item.value(QStringLiteral("createdAt")));
    case Actor: {
        const QJsonValue a = item.value(QStringLiteral("actor"));
        return a.isObject() ? s(a.toObject(), "email") : a.toVariant().toString();
    }
    case Action:
        return s(item, "action");
    case Target:
        return s(item, "target");
    case Details: {
        const QJsonValue d = item.value(QStringLiteral("details"));
        return d.isObject() ? QString::fromUtf8(QJsonDocument(d.toObject()).toJson(QJsonDocument::Compact))
                            : d.toVariant().toString();
    }
    case ClientIp:
        return s(item, "clientIp");
    }
    return {};
}

// ---- ApiKeysModel ----

QVariant ApiKeysModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return PagedJsonModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Name");
    case Prefix:
        return tr("Prefix");
    case Scopes:
        return tr("Scopes");
    case Created:
        return tr("Created");
    case Status:
        return tr("Status");
    case Usage:
        return tr("Requests");
    case LastUsed:
        return tr("Last used");
    }
    return {};
}

QVariant ApiKeysModel::display(const QJsonObject &item, int column) const
{
    switch (column) {
    case Name:
        return s(item, "name");
    case Prefix:
        return s(item, "prefix");
    case Scopes: {
        QStringList scopes;
        for (const QJsonValue &v : item.value(QStringLiteral("scopes")).toArray())
            scopes.append(v.toString());
        return scopes.join(QStringLiteral(", "));
    }
    case Created:
        return formatTime(item.value(QStringLiteral("createdAt")));
    case Status:
        return item.value(QStringLiteral("revokedAt")).isString()
                   ? tr("revoked %1").arg(formatTime(item.value(QStringLiteral("revokedAt"))))
                   : tr("active");
    case Usage:
        return item.value(QStringLiteral("usageCount")).toInteger();
    case LastUsed:
        return formatTime(item.value(QStringLiteral("lastUsedAt")));
    }
    return {};
}

QVariant ApiKeysModel::styleData(const QJsonObject &item, int column, int role) const
{
    if (role == Qt::ForegroundRole && column == Status)
        return item.value(QStringLiteral("revokedAt")).isString() ? kRed : kGreen;
    return {};
}

// ---- AdminsModel ----

QVariant AdminsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return PagedJsonModel::headerData(section, orientation, role);
    switch (section) {
    case Email:
        return tr("Email");
    case DisplayName:
        return tr("Name");
    case Role:
        return tr("Role");
    case Status:
        return tr("Status");
    }
    return {};
}

QVariant AdminsModel::display(const QJsonObject &item, int column) const
{
    switch (column) {
    case Email:
        return s(item, "email");
    case DisplayName:
        return s(item, "displayName");
    case Role:
        return s(item, "role") == QLatin1String("admin") ? tr("administrator") : tr("proctor");
    case Status:
        return item.value(QStringLiteral("disabled")).toBool() ? tr("disabled") : tr("active");
    }
    return {};
}

// ---- SimilarModel ----

QVariant SimilarModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return PagedJsonModel::headerData(section, orientation, role);
    switch (section) {
    case Candidate:
        return tr("Candidate");
    case Session:
        return tr("Session");
    case Question:
        return tr("Question");
    case Similarity:
        return tr("Similarity");
    case Distance:
        return tr("DTW distance");
    }
    return {};
}

QVariant SimilarModel::display(const QJsonObject &item, int column) const
{
    switch (column) {
    case Candidate:
        return candidateName(item.value(QStringLiteral("candidate")));
    case Session:
        return s(item, "sessionId").left(8);
    case Question:
        return s(item, "questionId");
    case Similarity:
        return QStringLiteral("%1").arg(item.value(QStringLiteral("similarity")).toDouble(), 0, 'f', 1);
    case Distance:
        return QLocale().toString(item.value(QStringLiteral("distance")).toDouble(), 'f', 3);
    }
    return {};
}

QVariant SimilarModel::sortValue(const QJsonObject &item, int column) const
{
    if (column == Similarity)
        return item.value(QStringLiteral("similarity")).toDouble();
    if (column == Distance)
        return item.value(QStringLiteral("distance")).toDouble();
    return display(item, column);
}

QVariant SimilarModel::styleData(const QJsonObject &item, int column, int role) const
{
    if (role == Qt::ForegroundRole && column == Similarity &&
        item.value(QStringLiteral("similarity")).toDouble() >= 85)
        return kRed;
    if (role == Qt::ToolTipRole && column == Session)
        return s(item, "sessionId");
    return {};
}

QString SimilarModel::idOf(const QJsonObject &item) const
{
    return s(item, "sessionId") + QLatin1Char('/') + s(item, "questionId");
}

// ---- DeviceGroupsModel ----

QVariant DeviceGroupsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return PagedJsonModel::headerData(section, orientation, role);
    switch (section) {
    case Device:
        return tr("Device");
    case Sessions:
        return tr("Sessions");
    case Candidates:
        return tr("Candidates");
    case Flags:
        return tr("Anomalies");
    }
    return {};
}

namespace {
QString flagText(const QString &flag)
{
    if (flag == QLatin1String("several_candidates"))
        return QCoreApplication::translate("Proctor::Admin::Models", "several candidates on one device");
    if (flag == QLatin1String("several_devices"))
        return QCoreApplication::translate("Proctor::Admin::Models", "candidate on several devices");
    return flag;
}
} // namespace

QVariant DeviceGroupsModel::display(const QJsonObject &item, int column) const
{
    switch (column) {
    case Device:
        return QStringLiteral("…") + s(item, "hash").right(12);
    case Sessions:
        return item.value(QStringLiteral("sessionCount")).toInt();
    case Candidates: {
        QStringList names;
        for (const QJsonValue &c : item.value(QStringLiteral("candidates")).toArray())
            names.append(candidateName(c));
        return names.join(QStringLiteral("; "));
    }
    case Flags: {
        QStringList flags;
        for (const QJsonValue &f : item.value(QStringLiteral("flags")).toArray())
            flags.append(flagText(f.toString()));
        return flags.join(QStringLiteral(", "));
    }
    }
    return {};
}

QVariant DeviceGroupsModel::sortValue(const QJsonObject &item, int column) const
{
    if (column == Sessions)
        return item.value(QStringLiteral("sessionCount")).toInt();
    return display(item, column);
}

QVariant DeviceGroupsModel::styleData(const QJsonObject &item, int column, int role) const
{
    const bool flagged = !item.value(QStringLiteral("flags")).toArray().isEmpty();
    if (role == FlaggedRole)
        return flagged;
    if (role == Qt::ForegroundRole && column == Flags && flagged)
        return kRed;
    if (role == Qt::ToolTipRole && column == Device)
        return s(item, "hash");
    return {};
}

QString DeviceGroupsModel::idOf(const QJsonObject &item) const
{
    return s(item, "hash");
}

// ---- MultiDeviceModel ----

QVariant MultiDeviceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return PagedJsonModel::headerData(section, orientation, role);
    switch (section) {
    case Candidate:
        return tr("Candidate");
    case DeviceCount:
        return tr("Devices");
    case Devices:
        return tr("Device hashes");
    }
    return {};
}

QVariant MultiDeviceModel::display(const QJsonObject &item, int column) const
{
    const QJsonArray hashes = item.value(QStringLiteral("hashes")).toArray();
    switch (column) {
    case Candidate:
        return candidateName(item.value(QStringLiteral("candidate")));
    case DeviceCount:
        return static_cast<int>(hashes.size());
    case Devices: {
        QStringList out;
        for (const QJsonValue &h : hashes)
            out.append(QStringLiteral("…") + h.toString().right(10));
        return out.join(QStringLiteral(", "));
    }
    }
    return {};
}

// ---- SearchModel ----

void SearchModel::setAnswer(const QJsonObject &answer)
{
    beginResetModel();
    m_entries.clear();
    for (const QJsonValue &v : answer.value(QStringLiteral("sessions")).toArray()) {
        const QJsonObject o = v.toObject();
        const QString who = candidateName(o.value(QStringLiteral("candidate")));
        m_entries.append({QStringLiteral("session"),
                          tr("Session: %1 — %2 %3")
                              .arg(who.isEmpty() ? s(o, "sessionId").left(8) : who,
                                   s(o, "testTitle").isEmpty() ? s(o, "testId") : s(o, "testTitle"),
                                   formatTime(o.value(QStringLiteral("finishedAt"))))
                              .trimmed(),
                          s(o, "sessionId"), o});
    }
    for (const QJsonValue &v : answer.value(QStringLiteral("candidates")).toArray()) {
        const QJsonObject o = v.toObject();
        const QString name = o.contains(QStringLiteral("candidate"))
                                 ? candidateName(o.value(QStringLiteral("candidate")))
                                 : candidateName(o);
        m_entries.append({QStringLiteral("candidate"), tr("Candidate: %1").arg(name),
                          s(o, "lastSessionId").isEmpty() ? s(o, "sessionId") : s(o, "lastSessionId"), o});
    }
    for (const QJsonValue &v : answer.value(QStringLiteral("certificates")).toArray()) {
        const QJsonObject o = v.toObject();
        m_entries.append({QStringLiteral("certificate"),
                          tr("Certificate %1 — %2").arg(s(o, "number"), s(o, "holderName")),
                          s(o, "sessionId"), o});
    }
    endResetModel();
}

void SearchModel::clear()
{
    beginResetModel();
    m_entries.clear();
    endResetModel();
}

int SearchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

QVariant SearchModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &e = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return e.text;
    case KindRole:
        return e.kind;
    case SessionIdRole:
        return e.sessionId;
    case ObjectRole:
        return e.object;
    }
    return {};
}

} // namespace Proctor::Admin::Models
