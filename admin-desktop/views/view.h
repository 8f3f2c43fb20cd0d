// SPDX-License-Identifier: MIT
// What the main window needs from each page of the sidebar.
#pragma once

#include <QWidget>

class QAbstractItemModel;

namespace Proctor::Admin::Api {
class ApiClient;
class LiveFeedClient;
class TokenStore;
} // namespace Proctor::Admin::Api
namespace Proctor::Admin::Cache {
class SessionCache;
}

namespace Proctor::Admin::Views {

// The long-lived objects every view may use; owned by main() (or a test).
struct Services
{
    Api::ApiClient *api = nullptr;
    Api::LiveFeedClient *live = nullptr;
    Api::TokenStore *tokens = nullptr;
    Cache::SessionCache *cache = nullptr;
};

class View : public QWidget
{
public:
    using QWidget::QWidget;
    // The table "Export CSV" writes (nullptr: nothing to export here).
    virtual QAbstractItemModel *exportModel() const { return nullptr; }
    virtual QString exportName() const { return QStringLiteral("export"); }
    // Called when the page becomes visible (first load, refresh after sign-in).
    virtual void activate() {}
};

} // namespace Proctor::Admin::Views
