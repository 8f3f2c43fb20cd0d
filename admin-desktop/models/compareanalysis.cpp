// SPDX-License-Identifier: MIT
#include "models/compareanalysis.h"

#include <QLocale>
#include <QSet>

#include "app/plaintext.h"
#include "analysis/keystrokes.h"

namespace Proctor::Admin::Models {

QColor sessionColor(int index)
{
    static const QColor colors[] = {QColor(0x25, 0x63, 0xeb), QColor(0xdc, 0x26, 0x26),
                                    QColor(0x05, 0x96, 0x69), QColor(0xd9, 0x77, 0x06),
                                    QColor(0x64, 0x74, 0x8b), QColor(0x6d, 0x28, 0xd9)};
    return colors[index % 6];
}

QString ComparedSession::label() const
{
    const QString name = detail.candidate.shortName();
    return name.isEmpty() ? detail.sessionId.left(8) : name;
}

void CompareAnalysis::setSessions(const QList<ComparedSession> &sessions)
{
    m_sessions = sessions;
    m_prepared.clear();
    for (const ComparedSession &s : m_sessions)
        m_prepared.push_back(Analysis::prepareSession(s.telemetry.mouse));
}

const Analysis::PreparedTrajectory *CompareAnalysis::prepared(int session, const QString &questionId) const
{
    const std::string id = questionId.toStdString();
    for (const Analysis::PreparedTrajectory &p : m_prepared.at(static_cast<std::size_t>(session)))
        if (p.info.questionId == id && !p.series.empty())
            return &p;
    return nullptr;
}

QStringList CompareAnalysis::questionIds() const
{
    QStringList order;
    QHash<QString, int> seen;
    for (int s = 0; s < m_sessions.size(); ++s) {
        for (const Analysis::PreparedTrajectory &p : m_prepared.at(static_cast<std::size_t>(s))) {
            if (p.series.empty())
                continue;
            const QString id = QString::fromStdString(p.info.questionId);
            if (!seen.contains(id))
                order.append(id);
            ++seen[id];
        }
    }
    QStringList out;
    for (const QString &id : order)
        if (seen.value(id) >= 2 || m_sessions.size() == 1)
            out.append(id);
    return out;
}

OverlayData CompareAnalysis::overlay(const QString &questionId, Mode mode) const
{
    OverlayData out;
    out.questionId = questionId;
    QList<const Analysis::PreparedTrajectory *> used;
    for (int s = 0; s < m_sessions.size(); ++s) {
        const Analysis::PreparedTrajectory *p = prepared(s, questionId);
        if (!p)
            continue;
        OverlayTrajectory t;
        t.sessionId = m_sessions.at(s).detail.sessionId;
        t.label = m_sessions.at(s).label();
        t.color = sessionColor(s);
        t.info = p->info;
        t.points.reserve(p->series.size());
        for (std::size_t i = 0; i < p->series.size(); ++i)
            t.points.emplace_back(p->series.x[i], p->series.y[i]);
        out.trajectories.append(t);
        used.append(p);
    }
    for (int k = 1; k < used.size(); ++k) {
        const Dtw::Result r = mode == Mode::Exact ? Dtw::align(used.at(0)->series, used.at(k)->series)
                                                  : Dtw::approximate(used.at(0)->series, used.at(k)->series);
        OverlayAlignment a;
        a.a = 0;
        a.b = k;
        a.path = r.path;
        a.distance = r.distance;
        a.similarity = r.similarity;
        a.approximate = r.approximate;
        out.alignments.append(a);
    }
    return out;
}

QList<PairScore> CompareAnalysis::pairScores(const QString &questionId) const
{
    QList<PairScore> out;
    Analysis::KeystrokeOptions keyOptions;
    for (int a = 0; a < m_sessions.size(); ++a) {
        for (int b = a + 1; b < m_sessions.size(); ++b) {
            PairScore p;
            p.a = a;
            p.b = b;
            double sum = 0;
            for (const Analysis::PreparedTrajectory &pa : m_prepared.at(static_cast<std::size_t>(a))) {
                if (pa.series.empty())
                    continue;
                const QString id = QString::fromStdString(pa.info.questionId);
                const Analysis::PreparedTrajectory *pb = prepared(b, id);
                if (!pb)
                    continue;
                const Dtw::Result r = Dtw::compare(pa.series, pb->series);
                sum += r.similarity;
                ++p.questionsCompared;
                if (id == questionId)
                    p.questionSimilarity = r.similarity;
            }
            if (p.questionsCompared > 0)
                p.meanSimilarity = sum / p.questionsCompared;
            const Analysis::SameTypistScore typist = Analysis::sameTypist(
                m_sessions.at(a).telemetry.keystrokes, m_sessions.at(b).telemetry.keystrokes, keyOptions);
            if (typist.comparable)
                p.sameTypist = typist.score;
            out.append(p);
        }
    }
    return out;
}

QList<QList<QPointF>> CompareAnalysis::latencySeries(QStringList *questionLabels) const
{
    QList<QList<QPointF>> out;
    if (m_sessions.isEmpty())
        return out;
    // Questions are drawn per attempt, so sessions may share only some; the axis follows the first
    // session's order and the others are placed on the questions they have.
    QStringList order;
    for (const ComparedSession &s : m_sessions)
        for (const Api::Answer &a : s.detail.answers)
            if (!order.contains(a.questionId))
                order.append(a.questionId);
    if (questionLabels)
        *questionLabels = order;
    for (const ComparedSession &s : m_sessions) {
        QList<QPointF> series;
        QHash<QString, qint64> latency;
        for (const Api::Answer &a : s.detail.answers)
            latency.insert(a.questionId, a.latencyMs);
        for (const Api::QuestionTelemetry &q : s.telemetry.questions)
            if (!latency.contains(q.questionId) || latency.value(q.questionId) == 0)
                latency.insert(q.questionId, q.latencyMs);
        for (int i = 0; i < order.size(); ++i)
            if (latency.contains(order.at(i)))
                series.append(QPointF(i + 1, static_cast<double>(latency.value(order.at(i)))));
        out.append(series);
    }
    return out;
}

// ---- PairScoresModel ----

void PairScoresModel::setScores(const QList<PairScore> &scores, const QStringList &labels)
{
    beginResetModel();
    m_scores = scores;
    m_labels = labels;
    endResetModel();
}

int PairScoresModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_scores.size());
}

int PairScoresModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PairScoresModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PairScore &p = m_scores.at(index.row());
    auto value = [&]() -> double {
        switch (index.column()) {
        case QuestionSimilarity:
            return p.questionSimilarity;
        case MeanSimilarity:
            return p.meanSimilarity;
        case SameTypist:
            return p.sameTypist;
        }
        return -1;
    };
    switch (role) {
    case ValueRole:
        return value();
    case Qt::DisplayRole:
        switch (index.column()) {
        case SessionA:
            return m_labels.value(p.a);
        case SessionB:
            return m_labels.value(p.b);
        case MeanSimilarity:
            if (p.meanSimilarity < 0)
                return tr("n/a");
            return tr("%1 (%n question(s))", nullptr, p.questionsCompared)
                .arg(QLocale().toString(p.meanSimilarity, 'f', 1));
        default:
            return value() < 0 ? tr("n/a") : QLocale().toString(value(), 'f', 1);
        }
    case Qt::ForegroundRole:
        if (index.column() >= QuestionSimilarity && value() >= (index.column() == SameTypist ? 80 : 85))
            return QColor(0xdc, 0x26, 0x26);
        return {};
    case Qt::DecorationRole:
        if (index.column() == SessionA)
            return sessionColor(p.a);
        if (index.column() == SessionB)
            return sessionColor(p.b);
        return {};
    }
    return {};
}

QVariant PairScoresModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SessionA:
        return tr("Session A");
    case SessionB:
        return tr("Session B");
    case QuestionSimilarity:
        return tr("Mouse, this question");
    case MeanSimilarity:
        return tr("Mouse, mean");
    case SameTypist:
        return tr("Same typist");
    }
    return {};
}

// ---- FingerprintCompareModel ----

void FingerprintCompareModel::setSessions(const QList<ComparedSession> &sessions)
{
    beginResetModel();
    m_keys = {QStringLiteral("hash"),        QStringLiteral("userAgent"),
              QStringLiteral("platform"),    QStringLiteral("hardwareConcurrency"),
              QStringLiteral("webglVendor"), QStringLiteral("webglRenderer"),
              QStringLiteral("screen"),      QStringLiteral("timezone"),
              QStringLiteral("languages"),   QStringLiteral("clientIp")};
    m_labels.clear();
    m_values.clear();
    for (const QString &key : m_keys) {
        QStringList row;
        for (const ComparedSession &s : sessions) {
            if (key == QLatin1String("hash"))
                row.append(s.detail.fingerprintHash);
            else if (key == QLatin1String("clientIp"))
                row.append(s.detail.clientIp);
            else {
                const QJsonValue v = s.detail.fingerprintAttributes.value(key);
                if (v.isArray()) {
                    QStringList parts;
                    for (const QJsonValue &x : v.toArray())
                        parts.append(x.toVariant().toString());
                    row.append(parts.join(QStringLiteral(", ")));
                } else {
                    row.append(v.toVariant().toString());
                }
            }
        }
        m_values.append(row);
    }
    for (const ComparedSession &s : sessions)
        m_labels.append(s.label());
    endResetModel();
}

int FingerprintCompareModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_keys.size());
}

int FingerprintCompareModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_labels.size()) + 2;
}

bool FingerprintCompareModel::rowMatches(int row) const
{
    const QStringList &values = m_values.at(row);
    for (const QString &v : values)
        if (v != values.first())
            return false;
    return true;
}

QVariant FingerprintCompareModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int matchColumn = static_cast<int>(m_labels.size()) + 1;
    const bool match = rowMatches(index.row());
    switch (role) {
    case MatchRole:
        return match;
    case Qt::DisplayRole:
        if (index.column() == AttributeColumn)
            return m_keys.at(index.row());
        if (index.column() == matchColumn)
            return match ? tr("match") : tr("differs");
        {
            const QString v = m_values.at(index.row()).value(index.column() - 1);
            return m_keys.at(index.row()) == QLatin1String("hash") ? QStringLiteral("…") + v.right(12) : v;
        }
    case Qt::ToolTipRole:
        if (index.column() > AttributeColumn && index.column() < matchColumn)
            return plainToolTip(m_values.at(index.row()).value(index.column() - 1));
        return {};
    case Qt::ForegroundRole:
        if (index.column() == matchColumn)
            return match ? QColor(0xdc, 0x26, 0x26) : QColor(0x05, 0x96, 0x69);
        return {};
    }
    return {};
}

QVariant FingerprintCompareModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section == AttributeColumn)
        return tr("Attribute");
    if (section == m_labels.size() + 1)
        return tr("Same device?");
    return m_labels.value(section - 1);
}

// ---- KeystrokeCompareModel ----

void KeystrokeCompareModel::setSessions(const QList<ComparedSession> &sessions)
{
    beginResetModel();
    m_labels.clear();
    m_profiles.clear();
    m_features.clear();
    QHash<QString, int> seen;
    for (const ComparedSession &s : sessions) {
        m_labels.append(s.label());
        m_profiles.append(Analysis::KeystrokeProfile::fromSamples(
            Analysis::extractKeystrokeFeatures(s.telemetry.keystrokes)));
        for (const auto &[name, stats] : m_profiles.last().features)
            if (stats.count >= 2)
                ++seen[QString::fromStdString(name)];
    }
    // The three aggregates first, then the features every session has, most common first.
    for (const char *agg : {"dwell:*", "flight:*", "digraph:*"})
        m_features.append(QLatin1String(agg));
    QStringList shared;
    for (auto it = seen.begin(); it != seen.end(); ++it)
        if (it.value() == sessions.size() && !it.key().endsWith(QLatin1Char('*')))
            shared.append(it.key());
    std::sort(shared.begin(), shared.end());
    m_features.append(shared.mid(0, 40));
    endResetModel();
}

int KeystrokeCompareModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_features.size());
}

int KeystrokeCompareModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_labels.size()) + 1;
}

QVariant KeystrokeCompareModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QString feature = m_features.at(index.row());
    if (index.column() == FeatureColumn)
        return role == Qt::DisplayRole ? QVariant(feature) : QVariant();
    const auto &features = m_profiles.at(index.column() - 1).features;
    const auto it = features.find(feature.toStdString());
    if (it == features.end())
        return role == Qt::DisplayRole ? QVariant(QStringLiteral("—")) : QVariant();
    if (role == MeanRole)
        return it->second.mean;
    if (role == Qt::DisplayRole)
        return tr("%1 ± %2 ms (n=%3)")
            .arg(QLocale().toString(it->second.mean, 'f', 0),
                 QLocale().toString(it->second.meanAbsDeviation, 'f', 0))
            .arg(it->second.count);
    return {};
}

QVariant KeystrokeCompareModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    return section == FeatureColumn ? tr("Feature") : m_labels.value(section - 1);
}

} // namespace Proctor::Admin::Models
