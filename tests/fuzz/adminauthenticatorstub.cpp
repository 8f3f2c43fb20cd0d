// SPDX-License-Identifier: MIT
// The fuzzers compile http/routes/adminguard.cpp for pageRequest() and adminJsonBody().
// AdminGuard::withAdmin, which no fuzzer calls, refers to the database-backed authenticator; this stands in
// for it at link time.
#include <cstdlib>

#include "auth/adminauthenticator.h"

namespace Proctor::Collector::Auth {

void AdminAuthenticator::authenticate(const QByteArray &, Callback)
{
    std::abort(); // never reached from a fuzzer
}

} // namespace Proctor::Collector::Auth
