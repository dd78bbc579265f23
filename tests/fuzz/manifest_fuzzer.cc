// Fuzz target: corpus manifests (ingest/manifest.h), and through them the YAML reader
// (yaml/yaml_tree.h) with its alias and depth guards.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <unordered_set>

#include "engine/ingest/manifest.h"
#include "tests/fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace parallax;
  std::string_view yaml(reinterpret_cast<const char*>(data), size);
  StatusOr<Manifest> manifest = ParseManifest(yaml, "/fuzz/corpus.yaml");
  if (!manifest.ok()) {
    FUZZ_CHECK(!manifest.status().message().empty());
    return 0;
  }
  // A manifest that loads has articles, each with an id (unique), a source and a path.
  FUZZ_CHECK(!manifest->articles.empty());
  std::unordered_set<std::string> ids;
  for (const ManifestEntry& e : manifest->articles) {
    FUZZ_CHECK(!e.id.empty() && !e.path.empty());
    FUZZ_CHECK(ids.insert(e.id).second);
    FUZZ_CHECK(e.date.empty() || IsIsoDate(e.date));
  }
  return 0;
}
