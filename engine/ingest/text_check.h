// Checks that bytes read from a file are text Parallax can work on, and repairs what it can.
//
// Refused, with a message naming the file and the byte offset: UTF-16/UTF-32 text (a UTF-16
// byte-order mark, or NUL bytes between ASCII letters), binary files (NUL bytes, or many control
// characters). Repaired, with a warning: invalid UTF-8 bytes are replaced one for one by '?',
// so that byte offsets into the text still equal offsets into the file.
#ifndef PARALLAX_ENGINE_INGEST_TEXT_CHECK_H_
#define PARALLAX_ENGINE_INGEST_TEXT_CHECK_H_

#include <string>
#include <vector>

#include "engine/base/status.h"

namespace parallax {

// Checks and repairs *text in place; `name` names it in messages. Appends to *warnings.
Status CheckAndRepairText(const std::string& name, std::string* text,
                          std::vector<std::string>* warnings);

// Returns the length of a UTF-8 byte-order mark at the start of `text` (3), or 0.
size_t Utf8BomLength(const std::string& text);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_INGEST_TEXT_CHECK_H_
