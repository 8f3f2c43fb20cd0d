// SPDX-License-Identifier: MIT
#include "http/json/reviewcasejson.h"

#include <QJsonArray>

#include "http/json/timestampjson.h"

namespace Proctor::Collector::Http::Json {
namespace {

using Services::ReviewCaseService;

tl::unexpected<Error> invalid(const QString &pointer, const QString &message)
{
    return tl::unexpected(Error{ErrorCode::ValidationFailed, message, pointer, 0});
}

QJsonObject toJson(const Storage::ReviewDecisionRecord &d)
{
    return QJsonObject{
        {QStringLiteral("id"), d.id},
        {QStringLiteral("state"), ReviewCaseService::stateName(Services::ReviewState(d.state))},
        {QStringLiteral("comment"), d.comment},
        {QStringLiteral("reviewer"),
         QJsonObject{{QStringLiteral("id"), d.reviewerId ? QJsonValue(*d.reviewerId) : QJsonValue()},
                     {QStringLiteral("email"), d.reviewer}}},
        {QStringLiteral("decidedAt"), timestampJson(d.decidedAt)},
        {QStringLiteral("revokedCertificate"),
         d.revokedCertificate.isEmpty() ? QJsonValue() : QJsonValue(d.revokedCertificate)}};
}

} // namespace

QJsonObject toJson(const Services::ReviewCase &c)
{
    QJsonArray history;
    for (const auto &d : c.history)
        history.append(toJson(d));
    return QJsonObject{{QStringLiteral("sessionId"), c.sessionId.toString(QUuid::WithoutBraces)},
                       {QStringLiteral("state"), ReviewCaseService::stateName(c.state)},
                       {QStringLiteral("session"), QJsonObject{{QStringLiteral("status"), c.sessionStatus}}},
                       {QStringLiteral("certificate"),
                        c.certificateNumber.isEmpty()
                            ? QJsonValue()
                            : QJsonValue(QJsonObject{{QStringLiteral("number"), c.certificateNumber},
                                                     {QStringLiteral("revoked"), c.certificateRevoked}})},
                       {QStringLiteral("history"), history}};
}

QJsonObject toJson(const Services::ReviewPrecision &p)
{
    QJsonArray factors;
    for (const auto &f : p.factors) {
        const auto precision = f.precision();
        factors.append(
            QJsonObject{{QStringLiteral("reason"), f.reason},
                        {QStringLiteral("flagged"), f.flagged},
                        {QStringLiteral("decided"), f.decided},
                        {QStringLiteral("confirmed"), f.confirmed},
                        {QStringLiteral("precision"), precision ? QJsonValue(*precision) : QJsonValue()}});
    }
    return QJsonObject{{QStringLiteral("days"), p.days}, {QStringLiteral("factors"), factors}};
}

Expected<Services::ReviewDecisionInput> parseReviewDecision(const QJsonObject &body)
{
    static const QStringList known = {QStringLiteral("state"), QStringLiteral("comment"),
                                      QStringLiteral("revokeCertificate")};
    for (auto it = body.begin(); it != body.end(); ++it)
        if (!known.contains(it.key()))
            return invalid(QLatin1Char('/') + it.key(), QStringLiteral("unknown field"));
    Services::ReviewDecisionInput out;
    const auto state = ReviewCaseService::stateFromName(body.value(QStringLiteral("state")).toString());
    if (!state)
        return invalid(QStringLiteral("/state"),
                       QStringLiteral("must be one of unreviewed, cleared, violation, second_look"));
    out.state = *state;
    const QJsonValue comment = body.value(QStringLiteral("comment"));
    if (!comment.isUndefined() && !comment.isNull() && !comment.isString())
        return invalid(QStringLiteral("/comment"), QStringLiteral("must be a string"));
    out.comment = comment.toString();
    const QJsonValue revoke = body.value(QStringLiteral("revokeCertificate"));
    if (!revoke.isUndefined() && !revoke.isBool())
        return invalid(QStringLiteral("/revokeCertificate"), QStringLiteral("must be a boolean"));
    out.revokeCertificate = revoke.toBool(false);
    return out;
}

} // namespace Proctor::Collector::Http::Json
