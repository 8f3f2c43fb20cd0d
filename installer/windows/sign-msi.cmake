# SPDX-License-Identifier: MIT
# CPACK_POST_BUILD_SCRIPTS: the MSI itself. GPG signatures and SHA256SUMS follow in the release job
# (installer/signing/sign.sh), like every other artifact.
include(${CMAKE_CURRENT_LIST_DIR}/signtool.cmake)
proctor_signtool(${CPACK_PACKAGE_FILES})
