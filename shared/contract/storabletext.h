// SPDX-License-Identifier: MIT
// Text PostgreSQL can store as it is. Valid JSON may still carry U+0000 (neither text nor jsonb holds it;
// libpq would cut a text parameter there) or an unpaired surrogate (jsonb refuses the escape, text would get
// '?'); such input is refused with the field named rather than failing in the database or being altered.
#pragma once

#include <tl/expected.hpp>

#include <QJsonObject>
#include <QString>

#include "contract/contracterror.h"

namespace Proctor::Contract {

bool isStorableText(const QString &text);

// ValidationFailed with the JSON pointer of the first key or string that is not storable text.
tl::expected<void, ContractError> requireStorableText(const QJsonObject &document);

} // namespace Proctor::Contract
