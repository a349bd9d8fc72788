# Data keys from the command line: the first run makes the key file (0600);
# plaintext from before sealing is sealed on opening; gapfill rotate-key
# re-seals everything under a new key and retires the old one, and resumes an
# interrupted rotation; a wrong key file stops the start.
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
set(db ${WORK}/gapfill.db)
set(key ${db}.key)

function(run expect_rc pattern)
  execute_process(COMMAND ${GAPFILL} ${ARGN} --db ${db} RESULT_VARIABLE rc OUTPUT_VARIABLE out
                  ERROR_VARIABLE err)
  if(NOT rc EQUAL expect_rc OR NOT "${out}${err}" MATCHES "${pattern}")
    message(FATAL_ERROR "gapfill ${ARGN}: rc ${rc}, wanted ${expect_rc} and '${pattern}':\n${out}${err}")
  endif()
endfunction()

function(query sql result)
  execute_process(COMMAND ${SQLITE3} ${db} "${sql}" RESULT_VARIABLE rc OUTPUT_VARIABLE out
                  OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "sqlite3 failed (${rc}) on: ${sql}")
  endif()
  set(${result} "${out}" PARENT_SCOPE)
endfunction()

# Sealed values under key `id` (a single digit) in a few sealed columns.
function(count_under id result)
  set(h "'0000000${id}'")
  query("SELECT (SELECT count(*) FROM posts WHERE typeof(contact_phone) = 'blob'
                   AND hex(substr(contact_phone, 2, 4)) = ${h})
              + (SELECT count(*) FROM posts WHERE typeof(location_text) = 'blob'
                   AND hex(substr(location_text, 2, 4)) = ${h})
              + (SELECT count(*) FROM matches WHERE typeof(volunteer_name) = 'blob'
                   AND hex(substr(volunteer_name, 2, 4)) = ${h})" n)
  set(${result} ${n} PARENT_SCOPE)
endfunction()

run(0 "Seeded the demo network" demo)
execute_process(COMMAND stat -c %a ${key} OUTPUT_VARIABLE mode OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT mode STREQUAL "600")
  message(FATAL_ERROR "the key file has mode ${mode}, not 600")
endif()
count_under(1 under_one)
if(under_one LESS 10)
  message(FATAL_ERROR "the demo's personal data is not sealed under key 1 (${under_one})")
endif()
query("SELECT count(*) FROM posts WHERE typeof(contact_phone) = 'text' AND contact_phone != ''" plain)
if(NOT plain EQUAL 0)
  message(FATAL_ERROR "${plain} phone numbers are stored in plaintext")
endif()

# A database from before sealing holds TEXT: opening it seals it.
query("UPDATE posts SET contact_phone = '+1 406 555 0142' WHERE id = (SELECT min(id) FROM posts)" ignored)
run(0 "schema version" migrate)
query("SELECT typeof(contact_phone) FROM posts WHERE id = (SELECT min(id) FROM posts)" type)
if(NOT type STREQUAL "blob")
  message(FATAL_ERROR "the old plaintext phone was not sealed on opening (${type})")
endif()
count_under(1 under_one)

run(0 "Re-sealed [0-9]+ values under data key 2; retired data keys: 1\\." rotate-key)
count_under(1 left)
count_under(2 moved)
if(NOT left EQUAL 0 OR NOT moved EQUAL under_one)
  message(FATAL_ERROR "after rotation ${left} values under key 1, ${moved} under key 2 (of ${under_one})")
endif()
file(STRINGS ${key} lines REGEX "^[0-9]")
if(NOT lines MATCHES "^2 [A-Za-z0-9+/=]+$")
  message(FATAL_ERROR "the key file should hold key 2 alone: ${lines}")
endif()

# An interrupted rotation: the key file already holds a newer key 3.
execute_process(COMMAND sh -c "head -c 32 /dev/urandom | base64" OUTPUT_VARIABLE new_key
                OUTPUT_STRIP_TRAILING_WHITESPACE)
file(APPEND ${key} "3 ${new_key}\n")
run(0 "Resumed an interrupted rotation\\. Re-sealed [0-9]+ values under data key 3; retired data keys: 2\\."
    rotate-key)
count_under(3 moved)
if(NOT moved EQUAL under_one)
  message(FATAL_ERROR "after the resumed rotation ${moved} values under key 3 (of ${under_one})")
endif()

# The data still reads: the retention sweep opens and erases it.
query("UPDATE posts SET updated_at = updated_at - 40 * 86400 WHERE status IN ('fulfilled', 'closed')" ignored)
run(0 "Erased the personal data of [1-9][0-9]* closed posts" purge)

# A wrong key file is refused, and so is one others can read.
file(READ ${key} good)
execute_process(COMMAND sh -c "head -c 32 /dev/urandom | base64" OUTPUT_VARIABLE other_key
                OUTPUT_STRIP_TRAILING_WHITESPACE)
file(WRITE ${key} "3 ${other_key}\n")
run(1 "wrong key file" migrate)
file(WRITE ${key} "${good}")
file(CHMOD ${key} PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ)
run(1 "chmod 600" migrate)
file(CHMOD ${key} PERMISSIONS OWNER_READ OWNER_WRITE)
run(0 "schema version" migrate)
file(REMOVE_RECURSE ${WORK})
