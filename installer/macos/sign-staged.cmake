# SPDX-License-Identifier: MIT
# CPACK_PRE_BUILD_SCRIPTS: code-signs the staged "Proctor Admin.app" before DragNDrop builds the DMG, inside
# out (the KeePassXC order: libraries and frameworks first, the main bundle last) with the hardened runtime
# and a secure timestamp. Without PROCTOR_CODESIGN_IDENTITY the bundle is signed ad hoc ("-"): it runs on
# this Mac only and cannot be notarised.
set(_id "$ENV{PROCTOR_CODESIGN_IDENTITY}")
set(_ts --timestamp)
if(NOT _id)
  message(WARNING "codesign: PROCTOR_CODESIGN_IDENTITY is not set: ad-hoc signature, the DMG cannot be notarised")
  set(_id "-")
  set(_ts "")
endif()
file(GLOB_RECURSE _all LIST_DIRECTORIES true "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*")
list(FILTER _all INCLUDE REGEX "/Proctor Admin\\.app$")
list(GET _all 0 _app)
if(NOT IS_DIRECTORY "${_app}")
  message(FATAL_ERROR "codesign: no 'Proctor Admin.app' under ${CPACK_TEMPORARY_INSTALL_DIRECTORY}")
endif()

function(_sign)
  execute_process(COMMAND codesign --force ${_ts} --options runtime --sign "${_id}" ${ARGN} RESULT_VARIABLE _rc)
  if(NOT _rc EQUAL 0)
    message(FATAL_ERROR "codesign failed on ${ARGN}")
  endif()
endfunction()

file(GLOB_RECURSE _dylibs "${_app}/Contents/PlugIns/*.dylib" "${_app}/Contents/Frameworks/*.dylib")
foreach(_f IN LISTS _dylibs)
  _sign("${_f}")
endforeach()
file(GLOB _frameworks LIST_DIRECTORIES true "${_app}/Contents/Frameworks/*.framework")
foreach(_f IN LISTS _frameworks)
  _sign("${_f}")
endforeach()
_sign(--entitlements "${CMAKE_CURRENT_LIST_DIR}/entitlements.plist" "${_app}")

execute_process(COMMAND codesign --verify --deep --strict --verbose=2 "${_app}" RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "codesign --verify failed on ${_app}")
endif()
