// The fuzz targets without a fuzzing engine: runs LLVMFuzzerTestOneInput once
// on every file named (a directory: every file in it, in name order), so the
// checked-in corpus is replayed by the normal test suite (ctest -R fuzz.).

#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

// The input being run, named when it aborts (a failed FUZZ_CHECK, a sanitizer report).
char current[4096];

extern "C" void name_the_input(int) {
  const char prefix[] = "\nfuzz replay: the failing input is ";
  (void)!write(2, prefix, sizeof prefix - 1);
  (void)!write(2, current, std::strlen(current));
  (void)!write(2, "\n", 1);
  std::signal(SIGABRT, SIG_DFL);
}

std::vector<std::filesystem::path> inputs_of(const std::filesystem::path& path) {
  std::vector<std::filesystem::path> inputs;
  if (std::filesystem::is_directory(path)) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(path)) {
      if (entry.is_regular_file()) inputs.push_back(entry.path());
    }
    std::sort(inputs.begin(), inputs.end());
  } else {
    inputs.push_back(path);
  }
  return inputs;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s FILE_OR_DIRECTORY...\n", argv[0]);
    return 2;
  }
  std::signal(SIGABRT, name_the_input);
  std::size_t count = 0;
  for (int i = 1; i < argc; ++i) {
    if (!std::filesystem::exists(argv[i])) {
      std::fprintf(stderr, "%s: no such file or directory\n", argv[i]);
      return 2;
    }
    for (const auto& input : inputs_of(argv[i])) {
      std::snprintf(current, sizeof current, "%s", input.c_str());
      // Exactly the file's bytes in a buffer of their size, so that ASan sees a read past the end.
      std::vector<std::uint8_t> copy(std::filesystem::file_size(input));
      std::ifstream file(input, std::ios::binary);
      file.read(reinterpret_cast<char*>(copy.data()), static_cast<std::streamsize>(copy.size()));
      if (!file) {
        std::fprintf(stderr, "%s: cannot read\n", input.c_str());
        return 2;
      }
      LLVMFuzzerTestOneInput(copy.data(), copy.size());
      ++count;
    }
  }
  if (count == 0) {
    std::fprintf(stderr, "no inputs found\n");
    return 2;
  }
  std::printf("replayed %zu inputs\n", count);
  return 0;
}
