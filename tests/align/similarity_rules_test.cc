#include "engine/align/similarity_rules.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "tests/testutil.h"

namespace parallax {
namespace {

std::string WriteTemp(const std::string& name, const std::string& contents) {
  std::string path = (std::filesystem::temp_directory_path() / name).string();
  std::ofstream(path) << contents;
  return path;
}

TEST(SimilarityRulesTest, BundledRulesLoadWithTrainedWeights) {
  auto rules = LoadSimilarityRules(std::string(PARALLAX_SOURCE_DIR) + "/rules/similarity.yaml");
  ASSERT_OK(rules);
  EXPECT_GT(rules->paraphrase_threshold, 0.0);
  EXPECT_LT(rules->paraphrase_threshold, 1.0);
  double sum = 0;
  for (double w : rules->weights) sum += std::abs(w);
  EXPECT_GT(sum, 0.0);
}

TEST(SimilarityRulesTest, ReadsEverySection) {
  auto rules = LoadSimilarityRules(WriteTemp("sim_rules_ok.yaml", R"(
wordnet: {dir: , max_senses: 3, derivation: false}
alignment: {synonym_strength: 0.7}
model:
  combine: logistic
  bias: -2.5
  weights: {cos_tfidf: 1.5, align_min: 2}
thresholds: {paraphrase: 0.6, claim: 0.55}
)"));
  ASSERT_OK(rules);
  EXPECT_TRUE(rules->wordnet_dir.empty());
  EXPECT_EQ(rules->wordnet.max_senses, 3);
  EXPECT_FALSE(rules->wordnet.derivation);
  EXPECT_DOUBLE_EQ(rules->synonym_strength, 0.7);
  EXPECT_TRUE(rules->logistic);
  EXPECT_DOUBLE_EQ(rules->bias, -2.5);
  EXPECT_DOUBLE_EQ(rules->weights[4], 1.5);
  EXPECT_DOUBLE_EQ(rules->weights[1], 2.0);
  EXPECT_DOUBLE_EQ(rules->weights[0], 0.0);  // listed weights replace the default
  EXPECT_DOUBLE_EQ(rules->claim_threshold, 0.55);
}

TEST(SimilarityRulesTest, BadInputsAreErrorsWithPosition) {
  struct Case {
    const char* yaml;
    const char* message;
  } cases[] = {
      {"modle: {}\n", "unknown key 'modle'"},
      {"model: {weights: {cosine: 1}}\n", "unknown feature 'cosine'"},
      {"model: {combine: softmax}\n", "'combine' must be"},
      {"thresholds: {claim: 1.5}\n", "between 0 and 1"},
      {"thresholds: {claim_mutual: 1.5}\n", "between 0 and 1"},
      {"thresholds: {claim_quote: -0.1}\n", "between 0 and 1"},
      {"thresholds: {claim_best_overlap: 2}\n", "between 0 and 1"},
      {"thresholds: {claim_mutal: 0.3}\n", "unknown key 'claim_mutal'"},
      {"wordnet: {max_senses: -1}\n", "whole number"},
      {"alignment: {synonym_strength: lots}\n", ""},
  };
  int n = 0;
  for (const Case& c : cases) {
    auto rules =
        LoadSimilarityRules(WriteTemp("sim_rules_bad" + std::to_string(n++) + ".yaml", c.yaml));
    ASSERT_FALSE(rules.ok()) << c.yaml;
    EXPECT_NE(rules.status().message().find(c.message), std::string::npos)
        << rules.status().message();
    EXPECT_NE(rules.status().message().find(".yaml:1:"), std::string::npos)
        << rules.status().message();
  }
}

TEST(SimilarityRulesTest, MissingFileIsAnError) {
  EXPECT_FALSE(LoadSimilarityRules("/nonexistent/similarity.yaml").ok());
}

}  // namespace
}  // namespace parallax
