// Fuzz target: similarity rules files (align/similarity_rules.h). Rules that load score two
// fixed sentences; the score must lie in [0, 1] and not depend on the order of the pair.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "engine/align/similarity_model.h"
#include "engine/align/similarity_rules.h"
#include "tests/fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace parallax;
  static fuzz::TempFile file("similarity.yaml");
  static constexpr std::string_view kA =
      "Munir met Chinese leaders in Beijing on Monday, officials said.";
  static constexpr std::string_view kB =
      "Pakistan's army chief held talks with China's leadership on 12 July.";
  StatusOr<SimilarityRules> rules =
      LoadSimilarityRules(file.Write(std::string_view(reinterpret_cast<const char*>(data), size)));
  if (!rules.ok()) return 0;
  // WordNet is not loaded: the rules' wordnet.dir is fuzzed input, not a place to read.
  SimilarityModel model = SimilarityModel::Build({kA, kB}, *rules, nullptr, nullptr, nullptr);
  Stemmer stemmer;
  SentenceFeatures a = model.Featurize(kA, 0, &stemmer);
  SentenceFeatures b = model.Featurize(kB, 0, &stemmer);
  double ab = model.Score(a, b), ba = model.Score(b, a);
  FUZZ_CHECK(ab >= 0 && ab <= 1);
  FUZZ_CHECK(std::fabs(ab - ba) <= 1e-9);
  return 0;
}
