// SPDX-License-Identifier: MIT
#include "fakeserver.h"

#include <cmath>

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QTcpSocket>
#include <QUrlQuery>

namespace Proctor::Testing {

QString FakeRequest::queryValue(const QString &key) const
{
    return QUrlQuery(query).queryItemValue(key, QUrl::FullyDecoded);
}

FakeResponse FakeResponse::json(const QJsonDocument &doc, int status)
{
    return {status, doc.toJson(QJsonDocument::Compact), {}};
}

FakeResponse FakeResponse::error(int status, const QString &code, const QString &message)
{
    return json(QJsonDocument(QJsonObject{{"error", QJsonObject{{"code", code}, {"message", message}}}}),
                status);
}

FakeServer::FakeServer(QObject *parent) : QTcpServer(parent)
{
    connect(this, &QTcpServer::newConnection, this, &FakeServer::onConnection);
    listen(QHostAddress::LocalHost, 0);
}

void FakeServer::route(const QByteArray &method, const QString &path, Handler handler)
{
    m_routes.prepend({{method, path}, std::move(handler)}); // later routes win
}

FakeResponse FakeServer::dispatch(const FakeRequest &r)
{
    for (const auto &[key, handler] : m_routes) {
        if (key.first != r.method)
            continue;
        const QString &p = key.second;
        if (p == r.path || (p.endsWith(QLatin1Char('*')) && r.path.startsWith(p.chopped(1))))
            return handler(r);
    }
    return FakeResponse::error(404, QStringLiteral("not_found"));
}

void FakeServer::onConnection()
{
    while (QTcpSocket *socket = nextPendingConnection()) {
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
            buffer->append(socket->readAll());
            if (buffer->startsWith('\x16')) {
                // A TLS ClientHello on this plain-HTTP port: answer in clear text, the client's handshake
                // fails.
                socket->write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
                socket->disconnectFromHost();
                return;
            }
            for (;;) {
                const qsizetype headerEnd = buffer->indexOf("\r\n\r\n");
                if (headerEnd < 0)
                    return;
                const QList<QByteArray> lines = buffer->left(headerEnd).split('\n');
                FakeRequest r;
                const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
                r.method = first.value(0);
                const QString target = QString::fromUtf8(first.value(1));
                r.path = target.section(QLatin1Char('?'), 0, 0);
                r.query = target.section(QLatin1Char('?'), 1);
                for (int i = 1; i < lines.size(); ++i) {
                    const qsizetype colon = lines[i].indexOf(':');
                    if (colon > 0)
                        r.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                         lines[i].mid(colon + 1).trimmed());
                }
                const int length = r.headers.value("content-length").toInt();
                if (buffer->size() < headerEnd + 4 + length)
                    return;
                r.body = buffer->mid(headerEnd + 4, length);
                buffer->remove(0, headerEnd + 4 + length);
                m_requests.append(r);
                const FakeResponse resp = dispatch(r);
                QByteArray out = "HTTP/1.1 " + QByteArray::number(resp.status) +
                                 " X\r\nContent-Type: application/json\r\nContent-Length: " +
                                 QByteArray::number(resp.body.size()) + "\r\n";
                for (const auto &[k, v] : resp.headers)
                    out += k + ": " + v + "\r\n";
                out += "\r\n" + resp.body;
                socket->write(out);
            }
        });
    }
}

// ---- data ----

namespace {
const char *const kLast[] = {"Иванов", "Петрова", "Сидоров",  "Кузнецова", "Смирнов",
                             "Попова", "Волков",  "Морозова", "Лебедев",   "Козлова"};
const char *const kFirst[] = {"Иван",  "Анна",    "Пётр",  "Мария",  "Алексей",
                              "Елена", "Дмитрий", "Ольга", "Сергей", "Наталья"};
const char *const kGrades[] = {"excellent", "good", "satisfactory", "unsatisfactory", "poor"};
QString iso(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}
QDateTime base()
{
    return QDateTime(QDate(2026, 11, 20), QTime(9, 0), Qt::UTC);
}
} // namespace

QString FakeData::sessionId(int i)
{
    return QStringLiteral("00000000-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0'));
}

QJsonObject FakeData::resultItem(int i)
{
    const int score = 40 + (i * 37) % 61;
    const QString level = i % 7 == 0 ? "high" : (i % 3 == 0 ? "medium" : "low");
    const QDateTime started = base().addSecs(-i * 3600);
    const int grade = score >= 90 ? 0 : score >= 80 ? 1 : score >= 70 ? 2 : score >= 60 ? 3 : 4;
    return QJsonObject{
        {"sessionId", sessionId(i)},
        {"testId", i % 2 ? "infosec-basics" : "personal-data"},
        {"testTitle", i % 2 ? "Information security basics" : "Personal data protection"},
        {"candidate", QJsonObject{{"id", QString::number(1000 + i % 40)},
                                  {"lastName", kLast[i % 10]},
                                  {"firstName", kFirst[i % 10]},
                                  {"middleName", "Андреевич"},
                                  {"position", i % 2 ? "Engineer" : "Accountant"}}},
        {"startedAt", iso(started)},
        {"finishedAt", iso(started.addSecs(600 + i * 7 % 900))},
        {"durationSeconds", 600 + i * 7 % 900},
        {"score", score},
        {"passed", score >= 80},
        {"grade", QJsonObject{{"number", 5 - grade}, {"key", kGrades[grade]}}},
        {"certificateNumber",
         score >= 80 ? QStringLiteral("26/11-%1").arg(i, 4, 10, QLatin1Char('0')) : QString()},
        {"fingerprintHash",
         QString(60, QLatin1Char('a')) + QStringLiteral("%1").arg(i % 12, 4, 16, QLatin1Char('0'))},
        {"risk", QJsonObject{{"score", level == "high"     ? 70
                                       : level == "medium" ? 35
                                                           : 5},
                             {"level", level}}},
        {"violations", QJsonObject{{"focus_loss", i % 6}, {"print_attempt", i % 7 == 0 ? 1 : 0}}}};
}

QJsonArray FakeData::events(const QString &sessionId)
{
    QJsonArray out;
    QDateTime t = base();
    int seq = 0;
    auto add = [&](const QString &type, const QJsonObject &details, int afterMs, bool after = false) {
        t = t.addMSecs(afterMs);
        out.append(QJsonObject{{"eventId", QStringLiteral("%1-e%2").arg(sessionId.right(4)).arg(seq)},
                               {"seq", seq++},
                               {"type", type},
                               {"clientTs", iso(t)},
                               {"receivedAt", iso(t.addMSecs(120))},
                               {"details", details},
                               {"afterFinish", after}});
    };
    add("test_started", {{"questionCount", 10}}, 0);
    for (int q = 0; q < 10; ++q) {
        add("question_shown", {{"questionId", QStringLiteral("q%1").arg(q + 1)}, {"index", q}}, 1500);
        add("answer_changed",
            {{"questionId", QStringLiteral("q%1").arg(q + 1)},
             {"from", QJsonArray{}},
             {"to", QJsonArray{"a"}}},
            8000 + q * 900);
        if (q == 2 || q == 5 || q == 6) {
            add("focus_loss", {}, 2000);
            add("focus_gain", {{"durationMs", 14000}}, 14000);
        }
        if (q == 4)
            add("copy_attempt", {{"questionId", "q5"}}, 1200);
        if (q == 7)
            add("print_attempt", {{"method", "shortcut"}}, 900);
        if (q == 8)
            add("visibility_hidden", {}, 70000);
        if (q == 8)
            add("visibility_visible", {{"durationMs", 95000}}, 95000);
    }
    add("test_finished", {{"answered", 10}, {"total", 10}}, 3000);
    add("screenshot_attempt", {{"key", "PrintScreen"}, {"method", "keyup"}}, 4000, true);
    add("focus_loss", {}, 2000, true);
    return out;
}

QJsonObject FakeData::risk(const QJsonArray &events)
{
    QJsonArray focus, print, after;
    for (const QJsonValue &v : events) {
        const QJsonObject e = v.toObject();
        const QString type = e.value("type").toString();
        if (type == "focus_loss")
            focus.append(e.value("eventId"));
        if (type == "print_attempt" || type == "screenshot_attempt")
            print.append(e.value("eventId"));
        if (e.value("afterFinish").toBool() || type == "test_finished")
            after.append(e.value("eventId"));
    }
    return QJsonObject{{"score", 65},
                       {"level", "high"},
                       {"factors", QJsonArray{QJsonObject{{"reason", "risk.print_attempts"},
                                                          {"points", 35},
                                                          {"observed", 2},
                                                          {"threshold", 0},
                                                          {"eventIds", print},
                                                          {"relatedSessionIds", QJsonArray{}}},
                                              QJsonObject{{"reason", "risk.events_after_finish"},
                                                          {"points", 30},
                                                          {"observed", 1},
                                                          {"threshold", 0},
                                                          {"eventIds", after},
                                                          {"relatedSessionIds", QJsonArray{}}},
                                              QJsonObject{{"reason", "risk.mouse_similarity"},
                                                          {"points", 0},
                                                          {"observed", 91.5},
                                                          {"threshold", 85},
                                                          {"eventIds", QJsonArray{}},
                                                          {"relatedSessionIds", QJsonArray{sessionId(2)}}},
                                              QJsonObject{{"reason", "risk.focus_losses"},
                                                          {"points", 0},
                                                          {"observed", focus.size()},
                                                          {"threshold", 5},
                                                          {"eventIds", focus},
                                                          {"relatedSessionIds", QJsonArray{}}}}}};
}

QJsonObject FakeData::sessionDetail(const QString &id, int variant)
{
    QJsonObject r = resultItem(variant);
    QJsonArray answers;
    for (int q = 0; q < 10; ++q) {
        const bool correct = (q + variant) % 4 != 0;
        answers.append(QJsonObject{
            {"questionId", QStringLiteral("q%1").arg(q + 1)},
            {"text", QStringLiteral("Question %1: which measure protects the data best?").arg(q + 1)},
            {"options", QJsonArray{QJsonObject{{"id", "a"}, {"text", "Encryption"}},
                                   QJsonObject{{"id", "b"}, {"text", "A sticky note"}}}},
            {"chosen", QJsonArray{correct ? "a" : "b"}},
            {"correct", QJsonArray{"a"}},
            {"isCorrect", correct},
            {"latencyMs", 6000 + ((q * 7919 + variant * 104729) % 20000)},
            {"answerChanges", q % 3}});
    }
    return QJsonObject{
        {"sessionId", id},
        {"kind", "test"},
        {"status", "finished"},
        {"test",
         QJsonObject{{"id", r.value("testId")}, {"title", r.value("testTitle")}, {"passThreshold", 80}}},
        {"candidate", r.value("candidate")},
        {"startedAt", r.value("startedAt")},
        {"finishedAt", r.value("finishedAt")},
        {"durationSeconds", r.value("durationSeconds")},
        {"timeLimitSeconds", 1800},
        {"overtimeSeconds", variant == 7 ? 95 : 0}, // session 7: stored 95 s after the limit
        {"score", r.value("score")},
        {"correct", 7},
        {"total", 10},
        {"passed", r.value("passed")},
        {"grade", r.value("grade")},
        {"certificate", r.value("passed").toBool()
                            ? QJsonValue(QJsonObject{{"number", r.value("certificateNumber")},
                                                     {"issuedAt", r.value("finishedAt")}})
                            : QJsonValue()},
        {"fingerprint",
         QJsonObject{{"hash", r.value("fingerprintHash")},
                     {"attributes",
                      QJsonObject{{"userAgent", variant % 2 ? "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"
                                                            : "Mozilla/5.0 (Windows NT 10.0) Chrome/131.0"},
                                  {"platform", variant % 2 ? "Linux x86_64" : "Win32"},
                                  {"hardwareConcurrency", 8},
                                  {"webglVendor", "Intel"},
                                  {"webglRenderer", "Mesa Intel UHD 620"},
                                  {"screen", "1920x1080x24"},
                                  {"timezone", "Europe/Moscow"},
                                  {"languages", QJsonArray{"ru-RU", "en-US"}}}}}},
        {"clientIp", QStringLiteral("10.0.0.%1").arg(10 + variant)},
        {"userAgent", "Mozilla/5.0"},
        {"answers", answers},
        {"violations", r.value("violations")},
        {"eventCount", 40}};
}

QJsonObject FakeData::telemetry(int variant)
{
    QJsonArray mouse;
    for (int q = 1; q <= 4; ++q) {
        QJsonArray points;
        // A curved sweep towards the answer button; variants differ by a wobble and a scale.
        for (int k = 0; k <= 80; ++k) {
            const double s = k / 80.0;
            const double x = 200 + 600 * s + (variant % 3) * 25 * std::sin(s * 9 + q);
            const double y =
                500 - 300 * s * s + 40 * std::sin(s * 3.1 * q) + (variant % 2) * 18 * std::cos(s * 13);
            points.append(QJsonArray{x, y, k * 16});
        }
        mouse.append(QJsonObject{{"questionId", QStringLiteral("q%1").arg(q)}, {"points", points}});
    }
    QJsonArray keys;
    const char *codes[] = {"KeyI", "KeyV", "KeyA", "KeyN", "KeyO", "KeyV"};
    double t = 1000;
    for (int rep = 0; rep < 6; ++rep)
        for (int c = 0; c < 6; ++c) {
            const double dwell = 80 + variant * 9 + (c * 13) % 30;
            keys.append(QJsonObject{{"code", codes[c]}, {"downMs", t}, {"upMs", t + dwell}});
            t += 140 + variant * 25 + (c * 31) % 50;
        }
    return QJsonObject{
        {"questions", QJsonArray{}}, {"mouse", mouse},
        {"keystrokes", keys},        {"focusLossCount", 3},
        {"blurMs", 42000},           {"viewport", QJsonObject{{"width", 1280}, {"height", 800}}}};
}

QJsonObject FakeData::dashboard()
{
    QJsonArray perDay;
    for (int d = 0; d < 30; ++d)
        perDay.append(QJsonObject{{"date", QDate(2026, 10, 22).addDays(d).toString(Qt::ISODate)},
                                  {"completed", 5 + (d * 7) % 13},
                                  {"passed", qMin(5 + (d * 7) % 13, 3 + (d * 5) % 7)}});
    return QJsonObject{
        {"completed", QJsonObject{{"value", 312}, {"change", 12.5}}},
        {"averageScore", QJsonObject{{"value", 78.4}, {"change", -2.1}}},
        {"anomalies", QJsonObject{{"value", 27}, {"change", 8.0}}},
        {"uniqueCandidates", QJsonObject{{"value", 241}, {"change", 4.3}}},
        {"passRate", QJsonObject{{"value", 64.1}, {"change", 1.2}}},
        {"perDay", perDay},
        {"grades",
         QJsonObject{
             {"excellent", 61}, {"good", 139}, {"satisfactory", 58}, {"unsatisfactory", 31}, {"poor", 23}}},
        {"violationsByType", QJsonObject{{"focus_loss", 190},
                                         {"print_attempt", 12},
                                         {"screenshot_attempt", 9},
                                         {"copy_attempt", 33},
                                         {"fullscreen_exit", 17}}},
        {"topCandidatesByAnomalies",
         QJsonArray{QJsonObject{{"candidateId", "1001"}, {"name", "Петрова А."}, {"anomalies", 9}}}}};
}

void FakeData::install(FakeServer &server, int results)
{
    server.route("POST", "/api/v1/auth/login", [](const FakeRequest &r) {
        const QJsonObject body = QJsonDocument::fromJson(r.body).object();
        if (body.value("password").toString() != "correct horse")
            return FakeResponse::error(401, "invalid_credentials", "wrong email or password");
        return FakeResponse::json(
            QJsonDocument(QJsonObject{{"token", "tok-123"},
                                      {"expiresAt", "2030-01-01T00:00:00Z"},
                                      {"admin", QJsonObject{{"id", 1},
                                                            {"email", body.value("email")},
                                                            {"role", "admin"},
                                                            {"displayName", "Demo Admin"}}}}));
    });
    server.route("GET", "/api/v1/auth/me", [](const FakeRequest &r) {
        if (r.headers.value("authorization") != "Bearer tok-123")
            return FakeResponse::error(401, "expired_token", "token expired");
        return FakeResponse::json(QJsonDocument(QJsonObject{
            {"id", 1}, {"email", "admin@example.org"}, {"role", "admin"}, {"displayName", "Demo Admin"}}));
    });
    server.route("GET", "/api/v1/results", [results](const FakeRequest &r) {
        const int limit =
            qBound(1, r.queryValue("limit").isEmpty() ? 50 : r.queryValue("limit").toInt(), 500);
        const int start = r.queryValue("cursor").toInt();
        const QString q = r.queryValue("q");
        QJsonArray items;
        int i = start;
        for (; i < results && items.size() < limit; ++i) {
            const QJsonObject item = resultItem(i);
            if (!q.isEmpty() && !item.value("candidate")
                                     .toObject()
                                     .value("lastName")
                                     .toString()
                                     .contains(q, Qt::CaseInsensitive))
                continue;
            if (!r.queryValue("risk").isEmpty() &&
                item.value("risk").toObject().value("level").toString() != r.queryValue("risk"))
                continue;
            items.append(item);
        }
        return FakeResponse::json(QJsonDocument(QJsonObject{
            {"items", items}, {"nextCursor", i < results ? QJsonValue(QString::number(i)) : QJsonValue()}}));
    });
    server.route("GET", "/api/v1/sessions/*", [](const FakeRequest &r) {
        const QStringList parts = r.path.split('/'); // "", api, v1, sessions, id, [sub]
        const QString id = parts.value(4);
        const int variant = id.right(4).toInt();
        const QString sub = parts.value(5);
        if (id == "abandoned") {
            // Like the collector: one kind per request, "test" when none is named.
            const QString kind =
                r.queryValue("kind").isEmpty() ? QStringLiteral("test") : r.queryValue("kind");
            QJsonArray items;
            for (int i = 0; i < 12; ++i)
                if ((i % 3 ? QStringLiteral("test") : QStringLiteral("study")) == kind)
                    items.append(QJsonObject{{"sessionId", sessionId(500 + i)},
                                             {"kind", i % 3 ? "test" : "study"},
                                             {"testId", "infosec-basics"},
                                             {"candidate", resultItem(i).value("candidate")},
                                             {"startedAt", iso(base().addSecs(-i * 5000))},
                                             {"lastEventAt", iso(base().addSecs(-i * 5000 + 300))},
                                             {"eventCount", 5 + i},
                                             {"violations", QJsonObject{{"focus_loss", i % 4},
                                                                        {"screenshot_attempt", i % 5 == 0},
                                                                        {"print_attempt", i % 6 == 0}}}});
            return FakeResponse::json(
                QJsonDocument(QJsonObject{{"items", items}, {"nextCursor", QJsonValue()}}));
        }
        if (sub == "events")
            return FakeResponse::json(
                QJsonDocument(QJsonObject{{"items", events(id)}, {"nextCursor", QJsonValue()}}));
        if (sub == "telemetry")
            return FakeResponse::json(QJsonDocument(telemetry(variant)));
        if (sub == "risk")
            return FakeResponse::json(QJsonDocument(risk(events(id))));
        return FakeResponse::json(QJsonDocument(sessionDetail(id, variant)));
    });
    server.route("GET", "/api/v1/dashboard",
                 [](const FakeRequest &) { return FakeResponse::json(QJsonDocument(dashboard())); });
    server.route("GET", "/api/v1/certificates", [](const FakeRequest &) {
        QJsonArray items;
        for (int i = 1; i <= 25; ++i)
            items.append(QJsonObject{
                {"number", QStringLiteral("26/11-%1").arg(i, 4, 10, QLatin1Char('0'))},
                {"holderName", QStringLiteral("%1 %2.").arg(kLast[i % 10], QString(kFirst[i % 10]).left(1))},
                {"position", "Engineer"},
                {"testId", "infosec-basics"},
                {"testTitle", "Information security basics"},
                {"score", 80 + i % 20},
                {"issuedAt", iso(base().addDays(-i))},
                {"sessionId", sessionId(i)},
                {"revoked", i == 4}});
        return FakeResponse::json(QJsonDocument(QJsonObject{{"items", items}, {"nextCursor", QJsonValue()}}));
    });
    server.route("GET", "/api/v1/fingerprints/groups", [](const FakeRequest &) {
        QJsonArray groups;
        for (int g = 0; g < 6; ++g)
            groups.append(QJsonObject{{"hash", QString(60, QLatin1Char('a')) +
                                                   QStringLiteral("%1").arg(g, 4, 16, QLatin1Char('0'))},
                                      {"sessionCount", 2 + g},
                                      {"candidates", QJsonArray{resultItem(g).value("candidate"),
                                                                resultItem(g + 1).value("candidate")}},
                                      {"flags", g < 3 ? QJsonArray{"several_candidates"} : QJsonArray{}}});
        return FakeResponse::json(QJsonDocument(QJsonObject{
            {"groups", groups},
            {"multiDeviceCandidates",
             QJsonArray{QJsonObject{{"candidate", resultItem(3).value("candidate")},
                                    {"hashes", QJsonArray{QString(64, 'b'), QString(64, 'c')}}}}}}));
    });
    server.route("POST", "/api/v1/analysis/mouse/similar", [](const FakeRequest &) {
        QJsonArray matches;
        for (int i = 1; i <= 8; ++i)
            matches.append(QJsonObject{{"sessionId", sessionId(i)},
                                       {"questionId", QStringLiteral("q%1").arg(1 + i % 4)},
                                       {"distance", 0.01 * i},
                                       {"similarity", 100 * std::exp(-0.01 * i * 10)},
                                       {"candidate", resultItem(i).value("candidate")}});
        return FakeResponse::json(QJsonDocument(QJsonObject{
            {"matches", matches}, {"stats", QJsonObject{{"candidates", 230}, {"prunedByLbKeogh", 214}}}}));
    });
    server.route("POST", "/api/v1/analysis/mouse", [](const FakeRequest &) {
        return FakeResponse::json(QJsonDocument(QJsonObject{
            {"questions",
             QJsonArray{QJsonObject{{"questionId", "q1"}, {"distance", 0.5}, {"similarity", 88.2}}}}}));
    });
    server.route("GET", "/api/v1/apikeys", [](const FakeRequest &) {
        return FakeResponse::json(
            QJsonDocument(QJsonArray{QJsonObject{{"id", 1},
                                                 {"name", "candidate page"},
                                                 {"prefix", "pk_3f9a"},
                                                 {"scopes", QJsonArray{"tests:read", "sessions:write"}},
                                                 {"createdAt", iso(base().addDays(-40))},
                                                 {"revokedAt", QJsonValue()},
                                                 {"usageCount", 48211},
                                                 {"lastUsedAt", iso(base())}},
                                     QJsonObject{{"id", 2},
                                                 {"name", "old page"},
                                                 {"prefix", "pk_11c0"},
                                                 {"scopes", QJsonArray{"tests:read"}},
                                                 {"createdAt", iso(base().addDays(-90))},
                                                 {"revokedAt", iso(base().addDays(-30))},
                                                 {"usageCount", 1200},
                                                 {"lastUsedAt", iso(base().addDays(-31))}}}));
    });
    server.route("POST", "/api/v1/apikeys", [](const FakeRequest &) {
        return FakeResponse::json(QJsonDocument(QJsonObject{{"id", 3},
                                                            {"key", "pk_new_secret_key"},
                                                            {"prefix", "pk_new_"},
                                                            {"scopes", QJsonArray{"tests:read"}}}),
                                  201);
    });
    server.route("DELETE", "/api/v1/apikeys/*", [](const FakeRequest &) {
        return FakeResponse{204, {}, {}};
    });
    server.route("GET", "/api/v1/admins", [](const FakeRequest &) {
        return FakeResponse::json(QJsonDocument(QJsonArray{QJsonObject{{"id", 1},
                                                                       {"email", "admin@example.org"},
                                                                       {"role", "admin"},
                                                                       {"displayName", "Demo Admin"},
                                                                       {"disabled", false}},
                                                           QJsonObject{{"id", 2},
                                                                       {"email", "proctor@example.org"},
                                                                       {"role", "proctor"},
                                                                       {"displayName", "Proctor One"},
                                                                       {"disabled", false}}}));
    });
    server.route("GET", "/api/v1/settings/certificate", [](const FakeRequest &) {
        return FakeResponse::json(QJsonDocument(QJsonObject{
            {"organisationName", "ООО «Пример»"},
            {"addressLine", "Москва"},
            {"contacts", "+7 495 000-00-00"},
            {"signatories", QJsonArray{QJsonObject{{"title", "Директор"}, {"name", "Иванов И. И."}}}}}));
    });
    server.route("GET", "/api/v1/audit", [](const FakeRequest &) {
        QJsonArray items;
        for (int i = 0; i < 15; ++i)
            items.append(QJsonObject{{"id", i},
                                     {"actor", "admin@example.org"},
                                     {"action", i % 2 ? "login" : "apikey.create"},
                                     {"target", QStringLiteral("key %1").arg(i)},
                                     {"details", QJsonObject{{"name", "page"}}},
                                     {"clientIp", "127.0.0.1"},
                                     {"createdAt", iso(base().addSecs(-i * 700))}});
        return FakeResponse::json(QJsonDocument(QJsonObject{{"items", items}, {"nextCursor", QJsonValue()}}));
    });
    server.route("DELETE", "/api/v1/candidates/*", [](const FakeRequest &) {
        return FakeResponse::json(QJsonDocument(QJsonObject{
            {"deleted", QJsonObject{{"sessions", 2}, {"events", 80}, {"telemetry", 2}, {"certificates", 1}}},
            {"auditId", 99}}));
    });
    server.route("GET", "/api/v1/search", [](const FakeRequest &) {
        return FakeResponse::json(QJsonDocument(QJsonObject{{"candidates", QJsonArray{}},
                                                            {"sessions", QJsonArray{resultItem(1)}},
                                                            {"certificates", QJsonArray{}}}));
    });
}

} // namespace Proctor::Testing
