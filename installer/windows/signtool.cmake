# SPDX-License-Identifier: MIT
# proctor_signtool(FILES...): Authenticode SHA-256 signatures with an RFC 3161 timestamp. The certificate
# comes from the environment: PROCTOR_SIGNTOOL_CERT_SHA1 (certificate store, e.g. an EV token) or
# PROCTOR_SIGNTOOL_PFX + PROCTOR_SIGNTOOL_PFX_PASSWORD. Without either nothing is signed (with a warning).
function(proctor_signtool)
  set(_files ${ARGN})
  if(NOT _files)
    return()
  endif()
  if(DEFINED ENV{PROCTOR_SIGNTOOL_CERT_SHA1})
    set(_cert /sha1 "$ENV{PROCTOR_SIGNTOOL_CERT_SHA1}")
  elseif(DEFINED ENV{PROCTOR_SIGNTOOL_PFX})
    set(_cert /f "$ENV{PROCTOR_SIGNTOOL_PFX}" /p "$ENV{PROCTOR_SIGNTOOL_PFX_PASSWORD}")
  else()
    message(WARNING "signtool: no PROCTOR_SIGNTOOL_CERT_SHA1 or PROCTOR_SIGNTOOL_PFX: NOT signing ${_files}")
    return()
  endif()
  set(_ts "$ENV{PROCTOR_TIMESTAMP_URL}")
  if(NOT _ts)
    set(_ts http://timestamp.digicert.com)
  endif()
  find_program(_signtool signtool REQUIRED
    PATHS "$ENV{ProgramFiles\(x86\)}/Windows Kits/10/bin/x64" "$ENV{ProgramFiles\(x86\)}/Windows Kits/10/App Certification Kit")
  execute_process(COMMAND "${_signtool}" sign /fd SHA256 /td SHA256 /tr "${_ts}" ${_cert}
                          /d "Proctor Admin" ${_files} RESULT_VARIABLE _rc)
  if(NOT _rc EQUAL 0)
    message(FATAL_ERROR "signtool sign failed (${_rc})")
  endif()
  execute_process(COMMAND "${_signtool}" verify /pa /all ${_files} RESULT_VARIABLE _rc)
  if(NOT _rc EQUAL 0)
    message(FATAL_ERROR "signtool verify failed (${_rc})")
  endif()
endfunction()
