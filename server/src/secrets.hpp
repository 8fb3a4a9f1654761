// Password hashes and random tokens, through libsodium.
#pragma once

#include <string>

namespace izin::server {

// An argon2id hash string (with its salt and costs) of `password`.
std::string hash_password(const std::string& password);
// Whether `password` matches a hash made by hash_password.
bool password_matches(const std::string& hash, const std::string& password);
// 32 random bytes as 64 hex digits: session ids, CSRF and API tokens.
std::string random_token();
// The digest a token is looked up by (BLAKE2b, hex): the clear token is never stored.
std::string token_digest(const std::string& token);
// HMAC-SHA256 of `message` under `key` (any length), as 64 hex digits.
std::string hmac_sha256_hex(const std::string& key, const std::string& message);
// Equal strings, compared in time independent of where they differ.
bool same_secret(const std::string& a, const std::string& b);

}  // namespace izin::server
