#pragma once
// Personal fields sealed at rest with libsodium's secretbox (XSalsa20-Poly1305).
//
// A keyring holds the current data key and older ones by id. A sealed value is
//   1 byte version (1) | 4 bytes key id (big-endian) | 24 bytes nonce | 16 bytes MAC | ciphertext
// with a fresh random nonce per value, so equal plaintexts never look equal.
// The SQLite store keeps sealed values as BLOBs and plaintext as TEXT, which is
// how a database from before sealing is told apart (store/sql/sealed.hpp).

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "base/error.hpp"

namespace gapfill::store {

using DataKey = std::array<unsigned char, 32>;
using KeyId = std::uint32_t;

class FieldCipher {
 public:
  static constexpr unsigned char kVersion = 1;
  static constexpr std::size_t kHeaderBytes = 1 + 4;  // version, key id
  static constexpr std::size_t kOverheadBytes = kHeaderBytes + 24 + 16;

  // `keys` must hold `current`.
  static Result<FieldCipher> create(std::map<KeyId, DataKey> keys, KeyId current);
  // A fresh random key.
  static DataKey random_key();

  FieldCipher(const FieldCipher&) = default;
  FieldCipher& operator=(const FieldCipher&) = default;
  FieldCipher(FieldCipher&&) = default;
  FieldCipher& operator=(FieldCipher&&) = default;
  ~FieldCipher();

  KeyId current_key_id() const { return current_; }
  bool has_key(KeyId id) const { return keys_.contains(id); }
  const std::map<KeyId, DataKey>& keys() const { return keys_; }

  // Seals `plaintext` under the current key.
  std::string seal(std::string_view plaintext) const;
  // Opens a sealed value; fails (never garbage) on an unknown key id, a
  // wrong key, a damaged value or an unknown version.
  Result<std::string> open(std::string_view sealed) const;
  // A keyed hash of `plaintext` (64 hex digits) under a key derived from the
  // current data key, to find a sealed value by equality (an account by its
  // e-mail address) without storing it in the clear. It changes with the
  // current key: key rotation computes it again.
  std::string lookup(std::string_view plaintext) const;
  // The key id a sealed value names, or nullopt when it is not one.
  static std::optional<KeyId> key_id_of(std::string_view sealed);
  // The 4 bytes that name `id` inside a sealed value.
  static std::string key_id_bytes(KeyId id);

 private:
  FieldCipher(std::map<KeyId, DataKey> keys, KeyId current)
      : keys_(std::move(keys)), current_(current) {}
  std::map<KeyId, DataKey> keys_;
  KeyId current_ = 0;
};

}  // namespace gapfill::store
