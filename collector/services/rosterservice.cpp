// SPDX-License-Identifier: MIT
#include "services/rosterservice.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QRandomGenerator>

#include "services/rostercsv.h"
#include "storage/dbpool.h"
#include "storage/testcatalog.h"

namespace Proctor::Collector::Services {
namespace {

// Crockford's base32: no I, L, O, U, so a code read aloud or off paper is not misread.
constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr int kCodeLength = 10; // 50 bits from the system CSPRNG

Expected<void> checkExpiry(const QDateTime &expiresAt)
{
    if (expiresAt.isValid() && expiresAt <= QDateTime::currentDateTimeUtc())
        return makeError(ErrorCode::ValidationFailed, QStringLiteral("expiresAt must be in the future"),
                         QStringLiteral("expiresAt"));
    return {};
}

QString entryTarget(const QString &testId, qint64 id)
{
    return QStringLiteral("roster:%1/%2").arg(testId).arg(id);
}

IssuedCode issue(pqxx::work &tx, const Storage::RosterEntry &entry, const QDateTime &expiresAt)
{
    IssuedCode out{entry, RosterService::generateCode()};
    Storage::RosterRepository::setCode(tx, entry.testId, entry.id, RosterService::hashCode(out.code),
                                       expiresAt);
    out.entry.hasCode = true;
    out.entry.codeExpiresAt = expiresAt.isValid() ? expiresAt.toUTC() : QDateTime();
    out.entry.codeIssuedAt = QDateTime::currentDateTimeUtc();
    return out;
}

} // namespace

QString RosterService::generateCode()
{
    QString code;
    for (int i = 0; i < kCodeLength; ++i) {
        if (i == kCodeLength / 2)
            code += QLatin1Char('-');
        code += QLatin1Char(kAlphabet[QRandomGenerator::system()->bounded(32)]);
    }
    return code;
}

QString RosterService::normaliseCode(const QString &code)
{
    QString out;
    for (QChar ch : code.toUpper()) {
        if (ch == QLatin1Char('-') || ch.isSpace())
            continue;
        if (ch == QLatin1Char('O'))
            ch = QLatin1Char('0');
        else if (ch == QLatin1Char('I') || ch == QLatin1Char('L'))
            ch = QLatin1Char('1');
        out += ch;
    }
    return out;
}

QByteArray RosterService::hashCode(const QString &code)
{
    return QCryptographicHash::hash(normaliseCode(code).toUtf8(), QCryptographicHash::Sha256);
}

QFuture<Expected<RosterImport>> RosterService::importCsv(const Actor &actor, const QString &testId,
                                                         const QByteArray &csv, const QDateTime &expiresAt)
{
    if (auto ok = checkExpiry(expiresAt); !ok)
        return QtFuture::makeReadyFuture(Expected<RosterImport>(tl::unexpected(ok.error())));
    auto rows = parseRosterCsv(csv);
    if (!rows)
        return QtFuture::makeReadyFuture(Expected<RosterImport>(tl::unexpected(rows.error())));
    return m_db.run<RosterImport>([this, actor, testId, rows = std::move(*rows),
                                   expiresAt](pqxx::connection &c) -> Expected<RosterImport> {
        if (auto test = m_tests.get(c, testId); !test)
            return tl::unexpected(test.error());
        RosterImport out;
        pqxx::work tx(c);
        QJsonArray lines;
        for (const RosterCsvRow &row : rows) {
            const auto [entry, created] = Storage::RosterRepository::upsert(tx, testId, row.person);
            created ? ++out.created : ++out.updated;
            // An updated entry keeps the code already sent to the person; only new entries get one.
            if (created || !entry.hasCode)
                out.codes.append(issue(tx, entry, expiresAt));
            else
                out.unchanged.append(entry);
            lines.append(QString::number(entry.id));
        }
        Storage::AuditLog::record(
            tx, actor.audit(QStringLiteral("roster.import"), QStringLiteral("test:%1").arg(testId),
                            QJsonObject{{QStringLiteral("created"), out.created},
                                        {QStringLiteral("updated"), out.updated},
                                        {QStringLiteral("codesIssued"), int(out.codes.size())},
                                        {QStringLiteral("entryIds"), lines}}));
        tx.commit();
        return out;
    });
}

QFuture<Expected<QList<Storage::RosterEntry>>> RosterService::list(const QString &testId)
{
    return m_db.run<QList<Storage::RosterEntry>>(
        [this, testId](pqxx::connection &c) -> Expected<QList<Storage::RosterEntry>> {
            if (auto test = m_tests.get(c, testId); !test)
                return tl::unexpected(test.error());
            pqxx::read_transaction tx(c);
            return Storage::RosterRepository::list(tx, testId);
        });
}

QFuture<Expected<IssuedCode>> RosterService::regenerateCode(const Actor &actor, const QString &testId,
                                                            qint64 entryId, const QDateTime &expiresAt)
{
    if (auto ok = checkExpiry(expiresAt); !ok)
        return QtFuture::makeReadyFuture(Expected<IssuedCode>(tl::unexpected(ok.error())));
    return m_db.run<IssuedCode>(
        [actor, testId, entryId, expiresAt](pqxx::connection &c) -> Expected<IssuedCode> {
            pqxx::work tx(c);
            const auto entry = Storage::RosterRepository::find(tx, testId, entryId);
            if (!entry)
                return makeError(ErrorCode::NotFound, QStringLiteral("no such roster entry"),
                                 QStringLiteral("entryId"));
            IssuedCode out = issue(tx, *entry, expiresAt);
            Storage::AuditLog::record(
                tx, actor.audit(QStringLiteral("roster.code"), entryTarget(testId, entryId),
                                QJsonObject{{QStringLiteral("expiresAt"),
                                             expiresAt.isValid() ? expiresAt.toUTC().toString(Qt::ISODate)
                                                                 : QString()}}));
            tx.commit();
            return out;
        });
}

QFuture<Expected<void>> RosterService::remove(const Actor &actor, const QString &testId, qint64 entryId)
{
    return m_db.run<void>([actor, testId, entryId](pqxx::connection &c) -> Expected<void> {
        pqxx::work tx(c);
        const auto entry = Storage::RosterRepository::find(tx, testId, entryId);
        if (!entry || !Storage::RosterRepository::remove(tx, testId, entryId))
            return makeError(ErrorCode::NotFound, QStringLiteral("no such roster entry"),
                             QStringLiteral("entryId"));
        Storage::AuditLog::record(
            tx, actor.audit(QStringLiteral("roster.delete"), entryTarget(testId, entryId),
                            QJsonObject{{QStringLiteral("lastName"), entry->person.lastName},
                                        {QStringLiteral("firstName"), entry->person.firstName}}));
        tx.commit();
        return {};
    });
}

Expected<Storage::CandidateIdentity> RosterService::resolveCode(pqxx::transaction_base &tx,
                                                                const QString &testId, const QString &code,
                                                                const QString &persistentId)
{
    // One answer for a missing, unknown, expired or another test's code: the page cannot tell them apart,
    // so neither can someone probing codes.
    const auto refused = [] {
        return makeError(ErrorCode::InvalidAccessCode,
                         QStringLiteral("this test needs a valid personal access code"),
                         QStringLiteral("/accessCode"));
    };
    const QString normalised = normaliseCode(code);
    if (normalised.size() != kCodeLength)
        return refused();
    const auto entry = Storage::RosterRepository::findByCode(tx, hashCode(normalised));
    if (!entry || entry->testId != testId ||
        (entry->codeExpiresAt.isValid() && entry->codeExpiresAt <= QDateTime::currentDateTimeUtc()))
        return refused();
    Storage::RosterRepository::markUsed(tx, entry->id);
    Storage::CandidateIdentity who;
    who.lastName = entry->person.lastName;
    who.firstName = entry->person.firstName;
    who.middleName = entry->person.middleName;
    who.position = entry->person.position;
    who.email = entry->person.email;
    who.persistentId = persistentId;
    who.rosterEntryId = entry->id;
    return who;
}

} // namespace Proctor::Collector::Services
