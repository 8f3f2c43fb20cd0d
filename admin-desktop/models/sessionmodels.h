// SPDX-License-Identifier: MIT
// The models of one session's review: answers, the event timeline and the risk evidence.
#pragma once

#include <QAbstractTableModel>
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

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    Api::RiskReport m_report;
};

// Risk computed on the desktop from the events with the shared engine (offline, or a server without /risk);
// overtimeSeconds comes from the session detail (the server measures it).
Api::RiskReport localRisk(const QList<Api::EventItem> &events, int overtimeSeconds = 0);

} // namespace Proctor::Admin::Models
