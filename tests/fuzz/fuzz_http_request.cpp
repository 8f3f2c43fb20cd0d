// SPDX-License-Identifier: MIT
// HttpRequestParser on arbitrary bytes, whole and cut into chunks at split points drawn from the input itself
// (so a crash reproduces from the saved input). Besides the sanitizers it checks that the split does not
// change the requests, and that no request exceeds the limits it was parsed under.
#include <cstdint>
#include <cstdlib>
#include <random>

#include <QList>
#include <QString>
#include <QStringList>

#include "http/httprequestparser.h"
#include "http/httpresponse.h"

using namespace Proctor::Collector::Http;

namespace {

void check(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz_http_request: invariant broken: %s\n", what);
        std::abort();
    }
}

struct Run
{
    QStringList requests;
    int continues = 0;
    bool stopped = false;
};

QString describe(const HttpRequest &r)
{
    // What a refused request holds depends on where the bytes were cut (http_parser reports data at the end
    // of each buffer), and so may its status: a head over the limit at a cut is a 431 that a later invalid
    // byte makes a 400 when it arrives in one piece. Only that it was refused is the same.
    if (r.rejection)
        return QStringLiteral("refused");
    QString s = QString::fromLatin1(r.method + ' ' + r.target + ' ' + r.path + ' ' + r.query);
    for (const auto &h : r.headers)
        s += QLatin1Char('|') + QString::fromLatin1(h.first.toHex() + ':' + h.second.toHex());
    s += QStringLiteral("|body=%1|keepAlive=%2").arg(QString::fromLatin1(r.body.toHex())).arg(r.keepAlive);
    return s;
}

// Feeds the chunks the way HttpConnection does: parse, take everything queued, resume if paused.
Run run(const HttpLimits &limits, const QList<QByteArrayView> &chunks)
{
    Run out;
    HttpRequestParser parser(limits, {}, [&out] { ++out.continues; });
    bool rejected = false;
    auto drain = [&] {
        for (;;) {
            const auto progress = parser.parse();
            check(parser.queued() <= limits.maxPipelined + 1, "queue beyond maxPipelined");
            while (parser.hasRequest()) {
                check(!rejected, "a request after a rejection");
                const HttpRequest r = parser.takeRequest();
                rejected = r.rejection.has_value();
                check(r.body.size() <= limits.maxBodyBytes, "body over the limit");
                check(r.target.size() <= limits.maxHeaderBytes, "request target over the header limit");
                qsizetype headerBytes = r.target.size();
                for (const auto &h : r.headers)
                    headerBytes += h.first.size() + h.second.size();
                check(headerBytes <= limits.maxHeaderBytes, "head over the header limit");
                check(rejected || !r.method.isEmpty(), "complete request without a method");
                check(!rejected || !r.keepAlive, "a refused request keeps the connection");
                if (rejected) {
                    const int status = statusForError(r.rejection->code);
                    check(status == 400 || status == 413 || status == 431,
                          "a refusal other than 400, 413, 431");
                }
                out.requests << describe(r);
            }
            if (progress == HttpRequestParser::Progress::Rejected)
                check(parser.isStopped() && !parser.hasBufferedInput(), "rejected but still reading");
            if (!parser.resume())
                break;
        }
    };
    for (const QByteArrayView chunk : chunks) {
        parser.append(chunk);
        drain();
    }
    out.stopped = parser.isStopped();
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));

    // Small limits, so that the fuzzer reaches every refusal with small inputs.
    HttpLimits small;
    small.maxBodyBytes = 64;
    small.maxHeaderBytes = 256;
    small.maxPipelined = 3;

    const Run whole = run(small, {input});

    quint64 seed = 1469598103934665603ULL; // FNV-1a of the input: the same input, the same splits
    for (size_t i = 0; i < size; ++i)
        seed = (seed ^ data[i]) * 1099511628211ULL;
    std::mt19937_64 rng(seed);
    QList<QByteArrayView> chunks;
    for (qsizetype at = 0; at < input.size();) {
        const qsizetype len = qsizetype(rng() % 16) + 1;
        chunks << input.sliced(at, qMin(len, input.size() - at));
        at += len;
    }
    const Run split = run(small, chunks);
    if (split.requests != whole.requests) {
        QStringList cuts;
        for (const QByteArrayView chunk : chunks)
            cuts << QString::number(chunk.size());
        std::fprintf(stderr, "whole:\n  %s\nsplit (%s):\n  %s\n",
                     qPrintable(whole.requests.join(QStringLiteral("\n  "))), qPrintable(cuts.join(u' ')),
                     qPrintable(split.requests.join(QStringLiteral("\n  "))));
    }
    check(split.requests == whole.requests, "splitting the input changed the requests");
    check(split.stopped == whole.stopped, "splitting the input changed whether the connection stops");
    check(split.continues == whole.continues, "splitting the input changed 100-continue");

    run(HttpLimits{}, {input}); // the production limits
    return 0;
}
