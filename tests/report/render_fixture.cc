// render_fixture: writes the seed fixture's report (HTML, JSON, CSV) and the hostile fixture's
// HTML into a directory, for the browser and schema tests.
//
// Usage: render_fixture SOURCE_DIR OUT_DIR
//   reads SOURCE_DIR/examples/seeds and SOURCE_DIR/reports/templates, writes
//   OUT_DIR/seeds.html, seeds.json, seeds.csv, seeds.codebook.md, hostile.html, hostile.json,
//   batch_index.html, batch_index_many.html.
#include <iostream>
#include <string>

#include "engine/base/file_io.h"
#include "engine/report/report.h"
#include "tests/report/seed_fixture.h"

namespace parallax {
namespace {

Status Run(const std::string& source_dir, const std::string& out_dir) {
  const std::string templates = source_dir + "/reports/templates";
  PARALLAX_ASSIGN_OR_RETURN(ReportModel seeds, BuildSeedFixture(source_dir + "/examples/seeds"));
  PARALLAX_ASSIGN_OR_RETURN(std::string html, RenderHtml(seeds, templates));
  PARALLAX_RETURN_IF_ERROR(WriteFileAtomically(out_dir + "/seeds.html", html));
  PARALLAX_RETURN_IF_ERROR(WriteFileAtomically(out_dir + "/seeds.json", RenderJson(seeds)));
  PARALLAX_RETURN_IF_ERROR(WriteFileAtomically(out_dir + "/seeds.csv", RenderMarksCsv(seeds)));
  PARALLAX_RETURN_IF_ERROR(WriteFileAtomically(out_dir + "/seeds.codebook.md",
                                               RenderCsvCodebook(CsvTable::kMarks, "seeds.csv")));

  const ReportModel hostile = BuildHostileFixture();
  PARALLAX_ASSIGN_OR_RETURN(std::string hostile_html, RenderHtml(hostile, templates));
  PARALLAX_RETURN_IF_ERROR(WriteFileAtomically(out_dir + "/hostile.html", hostile_html));
  PARALLAX_RETURN_IF_ERROR(WriteFileAtomically(out_dir + "/hostile.json", RenderJson(hostile)));

  BatchIndexModel batch;
  batch.title = "Seed batch";
  batch.parallax_version = seeds.parallax_version;
  batch.lexicon_digest = seeds.lexicon_digest;
  batch.rules_digest = seeds.rules_digest;
  BatchStory story = SummarizeStory(seeds, 3);
  story.id = "story-001";
  story.href = "seeds.html";
  story.first_date = "2025-07-24";  // the fixture's articles have no date
  story.last_date = "2025-08-01";
  batch.stories = {story};
  batch.failures = {{"broken.html", "broken.html: not UTF-8 at byte 12"}};
  PARALLAX_ASSIGN_OR_RETURN(std::string index, RenderBatchIndex(batch, templates));
  PARALLAX_RETURN_IF_ERROR(WriteFileAtomically(out_dir + "/batch_index.html", index));

  // Four stories whose figures, outlets and dates differ, for the index's sort, search and
  // filters (batch_browser_test.sh): the seeds' story, then three with changed figures.
  struct Variant {
    const char* id;
    const char* title;
    const char* date;
    int conflicts, omissions;
    std::vector<BatchStorySource> sources;
  };
  const Variant variants[] = {
      {"s2", "Budget vote in the senate", "2014-05-01", 0, 4, {{"fox", 1}, {"nyt", 1}}},
      {"s3", "Storm closes the port of Karachi", "2019-08-20", 3, 0, {{"nyt", 1}, {"hpo", 1}}},
      {"s4", "Strike at the docks", "2010-01-15", 1, 1, {{"fox", 1}, {"hpo", 1}, {"nyt", 2}}},
  };
  for (const Variant& v : variants) {
    BatchStory other = story;
    other.id = v.id;
    other.title = v.title;
    other.href = std::string(v.id) + ".html";
    other.first_date = other.last_date = v.date;
    other.conflicts = v.conflicts;
    other.omissions = v.omissions;
    other.sources = v.sources;
    other.telling_claims.clear();
    batch.stories.push_back(other);
  }
  batch.failures.clear();
  PARALLAX_ASSIGN_OR_RETURN(std::string many, RenderBatchIndex(batch, templates));
  return WriteFileAtomically(out_dir + "/batch_index_many.html", many);
}

}  // namespace
}  // namespace parallax

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: render_fixture SOURCE_DIR OUT_DIR\n";
    return 2;
  }
  const parallax::Status status = parallax::Run(argv[1], argv[2]);
  if (!status.ok()) {
    std::cerr << "render_fixture: " << status.ToString() << "\n";
    return 1;
  }
  return 0;
}
