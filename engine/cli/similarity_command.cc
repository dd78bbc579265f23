// parallax similarity --pairs FILE.tsv: one similarity score in [0, 1] per line of two
// tab-separated sentences, by the scorer the aligner uses. Corpus statistics (IDF) come from the
// pairs file itself.
#include <cstdio>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "engine/align/similarity_model.h"
#include "engine/base/file_io.h"
#include "engine/base/text_lines.h"
#include "engine/cli/command_line.h"
#include "engine/cli/commands.h"

namespace parallax::cli {
namespace {

struct Pair {
  std::string_view a;
  std::string_view b;
};

// Splits `text` into pairs; every line (but a final empty one) must hold exactly one tab.
StatusOr<std::vector<Pair>> ParsePairs(std::string_view text, const std::string& path) {
  std::vector<Pair> pairs;
  PARALLAX_RETURN_IF_ERROR(ForEachLine(text, [&](std::string_view line, int number) {
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos || line.find('\t', tab + 1) != std::string_view::npos) {
      return Status::InvalidInput(path + ":" + std::to_string(number) +
                                  ": expected two tab-separated sentences");
    }
    pairs.push_back({line.substr(0, tab), line.substr(tab + 1)});
    return Status::Ok();
  }));
  return pairs;
}

}  // namespace

int RunSimilarity(const Args& args) {
  po::options_description options("options");
  options.add_options()("pairs", po::value<std::string>()->required(),
                        "file of lines 'SENTENCE<TAB>SENTENCE' (UTF-8)")(
      "index", po::value<std::string>(),
      "take corpus statistics from this index (not yet supported)")(
      "features", po::bool_switch(),
      "print the pair features (tab-separated, header line first) instead of scores; used by "
      "scripts/train_similarity.py");
  po::variables_map vm;
  if (auto exit = ParseCommandLine(
          "similarity", "--pairs FILE.tsv",
          "Prints one similarity score in [0, 1] per input line (6 decimals), in input order.\n"
          "IDF weights are learned from the sentences of the pairs file; weights and WordNet\n"
          "settings come from rules/similarity.yaml.",
          options, "", args, &vm)) {
    return *exit;
  }
  if (vm.count("index")) {
    return Fail(
        Status::InvalidInput("similarity: --index is not supported yet; statistics come "
                             "from the pairs file"));
  }
  const std::string path = vm["pairs"].as<std::string>();
  ResourceParts parts;
  parts.reading = parts.marking = parts.aliases = parts.provenance = false;
  auto loaded = LoadCommandResources(vm, parts);
  if (!loaded.ok()) return Fail(loaded.status());
  const SimilarityResources* resources = loaded->similarity.get();
  auto text = ReadFile(path);
  if (!text.ok()) return Fail(text.status());
  auto pairs = ParsePairs(*text, path);
  if (!pairs.ok()) return Fail(pairs.status());

  std::vector<std::string_view> corpus;
  for (const Pair& p : *pairs) {
    corpus.push_back(p.a);
    corpus.push_back(p.b);
  }
  const SimilarityModel model = SimilarityModel::Build(
      corpus, resources->rules, &resources->aliases, &resources->wordnet, &resources->negators);
  Stemmer stemmer;
  const bool features = vm["features"].as<bool>();
  std::string out;
  char buf[32];
  if (features) {
    for (int i = 0; i < kPairFeatureCount; ++i) {
      out += kPairFeatureNames[i];
      out += i + 1 < kPairFeatureCount ? '\t' : '\n';
    }
  }
  for (const Pair& p : *pairs) {
    SentenceFeatures a = model.Featurize(p.a, 0, &stemmer);
    SentenceFeatures b = model.Featurize(p.b, 0, &stemmer);
    if (features) {
      PairFeatures f = model.Features(a, b);
      for (int i = 0; i < kPairFeatureCount; ++i) {
        std::snprintf(buf, sizeof buf, "%.6f", f[i]);
        out += buf;
        out += i + 1 < kPairFeatureCount ? '\t' : '\n';
      }
    } else {
      std::snprintf(buf, sizeof buf, "%.6f\n", model.Score(a, b));
      out += buf;
    }
  }
  std::cout << out;
  std::cout.flush();
  if (!std::cout) return Fail(Status::IoError("similarity: cannot write the scores"));
  return kExitOk;
}

}  // namespace parallax::cli
