// SPDX-License-Identifier: MIT
// argon2id password hashes via libsodium.
#include "auth/passwordhasher.h"

#include <sodium.h>

#include <QtGlobal>

namespace Proctor::Collector::Auth {
namespace {

// Interactive limits (2 passes, 64 MiB): a login is a human waiting, and logins are throttled anyway.
constexpr unsigned long long kOpsLimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
constexpr size_t kMemLimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;

} // namespace

PasswordHasher::PasswordHasher()
{
    if (sodium_init() < 0)
        qFatal("libsodium failed to initialise");
}

QByteArray PasswordHasher::hash(QByteArrayView password) const
{
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, password.data(), static_cast<unsigned long long>(password.size()),
                              kOpsLimit, kMemLimit, crypto_pwhash_ALG_ARGON2ID13) != 0)
        return {};
    return QByteArray(out);
}

bool PasswordHasher::verify(const QByteArray &encodedHash, QByteArrayView password) const
{
    if (encodedHash.isEmpty() || encodedHash.size() >= crypto_pwhash_STRBYTES)
        return false;
    return crypto_pwhash_str_verify(encodedHash.constData(), password.data(),
                                    static_cast<unsigned long long>(password.size())) == 0;
}

QThreadPool &PasswordHasher::pool()
{
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool;
        p->setMaxThreadCount(2);
        return p;
    }();
    return *pool;
}

void PasswordHasher::verifyDummy(QByteArrayView password) const
{
    // A fixed, valid hash of a random string: verification fails but costs the same as a real one.
    static const QByteArray dummy = hash("proctor-dummy-password-never-matches");
    (void)verify(dummy, password);
}

} // namespace Proctor::Collector::Auth
