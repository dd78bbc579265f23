#include "engine/ingest/page_charset.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <memory>

#include "engine/base/utf8.h"

namespace parallax {
namespace {

// Declarations are looked for in this many leading bytes (HTML asks for the first 1024; real
// pages put long comments and scripts first).
constexpr size_t kPrescanBytes = 4096;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool IsNameByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
         c == ':';
}

// The value of `key` = "value" / 'value' / value at or after `from` in `s`, before `limit`.
std::string ValueAfter(std::string_view s, std::string_view key, size_t from, size_t limit) {
  size_t at = s.find(key, from);
  if (at == std::string_view::npos || at >= limit) return "";
  size_t i = at + key.size();
  while (i < limit && IsSpace(s[i])) ++i;
  if (i >= limit || s[i] != '=') return "";
  ++i;
  while (i < limit && (IsSpace(s[i]) || s[i] == '"' || s[i] == '\'')) ++i;
  size_t start = i;
  while (i < limit && IsNameByte(s[i])) ++i;
  return std::string(s.substr(start, i - start));
}

// ICU's own substitute for a byte sequence a charset does not define is U+001A (SUB, a control
// character) for some converters; every undefined or truncated sequence becomes U+FFFD here.
void SubstituteReplacementCharacter(const void* /*context*/, UConverterToUnicodeArgs* args,
                                    const char* /*code_units*/, int32_t /*length*/,
                                    UConverterCallbackReason reason, UErrorCode* status) {
  if (reason > UCNV_IRREGULAR) return;  // reset, close, clone: nothing to write
  static const UChar kReplacement = 0xFFFD;
  *status = U_ZERO_ERROR;
  ucnv_cbToUWriteUChars(args, &kReplacement, 1, 0, status);
}

// Converts `bytes` from charset `name` to UTF-8 with ICU; returns false iff ICU does not know the
// charset. Bytes the charset does not define become U+FFFD.
bool ConvertToUtf8(std::string_view bytes, const std::string& name, std::string* out) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> conv(ucnv_open(name.c_str(), &status),
                                                          ucnv_close);
  if (U_FAILURE(status) || conv == nullptr) return false;
  ucnv_setToUCallBack(conv.get(), SubstituteReplacementCharacter, nullptr, nullptr, nullptr,
                      &status);
  if (U_FAILURE(status)) return false;
  // Preflight, then convert: to UTF-16 first (ICU's pivot), then to UTF-8.
  const auto length = static_cast<int32_t>(bytes.size());
  int32_t units = ucnv_toUChars(conv.get(), nullptr, 0, bytes.data(), length, &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) return false;
  std::u16string utf16(static_cast<size_t>(units), u'\0');
  status = U_ZERO_ERROR;
  ucnv_toUChars(conv.get(), utf16.data(), units, bytes.data(), length, &status);
  if (U_FAILURE(status) && status != U_STRING_NOT_TERMINATED_WARNING) return false;
  status = U_ZERO_ERROR;
  int32_t out_len = 0;
  u_strToUTF8WithSub(nullptr, 0, &out_len, utf16.data(), units, 0xFFFD, nullptr, &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) return false;
  out->assign(static_cast<size_t>(out_len), '\0');
  status = U_ZERO_ERROR;
  u_strToUTF8WithSub(out->data(), out_len, &out_len, utf16.data(), units, 0xFFFD, nullptr, &status);
  return !U_FAILURE(status) || status == U_STRING_NOT_TERMINATED_WARNING;
}

// What a declared charset is read as: the WHATWG encoding standard's choices for the labels
// that matter ("iso-8859-1" is windows-1252 on the web); "" for UTF-8 and its aliases.
std::string EffectiveCharset(const std::string& declared) {
  if (declared == "utf-8" || declared == "utf8" || declared == "unicode-1-1-utf-8") return "";
  // A page cannot declare UTF-16 in its own ASCII bytes; browsers read it as UTF-8.
  if (declared.rfind("utf-16", 0) == 0 || declared == "unicode") return "";
  if (declared == "iso-8859-1" || declared == "iso8859-1" || declared == "latin1" ||
      declared == "latin-1" || declared == "l1" || declared == "us-ascii" || declared == "ascii" ||
      declared == "cp1252" || declared == "x-cp1252") {
    return "windows-1252";
  }
  if (declared == "gb2312" || declared == "gbk" || declared == "x-gbk") return "gb18030";
  if (declared == "iso-8859-9" || declared == "latin5") return "windows-1254";
  if (declared == "tis-620" || declared == "iso-8859-11") return "windows-874";
  return declared;
}

}  // namespace

const char* CharsetSourceName(CharsetSource source) {
  switch (source) {
    case CharsetSource::kNone:
      return "nothing declared";
    case CharsetSource::kByteOrderMark:
      return "byte-order mark";
    case CharsetSource::kMetaCharset:
      return "<meta charset>";
    case CharsetSource::kContentType:
      return "Content-Type <meta>";
    case CharsetSource::kXmlDeclaration:
      return "XML declaration";
  }
  return "?";
}

std::string DeclaredCharset(std::string_view bytes, CharsetSource* source) {
  std::string head = Lower(bytes.substr(0, kPrescanBytes));
  *source = CharsetSource::kNone;
  size_t start = 0;
  while (start < head.size() && IsSpace(head[start])) ++start;
  if (head.compare(start, 5, "<?xml") == 0) {
    size_t end = head.find("?>", start);
    if (end == std::string::npos) end = head.size();
    std::string value = ValueAfter(head, "encoding", start, end);
    if (!value.empty()) {
      *source = CharsetSource::kXmlDeclaration;
      return value;
    }
  }
  for (size_t at = head.find("<meta"); at != std::string::npos; at = head.find("<meta", at + 5)) {
    size_t end = head.find('>', at);
    if (end == std::string::npos) end = head.size();
    std::string value = ValueAfter(head, "charset", at, end);
    if (value.empty()) continue;
    bool http_equiv = head.substr(at, end - at).find("http-equiv") != std::string::npos;
    *source = http_equiv ? CharsetSource::kContentType : CharsetSource::kMetaCharset;
    return value;
  }
  return "";
}

DecodedPage DecodePage(std::string_view bytes) {
  DecodedPage page;
  const char* bom_charset = nullptr;
  size_t bom = 0;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    bom_charset = "utf-8";
    bom = 3;
  } else if (bytes.substr(0, 2) == "\xFF\xFE") {
    bom_charset = "utf-16le";
    bom = 2;
  } else if (bytes.substr(0, 2) == "\xFE\xFF") {
    bom_charset = "utf-16be";
    bom = 2;
  }
  if (bom_charset != nullptr && bom == 2) {
    page.source = CharsetSource::kByteOrderMark;
    page.charset = bom_charset;
    if (ConvertToUtf8(bytes.substr(bom), bom_charset, &page.text)) {
      page.converted = true;
      return page;
    }
  }
  page.declared = DeclaredCharset(bytes, &page.declared_by);
  std::string effective = EffectiveCharset(page.declared);
  if (bom_charset != nullptr || !FindInvalidUtf8(bytes)) {
    // UTF-8 by its byte-order mark, or valid UTF-8 whatever is declared.
    page.text = std::string(bytes);
    page.charset = "utf-8";
    if (bom_charset != nullptr) page.source = CharsetSource::kByteOrderMark;
    page.declaration_ignored = bom_charset == nullptr && !effective.empty();
    return page;
  }
  if (effective.empty()) {  // nothing declared, or UTF-8 declared: the caller repairs
    page.text = std::string(bytes);
    page.charset = "utf-8";
    return page;
  }
  if (!ConvertToUtf8(bytes, effective, &page.text)) {
    page.text = std::string(bytes);
    page.charset = "utf-8";
    page.warning = "the page declares charset '" + page.declared + "' (" +
                   CharsetSourceName(page.declared_by) + "), which Parallax cannot decode";
    return page;
  }
  page.source = page.declared_by;
  page.charset = effective;
  page.converted = true;
  return page;
}

}  // namespace parallax
