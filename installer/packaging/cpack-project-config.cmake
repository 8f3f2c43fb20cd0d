# SPDX-License-Identifier: MIT
# Read by cpack once per generator (CPACK_PROJECT_CONFIG_FILE), after CPackConfig.cmake.

# DEB: each component's description starts with its own synopsis line; CPackDeb would put the project-wide
# summary in front of it unless that equals CPack's default summary.
if(CPACK_GENERATOR STREQUAL "DEB")
  set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${CPACK_DEFAULT_PACKAGE_DESCRIPTION_SUMMARY}")
endif()
