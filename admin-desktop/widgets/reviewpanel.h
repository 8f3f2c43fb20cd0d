// SPDX-License-Identifier: MIT
// The decision on one session: its review state, one button (and one key) per decision, a comment and the
// history of decisions. Reads and writes /sessions/{id}/review; confirming a violation offers to revoke the
// session's certificate (admins) in the same request.
#pragma once

#include <functional>

#include <QJsonObject>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace Proctor::Admin::Api {
class ApiClient;
struct ApiError;
} // namespace Proctor::Admin::Api

namespace Proctor::Admin::Widgets {

class ReviewPanel final : public QWidget
{
    Q_OBJECT
public:
    ReviewPanel(Api::ApiClient *api, QWidget *parent = nullptr);

    // Loads the case of `sessionId` (empty: clears the panel).
    void setSession(const QString &sessionId);
    QString sessionId() const { return m_sessionId; }
    QString state() const { return m_state; }
    QListWidget *history() const { return m_history; }
    QLineEdit *comment() const { return m_comment; }
    QString statusText() const;
    bool isBusy() const { return m_busy; }
    // How a confirmed violation asks about the certificate; tests answer without a dialog.
    using RevokeQuestion = std::function<bool(const QString &certificateNumber)>;
    void setRevokeQuestion(RevokeQuestion question) { m_askRevoke = std::move(question); }

public slots:
    // Records `state` ("cleared", "violation", "second_look", "unreviewed") with the comment typed.
    void decide(const QString &state);
    // Another desktop decided (live feed): read the case again when it is this one.
    void onReviewDecided(const QString &sessionId);
    void retranslate();

signals:
    void decided(const QString &sessionId, const QString &state);
    void nextRequested();
    void failed(const QString &message);

private:
    void showCase(const QJsonObject &reviewCase);
    void load();
    void setBusy(bool busy);

    Api::ApiClient *m_api;
    QString m_sessionId;
    QString m_state;
    QString m_certificate; // number, empty when none or already revoked
    QJsonObject m_case;
    quint64 m_generation = 0;
    bool m_busy = false;
    RevokeQuestion m_askRevoke;
    QLabel *m_caption;
    QLabel *m_stateLabel;
    QLineEdit *m_comment;
    QPushButton *m_cleared;
    QPushButton *m_violation;
    QPushButton *m_secondLook;
    QPushButton *m_unreviewed;
    QPushButton *m_next;
    QLabel *m_status;
    QListWidget *m_history;
};

} // namespace Proctor::Admin::Widgets
