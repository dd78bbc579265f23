// End-to-end tests of the parallax executable, run as a user would run it.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <vector>

#include "tests/parallax_runner.h"

namespace parallax {
namespace {

namespace fs = std::filesystem;

using testing_util::RunResult;
using testing_util::Slurp;

// Runs `parallax ARGS` with `stdin_text` on standard input, in a scratch folder of this process.
RunResult RunParallax(const std::string& args, const std::string& stdin_text = "") {
  return testing_util::RunParallax(
      args, fs::temp_directory_path() / ("parallax_cli_" + std::to_string(::getpid())), stdin_text);
}

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() /
           (std::string("parallax_cli_") + info->name() + "_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& text) {
    fs::path p = dir_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }
  std::string Path(const std::string& name) { return (dir_ / name).string(); }
  fs::path dir_;
};

const std::string kSeeds = std::string(PARALLAX_SOURCE_DIR) + "/examples/seeds/";

TEST_F(CliTest, HelpAndUsageErrors) {
  RunResult r = RunParallax("--help");
  EXPECT_EQ(r.exit_code, 0);
  for (const char* command : {"report", "batch", "mark", "index", "search", "similarity"}) {
    EXPECT_NE(r.out.find(command), std::string::npos) << command;
    RunResult help = RunParallax(std::string(command) + " --help");
    EXPECT_EQ(help.exit_code, 0) << command;
    EXPECT_NE(help.out.find("usage: parallax " + std::string(command)), std::string::npos)
        << help.out;
  }
  EXPECT_EQ(RunParallax("").exit_code, 2);
  r = RunParallax("frobnicate");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("unknown command 'frobnicate'"), std::string::npos);
  r = RunParallax("report " + kSeeds + "corpus.yaml");  // no -o
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("output"), std::string::npos) << r.err;
  r = RunParallax("mark --format xml");
  EXPECT_EQ(r.exit_code, 2);
}

TEST_F(CliTest, ReportOnSeedsWritesHtmlJsonCsvReproducibly) {
  std::string args = "report " + kSeeds + "corpus.yaml -o " + Path("r.html") + " --json " +
                     Path("r.json") + " --csv " + Path("r.csv");
  RunResult r = RunParallax(args);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string html = Slurp(Path("r.html"));
  EXPECT_NE(html.find("Content-Security-Policy"), std::string::npos);
  EXPECT_NE(html.find("Firstpost"), std::string::npos);
  auto json = nlohmann::json::parse(Slurp(Path("r.json")));
  EXPECT_EQ(json["sources"].size(), 2u);
  EXPECT_FALSE(json["claims"].empty());
  EXPECT_GT(Slurp(Path("r.csv")).size(), 100u);
  // The CSV's codebook beside it, naming it.
  const std::string codebook = Slurp(Path("r.codebook.md"));
  EXPECT_EQ(codebook.rfind("# Codebook: r.csv\n", 0), 0u) << codebook.substr(0, 80);
  // Same input, same lexicons: byte-identical outputs.
  std::string first_html = html, first_json = Slurp(Path("r.json"));
  const std::string first_csv = Slurp(Path("r.csv"));
  ASSERT_EQ(RunParallax(args).exit_code, 0);
  EXPECT_EQ(Slurp(Path("r.html")), first_html);
  EXPECT_EQ(Slurp(Path("r.json")), first_json);
  EXPECT_EQ(Slurp(Path("r.csv")), first_csv);
  EXPECT_EQ(Slurp(Path("r.codebook.md")), codebook);
}

TEST_F(CliTest, SeedReportAlignsSupportClaimAcrossSources) {
  ASSERT_EQ(RunParallax("report " + kSeeds + "corpus.yaml -o " + Path("r.html") + " --json " +
                        Path("r.json"))
                .exit_code,
            0);
  auto json = nlohmann::json::parse(Slurp(Path("r.json")));
  // Find the claim holding the news site's "steadfast support" sentence.
  bool found = false;
  for (const auto& claim : json["claims"]) {
    bool columnist = false, news = false;
    for (const auto& ref : claim["sentences"]) {
      const auto& article = json["articles"][ref["article"].get<int>()];
      const auto& sentence = article["sentences"][ref["sentence"].get<int>()];
      const size_t start = sentence["start"], end = sentence["end"];
      const std::string text = article["text"].get<std::string>().substr(start, end - start);
      if (text.find("steadfast support") != std::string::npos) news = true;
      if (text.find("consistent support") != std::string::npos) columnist = true;
    }
    found = found || (columnist && news);
  }
  EXPECT_TRUE(found) << "the columnist's 'consistent support' and the news site's 'steadfast "
                        "support' share a claim";
  // One difference between several pairs of sentences is listed once.
  for (const auto& claim : json["claims"]) {
    std::set<std::string> seen;
    for (const auto& d : claim["discrepancies"]) {
      std::string key = d["kind"].get<std::string>() + "|" + d["description"].get<std::string>();
      EXPECT_TRUE(seen.insert(key).second) << "listed twice in " << claim["id"] << ": " << key;
    }
  }
}

// Each source profile lists whom the source cites: the news site names Pakistan's military
// media wing ("According to ..."), grouped under its entity of rules/aliases.yaml; the
// columnist leans on "reliable sources", anonymous, and cites Munir under several names.
TEST_F(CliTest, SeedProfilesListWhomEachSourceCites) {
  ASSERT_EQ(RunParallax("report " + kSeeds + "corpus.yaml -o " + Path("r.html") + " --json " +
                        Path("r.json"))
                .exit_code,
            0);
  auto json = nlohmann::json::parse(Slurp(Path("r.json")));
  // The cited source written as `form` in the profile of `source`.
  auto cited_as = [&](const std::string& source, const std::string& form) -> nlohmann::json {
    for (const auto& profile : json["profiles"]) {
      if (profile["source"] != source) continue;
      for (const auto& c : profile["cited"]) {
        for (const auto& w : c["written_as"]) {
          if (w == form) return c;
        }
      }
    }
    return nullptr;
  };
  const nlohmann::json wing = cited_as("News site", "Pakistan\xE2\x80\x99s military media wing");
  ASSERT_FALSE(wing.is_null());
  EXPECT_EQ(wing["name"], "Pakistan Army");
  EXPECT_EQ(wing["kind"], "named");
  EXPECT_EQ(wing["stances"]["neutral"], 1);
  const nlohmann::json reliable = cited_as("Firstpost", "reliable sources");
  ASSERT_FALSE(reliable.is_null());
  EXPECT_EQ(reliable["kind"], "anonymous");
  const nlohmann::json munir = cited_as("Firstpost", "General Munir");
  ASSERT_FALSE(munir.is_null());
  EXPECT_EQ(munir["name"], "Asim Munir");
  EXPECT_GE(munir["count"].get<int>(), 3);
  EXPECT_EQ(cited_as("Firstpost", "Munir"), munir);  // one row for every name of him
  const std::set<std::string> pronouns = {"he", "He", "she", "She", "it", "It", "who"};
  for (const auto& profile : json["profiles"]) {
    for (const auto& c : profile["cited"]) {
      const std::string name = c["name"];
      EXPECT_EQ(pronouns.count(name), 0u) << name;  // a bare pronoun names no one
      EXPECT_FALSE(c["evidence"].empty()) << name;
    }
  }
  EXPECT_NE(Slurp(Path("r.html")).find("reliable sources"), std::string::npos);
}

TEST_F(CliTest, ReportAlsoAddsTheArticlesToAnIndex) {
  RunResult r = RunParallax("report " + kSeeds + "corpus.yaml -o " + Path("r.html") + " --index " +
                            Path("idx"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = RunParallax("search --index " + Path("idx") + " --format json '\"consistent support\"'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("firstpost-column"), std::string::npos) << r.out;
  // A folder that is not an index is refused before any work, and no report is written.
  Write("notindex/file.txt", "x");
  r = RunParallax("report " + kSeeds + "corpus.yaml -o " + Path("r2.html") + " --index " +
                  Path("notindex"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("not a Parallax index"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(Path("r2.html")));
}

TEST_F(CliTest, HostileArticleTextStaysText) {
  std::string manifest = Write(
      "m.yaml",
      "articles:\n"
      "  - {id: a, source: \"<b>Evil</b> Outlet\", path: a.txt, url: \"javascript:alert(1)\"}\n"
      "  - {id: b, source: Other, path: b.txt}\n");
  Write("a.txt",
        "Officials said <script>alert('x')</script> the talks ended.\n"
        "\"><img src=x onerror=alert(1)> was quoted. </textarea> closes nothing.\n");
  Write("b.txt", "Officials said the talks ended on Friday.\n");
  RunResult r = RunParallax("report " + manifest + " -o " + Path("r.html"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string html = Slurp(Path("r.html"));
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
  EXPECT_EQ(html.find("<img src=x"), std::string::npos);
  EXPECT_EQ(html.find("<b>Evil"), std::string::npos);
  EXPECT_EQ(html.find("href=\"javascript:"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;"), std::string::npos);
}

TEST_F(CliTest, OneSourceIsSaidNotFailed) {
  Write("solo/a.txt",
        "The minister met the delegation on Friday. Both sides agreed to meet again.\n");
  ASSERT_EQ(
      RunParallax("report " + Path("solo") + " -o " + Path("r.html") + " --json " + Path("r.json"))
          .exit_code,
      0);
  auto json = nlohmann::json::parse(Slurp(Path("r.json")));
  ASSERT_FALSE(json["notices"].empty());
  EXPECT_NE(json["notices"][0].get<std::string>().find("Only one source"), std::string::npos);
}

TEST_F(CliTest, BadInputsFailWithTheFileNamedAndNoReportLeft) {
  struct Case {
    std::string args;
    std::string message;
  };
  std::string bad_yaml =
      Write("bad.yaml", "articles:\n  - id: a\n    outlett: X\n    path: a.txt\n");
  std::string empty_dir = Path("empty");
  fs::create_directories(empty_dir);
  const std::vector<Case> cases = {
      {"report " + Path("missing.yaml") + " -o " + Path("r.html"),
       "missing.yaml: no such file or directory"},
      {"report " + bad_yaml + " -o " + Path("r.html"), "bad.yaml:3:14: unknown key 'outlett'"},
      {"report " + empty_dir + " -o " + Path("r.html"), "directory holds no articles"},
      {"report " +
           Write("bin.txt", std::string("\x7f"
                                        "ELF\0\0\0",
                                        7)) +
           " -o " + Path("r.html"),
       "binary data"},
      {"mark " + Path("nope.txt"), "nope.txt: no such file or directory"},
      {"mark " + Write("u16.txt", std::string("\xFF\xFEh\0i\0", 6)), "UTF-16"},
      {"report " + kSeeds + "corpus.yaml -o " + Path("no/such/dir/r.html"), "cannot create"},
  };
  for (const Case& c : cases) {
    RunResult r = RunParallax(c.args);
    EXPECT_EQ(r.exit_code, 1) << c.args << "\n" << r.err;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << c.args << "\n" << r.err;
  }
  EXPECT_FALSE(fs::exists(Path("r.html")));
}

TEST_F(CliTest, MarkLinesKeepsOneOutputLinePerInputLineWithByteOffsets) {
  std::string input =
      "Officials said the talks ended.\n\nIt seems far-fetched, reliable sources indicate.\n";
  RunResult r = RunParallax("mark --lines --format jsonl", input);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<nlohmann::json> lines;
  std::istringstream out(r.out);
  for (std::string line; std::getline(out, line);) lines.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[1]["text"], "");
  const auto& third = lines[2];
  EXPECT_EQ(third["start"].get<size_t>(), input.find("It seems"));
  bool hedge = false;
  for (const auto& m : third["marks"]) {
    std::string cue =
        input.substr(m["start"].get<size_t>(), m["end"].get<size_t>() - m["start"].get<size_t>());
    EXPECT_EQ(cue, m["cue"].get<std::string>());
    hedge = hedge || (m["category"] == "hedge" && cue == "seems");
  }
  EXPECT_TRUE(hedge) << r.out;
}

TEST_F(CliTest, MarkSplitsAnArticleFile) {
  RunResult r = RunParallax("mark " + kSeeds + "news-site-report.txt");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find("Related Posts"), std::string::npos);
  EXPECT_NE(r.out.find("\"heading\":true"), std::string::npos);
  EXPECT_NE(r.out.find("Gen. Munir thanked Beijing"), std::string::npos);
}

TEST_F(CliTest, BatchWritesOneReportPerStoryAndSkipsBadArticles) {
  std::string feed =
      R"({"id": "a1", "source_domain": "fox", "story": "x", "date_publish": "2014-05-01", "maintext": "The senate passed the budget bill on Tuesday after a long debate. The vote was 60 to 40."})"
      "\n"
      R"({"id": "a2", "source_domain": "nyt", "story": "x", "date_publish": "2014-05-01", "maintext": "The Senate approved the budget bill on Tuesday, 60 votes to 40, after a long debate."})"
      "\n"
      "{broken\n";
  std::string input = Write("feed.jsonl", feed);
  RunResult r = RunParallax("batch " + input + " -o " + Path("out"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("feed.jsonl:3"), std::string::npos) << "the bad line is reported: " << r.err;
  EXPECT_TRUE(fs::exists(Path("out/index.html")));
  auto map = nlohmann::json::parse(Slurp(Path("out/stories.json")));
  ASSERT_EQ(map["articles"].size(), 2u);
  std::string story = map["articles"]["a1"];
  EXPECT_EQ(map["articles"]["a2"], story);
  EXPECT_TRUE(fs::exists(Path("out/stories/story-" + story + ".html")));
}

// An interrupted batch leaves some story pages unwritten (each page is written whole or not at
// all). Re-running it writes what is missing and leaves the pages already right untouched.
TEST_F(CliTest, BatchRerunWritesWhatIsMissingAndLeavesTheRestUntouched) {
  std::string feed =
      R"({"id": "a1", "source_domain": "fox", "story": "x", "maintext": "The senate passed the budget bill on Tuesday after a long debate."})"
      "\n"
      R"({"id": "a2", "source_domain": "nyt", "story": "x", "maintext": "The Senate approved the budget bill on Tuesday after a long debate."})"
      "\n"
      R"({"id": "b1", "source_domain": "fox", "story": "y", "maintext": "A storm closed the port of Karachi for two days."})"
      "\n"
      R"({"id": "b2", "source_domain": "nyt", "story": "y", "maintext": "Karachi's port was shut for two days by a storm."})"
      "\n";
  const std::string input = Write("feed.jsonl", feed);
  const std::string out = Path("out");
  RunResult r = RunParallax("batch " + input + " -o " + out);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<fs::path> pages;
  for (const auto& e : fs::directory_iterator(out + "/stories")) pages.push_back(e.path());
  std::sort(pages.begin(), pages.end());
  ASSERT_EQ(pages.size(), 2u);
  const std::string first_page = Slurp(pages[0].string());
  const auto long_ago = fs::file_time_type::clock::now() - std::chrono::hours(24 * 365);
  fs::last_write_time(pages[0], long_ago);
  fs::remove(pages[1]);  // the run was killed before this page was written

  r = RunParallax("batch " + input + " -o " + out);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(pages[1]));
  EXPECT_EQ(fs::last_write_time(pages[0]), long_ago) << "an unchanged page was rewritten";
  EXPECT_EQ(Slurp(pages[0].string()), first_page);
  size_t files = 0;
  for (const auto& e : fs::recursive_directory_iterator(out)) {
    EXPECT_EQ(e.path().filename().string().find(".tmp-"), std::string::npos) << e.path();
    ++files;
  }
  EXPECT_GE(files, 5u);  // index.html, stories.json, the stories folder and its two pages
}

}  // namespace
}  // namespace parallax
