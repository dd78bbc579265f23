// Fuzz target: gzip inflation of .gz inputs (ingest/gzip_file.h): damaged headers, truncated and
// concatenated members, output past the size bound.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "engine/ingest/gzip_file.h"
#include "tests/fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace parallax;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  constexpr size_t kMax = 1 << 20;
  StatusOr<std::string> out = Gunzip(bytes, "fuzz.html.gz", kMax);
  if (out.ok()) {
    FUZZ_CHECK(out->size() <= kMax);
  } else {
    FUZZ_CHECK(out.status().message().rfind("fuzz.html.gz: ", 0) == 0);
  }
  return 0;
}
