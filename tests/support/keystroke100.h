// SPDX-License-Identifier: MIT
// Reads the public keystroke100-dev set (../shared/data/README.md): userN/latency.txt holds rows of 7
// down-to-down gaps in ms typing "try4-mbs"; blank or short lines are skipped. Shared by the calibration
// test and the validation benchmark so both see the same typists.
#pragma once

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace Proctor::Testing {

using TypingRow = std::vector<double>; // 7 gaps, ms

// Typists userFirst..userLast of `dir` (the keystroke100-dev folder) with at least 10 full rows each.
inline std::vector<std::vector<TypingRow>> loadKeystroke100(const std::string &dir, int userFirst,
                                                            int userLast)
{
    std::vector<std::vector<TypingRow>> out;
    for (int u = userFirst; u <= userLast; ++u) {
        std::ifstream in(dir + "/user" + std::to_string(u) + "/latency.txt");
        if (!in)
            continue;
        std::vector<TypingRow> rows;
        std::string line;
        while (std::getline(in, line)) {
            std::istringstream ls(line);
            TypingRow r;
            double v = 0;
            while (ls >> v)
                r.push_back(v);
            if (r.size() == 7)
                rows.push_back(r);
        }
        if (rows.size() >= 10)
            out.push_back(rows);
    }
    return out;
}

} // namespace Proctor::Testing
