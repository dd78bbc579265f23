// Fuzz target: lexicon files (lexicon/lexicon.h): YAML, categories, patterns, weights and context
// constraints. A lexicon that loads marks a few fixed sentences (lexicon/marker.h).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "engine/lexicon/lexicon.h"
#include "engine/lexicon/marker.h"
#include "tests/fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace parallax;
  static constexpr std::string_view kText =
      "Officials said the talks may have failed, according to sources close to the ministry. "
      "It is not certain that the “historic” deal, which he described as a triumph, will hold.";
  Lexicon lexicon;
  if (!lexicon.AddText(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz").ok())
    return 0;
  Marker marker(lexicon);
  Sentence sentence;
  sentence.span = {0, kText.size()};
  size_t open = kText.find("“");
  sentence.quotes.push_back({open, kText.find("”") + 3});
  for (const Mark& m : marker.MarkSentence(kText, sentence)) {
    FUZZ_CHECK(sentence.span.Contains(m.span) && !m.span.empty());
    FUZZ_CHECK(!m.cited || sentence.span.Contains(*m.cited));
  }
  return 0;
}
