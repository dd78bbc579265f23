#include "engine/index/index_dir.h"

#include <filesystem>
#include <system_error>

#include "engine/index/schema.h"
#include "engine/index/sentence_index.h"

namespace parallax {

StatusOr<IndexDirState> InspectIndexDir(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::file_status status = fs::status(dir, ec);
  if (status.type() == fs::file_type::not_found) return IndexDirState::kMissing;
  if (ec) return Status::IoError(dir + ": " + ec.message());
  if (status.type() != fs::file_type::directory) {
    return Status::InvalidInput(dir + ": not a Parallax index (not a directory)");
  }
  if (fs::exists(fs::path(dir) / "iamglass", ec)) return IndexDirState::kDatabase;
  fs::directory_iterator it(dir, ec);
  if (ec) return Status::IoError(dir + ": " + ec.message());
  if (it == fs::directory_iterator()) return IndexDirState::kEmpty;
  return Status::InvalidInput(dir + ": not a Parallax index (a directory with other files)");
}

Status CheckSchema(const Xapian::Database& db, const std::string& dir, bool fresh_ok,
                   int* version_out) {
  const std::string version = db.get_metadata(std::string(schema::kSchemaKey));
  if (version_out != nullptr) *version_out = 0;
  if (version.empty()) {
    if (fresh_ok && db.get_doccount() == 0 && db.metadata_keys_begin() == db.metadata_keys_end()) {
      return Status::Ok();
    }
    return Status::InvalidInput(dir +
                                ": not a Parallax index (a Xapian database without the "
                                "parallax_schema stamp)");
  }
  for (int v = kOldestIndexSchemaVersion; v <= kIndexSchemaVersion; ++v) {
    if (version == std::to_string(v)) {
      if (version_out != nullptr) *version_out = v;
      return Status::Ok();
    }
  }
  return Status::Corruption(dir + ": index has schema version " + version +
                            ", this build of parallax reads versions " +
                            std::to_string(kOldestIndexSchemaVersion) + " to " +
                            std::to_string(kIndexSchemaVersion) + "; rebuild the index");
}

}  // namespace parallax
