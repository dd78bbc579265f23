// Language marking (engine/lexicon) on real news text: the PolNeAR articles (train + dev),
// split at line ends and sentence punctuation, with every shipped lexicon loaded. Throughput
// is reported as bytes of sentence text per second on one core (the goal: 20 MB/s).
// Skips when the evaluation data is absent.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "engine/lexicon/lexicon.h"
#include "engine/lexicon/marker.h"
#include "engine/lexicon/matcher.h"
#include "engine/text/tokenizer.h"

namespace parallax {
namespace {

struct Corpus {
  std::string text;
  std::vector<Sentence> sentences;
  size_t bytes = 0;
};

// All PolNeAR text as one string, cut into sentences with “...” quotes, as the segmenter would.
const Corpus& PolnearCorpus() {
  static const Corpus* corpus = [] {
    auto* c = new Corpus;
    namespace fs = std::filesystem;
    for (const char* split : {"train", "dev"}) {
      fs::path dir = fs::path(PARALLAX_SHARED_DIR "/eval/polnear") / split / "text";
      std::error_code ec;
      if (!fs::is_directory(dir, ec)) continue;
      for (const fs::directory_entry& f : fs::directory_iterator(dir)) {
        std::ifstream in(f.path());
        std::stringstream ss;
        ss << in.rdbuf();
        c->text += ss.str() + "\n";
      }
    }
    size_t start = 0;
    const std::string& t = c->text;
    for (size_t i = 0; i < t.size(); ++i) {
      bool end = t[i] == '\n' || ((t[i] == '.' || t[i] == '?' || t[i] == '!') && i + 1 < t.size() &&
                                  t[i + 1] == ' ');
      if (!end) continue;
      size_t stop = t[i] == '\n' ? i : i + 1;
      if (stop > start) {
        Sentence s;
        s.index = static_cast<int>(c->sentences.size());
        s.span = {start, stop};
        size_t open = t.find("\xE2\x80\x9C", start);
        while (open != std::string::npos && open < stop) {
          size_t close = t.find("\xE2\x80\x9D", open);
          if (close == std::string::npos || close > stop) break;
          s.quotes.push_back({open, close + 3});
          open = t.find("\xE2\x80\x9C", close);
        }
        c->bytes += stop - start;
        c->sentences.push_back(std::move(s));
      }
      start = i + 1;
      while (start < t.size() && t[start] == ' ') ++start;
      i = start - 1;
    }
    return c;
  }();
  return *corpus;
}

// The lexicon directory: PARALLAX_LEXICON_DIR when set (to compare lexicon versions with one
// binary), else the source tree's lexicons/.
std::string LexiconDir() {
  const char* dir = std::getenv("PARALLAX_LEXICON_DIR");
  return dir != nullptr && *dir != 0 ? dir : PARALLAX_SOURCE_DIR "/lexicons";
}

// The shipped lexicon, or the error that kept it from loading.
const StatusOr<Lexicon>& ShippedLexiconOrError() {
  static const StatusOr<Lexicon>* lexicon = new StatusOr<Lexicon>(Lexicon::LoadDir(LexiconDir()));
  return *lexicon;
}

const Lexicon& ShippedLexicon() {
  static const Lexicon empty;
  return ShippedLexiconOrError().ok() ? *ShippedLexiconOrError() : empty;
}

// The whole marker: tokenizing, the automaton, context checks, overlap resolution, negation,
// source finding and scare quotes — what `parallax mark` and reports pay per sentence.
void BM_MarkSentences(benchmark::State& state) {
  const Corpus& corpus = PolnearCorpus();
  if (corpus.sentences.empty()) {
    state.SkipWithError("PolNeAR text not found under " PARALLAX_SHARED_DIR "/eval");
    return;
  }
  if (!ShippedLexiconOrError().ok()) {  // an empty lexicon would time nothing worth knowing
    state.SkipWithError(ShippedLexiconOrError().status().ToString().c_str());
    return;
  }
  Marker marker(ShippedLexicon());
  size_t marks = 0;
  for (auto _ : state) {
    for (const Sentence& s : corpus.sentences) {
      marks += marker.MarkSentence(corpus.text, s).size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus.bytes));
  state.counters["marks/sentence"] =
      static_cast<double>(marks) / (state.iterations() * corpus.sentences.size());
}
BENCHMARK(BM_MarkSentences)->Unit(benchmark::kMillisecond);

// Tokenizing alone: the floor under the marker's cost.
void BM_TokenizeOnly(benchmark::State& state) {
  const Corpus& corpus = PolnearCorpus();
  if (corpus.sentences.empty()) {
    state.SkipWithError("PolNeAR text not found");
    return;
  }
  std::vector<Token> tokens;
  for (auto _ : state) {
    for (const Sentence& s : corpus.sentences) {
      tokens.clear();
      Tokenize(s.span.Of(corpus.text), s.span.start, &tokens);
      benchmark::DoNotOptimize(tokens.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus.bytes));
}
BENCHMARK(BM_TokenizeOnly)->Unit(benchmark::kMillisecond);

// Interning and the automaton over pre-tokenized sentences: the cost of matching every entry
// at once, which should not grow with the number of entries.
void BM_AutomatonOnly(benchmark::State& state) {
  const Corpus& corpus = PolnearCorpus();
  if (corpus.sentences.empty()) {
    state.SkipWithError("PolNeAR text not found");
    return;
  }
  TokenMatcher matcher(ShippedLexicon().entries());
  std::vector<std::vector<Token>> tokenized(corpus.sentences.size());
  for (size_t i = 0; i < corpus.sentences.size(); ++i) {
    const Sentence& s = corpus.sentences[i];
    Tokenize(s.span.Of(corpus.text), s.span.start, &tokenized[i]);
  }
  std::vector<int32_t> ids;
  std::vector<TokenMatch> matches;
  for (auto _ : state) {
    for (const std::vector<Token>& tokens : tokenized) {
      matches.clear();
      matcher.WordIds(tokens, &ids);
      matcher.Match(tokens, ids, &matches);
      benchmark::DoNotOptimize(matches.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus.bytes));
}
BENCHMARK(BM_AutomatonOnly)->Unit(benchmark::kMillisecond);

// Loading and validating every lexicon file and compiling the automaton: paid once per run.
void BM_LoadLexiconsAndCompile(benchmark::State& state) {
  for (auto _ : state) {
    StatusOr<Lexicon> lexicon = Lexicon::LoadDir(LexiconDir());
    if (!lexicon.ok()) {
      state.SkipWithError(lexicon.status().ToString().c_str());
      return;
    }
    Marker marker(*lexicon);
    benchmark::DoNotOptimize(&marker);
  }
}
BENCHMARK(BM_LoadLexiconsAndCompile)->Unit(benchmark::kMillisecond);

// A generated lexicon file of state.range(0) entries, as in the hostile-input catalogue
// (tests/hostile). Shape 0: every entry has its own first word ("zq000042 maybe42"), so the root
// of the trie has one edge per entry. Shape 1: every entry starts with the same word ("said
// zq000042 maybe42"), so one inner node has one edge per entry.
std::string GeneratedLexiconYaml(int entries, int shape) {
  std::string yaml = "category: hedge\nentries:\n";
  char line[64];
  for (int i = 0; i < entries; ++i) {
    std::snprintf(line, sizeof(line),
                  shape == 0 ? "  - \"zq%06d maybe%d\"\n" : "  - \"said zq%06d maybe%d\"\n", i,
                  i % 97);
    yaml += line;
  }
  return yaml;
}

// YAML text -> validated entries (parsing, pattern compilation, duplicate detection) for a
// generated lexicon: should grow linearly with the number of entries.
void BM_ParseGeneratedLexicon(benchmark::State& state) {
  const std::string yaml =
      GeneratedLexiconYaml(static_cast<int>(state.range(0)), static_cast<int>(state.range(1)));
  for (auto _ : state) {
    Lexicon lexicon;
    Status s = lexicon.AddText(yaml, "generated");
    if (!s.ok()) {
      state.SkipWithError(s.ToString().c_str());
      return;
    }
    benchmark::DoNotOptimize(lexicon.entries().data());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));  // entries per second
}

// Entries -> automaton (TokenMatcher construction) for a generated lexicon: the trie build,
// which should grow linearly with the number of entries whatever their shape.
void BM_CompileGeneratedLexicon(benchmark::State& state) {
  const std::string yaml =
      GeneratedLexiconYaml(static_cast<int>(state.range(0)), static_cast<int>(state.range(1)));
  Lexicon lexicon;
  Status s = lexicon.AddText(yaml, "generated");
  if (!s.ok()) {
    state.SkipWithError(s.ToString().c_str());
    return;
  }
  for (auto _ : state) {
    TokenMatcher matcher(lexicon.entries());
    benchmark::DoNotOptimize(matcher.num_nodes());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));  // entries per second
}

void GeneratedLexiconArgs(benchmark::internal::Benchmark* b) {
  for (int shape : {0, 1}) {
    for (int entries : {10000, 30000, 100000}) b->Args({entries, shape});
  }
  b->ArgNames({"entries", "shape"});
  b->Unit(benchmark::kMillisecond);
}
BENCHMARK(BM_ParseGeneratedLexicon)->Apply(GeneratedLexiconArgs);
BENCHMARK(BM_CompileGeneratedLexicon)->Apply(GeneratedLexiconArgs);

}  // namespace
}  // namespace parallax

BENCHMARK_MAIN();
