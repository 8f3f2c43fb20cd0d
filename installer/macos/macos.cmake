# SPDX-License-Identifier: MIT
# macOS: "Proctor Admin.app" in a drag-and-drop DMG (cpack -G DragNDrop), with its Qt frameworks
# (macdeployqt), signed with the hardened runtime (codesign), and the DMG notarised (notarytool, not the
# retired altool) and stapled. Included by installer/packaging.cmake on APPLE. Built only on a macOS host
# (installer/ci/); NOT exercised on the project's Debian machines.
#
# Environment of cpack:
#   PROCTOR_CODESIGN_IDENTITY    "Developer ID Application: Example Org (TEAMID)"; unset = ad-hoc, unsigned DMG
#   PROCTOR_NOTARY_PROFILE       a `xcrun notarytool store-credentials` keychain profile, or
#   PROCTOR_NOTARY_APPLE_ID + PROCTOR_NOTARY_TEAM_ID + PROCTOR_NOTARY_PASSWORD (app-specific password)
if(NOT APPLE OR NOT TARGET proctor-admin)
  return()
endif()

set(PROCTOR_MACOS_DIR ${CMAKE_CURRENT_LIST_DIR})
set(PROCTOR_BUNDLE_ID "org.example.proctor.admin" CACHE STRING "CFBundleIdentifier of Proctor Admin")

target_sources(proctor-admin PRIVATE ${PROCTOR_MACOS_DIR}/proctor-admin.icns)
set_source_files_properties(${PROCTOR_MACOS_DIR}/proctor-admin.icns PROPERTIES MACOSX_PACKAGE_LOCATION Resources)
set_target_properties(proctor-admin PROPERTIES
  MACOSX_BUNDLE ON
  OUTPUT_NAME "Proctor Admin"
  MACOSX_BUNDLE_BUNDLE_NAME "Proctor Admin"
  MACOSX_BUNDLE_GUI_IDENTIFIER "${PROCTOR_BUNDLE_ID}"
  MACOSX_BUNDLE_ICON_FILE proctor-admin.icns
  MACOSX_BUNDLE_SHORT_VERSION_STRING "${PROJECT_VERSION}"
  MACOSX_BUNDLE_BUNDLE_VERSION "${PROJECT_VERSION}"
  MACOSX_BUNDLE_COPYRIGHT "Copyright (c) The Proctor authors, MIT licence"
  MACOSX_BUNDLE_INFO_PLIST ${PROCTOR_MACOS_DIR}/Info.plist.in)

install(TARGETS proctor-admin BUNDLE DESTINATION . COMPONENT admin)

# Qt frameworks and plugins into the bundle. Signing happens in sign-staged.cmake, after the staging install.
get_target_property(_qmake Qt6::qmake IMPORTED_LOCATION)
get_filename_component(_qt_bin "${_qmake}" DIRECTORY)
find_program(PROCTOR_MACDEPLOYQT macdeployqt HINTS "${_qt_bin}" REQUIRED)
install(CODE "
  execute_process(COMMAND \"${PROCTOR_MACDEPLOYQT}\" \"\${CMAKE_INSTALL_PREFIX}/Proctor Admin.app\" -always-overwrite
                  RESULT_VARIABLE _rc)
  if(NOT _rc EQUAL 0)
    message(FATAL_ERROR \"macdeployqt failed (\${_rc})\")
  endif()" COMPONENT admin)

configure_file(${PROJECT_SOURCE_DIR}/LICENSE ${CMAKE_BINARY_DIR}/installer/LICENSE.txt COPYONLY)

set(CPACK_GENERATOR DragNDrop)
set(CPACK_COMPONENTS_ALL admin)
set(CPACK_COMPONENTS_GROUPING ALL_COMPONENTS_IN_ONE)
set(CPACK_PACKAGE_NAME "Proctor Admin")
set(CPACK_PACKAGE_FILE_NAME "proctor-admin-${PROJECT_VERSION}-macos")
set(CPACK_RESOURCE_FILE_LICENSE ${CMAKE_BINARY_DIR}/installer/LICENSE.txt)
set(CPACK_DMG_VOLUME_NAME "Proctor Admin ${PROJECT_VERSION}")
set(CPACK_DMG_FORMAT UDZO)
set(CPACK_DMG_SLA_USE_RESOURCE_FILE_LICENSE OFF)
set(CPACK_PRE_BUILD_SCRIPTS ${PROCTOR_MACOS_DIR}/sign-staged.cmake)
set(CPACK_POST_BUILD_SCRIPTS ${PROCTOR_MACOS_DIR}/notarize.cmake)
