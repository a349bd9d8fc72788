# gapfill match: the matcher over the demo network. --dry-run prints the
# suggestions and changes nothing (a second dry run prints the same); without
# it the suggestions become matches, after which none are left. An unknown
# network and a missing --network are refused.
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
set(db ${WORK}/gapfill.db)
execute_process(COMMAND ${GAPFILL} demo --db ${db} RESULT_VARIABLE rc OUTPUT_VARIABLE out)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "demo failed (${rc}): ${out}")
endif()
execute_process(COMMAND ${GAPFILL} match --db ${db} --network riverside --dry-run
                RESULT_VARIABLE rc OUTPUT_VARIABLE first ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT first MATCHES "Network riverside: [0-9]+ requests, [0-9]+ offers, [0-9]+ available volunteers; ([1-9][0-9]*) suggestions")
  message(FATAL_ERROR "match --dry-run failed or suggested nothing (${rc}): ${first} ${err}")
endif()
set(suggested ${CMAKE_MATCH_1})
if(NOT first MATCHES "request +[0-9]+ +[a-z_]+ +x[0-9]+ +(offer|volunteer) [0-9]+ +[0-9.]+ km")
  message(FATAL_ERROR "match --dry-run printed no suggestion lines: ${first}")
endif()
execute_process(COMMAND ${GAPFILL} match --db ${db} --network riverside --dry-run
                RESULT_VARIABLE rc OUTPUT_VARIABLE second)
if(NOT second STREQUAL first)
  message(FATAL_ERROR "a dry run changed something or the matcher is not deterministic:\n${first}\n${second}")
endif()
execute_process(COMMAND ${GAPFILL} match --db ${db} --network riverside
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT out MATCHES "Accepted ${suggested} suggestions \\(0 no longer held\\)")
  message(FATAL_ERROR "match did not accept the ${suggested} suggestions (${rc}): ${out} ${err}")
endif()
execute_process(COMMAND ${GAPFILL} match --db ${db} --network riverside --dry-run
                RESULT_VARIABLE rc OUTPUT_VARIABLE after)
if(NOT after MATCHES "; 0 suggestions")
  message(FATAL_ERROR "suggestions are left after accepting them all: ${after}")
endif()
execute_process(COMMAND ${GAPFILL} match --db ${db} --network nowhere RESULT_VARIABLE rc
                OUTPUT_QUIET ERROR_VARIABLE err)
if(rc EQUAL 0)
  message(FATAL_ERROR "an unknown network was not refused")
endif()
execute_process(COMMAND ${GAPFILL} match --db ${db} RESULT_VARIABLE rc OUTPUT_QUIET ERROR_QUIET)
if(rc EQUAL 0)
  message(FATAL_ERROR "a missing --network was not refused")
endif()
file(REMOVE_RECURSE ${WORK})
