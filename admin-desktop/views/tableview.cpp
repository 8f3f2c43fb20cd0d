// SPDX-License-Identifier: MIT
#include "views/tableview.h"

#include <QHeaderView>
#include <QTableView>

namespace Proctor::Admin::Views {

QTableView *makeTableView(QAbstractItemModel *model, const QString &accessibleName, QWidget *parent)
{
    auto *t = new QTableView(parent);
    t->setModel(model);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setAlternatingRowColors(true);
    t->horizontalHeader()->setStretchLastSection(true);
    t->verticalHeader()->hide();
    t->setWordWrap(false);
    t->setAccessibleName(accessibleName);
    return t;
}

} // namespace Proctor::Admin::Views
