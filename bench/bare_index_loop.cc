// bare_index_loop: the floor `parallax report` is measured against (end-to-end goal: a report
// in at most twice its time) — a bare Xapian
// indexing loop over exactly the sentences Parallax splits from the given inputs.
//
// bench/bare_xapian_loop.cc (the index benchmark's reference) indexes a fixed BASIL + PolNeAR
// set split by a simple rule; the end-to-end benchmark needs the same loop over the scaled
// corpora it builds (1x, 4x, 16x), split as the report splits them, so this program reads its
// inputs through LoadCorpus (not timed) and then times only the loop: a TermGenerator with the
// english stemmer, STEM_ALL and positions, one add_document per sentence, one commit at the end,
// into a glass database in a temporary folder (or in memory with --memory).
//
// usage: bare_index_loop [--memory] [--repetitions N] INPUT...
// prints: "bare_index_loop <sentences> sentences <seconds> s <sentences/s> sentences/s" per run,
// then "bare_index_loop median <seconds> s".
#include <stdlib.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "engine/base/data_dir.h"
#include "engine/pipeline/corpus.h"

namespace {

// Indexes every non-empty sentence of `corpus`; returns the wall seconds of the loop.
double IndexOnce(const parallax::Corpus& corpus, bool memory, size_t* sentences) {
  std::string dir;
  if (!memory) {
    dir = (std::filesystem::temp_directory_path() / "bare-index-XXXXXX").string();
    if (mkdtemp(dir.data()) == nullptr) return -1;
  }
  const auto start = std::chrono::steady_clock::now();
  *sentences = 0;
  {
    Xapian::WritableDatabase db =
        memory ? Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY)
               : Xapian::WritableDatabase(dir, Xapian::DB_CREATE_OR_OPEN);
    Xapian::TermGenerator generator;
    generator.set_stemmer(Xapian::Stem("english"));
    generator.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL);
    for (size_t a = 0; a < corpus.articles.size(); ++a) {
      const std::string& text = corpus.articles[a].text;
      for (const parallax::Sentence& s : corpus.sentences[a]) {
        if (s.span.empty() || s.span.end > text.size()) continue;
        Xapian::Document doc;
        generator.set_document(doc);
        const std::string_view t = s.span.Of(text);
        generator.index_text(Xapian::Utf8Iterator(t.data(), t.size()));
        db.add_document(doc);
        ++*sentences;
      }
    }
    db.commit();
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!memory) std::filesystem::remove_all(dir);
  return seconds;
}

}  // namespace

int main(int argc, char** argv) {
  bool memory = false;
  int repetitions = 1;
  std::vector<std::string> inputs;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--memory") == 0) {
      memory = true;
    } else if (std::strcmp(argv[i], "--repetitions") == 0 && i + 1 < argc) {
      repetitions = std::max(1, atoi(argv[++i]));
    } else {
      inputs.push_back(argv[i]);
    }
  }
  if (inputs.empty()) {
    std::fprintf(stderr, "usage: bare_index_loop [--memory] [--repetitions N] INPUT...\n");
    return 2;
  }
  auto data_dir = parallax::FindDataDir(PARALLAX_SOURCE_DIR);
  if (!data_dir.ok()) {
    std::fprintf(stderr, "bare_index_loop: %s\n", data_dir.status().ToString().c_str());
    return 1;
  }
  parallax::ResourceParts parts;
  parts.marking = parts.alignment = parts.aliases = parts.provenance = false;
  auto resources = parallax::LoadResources(*data_dir, parts);
  if (!resources.ok()) {
    std::fprintf(stderr, "bare_index_loop: %s\n", resources.status().ToString().c_str());
    return 1;
  }
  parallax::CorpusOptions options;
  options.skip_bad_articles = true;
  auto corpus = parallax::LoadCorpus(inputs, *resources, options);
  if (!corpus.ok()) {
    std::fprintf(stderr, "bare_index_loop: %s\n", corpus.status().ToString().c_str());
    return 1;
  }
  std::vector<double> times;
  for (int r = 0; r < repetitions; ++r) {
    size_t sentences = 0;
    try {
      times.push_back(IndexOnce(*corpus, memory, &sentences));
    } catch (const Xapian::Error& e) {
      std::fprintf(stderr, "bare_index_loop: %s\n", e.get_description().c_str());
      return 1;
    }
    std::printf("bare_index_loop %zu sentences %.3f s %.0f sentences/s%s\n", sentences,
                times.back(), sentences / times.back(), memory ? " (in memory)" : "");
  }
  std::sort(times.begin(), times.end());
  std::printf("bare_index_loop median %.3f s\n", times[times.size() / 2]);
  return 0;
}
