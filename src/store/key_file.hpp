#pragma once
// The data key file: one key per line, "<id> <base64 of 32 bytes>", '#'
// comments; the highest id is the current key. Mode 0600, written atomically
// (a temporary file renamed, or linked so that two first runs cannot race).

#include <optional>
#include <string>

#include "base/error.hpp"
#include "store/field_cipher.hpp"

namespace gapfill::store {

// Reads the key file. nullopt when there is none; an error when it is
// readable by group or others, or malformed.
Result<std::optional<FieldCipher>> read_key_file(const std::string& path);

// Creates the key file holding `cipher`'s keys; fails when it already exists.
Status create_key_file(const std::string& path, const FieldCipher& cipher);

// Replaces the key file with `cipher`'s keys, atomically.
Status replace_key_file(const std::string& path, const FieldCipher& cipher);

}  // namespace gapfill::store
