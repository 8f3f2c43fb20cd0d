// SPDX-License-Identifier: MIT
// Where the sign-in token lives: the OS keychain through qtkeychain. Never QSettings. Where no keychain
// exists (offscreen tests, a desktop without a secret service), the token is kept in memory only
// and the UI says so.
#pragma once

#include <functional>

#include <QHash>
#include <QObject>

namespace Proctor::Admin::Api {

class TokenStore final : public QObject
{
    Q_OBJECT
public:
    enum class Backend
    {
        Keychain,
        Memory
    };

    explicit TokenStore(QObject *parent = nullptr);

    Backend backend() const { return m_backend; }
    // Why the token is not in the keychain (empty while it is).
    QString memoryReason() const { return m_reason; }
    void forceMemory(const QString &reason);

    static QString accountKey(const QString &server, const QString &email);

    void save(const QString &account, const QByteArray &token, std::function<void(bool)> done = {});
    void load(const QString &account, std::function<void(QByteArray)> done);
    void remove(const QString &account);

signals:
    void backendChanged(Proctor::Admin::Api::TokenStore::Backend backend);

private:
    void fallBack(const QString &reason);

    Backend m_backend = Backend::Keychain;
    QString m_reason;
    QHash<QString, QByteArray> m_memory;
};

} // namespace Proctor::Admin::Api
