// SPDX-License-Identifier: MIT
// Admin password hashing: argon2id through libsodium's crypto_pwhash_str (salt and parameters travel inside
// the stored string, so the cost can be raised later without a migration).
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QThreadPool>

namespace Proctor::Collector::Auth {

class PasswordHasher
{
public:
    // Initialises libsodium once; qFatal when it cannot (no usable randomness).
    PasswordHasher();

    // The encoded argon2id string ("$argon2id$v=19$m=…"); empty only when out of memory.
    QByteArray hash(QByteArrayView password) const;
    bool verify(const QByteArray &encodedHash, QByteArrayView password) const;
    // Burns about the time of a verify, so an unknown e-mail answers as slowly as a wrong password.
    void verifyDummy(QByteArrayView password) const;

    // A small pool of its own for verifications: each takes tens of milliseconds and 64 MiB, so a burst of
    // logins must neither hold database threads nor take all cores.
    static QThreadPool &pool();

    static constexpr int kMinPasswordLength = 10;
    static constexpr int kMaxPasswordLength = 1024;
};

} // namespace Proctor::Collector::Auth
