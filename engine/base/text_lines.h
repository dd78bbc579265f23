// ForEachLine: the lines of a text file read whole, numbered for error messages.
//
// Thread safety: a pure function.
#ifndef PARALLAX_ENGINE_BASE_TEXT_LINES_H_
#define PARALLAX_ENGINE_BASE_TEXT_LINES_H_

#include <string_view>

#include "engine/base/status.h"

namespace parallax {

// Calls fn(line, number) for each line of `text`, numbered from 1, without its "\n" or "\r\n";
// a final line without a newline counts, a final newline starts no empty line. Stops at and
// returns fn's first non-OK status.
template <typename Fn>
Status ForEachLine(std::string_view text, Fn fn) {
  size_t pos = 0;
  int number = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    PARALLAX_RETURN_IF_ERROR(fn(line, ++number));
  }
  return Status::Ok();
}

}  // namespace parallax

#endif  // PARALLAX_ENGINE_BASE_TEXT_LINES_H_
