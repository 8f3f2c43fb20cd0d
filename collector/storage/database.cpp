// SPDX-License-Identifier: MIT
// libpqxx throws; nothing above the storage layer sees an exception.
#include "storage/database.h"

#include "logging/log.h"

namespace Proctor::Collector::Storage {

QString toQString(const std::string &s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}
std::string toStd(const QString &s)
{
    return s.toStdString();
}

Expected<std::unique_ptr<pqxx::connection>> connect(const QString &url, int connectTimeoutSeconds)
{
    QString full = url;
    if (!full.contains(QLatin1String("connect_timeout=")))
        full += (full.contains(QLatin1Char('?')) ? QLatin1Char('&') : QLatin1Char('?')) +
                QStringLiteral("connect_timeout=%1").arg(connectTimeoutSeconds);
    if (!full.contains(QLatin1String("application_name=")))
        full += QStringLiteral("&application_name=proctor-collector");
    try {
        return std::make_unique<pqxx::connection>(toStd(full));
    } catch (...) {
        return tl::unexpected(currentExceptionAsError(QStringLiteral("connect to PostgreSQL")));
    }
}

Expected<void> ping(const QString &url, int timeoutSeconds)
{
    auto conn = connect(url, timeoutSeconds);
    if (!conn)
        return tl::unexpected(conn.error());
    try {
        pqxx::nontransaction tx(**conn);
        tx.exec("SET statement_timeout = " + std::to_string(timeoutSeconds * 1000));
        tx.exec1("SELECT 1");
        return {};
    } catch (...) {
        return tl::unexpected(currentExceptionAsError(QStringLiteral("ping PostgreSQL")));
    }
}

Error currentExceptionAsError(const QString &context)
{
    try {
        throw;
    } catch (const pqxx::broken_connection &e) {
        return Error{ErrorCode::Unavailable,
                     context + QStringLiteral(": database unavailable: ") + toQString(e.what()),
                     {},
                     2};
    } catch (const pqxx::sql_error &e) {
        // Lost connections sometimes surface as SQL errors of class 08 (connection exception) or 57P
        // (shutdown).
        const std::string state = e.sqlstate();
        if (state.rfind("08", 0) == 0 || state.rfind("57P", 0) == 0)
            return Error{ErrorCode::Unavailable,
                         context + QStringLiteral(": database unavailable: ") + toQString(e.what()),
                         {},
                         2};
        return Error{ErrorCode::Internal, context + QStringLiteral(": ") + toQString(e.what()), {}, 0};
    } catch (const std::exception &e) {
        return Error{ErrorCode::Internal, context + QStringLiteral(": ") + toQString(e.what()), {}, 0};
    }
}

} // namespace Proctor::Collector::Storage
