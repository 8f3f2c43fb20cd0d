// SPDX-License-Identifier: MIT
#include "widgets/reviewpanel.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>

#include "api/apiclient.h"
#include "api/apitypes.h"
#include "models/resultsmodel.h"

namespace Proctor::Admin::Widgets {

ReviewPanel::ReviewPanel(Api::ApiClient *api, QWidget *parent)
    : QWidget(parent), m_api(api), m_caption(new QLabel(this)), m_stateLabel(new QLabel(this)),
      m_comment(new QLineEdit(this)), m_cleared(new QPushButton(this)), m_violation(new QPushButton(this)),
      m_secondLook(new QPushButton(this)), m_unreviewed(new QPushButton(this)), m_next(new QPushButton(this)),
      m_status(new QLabel(this)), m_history(new QListWidget(this))
{
    // Server text (comments, reviewer addresses) is shown as plain text only.
    for (QLabel *l : {m_caption, m_stateLabel, m_status})
        l->setTextFormat(Qt::PlainText);
    QFont bold = m_stateLabel->font();
    bold.setBold(true);
    m_stateLabel->setFont(bold);
    m_caption->setFont(bold);
    m_comment->setMaxLength(2000);
    m_comment->setClearButtonEnabled(true);
    m_history->setAlternatingRowColors(true);
    m_history->setWordWrap(true);
    m_history->setMaximumHeight(3 * m_history->fontMetrics().height() + 8); // three decisions, then scroll

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *row = new QHBoxLayout;
    row->addWidget(m_caption);
    row->addWidget(m_stateLabel);
    row->addWidget(m_status);
    row->addWidget(m_comment, 1);
    for (QPushButton *b : {m_cleared, m_violation, m_secondLook, m_unreviewed, m_next})
        row->addWidget(b);
    layout->addLayout(row);
    layout->addWidget(m_history);

    // One key per decision, active anywhere in the view holding the panel (the session view); a key typed
    // into the comment field stays text (QLineEdit takes printable keys before shortcuts).
    QWidget *scope = parent ? parent : this;
    const auto bind = [this, scope](QPushButton *button, const QString &state, Qt::Key key) {
        connect(button, &QPushButton::clicked, this, [this, state] { decide(state); });
        auto *shortcut = new QShortcut(QKeySequence(key), scope);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, button, &QPushButton::click);
    };
    bind(m_cleared, QStringLiteral("cleared"), Qt::Key_C);
    bind(m_violation, QStringLiteral("violation"), Qt::Key_V);
    bind(m_secondLook, QStringLiteral("second_look"), Qt::Key_S);
    bind(m_unreviewed, QStringLiteral("unreviewed"), Qt::Key_U);
    connect(m_next, &QPushButton::clicked, this, &ReviewPanel::nextRequested);
    auto *next = new QShortcut(QKeySequence(Qt::Key_N), scope);
    next->setContext(Qt::WidgetWithChildrenShortcut);
    connect(next, &QShortcut::activated, m_next, &QPushButton::click);
    connect(m_comment, &QLineEdit::returnPressed, this, [this] {
        if (!m_state.isEmpty())
            decide(m_state); // Enter in the comment keeps the state and records the comment
    });
    m_askRevoke = [this](const QString &number) {
        return QMessageBox::question(
                   this, tr("Revoke the certificate?"),
                   tr("The violation is confirmed. Revoke certificate %1 as well?").arg(number),
                   QMessageBox::Yes | QMessageBox::No, QMessageBox::No) == QMessageBox::Yes;
    };
    retranslate();
    setSession({});
}

void ReviewPanel::retranslate()
{
    m_caption->setText(tr("Decision:"));
    m_cleared->setText(tr("&Cleared (C)"));
    m_violation->setText(tr("&Violation (V)"));
    m_secondLook->setText(tr("&Second look (S)"));
    m_unreviewed->setText(tr("&Undo (U)"));
    m_next->setText(tr("&Next unreviewed (N)"));
    m_cleared->setToolTip(tr("Nothing wrong: the case is closed"));
    m_violation->setToolTip(tr("A violation is confirmed; admins may revoke the certificate"));
    m_secondLook->setToolTip(tr("Needs another reviewer's look"));
    m_unreviewed->setToolTip(tr("Back to unreviewed"));
    m_next->setToolTip(tr("Open the next unreviewed session in the order of the results list"));
    m_comment->setPlaceholderText(tr("Comment for the decision (optional)"));
    m_comment->setAccessibleName(tr("Decision comment"));
    m_history->setAccessibleName(tr("Decision history"));
    if (!m_case.isEmpty())
        showCase(m_case);
    else
        m_stateLabel->setText(m_sessionId.isEmpty() ? QString() : tr("…"));
}

QString ReviewPanel::statusText() const
{
    return m_status->text();
}

void ReviewPanel::setBusy(bool busy)
{
    m_busy = busy;
    const bool enabled = !busy && !m_sessionId.isEmpty();
    for (QPushButton *b : {m_cleared, m_violation, m_secondLook, m_unreviewed})
        b->setEnabled(enabled);
    m_comment->setEnabled(!m_sessionId.isEmpty());
}

void ReviewPanel::setSession(const QString &sessionId)
{
    ++m_generation;
    m_sessionId = sessionId;
    m_state.clear();
    m_certificate.clear();
    m_case = {};
    m_comment->clear();
    m_history->clear();
    m_status->clear();
    m_stateLabel->setText(sessionId.isEmpty() ? QString() : tr("…"));
    setBusy(false);
    load();
}

void ReviewPanel::load()
{
    if (m_sessionId.isEmpty() || !m_api || !m_api->hasToken())
        return;
    const quint64 generation = ++m_generation;
    m_api->get(QStringLiteral("/sessions/%1/review").arg(m_sessionId), {}, this,
               [this, generation](const Api::Response &r) {
                   if (generation != m_generation)
                       return;
                   if (!r.ok()) {
                       m_status->setText(r.error.userMessage());
                       return;
                   }
                   showCase(r.object());
               });
}

void ReviewPanel::onReviewDecided(const QString &sessionId)
{
    // Read again in place: what is shown and typed stays until the answer replaces the state and history.
    if (!m_sessionId.isEmpty() && sessionId.compare(m_sessionId, Qt::CaseInsensitive) == 0 && !m_busy)
        load();
}

void ReviewPanel::decide(const QString &state)
{
    if (m_sessionId.isEmpty() || m_busy || !m_api)
        return;
    QJsonObject body{{QStringLiteral("state"), state},
                     {QStringLiteral("comment"), m_comment->text().trimmed()}};
    if (state == QLatin1String("violation") && !m_certificate.isEmpty() && m_api->isAdmin() && m_askRevoke &&
        m_askRevoke(m_certificate))
        body.insert(QStringLiteral("revokeCertificate"), true);
    setBusy(true);
    const quint64 generation = ++m_generation; // a read in flight must not overwrite this decision
    const QString session = m_sessionId;
    m_api->post(QStringLiteral("/sessions/%1/review").arg(session), body, this,
                [this, generation, session](const Api::Response &r) {
                    if (generation != m_generation)
                        return;
                    setBusy(false);
                    if (!r.ok()) {
                        m_status->setText(r.error.userMessage());
                        emit failed(r.error.userMessage());
                        return;
                    }
                    m_comment->clear();
                    showCase(r.object());
                    m_status->setText(tr("Decision saved."));
                    emit decided(session, m_state);
                });
}

void ReviewPanel::showCase(const QJsonObject &c)
{
    m_case = c;
    m_state = c.value(QLatin1String("state")).toString();
    m_stateLabel->setText(Api::reviewStateText(m_state));
    QPalette p = m_stateLabel->palette();
    p.setColor(QPalette::WindowText, Models::reviewColor(m_state));
    m_stateLabel->setPalette(p);
    const QJsonObject certificate = c.value(QLatin1String("certificate")).toObject();
    m_certificate = certificate.value(QLatin1String("revoked")).toBool()
                        ? QString()
                        : certificate.value(QLatin1String("number")).toString();
    m_history->clear();
    const QLocale locale;
    for (const QJsonValue v : c.value(QLatin1String("history")).toArray()) {
        const QJsonObject d = v.toObject();
        QString line =
            tr("%1 · %2 · %3")
                .arg(locale.toString(Api::parseTime(d.value(QLatin1String("decidedAt"))).toLocalTime(),
                                     QLocale::ShortFormat),
                     d.value(QLatin1String("reviewer")).toObject().value(QLatin1String("email")).toString(),
                     Api::reviewStateText(d.value(QLatin1String("state")).toString()));
        const QString comment = d.value(QLatin1String("comment")).toString();
        if (!comment.isEmpty())
            line += QStringLiteral(" — ") + comment;
        const QString revoked = d.value(QLatin1String("revokedCertificate")).toString();
        if (!revoked.isEmpty())
            line += QStringLiteral(" · ") + tr("certificate %1 revoked").arg(revoked);
        // QListWidgetItem text is never rich text: a comment shows as typed.
        m_history->addItem(line);
    }
    if (m_history->count() == 0)
        m_history->addItem(tr("No decision yet."));
}

} // namespace Proctor::Admin::Widgets
