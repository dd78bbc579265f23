// bare_xapian_loop: the reference the sentence index is measured against (its goal: index at
// close to the speed of plain Xapian): a
// TermGenerator with the english stemmer and positions, one add_document per sentence, one
// commit at the end, into a glass database on disk. Nothing else: no boolean terms, values or
// document data. Indexes the same BASIL + PolNeAR sentences as index_bench and prints
// sentences per second and bytes per sentence.
//
// usage: bare_xapian_loop [REPETITIONS] [stem_all|stem_some]   (default: 3 stem_all)
// stem_all is the strategy Parallax uses (one stemmed, positioned term per word); stem_some is
// Xapian's default (unstemmed terms with positions plus Z-prefixed stems without), shown for
// comparison.
#include <stdlib.h>
#include <xapian.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "bench/index_bench_data.h"

int main(int argc, char** argv) {
  const int repetitions = argc > 1 ? atoi(argv[1]) : 3;
  const bool stem_some = argc > 2 && strcmp(argv[2], "stem_some") == 0;
  const auto articles = parallax::bench::LoadBenchArticles(PARALLAX_SHARED_DIR);
  const size_t sentences = parallax::bench::CountSentences(articles);
  if (sentences == 0) {
    std::fprintf(stderr, "bare_xapian_loop: no evaluation data under %s/eval\n",
                 PARALLAX_SHARED_DIR);
    return 1;
  }
  std::printf("%zu articles, %zu sentences, strategy %s\n", articles.size(), sentences,
              stem_some ? "STEM_SOME" : "STEM_ALL");
  for (int r = 0; r < repetitions; ++r) {
    std::string dir = (std::filesystem::temp_directory_path() / "bare-xapian-XXXXXX").string();
    if (mkdtemp(dir.data()) == nullptr) return 1;
    const auto start = std::chrono::steady_clock::now();
    parallax::bench::BareXapianLoop(
        articles, dir,
        stem_some ? Xapian::TermGenerator::STEM_SOME : Xapian::TermGenerator::STEM_ALL);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const uint64_t bytes = parallax::bench::DirectoryBytes(dir);
    std::printf("run %d: %.3f s, %.0f sentences/s, %.1f bytes/sentence\n", r + 1, seconds,
                sentences / seconds, static_cast<double>(bytes) / sentences);
    std::filesystem::remove_all(dir);
  }
  return 0;
}
