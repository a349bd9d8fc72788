# gapfill purge: nothing is due in a fresh demo; once its fulfilled and closed
# posts are older than the retention days (aged here with the sqlite3 shell),
# their personal data and their volunteers' are erased, titles and counts stay.
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
set(db ${WORK}/gapfill.db)
execute_process(COMMAND ${GAPFILL} demo --db ${db} RESULT_VARIABLE rc OUTPUT_VARIABLE out)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "demo failed (${rc}): ${out}")
endif()
execute_process(COMMAND ${GAPFILL} purge --db ${db} RESULT_VARIABLE rc OUTPUT_VARIABLE out)
if(NOT rc EQUAL 0 OR NOT out MATCHES "Erased the personal data of 0 closed posts"
   OR NOT out MATCHES "Removed 0 ended sessions")
  message(FATAL_ERROR "purge of a fresh demo failed (${rc}): ${out}")
endif()

function(query sql result)
  execute_process(COMMAND ${SQLITE3} ${db} "${sql}" RESULT_VARIABLE rc OUTPUT_VARIABLE out
                  OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "sqlite3 failed (${rc}) on: ${sql}")
  endif()
  set(${result} "${out}" PARENT_SCOPE)
endfunction()

set(done "status IN ('fulfilled', 'closed')")
query("SELECT count(*) FROM posts WHERE ${done}" finished)
if(finished EQUAL 0)
  message(FATAL_ERROR "the demo has no fulfilled or closed post to purge")
endif()
query("UPDATE posts SET updated_at = updated_at - 40 * 86400 WHERE ${done}" ignored)
execute_process(COMMAND ${GAPFILL} purge --db ${db} RESULT_VARIABLE rc OUTPUT_VARIABLE out)
if(NOT rc EQUAL 0 OR NOT out MATCHES "Erased the personal data of ${finished} closed posts")
  message(FATAL_ERROR "purge did not erase the ${finished} aged posts (${rc}): ${out}")
endif()
query("SELECT count(*) FROM posts WHERE ${done} AND (details != '' OR location_text != ''
       OR contact_name != '' OR contact_email != '' OR contact_phone != ''
       OR personal_data_erased_at IS NULL OR title = '')" left)
query("SELECT count(*) FROM matches m JOIN posts p ON p.id = m.request_id WHERE p.${done}
       AND (m.volunteer_name != '' OR m.volunteer_email != '' OR m.volunteer_phone != '')" volunteers)
if(NOT left EQUAL 0 OR NOT volunteers EQUAL 0)
  message(FATAL_ERROR "personal data left: ${left} posts, ${volunteers} matches")
endif()
execute_process(COMMAND ${GAPFILL} purge --db ${db} RESULT_VARIABLE rc OUTPUT_VARIABLE out)
if(NOT rc EQUAL 0 OR NOT out MATCHES "Erased the personal data of 0 closed posts")
  message(FATAL_ERROR "a second purge erased again (${rc}): ${out}")
endif()
file(REMOVE_RECURSE ${WORK})
