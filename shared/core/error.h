// SPDX-License-Identifier: MIT
// The error value passed across layer boundaries (storage -> service -> HTTP) inside tl::expected.
#pragma once

#include <tl/expected.hpp>

#include <QString>

namespace Proctor {

// Stable error codes. The HTTP layer maps each to a status in one place (collector/http/errorresponse.cpp).
enum class ErrorCode
{
    BadJson,
    ValidationFailed,
    BadParameter,
    MissingApiKey,
    InvalidApiKey,
    MissingToken,
    InvalidToken,
    ExpiredToken,
    InvalidCredentials,
    ForbiddenScope,
    ForbiddenSession,
    ForbiddenRole,
    InvalidAccessCode, // a roster test's personal code: unknown, expired or another test's (one answer for
                       // all)
    NotFound,
    MethodNotAllowed,
    Conflict,
    PayloadTooLarge,
    HeadersTooLarge,
    UnsupportedMediaType,
    RequestTimeout,
    UpgradeRequired,
    RateLimited,
    Unavailable,
    Internal,
};

struct Error
{
    ErrorCode code = ErrorCode::Internal;
    QString message;
    QString field;             // JSON pointer, header or parameter name at fault; empty when none
    int retryAfterSeconds = 0; // for RateLimited / Unavailable
};

template <typename T> using Expected = tl::expected<T, Error>;

inline tl::unexpected<Error> makeError(ErrorCode code, QString message, QString field = {})
{
    return tl::unexpected<Error>(Error{code, std::move(message), std::move(field), 0});
}

// The wire name of a code, e.g. "validation_failed".
const char *errorCodeName(ErrorCode code);

} // namespace Proctor
