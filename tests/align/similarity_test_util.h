// Test helpers: the bundled rules, aliases and negators, and WordNet when it is installed.
#ifndef PARALLAX_TESTS_ALIGN_SIMILARITY_TEST_UTIL_H_
#define PARALLAX_TESTS_ALIGN_SIMILARITY_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "engine/align/similarity_model.h"
#include "tests/testutil.h"

namespace parallax {

// Loaded once per test binary. WordNet stays empty (no synonyms) when not installed.
inline const SimilarityResources& TestResources() {
  static const SimilarityResources* res = [] {
    auto* r = new SimilarityResources;
    auto rules = LoadSimilarityRules(std::string(PARALLAX_SOURCE_DIR) + "/rules/similarity.yaml");
    EXPECT_OK(rules);
    if (rules.ok()) r->rules = *rules;
    auto aliases = AliasTable::Load(std::string(PARALLAX_SOURCE_DIR) + "/rules/aliases.yaml");
    EXPECT_OK(aliases);
    if (aliases.ok()) r->aliases = std::move(*aliases);
    auto negators = Negators::Load(std::string(PARALLAX_SOURCE_DIR) + "/lexicons/negators.yaml");
    EXPECT_OK(negators);
    if (negators.ok()) r->negators = std::move(*negators);
    auto wn = WordNet::Load(WordNet::kDefaultDir, r->rules.wordnet);
    if (wn.ok()) r->wordnet = std::move(*wn);
    return r;
  }();
  return *res;
}

inline bool HaveWordNet() { return !TestResources().wordnet.empty(); }

// A model whose corpus is `texts`, with the bundled rules.
inline SimilarityModel ModelFor(const std::vector<std::string>& texts) {
  std::vector<std::string_view> views(texts.begin(), texts.end());
  const SimilarityResources& r = TestResources();
  return SimilarityModel::Build(views, r.rules, &r.aliases, &r.wordnet, &r.negators);
}

}  // namespace parallax

#endif  // PARALLAX_TESTS_ALIGN_SIMILARITY_TEST_UTIL_H_
