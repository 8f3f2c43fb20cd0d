// SPDX-License-Identifier: MIT
// Reading a roster CSV as offices export it: `;` or `,` separated, optional header row in Russian or
// English, UTF-8 with or without BOM, quoted fields. Errors name the line and the column.
#pragma once

#include <QByteArray>
#include <QList>

#include "core/error.h"
#include "storage/rosterrepository.h"

namespace Proctor::Collector::Services {

struct RosterCsvRow
{
    int line = 0; // 1-based line of the file where the record starts
    Storage::RosterPerson person;
};

// ValidationFailed with field "line N, column M" (or "line N") and a message starting with the same.
Expected<QList<RosterCsvRow>> parseRosterCsv(const QByteArray &csv);

} // namespace Proctor::Collector::Services
