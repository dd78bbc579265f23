// Whole-file reads and crash-safe writes.
//
// ReadFile refuses directories, missing and unreadable files with a message naming the path.
// WriteFileAtomically writes to "<path>.tmp-<pid>" in the same directory, flushes it to disk and
// renames it over `path`, so that a crash or a failed run never leaves a half-written file in
// place: readers see the old file or the new one, never a mix.
//
// Thread safety: the functions hold no state; concurrent calls on different paths are safe.
#ifndef PARALLAX_ENGINE_BASE_FILE_IO_H_
#define PARALLAX_ENGINE_BASE_FILE_IO_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "engine/base/status.h"

namespace parallax {

// Files larger than this are refused rather than read (a guard against reading a disk image
// given by mistake). 256 MiB: the largest real article seen is a few MB.
inline constexpr size_t kMaxInputFileBytes = size_t{256} << 20;

// Returns the bytes of the regular file at `path`.
StatusOr<std::string> ReadFile(const std::string& path);

// Replaces the file at `path` with `contents`, atomically (see above).
Status WriteFileAtomically(const std::string& path, std::string_view contents);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_BASE_FILE_IO_H_
