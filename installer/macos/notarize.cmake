# SPDX-License-Identifier: MIT
# CPACK_POST_BUILD_SCRIPTS: signs the DMG, notarises it with notarytool (waiting for Apple's verdict), staples
# the ticket and lets Gatekeeper assess it. Skipped (with a warning) without an identity or notary credentials.
set(_id "$ENV{PROCTOR_CODESIGN_IDENTITY}")
if(DEFINED ENV{PROCTOR_NOTARY_PROFILE})
  set(_auth --keychain-profile "$ENV{PROCTOR_NOTARY_PROFILE}")
elseif(DEFINED ENV{PROCTOR_NOTARY_APPLE_ID})
  set(_auth --apple-id "$ENV{PROCTOR_NOTARY_APPLE_ID}" --team-id "$ENV{PROCTOR_NOTARY_TEAM_ID}"
            --password "$ENV{PROCTOR_NOTARY_PASSWORD}")
endif()

foreach(_dmg IN LISTS CPACK_PACKAGE_FILES)
  if(NOT _id)
    message(WARNING "notarize: no PROCTOR_CODESIGN_IDENTITY: ${_dmg} is neither signed nor notarised")
    continue()
  endif()
  execute_process(COMMAND codesign --force --timestamp --sign "${_id}" "${_dmg}" RESULT_VARIABLE _rc)
  if(NOT _rc EQUAL 0)
    message(FATAL_ERROR "codesign failed on ${_dmg}")
  endif()
  if(NOT _auth)
    message(WARNING "notarize: no notary credentials: ${_dmg} is signed but not notarised")
    continue()
  endif()
  execute_process(COMMAND xcrun notarytool submit "${_dmg}" ${_auth} --wait --timeout 1h
                  OUTPUT_VARIABLE _out ERROR_VARIABLE _err RESULT_VARIABLE _rc)
  message(STATUS "${_out}")
  if(NOT _rc EQUAL 0 OR NOT _out MATCHES "status: Accepted")
    message(FATAL_ERROR "notarytool did not accept ${_dmg}: ${_out}${_err}\n"
                        "see: xcrun notarytool log <submission id> ${_auth}")
  endif()
  execute_process(COMMAND xcrun stapler staple "${_dmg}" RESULT_VARIABLE _rc)
  if(NOT _rc EQUAL 0)
    message(FATAL_ERROR "stapler failed on ${_dmg}")
  endif()
  execute_process(COMMAND spctl --assess --type open --context context:primary-signature --verbose=2 "${_dmg}"
                  RESULT_VARIABLE _rc)
  if(NOT _rc EQUAL 0)
    message(FATAL_ERROR "Gatekeeper rejects ${_dmg}")
  endif()
endforeach()
