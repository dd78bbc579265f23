// Decoding a web page's bytes into the UTF-8 text Parallax reads.
//
// A page says its charset in one of three ways; DecodePage looks, in this order, at:
//   1. a byte-order mark (UTF-8 EF BB BF, UTF-16LE FF FE, UTF-16BE FE FF): it wins over any
//      declaration, as in browsers;
//   2. the bytes themselves: valid UTF-8 is kept as it is, whatever the page declares (crawlers
//      often re-encode pages to UTF-8 and leave the old <meta> in place);
//   3. a declaration in the first 4 KB: <meta charset="...">, <meta http-equiv="Content-Type"
//      content="...; charset=...">, or an XML declaration <?xml ... encoding="..."?>.
// A page that is not UTF-8 and declares nothing Parallax can decode is left as it is: the
// caller then replaces its invalid bytes by '?' and says so. As in browsers, ISO-8859-1, Latin-1
// and US-ASCII are read as windows-1252 (a superset that gives C1 bytes their printed meaning).
//
// Offsets: once a page is converted, every byte offset Parallax reports refers to the UTF-8 text
// it read, not to the file's bytes.
//
// This is the one place in ingest that uses ICU (its converters); no ICU type crosses this
// header. Thread safety: pure function; calls may run concurrently.
#ifndef PARALLAX_ENGINE_INGEST_PAGE_CHARSET_H_
#define PARALLAX_ENGINE_INGEST_PAGE_CHARSET_H_

#include <string>
#include <string_view>

#include "engine/base/status.h"

namespace parallax {

// Where a page's charset was found.
enum class CharsetSource {
  kNone,            // nowhere: the bytes are taken as UTF-8
  kByteOrderMark,   // a UTF-8 or UTF-16 byte-order mark
  kMetaCharset,     // <meta charset="...">
  kContentType,     // <meta http-equiv="Content-Type" content="...; charset=...">
  kXmlDeclaration,  // <?xml ... encoding="..."?>
};

// "byte-order mark", "<meta charset>", "Content-Type <meta>", "XML declaration", ...
const char* CharsetSourceName(CharsetSource source);

struct DecodedPage {
  std::string text;     // the page as UTF-8 (unless `converted` is false and it was not UTF-8)
  std::string charset;  // what the text was read as, lower case ("utf-8", "windows-1251", ...)
  CharsetSource source = CharsetSource::kNone;  // where `charset` was found
  std::string declared;  // the charset the page declares, as written, lower case; "" if none
  CharsetSource declared_by = CharsetSource::kNone;
  bool converted = false;  // the bytes were converted to UTF-8
  // True iff the page declares a charset other than UTF-8 but its bytes are valid UTF-8 (read
  // as UTF-8: crawlers re-encode pages and leave the old declaration).
  bool declaration_ignored = false;
  // When the page declares a charset that ICU does not know, or that its bytes do not follow:
  // what a user should know (the caller prefixes the file name).
  std::string warning;
};

// Decodes `bytes` as described above. Never fails: a page that cannot be decoded is returned
// unchanged with converted=false (and a warning if it declared an unknown charset).
DecodedPage DecodePage(std::string_view bytes);

// The charset a page declares in its first 4 KB, and how, or {"", kNone}. Exposed for tests.
std::string DeclaredCharset(std::string_view bytes, CharsetSource* source);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_INGEST_PAGE_CHARSET_H_
