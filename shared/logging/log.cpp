// SPDX-License-Identifier: MIT
// Structured log lines rendered here; spdlog only moves finished lines to stdout (thread-safe sink).
#include "logging/log.h"

#include <atomic>
#include <memory>

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Proctor::Log {
namespace {

std::atomic<Format> g_format{Format::Text};
std::atomic<Level> g_minimum{Level::Info};

std::shared_ptr<spdlog::logger> &logger()
{
    static std::shared_ptr<spdlog::logger> instance = [] {
        auto l =
            std::make_shared<spdlog::logger>("proctor", std::make_shared<spdlog::sinks::stdout_sink_mt>());
        l->set_pattern("%v");
        l->set_level(spdlog::level::trace);
        l->flush_on(spdlog::level::trace); // a crash must not eat the last lines
        return l;
    }();
    return instance;
}

QString textValue(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::String: {
        const QString s = v.toString();
        return s.contains(QLatin1Char(' ')) ? QLatin1Char('"') + s + QLatin1Char('"') : s;
    }
    case QJsonValue::Double:
        return QString::number(v.toDouble(), 'g', 12);
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return QStringLiteral("null");
    default:
        return QString::fromUtf8(v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                                             : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    }
}

} // namespace

const char *levelName(Level level)
{
    switch (level) {
    case Level::Debug:
        return "debug";
    case Level::Info:
        return "info";
    case Level::Warning:
        return "warning";
    case Level::Error:
        return "error";
    }
    return "info";
}

QByteArray formatLine(Format format, Level level, QStringView message, Fields fields, const QDateTime &utc)
{
    const QString ts = utc.toString(Qt::ISODateWithMs);
    if (format == Format::Json) {
        QJsonObject o;
        o.insert(QStringLiteral("ts"), ts);
        o.insert(QStringLiteral("level"), QLatin1String(levelName(level)));
        o.insert(QStringLiteral("msg"), message.toString());
        for (const auto &[key, value] : fields)
            o.insert(QLatin1String(key), value);
        return QJsonDocument(o).toJson(QJsonDocument::Compact);
    }
    QString line = ts + QLatin1Char(' ') + QString::fromLatin1(levelName(level)).toUpper() +
                   QLatin1Char(' ') + message.toString();
    for (const auto &[key, value] : fields)
        line += QLatin1Char(' ') + QLatin1String(key) + QLatin1Char('=') + textValue(value);
    return line.toUtf8();
}

void setup(Format format, Level minimum)
{
    g_format = format;
    g_minimum = minimum;
    logger();
}

void write(Level level, QStringView message, Fields fields)
{
    if (static_cast<int>(level) < static_cast<int>(g_minimum.load()))
        return;
    const QByteArray line = formatLine(g_format, level, message, fields, QDateTime::currentDateTimeUtc());
    logger()->log(spdlog::level::info, std::string_view(line.constData(), size_t(line.size())));
}

} // namespace Proctor::Log
