// Digests that let a published report be traced to the data that produced it.
//
// Sha256Hex is a plain FIPS 180-4 SHA-256 (checked against the standard's test vectors).
// DigestDirectory hashes a whole data directory (lexicons/, rules/) into one value that changes
// iff a file is added, removed, renamed or edited: it hashes, for every regular file under the
// directory in byte order of its relative path, "<relative path>\0<size>\0<bytes>".
//
// Thread safety: pure functions apart from file reads.
#ifndef PARALLAX_ENGINE_BASE_DIGEST_H_
#define PARALLAX_ENGINE_BASE_DIGEST_H_

#include <string>
#include <string_view>

#include "engine/base/status.h"

namespace parallax {

// Returns the SHA-256 of `bytes` as 64 lower-case hex digits.
std::string Sha256Hex(std::string_view bytes);

// Returns "sha256:<hex>" over the directory's files as described above. Hidden files and
// directories (name starting with '.') and editor backups (ending in '~') are skipped, so an
// open editor does not change the digest. Returns NotFound when `dir` is not a directory,
// IoError when a file cannot be read.
StatusOr<std::string> DigestDirectory(const std::string& dir);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_BASE_DIGEST_H_
