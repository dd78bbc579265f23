// Plain query words match entities by any of their names (SentenceIndex::SetEntityAliases):
// "Beijing" finds a sentence that says "China", "COAS" one that says "Asim Munir", while
// phrases and boolean operators keep their meaning, and indexes written without the synonyms
// still open and search.
#include <gtest/gtest.h>
#include <xapian.h>

#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "engine/index/entity_synonyms.h"
#include "engine/index/sentence_index.h"
#include "engine/text/aliases.h"
#include "index_test_util.h"
#include "tests/testutil.h"

namespace parallax {
namespace {

using testing_util::MakeArticle;
using testing_util::TempDir;
using testing_util::TestArticle;

const std::string kAliasesPath = std::string(PARALLAX_SOURCE_DIR) + "/rules/aliases.yaml";

std::vector<EntityAlias> RepoAliases() {
  auto table = AliasTable::Load(kAliasesPath);
  EXPECT_OK(table);
  return table.ok() ? EntityAliases(*table) : std::vector<EntityAlias>();
}

// Articles indexed the way the pipeline does: entities found by the repository's alias table.
std::vector<TestArticle> Articles() {
  return {
      MakeArticle("cn", "Dawn",
                  {"China pledged support for the corridor.", "The weather was mild in Lahore."}),
      MakeArticle("am", "Firstpost",
                  {"Pakistan's army chief Asim Munir met the delegation in Rawalpindi."}),
      MakeArticle("coas", "News site", {"The COAS thanked Beijing for its help."}),
      MakeArticle("us", "Wire",
                  {"The letter was sent to us by a reader.", "Washington announced new tariffs."}),
  };
}

void AddAll(SentenceIndex* writer) {
  auto table = AliasTable::Load(kAliasesPath);
  ASSERT_OK(table);
  for (const TestArticle& t : Articles()) {
    ASSERT_OK(writer->AddArticle(t.article, t.sentences,
                                 FindEntityNames(*table, t.article, t.sentences)));
  }
}

// "article#sentence" of every hit.
std::set<std::string> Hits(IndexReader* reader, const std::string& query) {
  SearchRequest request;
  request.query = query;
  auto results = reader->Search(request);
  EXPECT_OK(results) << query << ": " << results.status().message();
  std::set<std::string> hits;
  if (!results.ok()) return hits;
  for (const SourceGroup& g : results->groups) {
    for (const SearchHit& h : g.hits)
      hits.insert(h.article_id + "#" + std::to_string(h.sentence_index));
  }
  return hits;
}

class AliasSearchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto writer = SentenceIndex::OpenTemporary();
    ASSERT_OK(writer);
    writer_ = std::move(writer).value();
    ASSERT_OK(writer_->SetEntityAliases(RepoAliases()));
    AddAll(writer_.get());
    auto reader = writer_->NewReader();
    ASSERT_OK(reader);
    reader_ = std::move(reader).value();
  }

  std::set<std::string> Hits(const std::string& query) {
    return parallax::Hits(reader_.get(), query);
  }

  std::unique_ptr<SentenceIndex> writer_;
  std::unique_ptr<IndexReader> reader_;
};

TEST_F(AliasSearchTest, PlainWordsFindSentencesNamingTheEntityOtherwise) {
  const struct {
    const char* query;
    std::set<std::string> hits;
  } cases[] = {
      {"Beijing", {"cn#0", "coas#0"}},
      {"beijing's", {"cn#0", "coas#0"}},
      {"China", {"cn#0", "coas#0"}},
      {"People's Republic of China", {"cn#0", "coas#0"}},  // multi-word alias
      {"COAS", {"am#0", "coas#0"}},
      {"Asim Munir", {"am#0", "coas#0"}},  // multi-word canonical name
      {"Field Marshal Asim Munir", {"am#0", "coas#0"}},
      {"Munir", {"am#0", "coas#0"}},
      {"Washington", {"us#1"}},
      {"Beijing support", {"cn#0"}},  // every word must still match
      {"COAS delegation", {"am#0"}},
  };
  for (const auto& c : cases) EXPECT_EQ(Hits(c.query), c.hits) << c.query;
}

TEST_F(AliasSearchTest, PhrasesAreNotExpanded) {
  EXPECT_EQ(Hits("\"thanked Beijing\""), std::set<std::string>{"coas#0"});
  EXPECT_TRUE(Hits("\"Beijing pledged\"").empty());
  EXPECT_EQ(Hits("\"China pledged\""), std::set<std::string>{"cn#0"});
}

TEST_F(AliasSearchTest, BooleanOperatorsApplyToTheExpandedWord) {
  const struct {
    const char* query;
    std::set<std::string> hits;
  } cases[] = {
      {"Beijing AND support", {"cn#0"}},
      {"Beijing NOT support", {"coas#0"}},
      {"Beijing OR weather", {"cn#0", "cn#1", "coas#0"}},
      {"delegation OR (COAS AND help)", {"am#0", "coas#0"}},
      {"+COAS -delegation", {"coas#0"}},
  };
  for (const auto& c : cases) EXPECT_EQ(Hits(c.query), c.hits) << c.query;
}

TEST_F(AliasSearchTest, CaseSensitiveAliasesAndAcronymsDoNotExpandLowerCaseWords) {
  // "US" (case-sensitive) and "U.S." (the acronym "us") name the United States only as
  // written; the query parser lower-cases, so neither may turn the pronoun into the country.
  EXPECT_EQ(Hits("us"), std::set<std::string>{"us#0"});
}

TEST_F(AliasSearchTest, HighlightsTheEntityNameInSentencesFoundThroughIt) {
  SearchRequest request;
  request.query = "COAS";
  auto results = reader_->Search(request);
  ASSERT_OK(results);
  std::set<std::string> words;
  for (const SourceGroup& g : results->groups) {
    for (const SearchHit& h : g.hits) {
      for (const Span& s : h.highlights) words.emplace(s.Of(h.text));
    }
  }
  // Not "Pakistan's", "army" or "chief": they belong to a longer alias ("Pakistan Army Chief Asim
  // Munir") and do not name him alone.
  EXPECT_EQ(words, (std::set<std::string>{"Asim", "Munir", "COAS"}));
}

TEST(AliasSynonymsTest, SetEntityAliasesReplacesAndSkipsUnchangedTables) {
  TempDir tmp;
  const std::string dir = tmp.Sub("index");
  {
    auto writer = SentenceIndex::OpenForWrite(dir);
    ASSERT_OK(writer);
    AddAll(writer->get());
    ASSERT_OK((*writer)->SetEntityAliases({{"Peking", "China"}}));
    ASSERT_OK((*writer)->Commit());
  }
  auto revision = [&dir] { return Xapian::Database(dir).get_revision(); };
  const auto before = revision();
  {
    auto writer = SentenceIndex::OpenForWrite(dir);
    ASSERT_OK(writer);
    ASSERT_OK((*writer)->SetEntityAliases({{"Peking", "China"}}));
    ASSERT_OK((*writer)->Commit());
  }
  EXPECT_EQ(revision(), before) << "an unchanged table must write nothing";
  {
    auto reader = IndexReader::Open(dir);
    ASSERT_OK(reader);
    EXPECT_EQ(Hits(reader->get(), "Peking"), (std::set<std::string>{"cn#0", "coas#0"}));
  }
  {
    auto writer = SentenceIndex::OpenForWrite(dir);
    ASSERT_OK(writer);
    ASSERT_OK((*writer)->SetEntityAliases({{"COAS", "Asim Munir"}}));
    ASSERT_OK((*writer)->Commit());
  }
  auto reader = IndexReader::Open(dir);
  ASSERT_OK(reader);
  EXPECT_TRUE(Hits(reader->get(), "Peking").empty()) << "a removed alias must stop expanding";
  EXPECT_EQ(Hits(reader->get(), "COAS"), (std::set<std::string>{"am#0", "coas#0"}));
}

TEST(AliasSynonymsTest, IndexWrittenWithoutSynonymsOpensSearchesAndGainsThem) {
  // An index written before entity synonyms existed: schema 1, entity terms, no synonyms.
  TempDir tmp;
  const std::string dir = tmp.Sub("index");
  {
    auto writer = SentenceIndex::OpenForWrite(dir);
    ASSERT_OK(writer);
    AddAll(writer->get());
    ASSERT_OK((*writer)->Commit());
  }
  {
    auto reader = IndexReader::Open(dir);
    ASSERT_OK(reader);
    EXPECT_EQ(Hits(reader->get(), "Beijing"), std::set<std::string>{"coas#0"});
    EXPECT_OK((*reader)->CheckConsistency());
  }
  {
    auto writer = SentenceIndex::OpenForWrite(dir);
    ASSERT_OK(writer);
    ASSERT_OK((*writer)->SetEntityAliases(RepoAliases()));
    ASSERT_OK((*writer)->Commit());
  }
  auto reader = IndexReader::Open(dir);
  ASSERT_OK(reader);
  EXPECT_EQ(Hits(reader->get(), "Beijing"), (std::set<std::string>{"cn#0", "coas#0"}));
}

TEST(AliasSynonymsTest, SynonymsCoverEveryNameItsPossessiveAndCanonicalName) {
  const SynonymList synonyms = EntitySynonyms({{"China", "China"},
                                               {"People's Republic of China", "China"},
                                               {"U.S.", "United States"},
                                               {"Gen. Munir", "Asim Munir"}});
  const SynonymList want = {
      {"china", "XEchina"},
      {"china's", "XEchina"},
      {"gen munir", "XEasim munir"},
      {"gen munir's", "XEasim munir"},
      {"people's republic of china", "XEchina"},
      {"people's republic of china's", "XEchina"},
  };
  EXPECT_EQ(synonyms, want);
  EXPECT_NE(SynonymsFingerprint(synonyms), SynonymsFingerprint({}));
}

TEST(AliasSynonymsTest, EntityAliasesListsNamesButNotCaseSensitiveOnes) {
  TempDir tmp;
  const std::string path = tmp.Sub("aliases.yaml");
  std::ofstream(path) << "entities:\n"
                         "  - name: United States\n"
                         "    kind: country\n"
                         "    aliases: [America, White House]\n"
                         "    case_sensitive: [US]\n";
  auto table = AliasTable::Load(path);
  ASSERT_OK(table);
  std::set<std::string> phrases;
  for (const EntityAlias& a : EntityAliases(*table)) {
    EXPECT_EQ(a.canonical, "United States");
    phrases.insert(a.phrase);
  }
  EXPECT_EQ(phrases, (std::set<std::string>{"United States", "America", "White House"}));
}

TEST(AliasSynonymsTest, AnAliasFileWithErrorsIsRefusedWithItsLine) {
  const struct {
    const char* name;
    const char* text;
  } cases[] = {
      {"not a map", "- China\n"},
      {"entities not a list", "entities: China\n"},
      {"entity without name", "entities:\n  - aliases: [Beijing]\n"},
      {"aliases not strings", "entities:\n  - name: China\n    aliases: {a: b}\n"},
  };
  TempDir tmp;
  for (const auto& c : cases) {
    const std::string path = tmp.Sub("bad.yaml");
    std::ofstream(path) << c.text;
    auto aliases = AliasTable::Load(path);
    ASSERT_FALSE(aliases.ok()) << c.name;
    EXPECT_EQ(aliases.status().code(), Status::Code::kInvalidInput) << c.name;
    EXPECT_NE(aliases.status().message().find("bad.yaml:"), std::string::npos)
        << c.name << ": " << aliases.status().message();
  }
  EXPECT_EQ(AliasTable::Load(tmp.Sub("missing.yaml")).status().code(), Status::Code::kNotFound);
}

}  // namespace
}  // namespace parallax
