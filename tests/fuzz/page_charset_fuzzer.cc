// Fuzz target: page charset detection and conversion (ingest/page_charset.h): byte-order marks,
// declarations found in hostile markup, ICU conversion from whatever charset a page names.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "engine/base/utf8.h"
#include "engine/ingest/page_charset.h"
#include "tests/fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace parallax;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  DecodedPage page = DecodePage(bytes);
  // A converted page is valid UTF-8; an unconverted one is the input unchanged.
  if (page.converted) {
    FUZZ_CHECK(!FindInvalidUtf8(page.text).has_value());
    FUZZ_CHECK(page.source != CharsetSource::kNone);
  } else {
    FUZZ_CHECK(page.text == bytes);
  }
  FUZZ_CHECK(!page.charset.empty());
  CharsetSource source;
  (void)DeclaredCharset(bytes, &source);
  return 0;
}
