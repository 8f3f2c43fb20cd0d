// SPDX-License-Identifier: MIT
#include "views/attemptpolicydialog.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include "api/apiclient.h"

namespace Proctor::Admin::Views {

namespace {
const char *const kDisclosures[] = {"passFail", "score", "review"};
constexpr int kUnitSeconds[] = {60, 3600, 86400};
constexpr int kMaxPauseSeconds = 2592000; // the server's bound: 30 days
} // namespace

AttemptPolicyDialog::AttemptPolicyDialog(Api::ApiClient *api, const QJsonObject &test, QWidget *parent)
    : QDialog(parent), m_api(api), m_testId(test.value(QStringLiteral("id")).toString()),
      m_maxAttempts(new QSpinBox(this)), m_pause(new QSpinBox(this)), m_pauseUnit(new QComboBox(this)),
      m_disclosure(new QButtonGroup(this)), m_status(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Attempt policy"));
    auto *layout = new QVBoxLayout(this);
    auto *heading = new QLabel(
        QStringLiteral("<b>%1</b>").arg(test.value(QStringLiteral("title")).toString().toHtmlEscaped()),
        this);
    heading->setWordWrap(true);
    layout->addWidget(heading);
    const bool roster = test.value(QStringLiteral("access")).toString() == QLatin1String("roster");
    auto *access =
        new QLabel(roster ? tr("Access: by personal roster code (set in the test file).")
                          : tr("Access: open, candidates type their own name (set in the test file)."),
                   this);
    access->setWordWrap(true);
    layout->addWidget(access);

    auto *form = new QFormLayout;
    m_maxAttempts->setRange(1, 100);
    m_maxAttempts->setAccessibleName(tr("Maximum attempts"));
    form->addRow(tr("Maximum attempts per candidate:"), m_maxAttempts);
    auto *pauseRow = new QHBoxLayout;
    m_pause->setRange(0, kMaxPauseSeconds / 60);
    m_pause->setAccessibleName(tr("Minimum time between attempts"));
    m_pauseUnit->addItem(tr("minutes"));
    m_pauseUnit->addItem(tr("hours"));
    m_pauseUnit->addItem(tr("days"));
    connect(m_pauseUnit, &QComboBox::currentIndexChanged, this,
            [this](int unit) { m_pause->setMaximum(kMaxPauseSeconds / kUnitSeconds[qMax(0, unit)]); });
    pauseRow->addWidget(m_pause, 1);
    pauseRow->addWidget(m_pauseUnit);
    form->addRow(tr("Minimum time between attempts:"), pauseRow);
    layout->addLayout(form);

    layout->addWidget(new QLabel(tr("After an attempt the candidate sees:"), this));
    const QString names[] = {tr("Pass or fail"), tr("Score"), tr("Review of mistakes")};
    const QString explanations[] = {
        tr("Only whether the attempt passed (and the grade when it did). Nothing about single questions, so "
           "repeated attempts cannot be used to work out the answer key. Recommended."),
        tr("Also the percentage. A score tells how many answers were right, which helps to guess the key "
           "over "
           "many attempts: keep the attempts few and the pause long."),
        tr("Which questions were wrong, but only once the candidate has passed or has no attempts left, so "
           "it "
           "cannot be used to correct answers between attempts.")};
    for (int i = 0; i < 3; ++i) {
        auto *radio = new QRadioButton(names[i], this);
        radio->setObjectName(QLatin1String(kDisclosures[i]));
        m_disclosure->addButton(radio, i);
        layout->addWidget(radio);
        auto *text = new QLabel(explanations[i], this);
        text->setWordWrap(true);
        text->setContentsMargins(24, 0, 0, 6);
        text->setForegroundRole(QPalette::PlaceholderText);
        layout->addWidget(text);
    }
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AttemptPolicyDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    const QJsonObject policy = test.value(QStringLiteral("attemptPolicy")).toObject();
    setPolicy(policy.value(QStringLiteral("maxAttempts")).toInt(3),
              policy.value(QStringLiteral("minSecondsBetweenAttempts")).toInt(0),
              policy.value(QStringLiteral("disclosure")).toString(QStringLiteral("passFail")));
    setMinimumWidth(520);
}

void AttemptPolicyDialog::setPolicy(int maxAttempts, int minSecondsBetweenAttempts, const QString &disclosure)
{
    m_maxAttempts->setValue(maxAttempts);
    // The largest unit that shows the stored pause exactly; a pause of odd seconds is rounded up to minutes.
    int unit = 0;
    for (int u = 2; u > 0; --u)
        if (minSecondsBetweenAttempts > 0 && minSecondsBetweenAttempts % kUnitSeconds[u] == 0) {
            unit = u;
            break;
        }
    m_pauseUnit->setCurrentIndex(unit);
    m_pause->setValue((minSecondsBetweenAttempts + kUnitSeconds[unit] - 1) / kUnitSeconds[unit]);
    int id = 0;
    for (int i = 0; i < 3; ++i)
        if (disclosure == QLatin1String(kDisclosures[i]))
            id = i;
    m_disclosure->button(id)->setChecked(true);
}

int AttemptPolicyDialog::maxAttempts() const
{
    return m_maxAttempts->value();
}

int AttemptPolicyDialog::minSecondsBetweenAttempts() const
{
    return m_pause->value() * kUnitSeconds[qMax(0, m_pauseUnit->currentIndex())];
}

QString AttemptPolicyDialog::disclosure() const
{
    return QLatin1String(kDisclosures[qMax(0, m_disclosure->checkedId())]);
}

QString AttemptPolicyDialog::statusText() const
{
    return m_status->text();
}

void AttemptPolicyDialog::save()
{
    const QJsonObject body{{QStringLiteral("maxAttempts"), maxAttempts()},
                           {QStringLiteral("minSecondsBetweenAttempts"), minSecondsBetweenAttempts()},
                           {QStringLiteral("disclosure"), disclosure()}};
    m_buttons->setEnabled(false);
    m_status->setText(tr("Saving…"));
    m_api->put(QStringLiteral("/tests/%1/attempt-policy").arg(m_testId), body, this,
               [this](const Api::Response &r) {
                   m_buttons->setEnabled(true);
                   if (!r.ok()) {
                       m_status->setText(r.error.userMessage());
                       emit failed(r.error.userMessage());
                       return;
                   }
                   m_status->setText(tr("Saved."));
                   emit saved(r.object());
                   accept();
               });
}

} // namespace Proctor::Admin::Views
