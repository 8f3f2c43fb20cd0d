// SPDX-License-Identifier: MIT
// Where the GUI tests save their screenshots: $PROCTOR_ARTIFACTS_DIR/screenshots, else
// build-desktop/screenshots.
#pragma once

#include <QDir>
#include <QWidget>

namespace Proctor::Testing {

inline QString screenshotDir()
{
    QString base = qEnvironmentVariable("PROCTOR_ARTIFACTS_DIR");
    if (base.isEmpty())
        base = qEnvironmentVariable("PROCTOR_SOURCE_DIR", QStringLiteral(".")) +
               QStringLiteral("/build-desktop");
    const QString dir = base + QStringLiteral("/screenshots");
    QDir().mkpath(dir);
    return dir;
}

inline bool saveScreenshot(QWidget *w, const QString &name)
{
    return w->grab().save(screenshotDir() + QLatin1Char('/') + name + QStringLiteral(".png"));
}

} // namespace Proctor::Testing
