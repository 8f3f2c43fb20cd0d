# SPDX-License-Identifier: MIT
# CPACK_PRE_BUILD_SCRIPTS: runs after the install into the staging tree, before WiX packs it.
# Libraries first, then the executable that loads them (the KeePassXC release order).
include(${CMAKE_CURRENT_LIST_DIR}/signtool.cmake)
file(GLOB_RECURSE _dlls "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*.dll")
file(GLOB_RECURSE _exes "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*.exe")
list(FILTER _dlls EXCLUDE REGEX "vc_redist")
proctor_signtool(${_dlls})
proctor_signtool(${_exes})
