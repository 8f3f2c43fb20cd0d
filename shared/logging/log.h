// SPDX-License-Identifier: MIT
// Structured logging: one JSON object per line (production) or readable text (development), via spdlog.
#pragma once

#include <initializer_list>
#include <utility>

#include <QByteArray>
#include <QDateTime>
#include <QJsonValue>
#include <QString>

namespace Proctor::Log {

enum class Format
{
    Json,
    Text
};
enum class Level
{
    Debug = 0,
    Info = 1,
    Warning = 2,
    Error = 3
};

using Field = std::pair<const char *, QJsonValue>;
using Fields = std::initializer_list<Field>;

// Sends lines to stdout through an spdlog logger. Call once at start-up; before that, lines go to stdout
// in Text format at Info level.
void setup(Format format, Level minimum);

void write(Level level, QStringView message, Fields fields = {});
inline void debug(QStringView m, Fields f = {})
{
    write(Level::Debug, m, f);
}
inline void info(QStringView m, Fields f = {})
{
    write(Level::Info, m, f);
}
inline void warning(QStringView m, Fields f = {})
{
    write(Level::Warning, m, f);
}
inline void error(QStringView m, Fields f = {})
{
    write(Level::Error, m, f);
}

// Pure formatting, exposed for tests: the exact line written (without the newline).
QByteArray formatLine(Format format, Level level, QStringView message, Fields fields, const QDateTime &utc);

const char *levelName(Level level);

} // namespace Proctor::Log
