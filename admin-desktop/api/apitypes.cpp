// SPDX-License-Identifier: MIT
#include "api/apitypes.h"

#include <QCoreApplication>

namespace Proctor::Admin::Api {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Proctor::Admin::Api", text);
}
QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}
} // namespace

QDateTime parseTime(const QJsonValue &value)
{
    if (!value.isString())
        return {};
    QDateTime t = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(value.toString(), Qt::ISODate);
    return t;
}

QMap<QString, int> parseCounts(const QJsonValue &value)
{
    QMap<QString, int> out;
    const QJsonObject o = value.toObject();
    for (auto it = o.begin(); it != o.end(); ++it)
        out.insert(it.key(), it.value().toInt());
    return out;
}

QString Candidate::fullName() const
{
    QStringList parts{lastName, firstName, middleName};
    parts.removeAll(QString());
    return parts.join(QLatin1Char(' '));
}

QString Candidate::shortName() const
{
    QString s = lastName;
    if (!firstName.isEmpty())
        s += QLatin1Char(' ') + firstName.left(1) + QLatin1Char('.');
    if (!middleName.isEmpty())
        s += QLatin1Char(' ') + middleName.left(1) + QLatin1Char('.');
    return s;
}

Candidate Candidate::fromJson(const QJsonObject &o)
{
    Candidate c;
    c.id = o.value(QLatin1String("id")).toVariant().toString();
    c.lastName = str(o, "lastName");
    c.firstName = str(o, "firstName");
    c.middleName = str(o, "middleName");
    c.position = str(o, "position");
    c.email = str(o, "email");
    return c;
}

AdminAccount AdminAccount::fromJson(const QJsonObject &o)
{
    return {o.value(QLatin1String("id")).toVariant().toString(), str(o, "email"), str(o, "role"),
            str(o, "displayName")};
}

int ResultRow::violationTotal() const
{
    int n = 0;
    for (int v : violations)
        n += v;
    return n;
}

ResultRow ResultRow::fromJson(const QJsonObject &o)
{
    ResultRow r;
    r.sessionId = str(o, "sessionId");
    r.testId = str(o, "testId");
    r.testTitle = str(o, "testTitle");
    r.candidate = Candidate::fromJson(o.value(QLatin1String("candidate")).toObject());
    r.startedAt = parseTime(o.value(QLatin1String("startedAt")));
    r.finishedAt = parseTime(o.value(QLatin1String("finishedAt")));
    r.durationSeconds = o.value(QLatin1String("durationSeconds")).toInt();
    r.score = o.value(QLatin1String("score")).toDouble();
    r.passed = o.value(QLatin1String("passed")).toBool();
    const QJsonObject grade = o.value(QLatin1String("grade")).toObject();
    r.gradeNumber = grade.value(QLatin1String("number")).toInt();
    r.gradeKey = str(grade, "key");
    r.certificateNumber = str(o, "certificateNumber");
    r.fingerprintHash = str(o, "fingerprintHash");
    const QJsonObject risk = o.value(QLatin1String("risk")).toObject();
    r.riskScore = risk.value(QLatin1String("score")).toDouble();
    r.riskLevel = str(risk, "level");
    r.violations = parseCounts(o.value(QLatin1String("violations")));
    const QString review = str(o.value(QLatin1String("review")).toObject(), "state");
    if (!review.isEmpty())
        r.reviewState = review;
    return r;
}

SessionDetail SessionDetail::fromJson(const QJsonObject &o)
{
    SessionDetail s;
    s.sessionId = str(o, "sessionId");
    s.kind = str(o, "kind");
    s.status = str(o, "status");
    const QJsonObject test = o.value(QLatin1String("test")).toObject();
    s.testId = str(test, "id");
    s.testTitle = str(test, "title");
    s.passThreshold = test.value(QLatin1String("passThreshold")).toDouble();
    s.candidate = Candidate::fromJson(o.value(QLatin1String("candidate")).toObject());
    s.startedAt = parseTime(o.value(QLatin1String("startedAt")));
    s.finishedAt = parseTime(o.value(QLatin1String("finishedAt")));
    s.durationSeconds = o.value(QLatin1String("durationSeconds")).toInt();
    s.timeLimitSeconds = o.value(QLatin1String("timeLimitSeconds")).toInt();
    s.overtimeSeconds = o.value(QLatin1String("overtimeSeconds")).toInt();
    s.score = o.value(QLatin1String("score")).toDouble();
    s.correct = o.value(QLatin1String("correct")).toInt();
    s.total = o.value(QLatin1String("total")).toInt();
    s.passed = o.value(QLatin1String("passed")).toBool();
    const QJsonObject grade = o.value(QLatin1String("grade")).toObject();
    s.gradeNumber = grade.value(QLatin1String("number")).toInt();
    s.gradeKey = str(grade, "key");
    const QJsonObject cert = o.value(QLatin1String("certificate")).toObject();
    s.certificateNumber = str(cert, "number");
    s.certificateIssuedAt = parseTime(cert.value(QLatin1String("issuedAt")));
    const QJsonObject fp = o.value(QLatin1String("fingerprint")).toObject();
    s.fingerprintHash = str(fp, "hash");
    s.fingerprintAttributes = fp.value(QLatin1String("attributes")).toObject();
    s.clientIp = str(o, "clientIp");
    s.userAgent = str(o, "userAgent");
    for (const QJsonValue &v : o.value(QLatin1String("answers")).toArray()) {
        const QJsonObject a = v.toObject();
        Answer ans;
        ans.questionId = str(a, "questionId");
        ans.text = str(a, "text");
        for (const QJsonValue &opt : a.value(QLatin1String("options")).toArray())
            ans.options.append({str(opt.toObject(), "id"), str(opt.toObject(), "text")});
        for (const QJsonValue &c : a.value(QLatin1String("chosen")).toArray())
            ans.chosen.append(c.toString());
        for (const QJsonValue &c : a.value(QLatin1String("correct")).toArray())
            ans.correct.append(c.toString());
        ans.isCorrect = a.value(QLatin1String("isCorrect")).toBool();
        ans.latencyMs = a.value(QLatin1String("latencyMs")).toInteger();
        ans.answerChanges = a.value(QLatin1String("answerChanges")).toInt();
        s.answers.append(ans);
    }
    s.violations = parseCounts(o.value(QLatin1String("violations")));
    s.eventCount = o.value(QLatin1String("eventCount")).toInt();
    return s;
}

EventItem EventItem::fromJson(const QJsonObject &o)
{
    EventItem e;
    e.eventId = str(o, "eventId");
    e.seq = o.value(QLatin1String("seq")).toInteger();
    e.type = str(o, "type");
    e.clientTs = parseTime(o.value(QLatin1String("clientTs")));
    e.receivedAt = parseTime(o.value(QLatin1String("receivedAt")));
    e.details = o.value(QLatin1String("details")).toObject();
    e.afterFinish = o.value(QLatin1String("afterFinish")).toBool();
    return e;
}

QStringList Telemetry::mouseQuestionIds() const
{
    QStringList ids;
    for (const auto &seg : mouse) {
        const QString id = QString::fromStdString(seg.questionId);
        if (!ids.contains(id))
            ids.append(id);
    }
    return ids;
}

Telemetry Telemetry::fromJson(const QJsonObject &o)
{
    Telemetry t;
    for (const QJsonValue &v : o.value(QLatin1String("questions")).toArray()) {
        const QJsonObject q = v.toObject();
        t.questions.append({str(q, "questionId"), q.value(QLatin1String("latencyMs")).toInteger(),
                            q.value(QLatin1String("answerChanges")).toInt()});
    }
    for (const QJsonValue &v : o.value(QLatin1String("mouse")).toArray()) {
        const QJsonObject m = v.toObject();
        Analysis::QuestionTrajectory seg;
        seg.questionId = str(m, "questionId").toStdString();
        const QJsonArray points = m.value(QLatin1String("points")).toArray();
        seg.points.reserve(static_cast<std::size_t>(points.size()));
        for (const QJsonValue &p : points) {
            const QJsonArray xyz = p.toArray();
            if (xyz.size() >= 3)
                seg.points.push_back({xyz[0].toDouble(), xyz[1].toDouble(), xyz[2].toDouble()});
        }
        t.mouse.push_back(std::move(seg));
    }
    for (const QJsonValue &v : o.value(QLatin1String("keystrokes")).toArray()) {
        const QJsonObject k = v.toObject();
        t.keystrokes.push_back({str(k, "code").toStdString(), k.value(QLatin1String("downMs")).toDouble(),
                                k.value(QLatin1String("upMs")).toDouble()});
    }
    t.focusLossCount = o.value(QLatin1String("focusLossCount")).toInt();
    t.blurMs = o.value(QLatin1String("blurMs")).toInteger();
    const QJsonObject vp = o.value(QLatin1String("viewport")).toObject();
    t.viewportWidth = vp.value(QLatin1String("width")).toInt();
    t.viewportHeight = vp.value(QLatin1String("height")).toInt();
    return t;
}

RiskReport RiskReport::fromJson(const QJsonObject &o)
{
    RiskReport r;
    r.score = o.value(QLatin1String("score")).toDouble();
    r.level = str(o, "level");
    for (const QJsonValue &v : o.value(QLatin1String("factors")).toArray()) {
        const QJsonObject f = v.toObject();
        RiskFactor factor;
        factor.reason = str(f, "reason");
        factor.points = f.value(QLatin1String("points")).toDouble();
        factor.observed = f.value(QLatin1String("observed")).toDouble();
        factor.threshold = f.value(QLatin1String("threshold")).toDouble();
        for (const QJsonValue &id : f.value(QLatin1String("eventIds")).toArray())
            factor.eventIds.append(id.toString());
        for (const QJsonValue &id : f.value(QLatin1String("relatedSessionIds")).toArray())
            factor.relatedSessionIds.append(id.toString());
        factor.matchedSessionId = str(f, "matchedSessionId");
        if (f.value(QLatin1String("chancePerComparison")).isDouble())
            factor.chancePerComparison = f.value(QLatin1String("chancePerComparison")).toDouble();
        factor.comparisons = f.value(QLatin1String("comparisons")).toInteger();
        factor.notEnoughData = f.value(QLatin1String("notEnoughData")).toBool();
        r.factors.append(factor);
    }
    return r;
}

namespace {
StatValue stat(const QJsonObject &o, const char *key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    StatValue s;
    if (v.isObject()) {
        s.value = v.toObject().value(QLatin1String("value")).toDouble();
        const QJsonValue change = v.toObject().value(QLatin1String("change"));
        if (change.isDouble())
            s.change = change.toDouble();
    } else {
        s.value = v.toDouble();
    }
    return s;
}
} // namespace

Dashboard Dashboard::fromJson(const QJsonObject &o)
{
    Dashboard d;
    d.completed = stat(o, "completed");
    d.averageScore = stat(o, "averageScore");
    d.anomalies = stat(o, "anomalies");
    d.uniqueCandidates = stat(o, "uniqueCandidates");
    d.passRate = stat(o, "passRate");
    for (const QJsonValue &v : o.value(QLatin1String("perDay")).toArray()) {
        const QJsonObject p = v.toObject();
        d.perDay.append({QDate::fromString(str(p, "date"), Qt::ISODate),
                         p.value(QLatin1String("completed")).toInt(),
                         p.value(QLatin1String("passed")).toInt()});
    }
    d.grades = parseCounts(o.value(QLatin1String("grades")));
    d.violationsByType = parseCounts(o.value(QLatin1String("violationsByType")));
    for (const QJsonValue &v : o.value(QLatin1String("topCandidatesByAnomalies")).toArray()) {
        const QJsonObject p = v.toObject();
        d.topCandidatesByAnomalies.append({p.value(QLatin1String("candidateId")).toVariant().toString(),
                                           str(p, "name"), p.value(QLatin1String("anomalies")).toInt()});
    }
    return d;
}

QString riskReasonText(const QString &reasonKey)
{
    static const QMap<QString, const char *> texts{
        {QStringLiteral("risk.focus_losses"), QT_TRANSLATE_NOOP("Proctor::Admin::Api", "Many focus losses")},
        {QStringLiteral("risk.blur_time"),
         QT_TRANSLATE_NOOP("Proctor::Admin::Api", "Long time away from the test")},
        {QStringLiteral("risk.print_attempts"),
         QT_TRANSLATE_NOOP("Proctor::Admin::Api", "Print or screenshot attempts")},
        {QStringLiteral("risk.mouse_similarity"),
         QT_TRANSLATE_NOOP("Proctor::Admin::Api", "Mouse movements match another session")},
        {QStringLiteral("risk.same_typist"),
         QT_TRANSLATE_NOOP("Proctor::Admin::Api", "Typing rhythm matches another session")},
        {QStringLiteral("risk.events_after_finish"),
         QT_TRANSLATE_NOOP("Proctor::Admin::Api", "Activity after the test was finished")},
        {QStringLiteral("risk.clipboard"),
         QT_TRANSLATE_NOOP("Proctor::Admin::Api", "Copy, cut or paste attempts")},
        {QStringLiteral("risk.fullscreen_exit"),
         QT_TRANSLATE_NOOP("Proctor::Admin::Api", "Left full screen")},
        {QStringLiteral("risk.overtime"),
         QT_TRANSLATE_NOOP("Proctor::Admin::Api", "Result stored after the time limit")},
        {QStringLiteral("risk.fast_high_score"),
         QT_TRANSLATE_NOOP("Proctor::Admin::Api", "High score without study, very fast")},
        {QStringLiteral("risk.answer_speed"),
         QT_TRANSLATE_NOOP("Proctor::Admin::Api", "Correct answers faster than reading")},
        {QStringLiteral("risk.fast_attempt"),
         QT_TRANSLATE_NOOP("Proctor::Admin::Api", "Attempt faster than reading the questions")},
        {QStringLiteral("risk.attempt_burst"),
         QT_TRANSLATE_NOOP("Proctor::Admin::Api", "Burst of short attempts from one address, device or page key")},
    };
    const auto it = texts.find(reasonKey);
    return it == texts.end() ? reasonKey : tr(it.value());
}

QString riskLevelText(const QString &level)
{
    if (level == QLatin1String("low"))
        return tr("Low");
    if (level == QLatin1String("medium"))
        return tr("Medium");
    if (level == QLatin1String("high"))
        return tr("High");
    return level;
}

QString reviewStateText(const QString &state)
{
    if (state == QLatin1String("unreviewed"))
        return tr("Unreviewed");
    if (state == QLatin1String("cleared"))
        return tr("Cleared");
    if (state == QLatin1String("violation"))
        return tr("Violation");
    if (state == QLatin1String("second_look"))
        return tr("Second look");
    return state;
}

QString gradeText(const QString &gradeKey)
{
    if (gradeKey == QLatin1String("excellent"))
        return tr("Excellent");
    if (gradeKey == QLatin1String("good"))
        return tr("Good");
    if (gradeKey == QLatin1String("satisfactory"))
        return tr("Satisfactory");
    if (gradeKey == QLatin1String("unsatisfactory"))
        return tr("Unsatisfactory");
    if (gradeKey == QLatin1String("poor"))
        return tr("Poor");
    return gradeKey;
}

} // namespace Proctor::Admin::Api
