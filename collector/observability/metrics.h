// SPDX-License-Identifier: MIT
// The process's Prometheus registry and the metric families the collector records.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include <prometheus/counter.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

#include <QString>

namespace Proctor::Collector {

class Metrics
{
public:
    Metrics();

    prometheus::Registry &registry() { return *m_registry; }

    // HTTP requests by method, route template (never the raw path: bounded label values) and status.
    void observeRequest(const QByteArray &method, const QString &route, int status, double seconds);

    // Prometheus text exposition format of everything registered.
    std::string render() const;

    // Families other parts add their series to.
    prometheus::Family<prometheus::Counter> &counterFamily(const std::string &name, const std::string &help);
    prometheus::Family<prometheus::Gauge> &gaugeFamily(const std::string &name, const std::string &help);
    prometheus::Family<prometheus::Histogram> &histogramFamily(const std::string &name,
                                                               const std::string &help);

private:
    std::shared_ptr<prometheus::Registry> m_registry;
    prometheus::Family<prometheus::Counter> *m_requests = nullptr;
    prometheus::Family<prometheus::Histogram> *m_latency = nullptr;
    std::mutex m_mutex;
    std::unordered_map<std::string, prometheus::Counter *> m_requestCounters;
    std::unordered_map<std::string, prometheus::Histogram *> m_latencyHistograms;
    std::unordered_map<std::string, void *> m_families;
};

} // namespace Proctor::Collector
