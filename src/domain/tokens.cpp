#include "domain/tokens.hpp"

#include <sodium.h>

#include <array>
#include <stdexcept>

#include "base/limits.hpp"

namespace gapfill::tokens {
namespace {

void ensure_sodium() {
  static const bool ready = sodium_init() >= 0;
  if (!ready) throw std::runtime_error("libsodium failed to initialise");
}

}  // namespace

Issued issue() {
  ensure_sodium();
  std::array<unsigned char, limits::kTokenBytes> bytes;
  randombytes_buf(bytes.data(), bytes.size());
  std::array<char, sodium_base64_ENCODED_LEN(limits::kTokenBytes,
                                             sodium_base64_VARIANT_URLSAFE_NO_PADDING)>
      encoded;
  sodium_bin2base64(encoded.data(), encoded.size(), bytes.data(), bytes.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  sodium_memzero(bytes.data(), bytes.size());
  std::string token(encoded.data());
  return Issued{token, hash(token)};
}

std::string hash(std::string_view token) {
  ensure_sodium();
  std::array<unsigned char, crypto_generichash_BYTES> digest;
  crypto_generichash(digest.data(), digest.size(),
                     reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr,
                     0);
  std::array<char, crypto_generichash_BYTES * 2 + 1> hex;
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  return std::string(hex.data());
}

std::string random_bytes(std::size_t count) {
  ensure_sodium();
  std::string bytes(count, '\0');
  randombytes_buf(bytes.data(), bytes.size());
  return bytes;
}

bool matches(std::string_view token, const std::string& stored_hash) {
  if (token.empty() || token.size() > limits::kTokenMaxChars || stored_hash.empty()) return false;
  const std::string candidate = hash(token);
  return candidate.size() == stored_hash.size() &&
         sodium_memcmp(candidate.data(), stored_hash.data(), candidate.size()) == 0;
}

std::string sign(std::string_view secret, std::string_view value) {
  ensure_sodium();
  if (secret.size() < crypto_generichash_KEYBYTES_MIN ||
      secret.size() > crypto_generichash_KEYBYTES_MAX) {
    throw std::invalid_argument("a signing secret must be 16 to 64 bytes");
  }
  std::array<unsigned char, crypto_generichash_BYTES> digest;
  crypto_generichash(digest.data(), digest.size(),
                     reinterpret_cast<const unsigned char*>(value.data()), value.size(),
                     reinterpret_cast<const unsigned char*>(secret.data()), secret.size());
  std::array<char, sodium_base64_ENCODED_LEN(crypto_generichash_BYTES,
                                             sodium_base64_VARIANT_URLSAFE_NO_PADDING)>
      encoded;
  sodium_bin2base64(encoded.data(), encoded.size(), digest.data(), digest.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return std::string(encoded.data());
}

bool verify(std::string_view secret, std::string_view value, std::string_view signature) {
  if (signature.empty() || signature.size() > limits::kTokenMaxChars) return false;
  const std::string expected = sign(secret, value);
  return expected.size() == signature.size() &&
         sodium_memcmp(expected.data(), signature.data(), expected.size()) == 0;
}

}  // namespace gapfill::tokens
