// Cost growth of AlignCorpus (engine/pipeline/alignment.h) with corpus size: BASIL (150
// articles) + PolNeAR (train + dev, ~920 articles) at 1x and 4x. Copies are different articles
// of different sources ("fox#2"), so at 4x every claim has four times the members and every
// story four times the articles: the candidate search, scoring, story grouping and claim
// clustering all see the larger corpus. Goal: time(4x) <= 5 * time(1x).
//
// Each non-empty line is a paragraph (no boilerplate filtering: the texts are clean).
// Reads PARALLAX_SHARED_DIR/eval; skips (with a message) when it is absent. Splitting into
// sentences happens once per scale, outside the timed loop; model building, featurizing,
// candidates, scoring, stories and claims are timed. Runs on 2 threads (this machine's cores).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/base/file_io.h"
#include "engine/ingest/boilerplate.h"
#include "engine/pipeline/alignment.h"
#include "engine/pipeline/corpus.h"

namespace parallax {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> Files(const fs::path& dir, const std::string& ext) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file() && it->path().extension() == ext) out.push_back(it->path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// BASIL + PolNeAR articles, once.
const std::vector<Article>& BaseArticles() {
  static const std::vector<Article>* articles = [] {
    auto* out = new std::vector<Article>;
    const fs::path eval = fs::path(PARALLAX_SHARED_DIR) / "eval";
    for (const fs::path& p : Files(eval / "basil" / "articles", ".json")) {
      StatusOr<std::string> text = ReadFile(p.string());
      if (!text.ok()) continue;
      nlohmann::json j = nlohmann::json::parse(*text, nullptr, false);
      if (!j.is_object()) continue;
      Article a;
      a.id = p.stem().string();
      a.source = j.value("source", "");
      a.date = j.value("date", "");
      for (const auto& paragraph : j.value("body-paragraphs", nlohmann::json::array())) {
        std::string joined;
        for (const auto& s : paragraph)
          joined += (joined.empty() ? "" : " ") + s.get<std::string>();
        a.text += (a.text.empty() ? "" : "\n\n") + joined;
      }
      a.paragraphs = SplitIntoLines(a.text, 0);
      if (!a.text.empty()) out->push_back(std::move(a));
    }
    for (const fs::path& p : Files(eval / "polnear", ".txt")) {
      if (p.parent_path().filename() != "text") continue;
      StatusOr<std::string> text = ReadFile(p.string());
      if (!text.ok() || text->empty()) continue;
      Article a;
      a.id = p.stem().string();
      a.source = a.id.substr(0, a.id.find('_'));  // "breitbart_2016-09-12_..."
      a.text = std::move(*text);
      a.paragraphs = SplitIntoLines(a.text, 0);
      out->push_back(std::move(a));
    }
    return out;
  }();
  return *articles;
}

// The corpus at `scale`, split into sentences once per scale.
// Everything but the lexicons, loaded once.
const Resources* SourceResources() {
  static const Resources* res = [] {
    ResourceParts parts;
    parts.marking = parts.provenance = false;
    StatusOr<Resources> r = LoadResources(PARALLAX_SOURCE_DIR, parts);
    return r.ok() ? new Resources(std::move(*r)) : nullptr;
  }();
  return res;
}

const Corpus* CorpusAt(int scale) {
  static std::map<int, Corpus>* cache = new std::map<int, Corpus>;
  auto it = cache->find(scale);
  if (it != cache->end()) return &it->second;
  std::vector<Article> articles;
  for (int copy = 0; copy < scale; ++copy) {
    for (Article a : BaseArticles()) {
      if (copy > 0) {
        a.id += "#" + std::to_string(copy);
        a.source += "#" + std::to_string(copy);
      }
      articles.push_back(std::move(a));
    }
  }
  CorpusOptions options;
  options.threads = 2;
  if (SourceResources() == nullptr) return nullptr;
  StatusOr<Corpus> corpus = SplitArticles(std::move(articles), *SourceResources(), options);
  if (!corpus.ok()) return nullptr;
  return &cache->emplace(scale, std::move(*corpus)).first->second;
}

// Arguments: scale (1 or 4), group stories (0 or 1).
void BM_AlignCorpus(benchmark::State& state) {
  if (BaseArticles().empty()) {
    state.SkipWithError("no BASIL / PolNeAR under PARALLAX_SHARED_DIR/eval");
    return;
  }
  const Corpus* corpus = CorpusAt(static_cast<int>(state.range(0)));
  if (corpus == nullptr || SourceResources() == nullptr) {
    state.SkipWithError("could not split the corpus or load rules/");
    return;
  }
  AlignOptions options;
  options.threads = 2;
  options.group_stories = state.range(1) != 0;
  size_t sentences = 0;
  for (const auto& s : corpus->sentences) sentences += s.size();
  size_t claims = 0;
  size_t stories = 0;
  for (auto _ : state) {
    StatusOr<Alignment> alignment = AlignCorpus(*corpus, *SourceResources(), options);
    if (!alignment.ok()) {
      state.SkipWithError(alignment.status().message().c_str());
      return;
    }
    claims = alignment->claims.size();
    stories = alignment->stories.size();
  }
  state.counters["articles"] = static_cast<double>(corpus->articles.size());
  state.counters["sentences"] = static_cast<double>(sentences);
  state.counters["claims"] = static_cast<double>(claims);
  state.counters["stories"] = static_cast<double>(stories);
}
BENCHMARK(BM_AlignCorpus)
    ->ArgsProduct({{1, 4}, {1, 0}})
    ->ArgNames({"scale", "stories"})
    ->Unit(benchmark::kSecond)
    ->Iterations(1)
    ->UseRealTime();

}  // namespace
}  // namespace parallax

BENCHMARK_MAIN();
