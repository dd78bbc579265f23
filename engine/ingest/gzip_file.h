// Reading gzip-compressed inputs ("page.html.gz", as crawlers and benchmark sets store pages).
//
// Gunzip inflates every member of a gzip stream (concatenated members, as `cat a.gz b.gz` makes
// them, are one stream), with zlib. The output is bounded: a "gzip bomb" that inflates past
// `max_bytes` is refused instead of filling memory.
//
// This is the only user of zlib in Parallax; no zlib type crosses this header.
// Thread safety: pure functions; calls may run concurrently.
#ifndef PARALLAX_ENGINE_INGEST_GZIP_FILE_H_
#define PARALLAX_ENGINE_INGEST_GZIP_FILE_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "engine/base/status.h"

namespace parallax {

// Returns true iff `bytes` starts with the gzip magic number (1F 8B).
bool IsGzip(std::string_view bytes);

// Returns the inflated bytes of the gzip stream `bytes`. `file` names it in errors:
// InvalidInput "<file>: not a valid gzip file (...)" for a damaged or truncated stream, and
// InvalidInput "<file>: decompresses to more than N MB" past `max_bytes`.
StatusOr<std::string> Gunzip(std::string_view bytes, const std::string& file, size_t max_bytes);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_INGEST_GZIP_FILE_H_
