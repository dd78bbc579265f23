#include "engine/pipeline/batch_job.h"

#include <filesystem>
#include <mutex>

#include "engine/base/file_io.h"
#include "engine/base/parallel_for.h"
#include "engine/pipeline/analysis.h"
#include "engine/pipeline/model_building.h"
#include "engine/pipeline/report_job.h"
#include "engine/report/report.h"
#include "engine/report/stories_json.h"

namespace parallax {
namespace {

namespace fs = std::filesystem;

std::string PathIn(const std::string& dir, const std::string& name) {
  return (fs::path(dir) / name).string();
}

// Writes `contents` unless the file already holds exactly that.
Status WriteIfChanged(const std::string& path, const std::string& contents) {
  PARALLAX_ASSIGN_OR_RETURN(AtomicFileWriter file, AtomicFileWriter::Create(path));
  PARALLAX_RETURN_IF_ERROR(file.Append(contents));
  return file.CommitIfChanged();
}

// The index page's entry for a story, from its report model.
BatchStory StoryEntry(const AlignedStory& aligned, const Corpus& corpus, const ReportModel& model,
                      const std::string& href) {
  BatchStory story = SummarizeStory(model, 3);
  story.id = aligned.id;
  story.href = href;
  for (uint32_t a : aligned.articles) story.article_ids.push_back(corpus.articles[a].id);
  return story;
}

// The batch's tables beside index.html: every story's rows, in story order.
struct BatchTables {
  std::vector<std::string> marks, claims, claims_jsonl;  // one entry per story
};

// Writes the tables and their codebooks into `dir`.
Status WriteTables(const std::string& dir, const BatchTables& tables) {
  auto write = [&](const std::string& name, std::string head,
                   const std::vector<std::string>& parts) {
    for (const std::string& part : parts) head += part;
    return WriteIfChanged(PathIn(dir, name), head);
  };
  PARALLAX_RETURN_IF_ERROR(write("marks.csv", CsvHeader(CsvTable::kBatchMarks), tables.marks));
  PARALLAX_RETURN_IF_ERROR(WriteIfChanged(PathIn(dir, "marks.codebook.md"),
                                          RenderCsvCodebook(CsvTable::kBatchMarks, "marks.csv")));
  PARALLAX_RETURN_IF_ERROR(write("claims.csv", CsvHeader(CsvTable::kBatchClaims), tables.claims));
  PARALLAX_RETURN_IF_ERROR(WriteIfChanged(PathIn(dir, "claims.codebook.md"),
                                          RenderCsvCodebook(CsvTable::kBatchClaims, "claims.csv")));
  return write("claims.jsonl", "", tables.claims_jsonl);
}

}  // namespace

StatusOr<BatchSummary> RunBatchJob(const BatchJobOptions& options, const Resources& resources) {
  const std::string stories_dir = PathIn(options.out_dir, "stories");
  std::error_code ec;
  fs::create_directories(stories_dir, ec);
  if (ec) return Status::IoError(options.out_dir + ": cannot create folder: " + ec.message());

  AnalysisOptions analysis_options;
  analysis_options.threads = ResolveThreads(options.threads);
  analysis_options.group_stories = true;
  analysis_options.skip_bad_articles = true;
  analysis_options.allow_outside_paths = options.allow_outside_paths;
  PARALLAX_ASSIGN_OR_RETURN(Analysis analysis,
                            Analyze(options.inputs, resources, analysis_options));
  if (options.skipped) {
    for (const std::string& skipped : analysis.corpus.skipped) options.skipped(skipped);
  }
  BatchSummary summary;
  summary.times = analysis.times;
  StageClock clock;

  ReportOptions report_options;
  report_options.generated_at = options.generated_at;
  WriteReportOptions write_options;  // one thread per story: the stories run in parallel
  write_options.keep_unchanged = true;
  const std::vector<AlignedStory>& stories = analysis.alignment.stories;
  BatchIndexModel index;
  index.stories.resize(stories.size());
  BatchTables tables;
  tables.marks.resize(stories.size());
  tables.claims.resize(stories.size());
  tables.claims_jsonl.resize(stories.size());
  std::vector<Status> errors(stories.size());
  std::mutex progress_mu;
  ParallelFor(stories.size(), analysis_options.threads, [&](size_t i) {
    StatusOr<ReportModel> model =
        BuildReportModel(analysis, StoryArticles(analysis, i), resources, report_options);
    if (!model.ok()) {
      errors[i] = model.status();
      return;
    }
    // The story's own title, not the corpus's: the first article's title or first line.
    if (std::string title = StoryTitle(*model); !title.empty()) model->title = std::move(title);
    const std::string name = "story-" + stories[i].id;
    ReportOutputs outputs;
    outputs.html = PathIn(stories_dir, name + ".html");
    if (options.json) outputs.json = PathIn(stories_dir, name + ".json");
    if (options.csv) outputs.csv = PathIn(stories_dir, name + ".csv");
    errors[i] = WriteReport(*model, outputs, resources.templates_dir, write_options);
    index.stories[i] = StoryEntry(stories[i], analysis.corpus, *model, "stories/" + name + ".html");
    AppendCsvRows(CsvTable::kBatchMarks, *model, stories[i].id, &tables.marks[i]);
    AppendCsvRows(CsvTable::kBatchClaims, *model, stories[i].id, &tables.claims[i]);
    AppendClaimsJsonl(*model, stories[i].id, &tables.claims_jsonl[i]);
    if (options.story_done) {
      std::lock_guard<std::mutex> lock(progress_mu);
      options.story_done(
          stories[i].id + " (" + std::to_string(index.stories[i].articles) + " articles)",
          stories.size());
    }
  });
  for (const Status& s : errors) PARALLAX_RETURN_IF_ERROR(s);
  summary.times.Add("stories", clock.Lap());

  index.title = analysis.corpus.title.empty() ? "Parallax batch" : analysis.corpus.title;
  index.parallax_version = PARALLAX_VERSION;
  index.generated_at = options.generated_at;
  index.lexicon_digest = resources.lexicon_digest;
  index.rules_digest = resources.rules_digest;
  for (const std::string& skipped : analysis.corpus.skipped)
    index.failures.push_back({"", skipped});
  PARALLAX_RETURN_IF_ERROR(WriteTables(options.out_dir, tables));
  if (options.csv) {
    PARALLAX_RETURN_IF_ERROR(WriteIfChanged(PathIn(stories_dir, "marks.codebook.md"),
                                            RenderCsvCodebook(CsvTable::kMarks, "story-<id>.csv")));
  }
  tables = BatchTables();
  index.data_files = {
      {"marks.csv", "every story's marks, one row per mark (codebook: marks.codebook.md)"},
      {"claims.csv", "every story's claims, one row per claim (codebook: claims.codebook.md)"},
      {"claims.jsonl",
       "every story's claims with their sentences and marks, one JSON object a line"},
      {"stories.json", "which article is in which story"}};
  PARALLAX_ASSIGN_OR_RETURN(std::string page, RenderBatchIndex(index, resources.templates_dir));
  summary.index_path = PathIn(options.out_dir, "index.html");
  PARALLAX_RETURN_IF_ERROR(WriteIfChanged(summary.index_path, page));
  PARALLAX_RETURN_IF_ERROR(
      WriteIfChanged(PathIn(options.out_dir, "stories.json"), RenderStoriesJson(index)));
  summary.times.Add("index", clock.Lap());
  summary.articles = analysis.corpus.articles.size();
  summary.stories = stories.size();
  return summary;
}

}  // namespace parallax
