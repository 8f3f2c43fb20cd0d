// SPDX-License-Identifier: MIT
#include "models/sessionmodels.h"

#include <cmath>

#include <QColor>
#include <QLocale>

#include "app/plaintext.h"
#include "analysis/riskscore.h"
#include "app/eventtypes.h"

namespace Proctor::Admin::Models {

// ---- AnswersModel ----

void AnswersModel::setAnswers(const QList<Api::Answer> &answers)
{
    beginResetModel();
    m_answers = answers;
    endResetModel();
}

int AnswersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_answers.size());
}

int AnswersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

namespace {
QString optionTexts(const Api::Answer &a, const QStringList &ids)
{
    QStringList out;
    for (const QString &id : ids) {
        QString text = id;
        for (const Api::AnswerOption &o : a.options)
            if (o.id == id)
                text = QStringLiteral("%1) %2").arg(id, o.text);
        out.append(text);
    }
    return out.join(QStringLiteral("; "));
}
} // namespace

QVariant AnswersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Api::Answer &a = m_answers.at(index.row());
    switch (role) {
    case IsCorrectRole:
        return a.isCorrect;
    case LatencyMsRole:
        return a.latencyMs;
    case QuestionIdRole:
        return a.questionId;
    case Qt::DisplayRole:
        switch (index.column()) {
        case Number:
            return index.row() + 1;
        case Question:
            return a.text.isEmpty() ? a.questionId : a.text;
        case Chosen:
            return a.chosen.isEmpty() ? tr("(no answer)") : optionTexts(a, a.chosen);
        case Correct:
            return optionTexts(a, a.correct);
        case Result:
            return a.isCorrect ? tr("correct") : tr("wrong");
        case Latency:
            return QLocale().toString(a.latencyMs / 1000.0, 'f', 1) + tr(" s");
        case Changes:
            return a.answerChanges;
        }
        return {};
    case Qt::ForegroundRole:
        if (index.column() == Result)
            return a.isCorrect ? QColor(0x05, 0x96, 0x69) : QColor(0xdc, 0x26, 0x26);
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Question)
            return plainToolTip(a.text);
        return {};
    }
    return {};
}

QVariant AnswersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Number:
        return tr("#");
    case Question:
        return tr("Question");
    case Chosen:
        return tr("Chosen");
    case Correct:
        return tr("Correct answer");
    case Result:
        return tr("Result");
    case Latency:
        return tr("Time");
    case Changes:
        return tr("Changes");
    }
    return {};
}

// ---- TimelineModel ----

namespace {
QDateTime eventTime(const Api::EventItem &e)
{
    return e.clientTs.isValid() ? e.clientTs : e.receivedAt;
}
} // namespace

void TimelineModel::setEvents(const QList<Api::EventItem> &events)
{
    beginResetModel();
    m_events = events;
    std::stable_sort(m_events.begin(), m_events.end(),
                     [](const Api::EventItem &a, const Api::EventItem &b) { return a.seq < b.seq; });
    m_offsets.clear();
    m_questionNumbers.clear();
    const QDateTime first = m_events.isEmpty() ? QDateTime() : eventTime(m_events.first());
    int question = 0;
    qint64 last = 0;
    for (const Api::EventItem &e : m_events) {
        if (e.type == QLatin1String("question_shown"))
            question = e.details.value(QStringLiteral("index")).toInt() + 1;
        // Client clocks can step backwards; the timeline never does.
        const qint64 off = qMax(last, first.msecsTo(eventTime(e)));
        m_offsets.append(off);
        last = off;
        m_questionNumbers.append(question);
    }
    endResetModel();
}

void TimelineModel::setHighlighted(const QStringList &eventIds)
{
    m_highlighted = QSet<QString>(eventIds.begin(), eventIds.end());
    if (!m_events.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1),
                         {HighlightRole, Qt::BackgroundRole});
}

int TimelineModel::rowOfEvent(const QString &eventId) const
{
    for (int i = 0; i < m_events.size(); ++i)
        if (m_events.at(i).eventId == eventId)
            return i;
    return -1;
}

qint64 TimelineModel::spanMs() const
{
    return m_offsets.isEmpty() ? 0 : m_offsets.last();
}

int TimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_events.size());
}

int TimelineModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString TimelineModel::detailsText(int row) const
{
    const Api::EventItem &e = m_events.at(row);
    QStringList parts;
    const QJsonObject &d = e.details;
    if (d.contains(QStringLiteral("durationMs")))
        parts.append(
            tr("away %1 s")
                .arg(QLocale().toString(d.value(QStringLiteral("durationMs")).toDouble() / 1000.0, 'f', 1)));
    if (e.type == QLatin1String("question_shown"))
        parts.append(tr("question %1 (%2)")
                         .arg(d.value(QStringLiteral("index")).toInt() + 1)
                         .arg(d.value(QStringLiteral("questionId")).toString()));
    else if (d.contains(QStringLiteral("questionId")))
        parts.append(tr("question %1").arg(d.value(QStringLiteral("questionId")).toString()));
    else if (EventTypes::isViolation(e.type) && m_questionNumbers.value(row) > 0)
        parts.append(tr("on question %1").arg(m_questionNumbers.value(row)));
    if (e.type == QLatin1String("answer_changed")) {
        QStringList from, to;
        for (const QJsonValue &v : d.value(QStringLiteral("from")).toArray())
            from.append(v.toString());
        for (const QJsonValue &v : d.value(QStringLiteral("to")).toArray())
            to.append(v.toString());
        parts.append(QStringLiteral("%1 → %2").arg(from.join(QLatin1Char(',')), to.join(QLatin1Char(','))));
    }
    if (d.value(QStringLiteral("reason")) == QLatin1String("time_up"))
        parts.append(tr("the time ran out"));
    else if (d.value(QStringLiteral("reason")) == QLatin1String("submitted"))
        parts.append(tr("submitted by the candidate"));
    for (const char *key :
         {"method", "key", "moduleId", "percent", "answered", "total", "questionCount", "seconds"})
        if (d.contains(QLatin1String(key)))
            parts.append(QStringLiteral("%1: %2").arg(QLatin1String(key),
                                                      d.value(QLatin1String(key)).toVariant().toString()));
    return parts.join(QStringLiteral(", "));
}

QVariant TimelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const Api::EventItem &e = m_events.at(row);
    const qint64 gap = row == 0 ? 0 : m_offsets.at(row) - m_offsets.at(row - 1);
    switch (role) {
    case EventIdRole:
        return e.eventId;
    case TypeRole:
        return e.type;
    case OffsetMsRole:
        return m_offsets.at(row);
    case TimestampRole:
        return eventTime(e);
    case AfterFinishRole:
        return e.afterFinish;
    case GapBeforeMsRole:
        return gap;
    case CategoryRole:
        return static_cast<int>(EventTypes::category(e.type));
    case ViolationRole:
        return EventTypes::isViolation(e.type);
    case HighlightRole:
        return m_highlighted.contains(e.eventId);
    case QuestionNumberRole:
        return m_questionNumbers.at(row);
    case Qt::DisplayRole:
        switch (index.column()) {
        case Time:
            return QLocale().toString(eventTime(e).toLocalTime().time(), QStringLiteral("HH:mm:ss.zzz"));
        case Offset:
            return row == 0 ? QStringLiteral("0 s")
                            : QStringLiteral("+%1 s").arg(QLocale().toString(gap / 1000.0, 'f', 1));
        case Type:
            return EventTypes::label(e.type);
        case Details:
            return detailsText(row);
        case Flags: {
            QStringList flags;
            if (e.afterFinish)
                flags.append(tr("after finish"));
            if (gap >= kGapMs)
                flags.append(tr("gap"));
            return flags.join(QStringLiteral(", "));
        }
        }
        return {};
    case Qt::ForegroundRole:
        if (e.afterFinish || (index.column() == Type && EventTypes::isViolation(e.type)))
            return QColor(0xdc, 0x26, 0x26);
        return {};
    case Qt::BackgroundRole:
        if (m_highlighted.contains(e.eventId))
            return QColor(0xfd, 0xe6, 0x8a);
        return {};
    case Qt::ToolTipRole:
        return QStringLiteral("%1 #%2 %3").arg(e.type).arg(e.seq).arg(e.eventId);
    }
    return {};
}

QVariant TimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time:
        return tr("Time");
    case Offset:
        return tr("Since previous");
    case Type:
        return tr("Event");
    case Details:
        return tr("Details");
    case Flags:
        return tr("Marks");
    }
    return {};
}

// ---- RiskFactorsModel ----

void RiskFactorsModel::setReport(const Api::RiskReport &report)
{
    beginResetModel();
    m_report = report;
    endResetModel();
}

int RiskFactorsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_report.factors.size());
}

int RiskFactorsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void RiskFactorsModel::setSessionLabel(const QString &sessionId, const QString &label)
{
    m_sessionLabels.insert(sessionId, label);
    if (!m_report.factors.isEmpty())
        emit dataChanged(index(0, Evidence), index(rowCount() - 1, Evidence));
}

QString RiskFactorsModel::sessionLabel(const QString &sessionId) const
{
    // Until its details arrive a session is named by the start of its id.
    return m_sessionLabels.value(sessionId, tr("session %1…").arg(sessionId.left(8)));
}

QStringList RiskFactorsModel::relatedSessionIds() const
{
    QStringList ids;
    for (const Api::RiskFactor &f : m_report.factors) {
        if (!f.matchedSessionId.isEmpty() && !ids.contains(f.matchedSessionId))
            ids.append(f.matchedSessionId);
        for (const QString &id : f.relatedSessionIds)
            if (!ids.contains(id))
                ids.append(id);
    }
    return ids;
}

QString RiskFactorsModel::formatDuration(double ms)
{
    const QLocale locale;
    if (ms < 1000)
        return tr("%1 ms").arg(locale.toString(qRound64(ms)));
    if (ms < 60'000)
        return tr("%1 s").arg(locale.toString(ms / 1000.0, 'f', ms < 10'000 ? 1 : 0));
    const qint64 seconds = qRound64(ms / 1000.0);
    if (seconds < 3600)
        return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    const qint64 minutes = qRound64(seconds / 60.0);
    return tr("%1 h %2 min").arg(locale.toString(minutes / 60)).arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

QString RiskFactorsModel::formatChance(double p)
{
    if (p >= 1.0)
        return tr("every time");
    if (p <= 0.0)
        return tr("practically never");
    // Two significant digits are all the estimate is worth: "1 in 12 000", not "1 in 12 345.678".
    double odds = 1.0 / p;
    if (odds >= 100) {
        const double magnitude = std::pow(10.0, std::floor(std::log10(odds)) - 1);
        odds = std::round(odds / magnitude) * magnitude;
    }
    return tr("1 in %1").arg(QLocale().toString(qRound64(odds)));
}

QString RiskFactorsModel::formatValue(const QString &reason, double value)
{
    const QLocale locale;
    if (reason == QLatin1String("risk.blur_time") || reason == QLatin1String("risk.fast_attempt"))
        return formatDuration(value);
    if (reason == QLatin1String("risk.overtime") || reason == QLatin1String("risk.fast_high_score"))
        return formatDuration(value * 1000.0);
    if (reason == QLatin1String("risk.mouse_similarity") || reason == QLatin1String("risk.same_typist"))
        return tr("%1 of 100").arg(locale.toString(value, 'f', 1));
    // Counts (focus losses, attempts, events, answers).
    return locale.toString(qRound64(value));
}

QVariant RiskFactorsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Api::RiskFactor &f = m_report.factors.at(index.row());
    switch (role) {
    case EventIdsRole:
        return f.eventIds;
    case RelatedSessionsRole: {
        QStringList ids = f.relatedSessionIds;
        if (!f.matchedSessionId.isEmpty() && !ids.contains(f.matchedSessionId))
            ids.prepend(f.matchedSessionId);
        return ids;
    }
    case ReasonKeyRole:
        return f.reason;
    case Qt::DisplayRole:
        switch (index.column()) {
        case Reason:
            return Api::riskReasonText(f.reason);
        case Points:
            return QStringLiteral("+%1").arg(QLocale().toString(f.points, 'f', 0));
        case Observed:
            return formatValue(f.reason, f.observed);
        case Threshold:
            return formatValue(f.reason, f.threshold);
        case Evidence: {
            if (f.notEnoughData)
                return tr("not enough data to compare");
            QStringList parts;
            if (!f.matchedSessionId.isEmpty())
                parts << tr("closest: %1").arg(sessionLabel(f.matchedSessionId));
            if (f.chancePerComparison >= 0 && f.comparisons > 0)
                parts << tr("by chance %1 per comparison (%n comparison(s))", nullptr,
                            static_cast<int>(f.comparisons))
                             .arg(formatChance(f.chancePerComparison));
            if (!f.relatedSessionIds.isEmpty() && f.matchedSessionId.isEmpty()) {
                // Named, not counted: the first two by candidate and date, the rest in the list below.
                QStringList names;
                for (const QString &id : f.relatedSessionIds.mid(0, 2))
                    names << sessionLabel(id);
                const int more = static_cast<int>(f.relatedSessionIds.size()) - 2;
                const QString joined = names.join(QStringLiteral("; "));
                parts << tr("related: %1")
                             .arg(more > 0 ? tr("%1 and %n more", nullptr, more).arg(joined) : joined);
            }
            if (!f.eventIds.isEmpty() || parts.isEmpty())
                parts.prepend(tr("%n event(s)", nullptr, static_cast<int>(f.eventIds.size())));
            return parts.join(QStringLiteral("; "));
        }
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Evidence && !f.relatedSessionIds.isEmpty()) {
            QStringList names;
            for (const QString &id : f.relatedSessionIds)
                names << sessionLabel(id);
            return tr("Related sessions: %1").arg(names.join(QStringLiteral(", ")));
        }
        return tr("Select to highlight the evidence on the timeline");
    }
    return {};
}

QVariant RiskFactorsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Reason:
        return tr("Reason");
    case Points:
        return tr("Points");
    case Observed:
        return tr("Observed");
    case Threshold:
        return tr("Threshold");
    case Evidence:
        return tr("Evidence");
    }
    return {};
}

Api::RiskReport localRisk(const QList<Api::EventItem> &events, int overtimeSeconds)
{
    Analysis::RiskInput input;
    input.overtimeSeconds = overtimeSeconds;
    for (const Api::EventItem &e : events) {
        Analysis::RiskEvent re;
        re.eventId = e.eventId.toStdString();
        re.type = e.type.toStdString();
        re.clientTsMs = (e.clientTs.isValid() ? e.clientTs : e.receivedAt).toMSecsSinceEpoch();
        for (auto it = e.details.begin(); it != e.details.end(); ++it)
            re.details.emplace(it.key().toStdString(), it.value().toVariant().toString().toStdString());
        input.events.push_back(std::move(re));
    }
    const Analysis::RiskAssessment a = Analysis::assessRisk(input);
    Api::RiskReport r;
    r.score = a.score;
    r.level = QString::fromLatin1(Analysis::riskLevelName(a.level));
    r.computedLocally = true;
    for (const Analysis::RiskFactor &f : a.factors) {
        Api::RiskFactor out;
        out.reason = QString::fromStdString(f.reasonKey);
        out.points = f.points;
        out.observed = f.observed;
        out.threshold = f.threshold;
        for (const std::string &id : f.eventIds)
            out.eventIds.append(QString::fromStdString(id));
        for (const std::string &id : f.relatedSessionIds)
            out.relatedSessionIds.append(QString::fromStdString(id));
        if (f.comparisons > 0 || f.notEnoughData) {
            out.matchedSessionId = QString::fromStdString(f.matchedSessionId);
            out.chancePerComparison = f.chancePerComparison;
            out.comparisons = static_cast<qint64>(f.comparisons);
            out.notEnoughData = f.notEnoughData;
        }
        r.factors.append(out);
    }
    return r;
}

} // namespace Proctor::Admin::Models
