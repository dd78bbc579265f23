// Fuzz target: news-crawler JSON and JSONL (ingest/news_json.h): the input as one JSON object and
// as JSONL, each line parsed on its own.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "engine/ingest/news_json.h"
#include "tests/fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace parallax;
  std::string_view json(reinterpret_cast<const char*>(data), size);
  (void)ParseNewsJson(json, "fuzz.json");
  size_t previous_line = 0;
  for (const auto& [line_number, line] : JsonlLines(json)) {
    // Lines come in order, each non-blank and inside the input.
    FUZZ_CHECK(line_number > previous_line);
    previous_line = line_number;
    FUZZ_CHECK(!line.empty());
    FUZZ_CHECK(line.data() >= json.data() &&
               line.data() + line.size() <= json.data() + json.size());
    (void)ParseNewsJson(line, "fuzz.jsonl:" + std::to_string(line_number));
  }
  return 0;
}
