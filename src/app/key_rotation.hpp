#pragma once
// Rotation of the data key that seals personal fields at rest.

#include <string>
#include <vector>

#include "base/error.hpp"
#include "store/field_cipher.hpp"

namespace gapfill::app {

struct RotationSummary {
  store::KeyId new_key_id = 0;
  std::vector<store::KeyId> retired_key_ids;
  int resealed = 0;
  bool resumed = false;  // the key file already held a newer key (an interrupted rotation)
};

// Adds a new current key to the key file (or, when it already holds more than
// one, resumes the rotation that added the newest), re-seals every sealed
// value under it in batches of write transactions, then removes the older
// keys from the file. Interrupted at any point, it is safe to run again: an
// older key leaves the file only once no value needs it. Run it with the
// server stopped.
Result<RotationSummary> rotate_data_key(const std::string& db_path, const std::string& key_file);

}  // namespace gapfill::app
