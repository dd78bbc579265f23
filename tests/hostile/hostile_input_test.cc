// The hostile and broken input catalogue (docs/hostile_inputs.md), run against the real
// executable: each input gives a clear message naming the file and a defined exit status (0: the
// input was read, with any repair reported as a warning; 1: refused), never a crash, a hang or a
// half-written report. Large inputs are generated into a temporary folder, never committed.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "tests/parallax_runner.h"

namespace parallax {
namespace {

namespace fs = std::filesystem;

using testing_util::RunResult;
using testing_util::Slurp;

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

class HostileInputTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() /
           (std::string("parallax_hostile_") + info->name() + "_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    Write("ok.txt", "Officials said the talks ended on Friday after two days.\n");
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Writes `bytes` to dir/name (creating folders) and returns the path.
  std::string Write(const std::string& name, const std::string& bytes) {
    fs::path p = dir_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }
  std::string Path(const std::string& name) const { return (dir_ / name).string(); }

  // Runs `parallax ARGS` with `stdin_text` on standard input, in the test's folder.
  RunResult Run(const std::string& args, const std::string& stdin_text = "") {
    return testing_util::RunParallax(args, dir_, stdin_text);
  }

  // Runs `report INPUTS -o r.html` and checks it is refused with exit status 1, a message holding
  // `message`, and no report left behind.
  void ExpectReportRefused(const std::string& inputs, const std::string& message) {
    RunResult r = Run("report " + inputs + " -o r.html");
    EXPECT_EQ(r.exit_code, 1) << inputs << "\n" << r.err;
    EXPECT_TRUE(Contains(r.err, message))
        << inputs << "\nexpected: " << message << "\nstderr: " << r.err;
    EXPECT_FALSE(fs::exists(Path("r.html"))) << inputs;
  }

  fs::path dir_;
};

TEST_F(HostileInputTest, InvalidUtf8AndOverlongEncodingsAreRepairedWithAWarning) {
  // A Latin-1 é, overlong "/" (C0 AF, E0 80 AF), a UTF-16 surrogate (ED A0 80), a truncated
  // sequence at the end: 11 bytes, each replaced by '?', one for one, and the user is told.
  Write("bad.txt",
        "Caf\xE9 owners said the \xC0\xAF overlong \xE0\x80\xAF talks ended. \xED\xA0\x80 Then "
        "\xE2\x82\n");
  RunResult r = Run("report bad.txt ok.txt -o r.html --json r.json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Contains(
      r.err,
      "warning: bad.txt: 11 invalid UTF-8 bytes replaced by '?', the first at byte offset 3"))
      << r.err;
  std::string json = Slurp(Path("r.json"));
  nlohmann::json parsed;
  ASSERT_NO_THROW(parsed = nlohmann::json::parse(json)) << "the report JSON stays valid UTF-8";
  EXPECT_TRUE(parsed.is_object());
  EXPECT_TRUE(Contains(json, "Caf? owners said the ?? overlong ??? talks ended.")) << json;
}

TEST_F(HostileInputTest, Utf16FilesAreRefusedWithConversionAdvice) {
  ExpectReportRefused(Write("le.txt", std::string("\xFF\xFEh\0i\0", 6)) + " ok.txt",
                      "le.txt: text is UTF-16 encoded");
  ExpectReportRefused(Write("be.txt", std::string("\xFE\xFF\0h\0i", 6)) + " ok.txt",
                      "iconv -f UTF-16 -t UTF-8");
  std::string no_bom;
  for (char c : std::string("Officials said the talks ended.")) no_bom += std::string{c, '\0'};
  ExpectReportRefused(Write("nobom.txt", no_bom) + " ok.txt",
                      "nobom.txt: text looks UTF-16 encoded");
}

TEST_F(HostileInputTest, NulBytesAreRefusedAsBinaryWithTheirOffset) {
  ExpectReportRefused(Write("nul.txt", std::string("Text with a NUL\0 inside.", 24)) + " ok.txt",
                      "nul.txt: binary data (NUL byte at offset 15), not text");
  // An escaped NUL inside JSON is the same byte once decoded.
  ExpectReportRefused(
      Write("nul.json", R"({"maintext": "NUL \u0000 inside", "source_domain": "a"})") + " ok.txt",
      "nul.json: binary data (NUL byte at offset 4)");
}

TEST_F(HostileInputTest, FiftyMegabyteArticleIsRefusedWithItsSize) {
  std::string sentence = "The minister said the talks on the border trade deal ended on Friday. ";
  std::string text;
  text.reserve(50u << 20);
  while (text.size() < (50u << 20)) text += sentence;
  Write("huge.txt", text);
  ExpectReportRefused(
      "huge.txt ok.txt",
      "huge.txt: article text is 50.0 MB, more than the 4.0 MB one article may hold");
  RunResult r = Run("mark huge.txt");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Contains(r.err, "article text is 50.0 MB")) << r.err;
}

TEST_F(HostileInputTest, MegabyteSentenceWithoutPunctuationIsCutIntoBoundedSentences) {
  const std::vector<std::string> words = {"the",   "minister", "said", "officials",
                                          "talks", "ended",    "army"};
  std::string text;
  for (size_t i = 0; text.size() < (1u << 20); ++i)
    text += words[(i * 7 + i / 3) % words.size()] + " ";
  Write("long.txt", text + "\n");
  RunResult r = Run("mark long.txt");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::istringstream lines(r.out);
  size_t sentences = 0, covered = 0;
  for (std::string line; std::getline(lines, line);) {
    auto s = nlohmann::json::parse(line);
    size_t bytes = s["text"].get<std::string>().size();
    EXPECT_LE(bytes, 2000u) << "rules/segmentation.yaml max_sentence_bytes";
    covered += bytes;
    ++sentences;
  }
  EXPECT_GT(sentences, 500u);
  EXPECT_GT(covered, text.size() - 2 * sentences) << "cut at white space, nothing dropped";
}

TEST_F(HostileInputTest, DeeplyNestedHtmlIsFlattenedWithAWarning) {
  std::string html = "<html><body><article><p>Officials said the talks ended on Friday.</p>";
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += "The deepest text, the minister said, is still read.";
  for (int i = 0; i < 100000; ++i) html += "</div>";
  Write("deep.html", html + "</article></body></html>");
  RunResult r = Run("report deep.html ok.txt -o r.html --json r.json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(
      Contains(r.err, "warning: deep.html: 199490 tags nested deeper than 256 levels were ignored"))
      << r.err;
  EXPECT_TRUE(
      Contains(Slurp(Path("r.json")), "The deepest text, the minister said, is still read."));
}

TEST_F(HostileInputTest, YamlAliasBombIsRefused) {
  // "Billion laughs": ten levels of ten aliases each would expand to 10^10 nodes.
  std::string yaml = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (int i = 1; i < 10; ++i) {
    yaml += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int j = 0; j < 10; ++j) yaml += (j ? ", *a" : "*a") + std::to_string(i - 1);
    yaml += "]\n";
  }
  Write("bomb.yaml", yaml + "articles: *a9\n");
  ExpectReportRefused("bomb.yaml",
                      "bomb.yaml: document expands to more than 2000000 nodes (an alias bomb?)");
}

TEST_F(HostileInputTest, TenThousandLevelYamlIsRefused) {
  Write("flow.yaml", "articles: " + std::string(10000, '[') + std::string(10000, ']') + "\n");
  ExpectReportRefused("flow.yaml",
                      "flow.yaml:1:20011: YAML nested too deeply (the limit is 64 levels)");
  std::string block;
  for (int i = 0; i < 10000; ++i) block += std::string(2 * i, ' ') + "k:\n";
  Write("block.yaml", block);
  ExpectReportRefused("block.yaml", "YAML nested too deeply");
  // A lexicon file is YAML too.
  fs::create_directories(Path("data"));
  fs::create_directory_symlink(fs::path(PARALLAX_SOURCE_DIR) / "rules", Path("data/rules"));
  fs::copy(fs::path(PARALLAX_SOURCE_DIR) / "lexicons", Path("data/lexicons"));
  Write("data/lexicons/deep.yaml", "category: hedge\nentries: " + std::string(10000, '[') + "\n");
  RunResult r = Run("mark --data-dir data", "It may rain.\n");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Contains(r.err, "deep.yaml:3:1: YAML nested too deeply")) << r.err;
}

TEST_F(HostileInputTest, TenThousandLevelJsonIsRefused) {
  std::string deep = std::string(10000, '[') + std::string(10000, ']');
  Write("deep.json", R"({"maintext": "Officials said the talks ended.", "x": )" + deep + "}");
  ExpectReportRefused("deep.json ok.txt", "deep.json: JSON nested deeper than 64 levels");
  Write(
      "feed.jsonl",
      R"({"maintext": "Officials said the talks ended.", "source_domain": "a", "story": "s"})"
      "\n{\"x\": " +
          deep + "}\n" +
          R"({"maintext": "The talks ended, officials said.", "source_domain": "b", "story": "s"})"
          "\n");
  ExpectReportRefused("feed.jsonl", "feed.jsonl:2: JSON nested deeper than 64 levels");
  // Batch mode skips the bad line, says so, and goes on.
  RunResult r = Run("batch feed.jsonl -o out");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Contains(r.err, "skipped: feed.jsonl:2: JSON nested deeper than 64 levels")) << r.err;
  EXPECT_TRUE(fs::exists(Path("out/index.html")));
}

TEST_F(HostileInputTest, ManifestPathsThatAreMissingOrDirectoriesAreNamed) {
  fs::create_directories(Path("adir"));
  fs::create_directories(Path("d.txt"));
  Write("missing.yaml",
        "articles:\n  - {id: a, source: A, path: nothere.txt}\n  - {id: b, source: B, path: "
        "ok.txt}\n");
  ExpectReportRefused("missing.yaml",
                      "missing.yaml:2:5: nothere.txt: cannot open: No such file or directory");
  Write("dir.yaml",
        "articles:\n  - {id: a, source: A, path: d.txt}\n  - {id: b, source: B, path: ok.txt}\n");
  ExpectReportRefused("dir.yaml", "dir.yaml:2:5: d.txt: is a directory, not a file");
  Write("dir2.yaml",
        "articles:\n  - {id: a, source: A, path: adir}\n  - {id: b, source: B, path: ok.txt}\n");
  ExpectReportRefused("dir2.yaml", "dir2.yaml:2:5: adir: an article of a manifest must be a .txt");
  ExpectReportRefused("nothere.yaml", "nothere.yaml: no such file or directory");
  ExpectReportRefused("adir", "adir: directory holds no articles");
}

TEST_F(HostileInputTest, SymlinkLoopsAreNamedAndNeverFollowed) {
  fs::create_symlink("loop2.txt", Path("loop1.txt"));
  fs::create_symlink("loop1.txt", Path("loop2.txt"));
  ExpectReportRefused("loop1.txt ok.txt", "loop1.txt: Too many levels of symbolic links");
  Write(
      "loop.yaml",
      "articles:\n  - {id: a, source: A, path: loop1.txt}\n  - {id: b, source: B, path: ok.txt}\n");
  ExpectReportRefused("loop.yaml",
                      "loop.yaml:2:5: loop1.txt: cannot open: Too many levels of symbolic links");
  // A corpus folder holding a link to its parent, a link to itself, a file link loop and a
  // dangling link: the walk follows none of them and reads the two real articles.
  Write("corpus/fox/1.txt", "Officials said the talks ended on Friday.\n");
  Write("corpus/cnn.txt", "Officials denied that the talks ended on Friday.\n");
  fs::create_directory_symlink("..", Path("corpus/fox/up"));
  fs::create_directory_symlink("../corpus", Path("corpus/self"));
  fs::create_symlink("l2.txt", Path("corpus/l1.txt"));
  fs::create_symlink("l1.txt", Path("corpus/l2.txt"));
  fs::create_symlink("gone.txt", Path("corpus/dangling.txt"));
  RunResult r = Run("report corpus -o r.html --json r.json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(Slurp(Path("r.json")))["articles"].size(), 2u);
}

TEST_F(HostileInputTest, HundredThousandEntryLexiconLoadsAndMarks) {
  fs::create_directories(Path("data"));
  fs::create_directory_symlink(fs::path(PARALLAX_SOURCE_DIR) / "rules", Path("data/rules"));
  fs::create_directory_symlink(fs::path(PARALLAX_SOURCE_DIR) / "reports", Path("data/reports"));
  fs::copy(fs::path(PARALLAX_SOURCE_DIR) / "lexicons", Path("data/lexicons"));
  std::string yaml = "category: hedge\ndescription: 100,000 generated entries\nentries:\n";
  for (int i = 0; i < 100000; ++i) {
    char entry[64];
    std::snprintf(entry, sizeof(entry), "  - \"zq%06d maybe%d\"\n", i, i % 97);
    yaml += entry;
  }
  Write("data/lexicons/huge.yaml", yaml);
  RunResult r =
      Run("mark --data-dir data --format jsonl", "It is zq099999 maybe89 that the talks ended.\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Contains(r.out, "\"entry\":\"zq099999 maybe89\"")) << r.out;
}

TEST_F(HostileInputTest, EmptyCorpusIsRefused) {
  fs::create_directories(Path("empty"));
  ExpectReportRefused("empty",
                      "empty: directory holds no articles (.txt, .html, .htm, .json, .jsonl)");
  ExpectReportRefused(Write("none.yaml", "articles: []\n"),
                      "none.yaml:1:11: 'articles' is empty: nothing to read");
  ExpectReportRefused(Write("empty.txt", ""), "empty.txt: article has no text");
  ExpectReportRefused(Write("blank.txt", "\n \n\t\n"), "blank.txt: article has no text");
  ExpectReportRefused(Write("empty.jsonl", ""), "empty.jsonl: JSONL file holds no articles");
  RunResult r = Run("batch empty -o out");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Contains(r.err, "directory holds no articles")) << r.err;
}

TEST_F(HostileInputTest, OneSourceCorpusSaysSoInTheReport) {
  Write("a.txt", "The minister met the delegation on Friday. Both sides agreed to meet again.\n");
  Write("b.txt", "The delegation met the minister on Friday, officials said.\n");
  Write(
      "one.yaml",
      "articles:\n  - {id: a, source: Fox, path: a.txt}\n  - {id: b, source: Fox, path: b.txt}\n");
  RunResult r = Run("report one.yaml -o r.html --json r.json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto json = nlohmann::json::parse(Slurp(Path("r.json")));
  ASSERT_FALSE(json["notices"].empty());
  EXPECT_TRUE(Contains(json["notices"][0].get<std::string>(), "Only one source"))
      << json["notices"];
  EXPECT_TRUE(Contains(Slurp(Path("r.html")), "Only one source"));
}

}  // namespace
}  // namespace parallax
