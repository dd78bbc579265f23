// The RE2 rules of boilerplate.cc against a reference: the same patterns run through std::regex
// (ECMAScript, the syntax rules/boilerplate.yaml was first written in), line by line, on the
// seed articles and on lines written to hit and just miss every bundled pattern.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "engine/ingest/boilerplate.h"
#include "engine/yaml/yaml_tree.h"
#include "tests/ingest/ingest_test_util.h"
#include "tests/testutil.h"

namespace parallax {
namespace {

using testing_util::BundledRules;
using testing_util::SeedPath;

// The bundled patterns compiled by std::regex, list by list.
struct ReferenceRules {
  std::vector<std::regex> drop_lines, strip_prefixes, note_lines, bylines;
};

std::vector<std::regex> CompileReference(const YamlNode* list) {
  std::vector<std::regex> out;
  if (list == nullptr) return out;
  for (const YamlNode& item : list->items) out.emplace_back(item.scalar, std::regex::ECMAScript);
  return out;
}

ReferenceRules LoadReference() {
  auto root = LoadYamlFile(std::string(PARALLAX_SOURCE_DIR) + "/rules/boilerplate.yaml");
  EXPECT_OK(root);
  ReferenceRules ref;
  if (!root.ok()) return ref;
  ref.drop_lines = CompileReference(root->Find("drop_lines"));
  ref.strip_prefixes = CompileReference(root->Find("strip_prefixes"));
  ref.note_lines = CompileReference(root->Find("note_lines"));
  ref.bylines = CompileReference(root->Find("bylines"));
  return ref;
}

bool ReferenceAny(const std::vector<std::regex>& rules, const std::string& line) {
  for (const std::regex& re : rules) {
    if (std::regex_search(line, re)) return true;
  }
  return false;
}

bool ReferenceByline(const ReferenceRules& ref, const std::string& line, std::string* author) {
  for (const std::regex& re : ref.bylines) {
    std::smatch m;
    if (std::regex_search(line, m, re) && m.size() > 1 && m[1].matched) {
      *author = m[1].str();
      return true;
    }
  }
  return false;
}

bool ReferencePrefix(const ReferenceRules& ref, const std::string& line, size_t* length) {
  for (const std::regex& re : ref.strip_prefixes) {
    std::smatch m;
    if (std::regex_search(line, m, re, std::regex_constants::match_continuous)) {
      *length = static_cast<size_t>(m.length(0));
      return true;
    }
  }
  return false;
}

std::vector<std::string> TestLines() {
  std::vector<std::string> lines = {
      // drop_lines: breadcrumbs, navigation, comments, sharing, legal footer; and near misses.
      "Home \xC2\xBB World \xC2\xBB Asia",
      "Home > News",
      "HOME / Sport",
      "Homes for sale",
      "Home is where the heart is.",
      "You are here: News",
      "You are herewith summoned.",
      "Related Posts",
      "RELATED STORIES:",
      "More Latest News",
      "Popular Reads",
      "Trending Now",
      "Related posts about the visit were shared widely.",
      "Impact Shorts",
      "More Shorts",
      "Latest Shorts ",
      "Read more: Army chief visits Beijing",
      "READ ALSO",
      "See next",
      "Read more about the talks in our report on the visit, which lasted two days and covered "
      "trade, security, water, energy, the corridor, the border, and much else besides that the "
      "two sides did not name in public",
      "Also read: CPEC",
      "ALSO WATCH",
      "Also reading the papers, he smiled.",
      "Advertisement",
      "ADVERTISEMENT.",
      "Story continues below this ad",
      "Continue reading below",
      "Advertisements were everywhere.",
      "Skip to main content",
      "Jump to navigation",
      "Leave a Comment",
      "Leave a reply:",
      "12 Comments",
      "Comments",
      "Comment",
      "Cancel Reply",
      "Comments from the minister were brief.",
      "Share",
      "Share this story:",
      "Share on WhatsApp",
      "Email",
      "Print",
      "Copy Link",
      "Share prices rose on Friday.",
      "Follow us on X for updates",
      "FOLLOW US",
      "Follow-up talks are planned.",
      "Subscribe to our newsletter",
      "Sign up for alerts today",
      "Join our WhatsApp channel",
      "Joining the talks was the finance minister.",
      "Get the app for breaking news",
      "Download our free App now",
      "Click here to read more",
      "Tap here",
      "Newsletter",
      "SUBSCRIBE ",
      "Copyright \xC2\xA9 2025 Example Media",
      "\xC2\xA9 2025 Dawn",
      "(c) 2025 The Times",
      "All rights reserved.",
      "All Rights Reserved",
      "Tags: Pakistan, China, CPEC",
      "Filed under: World",
      "Categories: Asia",
      "Updated: 22 August 2025, 10:15 IST",
      "Published Aug 22, 2025",
      "Last updated 2025",
      "Updated guidance was issued on Friday.",
      "Photo: Reuters",
      "Photo credit: AFP",
      "Image source: X",
      "Picture: Handout",
      "Photograph credit: ISPR",
      "Photographs show the two leaders.",
      // strip_prefixes
      "Impact ShortsIt may be recalled that in October 2024 the two sides met.",
      "More Shorts It was a long day.",
      "Advertisement The talks ended without a statement.",
      "ADVERTISEMENT  Officials said.",
      "AdvertisementNo space follows.",
      "Impact of the talks was limited.",
      // note_lines
      "The writer is a retired IPS officer.",
      "The authors are analysts at a think tank.",
      "The columnist was an ambassador.",
      "The writers has been wrong before.",
      "Views expressed in the above piece are personal and solely that of the author.",
      "The views expressed by the author are his own.",
      "Views expressed here are personal.",
      "Disclaimer: The opinions are the author's.",
      "DISCLAIMER :",
      "This article was first published in Dawn.",
      "This story has been updated.",
      "This piece is written by a guest.",
      "This article argues that trade matters.",
      "Reporting by Asif Shahzad",
      "Additional reporting by Li Wei; Editing by Jane Doe",
      "(With inputs from Reuters)",
      "With inputs from PTI.",
      "Inputs from agencies",
      "(With inputs from reuters)",
      // bylines
      "By Sara Ahmed",
      "by Sara Ahmed | Staff Reporter",
      "BY JOHN SMITH",
      "By Sara Ahmed and Li Wei",
      "By Mary O'Brien, Islamabad",
      "By Mary O\xE2\x80\x99"
      "Brien \xE2\x80\x94 Islamabad",
      "By J.R. Smith-Jones & Ann Lee",
      "By the way, talks went on.",
      "By 2030 the corridor will be finished.",
      "Written by Ahmed Khan on 22 August",
      "Posted by Admin",
      "Reported by Li Wei Zhang Xu",
      "Written by hand, the letter was short.",
      // no rule: body text and headings
      "Chinese Foreign Minister Wang Yi met Pakistan's army chief in Beijing on Friday.",
      "Why This Matters",
      "CPEC as the Cornerstone",
      "",
      " ",
      "\xE2\x80\x94",
      "Caf\xC3\xA9 owners met. They talked.",
      "\t\tTabs\tinside\tthe line",
  };
  for (const char* seed : {"news-site-report.txt", "firstpost-column.txt"}) {
    std::ifstream in(SeedPath(seed));
    EXPECT_TRUE(in.good()) << seed;
    std::string line;
    while (std::getline(in, line)) lines.push_back(line);
  }
  return lines;
}

TEST(BoilerplateReferenceTest, BundledRulesMatchLikeTheEcmaScriptReference) {
  const BoilerplateRules rules = BundledRules();
  const ReferenceRules ref = LoadReference();
  ASSERT_FALSE(ref.drop_lines.empty());
  ASSERT_FALSE(ref.bylines.empty());
  size_t dropped = 0, notes = 0, bylines = 0, prefixes = 0;
  for (const std::string& line : TestLines()) {
    bool drop = ReferenceAny(ref.drop_lines, line);
    EXPECT_EQ(rules.DropsLine(line), drop) << "drop_lines on '" << line << "'";
    bool note = ReferenceAny(ref.note_lines, line);
    EXPECT_EQ(rules.IsNoteLine(line), note) << "note_lines on '" << line << "'";
    std::string want_author, author;
    bool byline = ReferenceByline(ref, line, &want_author);
    EXPECT_EQ(rules.MatchByline(line, &author), byline) << "bylines on '" << line << "'";
    EXPECT_EQ(author, want_author) << "bylines on '" << line << "'";
    size_t want_length = 0, length = 0;
    bool prefix = ReferencePrefix(ref, line, &want_length);
    EXPECT_EQ(rules.MatchPrefix(line, &length), prefix) << "strip_prefixes on '" << line << "'";
    EXPECT_EQ(length, want_length) << "strip_prefixes on '" << line << "'";
    dropped += drop;
    notes += note;
    bylines += byline;
    prefixes += prefix;
  }
  // The table exercises every kind of rule, both ways.
  EXPECT_GT(dropped, 40u);
  EXPECT_GT(notes, 10u);
  EXPECT_GT(bylines, 5u);
  EXPECT_GT(prefixes, 3u);
}

TEST(BoilerplateReferenceTest, NoRulesKeepEveryLine) {
  const BoilerplateRules none;
  std::string author;
  size_t length = 0;
  EXPECT_FALSE(none.DropsLine("Related Posts"));
  EXPECT_FALSE(none.IsNoteLine("The writer is a columnist."));
  EXPECT_FALSE(none.MatchByline("By Sara Ahmed", &author));
  EXPECT_FALSE(none.MatchPrefix("Impact ShortsText", &length));
}

}  // namespace
}  // namespace parallax
