// SPDX-License-Identifier: MIT
// prometheus-cpp core only: the collector's own HTTP server serves /metrics, no second listener.
#include "observability/metrics.h"

#include <prometheus/text_serializer.h>

#include "core/version.h"

namespace Proctor::Collector {

Metrics::Metrics() : m_registry(std::make_shared<prometheus::Registry>())
{
    m_requests = &prometheus::BuildCounter()
                      .Name("proctor_http_requests_total")
                      .Help("HTTP requests answered, by method, route template and status")
                      .Register(*m_registry);
    m_latency = &prometheus::BuildHistogram()
                     .Name("proctor_http_request_duration_seconds")
                     .Help("Time from complete request headers to the response being handed to the socket")
                     .Register(*m_registry);
    prometheus::BuildGauge()
        .Name("proctor_build_info")
        .Help("Build identity of this collector")
        .Register(*m_registry)
        .Add({{"version", kVersion}, {"revision", kGitRevision}})
        .Set(1);
}

void Metrics::observeRequest(const QByteArray &method, const QString &route, int status, double seconds)
{
    static const prometheus::Histogram::BucketBoundaries buckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                                 0.05,   0.1,   0.25,   0.5,   1.0,  2.5};
    const std::string m = method.toStdString();
    const std::string r = route.toStdString();
    const std::string s = std::to_string(status);
    const std::string counterKey = m + ' ' + r + ' ' + s;
    const std::string histKey = m + ' ' + r;
    prometheus::Counter *counter = nullptr;
    prometheus::Histogram *hist = nullptr;
    {
        std::lock_guard lock(m_mutex);
        auto &c = m_requestCounters[counterKey];
        if (!c)
            c = &m_requests->Add({{"method", m}, {"route", r}, {"status", s}});
        auto &h = m_latencyHistograms[histKey];
        if (!h)
            h = &m_latency->Add({{"method", m}, {"route", r}}, buckets);
        counter = c;
        hist = h;
    }
    counter->Increment();
    hist->Observe(seconds);
}

std::string Metrics::render() const
{
    return prometheus::TextSerializer().Serialize(m_registry->Collect());
}

prometheus::Family<prometheus::Counter> &Metrics::counterFamily(const std::string &name,
                                                                const std::string &help)
{
    std::lock_guard lock(m_mutex);
    auto &f = m_families[name];
    if (!f)
        f = &prometheus::BuildCounter().Name(name).Help(help).Register(*m_registry);
    return *static_cast<prometheus::Family<prometheus::Counter> *>(f);
}

prometheus::Family<prometheus::Gauge> &Metrics::gaugeFamily(const std::string &name, const std::string &help)
{
    std::lock_guard lock(m_mutex);
    auto &f = m_families[name];
    if (!f)
        f = &prometheus::BuildGauge().Name(name).Help(help).Register(*m_registry);
    return *static_cast<prometheus::Family<prometheus::Gauge> *>(f);
}

prometheus::Family<prometheus::Histogram> &Metrics::histogramFamily(const std::string &name,
                                                                    const std::string &help)
{
    std::lock_guard lock(m_mutex);
    auto &f = m_families[name];
    if (!f)
        f = &prometheus::BuildHistogram().Name(name).Help(help).Register(*m_registry);
    return *static_cast<prometheus::Family<prometheus::Histogram> *>(f);
}

} // namespace Proctor::Collector
