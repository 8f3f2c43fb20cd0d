# SPDX-License-Identifier: MIT
# Windows: proctor-admin as a WiX MSI (cpack -G WIX), with its Qt runtime (windeployqt) and Authenticode
# signatures (signtool): the DLLs and the executable before WiX packs them, then the MSI.
# Included by installer/packaging.cmake on WIN32. Built only on a Windows host (installer/ci/); NOT exercised
# on the project's Debian machines.
#
# Signing is on when PROCTOR_SIGNTOOL_CERT_SHA1 (a certificate in the Windows store, e.g. an HSM/EV token) or
# PROCTOR_SIGNTOOL_PFX (+ PROCTOR_SIGNTOOL_PFX_PASSWORD) is set in the environment of cpack.
if(NOT WIN32 OR NOT TARGET proctor-admin)
  return()
endif()

# A GUI application: no console window.
set_target_properties(proctor-admin PROPERTIES WIN32_EXECUTABLE ON)

install(TARGETS proctor-admin RUNTIME DESTINATION bin COMPONENT admin)

# Qt's DLLs, plugins (platforms/qwindows, styles, tls, sqldrivers) and translations next to the executable.
get_target_property(_qmake Qt6::qmake IMPORTED_LOCATION)
get_filename_component(_qt_bin "${_qmake}" DIRECTORY)
find_program(PROCTOR_WINDEPLOYQT windeployqt HINTS "${_qt_bin}" REQUIRED)
install(CODE "
  execute_process(COMMAND \"${PROCTOR_WINDEPLOYQT}\" --release --compiler-runtime --no-opengl-sw
                          --dir \"\${CMAKE_INSTALL_PREFIX}/bin\" \"\${CMAKE_INSTALL_PREFIX}/bin/proctor-admin.exe\"
                  RESULT_VARIABLE _rc)
  if(NOT _rc EQUAL 0)
    message(FATAL_ERROR \"windeployqt failed (\${_rc})\")
  endif()" COMPONENT admin)
# Libraries proctor-admin links that are not Qt's (qtkeychain, vcpkg DLLs) are copied by the runtime set.
install(CODE "
  file(GET_RUNTIME_DEPENDENCIES EXECUTABLES \"\${CMAKE_INSTALL_PREFIX}/bin/proctor-admin.exe\"
       RESOLVED_DEPENDENCIES_VAR _deps UNRESOLVED_DEPENDENCIES_VAR _missing
       PRE_EXCLUDE_REGEXES \"api-ms-.*\" \"ext-ms-.*\"
       POST_EXCLUDE_REGEXES \".*[/\\\\\\\\][Ss]ystem32[/\\\\\\\\].*\"
       DIRECTORIES \"${_qt_bin}\" \$ENV{PATH})
  foreach(_d IN LISTS _deps)
    if(NOT EXISTS \"\${CMAKE_INSTALL_PREFIX}/bin/\${_d}\")
      file(INSTALL \"\${_d}\" DESTINATION \"\${CMAKE_INSTALL_PREFIX}/bin\")
    endif()
  endforeach()" COMPONENT admin)

configure_file(${PROJECT_SOURCE_DIR}/LICENSE ${CMAKE_BINARY_DIR}/installer/LICENSE.txt COPYONLY)

set(CPACK_GENERATOR WIX)
set(CPACK_COMPONENTS_ALL admin)
set(CPACK_PACKAGE_NAME "Proctor Admin")
set(CPACK_PACKAGE_FILE_NAME "proctor-admin-${PROJECT_VERSION}-win64")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Proctor Admin")
set(CPACK_RESOURCE_FILE_LICENSE ${CMAKE_BINARY_DIR}/installer/LICENSE.txt)
set(CPACK_PACKAGE_EXECUTABLES proctor-admin "Proctor Admin")
set(CPACK_CREATE_DESKTOP_LINKS proctor-admin)
# Fixed forever: Windows Installer recognises every later version as an upgrade of this product.
set(CPACK_WIX_UPGRADE_GUID "B40B056A-EFD8-4119-8C2F-12D16B83C180")
set(CPACK_WIX_PRODUCT_ICON ${CMAKE_CURRENT_LIST_DIR}/proctor-admin.ico)
set(CPACK_WIX_PROGRAM_MENU_FOLDER "Proctor")
set(CPACK_WIX_PROPERTY_ARPURLINFOABOUT "${PROCTOR_PACKAGE_HOMEPAGE}")
set(CPACK_WIX_ARCHITECTURE x64)
set(CPACK_WIX_VERSION 3)
# Sign what WiX packs, then the MSI.
set(CPACK_PRE_BUILD_SCRIPTS ${CMAKE_CURRENT_LIST_DIR}/sign-staged.cmake)
set(CPACK_POST_BUILD_SCRIPTS ${CMAKE_CURRENT_LIST_DIR}/sign-msi.cmake)
