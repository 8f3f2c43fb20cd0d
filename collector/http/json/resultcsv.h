// SPDX-License-Identifier: MIT
// GET /api/v1/results/export.csv: the results rows as CSV (RFC 4180 quoting), raw values rather than display
// text, every cell safe to open in a spreadsheet (docs/api.md).
#pragma once

#include <QByteArray>
#include <QString>

#include "services/reviewtypes.h"

namespace Proctor::Collector::Http::Json::ResultCsv {

// The byte order mark (semicolon files only: Excel needs it to read UTF-8) and the header line.
QByteArray head(bool semicolon);
// One line per row, each ending in CRLF.
QByteArray rows(const Services::ResultList &list, bool semicolon);
// A cell that a spreadsheet would read as a formula (it begins with = + - @, a tab or a carriage return)
// gets a leading apostrophe, so "-1+1" or "=HYPERLINK(...)" stay text; then RFC 4180 quoting where needed.
QByteArray cell(const QString &value, char separator);

} // namespace Proctor::Collector::Http::Json::ResultCsv
