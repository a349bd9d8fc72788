# Writes a C++ file holding every web/i18n/*.json catalogue as a string,
# keyed by language ("en" from en.json).
file(GLOB files ${INPUT_DIR}/*.json)
list(SORT files)
set(body "")
foreach(file ${files})
  get_filename_component(language ${file} NAME_WE)
  file(READ ${file} content)
  string(APPEND body "    {\"${language}\", R\"catalogue(${content})catalogue\"},\n")
endforeach()
file(WRITE ${OUTPUT}.tmp
"// Generated from web/i18n by scripts/embed_catalogues.cmake. Do not edit.
#include <map>
#include <string>
#include <string_view>

namespace gapfill::i18n {
const std::map<std::string, std::string_view>& embedded_catalogues() {
  static const std::map<std::string, std::string_view> catalogues{
${body}  };
  return catalogues;
}
}  // namespace gapfill::i18n
")
file(COPY_FILE ${OUTPUT}.tmp ${OUTPUT} ONLY_IF_DIFFERENT)
