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

}  // namespace gapfill::tokens
