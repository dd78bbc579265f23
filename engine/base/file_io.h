// Whole-file reads and crash-safe writes.
//
// ReadFile refuses directories, missing and unreadable files with a message naming the path.
// WriteFileAtomically and AtomicFileWriter write to "<path>.tmp-<pid>" in the same directory,
// flush it to disk and rename it over `path`, so that a crash or a failed run never leaves a
// half-written file in place: readers see the old file or the new one, never a mix.
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

// A file written in parts and put in place at once: for outputs too large to build in memory
// first (a report of thousands of articles). Nothing appears at `path` until Commit() succeeds;
// a writer destroyed before that removes its temporary file.
//
// Thread safety: one writer is used by one thread at a time.
class AtomicFileWriter {
 public:
  // Creates the temporary file beside `path`. IoError/NotFound name the temporary path.
  static StatusOr<AtomicFileWriter> Create(const std::string& path);

  AtomicFileWriter(AtomicFileWriter&& other) noexcept;
  AtomicFileWriter& operator=(AtomicFileWriter&& other) noexcept;
  AtomicFileWriter(const AtomicFileWriter&) = delete;
  AtomicFileWriter& operator=(const AtomicFileWriter&) = delete;
  ~AtomicFileWriter();

  // Appends `bytes`. After an error every later call fails with the same status.
  Status Append(std::string_view bytes);

  // Flushes to disk and renames over the final path. REQUIRES: called at most once.
  Status Commit();

  const std::string& path() const { return path_; }

 private:
  AtomicFileWriter(std::string path, std::string tmp, int fd);
  void Discard();

  std::string path_;
  std::string tmp_;
  int fd_ = -1;
  Status error_;
};

}  // namespace parallax

#endif  // PARALLAX_ENGINE_BASE_FILE_IO_H_
