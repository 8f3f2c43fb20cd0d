// SPDX-License-Identifier: MIT
// The one way views make their tables: row selection, alternating rows, no row numbers, an accessible name.
#pragma once

#include <QString>

class QAbstractItemModel;
class QTableView;
class QWidget;

namespace Proctor::Admin::Views {

QTableView *makeTableView(QAbstractItemModel *model, const QString &accessibleName, QWidget *parent);

} // namespace Proctor::Admin::Views
