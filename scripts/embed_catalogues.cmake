# Writes a C++ file holding every message catalogue file, web/i18n/<language>/<area>.json,
# as a string, keyed by language ("es" for web/i18n/es/pages.json). A language's files are
# merged when loaded; a key may appear in only one of them.
file(GLOB files ${INPUT_DIR}/*/*.json)
list(SORT files)
set(body "")
foreach(file ${files})
  get_filename_component(folder ${file} DIRECTORY)
  get_filename_component(language ${folder} NAME)
  get_filename_component(area ${file} NAME)
  file(READ ${file} content)
  string(APPEND body "    {\"${language}\", \"${area}\", R\"catalogue(${content})catalogue\"},\n")
endforeach()
file(WRITE ${OUTPUT}.tmp
"// Generated from web/i18n by scripts/embed_catalogues.cmake. Do not edit.
#include <string_view>
#include <vector>

#include \"domain/catalogue.hpp\"

namespace gapfill::i18n {
const std::vector<CatalogueFile>& embedded_catalogues() {
  static const std::vector<CatalogueFile> files{
${body}  };
  return files;
}
}  // namespace gapfill::i18n
")
file(COPY_FILE ${OUTPUT}.tmp ${OUTPUT} ONLY_IF_DIFFERENT)
