// What sealing personal fields at rest costs (store/field_cipher.hpp): one
// seal and one open of a typical field, and the opening of every sealed
// field a private read of a post with one match does (8 + 4 values).

#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "store/field_cipher.hpp"

namespace {

using gapfill::store::FieldCipher;

const FieldCipher& cipher() {
  static const FieldCipher keyring = *FieldCipher::create({{1, FieldCipher::random_key()}}, 1);
  return keyring;
}

void BM_SealField(benchmark::State& state) {
  const std::string value = "zq.private@example.org";
  for (auto _ : state) benchmark::DoNotOptimize(cipher().seal(value));
}
BENCHMARK(BM_SealField);

void BM_OpenField(benchmark::State& state) {
  const std::string sealed = cipher().seal("zq.private@example.org");
  for (auto _ : state) benchmark::DoNotOptimize(cipher().open(sealed));
}
BENCHMARK(BM_OpenField);

void BM_OpenPrivateReadOfAPostWithOneMatch(benchmark::State& state) {
  const std::vector<std::string> fields = {"Two adults, two kids; no pork please.",
                                           "behind the blue house on Elm",
                                           "Zebulon Quartermaine",
                                           "zq.private@example.org",
                                           "+1 406 555 0199",
                                           "Northside",
                                           "the clinic",
                                           "wheelchair",
                                           "Val",
                                           "val@example.org",
                                           "+1 406 555 0111",
                                           "I can come at noon."};
  std::vector<std::string> sealed;
  for (const auto& field : fields) sealed.push_back(cipher().seal(field));
  for (auto _ : state) {
    for (const auto& value : sealed) benchmark::DoNotOptimize(cipher().open(value));
  }
}
BENCHMARK(BM_OpenPrivateReadOfAPostWithOneMatch);

}  // namespace

BENCHMARK_MAIN();
