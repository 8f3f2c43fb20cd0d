// SPDX-License-Identifier: MIT
#include "contract/livemessage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Proctor::Contract {
namespace {

template <class... Ts> struct Overloaded : Ts...
{
    using Ts::operator()...;
};
template <class... Ts> Overloaded(Ts...) -> Overloaded<Ts...>;

QString uuidText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

tl::unexpected<ContractError> invalid(const QString &pointer, const QString &message)
{
    return tl::unexpected(ContractError{pointer, message, ContractError::Code::ValidationFailed});
}

// Reads a required UUID member; an error names its pointer.
tl::expected<QUuid, ContractError> uuidAt(const QJsonObject &o, const QString &key,
                                          const QString &prefix = {})
{
    const QUuid id = QUuid::fromString(o.value(key).toString());
    if (id.isNull())
        return invalid(prefix + QLatin1Char('/') + key, QStringLiteral("must be a UUID"));
    return id;
}

tl::expected<QStringList, ContractError> stringsAt(const QJsonObject &o, const QString &key,
                                                   const QString &prefix = {})
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined())
        return QStringList();
    if (!v.isArray())
        return invalid(prefix + QLatin1Char('/') + key, QStringLiteral("must be an array of strings"));
    QStringList out;
    const QJsonArray a = v.toArray();
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (!a[i].isString())
            return invalid(QStringLiteral("%1/%2/%3").arg(prefix, key).arg(i),
                           QStringLiteral("must be a string"));
        out.append(a[i].toString());
    }
    return out;
}

QJsonObject toJson(const LiveMessage &message)
{
    QJsonObject o = std::visit(
        Overloaded{
            [](const SessionStarted &m) {
                return QJsonObject{{QStringLiteral("sessionId"), uuidText(m.sessionId)},
                                   {QStringLiteral("kind"), m.kind},
                                   {QStringLiteral("testId"), m.testId}};
            },
            [](const EventsAppended &m) {
                QJsonArray sessions;
                for (const AppendedEvents &s : m.sessions)
                    sessions.append(
                        QJsonObject{{QStringLiteral("sessionId"), uuidText(s.sessionId)},
                                    {QStringLiteral("count"), s.count},
                                    {QStringLiteral("types"), QJsonArray::fromStringList(s.types)}});
                return QJsonObject{{QStringLiteral("sessions"), sessions}};
            },
            [](const ResultSaved &m) {
                return QJsonObject{{QStringLiteral("sessionId"), uuidText(m.sessionId)},
                                   {QStringLiteral("score"), m.score},
                                   {QStringLiteral("passed"), m.passed}};
            },
            [](const ApiKeyRevoked &m) {
                return QJsonObject{{QStringLiteral("id"), m.id},
                                   {QStringLiteral("hash"), QString::fromLatin1(m.hash.toHex())}};
            },
            [](const CandidateDeleted &m) {
                return QJsonObject{{QStringLiteral("candidateId"), m.candidateId},
                                   {QStringLiteral("sessionIds"), QJsonArray::fromStringList(m.sessionIds)}};
            },
            [](const LoginThrottled &m) {
                return QJsonObject{{QStringLiteral("email"), m.email},
                                   {QStringLiteral("address"), m.address},
                                   {QStringLiteral("failures"), m.failures},
                                   {QStringLiteral("delaySeconds"), m.delaySeconds}};
            },
        },
        message);
    o.insert(QStringLiteral("type"), liveMessageType(message));
    return o;
}

} // namespace

QStringList liveMessageTypes()
{
    return {QStringLiteral("session_started"),   QStringLiteral("events_appended"),
            QStringLiteral("result_saved"),      QStringLiteral("apikey_revoked"),
            QStringLiteral("candidate_deleted"), QStringLiteral("login_throttled")};
}

QString liveMessageType(const LiveMessage &message)
{
    return liveMessageTypes().at(int(message.index()));
}

QByteArray encodeLiveMessage(const LiveMessage &message)
{
    return QJsonDocument(toJson(message)).toJson(QJsonDocument::Compact);
}

tl::expected<LiveMessage, ContractError> decodeLiveMessage(const QByteArray &payload)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(payload, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return tl::unexpected(
            ContractError{QString(), parseError.errorString(), ContractError::Code::BadJson});
    if (!doc.isObject())
        return tl::unexpected(
            ContractError{QString(), QStringLiteral("must be an object"), ContractError::Code::NotAnObject});
    const QJsonObject o = doc.object();
    const QString type = o.value(QStringLiteral("type")).toString();
    if (type == QLatin1String("session_started")) {
        const auto id = uuidAt(o, QStringLiteral("sessionId"));
        if (!id)
            return tl::unexpected(id.error());
        return SessionStarted{*id, o.value(QStringLiteral("kind")).toString(),
                              o.value(QStringLiteral("testId")).toString()};
    }
    if (type == QLatin1String("events_appended")) {
        const QJsonValue list = o.value(QStringLiteral("sessions"));
        if (!list.isArray())
            return invalid(QStringLiteral("/sessions"), QStringLiteral("must be an array"));
        EventsAppended m;
        const QJsonArray a = list.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            const QString at = QStringLiteral("/sessions/%1").arg(i);
            const QJsonObject s = a[i].toObject();
            const auto id = uuidAt(s, QStringLiteral("sessionId"), at);
            if (!id)
                return tl::unexpected(id.error());
            const auto types = stringsAt(s, QStringLiteral("types"), at);
            if (!types)
                return tl::unexpected(types.error());
            m.sessions.append(AppendedEvents{*id, s.value(QStringLiteral("count")).toInt(), *types});
        }
        return m;
    }
    if (type == QLatin1String("result_saved")) {
        const auto id = uuidAt(o, QStringLiteral("sessionId"));
        if (!id)
            return tl::unexpected(id.error());
        return ResultSaved{*id, o.value(QStringLiteral("score")).toDouble(),
                           o.value(QStringLiteral("passed")).toBool()};
    }
    if (type == QLatin1String("apikey_revoked")) {
        const QByteArray hash = QByteArray::fromHex(o.value(QStringLiteral("hash")).toString().toLatin1());
        if (hash.size() != 32)
            return invalid(QStringLiteral("/hash"), QStringLiteral("must be a SHA-256 in hex"));
        return ApiKeyRevoked{o.value(QStringLiteral("id")).toInteger(), hash};
    }
    if (type == QLatin1String("candidate_deleted")) {
        const auto sessions = stringsAt(o, QStringLiteral("sessionIds"));
        if (!sessions)
            return tl::unexpected(sessions.error());
        return CandidateDeleted{o.value(QStringLiteral("candidateId")).toInteger(), *sessions};
    }
    if (type == QLatin1String("login_throttled"))
        return LoginThrottled{
            o.value(QStringLiteral("email")).toString(), o.value(QStringLiteral("address")).toString(),
            o.value(QStringLiteral("failures")).toInt(), o.value(QStringLiteral("delaySeconds")).toInt()};
    return invalid(QStringLiteral("/type"), QStringLiteral("unknown message type"));
}

} // namespace Proctor::Contract
