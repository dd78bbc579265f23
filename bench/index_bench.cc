// Indexing throughput of the sentence index against a bare Xapian loop, on the same BASIL +
// PolNeAR sentences (see index_bench_data.h), in one run. Every case builds a fresh on-disk
// index and reports sentences/s (wall clock, fsyncs included) and index bytes per sentence.
//
//   ./build/bench/index_bench --benchmark_counters_tabular=true
//
// The goal: BM_ParallaxIndexStage reaches at least 80% of BM_BareXapianLoop.
#include <benchmark/benchmark.h>
#include <stdlib.h>
#include <xapian.h>

#include <filesystem>

#include "bench/index_bench_data.h"
#include "engine/index/sentence_index.h"
#include "engine/text/aliases.h"

namespace parallax::bench {
namespace {

const std::vector<BenchArticle>& Articles() {
  static const std::vector<BenchArticle> articles = LoadBenchArticles(PARALLAX_SHARED_DIR);
  return articles;
}

const AliasTable& Aliases() {
  static const AliasTable aliases = [] {
    auto table = AliasTable::Load(PARALLAX_SOURCE_DIR "/rules/aliases.yaml");
    return table.ok() ? std::move(table).value() : AliasTable();
  }();
  return aliases;
}

const std::vector<EntityAlias>& Names() {
  static const std::vector<EntityAlias> names = EntityAliases(Aliases());
  return names;
}

std::string MakeTempDir() {
  std::string dir = (std::filesystem::temp_directory_path() / "index-bench-XXXXXX").string();
  if (mkdtemp(dir.data()) == nullptr) return "";
  return dir;
}

void Report(benchmark::State& state, size_t sentences, uint64_t bytes) {
  state.counters["sentences/s"] = benchmark::Counter(static_cast<double>(sentences),
                                                     benchmark::Counter::kIsIterationInvariantRate);
  state.counters["bytes/sentence"] = static_cast<double>(bytes) / static_cast<double>(sentences);
  state.counters["sentences"] = static_cast<double>(sentences);
}

// The reference: TermGenerator (english stemmer, STEM_ALL as Parallax, positions),
// add_document per sentence, one commit. Stresses Xapian's inverter and B-tree writes only.
void BM_BareXapianLoop(benchmark::State& state) {
  const auto& articles = Articles();
  const size_t sentences = CountSentences(articles);
  if (sentences == 0) {
    state.SkipWithError("no evaluation data under PARALLAX_SHARED_DIR/eval");
    return;
  }
  uint64_t bytes = 0;
  for (auto _ : state) {
    const std::string dir = MakeTempDir();
    { BareXapianLoop(articles, dir, Xapian::TermGenerator::STEM_ALL); }
    bytes = DirectoryBytes(dir);
    std::filesystem::remove_all(dir);
  }
  Report(state, sentences, bytes);
}

// Parallax's whole index stage as `parallax index add` runs it: the entity synonyms (once per
// index), entity names found by the alias table (tokenizer + alias matching), then AddArticle
// (a transaction per article that first deletes any previous version, stemmed positional
// terms, source / article / tag / entity / date terms, the stored sentence record, the article
// record and text) and the commit policy (by default a commit every
// IndexOptions::commit_every_sentences, and one at the end).
void BM_ParallaxIndexStage(benchmark::State& state) {
  const auto& articles = Articles();
  const size_t sentences = CountSentences(articles);
  if (sentences == 0) {
    state.SkipWithError("no evaluation data under PARALLAX_SHARED_DIR/eval");
    return;
  }
  const bool entities = state.range(0) != 0;
  const AliasTable& aliases = Aliases();
  uint64_t bytes = 0;
  for (auto _ : state) {
    const std::string dir = MakeTempDir();
    {
      IndexOptions options;
      if (state.range(1) > 0) options.commit_every_sentences = static_cast<size_t>(state.range(1));
      auto index = SentenceIndex::OpenForWrite(dir, options);
      if (!index.ok()) {
        state.SkipWithError(index.status().message().c_str());
        return;
      }
      if (entities && !(*index)->SetEntityAliases(Names()).ok()) {
        state.SkipWithError("SetEntityAliases failed");
        return;
      }
      for (const auto& a : articles) {
        Status status =
            (*index)->AddArticle(a.article, a.sentences,
                                 entities ? FindEntityNames(aliases, a.article, a.sentences)
                                          : std::vector<std::vector<std::string>>());
        if (!status.ok()) {
          state.SkipWithError(status.message().c_str());
          return;
        }
      }
      if (!(*index)->Commit().ok()) state.SkipWithError("commit failed");
    }
    bytes = DirectoryBytes(dir);
    std::filesystem::remove_all(dir);
  }
  Report(state, sentences, bytes);
}

// Query latency on the benchmark index: two-word AND queries with highlighting, grouped by
// source (the work of one `parallax search`). Stresses the matcher, document data reads and
// the highlighter.
void BM_Search(benchmark::State& state) {
  const auto& articles = Articles();
  if (articles.empty()) {
    state.SkipWithError("no evaluation data under PARALLAX_SHARED_DIR/eval");
    return;
  }
  const std::string dir = MakeTempDir();
  {
    auto index = SentenceIndex::OpenForWrite(dir);
    if (!index.ok()) {
      state.SkipWithError(index.status().message().c_str());
      return;
    }
    for (const auto& a : articles) (void)(*index)->AddArticle(a.article, a.sentences);
  }
  auto reader = IndexReader::Open(dir);
  if (!reader.ok()) {
    state.SkipWithError(reader.status().message().c_str());
    return;
  }
  const char* queries[] = {"clinton campaign", "said president", "health care", "\"white house\"",
                           "obama policy"};
  size_t i = 0;
  for (auto _ : state) {
    SearchRequest request;
    request.query = queries[i++ % std::size(queries)];
    auto results = (*reader)->Search(request);
    benchmark::DoNotOptimize(results);
  }
  reader->reset();
  std::filesystem::remove_all(dir);
}

BENCHMARK(BM_BareXapianLoop)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);
// Args: entities (1: found by the alias table, 0: none), commit_every (0: the default).
BENCHMARK(BM_ParallaxIndexStage)
    ->Args({1, 0})
    ->Args({0, 0})
    ->Args({1, 10000})
    ->Args({1, 50000})
    ->ArgNames({"entities", "commit_every"})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(3);
BENCHMARK(BM_Search)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace parallax::bench

BENCHMARK_MAIN();
