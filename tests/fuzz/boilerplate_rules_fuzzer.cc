// Fuzz target: boilerplate rules files (ingest/boilerplate.h): YAML, number limits and RE2
// patterns. Rules that load filter a fixed page of text with bylines, breadcrumbs and widgets.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "engine/ingest/boilerplate.h"
#include "tests/fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace parallax;
  static fuzz::TempFile file("boilerplate.yaml");
  static const std::string kText =
      "Home » World » Asia\nMunir visits Beijing\nBy Jane Doe\n\nThe army chief met Chinese "
      "leaders on Monday, officials said.\nRelated Posts\nShare on Facebook\nThe writer is a "
      "columnist.\nAdvertisement The talks, which lasted two days, ended without a statement.\n";
  StatusOr<BoilerplateRules> rules = BoilerplateRules::Load(
      file.Write(std::string_view(reinterpret_cast<const char*>(data), size)));
  if (!rules.ok()) return 0;
  Article article;
  article.text = kText;
  FilterBoilerplate(*rules, SplitIntoLines(article.text, 0), &article);
  size_t previous_end = 0;
  for (const Paragraph& p : article.paragraphs) {
    FUZZ_CHECK(p.span.start >= previous_end && p.span.start < p.span.end);
    FUZZ_CHECK(p.span.end <= article.text.size());
    previous_end = p.span.end;
  }
  return 0;
}
