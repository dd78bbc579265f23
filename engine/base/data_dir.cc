#include "engine/base/data_dir.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace parallax {
namespace {

namespace fs = std::filesystem;

bool Qualifies(const fs::path& dir) {
  std::error_code ec;
  return fs::is_directory(dir / "lexicons", ec) && fs::is_directory(dir / "rules", ec);
}

fs::path ExecutableDir() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : exe.parent_path();
}

}  // namespace

StatusOr<std::string> FindDataDir(const std::string& explicit_dir) {
  if (!explicit_dir.empty()) {
    if (Qualifies(explicit_dir)) return explicit_dir;
    return Status::NotFound(explicit_dir +
                            ": not a Parallax data directory (needs lexicons/ and rules/)");
  }
  if (const char* env = std::getenv("PARALLAX_DATA_DIR"); env != nullptr && *env != '\0') {
    if (Qualifies(env)) return std::string(env);
    return Status::NotFound(std::string("PARALLAX_DATA_DIR=") + env +
                            ": not a Parallax data directory (needs lexicons/ and rules/)");
  }
  fs::path installed = ExecutableDir() / ".." / "share" / "parallax";
  if (Qualifies(installed)) return fs::weakly_canonical(installed).string();
#ifdef PARALLAX_SOURCE_DIR
  if (Qualifies(PARALLAX_SOURCE_DIR)) return std::string(PARALLAX_SOURCE_DIR);
#endif
  return Status::NotFound(
      "cannot find Parallax's lexicons/ and rules/: pass --data-dir or set PARALLAX_DATA_DIR");
}

std::string DataPath(const std::string& data_dir, const char* relative) {
  return data_dir + "/" + relative;
}

}  // namespace parallax
