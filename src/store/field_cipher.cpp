#include "store/field_cipher.hpp"

#include <sodium.h>

#include <stdexcept>

namespace gapfill::store {
namespace {

static_assert(crypto_secretbox_KEYBYTES == 32);
static_assert(crypto_secretbox_NONCEBYTES == 24);
static_assert(crypto_secretbox_MACBYTES == 16);

void ensure_sodium() {
  static const bool ready = sodium_init() >= 0;
  if (!ready) throw std::runtime_error("libsodium failed to initialise");
}

}  // namespace

Result<FieldCipher> FieldCipher::create(std::map<KeyId, DataKey> keys, KeyId current) {
  ensure_sodium();
  if (!keys.contains(current)) {
    return fail(ErrorCode::kInternal, "the current data key is not in the keyring");
  }
  return FieldCipher(std::move(keys), current);
}

DataKey FieldCipher::random_key() {
  ensure_sodium();
  DataKey key;
  crypto_secretbox_keygen(key.data());
  return key;
}

FieldCipher::~FieldCipher() {
  for (auto& [id, key] : keys_) sodium_memzero(key.data(), key.size());
}

std::string FieldCipher::key_id_bytes(KeyId id) {
  return std::string{static_cast<char>((id >> 24) & 0xFF), static_cast<char>((id >> 16) & 0xFF),
                     static_cast<char>((id >> 8) & 0xFF), static_cast<char>(id & 0xFF)};
}

std::optional<KeyId> FieldCipher::key_id_of(std::string_view sealed) {
  if (sealed.size() < kOverheadBytes || static_cast<unsigned char>(sealed[0]) != kVersion) {
    return std::nullopt;
  }
  KeyId id = 0;
  for (std::size_t i = 1; i < kHeaderBytes; ++i) {
    id = (id << 8) | static_cast<unsigned char>(sealed[i]);
  }
  return id;
}

std::string FieldCipher::lookup(std::string_view plaintext) const {
  // A subkey of its own, so that the data key is never used for two things.
  std::array<unsigned char, crypto_generichash_KEYBYTES> subkey;
  static_assert(crypto_kdf_KEYBYTES == std::tuple_size_v<DataKey>);
  crypto_kdf_derive_from_key(subkey.data(), subkey.size(), 1, "gflookup",
                             keys_.at(current_).data());
  std::array<unsigned char, 32> hash;
  crypto_generichash(hash.data(), hash.size(),
                     reinterpret_cast<const unsigned char*>(plaintext.data()), plaintext.size(),
                     subkey.data(), subkey.size());
  sodium_memzero(subkey.data(), subkey.size());
  std::string hex(hash.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), hash.data(), hash.size());
  hex.pop_back();
  return hex;
}

std::string FieldCipher::seal(std::string_view plaintext) const {
  const DataKey& key = keys_.at(current_);
  std::string out(kOverheadBytes + plaintext.size(), '\0');
  auto* bytes = reinterpret_cast<unsigned char*>(out.data());
  bytes[0] = kVersion;
  const std::string id = key_id_bytes(current_);
  std::copy(id.begin(), id.end(), out.begin() + 1);
  unsigned char* nonce = bytes + kHeaderBytes;
  randombytes_buf(nonce, crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(nonce + crypto_secretbox_NONCEBYTES,
                        reinterpret_cast<const unsigned char*>(plaintext.data()), plaintext.size(),
                        nonce, key.data());
  return out;
}

Result<std::string> FieldCipher::open(std::string_view sealed) const {
  const auto id = key_id_of(sealed);
  if (!id) return fail(ErrorCode::kInternal, "a stored personal field is not a sealed value");
  const auto key = keys_.find(*id);
  if (key == keys_.end()) {
    return fail(ErrorCode::kInternal, "a stored personal field is sealed under data key " +
                                          std::to_string(*id) + ", which the keyring lacks");
  }
  const auto* bytes = reinterpret_cast<const unsigned char*>(sealed.data());
  const unsigned char* nonce = bytes + kHeaderBytes;
  const unsigned char* box = nonce + crypto_secretbox_NONCEBYTES;
  const std::size_t box_size = sealed.size() - kHeaderBytes - crypto_secretbox_NONCEBYTES;
  std::string plaintext(box_size - crypto_secretbox_MACBYTES, '\0');
  if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plaintext.data()), box, box_size,
                                 nonce, key->second.data()) != 0) {
    return fail(ErrorCode::kInternal, "a stored personal field does not open with data key " +
                                          std::to_string(*id) +
                                          " (a wrong key file, or a damaged value)");
  }
  return plaintext;
}

}  // namespace gapfill::store
