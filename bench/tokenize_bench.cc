// Tokenising and stemming (engine/text/tokenizer.h), one core, on real news text: the PolNeAR
// articles (train + dev) line by line. Both the lexicon marker and the aligner tokenise every
// sentence, and the aligner stems every token, so these set a floor under marking and
// featurizing. Throughput is bytes of text per second; Xapian's TermGenerator (stemming with
// the same Snowball algorithm, positions on) runs on the same lines for comparison.
// Skips when the evaluation data is absent.
#include <benchmark/benchmark.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "engine/text/tokenizer.h"

namespace parallax {
namespace {

struct Lines {
  std::vector<std::string> lines;
  size_t bytes = 0;
};

// Every non-blank line (a paragraph) of the PolNeAR texts.
const Lines& PolnearLines() {
  static const Lines* lines = [] {
    auto* out = new Lines;
    namespace fs = std::filesystem;
    for (const char* split : {"train", "dev"}) {
      const fs::path dir = fs::path(PARALLAX_SHARED_DIR "/eval/polnear") / split / "text";
      std::error_code ec;
      if (!fs::is_directory(dir, ec)) continue;
      for (const fs::directory_entry& f : fs::directory_iterator(dir)) {
        std::ifstream in(f.path());
        std::string line;
        while (std::getline(in, line)) {
          if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
          out->bytes += line.size();
          out->lines.push_back(std::move(line));
        }
      }
    }
    return out;
  }();
  return *lines;
}

bool HaveData(benchmark::State& state) {
  if (!PolnearLines().lines.empty()) return true;
  state.SkipWithError("PolNeAR not found under " PARALLAX_SHARED_DIR "/eval/polnear");
  return false;
}

// Tokenize alone: the byte scanner, UTF-8 classification and lower-casing of `norm`.
void BM_Tokenize(benchmark::State& state) {
  if (!HaveData(state)) return;
  const Lines& data = PolnearLines();
  std::vector<Token> tokens;
  size_t count = 0;
  for (auto _ : state) {
    for (const std::string& line : data.lines) {
      tokens.clear();
      Tokenize(line, 0, &tokens);
      count += tokens.size();
    }
  }
  benchmark::DoNotOptimize(count);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * data.bytes));
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(count), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Tokenize)->Unit(benchmark::kMillisecond);

// Tokenize + Stemmer::Stem on every token: what the aligner's Featurize pays before lookups.
void BM_TokenizeAndStem(benchmark::State& state) {
  if (!HaveData(state)) return;
  const Lines& data = PolnearLines();
  std::vector<Token> tokens;
  Stemmer stemmer;
  size_t count = 0;
  for (auto _ : state) {
    for (const std::string& line : data.lines) {
      tokens.clear();
      Tokenize(line, 0, &tokens);
      for (const Token& t : tokens) count += stemmer.Stem(t.norm).size();
    }
  }
  benchmark::DoNotOptimize(count);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * data.bytes));
}
BENCHMARK(BM_TokenizeAndStem)->Unit(benchmark::kMillisecond);

// Stemming alone, over the tokens found once: the Snowball stemmer's cost per word, including
// the std::string it returns.
void BM_StemOnly(benchmark::State& state) {
  if (!HaveData(state)) return;
  const Lines& data = PolnearLines();
  std::vector<Token> tokens;
  for (const std::string& line : data.lines) Tokenize(line, 0, &tokens);
  Stemmer stemmer;
  size_t count = 0;
  for (auto _ : state) {
    for (const Token& t : tokens) count += stemmer.Stem(t.norm).size();
  }
  benchmark::DoNotOptimize(count);
  state.counters["words/s"] = benchmark::Counter(
      static_cast<double>(state.iterations() * tokens.size()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_StemOnly)->Unit(benchmark::kMillisecond);

// Xapian's TermGenerator over the same lines (STEM_ALL, positions, one document per line):
// the term generation part of the bare indexing loop, without the database.
void BM_XapianTermGenerator(benchmark::State& state) {
  if (!HaveData(state)) return;
  const Lines& data = PolnearLines();
  Xapian::TermGenerator generator;
  generator.set_stemmer(Xapian::Stem("english"));
  generator.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL);
  size_t terms = 0;
  for (auto _ : state) {
    for (const std::string& line : data.lines) {
      Xapian::Document doc;
      generator.set_document(doc);
      generator.index_text(line);
      terms += doc.termlist_count();
    }
  }
  benchmark::DoNotOptimize(terms);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * data.bytes));
}
BENCHMARK(BM_XapianTermGenerator)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace parallax

BENCHMARK_MAIN();
