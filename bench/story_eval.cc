// story_eval: groups the articles of a corpus into stories (AlignCorpus with group_stories) and
// compares them with the story labels the input carries (JSON "story"), by adjusted Rand index.
// Used by scripts/eval_stories.py on BASIL converted to JSONL.
//
//   story_eval [--link T] [--sentence T] [--threads N] INPUT...
// Prints one line per article: "<article id>\t<gold story>\t<predicted story id>", then
// "ARI <value>", "stories <predicted> gold <gold>" and "seconds <alignment time>".
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "engine/pipeline/alignment.h"
#include "engine/pipeline/corpus.h"

namespace {

double Choose2(double n) { return n * (n - 1) / 2; }

// Hubert & Arabie's adjusted Rand index of two labelings of the same items.
double AdjustedRandIndex(const std::vector<std::string>& x, const std::vector<uint32_t>& y) {
  std::map<std::pair<std::string, uint32_t>, double> cells;
  std::map<std::string, double> rows;
  std::map<uint32_t, double> cols;
  for (size_t i = 0; i < x.size(); ++i) {
    cells[{x[i], y[i]}] += 1;
    rows[x[i]] += 1;
    cols[y[i]] += 1;
  }
  double index = 0, a = 0, b = 0;
  for (const auto& [k, n] : cells) index += Choose2(n);
  for (const auto& [k, n] : rows) a += Choose2(n);
  for (const auto& [k, n] : cols) b += Choose2(n);
  const double expected = a * b / Choose2(static_cast<double>(x.size()));
  const double max = (a + b) / 2;
  return max == expected ? 1.0 : (index - expected) / (max - expected);
}

}  // namespace

int main(int argc, char** argv) {
  using namespace parallax;
  AlignOptions options;
  options.group_stories = true;
  std::vector<std::string> inputs;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--link" && i + 1 < argc) {
      options.stories.link_threshold = std::atof(argv[++i]);
    } else if (arg == "--sentence" && i + 1 < argc) {
      options.stories.sentence_threshold = std::atof(argv[++i]);
    } else if (arg == "--threads" && i + 1 < argc) {
      options.threads = std::atoi(argv[++i]);
    } else {
      inputs.push_back(arg);
    }
  }
  if (inputs.empty()) {
    std::fprintf(stderr, "usage: story_eval [--link T] [--sentence T] [--threads N] INPUT...\n");
    return 2;
  }
  const char* env = std::getenv("PARALLAX_DATA_DIR");
  options.data_dir = env != nullptr && *env != '\0' ? env : PARALLAX_SOURCE_DIR;
  CorpusOptions corpus_options;
  corpus_options.data_dir = options.data_dir;
  corpus_options.threads = options.threads;
  StatusOr<Corpus> corpus = LoadCorpus(inputs, corpus_options);
  if (!corpus.ok()) {
    std::fprintf(stderr, "%s\n", corpus.status().message().c_str());
    return 1;
  }
  StatusOr<SimilarityResources> resources = LoadSimilarityResources(options.data_dir);
  if (!resources.ok()) {
    std::fprintf(stderr, "%s\n", resources.status().message().c_str());
    return 1;
  }
  // The labels are the gold; grouping must not see them (AlignCorpus honours given labels).
  const std::vector<std::string> gold_labels = corpus->stories;
  corpus->stories.assign(corpus->articles.size(), "");
  const auto start = std::chrono::steady_clock::now();
  StatusOr<Alignment> alignment = AlignCorpus(*corpus, *resources, options);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!alignment.ok()) {
    std::fprintf(stderr, "%s\n", alignment.status().message().c_str());
    return 1;
  }
  std::map<std::string, int> gold;
  for (size_t a = 0; a < corpus->articles.size(); ++a) {
    const uint32_t story = alignment->article_story[a];
    std::printf("%s\t%s\t%s\n", corpus->articles[a].id.c_str(), gold_labels[a].c_str(),
                alignment->stories[story].id.c_str());
    ++gold[gold_labels[a]];
  }
  std::printf("ARI %.4f\n", AdjustedRandIndex(gold_labels, alignment->article_story));
  std::printf("stories %zu gold %zu\n", alignment->stories.size(), gold.size());
  std::printf("seconds %.3f\n", seconds);
  return 0;
}
