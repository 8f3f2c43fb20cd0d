// SPDX-License-Identifier: MIT
// The risk rules in force (GET/PUT /settings/risk): the points each factor adds, the thresholds that make it
// fire and the target false-alarm rate of the cross-session factors, with units in words. A value the
// server refuses (400 naming the field) is marked on its own field.
#pragma once

#include <QDialog>
#include <QJsonObject>
#include <QMap>

class QDoubleSpinBox;
class QLabel;
class QPushButton;

namespace Proctor::Admin::Api {
class ApiClient;
}

namespace Proctor::Admin::Views {

class RiskSettingsDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit RiskSettingsDialog(Api::ApiClient *api, QWidget *parent = nullptr);

    // `pointer` as the server names it: "/weights/printPoints", "/thresholds/highFrom",
    // "/targetFalseAlarmRate". The value is in the server's unit (ms, fraction), not the field's.
    void setValue(const QString &pointer, double value);
    double value(const QString &pointer) const;
    QDoubleSpinBox *field(const QString &pointer) const { return m_fields.value(pointer); }
    // The refusal shown beside a field ("" when none).
    QString fieldError(const QString &pointer) const;
    QString statusText() const;
    // The translated label of a setting (the pointer itself when unknown).
    static QString label(const QString &pointer);

public slots:
    void load();
    void save();

signals:
    void loaded(const QJsonObject &settings);
    void saved(const QJsonObject &settings);
    void failed(const QString &message);

private:
    void apply(const QJsonObject &settings);
    QJsonObject collect() const;
    void clearErrors();

    Api::ApiClient *m_api;
    QMap<QString, QDoubleSpinBox *> m_fields;
    QMap<QString, QLabel *> m_errors;
    QMap<QString, double> m_scale; // server unit -> field unit
    QLabel *m_status;
    QLabel *m_version;
    QPushButton *m_save;
};

} // namespace Proctor::Admin::Views
