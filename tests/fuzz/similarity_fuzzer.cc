// Fuzz target: the similarity input (align/similarity_model.h): a pair of fuzzed sentences
// (split at the first newline) featurized and scored with the bundled rules, aliases and, when
// installed, WordNet. Checks the word alignment is one-to-one
// (but for entity mentions) and the score lies in [0, 1] and
// is symmetric.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "engine/align/similarity_model.h"
#include "tests/fuzz/fuzz_util.h"

namespace {

using namespace parallax;

void CheckFeatures(const SentenceFeatures& f, std::string_view text) {
  for (const SentenceWord& w : f.words) {
    FUZZ_CHECK(w.span().start < w.span().end && w.span().end <= text.size());
  }
  for (const EntityRef& e : f.entities) {
    FUZZ_CHECK(e.first_word < e.end_word && e.end_word <= f.words.size());
  }
  for (const NumberRef& n : f.numbers) FUZZ_CHECK(n.word < f.words.size());
}

void CheckAlignment(const WordAlignment& al, const SentenceFeatures& a, const SentenceFeatures& b) {
  FUZZ_CHECK(al.a_to_b.size() == a.words.size() && al.b_to_a.size() == b.words.size());
  for (size_t i = 0; i < al.a_to_b.size(); ++i) {
    int j = al.a_to_b[i];
    if (j < 0) continue;
    FUZZ_CHECK(static_cast<size_t>(j) < al.b_to_a.size());
    FUZZ_CHECK(al.a_kind[i] != MatchKind::kNone);
    // Entity matches link every word of a mention to the other mention's first word; all other
    // matches are one-to-one.
    if (al.a_kind[i] != MatchKind::kEntity) FUZZ_CHECK(al.b_to_a[j] == static_cast<int>(i));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const SimilarityResources* resources = [] {
    auto* r = new SimilarityResources;
    r->rules = fuzz::MustLoad(LoadSimilarityRules(fuzz::SourcePath("rules/similarity.yaml")),
                              "similarity rules");
    r->aliases =
        fuzz::MustLoad(AliasTable::Load(fuzz::SourcePath("rules/aliases.yaml")), "aliases");
    StatusOr<WordNet> wordnet = WordNet::Load(r->rules.wordnet_dir, r->rules.wordnet);
    if (wordnet.ok()) r->wordnet = std::move(*wordnet);
    return r;
  }();
  std::string_view input(reinterpret_cast<const char*>(data), size);
  size_t newline = input.find('\n');
  std::string_view a_text = input.substr(0, newline);
  std::string_view b_text =
      newline == std::string_view::npos ? std::string_view() : input.substr(newline + 1);
  SimilarityModel model =
      SimilarityModel::Build({a_text, b_text}, resources->rules, &resources->aliases,
                             &resources->wordnet, &resources->negators);
  Stemmer stemmer;
  SentenceFeatures a = model.Featurize(a_text, 0, &stemmer);
  SentenceFeatures b = model.Featurize(b_text, 0, &stemmer);
  CheckFeatures(a, a_text);
  CheckFeatures(b, b_text);
  CheckAlignment(model.Align(a, b), a, b);
  double ab = model.Score(a, b), ba = model.Score(b, a);
  FUZZ_CHECK(ab >= 0 && ab <= 1);
  FUZZ_CHECK(std::fabs(ab - ba) <= 1e-9);
  return 0;
}
