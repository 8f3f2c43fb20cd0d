// SPDX-License-Identifier: MIT
#include "views/risksettingsdialog.h"

#include <utility>

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

#include "api/apiclient.h"
#include "api/apitypes.h"

namespace Proctor::Admin::Views {

namespace {

enum class Unit
{
    Points,       // 0..100 added to the score
    Count,        // whole number of events or attempts
    Seconds,      // stored as seconds
    MsAsSeconds,  // stored as milliseconds, edited as seconds
    Milliseconds, // stored and edited as milliseconds
    Percent,      // 0..100
    FractionAsPercent,
    Similarity, // 0..100 score
};

struct Setting
{
    const char *pointer;
    const char *label;
    Unit unit;
    double min; // in the server's unit
    double max;
};

// The server's limits (collector/services/risksettings.cpp), so the fields refuse what it would.
const Setting kWeights[] = {
    {"/weights/focusLossPoints",
     QT_TRANSLATE_NOOP("Proctor::Admin::Views::RiskSettingsDialog", "Too many focus losses"), Unit::Points, 0,
     100},
    {"/weights/blurPoints",
     QT_TRANSLATE_NOOP("Proctor::Admin::Views::RiskSettingsDialog", "Too long away from the test"),
     Unit::Points, 0, 100},
    {"/weights/printPoints",
     QT_TRANSLATE_NOOP("Proctor::Admin::Views::RiskSettingsDialog", "Print or screenshot attempts"),
     Unit::Points, 0, 100},
    {"/weights/clipboardPoints",
     QT_TRANSLATE_NOOP("Proctor::Admin::Views::RiskSettingsDialog", "Copy, cut or paste attempts"),
     Unit::Points, 0, 100},
    {"/weights/fullscreenExitPoints",
     QT_TRANSLATE_NOOP("Proctor::Admin::Views::RiskSettingsDialog", "Full screen left"), Unit::Points, 0,
     100},
    {"/weights/afterFinishPoints",
     QT_TRANSLATE_NOOP("Proctor::Admin::Views::RiskSettingsDialog", "Events after the finish"), Unit::Points,
     0, 100},
    {"/weights/overtimePoints",
     QT_TRANSLATE_NOOP("Proctor::Admin::Views::RiskSettingsDialog", "Over the time limit"), Unit::Points, 0,
     100},
    {"/weights/mouseSimilarityPoints",
     QT_TRANSLATE_NOOP("Proctor::Admin::Views::RiskSettingsDialog",
                       "Mouse movements like another candidate's"),
     Unit::Points, 0, 100},
    {"/weights/sameTypistPoints",
     QT_TRANSLATE_NOOP("Proctor::Admin::Views::RiskSettingsDialog", "Typing like another candidate"),
     Unit::Points, 0, 100},
    {"/weights/fastHighScorePoints",
     QT_TRANSLATE_NOOP("Proctor::Admin::Views::RiskSettingsDialog", "High score without study, very fast"),
     Unit::Points, 0, 100},
    {"/weights/answerSpeedPoints",
     QT_TRANSLATE_NOOP("Proctor::Admin::Views::RiskSettingsDialog", "Correct answers faster than reading"),
     Unit::Points, 0, 100},
    {"/weights/fastAttemptPoints",
     QT_TRANSLATE_NOOP("Proctor::Admin::Views::RiskSettingsDialog", "Attempt faster than reading"),
     Unit::Points, 0, 100},
    {"/weights/attemptBurstPoints",
     QT_TRANSLATE_NOOP("Proctor::Admin::Views::RiskSettingsDialog", "Burst of short attempts"), Unit::Points,
     0, 100},
};
const Setting kThresholds[] = {
    {"/thresholds/mediumFrom",
     QT_TRANSLATE_NOOP("Proctor::Admin::Views::RiskSettingsDialog", "Medium risk from"), Unit::Points, 1,
     100},
    {"/thresholds/highFrom", QT_TRANSLATE_NOOP("Proctor::Admin::Views::RiskSettingsDialog", "High risk from"),
     Unit::Points, 1, 100},
    {"/thresholds/maxFocusLosses",
     QT_TRANSLATE_NOOP("Proctor::Admin::Views::RiskSettingsDialog", "Focus losses allowed"), Unit::Count, 0,
     10000},
    {"/thresholds/maxBlurMs",
     QT_TRANSLATE_NOOP("Proctor::Admin::Views::RiskSettingsDialog", "Time away allowed"), Unit::MsAsSeconds,
     0, 86'400'000},
    {"/thresholds/maxPrintAttempts",
     QT_TRANSLATE_NOOP("Proctor::Admin::Views::RiskSettingsDialog", "Print or screenshot attempts allowed"),
     Unit::Count, 0, 10000},
    {"/thresholds/maxClipboardAttempts",
     QT_TRANSLATE_NOOP("Proctor::Admin::Views::RiskSettingsDialog", "Clipboard attempts allowed"),
     Unit::Count, 0, 10000},
    {"/thresholds/maxFullscreenExits",
     QT_TRANSLATE_NOOP("Proctor::Admin::Views::RiskSettingsDialog", "Full-screen exits allowed"), Unit::Count,
     0, 10000},
    {"/thresholds/overtimeGraceSeconds",
     QT_TRANSLATE_NOOP("Proctor::Admin::Views::RiskSettingsDialog", "Grace over the time limit"),
     Unit::Seconds, 0, 86400},
    {"/thresholds/mouseSimilarityThreshold",
     QT_TRANSLATE_NOOP("Proctor::Admin::Views::RiskSettingsDialog", "Mouse similarity considered from"),
     Unit::Similarity, 0, 100},
    {"/thresholds/sameTypistThreshold",
     QT_TRANSLATE_NOOP("Proctor::Admin::Views::RiskSettingsDialog", "Same-typist score considered from"),
     Unit::Similarity, 0, 100},
    {"/thresholds/fastHighScorePercent",
     QT_TRANSLATE_NOOP("Proctor::Admin::Views::RiskSettingsDialog", "High score from"), Unit::Percent, 0,
     100},
    {"/thresholds/minStudySeconds",
     QT_TRANSLATE_NOOP("Proctor::Admin::Views::RiskSettingsDialog", "Study time expected at least"),
     Unit::Seconds, 0, 86400},
    {"/thresholds/fastSecondsPerQuestion",
     QT_TRANSLATE_NOOP("Proctor::Admin::Views::RiskSettingsDialog", "Fast attempt: time per question under"),
     Unit::Seconds, 0, 3600},
    {"/thresholds/readBaseMs",
     QT_TRANSLATE_NOOP("Proctor::Admin::Views::RiskSettingsDialog", "Reading floor per question"),
     Unit::Milliseconds, 0, 600'000},
    {"/thresholds/readMsPerChar",
     QT_TRANSLATE_NOOP("Proctor::Admin::Views::RiskSettingsDialog", "Reading floor per character"),
     Unit::Milliseconds, 0, 1000},
    {"/thresholds/minFastAnswers",
     QT_TRANSLATE_NOOP("Proctor::Admin::Views::RiskSettingsDialog", "Fast correct answers needed"),
     Unit::Count, 1, 1000},
    {"/thresholds/attemptBurstWindowSeconds",
     QT_TRANSLATE_NOOP("Proctor::Admin::Views::RiskSettingsDialog", "Burst window"), Unit::Seconds, 60,
     86400},
    {"/thresholds/shortAttemptSeconds",
     QT_TRANSLATE_NOOP("Proctor::Admin::Views::RiskSettingsDialog", "Short attempt under"), Unit::Seconds, 0,
     86400},
    {"/thresholds/nearEmptyAnswerFraction",
     QT_TRANSLATE_NOOP("Proctor::Admin::Views::RiskSettingsDialog", "Near-empty attempt: answered at most"),
     Unit::FractionAsPercent, 0, 1},
    {"/thresholds/burstAttempts",
     QT_TRANSLATE_NOOP("Proctor::Admin::Views::RiskSettingsDialog", "Attempts that make a burst"),
     Unit::Count, 2, 10000},
    {"/thresholds/keyBurstAttempts",
     QT_TRANSLATE_NOOP("Proctor::Admin::Views::RiskSettingsDialog",
                       "Attempts through one page key that make a burst"),
     Unit::Count, 2, 10000},
};

double scaleOf(Unit unit)
{
    switch (unit) {
    case Unit::MsAsSeconds:
        return 0.001;
    case Unit::FractionAsPercent:
        return 100.0;
    default:
        return 1.0;
    }
}

QString suffixOf(Unit unit)
{
    switch (unit) {
    case Unit::Points:
        return QCoreApplication::translate("Proctor::Admin::Views::RiskSettingsDialog", " points");
    case Unit::Count:
        return {};
    case Unit::Seconds:
    case Unit::MsAsSeconds:
        return QCoreApplication::translate("Proctor::Admin::Views::RiskSettingsDialog", " s");
    case Unit::Milliseconds:
        return QCoreApplication::translate("Proctor::Admin::Views::RiskSettingsDialog", " ms");
    case Unit::Percent:
    case Unit::FractionAsPercent:
        return QStringLiteral(" %");
    case Unit::Similarity:
        return QCoreApplication::translate("Proctor::Admin::Views::RiskSettingsDialog", " of 100");
    }
    return {};
}

// The group ("weights") and member ("printPoints") of a pointer.
std::pair<QString, QString> split(const QString &pointer)
{
    const QStringList parts = pointer.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    return parts.size() == 2 ? std::pair{parts[0], parts[1]} : std::pair{QString(), parts.value(0)};
}

} // namespace

QString RiskSettingsDialog::label(const QString &pointer)
{
    for (const Setting &s : kWeights)
        if (pointer == QLatin1String(s.pointer))
            return tr(s.label);
    for (const Setting &s : kThresholds)
        if (pointer == QLatin1String(s.pointer))
            return tr(s.label);
    if (pointer == QLatin1String("/targetFalseAlarmRate"))
        return tr("Target false-alarm rate");
    return pointer;
}

RiskSettingsDialog::RiskSettingsDialog(Api::ApiClient *api, QWidget *parent)
    : QDialog(parent), m_api(api), m_status(new QLabel(this)), m_version(new QLabel(this))
{
    setWindowTitle(tr("Risk settings"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("A factor adds its points to a session's risk score (at most 100) when its "
                                "threshold is exceeded. Saving re-assesses every session in the background."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    auto *content = new QWidget(scroll);
    auto *columns = new QHBoxLayout(content);
    const auto addField = [this](QFormLayout *form, const QString &pointer, const QString &text, Unit unit,
                                 double min, double max) {
        auto *box = new QDoubleSpinBox(form->parentWidget());
        const double scale = scaleOf(unit);
        box->setDecimals(unit == Unit::Count ? 0 : (unit == Unit::Milliseconds ? 0 : 1));
        if (pointer == QLatin1String("/targetFalseAlarmRate"))
            box->setDecimals(2);
        box->setRange(min * scale, max * scale);
        box->setSuffix(suffixOf(unit));
        box->setAccessibleName(text);
        box->setGroupSeparatorShown(true);
        auto *error = new QLabel(form->parentWidget());
        error->setTextFormat(Qt::PlainText);
        error->setWordWrap(true);
        error->setStyleSheet(QStringLiteral("color: #dc2626;"));
        error->hide();
        auto *cell = new QVBoxLayout;
        cell->setSpacing(0);
        cell->addWidget(box);
        cell->addWidget(error);
        form->addRow(text + QLatin1Char(':'), cell);
        m_fields.insert(pointer, box);
        m_errors.insert(pointer, error);
        m_scale.insert(pointer, scale);
    };
    auto *weights = new QGroupBox(tr("Points per factor"), content);
    auto *wf = new QFormLayout(weights);
    for (const Setting &s : kWeights)
        addField(wf, QLatin1String(s.pointer), tr(s.label), s.unit, s.min, s.max);
    auto *thresholds = new QGroupBox(tr("Levels and thresholds"), content);
    auto *tf = new QFormLayout(thresholds);
    for (const Setting &s : kThresholds)
        addField(tf, QLatin1String(s.pointer), tr(s.label), s.unit, s.min, s.max);
    // Edited as a percentage of honest sessions (1 %), stored as a fraction (0.01).
    addField(tf, QStringLiteral("/targetFalseAlarmRate"), tr("Target false-alarm rate"),
             Unit::FractionAsPercent, 0.0001, 0.2);
    m_fields.value(QStringLiteral("/targetFalseAlarmRate"))
        ->setToolTip(
            tr("Cross-session factors fire only when a match this close would flag at most this share "
               "of honest sessions"));
    columns->addWidget(weights, 1, Qt::AlignTop);
    columns->addWidget(thresholds, 1, Qt::AlignTop);
    scroll->setWidget(content);
    layout->addWidget(scroll, 1);

    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_version->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_version);
    layout->addWidget(m_status);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_save = buttons->addButton(tr("Save"), QDialogButtonBox::ApplyRole);
    layout->addWidget(buttons);
    connect(m_save, &QPushButton::clicked, this, &RiskSettingsDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(960, 640);
}

void RiskSettingsDialog::setValue(const QString &pointer, double value)
{
    if (QDoubleSpinBox *box = m_fields.value(pointer))
        box->setValue(value * m_scale.value(pointer, 1.0));
}

double RiskSettingsDialog::value(const QString &pointer) const
{
    const QDoubleSpinBox *box = m_fields.value(pointer);
    return box ? box->value() / m_scale.value(pointer, 1.0) : 0.0;
}

QString RiskSettingsDialog::fieldError(const QString &pointer) const
{
    const QLabel *l = m_errors.value(pointer);
    return l && !l->isHidden() ? l->text() : QString();
}

QString RiskSettingsDialog::statusText() const
{
    return m_status->text();
}

void RiskSettingsDialog::clearErrors()
{
    for (auto it = m_errors.begin(); it != m_errors.end(); ++it) {
        it.value()->hide();
        it.value()->clear();
        m_fields.value(it.key())->setStyleSheet(QString());
    }
}

void RiskSettingsDialog::apply(const QJsonObject &settings)
{
    for (auto it = m_fields.begin(); it != m_fields.end(); ++it) {
        const auto [group, name] = split(it.key());
        const QJsonValue v =
            group.isEmpty() ? settings.value(name) : settings.value(group).toObject().value(name);
        if (v.isDouble())
            setValue(it.key(), v.toDouble());
    }
    const int version = settings.value(QStringLiteral("version")).toInt();
    m_version->setText(
        version == 0 ? tr("The defaults are in force (never changed).")
                     : tr("Version %1, changed %2")
                           .arg(version)
                           .arg(QLocale().toString(
                               Api::parseTime(settings.value(QStringLiteral("updatedAt"))).toLocalTime(),
                               QLocale::ShortFormat)));
}

QJsonObject RiskSettingsDialog::collect() const
{
    QJsonObject weights, thresholds, out;
    for (auto it = m_fields.begin(); it != m_fields.end(); ++it) {
        const auto [group, name] = split(it.key());
        const double v = value(it.key());
        // Counts travel as integers (the server refuses 5.0000001 for a count).
        const QJsonValue json = it.value()->decimals() == 0 ? QJsonValue(qRound64(v)) : QJsonValue(v);
        if (group == QLatin1String("weights"))
            weights.insert(name, json);
        else if (group == QLatin1String("thresholds"))
            thresholds.insert(name, json);
        else
            out.insert(name, json);
    }
    out.insert(QStringLiteral("weights"), weights);
    out.insert(QStringLiteral("thresholds"), thresholds);
    return out;
}

void RiskSettingsDialog::load()
{
    m_status->setText(tr("Loading…"));
    m_api->get(QStringLiteral("/settings/risk"), {}, this, [this](const Api::Response &r) {
        if (!r.ok()) {
            m_status->setText(r.error.userMessage());
            emit failed(m_status->text());
            return;
        }
        clearErrors();
        apply(r.object());
        m_status->clear();
        emit loaded(r.object());
    });
}

void RiskSettingsDialog::save()
{
    clearErrors();
    m_save->setEnabled(false);
    m_status->setText(tr("Saving…"));
    m_api->put(QStringLiteral("/settings/risk"), collect(), this, [this](const Api::Response &r) {
        m_save->setEnabled(true);
        if (!r.ok()) {
            const QString pointer = r.error.field;
            if (QLabel *error = m_errors.value(pointer)) {
                // On the field itself: its name is beside it, so the sentence says what is wrong with it.
                error->setText(pointer == QLatin1String("/thresholds/highFrom")
                                   ? tr("Must be above the medium level.")
                                   : tr("The server did not accept this value."));
                error->show();
                m_fields.value(pointer)->setStyleSheet(QStringLiteral("border: 1px solid #dc2626;"));
                m_fields.value(pointer)->setFocus();
                m_status->setText(tr("Not saved: check “%1”.").arg(label(pointer)));
            } else {
                m_status->setText(r.error.userMessage());
            }
            emit failed(m_status->text());
            return;
        }
        apply(r.object());
        m_status->setText(tr("Saved. %n session(s) queued for re-assessment.", nullptr,
                             r.object().value(QStringLiteral("queued")).toInt()));
        emit saved(r.object());
    });
}

} // namespace Proctor::Admin::Views
