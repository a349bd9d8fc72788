#pragma once
// Password hashes: argon2id through libsodium, with the parameters in
// base/limits.hpp. Hashing is slow and takes memory on purpose, so at most
// limits::kPasswordHashesAtOnce run at once; callers beyond that wait.

#include <string>
#include <string_view>

#include "base/error.hpp"

namespace gapfill::passwords {

// The encoded argon2id hash of `password` (salt and parameters inside).
// kInternal only when the machine is out of memory.
Result<std::string> hash(std::string_view password);

// True when `password` is the one `stored` was made from.
bool verify(std::string_view password, const std::string& stored);

// Spends the time of a verify that fails, for an address with no account,
// so that timing does not tell which addresses have one.
void verify_nothing(std::string_view password);

// True when `stored` was made with other parameters than today's.
bool needs_rehash(const std::string& stored);

}  // namespace gapfill::passwords
