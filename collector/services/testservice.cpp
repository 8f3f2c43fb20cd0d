// SPDX-License-Identifier: MIT
#include "services/testservice.h"

#include <QCryptographicHash>

#include "contract/jsonparse.h"
#include "storage/dbpool.h"

namespace Proctor::Collector::Services {
namespace {

Error fromContract(const Contract::ContractError &e)
{
    const bool syntax = e.code == Contract::ContractError::Code::BadJson ||
                        e.code == Contract::ContractError::Code::TooDeep ||
                        e.code == Contract::ContractError::Code::NotAnObject;
    return Error{syntax ? ErrorCode::BadJson : ErrorCode::ValidationFailed, e.message, e.pointer, 0};
}

} // namespace

TestService::TestService(Storage::DbPool &db, Storage::TestCatalog &catalog) : m_db(db), m_catalog(catalog) {}

QFuture<Expected<QList<TestSummary>>> TestService::list()
{
    return m_db.run<QList<TestSummary>>([](pqxx::connection &c) -> Expected<QList<TestSummary>> {
        pqxx::nontransaction tx(c);
        return Storage::TestRepository::list(tx);
    });
}

QFuture<Expected<TestPtr>> TestService::get(const QString &id)
{
    return m_catalog.get(id);
}

QFuture<Expected<ImportedTest>> TestService::importDefinition(QByteArray file)
{
    // Checked before any database work: a bad file is refused even when the database is unreachable.
    const auto json = Contract::parseJsonObject(file);
    if (!json)
        return QtFuture::makeReadyFuture(Expected<ImportedTest>(tl::unexpected(fromContract(json.error()))));
    auto parsed = Contract::TestDefinition::fromJson(*json);
    if (!parsed)
        return QtFuture::makeReadyFuture(
            Expected<ImportedTest>(tl::unexpected(fromContract(parsed.error()))));
    // The file's own digest: importing the same bytes again is recognised without comparing definitions.
    const QByteArray checksum = QCryptographicHash::hash(file, QCryptographicHash::Sha256).toHex();
    auto test = std::make_shared<const Contract::TestDefinition>(std::move(*parsed));
    return m_db.run<ImportedTest>([this, test, checksum](pqxx::connection &c) -> Expected<ImportedTest> {
        pqxx::work tx(c);
        const ImportResult result = Storage::TestRepository::importTest(tx, *test, checksum);
        tx.commit();
        if (result != ImportResult::Unchanged)
            m_catalog.forget(test->id());
        return ImportedTest{test->id(), result, int(test->questions().size()), test->questionsPerAttempt(),
                            test->passThreshold()};
    });
}

} // namespace Proctor::Collector::Services
