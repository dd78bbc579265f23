// Hand-built articles and temporary directories for the index tests.
#ifndef PARALLAX_TESTS_INDEX_INDEX_TEST_UTIL_H_
#define PARALLAX_TESTS_INDEX_INDEX_TEST_UTIL_H_

#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "engine/index/sentence_index.h"
#include "engine/ingest/article.h"
#include "engine/segment/sentence.h"
#include "tests/testutil.h"

namespace parallax::testing_util {

struct TestArticle {
  Article article;
  std::vector<Sentence> sentences;
};

// An article whose text is `sentences` joined by single spaces, one paragraph, with exact spans.
inline TestArticle MakeArticle(const std::string& id, const std::string& source,
                               const std::vector<std::string>& sentences,
                               const std::string& date = "",
                               const std::vector<std::string>& tags = {}) {
  TestArticle t;
  t.article.id = id;
  t.article.source = source;
  t.article.date = date;
  t.article.tags = tags;
  t.article.title = "Title of " + id;
  for (size_t i = 0; i < sentences.size(); ++i) {
    if (i > 0) t.article.text += " ";
    Sentence s;
    s.index = static_cast<int>(i);
    s.span.start = t.article.text.size();
    t.article.text += sentences[i];
    s.span.end = t.article.text.size();
    t.sentences.push_back(s);
  }
  t.article.paragraphs.push_back({Span{0, t.article.text.size()}, false});
  return t;
}

using ::parallax::test::TempDir;

}  // namespace parallax::testing_util

#endif  // PARALLAX_TESTS_INDEX_INDEX_TEST_UTIL_H_
