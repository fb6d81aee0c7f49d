# Runs `newsan --generate WHAT` and writes the result to OUT (used at build
# time for the man page and the shell completions).
execute_process(COMMAND ${NEWSAN} --generate ${WHAT} OUTPUT_FILE ${OUT} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  file(REMOVE ${OUT})
  message(FATAL_ERROR "newsan --generate ${WHAT} failed (${rc})")
endif()
