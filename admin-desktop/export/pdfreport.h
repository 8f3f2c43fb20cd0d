// SPDX-License-Identifier: MIT
// A PDF report of one session (QPdfWriter): identity, score, violations, risk, timeline summary and
// the trajectory picture.
#pragma once

#include <QImage>
#include <QString>

#include "api/apitypes.h"

namespace Proctor::Admin::Export {

struct SessionReport
{
    Api::SessionDetail detail;
    QList<Api::EventItem> events;
    Api::RiskReport risk;
    QImage trajectory; // may be null
    QString trajectoryCaption;
};

bool writeSessionPdf(const SessionReport &report, const QString &path, QString *error = nullptr);

} // namespace Proctor::Admin::Export
