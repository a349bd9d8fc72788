#include "app/key_rotation.hpp"

#include "app/application.hpp"
#include "store/key_file.hpp"

namespace gapfill::app {

Result<RotationSummary> rotate_data_key(const std::string& db_path, const std::string& key_file) {
  const std::string key_path = data_key_path(db_path, key_file);
  auto existing = TRY(store::read_key_file(key_path));
  if (!existing) {
    return fail(ErrorCode::kInternal, "there is no data key file " + key_path +
                                          " to rotate (it is created by the first run)");
  }
  RotationSummary summary;
  summary.resumed = existing->keys().size() > 1;
  if (!summary.resumed) {
    auto keys = existing->keys();
    const store::KeyId next = existing->current_key_id() + 1;
    keys.emplace(next, store::FieldCipher::random_key());
    const auto added = TRY(store::FieldCipher::create(std::move(keys), next));
    // On disk first, so that no value is ever sealed under a key not there.
    TRY_STATUS(store::replace_key_file(key_path, added));
  }
  // Opening re-seals every value under the newest key, in batches.
  auto store = TRY(open_store(db_path, key_path, &summary.resealed));
  if (TRY(store->reseal_batch(1)) != 0) {
    return fail(ErrorCode::kInternal, "values remain under an older data key after re-sealing");
  }
  const auto keyring = TRY(store::read_key_file(key_path));
  const store::KeyId current = keyring->current_key_id();
  summary.new_key_id = current;
  for (const auto& [id, key] : keyring->keys()) {
    if (id != current) summary.retired_key_ids.push_back(id);
  }
  const auto kept =
      TRY(store::FieldCipher::create({{current, keyring->keys().at(current)}}, current));
  TRY_STATUS(store::replace_key_file(key_path, kept));
  return summary;
}

}  // namespace gapfill::app
