// SPDX-License-Identifier: MIT
// Wire names of the stable error codes.
#include "core/error.h"

namespace Proctor {

const char *errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::BadJson:
        return "bad_json";
    case ErrorCode::ValidationFailed:
        return "validation_failed";
    case ErrorCode::BadParameter:
        return "bad_parameter";
    case ErrorCode::MissingApiKey:
        return "missing_api_key";
    case ErrorCode::InvalidApiKey:
        return "invalid_api_key";
    case ErrorCode::MissingToken:
        return "missing_token";
    case ErrorCode::InvalidToken:
        return "invalid_token";
    case ErrorCode::ExpiredToken:
        return "expired_token";
    case ErrorCode::InvalidCredentials:
        return "invalid_credentials";
    case ErrorCode::ForbiddenScope:
        return "forbidden_scope";
    case ErrorCode::ForbiddenSession:
        return "forbidden_session";
    case ErrorCode::ForbiddenRole:
        return "forbidden_role";
    case ErrorCode::InvalidAccessCode:
        return "invalid_access_code";
    case ErrorCode::NotFound:
        return "not_found";
    case ErrorCode::MethodNotAllowed:
        return "method_not_allowed";
    case ErrorCode::Conflict:
        return "conflict";
    case ErrorCode::PayloadTooLarge:
        return "payload_too_large";
    case ErrorCode::HeadersTooLarge:
        return "headers_too_large";
    case ErrorCode::UnsupportedMediaType:
        return "unsupported_media_type";
    case ErrorCode::RequestTimeout:
        return "request_timeout";
    case ErrorCode::UpgradeRequired:
        return "upgrade_required";
    case ErrorCode::RateLimited:
        return "rate_limited";
    case ErrorCode::Unavailable:
        return "unavailable";
    case ErrorCode::Internal:
        return "internal";
    }
    return "internal";
}

} // namespace Proctor
