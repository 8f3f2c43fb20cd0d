// SPDX-License-Identifier: MIT
// Build identity: the version and git revision CMake writes into the generated core/buildinfo.h (a build
// that defines PROCTOR_VERSION itself, such as the fuzzers', needs no generated header).
#pragma once

#ifndef PROCTOR_VERSION
#include "core/buildinfo.h"
#endif

namespace Proctor {

inline constexpr const char *kVersion = PROCTOR_VERSION;
inline constexpr const char *kGitRevision = PROCTOR_GIT_REVISION;

} // namespace Proctor
