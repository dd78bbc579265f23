// Sentence segmentation speed, one core: bytes of article text split per second.
//
// Run: cmake -DPARALLAX_BUILD_BENCHMARKS=ON ..., build segment_bench, then
//   ./bench/segment_bench --benchmark_counter_tabular=true
// Text comes from ../shared (seed articles, BASIL) and is skipped when absent.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "engine/segment/sentence_splitter.h"

namespace {

namespace fs = std::filesystem;
using parallax::Paragraph;
using parallax::SegmentRules;
using parallax::SentenceSplitter;

struct Corpus {
  std::string text;
  std::vector<Paragraph> paragraphs;
  void Add(const std::string& paragraph) {
    if (paragraph.empty()) return;
    if (!text.empty()) text += "\n";
    paragraphs.push_back({{text.size(), text.size() + paragraph.size()}, false});
    text += paragraph;
  }
};

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const SentenceSplitter& Splitter() {
  static const SentenceSplitter* splitter = [] {
    auto rules = SegmentRules::Load(std::string(PARALLAX_SOURCE_DIR) + "/rules/segmentation.yaml");
    if (!rules.ok()) std::abort();
    auto made = SentenceSplitter::Create(*rules);
    if (!made.ok()) std::abort();
    return made->release();
  }();
  return *splitter;
}

// The seed articles, one paragraph a line, repeated to about 4 MB.
const Corpus& Seeds() {
  static const Corpus* corpus = [] {
    auto* c = new Corpus;
    std::vector<std::string> lines;
    const fs::path dir = fs::path(PARALLAX_SHARED_DIR) / "seeds";
    if (fs::exists(dir)) {
      for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.path().extension() != ".txt") continue;
        std::istringstream in(ReadAll(entry.path()));
        for (std::string line; std::getline(in, line);) lines.push_back(line);
      }
    }
    while (!lines.empty() && c->text.size() < (4u << 20)) {
      for (const std::string& line : lines) c->Add(line);
    }
    return c;
  }();
  return *corpus;
}

// BASIL article bodies, each paragraph's gold sentences joined with spaces (as in the eval).
const Corpus& Basil() {
  static const Corpus* corpus = [] {
    auto* c = new Corpus;
    const fs::path dir = fs::path(PARALLAX_SHARED_DIR) / "eval" / "basil" / "articles";
    if (!fs::exists(dir)) return c;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
      if (entry.path().extension() != ".json") continue;
      auto article = nlohmann::json::parse(ReadAll(entry.path()), nullptr, false);
      if (article.is_discarded()) continue;
      for (const auto& para : article["body-paragraphs"]) {
        std::string joined;
        for (const auto& s : para) {
          if (!joined.empty()) joined += " ";
          joined += s.get<std::string>();
        }
        c->Add(joined);
      }
    }
    return c;
  }();
  return *corpus;
}

void Run(benchmark::State& state, const Corpus& corpus) {
  if (corpus.text.empty()) {
    state.SkipWithError("text not found under PARALLAX_SHARED_DIR");
    return;
  }
  size_t sentences = 0;
  for (auto _ : state) {
    auto got = Splitter().Split(corpus.text, corpus.paragraphs);
    sentences = got.size();
    benchmark::DoNotOptimize(got.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus.text.size()));
  state.counters["sentences"] = static_cast<double>(sentences);
}

// Typical news prose: abbreviations, quotes, Unicode punctuation, short paragraphs.
void BM_SplitSeedArticles(benchmark::State& state) { Run(state, Seeds()); }
BENCHMARK(BM_SplitSeedArticles)->Unit(benchmark::kMillisecond);

// Real article bodies from three US outlets (~1 MB), the text the quality figure is measured on.
void BM_SplitBasil(benchmark::State& state) { Run(state, Basil()); }
BENCHMARK(BM_SplitBasil)->Unit(benchmark::kMillisecond);

// Worst case for the length cap: one 20 MB paragraph without punctuation, cut every
// max_sentence_bytes at a space; stresses the windowed ICU scan and the cut search.
void BM_SplitHugeParagraphWithoutPunctuation(benchmark::State& state) {
  static const Corpus* corpus = [] {
    auto* c = new Corpus;
    std::string line;
    while (line.size() < (20u << 20)) line += "lorem ipsum dolor ";
    c->Add(line);
    return c;
  }();
  Run(state, *corpus);
}
BENCHMARK(BM_SplitHugeParagraphWithoutPunctuation)->Unit(benchmark::kMillisecond);

// Worst case for the break rules: a break candidate every few bytes ("A. B. C. ..."), each
// an initial the rules must look at and take back.
void BM_SplitDenseInitials(benchmark::State& state) {
  static const Corpus* corpus = [] {
    auto* c = new Corpus;
    std::string line;
    while (line.size() < (4u << 20)) line += "J. K. Rowling met Gen. Munir and Mr. Wang. ";
    c->Add(line);
    return c;
  }();
  Run(state, *corpus);
}
BENCHMARK(BM_SplitDenseInitials)->Unit(benchmark::kMillisecond);

// Many one-line paragraphs (the shape of a JSONL corpus): per-paragraph overhead.
void BM_SplitManyShortParagraphs(benchmark::State& state) {
  static const Corpus* corpus = [] {
    auto* c = new Corpus;
    for (int i = 0; i < 100000; ++i) c->Add("Short line number " + std::to_string(i) + ".");
    return c;
  }();
  Run(state, *corpus);
}
BENCHMARK(BM_SplitManyShortParagraphs)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
