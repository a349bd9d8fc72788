#include "domain/passwords.hpp"

#include <sodium.h>

#include <semaphore>
#include <stdexcept>

#include "base/limits.hpp"

namespace gapfill::passwords {
namespace {

void ensure_sodium() {
  static const bool ready = sodium_init() >= 0;
  if (!ready) throw std::runtime_error("libsodium failed to initialise");
}

// Bounds the memory that hashing takes: each run holds kPasswordHashMemoryBytes.
std::counting_semaphore<limits::kPasswordHashesAtOnce>& hash_slots() {
  static std::counting_semaphore<limits::kPasswordHashesAtOnce> slots(
      limits::kPasswordHashesAtOnce);
  return slots;
}

class Slot {
 public:
  Slot() { hash_slots().acquire(); }
  ~Slot() { hash_slots().release(); }
  Slot(const Slot&) = delete;
  Slot& operator=(const Slot&) = delete;
};

}  // namespace

Result<std::string> hash(std::string_view password) {
  ensure_sodium();
  char out[crypto_pwhash_STRBYTES];
  Slot slot;
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), limits::kPasswordHashOpsLimit,
                            limits::kPasswordHashMemoryBytes, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return fail(ErrorCode::kInternal, "out of memory while hashing a password");
  }
  return std::string(out);
}

bool verify(std::string_view password, const std::string& stored) {
  ensure_sodium();
  if (stored.empty() || stored.size() >= crypto_pwhash_STRBYTES) return false;
  Slot slot;
  return crypto_pwhash_str_verify(stored.c_str(), password.data(), password.size()) == 0;
}

void verify_nothing(std::string_view password) {
  // A real hash of a random password, made once, with today's parameters.
  static const std::string decoy = [] {
    ensure_sodium();
    char random[33];
    randombytes_buf(random, 32);
    random[32] = '\0';
    return hash(std::string_view(random, 32)).value_or("");
  }();
  (void)verify(password, decoy);
}

bool needs_rehash(const std::string& stored) {
  ensure_sodium();
  return crypto_pwhash_str_needs_rehash(stored.c_str(), limits::kPasswordHashOpsLimit,
                                        limits::kPasswordHashMemoryBytes) != 0;
}

}  // namespace gapfill::passwords
