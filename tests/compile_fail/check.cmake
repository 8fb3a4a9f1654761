# Compiles SOURCE with the project's flags and expects EXPECT: "ok", or "error"
# with a message naming a deleted function (so the failure has the right cause).
execute_process(
  COMMAND ${COMPILER} -std=c++20 -fsyntax-only -I${INCLUDE_DIR} ${SOURCE}
  RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(EXPECT STREQUAL "ok")
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "${SOURCE} should compile:\n${err}")
  endif()
elseif(result EQUAL 0)
  message(FATAL_ERROR "${SOURCE} compiled, but must be refused")
elseif(NOT err MATCHES "deleted")
  message(FATAL_ERROR "${SOURCE} failed for another reason than a deleted conversion:\n${err}")
endif()
