// Fuzz target: plain-text articles (ingest/article_reader.h FromText): the text check and
// repair (ingest/text_check.h: UTF-16, NUL bytes, invalid UTF-8), line splitting and the
// boilerplate rules of rules/boilerplate.yaml (ingest/boilerplate.h).
#include <cstddef>
#include <cstdint>
#include <string>

#include "engine/base/utf8.h"
#include "engine/ingest/article_reader.h"
#include "engine/ingest/boilerplate.h"
#include "tests/fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace parallax;
  static const ArticleReader* reader = new ArticleReader(
      fuzz::MustLoad(BoilerplateRules::Load(fuzz::SourcePath("rules/boilerplate.yaml")),
                     "boilerplate rules"),
      ReadOptions());
  std::string text(reinterpret_cast<const char*>(data), size);
  StatusOr<Article> article = reader->FromText(text, "fuzz", "fuzz.txt");
  if (!article.ok()) return 0;
  // Repairs are one byte for one, so offsets into the text are offsets into the file; what
  // comes out is valid UTF-8 with its paragraphs inside it, in order.
  FUZZ_CHECK(article->text.size() == size);
  FUZZ_CHECK(!FindInvalidUtf8(article->text).has_value());
  size_t previous_end = 0;
  for (const Paragraph& p : article->paragraphs) {
    FUZZ_CHECK(p.span.start >= previous_end && p.span.start < p.span.end);
    FUZZ_CHECK(p.span.end <= article->text.size());
    previous_end = p.span.end;
  }
  return 0;
}
