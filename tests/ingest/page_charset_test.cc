#include "engine/ingest/page_charset.h"

#include <gtest/gtest.h>

#include <string>

namespace parallax {
namespace {

TEST(PageCharsetTest, FindsTheDeclarationAndSaysWhere) {
  struct Case {
    std::string page;
    const char* charset;
    CharsetSource source;
  } cases[] = {
      {"<html><head><meta charset=\"windows-1251\">", "windows-1251", CharsetSource::kMetaCharset},
      {"<META CHARSET='ISO-8859-1'/>", "iso-8859-1", CharsetSource::kMetaCharset},
      {"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">", "shift_jis",
       CharsetSource::kContentType},
      {"<meta content='text/html;charset=koi8-r' http-equiv=content-type>", "koi8-r",
       CharsetSource::kContentType},
      {"  <?xml version=\"1.0\" encoding=\"windows-1252\"?><html>", "windows-1252",
       CharsetSource::kXmlDeclaration},
      {"<meta name=viewport content=width><meta charset=utf-8>", "utf-8",
       CharsetSource::kMetaCharset},
      {"<html><head><title>none</title>", "", CharsetSource::kNone},
      {std::string(5000, ' ') + "<meta charset=windows-1251>", "", CharsetSource::kNone},
  };
  for (const Case& c : cases) {
    CharsetSource source;
    EXPECT_EQ(DeclaredCharset(c.page, &source), c.charset) << c.page.substr(0, 80);
    EXPECT_EQ(source, c.source) << c.page.substr(0, 80);
  }
}

TEST(PageCharsetTest, DecodesByByteOrderMarkThenDeclaration) {
  struct Case {
    const char* name;
    std::string bytes;
    std::string text;  // the UTF-8 text expected
    const char* charset;
    CharsetSource source;
    bool converted;
  } cases[] = {
      {"windows-1252 by <meta charset>",
       "<meta charset=windows-1252><p>caf\xE9 \x93quoted\x94 \x80",
       "<meta charset=windows-1252><p>caf\u00E9 \u201Cquoted\u201D \u20AC", "windows-1252",
       CharsetSource::kMetaCharset, true},
      {"iso-8859-1 read as windows-1252", "<meta charset=iso-8859-1><p>\x93M\xFCller\x94",
       "<meta charset=iso-8859-1><p>\u201CM\u00FCller\u201D", "windows-1252",
       CharsetSource::kMetaCharset, true},
      {"windows-1251 by Content-Type",
       "<meta http-equiv=Content-Type content='text/html; charset=windows-1251'><p>\xCC\xEE\xF1"
       "\xEA\xE2\xE0",
       "<meta http-equiv=Content-Type content='text/html; charset=windows-1251'><p>"
       "\u041C\u043E\u0441\u043A\u0432\u0430",
       "windows-1251", CharsetSource::kContentType, true},
      {"shift_jis by XML declaration",
       "<?xml version='1.0' encoding='Shift_JIS'?><p>\x93\xFA\x96\x7B",
       "<?xml version='1.0' encoding='Shift_JIS'?><p>\u65E5\u672C", "shift_jis",
       CharsetSource::kXmlDeclaration, true},
      {"UTF-16LE by byte-order mark", std::string("\xFF\xFE<\0p\0>\0\xE9\0\xAC\x20", 12),
       "<p>\u00E9\u20AC", "utf-16le", CharsetSource::kByteOrderMark, true},
      {"UTF-16BE by byte-order mark", std::string("\xFE\xFF\0<\0p\0>\0\xE9\x20\xAC", 12),
       "<p>\u00E9\u20AC", "utf-16be", CharsetSource::kByteOrderMark, true},
      {"UTF-8 byte-order mark wins over a declaration",
       "\xEF\xBB\xBF<meta charset=windows-1252><p>caf\xC3\xA9",
       "\xEF\xBB\xBF<meta charset=windows-1252><p>caf\xC3\xA9", "utf-8",
       CharsetSource::kByteOrderMark, false},
      {"plain UTF-8", "<p>caf\xC3\xA9", "<p>caf\xC3\xA9", "utf-8", CharsetSource::kNone, false},
      {"invalid UTF-8 declaring nothing is left for repair", "<p>caf\xE9", "<p>caf\xE9", "utf-8",
       CharsetSource::kNone, false},
      {"invalid UTF-8 declaring UTF-8 is left for repair", "<meta charset=utf-8><p>caf\xE9",
       "<meta charset=utf-8><p>caf\xE9", "utf-8", CharsetSource::kNone, false},
  };
  for (const Case& c : cases) {
    DecodedPage page = DecodePage(c.bytes);
    EXPECT_EQ(page.text, c.text) << c.name;
    EXPECT_EQ(page.charset, c.charset) << c.name;
    EXPECT_EQ(page.source, c.source) << c.name;
    EXPECT_EQ(page.converted, c.converted) << c.name;
    EXPECT_TRUE(page.warning.empty()) << c.name << ": " << page.warning;
  }
}

TEST(PageCharsetTest, ValidUtf8WinsOverAnotherDeclaration) {
  // Crawlers re-encode pages to UTF-8 and leave the old <meta> in place.
  DecodedPage page = DecodePage("<meta charset=windows-1252><p>caf\xC3\xA9");
  EXPECT_FALSE(page.converted);
  EXPECT_EQ(page.text, "<meta charset=windows-1252><p>caf\xC3\xA9");
  EXPECT_TRUE(page.declaration_ignored);
  EXPECT_EQ(page.declared, "windows-1252");
  EXPECT_EQ(page.declared_by, CharsetSource::kMetaCharset);
  EXPECT_FALSE(DecodePage("<meta charset=utf-8><p>caf\xC3\xA9").declaration_ignored);
}

TEST(PageCharsetTest, UnknownDeclaredCharsetIsLeftForRepairWithAWarning) {
  DecodedPage page = DecodePage("<meta charset=x-no-such-charset><p>caf\xE9");
  EXPECT_FALSE(page.converted);
  EXPECT_EQ(page.text, "<meta charset=x-no-such-charset><p>caf\xE9");
  EXPECT_EQ(page.warning,
            "the page declares charset 'x-no-such-charset' (<meta charset>), which Parallax "
            "cannot decode");
}

TEST(PageCharsetTest, BytesOutsideTheCharsetBecomeReplacementCharacters) {
  // 0x81 has no character in windows-1252 and reads as U+0081, as in browsers; a Shift_JIS lead
  // byte at the end has no trail byte; a UTF-16 text with an odd byte count ends mid-unit.
  EXPECT_EQ(DecodePage("<meta charset=windows-1252>\x81\xE9").text,
            "<meta charset=windows-1252>\u0081\u00E9");
  EXPECT_EQ(DecodePage("<meta charset=shift_jis>\x93\xFA\x93").text,
            "<meta charset=shift_jis>\u65E5\uFFFD");
  EXPECT_EQ(DecodePage(std::string("\xFF\xFEh\0i\0!", 7)).text, "hi\uFFFD");
}

}  // namespace
}  // namespace parallax
