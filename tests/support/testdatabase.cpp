// SPDX-License-Identifier: MIT
#include "testdatabase.h"

#include <pqxx/pqxx>

#include <QRandomGenerator>

namespace Proctor::Testing {

QString TestDatabase::adminUrl()
{
    return qEnvironmentVariable("PROCTOR_TEST_PG_ADMIN_URL");
}

TestDatabase::TestDatabase(const QString &namePrefix)
{
    const QString admin = adminUrl();
    if (admin.isEmpty()) {
        m_error = QStringLiteral("PROCTOR_TEST_PG_ADMIN_URL is not set: run the tests with `make test`");
        return;
    }
    m_name = QStringLiteral("%1_%2")
                 .arg(namePrefix.toLower())
                 .arg(QRandomGenerator::global()->generate64(), 0, 36);
    try {
        pqxx::connection c(admin.toStdString());
        pqxx::nontransaction(c).exec("CREATE DATABASE " + c.quote_name(m_name.toStdString()));
    } catch (const std::exception &e) {
        m_error = QString::fromUtf8(e.what());
        return;
    }
    const qsizetype slash = admin.lastIndexOf(QLatin1Char('/'));
    m_url = admin.left(slash + 1) + m_name;
}

TestDatabase::~TestDatabase()
{
    if (m_url.isEmpty())
        return;
    try {
        pqxx::connection c(adminUrl().toStdString());
        pqxx::nontransaction(c).exec("DROP DATABASE IF EXISTS " + c.quote_name(m_name.toStdString()) +
                                     " WITH (FORCE)");
    } catch (...) {
        // A leftover database in a throwaway cluster is harmless.
    }
}

QString TestDatabase::scalar(const QString &sql) const
{
    pqxx::connection c(m_url.toStdString());
    pqxx::nontransaction tx(c);
    const pqxx::result r = tx.exec(sql.toStdString());
    if (r.empty() || r[0][0].is_null())
        return {};
    return QString::fromStdString(r[0][0].as<std::string>());
}

} // namespace Proctor::Testing
