// The sentences the index benchmarks run on: BASIL articles (their own sentence split) and
// PolNeAR texts (dev and train), read from PARALLAX_SHARED_DIR/eval. Shared by index_bench.cc
// and bare_xapian_loop.cc so that both index exactly the same sentences.
//
// PolNeAR texts are split into paragraphs at line ends and into sentences by a simple rule (a
// break after . ! or ?, optionally followed by closing quotes or brackets, then white space
// and an upper-case letter, digit or opening quote): the benchmark measures indexing, not
// segmentation, and needs only realistic sentences that both contenders share.
#ifndef PARALLAX_BENCH_INDEX_BENCH_DATA_H_
#define PARALLAX_BENCH_INDEX_BENCH_DATA_H_

#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "engine/ingest/article.h"
#include "engine/segment/sentence.h"

namespace parallax::bench {

struct BenchArticle {
  Article article;
  std::vector<Sentence> sentences;
};

inline std::string Slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

inline std::vector<std::filesystem::path> SortedFiles(const std::filesystem::path& dir,
                                                      const std::string& ext) {
  std::vector<std::filesystem::path> paths;
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return paths;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ext) paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

// Appends `sentence` to the article's text (after `separator`) and records its span.
inline void AppendSentence(BenchArticle* a, const std::string& separator, std::string_view sentence,
                           int paragraph) {
  if (!a->article.text.empty()) a->article.text += separator;
  Sentence s;
  s.index = static_cast<int>(a->sentences.size());
  s.paragraph = paragraph;
  s.span.start = a->article.text.size();
  a->article.text += sentence;
  s.span.end = a->article.text.size();
  a->sentences.push_back(s);
}

inline bool IsBreakAfter(std::string_view text, size_t i) {
  // text[i] is . ! or ?; skip closing quotes/brackets, need space then a sentence start.
  size_t j = i + 1;
  while (j < text.size() && (text[j] == '"' || text[j] == '\'' || text[j] == ')')) ++j;
  if (j + 2 < text.size() && static_cast<unsigned char>(text[j]) == 0xe2 &&
      static_cast<unsigned char>(text[j + 1]) == 0x80 &&
      (static_cast<unsigned char>(text[j + 2]) == 0x9d ||
       static_cast<unsigned char>(text[j + 2]) == 0x99)) {
    j += 3;  // ” or ’
  }
  if (j >= text.size() || text[j] != ' ') return false;
  while (j < text.size() && text[j] == ' ') ++j;
  if (j >= text.size()) return false;
  const unsigned char c = static_cast<unsigned char>(text[j]);
  return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '"' || c == 0xe2;
}

inline void SplitParagraph(std::string_view line, int paragraph, BenchArticle* a) {
  size_t start = 0;
  bool first = true;
  auto emit = [&](size_t end) {
    std::string_view s = line.substr(start, end - start);
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    if (!s.empty()) {
      AppendSentence(a, first ? "\n\n" : " ", s, paragraph);
      first = false;
    }
  };
  for (size_t i = 0; i < line.size(); ++i) {
    if ((line[i] == '.' || line[i] == '!' || line[i] == '?') && IsBreakAfter(line, i)) {
      emit(i + 1);
      start = i + 1;
    }
  }
  emit(line.size());
}

// BASIL: one article per JSON file; body-paragraphs are lists of sentences.
inline void LoadBasil(const std::string& dir, std::vector<BenchArticle>* out) {
  for (const auto& path : SortedFiles(std::filesystem::path(dir) / "articles", ".json")) {
    nlohmann::json j = nlohmann::json::parse(Slurp(path), nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object()) continue;
    BenchArticle a;
    a.article.id = "basil-" + path.stem().string();
    a.article.source = j.value("source", "");
    a.article.date = j.value("date", "");
    a.article.title = j.value("title", "");
    a.article.url = j.value("url", "");
    int paragraph = 0;
    for (const auto& p : j.value("body-paragraphs", nlohmann::json::array())) {
      bool first = true;
      for (const auto& s : p) {
        if (!s.is_string() || s.get<std::string>().empty()) continue;
        AppendSentence(&a, first ? "\n\n" : " ", s.get<std::string>(), paragraph);
        first = false;
      }
      ++paragraph;
    }
    out->push_back(std::move(a));
  }
}

// PolNeAR: <split>/text/<outlet>_<date>_<slug>.txt.
inline void LoadPolnear(const std::string& dir, std::vector<BenchArticle>* out) {
  for (const char* split : {"dev", "train"}) {
    for (const auto& path : SortedFiles(std::filesystem::path(dir) / split / "text", ".txt")) {
      BenchArticle a;
      const std::string stem = path.stem().string();
      a.article.id = std::string("polnear-") + split + "-" + stem;
      a.article.source = stem.substr(0, stem.find('_'));
      const size_t d = stem.find('_');
      if (d != std::string::npos && stem.size() >= d + 11) a.article.date = stem.substr(d + 1, 10);
      const std::string text = Slurp(path);
      std::istringstream lines(text);
      std::string line;
      int paragraph = 0;
      while (std::getline(lines, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos) continue;
        SplitParagraph(line, paragraph++, &a);
      }
      out->push_back(std::move(a));
    }
  }
}

// BASIL + PolNeAR from `shared_dir`/eval; empty when the data is absent.
inline std::vector<BenchArticle> LoadBenchArticles(const std::string& shared_dir) {
  std::vector<BenchArticle> articles;
  LoadBasil(shared_dir + "/eval/basil", &articles);
  LoadPolnear(shared_dir + "/eval/polnear", &articles);
  return articles;
}

inline size_t CountSentences(const std::vector<BenchArticle>& articles) {
  size_t n = 0;
  for (const BenchArticle& a : articles) n += a.sentences.size();
  return n;
}

inline uint64_t DirectoryBytes(const std::string& dir) {
  uint64_t bytes = 0;
  std::error_code ec;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir, ec)) {
    if (entry.is_regular_file()) bytes += entry.file_size();
  }
  return bytes;
}

// The reference the index stage is measured against: TermGenerator (english stemmer, positions),
// one add_document per sentence and one commit, into a new database in `dir`. Nothing else.
inline void BareXapianLoop(const std::vector<BenchArticle>& articles, const std::string& dir,
                           Xapian::TermGenerator::stem_strategy strategy) {
  Xapian::WritableDatabase db(dir, Xapian::DB_CREATE_OR_OPEN);
  Xapian::TermGenerator generator;
  generator.set_stemmer(Xapian::Stem("english"));
  generator.set_stemming_strategy(strategy);
  for (const auto& a : articles) {
    for (const auto& s : a.sentences) {
      Xapian::Document doc;
      generator.set_document(doc);
      const std::string_view text = s.span.Of(a.article.text);
      generator.index_text(Xapian::Utf8Iterator(text.data(), text.size()));
      db.add_document(doc);
    }
  }
  db.commit();
}

}  // namespace parallax::bench

#endif  // PARALLAX_BENCH_INDEX_BENCH_DATA_H_
