// SPDX-License-Identifier: MIT
// The list pages: Similar (top-k sessions like this one), Devices (fingerprint groups), Abandoned sessions,
// Certificates (registry with year/month filters).
#pragma once

#include "views/view.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableView;
class QSortFilterProxyModel;

namespace Proctor::Admin::Models {
class SimilarModel;
class DeviceGroupsModel;
class MultiDeviceModel;
class AbandonedModel;
class CertificatesModel;
} // namespace Proctor::Admin::Models

namespace Proctor::Admin::Views {

class SimilarView final : public View
{
    Q_OBJECT
public:
    SimilarView(const Services &services, QWidget *parent = nullptr);
    void findFor(const QString &sessionId);
    Models::SimilarModel *model() const { return m_model; }
    QAbstractItemModel *exportModel() const override;
    QString exportName() const override { return QStringLiteral("similar"); }

public slots:
    void search();

signals:
    void openSession(const QString &sessionId);
    void compareSessions(const QStringList &sessionIds);

private:
    Services m_services;
    Models::SimilarModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_session;
    QLineEdit *m_question;
    QSpinBox *m_k;
    QLabel *m_status;
    QTableView *m_table;
};

class DevicesView final : public View
{
    Q_OBJECT
public:
    DevicesView(const Services &services, QWidget *parent = nullptr);
    void activate() override;
    Models::DeviceGroupsModel *groups() const { return m_groups; }
    Models::MultiDeviceModel *multiDevice() const { return m_multi; }
    QAbstractItemModel *exportModel() const override;
    QString exportName() const override { return QStringLiteral("devices"); }

public slots:
    void reload();

signals:
    void showDeviceResults(const QString &hash);

private:
    Services m_services;
    Models::DeviceGroupsModel *m_groups;
    Models::MultiDeviceModel *m_multi;
    QCheckBox *m_flaggedOnly;
    QLabel *m_status;
    QTableView *m_groupTable;
    bool m_loaded = false;
};

class AbandonedView final : public View
{
    Q_OBJECT
public:
    AbandonedView(const Services &services, QWidget *parent = nullptr);
    void activate() override;
    Models::AbandonedModel *model() const { return m_model; }
    QAbstractItemModel *exportModel() const override;
    QString exportName() const override { return QStringLiteral("abandoned"); }
    // "" all kinds, "test", "study".
    QComboBox *kindFilter() const { return m_kind; }
    // Minutes without activity (0: sessions still in progress too).
    QComboBox *idleFilter() const { return m_idle; }
    QString statusText() const;

public slots:
    void reload();

signals:
    void openSession(const QString &sessionId);

private:
    Services m_services;
    Models::AbandonedModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QComboBox *m_kind;
    QComboBox *m_idle;
    QLabel *m_status;
    quint64 m_generation = 0; // drops the answers of a superseded "All" load
    bool m_loaded = false;
};

class CertificatesView final : public View
{
    Q_OBJECT
public:
    CertificatesView(const Services &services, QWidget *parent = nullptr);
    void activate() override;
    Models::CertificatesModel *model() const { return m_model; }
    QAbstractItemModel *exportModel() const override;
    QString exportName() const override { return QStringLiteral("certificates"); }

public slots:
    void reload();
    // Asks for a reason and revokes the selected certificate (the server requires the admin role).
    void revokeSelected();

signals:
    void openSession(const QString &sessionId);

private:
    Services m_services;
    Models::CertificatesModel *m_model;
    QTableView *m_table = nullptr;
    QSpinBox *m_year;
    QComboBox *m_month;
    QComboBox *m_order;
    bool m_loaded = false;
};

} // namespace Proctor::Admin::Views
