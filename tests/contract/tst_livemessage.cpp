// SPDX-License-Identifier: MIT
// The live-update protocol: every message type survives encode -> decode unchanged, every encoded message
// is valid against live-message.schema.json, and a message that breaks the schema (unknown type, extra
// field, bad UUID, …) is refused with the JSON pointer of the fault.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "contract/contractvalidator.h"
#include "contract/livemessage.h"

using namespace Proctor::Contract;

Q_DECLARE_METATYPE(Proctor::Contract::LiveMessage)

namespace {

const QUuid kSession = QUuid::fromString(QStringLiteral("7d3c2f1e-9b8a-4c6d-8e5f-1a2b3c4d5e6f"));
const QUuid kOther = QUuid::fromString(QStringLiteral("0b5c4f7e-6a1d-4c1b-9a43-2f4f1c0b9d11"));
const QByteArray kHash =
    QByteArray::fromHex("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");

// Field by field, so a failing row names what differs.
bool same(const LiveMessage &a, const LiveMessage &b, QString *why)
{
    if (a.index() != b.index()) {
        *why = QStringLiteral("type %1 became %2").arg(liveMessageType(a), liveMessageType(b));
        return false;
    }
    const auto check = [why](bool equal, const char *field) {
        if (!equal)
            *why = QString::fromLatin1(field);
        return equal;
    };
    if (const auto *x = std::get_if<SessionStarted>(&a)) {
        const auto &y = std::get<SessionStarted>(b);
        return check(x->sessionId == y.sessionId, "sessionId") && check(x->kind == y.kind, "kind") &&
               check(x->testId == y.testId, "testId");
    }
    if (const auto *x = std::get_if<EventsAppended>(&a)) {
        const auto &y = std::get<EventsAppended>(b);
        if (!check(x->sessions.size() == y.sessions.size(), "sessions"))
            return false;
        for (qsizetype i = 0; i < x->sessions.size(); ++i)
            if (!check(x->sessions[i].sessionId == y.sessions[i].sessionId, "sessions/i/sessionId") ||
                !check(x->sessions[i].count == y.sessions[i].count, "sessions/i/count") ||
                !check(x->sessions[i].types == y.sessions[i].types, "sessions/i/types"))
                return false;
        return true;
    }
    if (const auto *x = std::get_if<ResultSaved>(&a)) {
        const auto &y = std::get<ResultSaved>(b);
        return check(x->sessionId == y.sessionId, "sessionId") && check(x->score == y.score, "score") &&
               check(x->passed == y.passed, "passed");
    }
    if (const auto *x = std::get_if<ApiKeyRevoked>(&a)) {
        const auto &y = std::get<ApiKeyRevoked>(b);
        return check(x->id == y.id, "id") && check(x->hash == y.hash, "hash");
    }
    if (const auto *x = std::get_if<CandidateDeleted>(&a)) {
        const auto &y = std::get<CandidateDeleted>(b);
        return check(x->candidateId == y.candidateId, "candidateId") &&
               check(x->sessionIds == y.sessionIds, "sessionIds");
    }
    if (const auto *x = std::get_if<CertificateRevoked>(&a)) {
        const auto &y = std::get<CertificateRevoked>(b);
        return check(x->number == y.number, "number") && check(x->sessionId == y.sessionId, "sessionId");
    }
    if (const auto *x = std::get_if<ReviewDecided>(&a)) {
        const auto &y = std::get<ReviewDecided>(b);
        return check(x->sessionId == y.sessionId, "sessionId") && check(x->state == y.state, "state") &&
               check(x->previousState == y.previousState, "previousState");
    }
    if (const auto *x = std::get_if<RiskRaised>(&a)) {
        const auto &y = std::get<RiskRaised>(b);
        return check(x->sessionId == y.sessionId, "sessionId") && check(x->score == y.score, "score") &&
               check(x->level == y.level, "level") &&
               check(x->previousLevel == y.previousLevel, "previousLevel");
    }
    const auto &x = std::get<LoginThrottled>(a);
    const auto &y = std::get<LoginThrottled>(b);
    return check(x.email == y.email, "email") && check(x.address == y.address, "address") &&
           check(x.failures == y.failures, "failures") &&
           check(x.delaySeconds == y.delaySeconds, "delaySeconds");
}

// One message of every type (and the variants of each that change the encoding).
void addEveryMessage()
{
    QTest::addColumn<LiveMessage>("message");
    QTest::newRow("session_started test") << LiveMessage(SessionStarted{kSession, "test", "infosec-basics"});
    QTest::newRow("session_started study") << LiveMessage(SessionStarted{kSession, "study", "pd_152"});
    QTest::newRow("events_appended one session")
        << LiveMessage(EventsAppended{{AppendedEvents{kSession, 2, {"focus_loss", "print_attempt"}}}});
    QTest::newRow("events_appended two sessions, no types") << LiveMessage(
        EventsAppended{{AppendedEvents{kSession, 1, {}}, AppendedEvents{kOther, 500, {"test_finished"}}}});
    QTest::newRow("result_saved passed") << LiveMessage(ResultSaved{kSession, 90, true});
    QTest::newRow("result_saved fractional failed") << LiveMessage(ResultSaved{kSession, 66.5, false});
    QTest::newRow("apikey_revoked with id") << LiveMessage(ApiKeyRevoked{42, kHash});
    QTest::newRow("apikey_revoked id unknown") << LiveMessage(ApiKeyRevoked{0, kHash});
    QTest::newRow("candidate_deleted with sessions") << LiveMessage(CandidateDeleted{
        7, {kSession.toString(QUuid::WithoutBraces), kOther.toString(QUuid::WithoutBraces)}});
    QTest::newRow("candidate_deleted without sessions") << LiveMessage(CandidateDeleted{7, {}});
    QTest::newRow("login_throttled account")
        << LiveMessage(LoginThrottled{"boss@example.org", "203.0.113.7", 5, 8});
    QTest::newRow("login_throttled address only")
        << LiveMessage(LoginThrottled{{}, "2001:db8:1:2::/64", 40, 60});
    QTest::newRow("certificate_revoked") << LiveMessage(CertificateRevoked{"26/11-0007", kSession});
    QTest::newRow("review_decided") << LiveMessage(ReviewDecided{kSession, "violation", "unreviewed"});
    QTest::newRow("risk_raised") << LiveMessage(RiskRaised{kSession, 65, 2, 1});
}

QJsonObject encoded(const LiveMessage &message)
{
    return QJsonDocument::fromJson(encodeLiveMessage(message)).object();
}

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

class tst_LiveMessage : public QObject
{
    Q_OBJECT

private slots:
    void everyTypeIsCovered()
    {
        // The rows below cover every alternative of the variant, and the schema lists exactly these types.
        QCOMPARE(liveMessageTypes().size(), qsizetype(std::variant_size_v<LiveMessage>));
        QFile file(ContractValidator::resourcePath(Schema::LiveMessage));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
        QStringList inSchema;
        for (const QJsonValue branch : root.value("oneOf").toArray()) {
            const QString ref = branch.toObject().value("$ref").toString();
            const QJsonObject definition = root.value("definitions")
                                               .toObject()
                                               .value(ref.mid(QStringLiteral("#/definitions/").size()))
                                               .toObject();
            inSchema << definition.value("properties")
                            .toObject()
                            .value("type")
                            .toObject()
                            .value("const")
                            .toString();
            QCOMPARE(definition.value("additionalProperties"), QJsonValue(false));
        }
        QCOMPARE(inSchema, liveMessageTypes());
        // The decoder checks each message against its own type's shape only (better error pointers).
        QVERIFY(ContractValidator::shared().usesLiveMessageDispatch());
        // The publisher's split size is the schema's bound.
        QCOMPARE(root.value("definitions")
                     .toObject()
                     .value("events_appended")
                     .toObject()
                     .value("properties")
                     .toObject()
                     .value("sessions")
                     .toObject()
                     .value("maxItems")
                     .toInteger(),
                 EventsAppended::kMaxAppendedSessions);
    }

    void roundTrip_data() { addEveryMessage(); }
    void roundTrip()
    {
        QFETCH(LiveMessage, message);
        const QByteArray wire = encodeLiveMessage(message);
        QCOMPARE(QJsonDocument::fromJson(wire).object().value("type").toString(), liveMessageType(message));
        const auto back = decodeLiveMessage(wire);
        QVERIFY2(back.has_value(),
                 back ? "" : qPrintable(back.error().pointer + ": " + back.error().message));
        QString why;
        QVERIFY2(same(message, *back, &why), qPrintable(why));
        // Decoding and encoding again is stable: the wire form is canonical.
        QCOMPARE(encodeLiveMessage(*back), wire);
    }

    void schemaAcceptsEveryEncodedMessage_data() { addEveryMessage(); }
    void schemaAcceptsEveryEncodedMessage()
    {
        QFETCH(LiveMessage, message);
        const auto valid = ContractValidator::shared().validate(Schema::LiveMessage, encoded(message));
        QVERIFY2(valid.has_value(),
                 valid ? "" : qPrintable(valid.error().pointer + ": " + valid.error().message));
    }

    void largestEventsAppendedIsValid()
    {
        EventsAppended m;
        for (qsizetype i = 0; i < EventsAppended::kMaxAppendedSessions; ++i)
            m.sessions.append(AppendedEvents{QUuid::createUuid(), 3, {"focus_loss"}});
        QVERIFY(decodeLiveMessage(encodeLiveMessage(m)).has_value());
        m.sessions.append(AppendedEvents{QUuid::createUuid(), 3, {"focus_loss"}});
        const auto refused = decodeLiveMessage(encodeLiveMessage(m));
        QVERIFY(!refused);
        QCOMPARE(refused.error().pointer, QStringLiteral("/sessions"));
    }

    // What the transitional hand-built publishers send (the CLI's revocation has no id, the erasure route
    // lists no sessions) still decodes: the schema keeps those two fields optional.
    void optionalFieldsMayBeAbsent()
    {
        const auto revoked = decodeLiveMessage(
            json({{"type", "apikey_revoked"}, {"hash", QString::fromLatin1(kHash.toHex())}}));
        QVERIFY(revoked.has_value());
        QCOMPARE(std::get<ApiKeyRevoked>(*revoked).id, 0);
        QCOMPARE(std::get<ApiKeyRevoked>(*revoked).hash, kHash);
        const auto deleted = decodeLiveMessage(json({{"type", "candidate_deleted"}, {"candidateId", 3}}));
        QVERIFY(deleted.has_value());
        QCOMPARE(std::get<CandidateDeleted>(*deleted).candidateId, 3);
        QVERIFY(std::get<CandidateDeleted>(*deleted).sessionIds.isEmpty());
    }

    void refused_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<QString>("message");
        const QJsonObject started = encoded(SessionStarted{kSession, "test", "infosec-basics"});
        const QJsonObject saved = encoded(ResultSaved{kSession, 90, true});
        const QJsonObject appended = encoded(EventsAppended{{AppendedEvents{kSession, 2, {"focus_loss"}}}});
        const QJsonObject throttled = encoded(LoginThrottled{"a@example.org", "198.51.100.1", 5, 4});
        const int failed = int(ContractError::Code::ValidationFailed);
        const auto with = [](QJsonObject o, const char *key, const QJsonValue &value) {
            if (value.isUndefined())
                o.remove(QLatin1String(key));
            else
                o.insert(QLatin1String(key), value);
            return json(o);
        };

        QTest::newRow("not JSON") << QByteArray("{\"type\":") << int(ContractError::Code::BadJson)
                                  << QString() << QString();
        QTest::newRow("not an object") << QByteArray("[1]") << int(ContractError::Code::NotAnObject)
                                       << QString() << QStringLiteral("must be an object");
        QTest::newRow("unknown type") << with(saved, "type", "result_deleted") << failed << "/type"
                                      << "value is not one of the allowed values";
        QTest::newRow("type missing") << with(saved, "type", QJsonValue::Undefined) << failed << "/type"
                                      << "required field is missing";
        QTest::newRow("type not a string") << with(saved, "type", 3) << failed << "/type"
                                           << "wrong type";
        // The fault is named in the message's own shape, not in the first branch of the oneOf.
        QTest::newRow("extra field in result_saved") << with(saved, "extra", true) << failed << "/extra"
                                                     << "unknown field";
        QTest::newRow("extra field in login_throttled")
            << with(throttled, "password", "x") << failed << "/password"
            << "unknown field";
        QTest::newRow("bad uuid in session_started")
            << with(started, "sessionId", "not-a-uuid") << failed << "/sessionId" << QString();
        QTest::newRow("bad uuid in result_saved")
            << with(saved, "sessionId", "7d3c2f1e9b8a4c6d8e5f1a2b3c4d5e6f0000") << failed << "/sessionId"
            << "value has an invalid format";
        QJsonObject badSession = appended;
        QJsonArray sessions = badSession.value("sessions").toArray();
        QJsonObject first = sessions.at(0).toObject();
        first.insert("sessionId", "{7d3c2f1e-9b8a-4c6d-8e5f-1a2b3c4d5e}");
        sessions[0] = first;
        badSession.insert("sessions", sessions);
        QTest::newRow("bad uuid in events_appended") << json(badSession) << failed << "/sessions/0/sessionId"
                                                     << "value has an invalid format";
        QTest::newRow("missing field") << with(saved, "passed", QJsonValue::Undefined) << failed << "/passed"
                                       << "required field is missing";
        QTest::newRow("wrong field type") << with(saved, "score", "90") << failed << "/score"
                                          << "wrong type";
        QTest::newRow("score over 100") << with(saved, "score", 101) << failed << "/score" << QString();
        QTest::newRow("unknown kind") << with(started, "kind", "exam") << failed << "/kind"
                                      << "value is not one of the allowed values";
        QTest::newRow("empty events_appended")
            << with(appended, "sessions", QJsonArray{}) << failed << "/sessions" << QString();
        QTest::newRow("short hash") << json({{"type", "apikey_revoked"}, {"hash", "abcd"}}) << failed
                                    << "/hash" << QString();
        QTest::newRow("candidate id zero") << json({{"type", "candidate_deleted"}, {"candidateId", 0}})
                                           << failed << "/candidateId" << QString();
        QTest::newRow("certificate number malformed")
            << json({{"type", "certificate_revoked"},
                     {"number", "7"},
                     {"sessionId", kSession.toString(QUuid::WithoutBraces)}})
            << failed << "/number" << QString();
        QTest::newRow("review state unknown") << json({{"type", "review_decided"},
                                                       {"sessionId", kSession.toString(QUuid::WithoutBraces)},
                                                       {"state", "guilty"},
                                                       {"previousState", "unreviewed"}})
                                              << failed << "/state" << QString();
    }
    void refused()
    {
        QFETCH(QByteArray, payload);
        QFETCH(int, code);
        QFETCH(QString, pointer);
        QFETCH(QString, message);
        const auto decoded = decodeLiveMessage(payload);
        QVERIFY2(!decoded.has_value(), payload.constData());
        QCOMPARE(int(decoded.error().code), code);
        QCOMPARE(decoded.error().pointer, pointer);
        if (!message.isEmpty())
            QCOMPARE(decoded.error().message, message);
    }
};

QTEST_GUILESS_MAIN(tst_LiveMessage)
#include "tst_livemessage.moc"
