// Where Parallax finds its run-time data: lexicons/, rules/ and reports/ (templates).
//
// Lookup order, first match wins:
//   1. an explicit directory (the CLI's --data-dir),
//   2. the PARALLAX_DATA_DIR environment variable,
//   3. <directory of the executable>/../share/parallax   (after `cmake --install`),
//   4. the source tree the binary was built from (PARALLAX_SOURCE_DIR, for build trees).
// A directory qualifies iff it holds both lexicons/ and rules/.
#ifndef PARALLAX_ENGINE_BASE_DATA_DIR_H_
#define PARALLAX_ENGINE_BASE_DATA_DIR_H_

#include <string>

#include "engine/base/status.h"

namespace parallax {

// Returns the data directory by the order above; `explicit_dir` may be empty. An explicit
// directory or environment variable that does not qualify is an error, not skipped.
StatusOr<std::string> FindDataDir(const std::string& explicit_dir);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_BASE_DATA_DIR_H_
