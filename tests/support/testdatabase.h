// SPDX-License-Identifier: MIT
// A fresh, uniquely named database on the throwaway PostgreSQL that `make test` started; dropped on
// destruction.
#pragma once

#include <QString>

namespace Proctor::Testing {

class TestDatabase
{
public:
    // Creates the database; url() is empty and error() says why when that failed.
    explicit TestDatabase(const QString &namePrefix = QStringLiteral("t"));
    ~TestDatabase();
    TestDatabase(const TestDatabase &) = delete;
    TestDatabase &operator=(const TestDatabase &) = delete;

    QString url() const { return m_url; }
    QString name() const { return m_name; }
    QString error() const { return m_error; }

    // Runs one SQL statement and returns the first column of the first row as text ("" when no row).
    QString scalar(const QString &sql) const;

    // The admin URL from the environment (PROCTOR_TEST_PG_ADMIN_URL), empty when not set.
    static QString adminUrl();

private:
    QString m_name;
    QString m_url;
    QString m_error;
};

} // namespace Proctor::Testing
