#pragma once
// Secret bearer tokens (manage links, match tokens): 256 random bits, shown
// once, stored only as a hash.

#include <cstddef>
#include <string>
#include <string_view>

namespace gapfill::tokens {

struct Issued {
  std::string token;  // give to the client, never store
  std::string hash;   // store
};

// A fresh random token and its hash.
Issued issue();

// The hash stored for `token` (BLAKE2b-256, hex).
std::string hash(std::string_view token);

// `count` random bytes from the system's secure source.
std::string random_bytes(std::size_t count);

// True when `token` hashes to `stored_hash`, compared in constant time.
bool matches(std::string_view token, const std::string& stored_hash);

// A keyed signature of `value` (BLAKE2b keyed by `secret`), base64url: ties
// a form's anti-forgery token to its cookie. `secret` must be 16 to 64 bytes.
std::string sign(std::string_view secret, std::string_view value);

// True when `signature` is sign(secret, value), compared in constant time.
bool verify(std::string_view secret, std::string_view value, std::string_view signature);

}  // namespace gapfill::tokens
