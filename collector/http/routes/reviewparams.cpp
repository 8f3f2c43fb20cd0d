// SPDX-License-Identifier: MIT
#include "http/routes/reviewparams.h"

#include <algorithm>
#include <optional>

#include <QRegularExpression>
#include <QStringList>

namespace Proctor::Collector::Http::ReviewParams {
namespace {

tl::unexpected<Error> badParameter(const QString &name, const QString &message)
{
    return tl::unexpected(Error{ErrorCode::BadParameter, message, name, 0});
}

Expected<std::optional<QDate>> dateParam(const HttpRequest &req, const QString &name)
{
    const QString raw = req.queryValue(name);
    if (raw.isEmpty())
        return std::optional<QDate>();
    const QDate d = QDate::fromString(raw, Qt::ISODate);
    if (!d.isValid() || raw.size() != 10)
        return badParameter(name, QStringLiteral("%1 must be a date like 2026-11-01").arg(name));
    return std::optional<QDate>(d);
}

// An optional whole number in [min, max].
Expected<std::optional<int>> intParam(const HttpRequest &req, const QString &name, int min, int max)
{
    const QString raw = req.queryValue(name);
    if (raw.isEmpty())
        return std::optional<int>();
    bool ok = false;
    const int v = raw.toInt(&ok);
    if (!ok || v < min || v > max)
        return badParameter(name, QStringLiteral("%1 must be %2..%3").arg(name).arg(min).arg(max));
    return std::optional<int>(v);
}

// A comma-separated list whose items must each be one of `names`; answers the indexes of the items named
// (each once, in the order of `names`).
Expected<QList<int>> namedList(const HttpRequest &req, const QString &name, const QStringList &names)
{
    QList<int> out;
    const QString raw = req.queryValue(name);
    if (raw.isEmpty())
        return out;
    for (const QString &item : raw.split(QLatin1Char(','))) {
        const int i = names.indexOf(item.trimmed());
        if (i < 0)
            return badParameter(name, QStringLiteral("%1 must be a comma-separated list of %2")
                                          .arg(name, names.join(QStringLiteral(", "))));
        if (!out.contains(i))
            out.append(i);
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

Expected<Storage::ResultFilter> resultFilter(const HttpRequest &req)
{
    Storage::ResultFilter f;
    static const QRegularExpression testIdFormat(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    if (const QString tests = req.queryValue(QStringLiteral("test")).trimmed(); !tests.isEmpty()) {
        for (const QString &raw : tests.split(QLatin1Char(','))) {
            const QString id = raw.trimmed();
            if (!testIdFormat.match(id).hasMatch())
                return badParameter(QStringLiteral("test"),
                                    QStringLiteral("test must be a comma-separated list of test ids"));
            if (!f.testIds.contains(id))
                f.testIds.append(id);
        }
        if (f.testIds.size() > kMaxListItems)
            return badParameter(QStringLiteral("test"),
                                QStringLiteral("test lists at most %1 test ids").arg(kMaxListItems));
    }
    auto from = dateParam(req, QStringLiteral("from"));
    if (!from)
        return tl::unexpected(from.error());
    auto to = dateParam(req, QStringLiteral("to"));
    if (!to)
        return tl::unexpected(to.error());
    f.from = *from;
    f.to = *to;
    const QString passed = req.queryValue(QStringLiteral("passed"));
    if (passed == QLatin1String("true"))
        f.passed = true;
    else if (passed == QLatin1String("false"))
        f.passed = false;
    else if (!passed.isEmpty())
        return badParameter(QStringLiteral("passed"), QStringLiteral("passed must be true or false"));
    f.query = req.queryValue(QStringLiteral("q")).simplified();
    if (f.query.size() > kMaxSearchLength)
        return badParameter(QStringLiteral("q"),
                            QStringLiteral("q is at most %1 characters").arg(kMaxSearchLength));
    // Levels as sessions.risk_level (0 low, 1 medium, 2 high): "medium,high" is "medium or higher".
    auto risk = namedList(req, QStringLiteral("risk"),
                          {QStringLiteral("low"), QStringLiteral("medium"), QStringLiteral("high")});
    if (!risk)
        return tl::unexpected(risk.error());
    f.riskLevels = *risk;
    // States as sessions.review_state (Storage::ReviewState).
    auto review = namedList(req, QStringLiteral("review"),
                            {QStringLiteral("unreviewed"), QStringLiteral("cleared"),
                             QStringLiteral("violation"), QStringLiteral("second_look")});
    if (!review)
        return tl::unexpected(review.error());
    f.reviewStates = *review;
    f.fingerprint = req.queryValue(QStringLiteral("fingerprint"));
    static const QRegularExpression hashFormat(QStringLiteral("^[0-9a-f]{64}$"));
    if (!f.fingerprint.isEmpty() && !hashFormat.match(f.fingerprint).hasMatch())
        return badParameter(QStringLiteral("fingerprint"),
                            QStringLiteral("fingerprint must be 64 lowercase hex digits"));
    const QString sort = req.queryValue(QStringLiteral("sort"));
    if (!sort.isEmpty()) {
        if (!QStringList{QStringLiteral("finished"), QStringLiteral("score"), QStringLiteral("risk"),
                         QStringLiteral("duration"), QStringLiteral("candidate")}
                 .contains(sort))
            return badParameter(QStringLiteral("sort"),
                                QStringLiteral("sort must be finished, score, risk, duration or candidate"));
        f.sort = sort;
    }
    const QString order = req.queryValue(QStringLiteral("order"));
    if (!order.isEmpty() && order != QLatin1String("asc") && order != QLatin1String("desc"))
        return badParameter(QStringLiteral("order"), QStringLiteral("order must be asc or desc"));
    if (!order.isEmpty())
        f.ascending = order == QLatin1String("asc");
    return f;
}

Expected<CsvFormat> csvFormat(const HttpRequest &req)
{
    CsvFormat out;
    const QString sep = req.queryValue(QStringLiteral("sep"));
    if (!sep.isEmpty() && sep != QLatin1String("comma") && sep != QLatin1String("semicolon"))
        return badParameter(QStringLiteral("sep"), QStringLiteral("sep must be comma or semicolon"));
    const QString locale = req.queryValue(QStringLiteral("locale"));
    static const QRegularExpression localeFormat(QStringLiteral("^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})?$"));
    if (!locale.isEmpty() && !localeFormat.match(locale).hasMatch())
        return badParameter(QStringLiteral("locale"), QStringLiteral("locale must look like ru or en-GB"));
    // Excel in Russian (and most of continental Europe) splits on ';' and needs the BOM to read UTF-8.
    out.semicolon = sep == QLatin1String("semicolon") ||
                    (sep.isEmpty() && locale.left(2).compare(QLatin1String("ru"), Qt::CaseInsensitive) == 0);
    return out;
}

Expected<AbandonedQuery> abandonedQuery(const HttpRequest &req)
{
    AbandonedQuery q;
    if (const QString kind = req.queryValue(QStringLiteral("kind")); !kind.isEmpty())
        q.kind = kind;
    if (q.kind != QLatin1String("test") && q.kind != QLatin1String("study"))
        return badParameter(QStringLiteral("kind"), QStringLiteral("kind must be test or study"));
    const auto idle = intParam(req, QStringLiteral("idleMinutes"), 0, 525600);
    if (!idle)
        return tl::unexpected(idle.error());
    q.idleMinutes = idle->value_or(0);
    return q;
}

Expected<Storage::CertificateFilter> certificateFilter(const HttpRequest &req)
{
    Storage::CertificateFilter f;
    const auto year = intParam(req, QStringLiteral("year"), 2000, 2999);
    if (!year)
        return tl::unexpected(year.error());
    const auto month = intParam(req, QStringLiteral("month"), 1, 12);
    if (!month)
        return tl::unexpected(month.error());
    f.year = *year;
    f.month = *month;
    if (f.month && !f.year)
        return badParameter(QStringLiteral("month"), QStringLiteral("month needs year"));
    const QString sort = req.queryValue(QStringLiteral("sort"));
    if (!sort.isEmpty()) {
        if (!QStringList{QStringLiteral("issued"), QStringLiteral("number"), QStringLiteral("holder"),
                         QStringLiteral("score")}
                 .contains(sort))
            return badParameter(QStringLiteral("sort"),
                                QStringLiteral("sort must be issued, number, holder or score"));
        f.sort = sort;
    }
    const QString order = req.queryValue(QStringLiteral("order"));
    if (!order.isEmpty() && order != QLatin1String("asc") && order != QLatin1String("desc"))
        return badParameter(QStringLiteral("order"), QStringLiteral("order must be asc or desc"));
    f.ascending = order == QLatin1String("asc");
    return f;
}

Expected<int> dashboardDays(const HttpRequest &req)
{
    const auto days = intParam(req, QStringLiteral("days"), 1, 366);
    if (!days)
        return tl::unexpected(days.error());
    return days->value_or(30);
}

Expected<QString> searchText(const HttpRequest &req)
{
    const QString q = req.queryValue(QStringLiteral("q")).simplified();
    if (q.size() < 2 || q.size() > kMaxSearchLength)
        return badParameter(QStringLiteral("q"),
                            QStringLiteral("q must be 2..%1 characters").arg(kMaxSearchLength));
    return q;
}

} // namespace Proctor::Collector::Http::ReviewParams
