// SPDX-License-Identifier: MIT
// Server text (names, user agents, comments) shown in a tooltip: Qt renders a tooltip as rich text when it
// merely looks like HTML, so a name such as <img src="file:///dev/zero"> would be interpreted. This wraps
// the text as an escaped paragraph, which always shows exactly the characters given.
#pragma once

#include <QString>
#include <QTextDocument>

namespace Proctor::Admin {

inline QString plainToolTip(const QString &text)
{
    return text.isEmpty() ? QString() : Qt::convertFromPlainText(text, Qt::WhiteSpaceNormal);
}

} // namespace Proctor::Admin
