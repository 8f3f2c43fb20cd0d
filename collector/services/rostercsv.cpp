// SPDX-License-Identifier: MIT
#include "services/rostercsv.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QStringDecoder>

namespace Proctor::Collector::Services {
namespace {

enum Column
{
    LastName,
    FirstName,
    MiddleName,
    Position,
    Email,
    ExternalId,
    ColumnCount
};

constexpr int kMaxRows = 10000;

const char *columnName(int c)
{
    static const char *names[] = {"last name", "first name", "middle name",
                                  "position",  "e-mail",     "external id"};
    return names[c];
}

int maxLength(int c)
{
    switch (c) {
    case Position:
        return 200;
    case Email:
        return 254;
    default:
        return 100;
    }
}

// Header cells, lower-cased with spaces, '_', '-' and '.' removed.
int headerColumn(const QString &cell)
{
    static const QHash<QString, int> known{{QStringLiteral("lastname"), LastName},
                                           {QStringLiteral("surname"), LastName},
                                           {QStringLiteral("фамилия"), LastName},
                                           {QStringLiteral("firstname"), FirstName},
                                           {QStringLiteral("givenname"), FirstName},
                                           {QStringLiteral("name"), FirstName},
                                           {QStringLiteral("имя"), FirstName},
                                           {QStringLiteral("middlename"), MiddleName},
                                           {QStringLiteral("patronymic"), MiddleName},
                                           {QStringLiteral("отчество"), MiddleName},
                                           {QStringLiteral("position"), Position},
                                           {QStringLiteral("jobtitle"), Position},
                                           {QStringLiteral("должность"), Position},
                                           {QStringLiteral("email"), Email},
                                           {QStringLiteral("mail"), Email},
                                           {QStringLiteral("почта"), Email},
                                           {QStringLiteral("электроннаяпочта"), Email},
                                           {QStringLiteral("externalid"), ExternalId},
                                           {QStringLiteral("id"), ExternalId},
                                           {QStringLiteral("табельныйномер"), ExternalId},
                                           {QStringLiteral("табномер"), ExternalId},
                                           {QStringLiteral("внешнийid"), ExternalId},
                                           {QStringLiteral("идентификатор"), ExternalId}};
    QString key = cell.toLower();
    key.remove(QRegularExpression(QStringLiteral("[\\s_.\\-]")));
    return known.value(key, -1);
}

struct Record
{
    int line = 0;
    QStringList cells;
};

Error invalid(int line, int column, const QString &what)
{
    const QString where = column > 0 ? QStringLiteral("line %1, column %2").arg(line).arg(column)
                                     : QStringLiteral("line %1").arg(line);
    return Error{ErrorCode::ValidationFailed, where + QStringLiteral(": ") + what, where, 0};
}

// RFC 4180 records: quoted fields may hold the separator, doubled quotes and line breaks.
Expected<QList<Record>> records(const QString &text, QChar separator)
{
    QList<Record> out;
    Record current{1, {}};
    QString cell;
    bool quoted = false;
    bool cellWasQuoted = false;
    int line = 1;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar ch = text[i];
        if (quoted) {
            if (ch == QLatin1Char('"')) {
                if (i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
                    cell += ch;
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (ch == QLatin1Char('\n'))
                    ++line;
                cell += ch;
            }
            continue;
        }
        if (ch == QLatin1Char('"') && cell.trimmed().isEmpty() && !cellWasQuoted) {
            quoted = true;
            cellWasQuoted = true;
            cell.clear();
        } else if (ch == separator) {
            current.cells.append(cell);
            cell.clear();
            cellWasQuoted = false;
        } else if (ch == QLatin1Char('\n') || ch == QLatin1Char('\r')) {
            if (ch == QLatin1Char('\r') && i + 1 < text.size() && text[i + 1] == QLatin1Char('\n'))
                ++i;
            current.cells.append(cell);
            out.append(current);
            cell.clear();
            cellWasQuoted = false;
            current = Record{++line, {}};
        } else {
            cell += ch;
        }
    }
    if (quoted)
        return tl::unexpected(
            invalid(current.line, current.cells.size() + 1, QStringLiteral("unclosed quote")));
    if (!cell.isEmpty() || !current.cells.isEmpty()) {
        current.cells.append(cell);
        out.append(current);
    }
    return out;
}

} // namespace

Expected<QList<RosterCsvRow>> parseRosterCsv(const QByteArray &csv)
{
    QByteArray bytes = csv;
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = utf8.decode(bytes);
    if (utf8.hasError())
        return makeError(ErrorCode::ValidationFailed,
                         QStringLiteral("the file is not UTF-8 text (save it as \"CSV UTF-8\")"),
                         QStringLiteral("body"));

    // The separator is the one the first line uses: Russian Excel writes ';', others ','.
    const QString firstLine = text.section(QLatin1Char('\n'), 0, 0);
    const QChar separator = firstLine.count(QLatin1Char(';')) >= firstLine.count(QLatin1Char(','))
                                ? QLatin1Char(';')
                                : QLatin1Char(',');
    const auto parsed = records(text, separator);
    if (!parsed)
        return tl::unexpected(parsed.error());

    QList<int> columns{LastName, FirstName, MiddleName, Position, Email, ExternalId};
    QList<RosterCsvRow> out;
    QSet<QString> emails, externalIds;
    bool first = true;
    for (const Record &r : *parsed) {
        const bool blank = std::all_of(r.cells.begin(), r.cells.end(),
                                       [](const QString &c) { return c.trimmed().isEmpty(); });
        if (blank)
            continue;
        if (first) {
            first = false;
            // A header row: its cells name the columns (in any order).
            if (headerColumn(r.cells.value(0).trimmed()) >= 0) {
                columns.clear();
                QSet<int> seen;
                for (qsizetype i = 0; i < r.cells.size(); ++i) {
                    const int c = headerColumn(r.cells[i].trimmed());
                    if (c < 0)
                        return tl::unexpected(
                            invalid(r.line, int(i) + 1,
                                    QStringLiteral("unknown column \"%1\" (known: last name, "
                                                   "first name, middle name, position, "
                                                   "e-mail, external id)")
                                        .arg(r.cells[i].trimmed())));
                    if (seen.contains(c))
                        return tl::unexpected(invalid(
                            r.line, int(i) + 1,
                            QStringLiteral("column %1 appears twice").arg(QLatin1String(columnName(c)))));
                    seen.insert(c);
                    columns.append(c);
                }
                for (int required : {LastName, FirstName})
                    if (!seen.contains(required))
                        return tl::unexpected(invalid(r.line, 0,
                                                      QStringLiteral("the header has no %1 column")
                                                          .arg(QLatin1String(columnName(required)))));
                continue;
            }
        }
        if (out.size() >= kMaxRows)
            return tl::unexpected(invalid(r.line, 0, QStringLiteral("more than %1 rows").arg(kMaxRows)));
        if (r.cells.size() > columns.size())
            return tl::unexpected(
                invalid(r.line, int(columns.size()) + 1,
                        QStringLiteral("too many columns (expected at most %1)").arg(columns.size())));
        QString values[ColumnCount];
        for (qsizetype i = 0; i < r.cells.size(); ++i) {
            const int c = columns[i];
            const QString v = r.cells[i].simplified();
            const int column = int(i) + 1;
            if (v.size() > maxLength(c))
                return tl::unexpected(invalid(r.line, column,
                                              QStringLiteral("%1 is longer than %2 characters")
                                                  .arg(QLatin1String(columnName(c)))
                                                  .arg(maxLength(c))));
            if (v.contains(QChar(0)))
                return tl::unexpected(invalid(r.line, column, QStringLiteral("contains a NUL character")));
            values[c] = v;
        }
        for (int required : {LastName, FirstName}) {
            if (values[required].isEmpty())
                return tl::unexpected(
                    invalid(r.line, int(columns.indexOf(required)) + 1,
                            QStringLiteral("%1 is required").arg(QLatin1String(columnName(required)))));
        }
        static const QRegularExpression emailPattern(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
        const int emailColumn = int(columns.indexOf(Email)) + 1;
        if (!values[Email].isEmpty() && !emailPattern.match(values[Email]).hasMatch())
            return tl::unexpected(invalid(
                r.line, emailColumn, QStringLiteral("\"%1\" is not an e-mail address").arg(values[Email])));
        const QString emailKey = values[Email].toLower();
        if (!emailKey.isEmpty() && emails.contains(emailKey))
            return tl::unexpected(
                invalid(r.line, emailColumn,
                        QStringLiteral("e-mail %1 appears twice in the file").arg(values[Email])));
        if (!values[ExternalId].isEmpty() && externalIds.contains(values[ExternalId]))
            return tl::unexpected(
                invalid(r.line, int(columns.indexOf(ExternalId)) + 1,
                        QStringLiteral("external id %1 appears twice in the file").arg(values[ExternalId])));
        emails.insert(emailKey);
        externalIds.insert(values[ExternalId]);
        out.append({r.line,
                    {values[LastName], values[FirstName], values[MiddleName], values[Position], values[Email],
                     values[ExternalId]}});
    }
    if (out.isEmpty())
        return makeError(ErrorCode::ValidationFailed, QStringLiteral("the file lists nobody"),
                         QStringLiteral("body"));
    return out;
}

} // namespace Proctor::Collector::Services
