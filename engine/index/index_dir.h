// Deciding what a directory holds before Xapian is let near it, and checking the schema stamp
// once it is open. Internal to engine/index.
#ifndef PARALLAX_ENGINE_INDEX_INDEX_DIR_H_
#define PARALLAX_ENGINE_INDEX_INDEX_DIR_H_

#include <xapian.h>

#include <string>

#include "engine/base/status.h"

namespace parallax {

enum class IndexDirState {
  kMissing,   // nothing at that path
  kEmpty,     // an empty directory
  kDatabase,  // a directory holding a Xapian (glass) database
};

// Returns the state of `dir`, or InvalidInput when it is a file or a non-empty directory that
// holds no Xapian database (so that a mistyped --index never litters someone's folder).
StatusOr<IndexDirState> InspectIndexDir(const std::string& dir);

// Checks the "parallax_schema" stamp of an open database. A database without the stamp is
// InvalidInput, unless `fresh_ok` and it holds no documents and no metadata at all (a writer
// killed between creating and stamping it; *version is then 0). A version outside
// [kOldestIndexSchemaVersion, kIndexSchemaVersion] is Corruption. Sets *version when not null.
Status CheckSchema(const Xapian::Database& db, const std::string& dir, bool fresh_ok,
                   int* version = nullptr);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_INDEX_INDEX_DIR_H_
