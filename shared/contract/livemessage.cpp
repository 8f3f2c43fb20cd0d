// SPDX-License-Identifier: MIT
#include "contract/livemessage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "contract/contractvalidator.h"

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

// Only for values the schema has checked: every element is a string.
QStringList strings(const QJsonValue &value)
{
    QStringList out;
    const QJsonArray array = value.toArray();
    out.reserve(array.size());
    for (const QJsonValue item : array)
        out.append(item.toString());
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
            [](const CertificateRevoked &m) {
                return QJsonObject{{QStringLiteral("number"), m.number},
                                   {QStringLiteral("sessionId"), uuidText(m.sessionId)}};
            },
            [](const ReviewDecided &m) {
                return QJsonObject{{QStringLiteral("sessionId"), uuidText(m.sessionId)},
                                   {QStringLiteral("state"), m.state},
                                   {QStringLiteral("previousState"), m.previousState}};
            },
            [](const RiskRaised &m) {
                return QJsonObject{{QStringLiteral("sessionId"), uuidText(m.sessionId)},
                                   {QStringLiteral("score"), m.score},
                                   {QStringLiteral("level"), m.level},
                                   {QStringLiteral("previousLevel"), m.previousLevel}};
            },
        },
        message);
    o.insert(QStringLiteral("type"), liveMessageType(message));
    return o;
}

} // namespace

QStringList liveMessageTypes()
{
    return {QStringLiteral("session_started"),     QStringLiteral("events_appended"),
            QStringLiteral("result_saved"),        QStringLiteral("apikey_revoked"),
            QStringLiteral("candidate_deleted"),   QStringLiteral("login_throttled"),
            QStringLiteral("certificate_revoked"), QStringLiteral("review_decided"),
            QStringLiteral("risk_raised")};
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
    if (auto valid = ContractValidator::shared().validate(Schema::LiveMessage, o); !valid)
        return tl::unexpected(valid.error());

    // From here on the shape is the schema's: every member read below exists with its type, except the
    // optional ones (apikey_revoked's id, candidate_deleted's sessionIds), which read as 0 and empty.
    const QString type = o.value(QLatin1String("type")).toString();
    const auto uuid = [&o](const char *key) {
        return QUuid::fromString(o.value(QLatin1String(key)).toString());
    };
    switch (liveMessageTypes().indexOf(type)) {
    case 0:
        return SessionStarted{uuid("sessionId"), o.value(QLatin1String("kind")).toString(),
                              o.value(QLatin1String("testId")).toString()};
    case 1: {
        EventsAppended m;
        for (const QJsonValue v : o.value(QLatin1String("sessions")).toArray()) {
            const QJsonObject s = v.toObject();
            m.sessions.append(AppendedEvents{
                QUuid::fromString(s.value(QLatin1String("sessionId")).toString()),
                s.value(QLatin1String("count")).toInt(), strings(s.value(QLatin1String("types")))});
        }
        return m;
    }
    case 2:
        return ResultSaved{uuid("sessionId"), o.value(QLatin1String("score")).toDouble(),
                           o.value(QLatin1String("passed")).toBool()};
    case 3:
        return ApiKeyRevoked{o.value(QLatin1String("id")).toInteger(),
                             QByteArray::fromHex(o.value(QLatin1String("hash")).toString().toLatin1())};
    case 4:
        return CandidateDeleted{o.value(QLatin1String("candidateId")).toInteger(),
                                strings(o.value(QLatin1String("sessionIds")))};
    case 5:
        return LoginThrottled{
            o.value(QLatin1String("email")).toString(), o.value(QLatin1String("address")).toString(),
            o.value(QLatin1String("failures")).toInt(), o.value(QLatin1String("delaySeconds")).toInt()};
    case 6:
        return CertificateRevoked{o.value(QLatin1String("number")).toString(), uuid("sessionId")};
    case 7:
        return ReviewDecided{uuid("sessionId"), o.value(QLatin1String("state")).toString(),
                             o.value(QLatin1String("previousState")).toString()};
    case 8:
        return RiskRaised{uuid("sessionId"), o.value(QLatin1String("score")).toInt(),
                          o.value(QLatin1String("level")).toInt(),
                          o.value(QLatin1String("previousLevel")).toInt()};
    }
    // The schema and liveMessageTypes() disagree: a defect of this file, reported rather than crashing.
    return tl::unexpected(ContractError{QStringLiteral("/type"), QStringLiteral("unknown message type")});
}

} // namespace Proctor::Contract
