// Report rendering: one ReportModel (report_model.h) → a self-contained HTML page, a JSON
// document, a CSV of marks; one BatchIndexModel (batch_model.h) → a batch index page.
//
// HTML. The page is one file that makes no network request: a Content-Security-Policy meta
// tag forbids every fetch, and the CSS and the small script are read from `templates_dir`
// (reports/templates, see its README.md) at run time and inlined, so the look changes without
// a rebuild. Templates are mustache (compiled_template.h: kainjow's dialect, parsed once per
// page); every piece of article text and metadata goes through mustache's HTML escaping, and
// URLs become links only when they are http(s).
//
// JSON and CSV are documented in reports/SCHEMA.md; the JSON validates against
// reports/schema/report.schema.json and carries "schema_version": kReportSchemaVersion.
//
// Determinism: the same model (and templates) gives byte-identical output.
//
// Thread safety: all functions are pure apart from reading templates; concurrent calls are safe.
#ifndef PARALLAX_ENGINE_REPORT_REPORT_H_
#define PARALLAX_ENGINE_REPORT_REPORT_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/status.h"
#include "engine/report/batch_model.h"
#include "engine/report/report_model.h"

namespace parallax {

// Returns OK iff every sentence span lies within its article's text, every mark span (and mark
// source span) within the text, every SentenceRef names an existing sentence and every
// discrepancy span its sentence's article text. Else InvalidInput naming the first offender
// ("article 'a1' sentence 3: mark [120, 140) ends past the text (130 bytes)").
Status ValidateReportModel(const ReportModel& model);

struct HtmlOptions {
  // Threads rendering claim rows and full texts (the bulk of a large page); 1 renders on the
  // calling thread. The page is byte-identical whatever the number.
  int threads = 1;
  // Claim rows or articles rendered per batch before they are handed to the sink: bounds the
  // memory a large page needs to about one batch, whatever the corpus size.
  size_t batch = 256;
  // Up to this many sources, the claims table has a column per source (empty cells show who
  // omitted a claim); beyond it, each row lists only the versions of the sources that carry the
  // claim and counts the others, so the page grows with the claims, not claims x sources.
  size_t max_source_columns = 12;
};

// Receives the page in order, a part at a time; a non-OK status stops the rendering and is
// returned by RenderHtmlTo.
using HtmlSink = std::function<Status(std::string_view part)>;

// Renders the report page to `sink`. Reads report.mustache, sentence.mustache,
// claim_row.mustache, fulltext.mustache, report.css and report.js from `templates_dir`. Returns
// NotFound/IoError for a missing template, InvalidInput for a template mustache cannot parse
// (naming the file) and for a model ValidateReportModel refuses, or the sink's error. Nothing
// reaches the sink before the templates and the model are checked.
Status RenderHtmlTo(const ReportModel& model, const std::string& templates_dir,
                    const HtmlOptions& options, const HtmlSink& sink);

// The same page as one string (small reports, tests).
StatusOr<std::string> RenderHtml(const ReportModel& model, const std::string& templates_dir,
                                 const HtmlOptions& options = {});

// Receives a document in order, a part at a time; a non-OK status stops the rendering.
using JsonSink = std::function<Status(std::string_view part)>;

// Writes the JSON document (2-space indented, UTF-8, invalid bytes replaced by U+FFFD, ends
// with a newline) to `sink`, one article, claim or profile at a time, so that a large report is
// never held whole. Spans are written as they are; call ValidateReportModel first. Returns the
// sink's first error.
Status RenderJsonTo(const ReportModel& model, const JsonSink& sink);

// The same document as one string.
std::string RenderJson(const ReportModel& model);

// The CSV tables Parallax writes, each with a codebook (RenderCsvCodebook) written beside it.
enum class CsvTable {
  kMarks,        // a report's marks: one row per mark
  kBatchMarks,   // a batch's marks: the same with a `story` column first
  kBatchClaims,  // a batch's claims: one row per claim of every story
};

// Returns the CSV of marks of a report: a header row, then one row per mark in article,
// sentence, mark order (the columns are listed in csv_report.cc and in the codebook).
// RFC 4180: CRLF line ends, fields holding a comma, quote, CR or LF are quoted with quotes
// doubled; cells that a spreadsheet would run as a formula get a leading apostrophe. Offsets
// are characters into the row's sentence_text; a mark out of its sentence gets empty offsets.
std::string RenderMarksCsv(const ReportModel& model);

// The header row of `table`, and its rows for one report appended to `out` (no header):
// a batch writes one header, then each story's rows. `story` fills the story column of the
// batch tables and is ignored by kMarks.
std::string CsvHeader(CsvTable table);
void AppendCsvRows(CsvTable table, const ReportModel& model, std::string_view story,
                   std::string* out);

// Returns the codebook of `table` as Markdown: the file's format, each column's meaning, what
// the offsets count, and five lines of Python (csv module only) computing marks per 1,000 words
// per outlet and voice. `csv_name` is the CSV's file name, as the codebook refers to it.
std::string RenderCsvCodebook(CsvTable table, std::string_view csv_name);

// Appends one JSON line per claim of `model` (related sentences left out) to `out`: the story,
// the claim's id, score, sources carrying and omitting, discrepancies, and its sentences with
// their text and marks (offsets in characters into the sentence's text). Compact, keys in a
// fixed order, each line ending with "\n". See reports/SCHEMA.md, "claims.jsonl".
void AppendClaimsJsonl(const ReportModel& model, std::string_view story, std::string* out);

// Renders a batch's index page from batch_index.mustache, batch_index.css, batch_index.js and
// report.css in `templates_dir`. The page lists the stories in model order and is readable as
// it is; its inline script (allowed by the page's CSP, which forbids every fetch) adds sorting,
// search and filters by outlet and date, and keeps them in the URL fragment
// ("#sort=conflicts&q=steele").
StatusOr<std::string> RenderBatchIndex(const BatchIndexModel& model,
                                       const std::string& templates_dir);

// Returns a story's row of the index from its report: title (StoryTitle), dates, sources,
// figures and up to `limit` telling claims (MostTellingClaims). Leaves id, href and
// article_ids empty.
BatchStory SummarizeStory(const ReportModel& model, int limit);

// Returns the title of the first article that has one; else the first non-empty line of the
// first article's text, spaces collapsed, cut to about 100 bytes at a character boundary;
// "" when there is no article.
std::string StoryTitle(const ReportModel& model);

// Returns up to `limit` claims of `model` on which its sources differ, most telling first:
// conflicts (most conflicts first), then omissions (most sources carrying first), then certainty
// drifts; ties in claim order. Only claims carried by two or more sources count: one source's
// sentence is neither omitted by the others nor in conflict with them. Related sentences
// (ReportClaim::related) never count.
std::vector<BatchTellingClaim> MostTellingClaims(const ReportModel& model, int limit);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_REPORT_REPORT_H_
