// SPDX-License-Identifier: MIT
// Groups sessions by device hash and flags shared devices and multi-device candidates.
#include "analysis/devicegroups.h"

#include <map>
#include <set>

namespace Proctor::Analysis {

namespace {

template <typename T> std::vector<T> toVector(const std::set<T> &s)
{
    return {s.begin(), s.end()};
}

} // namespace

DeviceReport groupDevices(std::span<const DeviceSessionRow> rows)
{
    struct Acc
    {
        std::set<std::string> sessions;
        std::set<std::string> others;
    };
    std::map<std::string, Acc> byHash;
    std::map<std::string, Acc> byCandidate;
    DeviceReport report;
    for (const DeviceSessionRow &row : rows) {
        if (row.fingerprintHash.empty()) {
            ++report.rowsWithoutFingerprint;
            continue;
        }
        Acc &device = byHash[row.fingerprintHash];
        device.sessions.insert(row.sessionId);
        if (!row.candidateKey.empty()) {
            device.others.insert(row.candidateKey);
            Acc &candidate = byCandidate[row.candidateKey];
            candidate.sessions.insert(row.sessionId);
            candidate.others.insert(row.fingerprintHash);
        }
    }
    for (const auto &[hash, acc] : byHash) {
        DeviceGroup g{hash, toVector(acc.sessions), toVector(acc.others), acc.others.size() > 1};
        if (g.sharedByCandidates) {
            report.sharedDevices.push_back(report.groups.size());
        }
        report.groups.push_back(std::move(g));
    }
    for (const auto &[key, acc] : byCandidate) {
        CandidateDevices c{key, toVector(acc.others), toVector(acc.sessions), acc.others.size() > 1};
        if (c.multipleDevices) {
            report.multiDeviceCandidates.push_back(report.candidates.size());
        }
        report.candidates.push_back(std::move(c));
    }
    return report;
}

} // namespace Proctor::Analysis
