#include "engine/index/xapian_status.h"

namespace parallax {

Status XapianStatus(const Xapian::Error& e, const std::string& dir) {
  const std::string detail = " (" + e.get_description() + ")";
  // Xapian::Error is not polymorphic in 1.4; get_type() names the most derived class.
  const std::string type = e.get_type();
  if (type == "DatabaseLockError") {
    return Status::Locked(dir + ": index is locked by another process");
  }
  if (type == "DatabaseVersionError") {
    return Status::Corruption(dir + ": index was written by an incompatible Xapian version" +
                              detail);
  }
  if (type == "DatabaseCorruptError") {
    return Status::Corruption(dir + ": index is corrupt" + detail);
  }
  if (type == "DatabaseNotFoundError") {
    return Status::NotFound(dir + ": no index here" + detail);
  }
  if (type == "DatabaseOpeningError") {
    return Status::InvalidInput(dir + ": not a Parallax index" + detail);
  }
  if (type == "QueryParserError") {
    return Status::InvalidInput("query: " + e.get_msg());
  }
  if (type.rfind("Database", 0) == 0) {
    return Status::IoError(dir + ": " + e.get_description());
  }
  return Status::Internal(dir + ": " + e.get_description());
}

}  // namespace parallax
