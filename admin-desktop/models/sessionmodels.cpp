// SPDX-License-Identifier: MIT
#include "models/sessionmodels.h"

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

QVariant RiskFactorsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Api::RiskFactor &f = m_report.factors.at(index.row());
    switch (role) {
    case EventIdsRole:
        return f.eventIds;
    case RelatedSessionsRole:
        return f.relatedSessionIds;
    case ReasonKeyRole:
        return f.reason;
    case Qt::DisplayRole:
        switch (index.column()) {
        case Reason:
            return Api::riskReasonText(f.reason);
        case Points:
            return QStringLiteral("+%1").arg(f.points, 0, 'f', 0);
        case Observed:
            return QLocale().toString(f.observed, 'g', 4);
        case Threshold:
            return QLocale().toString(f.threshold, 'g', 4);
        case Evidence:
            if (!f.relatedSessionIds.isEmpty())
                return tr("%n event(s), %1 other session(s)", nullptr, static_cast<int>(f.eventIds.size()))
                    .arg(f.relatedSessionIds.size());
            return tr("%n event(s)", nullptr, static_cast<int>(f.eventIds.size()));
        }
        return {};
    case Qt::ToolTipRole:
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
        r.factors.append(out);
    }
    return r;
}

} // namespace Proctor::Admin::Models
