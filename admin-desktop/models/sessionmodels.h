// SPDX-License-Identifier: MIT
// The models of one session's review: answers, the event timeline and the risk evidence.
#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>

#include "api/apitypes.h"

namespace Proctor::Admin::Models {

class AnswersModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Number,
        Question,
        Chosen,
        Correct,
        Result,
        Latency,
        Changes,
        ColumnCount
    };
    Q_ENUM(Column)
    enum Role
    {
        IsCorrectRole = Qt::UserRole + 1,
        LatencyMsRole,
        QuestionIdRole
    };

    using QAbstractTableModel::QAbstractTableModel;
    void setAnswers(const QList<Api::Answer> &answers);
    const QList<Api::Answer> &answers() const { return m_answers; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Api::Answer> m_answers;
};

class TimelineModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Time,
        Offset,
        Type,
        Details,
        Flags,
        ColumnCount
    };
    Q_ENUM(Column)
    enum Role
    {
        EventIdRole = Qt::UserRole + 1,
        TypeRole,
        OffsetMsRole,    // ms since the first event (qint64)
        TimestampRole,   // QDateTime
        AfterFinishRole, // bool
        GapBeforeMsRole, // ms since the previous event
        CategoryRole,    // int, EventTypes::Category
        ViolationRole,   // bool
        HighlightRole,   // bool: evidence of the selected risk factor
        QuestionNumberRole,
    };

    using QAbstractTableModel::QAbstractTableModel;
    void setEvents(const QList<Api::EventItem> &events);
    const QList<Api::EventItem> &events() const { return m_events; }
    void setHighlighted(const QStringList &eventIds);
    int rowOfEvent(const QString &eventId) const;
    qint64 spanMs() const; // first to last event
    qint64 offsetMs(int row) const { return m_offsets.value(row); }
    // Gaps between consecutive events longer than this are marked on the timeline.
    static constexpr qint64 kGapMs = 60'000;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString detailsText(int row) const;

    QList<Api::EventItem> m_events;
    QList<qint64> m_offsets;
    QList<int> m_questionNumbers;
    QSet<QString> m_highlighted;
};

class RiskFactorsModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Reason,
        Points,
        Observed,
        Threshold,
        Evidence,
        ColumnCount
    };
    Q_ENUM(Column)
    enum Role
    {
        EventIdsRole = Qt::UserRole + 1,
        RelatedSessionsRole,
        ReasonKeyRole
    };

    using QAbstractTableModel::QAbstractTableModel;
    void setReport(const Api::RiskReport &report);
    const Api::RiskReport &report() const { return m_report; }
    // "Candidate, date" of the other sessions the factors name (filled in as their details arrive).
    void setSessionLabel(const QString &sessionId, const QString &label);
    QString sessionLabel(const QString &sessionId) const;
    // Every session id any factor names (matched and related), in order, without repeats.
    QStringList relatedSessionIds() const;

    // A factor's observed value or threshold in the user's locale with its unit ("3", "1 min 05 s",
    // "93.2 of 100", "450 ms"); never E-notation.
    static QString formatValue(const QString &reason, double value);
    // How often a match this close happens by chance: "1 in 12 000" (`p` per comparison).
    static QString formatChance(double p);
    // A duration in milliseconds: "450 ms", "9.5 s", "2 min 05 s", "1 h 02 min".
    static QString formatDuration(double ms);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    Api::RiskReport m_report;
    QHash<QString, QString> m_sessionLabels;
};

// Risk computed on the desktop from the events with the shared engine (offline, or a server without /risk);
// overtimeSeconds comes from the session detail (the server measures it).
Api::RiskReport localRisk(const QList<Api::EventItem> &events, int overtimeSeconds = 0);

} // namespace Proctor::Admin::Models
