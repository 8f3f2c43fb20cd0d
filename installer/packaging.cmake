# SPDX-License-Identifier: MIT
# Packaging: what `cpack` puts into the two packages, and how.
#
#   proctor-collector  the service: binary, systemd units (hardened), /etc/proctor/collector.env, the web
#                      client, the sample tests, the control panel, the nginx template, the deploy script
#   proctor-admin      the desktop app: binary, .desktop entry, icon (translations are compiled into the binary)
#
# Linux: DEB and RPM, one package per component, run-time dependencies computed (dpkg-shlibdeps / rpm's
# find-requires). Windows: WiX MSI; macOS: DragNDrop DMG (installer/windows, installer/macos; built only on
# those hosts). Included from the root CMakeLists.txt after the targets exist.
#
# The install rules here carry a COMPONENT; the components' own `install(TARGETS … DESTINATION bin)` rules
# (component "Unspecified") keep `cmake --install` working and are not packaged.

set(PROCTOR_PKG_DIR ${CMAKE_CURRENT_LIST_DIR})
include(GNUInstallDirs)

set(PROCTOR_PACKAGE_VENDOR "The Proctor authors" CACHE STRING "Vendor named in the packages")
set(PROCTOR_PACKAGE_CONTACT "Proctor maintainers <proctor-maintainers@example.org>" CACHE STRING
    "Maintainer field of the packages")
set(PROCTOR_PACKAGE_RELEASE "1" CACHE STRING "Package release (the -N in 0.1.0-N)")
set(PROCTOR_PACKAGE_HOMEPAGE "https://example.org/proctor" CACHE STRING "Homepage field")

# --------------------------------------------------------------------------------------------------------
# Linux install rules
# --------------------------------------------------------------------------------------------------------
if(UNIX AND NOT APPLE)
  # Absolute /etc and systemd paths with prefix /usr: the packages are not relocatable.
  set(PROCTOR_UNIT_DIR lib/systemd/system)          # relative to /usr: /usr/lib/systemd/system
  set(PROCTOR_SHARE share/proctor)

  install(TARGETS proctor-collector RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT collector)
  install(FILES ${PROCTOR_PKG_DIR}/systemd/proctor-collector@.service ${PROCTOR_PKG_DIR}/systemd/proctor-collector.target
          ${PROCTOR_PKG_DIR}/systemd/proctor-backup.service ${PROCTOR_PKG_DIR}/systemd/proctor-backup.timer
          DESTINATION ${PROCTOR_UNIT_DIR} COMPONENT collector)
  install(FILES ${PROCTOR_PKG_DIR}/config/collector.env DESTINATION /etc/proctor
          PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ COMPONENT collector)

  # The web client as built at packaging time: checked when cpack/`cmake --install` runs, not at configure
  # time, so a dist/ built after configuring is still packaged.
  install(CODE "
    set(_dist \"${PROJECT_SOURCE_DIR}/web-client/dist\")
    if(EXISTS \"\${_dist}/index.html\")
      file(INSTALL \"\${_dist}/\" DESTINATION \"\${CMAKE_INSTALL_PREFIX}/${PROCTOR_SHARE}/web\"
           FILE_PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ
           DIRECTORY_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
    else()
      message(WARNING \"web-client/dist/ is not built: proctor-collector is packaged without the web client\")
    endif()" COMPONENT collector)

  file(GLOB PROCTOR_SAMPLE_TESTS CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/db/seed/*.json)
  install(FILES ${PROCTOR_SAMPLE_TESTS} DESTINATION ${PROCTOR_SHARE}/tests COMPONENT collector)

  # Operations: control panel, nginx template, deploy script, signature verification.
  install(FILES ${PROCTOR_PKG_DIR}/control/Makefile DESTINATION ${PROCTOR_SHARE}/control COMPONENT collector)
  install(PROGRAMS ${PROCTOR_PKG_DIR}/control/proctorctl.sh ${PROCTOR_PKG_DIR}/control/backup.sh
          ${PROCTOR_PKG_DIR}/control/restore.sh ${PROCTOR_PKG_DIR}/control/lib.sh
          DESTINATION ${PROCTOR_SHARE}/control COMPONENT collector)
  install(FILES ${PROCTOR_PKG_DIR}/nginx/proctor.conf.in DESTINATION ${PROCTOR_SHARE}/nginx COMPONENT collector)
  install(PROGRAMS ${PROCTOR_PKG_DIR}/nginx/render-nginx.sh DESTINATION ${PROCTOR_SHARE}/nginx COMPONENT collector)
  install(PROGRAMS ${PROCTOR_PKG_DIR}/deploy/deploy.sh ${PROCTOR_PKG_DIR}/signing/verify.sh
          DESTINATION ${PROCTOR_SHARE}/deploy COMPONENT collector)
  # High-availability mode (deploy.sh --cluster finds them at ../ha): templates, renderer, layout.
  install(FILES ${PROCTOR_PKG_DIR}/ha/etcd.yml.in ${PROCTOR_PKG_DIR}/ha/patroni.yml.in ${PROCTOR_PKG_DIR}/ha/haproxy.cfg.in
          ${PROCTOR_PKG_DIR}/ha/redis.conf.in ${PROCTOR_PKG_DIR}/ha/sentinel.conf.in ${PROCTOR_PKG_DIR}/ha/packages.txt
          ${PROCTOR_PKG_DIR}/ha/cluster.mk
          DESTINATION ${PROCTOR_SHARE}/ha COMPONENT collector)
  install(PROGRAMS ${PROCTOR_PKG_DIR}/ha/render.sh ${PROCTOR_PKG_DIR}/ha/cluster.sh ${PROCTOR_PKG_DIR}/ha/clusterctl.sh
          DESTINATION ${PROCTOR_SHARE}/ha COMPONENT collector)

  # Documentation: copyright + Debian changelog (lintian requires both), manual pages.
  set(_gen ${CMAKE_BINARY_DIR}/installer)
  file(MAKE_DIRECTORY ${_gen})
  string(TIMESTAMP _date "%a, %d %b %Y %H:%M:%S +0000" UTC)
  if(DEFINED ENV{SOURCE_DATE_EPOCH})
    set(_date "Thu, 01 Jan 2026 00:00:00 +0000")
  endif()
  foreach(pkg proctor-collector proctor-admin)
    configure_file(${PROCTOR_PKG_DIR}/packaging/debian/changelog.in ${_gen}/${pkg}/changelog.Debian @ONLY)
    execute_process(COMMAND gzip -9nf ${_gen}/${pkg}/changelog.Debian)
  endforeach()
  foreach(page proctor-collector.1 proctor-admin.1)
    configure_file(${PROCTOR_PKG_DIR}/packaging/man/${page} ${_gen}/man/${page} @ONLY)
    execute_process(COMMAND gzip -9nf ${_gen}/man/${page})
  endforeach()
  install(FILES ${PROJECT_SOURCE_DIR}/LICENSE DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/proctor-collector
          RENAME copyright COMPONENT collector)
  install(FILES ${_gen}/proctor-collector/changelog.Debian.gz
          DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/proctor-collector COMPONENT collector)
  install(FILES ${_gen}/man/proctor-collector.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT collector)

  if(TARGET proctor-admin)
    install(TARGETS proctor-admin RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT admin)
    install(FILES ${PROCTOR_PKG_DIR}/desktop/proctor-admin.desktop
            DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/applications COMPONENT admin)
    install(FILES ${PROCTOR_PKG_DIR}/desktop/proctor-admin.svg
            DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/icons/hicolor/scalable/apps COMPONENT admin)
    # Translations: qt_add_translations compiles them into the binary (:/i18n/*.qm); any .qm files the
    # build leaves on disk are shipped too, so switching to files later needs no change here.
    install(CODE "
      file(GLOB_RECURSE _qm \"${CMAKE_BINARY_DIR}/admin-desktop/*.qm\")
      list(FILTER _qm EXCLUDE REGEX \"/CMakeFiles/|/\\\\.rcc/|_autogen/\")
      if(_qm)
        file(INSTALL \${_qm} DESTINATION \"\${CMAKE_INSTALL_PREFIX}/share/proctor-admin/translations\")
      endif()" COMPONENT admin)
    install(FILES ${_gen}/man/proctor-admin.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT admin)
    install(FILES ${PROJECT_SOURCE_DIR}/LICENSE DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/proctor-admin
            RENAME copyright COMPONENT admin)
    install(FILES ${_gen}/proctor-admin/changelog.Debian.gz
            DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/proctor-admin COMPONENT admin)
  endif()
endif()

# --------------------------------------------------------------------------------------------------------
# CPack
# --------------------------------------------------------------------------------------------------------
set(CPACK_PACKAGE_NAME proctor)
set(CPACK_PACKAGE_VENDOR "${PROCTOR_PACKAGE_VENDOR}")
set(CPACK_PACKAGE_CONTACT "${PROCTOR_PACKAGE_CONTACT}")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROCTOR_PACKAGE_HOMEPAGE}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PROJECT_CONFIG_FILE ${PROCTOR_PKG_DIR}/packaging/cpack-project-config.cmake)
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_DIRECTORY ${CMAKE_BINARY_DIR}/packages)
set(CPACK_THREADS 2)
set(CPACK_VERBATIM_VARIABLES ON)

if(UNIX AND NOT APPLE)
  set(CPACK_GENERATOR DEB RPM)
  set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
  set(CPACK_COMPONENTS_ALL collector)
  if(TARGET proctor-admin)
    list(APPEND CPACK_COMPONENTS_ALL admin)
  endif()
  set(CPACK_COMPONENTS_GROUPING IGNORE)

  set(CPACK_COMPONENT_COLLECTOR_DISPLAY_NAME "Proctor collector service")
  set(CPACK_COMPONENT_COLLECTOR_DESCRIPTION
"Proctor collector: behavioural proctoring service
The headless HTTP service of Proctor. Candidate pages send their answers and
behaviour events (keystroke timing, mouse trajectories, focus loss, print
attempts) to it; it validates them against one JSON contract, scores tests
itself, stores everything in PostgreSQL, issues certificate numbers and
publishes live updates through Redis.
This package contains the service, its hardened systemd units, the web client,
sample tests, the control panel and the nginx and deploy templates.")
  set(CPACK_COMPONENT_ADMIN_DISPLAY_NAME "Proctor admin desktop app")
  set(CPACK_COMPONENT_ADMIN_DESCRIPTION
"Proctor admin: desktop app for proctors
The Qt desktop application proctors use to review test results, session
timelines, behavioural analysis (mouse trajectory comparison, keystroke
profiles, device groups) and to manage certificates and settings of a Proctor
collector.")

  # ---- DEB ----
  set(CPACK_DEB_COMPONENT_INSTALL ON)
  set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
  set(CPACK_DEBIAN_PACKAGE_RELEASE ${PROCTOR_PACKAGE_RELEASE})
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
  set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS OFF)
  set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
  set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROCTOR_PACKAGE_HOMEPAGE}")
  set(CPACK_DEBIAN_COLLECTOR_PACKAGE_NAME proctor-collector)
  set(CPACK_DEBIAN_COLLECTOR_PACKAGE_SECTION net)
  # adduser: the postinst creates the system user; the rest comes from dpkg-shlibdeps.
  set(CPACK_DEBIAN_COLLECTOR_PACKAGE_DEPENDS "adduser")
  set(CPACK_DEBIAN_COLLECTOR_PACKAGE_RECOMMENDS "postgresql-client, redis-tools, gnupg, curl, make")
  # pg_partman belongs on the database server (deploy.sh installs it there with postgresql); a Recommends
  # would pull a PostgreSQL server onto collector-only hosts of a cluster.
  set(CPACK_DEBIAN_COLLECTOR_PACKAGE_SUGGESTS "postgresql, postgresql-15-partman, redis-server, nginx, certbot")
  set(_deb ${CMAKE_BINARY_DIR}/installer/debian-collector)
  file(MAKE_DIRECTORY ${_deb})
  foreach(script postinst prerm postrm conffiles)
    configure_file(${PROCTOR_PKG_DIR}/packaging/debian/collector.${script} ${_deb}/${script} COPYONLY
                   FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
  endforeach()
  file(CHMOD ${_deb}/conffiles PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
  set(CPACK_DEBIAN_COLLECTOR_PACKAGE_CONTROL_EXTRA ${_deb}/postinst ${_deb}/prerm ${_deb}/postrm ${_deb}/conffiles)
  set(CPACK_DEBIAN_COLLECTOR_PACKAGE_CONTROL_STRICT_PERMISSION ON)

  set(CPACK_DEBIAN_ADMIN_PACKAGE_NAME proctor-admin)
  set(CPACK_DEBIAN_ADMIN_PACKAGE_SECTION x11)
  set(CPACK_DEBIAN_ADMIN_PACKAGE_RECOMMENDS "qt6-translations-l10n")

  # ---- RPM ----
  set(CPACK_RPM_COMPONENT_INSTALL ON)
  set(CPACK_RPM_FILE_NAME RPM-DEFAULT)
  set(CPACK_RPM_PACKAGE_RELEASE ${PROCTOR_PACKAGE_RELEASE})
  set(CPACK_RPM_PACKAGE_LICENSE MIT)
  set(CPACK_RPM_PACKAGE_URL "${PROCTOR_PACKAGE_HOMEPAGE}")
  set(CPACK_PACKAGE_RELOCATABLE OFF)       # /etc and systemd paths are absolute
  set(CPACK_RPM_PACKAGE_RELOCATABLE OFF)
  set(CPACK_RPM_SPEC_MORE_DEFINE "%define _build_id_links none")
  set(CPACK_RPM_PACKAGE_AUTOREQ ON)        # library dependencies from rpm's find-requires
  set(CPACK_RPM_PACKAGE_AUTOPROV OFF)
  set(CPACK_RPM_COLLECTOR_PACKAGE_NAME proctor-collector)
  set(CPACK_RPM_COLLECTOR_PACKAGE_SUMMARY "Proctor collector: behavioural proctoring service")
  set(CPACK_RPM_ADMIN_PACKAGE_SUMMARY "Proctor admin: desktop app for proctors")
  set(CPACK_RPM_COLLECTOR_PACKAGE_GROUP "System Environment/Daemons")
  set(CPACK_RPM_COLLECTOR_PACKAGE_REQUIRES_PRE "shadow-utils")
  set(CPACK_RPM_COLLECTOR_PRE_INSTALL_SCRIPT_FILE ${PROCTOR_PKG_DIR}/packaging/rpm/collector-pre.sh)
  set(CPACK_RPM_COLLECTOR_POST_INSTALL_SCRIPT_FILE ${PROCTOR_PKG_DIR}/packaging/rpm/collector-post.sh)
  set(CPACK_RPM_COLLECTOR_PRE_UNINSTALL_SCRIPT_FILE ${PROCTOR_PKG_DIR}/packaging/rpm/collector-preun.sh)
  set(CPACK_RPM_COLLECTOR_POST_UNINSTALL_SCRIPT_FILE ${PROCTOR_PKG_DIR}/packaging/rpm/collector-postun.sh)
  set(CPACK_RPM_COLLECTOR_USER_FILELIST "%config(noreplace) %attr(0640,root,proctor) /etc/proctor/collector.env")
  set(CPACK_RPM_ADMIN_PACKAGE_NAME proctor-admin)
  set(CPACK_RPM_ADMIN_PACKAGE_GROUP "Applications/Productivity")
  set(CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
      /etc /usr/lib/systemd /usr/lib/systemd/system /usr/share/applications /usr/share/icons
      /usr/share/icons/hicolor /usr/share/icons/hicolor/scalable /usr/share/icons/hicolor/scalable/apps
      /usr/share/man /usr/share/man/man1 /usr/share/doc)
endif()

# Windows (WiX MSI) and macOS (DragNDrop DMG): the desktop app only; the collector is a Linux service.
if(WIN32)
  include(${PROCTOR_PKG_DIR}/windows/windows.cmake)
elseif(APPLE)
  include(${PROCTOR_PKG_DIR}/macos/macos.cmake)
endif()

include(CPack)
