// Fuzz target: segmentation rules files (segment/segment_rules.h). Rules that load are used to
// split a fixed text full of abbreviations, initials and quotes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "engine/segment/segment_rules.h"
#include "engine/segment/sentence_splitter.h"
#include "tests/fuzz/sentence_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace parallax;
  static constexpr std::string_view kText =
      "Gen. Munir met Mr. Xi in Beijing on Jan. 12. The U.S. Army said no. J. K. Rowling wrote "
      "it at 3 p.m. in Washington, D.C. “Why?” he asked. “Stop. Now,” she said. No. 5 won!";
  std::string_view yaml(reinterpret_cast<const char*>(data), size);
  StatusOr<SegmentRules> rules = SegmentRules::Parse(yaml, "fuzz.yaml");
  if (!rules.ok()) return 0;
  auto splitter = SentenceSplitter::Create(*rules);
  FUZZ_CHECK(splitter.ok());
  std::vector<Paragraph> paragraphs(1);
  paragraphs[0].span = {0, kText.size()};
  fuzz::CheckSentences(kText, paragraphs, (*splitter)->Split(kText, paragraphs),
                       rules->max_sentence_bytes);
  return 0;
}
