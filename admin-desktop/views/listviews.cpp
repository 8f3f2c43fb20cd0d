// SPDX-License-Identifier: MIT
#include "views/listviews.h"

#include <algorithm>
#include <memory>

#include <QCheckBox>
#include <QComboBox>
#include <QDate>
#include <QJsonArray>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QUrl>

#include "api/apiclient.h"
#include "api/livefeedclient.h"
#include "models/listmodels.h"
#include "views/tableview.h"

namespace Proctor::Admin::Views {

using Models::PagedJsonModel;

namespace {
QTableView *makeTable(QAbstractItemModel *model, const QString &name, QWidget *parent)
{
    auto *t = makeTableView(model, name, parent);
    t->horizontalHeader()->setDefaultSectionSize(140);
    return t;
}

QSortFilterProxyModel *sortProxy(QAbstractItemModel *source, QObject *parent)
{
    auto *proxy = new QSortFilterProxyModel(parent);
    proxy->setSourceModel(source);
    proxy->setSortRole(PagedJsonModel::SortRole);
    proxy->setSortLocaleAware(true);
    return proxy;
}

QLabel *heading(const QString &text, QWidget *parent)
{
    return new QLabel(QStringLiteral("<h2>%1</h2>").arg(text.toHtmlEscaped()), parent);
}
} // namespace

// ---- SimilarView ----

SimilarView::SimilarView(const Services &services, QWidget *parent)
    : View(parent), m_services(services), m_model(new Models::SimilarModel(services.api, this)),
      m_proxy(sortProxy(m_model, this)), m_session(new QLineEdit(this)), m_question(new QLineEdit(this)),
      m_k(new QSpinBox(this)), m_status(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading(tr("Similar sessions"), this));
    layout->addWidget(new QLabel(tr("Top-k sessions whose mouse movements are closest to this one's (exact "
                                    "DTW on the server, over the whole population)."),
                                 this));
    auto *row = new QHBoxLayout;
    m_session->setPlaceholderText(tr("Session id"));
    m_session->setAccessibleName(tr("Session id"));
    m_question->setPlaceholderText(tr("Question id (optional)"));
    m_question->setAccessibleName(tr("Question id"));
    m_question->setMaximumWidth(180);
    m_k->setRange(1, 100);
    m_k->setValue(10);
    m_k->setPrefix(tr("k = "));
    m_k->setAccessibleName(tr("Number of matches"));
    auto *go = new QPushButton(tr("Find (precise on server)"), this);
    row->addWidget(m_session, 2);
    row->addWidget(m_question, 1);
    row->addWidget(m_k);
    row->addWidget(go);
    layout->addLayout(row);
    m_table = makeTable(m_proxy, tr("Similar sessions"), this);
    m_table->setSortingEnabled(true);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setColumnWidth(Models::SimilarModel::Candidate, 240);
    layout->addWidget(m_table, 1);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    auto *open = new QPushButton(tr("Open"), this);
    auto *compare = new QPushButton(tr("Compare with this session"), this);
    bottom->addWidget(open);
    bottom->addWidget(compare);
    layout->addLayout(bottom);
    connect(go, &QPushButton::clicked, this, &SimilarView::search);
    connect(m_session, &QLineEdit::returnPressed, this, &SimilarView::search);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &i) {
        emit openSession(i.data(PagedJsonModel::SessionIdRole).toString());
    });
    connect(open, &QPushButton::clicked, this, [this] {
        const QModelIndex i = m_table->currentIndex();
        if (i.isValid())
            emit openSession(i.data(PagedJsonModel::SessionIdRole).toString());
    });
    connect(compare, &QPushButton::clicked, this, [this] {
        QStringList ids{m_session->text().trimmed()};
        for (const QModelIndex &i : m_table->selectionModel()->selectedRows()) {
            const QString id = i.data(PagedJsonModel::SessionIdRole).toString();
            if (!ids.contains(id))
                ids.append(id);
        }
        if (ids.size() >= 2)
            emit compareSessions(ids.mid(0, 6));
    });
}

QAbstractItemModel *SimilarView::exportModel() const
{
    return m_proxy;
}

void SimilarView::findFor(const QString &sessionId)
{
    m_session->setText(sessionId);
    search();
}

void SimilarView::search()
{
    const QString id = m_session->text().trimmed();
    if (id.isEmpty() || !m_services.api)
        return;
    QJsonObject body{{QStringLiteral("sessionId"), id}, {QStringLiteral("k"), m_k->value()}};
    if (!m_question->text().trimmed().isEmpty())
        body.insert(QStringLiteral("questionId"), m_question->text().trimmed());
    m_status->setText(tr("Searching…"));
    m_services.api->post(
        QStringLiteral("/analysis/mouse/similar"), body, this, [this](const Api::Response &r) {
            if (!r.ok()) {
                m_status->setText(r.error.userMessage());
                return;
            }
            m_model->setItems(r.object().value(QStringLiteral("matches")).toArray());
            m_table->sortByColumn(Models::SimilarModel::Similarity, Qt::DescendingOrder);
            const QJsonObject stats = r.object().value(QStringLiteral("stats")).toObject();
            QStringList parts;
            for (auto it = stats.begin(); it != stats.end(); ++it)
                parts.append(QStringLiteral("%1 %2").arg(it.key(), it.value().toVariant().toString()));
            m_status->setText(
                tr("%n match(es)", nullptr, m_model->rowCount()) +
                (parts.isEmpty() ? QString() : QStringLiteral(" · ") + parts.join(QStringLiteral(", "))));
        });
}

// ---- DevicesView ----

DevicesView::DevicesView(const Services &services, QWidget *parent)
    : View(parent), m_services(services), m_groups(new Models::DeviceGroupsModel(services.api, this)),
      m_multi(new Models::MultiDeviceModel(services.api, this)),
      m_flaggedOnly(new QCheckBox(tr("Only groups with anomalies"), this)), m_status(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading(tr("Devices"), this));
    auto *row = new QHBoxLayout;
    row->addWidget(m_flaggedOnly);
    row->addStretch();
    row->addWidget(m_status);
    auto *refresh = new QPushButton(tr("Refresh"), this);
    auto *show = new QPushButton(tr("Show results of this device"), this);
    row->addWidget(refresh);
    row->addWidget(show);
    layout->addLayout(row);
    auto *split = new QSplitter(Qt::Vertical, this);
    auto *groupsProxy = sortProxy(m_groups, this);
    m_groupTable = makeTable(groupsProxy, tr("Device groups"), split);
    m_groupTable->setSortingEnabled(true);
    m_groupTable->sortByColumn(Models::DeviceGroupsModel::Sessions, Qt::DescendingOrder);
    m_groupTable->setColumnWidth(Models::DeviceGroupsModel::Candidates, 420);
    auto *multiBox = new QWidget(split);
    auto *ml = new QVBoxLayout(multiBox);
    ml->setContentsMargins(0, 0, 0, 0);
    ml->addWidget(new QLabel(tr("<b>Candidates seen on several devices</b>"), multiBox));
    ml->addWidget(makeTable(m_multi, tr("Candidates on several devices"), multiBox));
    split->addWidget(m_groupTable);
    split->addWidget(multiBox);
    layout->addWidget(split, 1);
    m_flaggedOnly->setChecked(true);
    connect(m_flaggedOnly, &QCheckBox::toggled, this, &DevicesView::reload);
    connect(refresh, &QPushButton::clicked, this, &DevicesView::reload);
    auto showSelected = [this] {
        const QModelIndex i = m_groupTable->currentIndex();
        if (i.isValid())
            emit showDeviceResults(i.data(PagedJsonModel::IdRole).toString());
    };
    connect(show, &QPushButton::clicked, this, showSelected);
    connect(m_groupTable, &QTableView::activated, this, showSelected);
}

QAbstractItemModel *DevicesView::exportModel() const
{
    return m_groupTable->model();
}

void DevicesView::activate()
{
    if (!m_loaded)
        reload();
}

void DevicesView::reload()
{
    if (!m_services.api || !m_services.api->hasToken())
        return;
    m_loaded = true;
    QUrlQuery q;
    if (m_flaggedOnly->isChecked())
        q.addQueryItem(QStringLiteral("flagged"), QStringLiteral("true"));
    m_status->setText(tr("Loading…"));
    m_services.api->get(QStringLiteral("/fingerprints/groups"), q, this, [this](const Api::Response &r) {
        if (!r.ok()) {
            m_status->setText(r.error.userMessage());
            return;
        }
        const QJsonArray groups = r.object().value(QStringLiteral("groups")).toArray();
        int flagged = 0;
        for (const QJsonValue &g : groups)
            flagged += g.toObject().value(QStringLiteral("flags")).toArray().isEmpty() ? 0 : 1;
        m_groups->setItems(groups);
        m_multi->setItems(r.object().value(QStringLiteral("multiDeviceCandidates")).toArray());
        m_status->setText(tr("%1 device groups, %2 with anomalies").arg(groups.size()).arg(flagged));
    });
}

// ---- AbandonedView ----

AbandonedView::AbandonedView(const Services &services, QWidget *parent)
    : View(parent), m_services(services), m_model(new Models::AbandonedModel(services.api, this)),
      m_proxy(sortProxy(m_model, this)), m_kind(new QComboBox(this)), m_idle(new QComboBox(this)),
      m_status(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading(tr("Abandoned sessions"), this));
    auto *row = new QHBoxLayout;
    // The server lists one kind per request (kind=test by default): "All" asks for both.
    m_kind->addItem(tr("Tests and study"), QString());
    m_kind->addItem(tr("Tests only"), QStringLiteral("test"));
    m_kind->addItem(tr("Study only"), QStringLiteral("study"));
    m_kind->setAccessibleName(tr("Session kind"));
    // Abandoned means idle: a session still being answered is not abandoned unless asked for.
    m_idle->addItem(tr("idle for 30 min or more"), 30);
    m_idle->addItem(tr("idle for 2 hours or more"), 120);
    m_idle->addItem(tr("idle for a day or more"), 1440);
    m_idle->addItem(tr("any, including sessions in progress"), 0);
    m_idle->setAccessibleName(tr("Idle for"));
    row->addWidget(new QLabel(tr("Started but never finished:"), this));
    row->addWidget(m_kind);
    row->addWidget(m_idle);
    row->addWidget(m_status, 1);
    layout->addLayout(row);
    auto *table = makeTable(m_proxy, tr("Abandoned sessions"), this);
    table->setSortingEnabled(true);
    table->setColumnWidth(Models::AbandonedModel::Candidate, 240);
    layout->addWidget(table, 1);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &AbandonedView::reload);
    connect(m_idle, &QComboBox::currentIndexChanged, this, &AbandonedView::reload);
    connect(table, &QTableView::activated, this,
            [this](const QModelIndex &i) { emit openSession(i.data(PagedJsonModel::IdRole).toString()); });
}

QAbstractItemModel *AbandonedView::exportModel() const
{
    return m_proxy;
}

QString AbandonedView::statusText() const
{
    return m_status->text();
}

void AbandonedView::activate()
{
    if (!m_loaded)
        reload();
}

void AbandonedView::reload()
{
    if (!m_services.api)
        return;
    m_loaded = true;
    const quint64 generation = ++m_generation;
    const QString kind = m_kind->currentData().toString();
    const auto query = [this](const QString &k) {
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("kind"), k);
        q.addQueryItem(QStringLiteral("idleMinutes"), QString::number(m_idle->currentData().toInt()));
        q.addQueryItem(QStringLiteral("limit"), QStringLiteral("200"));
        return q;
    };
    m_status->clear();
    if (!kind.isEmpty()) {
        m_model->setSource(QStringLiteral("/sessions/abandoned"), query(kind));
        return;
    }
    // Both kinds, newest first like each list; each kind's first 200.
    auto merged = std::make_shared<QList<QJsonObject>>();
    auto pending = std::make_shared<int>(2);
    for (const QString &k : {QStringLiteral("test"), QStringLiteral("study")}) {
        m_services.api->get(
            QStringLiteral("/sessions/abandoned"), query(k), this,
            [this, generation, merged, pending](const Api::Response &r) {
                if (generation != m_generation)
                    return;
                if (!r.ok())
                    m_status->setText(r.error.userMessage());
                for (const QJsonValue &v : r.object().value(QStringLiteral("items")).toArray())
                    merged->append(v.toObject());
                if (--*pending > 0)
                    return;
                std::sort(merged->begin(), merged->end(), [](const QJsonObject &a, const QJsonObject &b) {
                    return a.value(QStringLiteral("startedAt")).toString() >
                           b.value(QStringLiteral("startedAt")).toString();
                });
                QJsonArray items;
                for (const QJsonObject &o : *merged)
                    items.append(o);
                m_model->setItems(items);
            });
    }
}

// ---- CertificatesView ----

CertificatesView::CertificatesView(const Services &services, QWidget *parent)
    : View(parent), m_services(services), m_model(new Models::CertificatesModel(services.api, this)),
      m_year(new QSpinBox(this)), m_month(new QComboBox(this)), m_order(new QComboBox(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading(tr("Certificates"), this));
    auto *row = new QHBoxLayout;
    m_year->setRange(0, 2100);
    m_year->setSpecialValueText(tr("any year"));
    m_year->setValue(QDate::currentDate().year());
    m_year->setAccessibleName(tr("Year"));
    m_month->addItem(tr("any month"), 0);
    for (int m = 1; m <= 12; ++m)
        m_month->addItem(QLocale().standaloneMonthName(m), m);
    m_month->setAccessibleName(tr("Month"));
    m_order->addItem(tr("Newest first"), QStringLiteral("desc"));
    m_order->addItem(tr("Oldest first"), QStringLiteral("asc"));
    m_order->setAccessibleName(tr("Order"));
    auto *apply = new QPushButton(tr("Apply"), this);
    auto *revoke = new QPushButton(tr("Revoke…"), this);
    revoke->setObjectName(QStringLiteral("revokeCertificate"));
    revoke->setToolTip(tr("Revoke the selected certificate (administrators only)"));
    row->addWidget(new QLabel(tr("Year:"), this));
    row->addWidget(m_year);
    row->addWidget(new QLabel(tr("Month:"), this));
    row->addWidget(m_month);
    row->addWidget(m_order);
    row->addWidget(apply);
    row->addStretch();
    row->addWidget(revoke);
    layout->addLayout(row);
    auto *table = makeTable(m_model, tr("Certificate registry"), this);
    m_table = table;
    connect(revoke, &QPushButton::clicked, this, &CertificatesView::revokeSelected);
    // A revocation by any administrator shows here without a manual refresh.
    if (services.live)
        connect(services.live, &Api::LiveFeedClient::certificateRevoked, this, [this] {
            if (m_loaded)
                reload();
        });
    table->setColumnWidth(Models::CertificatesModel::Holder, 240);
    table->setColumnWidth(Models::CertificatesModel::Test, 220);
    layout->addWidget(table, 1);
    connect(apply, &QPushButton::clicked, this, &CertificatesView::reload);
    connect(table, &QTableView::activated, this, [this](const QModelIndex &i) {
        emit openSession(i.data(PagedJsonModel::SessionIdRole).toString());
    });
}

void CertificatesView::revokeSelected()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) {
        QMessageBox::information(this, tr("Revoke certificate"), tr("Select a certificate first."));
        return;
    }
    const QJsonObject item = current.data(PagedJsonModel::ObjectRole).toJsonObject();
    const QString number = item.value(QStringLiteral("number")).toString();
    if (item.value(QStringLiteral("revoked")).toBool()) {
        QMessageBox::information(this, tr("Revoke certificate"),
                                 tr("Certificate %1 is already revoked.").arg(number));
        return;
    }
    bool ok = false;
    const QString reason =
        QInputDialog::getMultiLineText(this, tr("Revoke certificate"),
                                       tr("Certificate %1 will show as revoked to anyone who verifies it. "
                                          "Reason (up to 500 characters):")
                                           .arg(number),
                                       {}, &ok)
            .trimmed();
    if (!ok)
        return;
    if (reason.isEmpty() || reason.size() > 500) {
        QMessageBox::warning(this, tr("Revoke certificate"),
                             tr("The reason must be 1 to 500 characters long."));
        return;
    }
    m_services.api->post(QStringLiteral("/certificates/") +
                             QString::fromLatin1(QUrl::toPercentEncoding(number)) + QStringLiteral("/revoke"),
                         QJsonObject{{QStringLiteral("reason"), reason}}, this,
                         [this](const Api::Response &r) {
                             if (!r.ok()) {
                                 QMessageBox::warning(this, tr("Revoke certificate"), r.error.userMessage());
                                 return;
                             }
                             reload();
                         });
}

QAbstractItemModel *CertificatesView::exportModel() const
{
    return m_model;
}

void CertificatesView::activate()
{
    if (!m_loaded)
        reload();
}

void CertificatesView::reload()
{
    m_loaded = true;
    QUrlQuery q;
    if (m_year->value() > 0)
        q.addQueryItem(QStringLiteral("year"), QString::number(m_year->value()));
    if (m_month->currentData().toInt() > 0)
        q.addQueryItem(QStringLiteral("month"), QString::number(m_month->currentData().toInt()));
    q.addQueryItem(QStringLiteral("order"), m_order->currentData().toString());
    q.addQueryItem(QStringLiteral("limit"), QStringLiteral("100"));
    m_model->setSource(QStringLiteral("/certificates"), q);
}

} // namespace Proctor::Admin::Views
