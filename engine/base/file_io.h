// Whole-file reads and crash-safe writes.
//
// ReadFile refuses directories, missing and unreadable files with a message naming the path.
// ReadFile opens without blocking, so a FIFO or a device given as an input is refused at once
// instead of waiting forever for a writer.
// WriteFileAtomically and AtomicFileWriter write to "<path>.tmp-<pid>-<16 random hex digits>"
// in the same directory, flush it to disk and rename it over `path`, so that a crash or a
// failed run never leaves a half-written file in place: readers see the old file or the new
// one, never a mix. The temporary file is created with O_EXCL|O_NOFOLLOW under a name nobody
// can predict, so that a symbolic link planted in a shared output folder cannot redirect the
// write to another file.
//
// Thread safety: the functions hold no state; concurrent calls on different paths are safe.
#ifndef PARALLAX_ENGINE_BASE_FILE_IO_H_
#define PARALLAX_ENGINE_BASE_FILE_IO_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/status.h"

namespace parallax {

// Files larger than this are refused rather than read (a guard against reading a disk image
// given by mistake). 256 MiB: the largest real article seen is a few MB.
inline constexpr size_t kMaxInputFileBytes = size_t{256} << 20;

// Returns the bytes of the regular file at `path`.
StatusOr<std::string> ReadFile(const std::string& path);

// Replaces the file at `path` with `contents`, atomically (see above).
Status WriteFileAtomically(const std::string& path, std::string_view contents);

// An output path and the option that named it ("-o", "--json"), for messages.
struct NamedPath {
  std::string option;
  std::string path;
};

// Checks, before any work is done, that writing `outputs` cannot destroy data: no output exists
// as anything but a regular file (a device such as /dev/full, a FIFO, a folder: renaming over
// it would replace the node), no two outputs name the same file (they would overwrite each
// other), and no output is one of `inputs` (the input would be overwritten). Paths are compared
// after making them absolute and normal, and by device and inode when both exist (links).
// Returns InvalidInput naming the option and the path, else Ok.
Status CheckOutputPaths(const std::vector<NamedPath>& outputs,
                        const std::vector<std::string>& inputs);

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

  // Flushes to disk and renames over the final path. REQUIRES: called at most once (of Commit
  // and CommitIfChanged).
  Status Commit();

  // As Commit, except that when the final path already holds exactly the bytes written, it is
  // left untouched (its time stamp too) and the temporary file is removed: a re-run that
  // produces the same page does not rewrite it.
  Status CommitIfChanged();

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
