// Fuzz target: sentence segmentation (segment/sentence_splitter.h) with the bundled rules, and
// with small limits (40-byte sentences, 160-byte ICU windows) so that cutting long stretches and
// windowing are reached by short inputs. The first byte picks the variant and whether quotes are
// kept whole; the rest is the text, split into paragraphs as plain-text ingest does.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "engine/ingest/boilerplate.h"
#include "engine/segment/segment_rules.h"
#include "engine/segment/sentence_splitter.h"
#include "tests/fuzz/sentence_checks.h"

namespace {

using namespace parallax;

const SentenceSplitter& Splitter(int variant) {
  static const SentenceSplitter* splitters[4] = {};
  if (splitters[variant] == nullptr) {
    SegmentRules rules = fuzz::MustLoad(
        SegmentRules::Load(fuzz::SourcePath("rules/segmentation.yaml")), "segmentation rules");
    if (variant & 1) {
      rules.max_sentence_bytes = 40;
      rules.icu_window_bytes = 160;
    }
    rules.keep_quotes_whole = (variant & 2) != 0;
    splitters[variant] = fuzz::MustLoad(SentenceSplitter::Create(rules), "splitter").release();
  }
  return *splitters[variant];
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const int variant = data[0] & 3;
  std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  std::vector<Paragraph> paragraphs = SplitIntoLines(text, 0);
  if (data[0] & 4) {
    // Also one paragraph holding everything, as a caller with no line structure would give.
    paragraphs.assign(1, Paragraph{});
    paragraphs[0].span = {0, text.size()};
  }
  std::vector<Sentence> sentences = Splitter(variant).Split(text, paragraphs);
  fuzz::CheckSentences(text, paragraphs, sentences,
                       (variant & 1) ? 40 : SegmentRules().max_sentence_bytes);
  return 0;
}
