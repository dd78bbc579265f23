// Helpers shared by the fuzz targets (tests/fuzz/*_fuzzer.cc).
//
// Each target defines LLVMFuzzerTestOneInput. It is built two ways: with clang and libFuzzer
// (-DPARALLAX_FUZZ=ON, scripts/fuzz.sh) to search for crashes, and into a replay test of the
// regular suite (replay_test.cc) that feeds it every seed and saved crash input. Targets check
// the contracts of the code they drive with FUZZ_CHECK, so a broken invariant is a crash too.
//
// Bundled data (lexicons/, rules/) is read from PARALLAX_SOURCE_DIR, once per process.
#ifndef PARALLAX_TESTS_FUZZ_FUZZ_UTIL_H_
#define PARALLAX_TESTS_FUZZ_FUZZ_UTIL_H_

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>

#include "engine/base/status.h"

namespace parallax::fuzz {

[[noreturn]] inline void CheckFailed(const char* what, const char* file, int line) {
  std::fprintf(stderr, "%s:%d: fuzz check failed: %s\n", file, line, what);
  std::abort();
}

#define FUZZ_CHECK(cond) \
  ((cond) ? (void)0 : ::parallax::fuzz::CheckFailed(#cond, __FILE__, __LINE__))

// A file of the source tree, e.g. SourcePath("rules/segmentation.yaml").
inline std::string SourcePath(std::string_view relative) {
  return std::string(PARALLAX_SOURCE_DIR) + "/" + std::string(relative);
}

// The value of a load of bundled data, which must succeed: a failure is a broken tree, not a
// finding, so it exits rather than aborts (libFuzzer would save the input as a crash).
template <typename T>
T MustLoad(StatusOr<T> loaded, const char* what) {
  if (!loaded.ok()) {
    std::fprintf(stderr, "cannot load %s: %s\n", what, loaded.status().ToString().c_str());
    std::exit(2);
  }
  return std::move(loaded).value();
}

// A file private to this process, for loaders that only take a path: each Write replaces its
// contents. It lives under /dev/shm when that exists (cheap to rewrite on every input) and is
// removed when the process exits normally.
class TempFile {
 public:
  explicit TempFile(const std::string& name)
      : path_(std::string(access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp") + "/parallax_fuzz_" +
              std::to_string(::getpid()) + "_" + name) {}
  ~TempFile() { std::remove(path_.c_str()); }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  // Returns the path after writing `data` to it.
  const std::string& Write(std::string_view data) {
    std::ofstream out(path_, std::ios::binary | std::ios::trunc);
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
    out.close();
    FUZZ_CHECK(out.good());
    return path_;
  }

 private:
  std::string path_;
};

}  // namespace parallax::fuzz

#endif  // PARALLAX_TESTS_FUZZ_FUZZ_UTIL_H_
