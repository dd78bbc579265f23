// Fuzz target: marking (lexicon/marker.h) with the bundled lexicons and attribution cue model:
// fuzzed text is split into sentences (segment/sentence_splitter.h) and each is marked. Marks
// must lie inside their sentence, ordered by start.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "engine/ingest/boilerplate.h"
#include "engine/lexicon/lexicon.h"
#include "engine/lexicon/marker.h"
#include "engine/segment/sentence_splitter.h"
#include "tests/fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace parallax;
  static const Marker* marker =
      new Marker(fuzz::MustLoad(Lexicon::LoadDir(fuzz::SourcePath("lexicons")), "lexicons"));
  static const SentenceSplitter* splitter =
      fuzz::MustLoad(SentenceSplitter::Create(fuzz::MustLoad(
                         SegmentRules::Load(fuzz::SourcePath("rules/segmentation.yaml")),
                         "segmentation rules")),
                     "splitter")
          .release();
  std::string_view text(reinterpret_cast<const char*>(data), size);
  for (const Sentence& s : splitter->Split(text, SplitIntoLines(text, 0))) {
    size_t previous_start = 0;
    for (const Mark& m : marker->MarkSentence(text, s)) {
      FUZZ_CHECK(s.span.Contains(m.span) && !m.span.empty());
      FUZZ_CHECK(!m.cited || s.span.Contains(*m.cited));
      FUZZ_CHECK(m.span.start >= previous_start);
      previous_start = m.span.start;
    }
  }
  return 0;
}
