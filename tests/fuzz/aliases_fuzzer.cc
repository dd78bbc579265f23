// Fuzz target: entity alias files (text/aliases.h). Tables that load are used to find entities
// in a fixed text; mentions must come in text order, inside the text, never overlapping.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "engine/text/aliases.h"
#include "engine/text/tokenizer.h"
#include "tests/fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace parallax;
  static fuzz::TempFile file("aliases.yaml");
  static constexpr std::string_view kText =
      "Beijing's leaders met the COAS, Field Marshal Asim Munir, in the People's Republic of "
      "China; "
      "the U.S. and Chinese officials, and the UK's PM, said America's White House was told.";
  static const std::vector<Token> tokens = [] {
    std::vector<Token> t;
    Tokenize(kText, 0, &t);
    return t;
  }();
  StatusOr<AliasTable> table =
      AliasTable::Load(file.Write(std::string_view(reinterpret_cast<const char*>(data), size)));
  if (!table.ok()) return 0;
  size_t previous_end = 0;
  for (const EntityMention& m : table->Find(tokens)) {
    FUZZ_CHECK(m.span.start >= previous_end && m.span.start < m.span.end);
    FUZZ_CHECK(m.span.end <= kText.size());
    FUZZ_CHECK(!m.canonical.empty());
    previous_end = m.span.end;
  }
  return 0;
}
