#include "engine/ingest/article_reader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "tests/ingest/ingest_test_util.h"
#include "tests/testutil.h"

namespace parallax {
namespace {

using testing_util::BundledRules;
using testing_util::ScratchDir;

class ArticleReaderTest : public ::testing::Test {
 protected:
  ArticleReader reader_{BundledRules(), ReadOptions()};
  ScratchDir dir_;

  Status ReadError(const std::vector<std::string>& inputs) {
    auto r = reader_.ReadAll(inputs);
    EXPECT_FALSE(r.ok()) << "expected an error";
    return r.ok() ? Status::Ok() : r.status();
  }
};

const char kArticle[] = "Officials met in Islamabad on Friday. They discussed trade.\n";

TEST_F(ArticleReaderTest, ReadsBundledManifestWithItsMetadata) {
  auto r = reader_.ReadAll({testing_util::SeedPath("corpus.yaml")});
  ASSERT_OK(r);
  ASSERT_EQ(r->articles.size(), 2u);
  EXPECT_EQ(r->articles[0].id, "firstpost-column");
  EXPECT_EQ(r->articles[0].source, "Firstpost");
  EXPECT_EQ(r->articles[1].author, "Sara Ahmed");
  EXPECT_FALSE(r->title.empty());
}

TEST_F(ArticleReaderTest, TextChecksRefuseWhatIsNotUtf8Text) {
  struct Case {
    std::string name;
    std::string bytes;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"utf16.txt", std::string("\xFF\xFEH\0i\0", 6), "UTF-16"},
      {"utf16nobom.txt", std::string("H\0e\0l\0l\0o\0 \0w\0o\0r\0l\0d\0!\0 \0H\0e\0l\0l\0o\0", 34),
       "UTF-16"},
      {"nul.txt", std::string("text\0more", 9), "binary data (NUL byte at offset 4)"},
      {"binary.txt", std::string(200, '\x01') + "abc", "binary data"},
      {"empty.txt", "", "article has no text"},
      {"blank.txt", "  \n\n \t\n", "article has no text"},
      {"furniture.txt", "Related Posts\nLeave a Comment\n",
       "article has no text once page boilerplate is removed"},
  };
  for (const Case& c : cases) {
    std::string path = dir_.Write(c.name, c.bytes);
    Status s = ReadError({path});
    EXPECT_EQ(s.message().rfind(path + ": ", 0), 0u) << s.message();
    EXPECT_NE(s.message().find(c.message), std::string::npos) << c.name << ": " << s.message();
  }
}

TEST_F(ArticleReaderTest, InvalidUtf8IsReplacedOneForOneWithAWarning) {
  std::string path = dir_.Write("latin1.txt", "Caf\xE9 owners met. They talked.\n");
  auto r = reader_.ReadAll({path});
  ASSERT_OK(r);
  const Article& a = r->articles[0];
  EXPECT_EQ(a.text, "Caf? owners met. They talked.\n");
  ASSERT_EQ(a.warnings.size(), 1u);
  EXPECT_NE(a.warnings[0].find(
                path + ": 1 invalid UTF-8 byte replaced by '?', the first at byte offset 3"),
            std::string::npos)
      << a.warnings[0];
}

TEST_F(ArticleReaderTest, ByteOrderMarkAndCarriageReturnsStayOutsideParagraphs) {
  std::string path =
      dir_.Write("bom.txt", "\xEF\xBB\xBFOne sentence here.\r\n\r\nAnother one.\r\n");
  auto r = reader_.ReadAll({path});
  ASSERT_OK(r);
  const Article& a = r->articles[0];
  ASSERT_EQ(a.paragraphs.size(), 2u);
  EXPECT_EQ(a.paragraphs[0].span.start, 3u) << "offsets stay offsets into the file";
  EXPECT_EQ(a.paragraphs[0].span.Of(a.text), "One sentence here.");
  EXPECT_EQ(a.paragraphs[1].span.Of(a.text), "Another one.");
}

TEST_F(ArticleReaderTest, NewsCrawlerJsonGivesMetadata) {
  std::string path =
      dir_.Write("a.json", R"({"title": "Talks", "maintext": "Officials met.\n\nThey talked.",
    "authors": ["Sara Ahmed", "Li Wei"], "date_publish": "2025-08-22 10:00:00", "source_domain": "example.com",
    "url": "https://example.com/a"})");
  auto r = reader_.ReadAll({path});
  ASSERT_OK(r);
  const Article& a = r->articles[0];
  EXPECT_EQ(a.id, "a");
  EXPECT_EQ(a.source, "example.com");
  EXPECT_EQ(a.author, "Sara Ahmed, Li Wei");
  EXPECT_EQ(a.date, "2025-08-22");
  EXPECT_EQ(a.format, "json");
  EXPECT_EQ(a.paragraphs.size(), 2u);
}

TEST_F(ArticleReaderTest, JsonlRecordsGetLineIdsAndErrorsNameTheLine) {
  std::string good =
      R"({"maintext": "First article text.", "source_domain": "a.com"})"
      "\n\n" +
      std::string(
          R"({"maintext": "Second article text.", "source_domain": "b.com", "story": "s1"})") +
      "\n";
  auto r = reader_.ReadAll({dir_.Write("feed.jsonl", good)});
  ASSERT_OK(r);
  ASSERT_EQ(r->articles.size(), 2u);
  EXPECT_EQ(r->articles[1].id, "feed-3");
  EXPECT_EQ(r->stories[1], "s1");

  std::string bad = R"({"maintext": "ok", "source_domain": "a.com"})"
                    "\n"
                    R"({"maintext": "broken)"
                    "\n";
  std::string path = dir_.Write("bad.jsonl", bad);
  Status s = ReadError({path});
  EXPECT_NE(s.message().find(path + ":2: malformed JSON"), std::string::npos) << s.message();

  std::string no_text = dir_.Write("notext.jsonl", R"({"title": "x"})"
                                                   "\n");
  s = ReadError({no_text});
  EXPECT_NE(s.message().find(":1: article has no text (no 'maintext'"), std::string::npos)
      << s.message();

  std::string deep = dir_.Write("deep.json", std::string(10000, '[') + std::string(10000, ']'));
  s = ReadError({deep});
  EXPECT_NE(s.message().find("nested deeper than"), std::string::npos) << s.message();
}

TEST_F(ArticleReaderTest, SkipModeReportsBadArticlesAndKeepsTheRest) {
  ArticleReader lenient(BundledRules(), ReadOptions{.skip_bad_articles = true});
  std::string feed = R"({"maintext": "Good text here.", "source_domain": "a.com"})"
                     "\n"
                     "not json\n";
  auto r = lenient.ReadAll(
      {dir_.Write("feed.jsonl", feed), dir_.Write("bin.txt", std::string("a\0b", 3))});
  ASSERT_OK(r);
  EXPECT_EQ(r->articles.size(), 1u);
  ASSERT_EQ(r->skipped.size(), 2u);
  EXPECT_NE(r->skipped[0].find("feed.jsonl:2"), std::string::npos);
}

TEST_F(ArticleReaderTest, DirectoriesTakeSourcesFromSubfolders) {
  dir_.Write("corpus/fox/a.txt", kArticle);
  dir_.Write("corpus/nyt/a.txt", kArticle);
  dir_.Write("corpus/top.txt", kArticle);
  dir_.Write("corpus/README.md", "# not an article");
  dir_.Write("corpus/.hidden/x.txt", kArticle);
  auto r = reader_.ReadAll({dir_.Path("corpus")});
  ASSERT_OK(r);
  ASSERT_EQ(r->articles.size(), 3u);
  EXPECT_EQ(r->articles[0].id, "fox/a");
  EXPECT_EQ(r->articles[0].source, "fox");
  EXPECT_EQ(r->articles[1].source, "nyt");
  EXPECT_EQ(r->articles[2].id, "top");
  EXPECT_EQ(r->articles[2].source, "top");
}

TEST_F(ArticleReaderTest, HtmlPagesAreDecodedByTheirCharsetAndTheWarningSaysHow) {
  const char kBody[] = "<p>Officials met in Islamabad on Friday. They discussed trade.</p>";
  struct Case {
    const char* name;
    std::string bytes;
    const char* text_start;  // the first paragraph's start
    const char* charset;
    const char* warning;  // after "<path>: "; "" for none
  } cases[] = {
      {"w1252.html",
       std::string("<meta charset=windows-1252><p>M\xFCller \x93said\x94 so.</p>") + kBody,
       "M\u00FCller \u201Csaid\u201D so.", "windows-1252",
       "read as windows-1252 by its <meta charset>; byte offsets refer to the UTF-8 text read"},
      {"latin1.html",
       std::string("<meta http-equiv=content-type content='text/html; charset=ISO-8859-1'>"
                   "<p>Caf\xE9 owners.</p>") +
           kBody,
       "Caf\u00E9 owners.", "windows-1252",
       "read as windows-1252 by its Content-Type <meta>; byte offsets refer to the UTF-8 text "
       "read"},
      {"utf16.html",
       [] {
         std::string page = "<p>Caf\u00E9 \u20AC5.</p><p>Officials met. They talked.</p>";
         std::string out = "\xFF\xFE";  // UTF-16LE, by hand: every character here is in the BMP
         for (size_t i = 0; i < page.size();) {
           unsigned char c = static_cast<unsigned char>(page[i]);
           char32_t cp = c;
           size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : 3;
           if (len == 2) cp = ((c & 0x1F) << 6) | (page[i + 1] & 0x3F);
           if (len == 3)
             cp = ((c & 0x0F) << 12) | ((page[i + 1] & 0x3F) << 6) | (page[i + 2] & 0x3F);
           out.push_back(static_cast<char>(cp & 0xFF));
           out.push_back(static_cast<char>(cp >> 8));
           i += len;
         }
         return out;
       }(),
       "Caf\u00E9 \u20AC5.", "utf-16le",
       "read as utf-16le by its byte-order mark; byte offsets refer to the UTF-8 text read"},
      {"reencoded.html",
       std::string("<meta charset=windows-1252><p>Caf\xC3\xA9 owners.</p>") + kBody,
       "Caf\u00E9 owners.", "utf-8",
       "the page declares charset 'windows-1252' (<meta charset>) but its bytes are valid UTF-8; "
       "it was read as UTF-8"},
      {"plain.html", std::string("<meta charset=utf-8><p>Caf\xC3\xA9 owners.</p>") + kBody,
       "Caf\u00E9 owners.", "utf-8", ""},
  };
  for (const Case& c : cases) {
    std::string path = dir_.Write(c.name, c.bytes);
    auto r = reader_.ReadAll({path});
    ASSERT_OK(r) << c.name << ": " << r.status().message();
    const Article& a = r->articles[0];
    ASSERT_FALSE(a.paragraphs.empty()) << c.name;
    EXPECT_EQ(a.paragraphs[0].span.Of(a.text), c.text_start) << c.name;
    EXPECT_EQ(a.charset, c.charset) << c.name;
    EXPECT_EQ(a.extractor, std::string("parallax-html ") + PARALLAX_VERSION) << c.name;
    EXPECT_FALSE(a.gzip) << c.name;
    if (*c.warning == '\0') {
      EXPECT_TRUE(a.warnings.empty()) << c.name << ": " << a.warnings[0];
    } else {
      ASSERT_EQ(a.warnings.size(), 1u) << c.name;
      EXPECT_EQ(a.warnings[0], path + ": " + c.warning) << c.name;
    }
  }
}

TEST_F(ArticleReaderTest, GzipCompressedPagesAreReadLikeTheirContents) {
  std::string page = "<html><body><p>Officials met in Islamabad on Friday. They talked.</p>";
  std::string plain = dir_.Write("plain/story.html", page);
  std::string gz = dir_.Path("zipped/story.html.gz");
  std::filesystem::create_directories(dir_.Path("zipped"));
  ASSERT_EQ(std::system(("gzip -c " + plain + " > " + gz).c_str()), 0);
  for (const std::string& input : {gz, dir_.Path("zipped")}) {
    auto r = reader_.ReadAll({input});
    ASSERT_OK(r);
    ASSERT_EQ(r->articles.size(), 1u);
    EXPECT_EQ(r->articles[0].id, "story") << "the id drops both extensions";
    EXPECT_EQ(r->articles[0].format, "html");
    EXPECT_TRUE(r->articles[0].gzip);
    EXPECT_EQ(r->articles[0].text, "Officials met in Islamabad on Friday. They talked.");
  }
  Status s = ReadError({dir_.Write("broken.html.gz", "\x1F\x8B\x08\x00garbage")});
  EXPECT_EQ(s.message().rfind(dir_.Path("broken.html.gz") + ": not a valid gzip file", 0), 0u)
      << s.message();
  s = ReadError({dir_.Write("archive.tar.gz", "x")});
  EXPECT_NE(s.message().find("unknown kind of file"), std::string::npos) << s.message();
}

TEST_F(ArticleReaderTest, EachArticleRecordsWhatProducedItsText) {
  std::string txt = dir_.Write("a.txt", kArticle);
  std::string json = dir_.Write("b.json", R"({"maintext": "Officials met. They talked."})");
  std::string jsonl = dir_.Write("c.jsonl", R"({"maintext": "Officials met. They talked."})");
  auto r = reader_.ReadAll({txt, json, jsonl});
  ASSERT_OK(r);
  ASSERT_EQ(r->articles.size(), 3u);
  const char* want[] = {"file text", "news-crawler maintext", "news-crawler maintext"};
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(r->articles[i].extractor, want[i]) << r->articles[i].origin;
    EXPECT_EQ(r->articles[i].charset, "utf-8") << r->articles[i].origin;
  }
}

TEST_F(ArticleReaderTest, BadInputsAreClearErrors) {
  std::filesystem::create_directories(dir_.Path("empty"));
  Status s = ReadError({dir_.Path("empty")});
  EXPECT_NE(s.message().find("directory holds no articles"), std::string::npos) << s.message();

  s = ReadError({dir_.Path("missing.txt")});
  EXPECT_EQ(s.code(), Status::Code::kNotFound);
  EXPECT_NE(s.message().find("missing.txt: no such file or directory"), std::string::npos);

  s = ReadError({dir_.Write("notes.pdf", "%PDF")});
  EXPECT_NE(s.message().find("unknown kind of file"), std::string::npos);

  std::string a = dir_.Write("x/same.txt", kArticle);
  std::string b = dir_.Write("y/same.txt", kArticle);
  s = ReadError({a, b});
  EXPECT_NE(s.message().find("duplicate article id 'same'"), std::string::npos) << s.message();

  std::string manifest =
      dir_.Write("m.yaml", "articles:\n  - {id: a, source: S, path: gone.txt}\n");
  s = ReadError({manifest});
  EXPECT_NE(s.message().find("m.yaml:2:5"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("gone.txt"), std::string::npos) << s.message();

  std::filesystem::create_directories(dir_.Path("adir"));
  manifest = dir_.Write("m2.yaml", "articles:\n  - {id: a, source: S, path: adir, format: txt}\n");
  s = ReadError({manifest});
  EXPECT_NE(s.message().find("is a directory"), std::string::npos) << s.message();

  EXPECT_NE(ReadError({}).message().find("no input given"), std::string::npos);
}

TEST_F(ArticleReaderTest, SymlinkLoopsDoNotTrapTheWalk) {
  dir_.Write("loop/a.txt", kArticle);
  std::filesystem::create_directory_symlink(dir_.Path("loop"), dir_.Path("loop/again"));
  auto r = reader_.ReadAll({dir_.Path("loop")});
  ASSERT_OK(r);
  EXPECT_EQ(r->articles.size(), 1u);
}

TEST_F(ArticleReaderTest, LongSingleLineArticleIsReadInOnePiece) {
  // 3 MB on one line, no paragraph break: read whole, without the boilerplate rules (which only
  // look at short lines) going over it.
  std::string line;
  line.reserve(3u << 20);
  while (line.size() < (3u << 20)) line += "word ";
  auto r = reader_.ReadAll({dir_.Write("long.txt", line)});
  ASSERT_OK(r);
  ASSERT_EQ(r->articles[0].paragraphs.size(), 1u);
  EXPECT_EQ(r->articles[0].paragraphs[0].span.size(), line.size() - 1);
}

TEST_F(ArticleReaderTest, ArticleOverTheSizeLimitIsRefusedWithItsSize) {
  // 20 MB on one line: no news article is that long; refusing it keeps later stages bounded.
  std::string path = dir_.Write("huge.txt", std::string(20u << 20, 'a'));
  Status s = ReadError({path});
  EXPECT_EQ(s.message().rfind(path + ": article text is 20.0 MB", 0), 0u) << s.message();
}

// Everything ReadAll returns, as text, so that two reads compare in one readable EXPECT_EQ.
std::string Describe(const StatusOr<ReadResult>& r) {
  if (!r.ok()) return "error: " + r.status().message() + "\n";
  std::ostringstream out;
  out << "title: " << r->title << "\n";
  for (size_t i = 0; i < r->articles.size(); ++i) {
    const Article& a = r->articles[i];
    out << "article " << a.id << " | " << a.source << " | " << a.author << " | " << a.date << " | "
        << a.url << " | " << a.title << " | " << a.origin << " | " << a.format << " | story "
        << r->stories[i] << "\n  tags:";
    for (const std::string& t : a.tags) out << " [" << t << "]";
    out << "\n  text: " << a.text << "\n  paragraphs:";
    for (const Paragraph& p : a.paragraphs)
      out << " " << p.span.start << "-" << p.span.end << (p.heading ? "h" : "");
    for (const std::string& n : a.notes) out << "\n  note: " << n;
    for (const std::string& w : a.warnings) out << "\n  warning: " << w;
    out << "\n";
  }
  for (const std::string& s : r->skipped) out << "skipped: " << s << "\n";
  return out.str();
}

// A JSONL feed of `n` records with furniture, bylines and stories, and a blank line after every
// 7th record (record 9 is on line 10, record 48 on line 54). Records numbered in `bad` are
// malformed JSON, those in `empty` hold only furniture.
std::string Feed(int n, const std::vector<int>& bad, const std::vector<int>& empty) {
  std::string feed;
  for (int line = 1; line <= n; ++line) {
    std::string k = std::to_string(line);
    if (std::find(bad.begin(), bad.end(), line) != bad.end()) {
      feed += R"({"maintext": "unterminated )" + k + "\n";
    } else if (std::find(empty.begin(), empty.end(), line) != empty.end()) {
      feed += R"({"maintext": "Related Posts\nLeave a Comment", "source_domain": "x.com"})"
              "\n";
    } else {
      feed += R"({"title": "Talks )" + k +
              R"(", "maintext": "Home \u00bb World\nBy Sara Ahmed\n)"
              R"(Talks )" +
              k + R"( Opened In Islamabad\nOfficials met on day )" + k +
              R"(.\nAdvertisement They talked.\nThe writer is a columnist.", "source_domain": ")" +
              (line % 3 == 0 ? "b.com" : "a.com") + R"(", "story": "s)" + std::to_string(line % 4) +
              R"(", "tags": ["t)" + k + R"("]})" + "\n";
    }
    if (line % 7 == 0) feed += "\n";  // blank lines keep line numbers honest
  }
  return feed;
}

TEST_F(ArticleReaderTest, ThreadsDoNotChangeArticlesOrderWarningsOrSkips) {
  std::vector<std::string> inputs = {
      dir_.Write("a-latin1.txt", "By Sara Ahmed\nCaf\xE9 owners met. They talked.\n"),
      dir_.Write("b-feed.jsonl", Feed(60, {9, 41}, {17})),
      dir_.Write("c-binary.txt", std::string("a\0b", 3)),
      dir_.Write("d-feed.jsonl", Feed(25, {}, {3})),
      dir_.Write("e-page.html",
                 "<html><head><title>Page</title></head><body><article><p>One paragraph of "
                 "text.</p><p>Related Posts</p></article></body></html>"),
  };
  for (bool skip : {true, false}) {
    ReadOptions one{.skip_bad_articles = skip, .threads = 1};
    ReadOptions three{.skip_bad_articles = skip, .threads = 3};
    std::string want = Describe(ArticleReader(BundledRules(), one).ReadAll(inputs));
    if (skip) {
      EXPECT_NE(want.find("skipped: " + inputs[1] + ":10: malformed JSON"), std::string::npos)
          << want;
      EXPECT_NE(want.find("article d-feed-28"), std::string::npos) << want;
      EXPECT_NE(want.find("warning: " + inputs[0]), std::string::npos) << want;
      EXPECT_NE(want.find("article e-page"), std::string::npos) << want;
    } else {
      EXPECT_EQ(want.rfind("error: " + inputs[1] + ":10: malformed JSON", 0), 0u) << want;
    }
    // Several runs, so that workers finish in different orders.
    for (int run = 0; run < 5; ++run) {
      EXPECT_EQ(Describe(ArticleReader(BundledRules(), three).ReadAll(inputs)), want)
          << "skip_bad_articles " << skip << ", run " << run;
    }
  }
}

TEST_F(ArticleReaderTest, FirstFailureInInputOrderWinsWhateverTheThreads) {
  std::string good = dir_.Write("good.jsonl", Feed(50, {}, {}));
  std::string late_bad = dir_.Write("late-bad.jsonl", Feed(50, {48}, {}));
  std::string empty = dir_.Write("empty.jsonl", "\n\n");
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{good, late_bad, empty}, late_bad + ":54: malformed JSON"},
      {{good, empty, late_bad}, empty + ": JSONL file holds no articles"},
  };
  for (const auto& [inputs, want] : cases) {
    for (int threads : {1, 2, 3, 8}) {
      Status s =
          ArticleReader(BundledRules(), ReadOptions{.threads = threads}).ReadAll(inputs).status();
      EXPECT_EQ(s.message().rfind(want, 0), 0u) << threads << " threads: " << s.message();
    }
  }
  // In batch mode an empty JSONL file still fails the read, after the bad line was skipped.
  Status s = ArticleReader(BundledRules(), ReadOptions{.skip_bad_articles = true, .threads = 3})
                 .ReadAll({late_bad, empty})
                 .status();
  EXPECT_EQ(s.message().rfind(empty + ": JSONL file holds no articles", 0), 0u) << s.message();
}

}  // namespace
}  // namespace parallax
