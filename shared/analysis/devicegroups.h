// SPDX-License-Identifier: MIT
// Device grouping by fingerprint hash and the two device flags (shared device, candidate on many devices).
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace Proctor::Analysis {

struct DeviceSessionRow
{
    std::string sessionId;
    std::string candidateKey;    // who took the session; empty = unknown
    std::string fingerprintHash; // privacySafeHash; empty = no fingerprint
};

struct DeviceGroup
{
    std::string fingerprintHash;
    std::vector<std::string> sessionIds;    // sorted, distinct
    std::vector<std::string> candidateKeys; // sorted, distinct, known keys only
    bool sharedByCandidates = false;        // flag 1: one device, several distinct candidates
};

struct CandidateDevices
{
    std::string candidateKey;
    std::vector<std::string> fingerprintHashes; // sorted, distinct
    std::vector<std::string> sessionIds;        // sorted, distinct
    bool multipleDevices = false;               // flag 2: one candidate, several devices
};

struct DeviceReport
{
    std::vector<DeviceGroup> groups;          // every known hash, sorted by hash
    std::vector<CandidateDevices> candidates; // every known candidate, sorted by key
    // Convenience views of the flags (indices into groups / candidates).
    std::vector<std::size_t> sharedDevices;
    std::vector<std::size_t> multiDeviceCandidates;
    std::size_t rowsWithoutFingerprint = 0;
};

// Rows without a hash cannot be grouped and are only counted; rows without a candidate key still
// join their device group but never make a candidate count. Duplicate rows are harmless. Sorted output
// so the same input gives the same report on the server and on the desktop.
DeviceReport groupDevices(std::span<const DeviceSessionRow> rows);

} // namespace Proctor::Analysis
