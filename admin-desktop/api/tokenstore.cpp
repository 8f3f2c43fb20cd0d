// SPDX-License-Identifier: MIT
#include "api/tokenstore.h"

#include <qt6keychain/keychain.h>

#include <QGuiApplication>

namespace Proctor::Admin::Api {

namespace {
const QString kService = QStringLiteral("proctor-admin");
}

TokenStore::TokenStore(QObject *parent) : QObject(parent)
{
    const QString forced = qEnvironmentVariable("PROCTOR_ADMIN_TOKEN_STORE");
    if (forced == QLatin1String("memory"))
        forceMemory(tr("in-memory token store requested (PROCTOR_ADMIN_TOKEN_STORE=memory)"));
    else if (QGuiApplication::platformName() == QLatin1String("offscreen"))
        forceMemory(tr("no keychain on the offscreen platform"));
    else if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS") &&
             QSysInfo::productType() != QLatin1String("windows") &&
             QSysInfo::productType() != QLatin1String("macos"))
        forceMemory(tr("no desktop session bus, so no keychain service"));
}

void TokenStore::forceMemory(const QString &reason)
{
    m_backend = Backend::Memory;
    m_reason = reason;
    emit backendChanged(m_backend);
}

void TokenStore::fallBack(const QString &reason)
{
    if (m_backend == Backend::Memory)
        return;
    forceMemory(reason);
}

QString TokenStore::accountKey(const QString &server, const QString &email)
{
    return email.trimmed().toLower() + QLatin1Char('@') + server;
}

void TokenStore::save(const QString &account, const QByteArray &token, std::function<void(bool)> done)
{
    if (m_backend == Backend::Memory) {
        m_memory.insert(account, token);
        if (done)
            done(true);
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(kService, this);
    job->setKey(account);
    job->setBinaryData(token);
    connect(job, &QKeychain::Job::finished, this, [this, job, account, token, done] {
        if (job->error() != QKeychain::NoError) {
            fallBack(tr("the keychain refused the token: %1").arg(job->errorString()));
            m_memory.insert(account, token);
        }
        if (done)
            done(true);
    });
    job->start();
}

void TokenStore::load(const QString &account, std::function<void(QByteArray)> done)
{
    if (m_backend == Backend::Memory) {
        done(m_memory.value(account));
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(kService, this);
    job->setKey(account);
    connect(job, &QKeychain::Job::finished, this, [this, job, account, done] {
        if (job->error() == QKeychain::NoError)
            done(job->binaryData());
        else if (job->error() == QKeychain::EntryNotFound)
            done({});
        else {
            fallBack(tr("the keychain is not available: %1").arg(job->errorString()));
            done(m_memory.value(account));
        }
    });
    job->start();
}

void TokenStore::remove(const QString &account)
{
    m_memory.remove(account);
    if (m_backend == Backend::Memory)
        return;
    auto *job = new QKeychain::DeletePasswordJob(kService, this);
    job->setKey(account);
    job->start();
}

} // namespace Proctor::Admin::Api
