// Xapian exceptions turned into Status, in the one place that knows Xapian's error classes.
// Internal to engine/index.
#ifndef PARALLAX_ENGINE_INDEX_XAPIAN_STATUS_H_
#define PARALLAX_ENGINE_INDEX_XAPIAN_STATUS_H_

#include <xapian.h>

#include <string>

#include "engine/base/status.h"

namespace parallax {

// "<dir>: <what users should understand>" with the Status code that fits:
//   DatabaseLockError                   -> Locked ("index is locked by another process")
//   DatabaseCorruptError, *VersionError -> Corruption
//   DatabaseNotFoundError               -> NotFound
//   DatabaseOpeningError                -> InvalidInput ("not a Parallax index")
//   QueryParserError                    -> InvalidInput
//   other DatabaseError / Error         -> IoError / Internal
Status XapianStatus(const Xapian::Error& e, const std::string& dir);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_INDEX_XAPIAN_STATUS_H_
