// The batch job: what `parallax batch` does, as a library call — many stories at once. The
// inputs are read, marked and aligned with stories grouped (analysis.h; a story label given in
// the input wins); each story gets its report, titled by its own articles (StoryTitle), written
// by the report job's WriteReport; then the index page listing the stories with their figures
// and most telling claims, stories.json mapping every article to its story
// (report/stories_json.h), and the tables of every story's marks and claims. An article that
// cannot be read is skipped and listed on the index page and in stories.json.
//
// Output folder:
//   index.html, stories.json
//   marks.csv, claims.csv (each with its .codebook.md), claims.jsonl: all stories, story order
//   stories/story-<id>.html   (and .json, .csv when asked; marks.codebook.md with the .csv)
// A re-run leaves a file untouched when its bytes would not change, so that only the stories
// whose articles changed are rewritten.
//
// Thread safety: no global state; stories are modelled, rendered and written on `threads`
// threads at once.
#ifndef PARALLAX_ENGINE_PIPELINE_BATCH_JOB_H_
#define PARALLAX_ENGINE_PIPELINE_BATCH_JOB_H_

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "engine/base/status.h"
#include "engine/pipeline/resources.h"
#include "engine/pipeline/stage_times.h"

namespace parallax {

struct BatchJobOptions {
  std::vector<std::string> inputs;          // manifests, article files, JSONL files, directories
  std::string out_dir;                      // created when missing
  bool json = false;                        // also each story's report as JSON
  bool csv = false;                         // also each story's marks as CSV
  std::optional<std::string> generated_at;  // the time of the run, shown on every page
  int threads = 0;                          // 0: one per core
  bool allow_outside_paths = false;         // manifests may name files outside their folder
  // Called for each input skipped because it could not be read (its message), before the
  // stories are written.
  std::function<void(const std::string&)> skipped;
  // Called once each story is written, with "<id> (<n> articles)" and the number of stories;
  // calls come one at a time, from the worker threads.
  std::function<void(const std::string& story, size_t total)> story_done;
};

struct BatchSummary {
  size_t articles = 0;
  size_t stories = 0;
  std::string index_path;  // <out_dir>/index.html
  // The stages of Analysis::times, then "stories" (model, render and write of every story,
  // in parallel) and "index".
  StageTimes times;
};

// Runs the job. Returns the first error (reading a manifest, writing a file: naming it);
// files already written stay, and a re-run redoes only what is missing or changed.
StatusOr<BatchSummary> RunBatchJob(const BatchJobOptions& options, const Resources& resources);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_PIPELINE_BATCH_JOB_H_
