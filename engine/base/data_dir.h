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

// The layout of a data directory, spelled here only: paths relative to it. The loader of each
// file is named beside it; pipeline/resources.h loads them all.
inline constexpr char kLexiconsDir[] = "lexicons";                       // Lexicon::LoadDir
inline constexpr char kNegators[] = "lexicons/negators.yaml";            // Negators (align)
inline constexpr char kRulesDir[] = "rules";                             // (digested)
inline constexpr char kBoilerplateRules[] = "rules/boilerplate.yaml";    // BoilerplateRules
inline constexpr char kSegmentationRules[] = "rules/segmentation.yaml";  // SegmentRules
inline constexpr char kSimilarityRules[] = "rules/similarity.yaml";      // SimilarityRules
inline constexpr char kAliases[] = "rules/aliases.yaml";                 // AliasTable
inline constexpr char kTemplatesDir[] = "reports/templates";             // the HTML renderers

// Returns data_dir + "/" + relative.
std::string DataPath(const std::string& data_dir, const char* relative);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_BASE_DATA_DIR_H_
