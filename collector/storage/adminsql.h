// SPDX-License-Identifier: MIT
// Small helpers the admin-side repositories share: UTC timestamps as RFC 3339 text, bytea and jsonb values.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <pqxx/pqxx>

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

#include "storage/database.h"

namespace Proctor::Collector::Storage::AdminSql {

// SQL rendering a timestamptz expression as "2026-11-25T10:00:00.123Z" whatever the session time zone.
inline std::string iso(const std::string &expr)
{
    return "to_char((" + expr + ") AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')";
}

inline QDateTime timestamp(const pqxx::field &f)
{
    if (f.is_null())
        return {};
    QDateTime t = QDateTime::fromString(toQString(f.as<std::string>()), Qt::ISODateWithMs);
    t.setTimeSpec(Qt::UTC);
    return t;
}

inline QJsonValue timestampJson(const pqxx::field &f)
{
    return f.is_null() ? QJsonValue() : QJsonValue(toQString(f.as<std::string>()));
}

inline QJsonValue textJson(const pqxx::field &f)
{
    return f.is_null() ? QJsonValue() : QJsonValue(toQString(f.as<std::string>()));
}

inline QJsonValue intJson(const pqxx::field &f)
{
    return f.is_null() ? QJsonValue() : QJsonValue(f.as<qint64>());
}

inline QJsonValue boolJson(const pqxx::field &f)
{
    return f.is_null() ? QJsonValue() : QJsonValue(f.as<bool>());
}

inline QJsonValue jsonb(const pqxx::field &f)
{
    if (f.is_null())
        return QJsonValue();
    const QJsonDocument d = QJsonDocument::fromJson(QByteArray::fromStdString(f.as<std::string>()));
    if (d.isArray())
        return d.array();
    if (d.isObject())
        return d.object();
    return QJsonValue();
}

inline std::string jsonText(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}

inline pqxx::binarystring bytes(const QByteArray &b)
{
    return pqxx::binarystring(reinterpret_cast<const unsigned char *>(b.constData()), size_t(b.size()));
}

inline QByteArray bytes(const pqxx::field &f)
{
    const pqxx::binarystring b(f);
    return QByteArray(reinterpret_cast<const char *>(b.data()), qsizetype(b.size()));
}

// libpqxx 6 sends an empty std::optional as NULL.
inline std::optional<std::string> optionalText(const QString &s)
{
    return s.isEmpty() ? std::optional<std::string>() : std::optional<std::string>(toStd(s));
}

// Positional parameters for SQL assembled at run time (filters that may or may not apply): add() returns the
// placeholder to splice in. Values travel as text; the SQL casts them.
class Params
{
public:
    std::string add(const std::string &value)
    {
        m_values.push_back(value);
        return "$" + std::to_string(m_values.size());
    }
    std::string add(const QString &value) { return add(toStd(value)); }
    auto dynamic() const { return pqxx::prepare::make_dynamic_params(m_values); }

private:
    std::vector<std::string> m_values;
};

// A LIKE pattern matching `text` anywhere, with the user's % and _ taken literally.
inline QString containsPattern(QString text)
{
    text.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    text.replace(QLatin1Char('%'), QStringLiteral("\\%"));
    text.replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return QLatin1Char('%') + text + QLatin1Char('%');
}

} // namespace Proctor::Collector::Storage::AdminSql
