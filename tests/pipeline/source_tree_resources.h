// The resources of the source tree (lexicons/, rules/, reports/templates), loaded once per
// test binary: what every pipeline test runs on.
#ifndef PARALLAX_TESTS_PIPELINE_SOURCE_TREE_RESOURCES_H_
#define PARALLAX_TESTS_PIPELINE_SOURCE_TREE_RESOURCES_H_

#include <cstdlib>
#include <iostream>

#include "engine/pipeline/resources.h"

namespace parallax {

inline const Resources& SourceTreeResources() {
  static const Resources* resources = [] {
    StatusOr<Resources> loaded = LoadResources(PARALLAX_SOURCE_DIR);
    if (!loaded.ok()) {
      std::cerr << "cannot load the source tree's resources: " << loaded.status().message() << "\n";
      std::abort();
    }
    return new Resources(std::move(*loaded));
  }();
  return *resources;
}

}  // namespace parallax

#endif  // PARALLAX_TESTS_PIPELINE_SOURCE_TREE_RESOURCES_H_
