#include "engine/ingest/text_check.h"

#include <algorithm>

#include "engine/base/utf8.h"

namespace parallax {

size_t Utf8BomLength(const std::string& text) { return text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0; }

Status CheckAndRepairText(const std::string& name, std::string* text,
                          std::vector<std::string>* warnings) {
  if (HasUtf16Bom(*text)) {
    return Status::InvalidInput(name +
                                ": text is UTF-16 encoded; convert it to UTF-8 first (for example: "
                                "iconv -f UTF-16 -t UTF-8 FILE > FILE.utf8)");
  }
  size_t nul = text->find('\0');
  if (nul != std::string::npos) {
    // "h\0e\0l\0" is UTF-16 without a byte-order mark; anything else is binary.
    bool utf16_like =
        text->size() >= 4 && ((*text)[1] == '\0' || (*text)[0] == '\0') &&
        std::count(text->begin(), text->begin() + std::min<size_t>(text->size(), 64), '\0') >= 16;
    if (utf16_like) {
      return Status::InvalidInput(
          name +
          ": text looks UTF-16 encoded (NUL bytes between letters); convert "
          "it to UTF-8 first");
    }
    return Status::InvalidInput(name + ": binary data (NUL byte at offset " + std::to_string(nul) +
                                "), not text");
  }
  size_t sample = std::min<size_t>(text->size(), 8192);
  size_t controls = 0;
  for (size_t i = 0; i < sample; ++i) {
    unsigned char c = static_cast<unsigned char>((*text)[i]);
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++controls;
  }
  if (sample > 0 && controls * 100 > sample) {
    return Status::InvalidInput(name + ": binary data (" + std::to_string(controls) +
                                " control bytes in the first " + std::to_string(sample) +
                                "), not text");
  }
  std::optional<size_t> bad = FindInvalidUtf8(*text);
  if (!bad) return Status::Ok();
  size_t first = *bad;
  size_t replaced = 0;
  size_t pos = first;
  while (pos < text->size()) {
    size_t len = 0;
    char32_t cp = DecodeUtf8(*text, pos, &len);
    if (cp == 0xFFFD && len == 1) {
      (*text)[pos] = '?';
      ++replaced;
    }
    pos += len;
  }
  warnings->push_back(name + ": " + std::to_string(replaced) + " invalid UTF-8 byte" +
                      (replaced == 1 ? "" : "s") + " replaced by '?', the first at byte offset " +
                      std::to_string(first) +
                      " (is the file Latin-1? convert it with iconv -f LATIN1 -t UTF-8)");
  return Status::Ok();
}

}  // namespace parallax
