// SPDX-License-Identifier: MIT
// Build identity, set by CMake (PROCTOR_VERSION, PROCTOR_GIT_REVISION).
#pragma once

namespace Proctor {

inline constexpr const char *kVersion = PROCTOR_VERSION;
inline constexpr const char *kGitRevision = PROCTOR_GIT_REVISION;

} // namespace Proctor
