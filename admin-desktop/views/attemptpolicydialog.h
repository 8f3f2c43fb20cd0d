// SPDX-License-Identifier: MIT
// Edits one test's attempt policy (PUT /tests/{id}/attempt-policy): how many attempts a candidate gets, how
// long they wait between attempts, and what a result tells them, each choice explained, because the choice
// decides whether repeated attempts can be used to work out the answer key.
#pragma once

#include <QDialog>
#include <QJsonObject>

class QButtonGroup;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QSpinBox;

namespace Proctor::Admin::Api {
class ApiClient;
}

namespace Proctor::Admin::Views {

class AttemptPolicyDialog final : public QDialog
{
    Q_OBJECT
public:
    // `test` is an item of GET /tests (admin view): id, title, access, attemptPolicy.
    AttemptPolicyDialog(Api::ApiClient *api, const QJsonObject &test, QWidget *parent = nullptr);

    void setPolicy(int maxAttempts, int minSecondsBetweenAttempts, const QString &disclosure);
    int maxAttempts() const;
    int minSecondsBetweenAttempts() const;
    QString disclosure() const;
    QString statusText() const;

public slots:
    // Sends the policy; closes the dialog (accepted) when the server stored it.
    void save();

signals:
    void saved(const QJsonObject &policy);
    void failed(const QString &message);

private:
    Api::ApiClient *m_api;
    QString m_testId;
    QSpinBox *m_maxAttempts;
    QSpinBox *m_pause;
    QComboBox *m_pauseUnit;
    QButtonGroup *m_disclosure;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
};

} // namespace Proctor::Admin::Views
