// ClaimTable: what the renderers derive from a ReportModel before writing it — the source
// columns, each claim's sentences grouped per source, which sources carry and which omit each
// claim, and which claim each sentence belongs to.
//
// Deriving these once, here, keeps the HTML, the JSON and the batch index in agreement: a
// source is "omitting" a claim iff its cell is empty.
//
// Thread safety: a ClaimTable is an immutable value once built.
#ifndef PARALLAX_ENGINE_REPORT_CLAIM_TABLE_H_
#define PARALLAX_ENGINE_REPORT_CLAIM_TABLE_H_

#include <map>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "engine/report/report_model.h"

namespace parallax {

// The non-empty cells of one claim's row: a row costs what the claim holds, not one cell per
// source (87,000 claims x 144 sources held 1.2 GB as dense rows).
struct ClaimRow {
  std::vector<uint32_t> carrying;                 // columns with a sentence, ascending
  std::vector<std::vector<SentenceRef>> carried;  // carried[k]: the cell of column carrying[k]
};

struct ClaimTable {
  std::vector<std::string> sources;  // column order (see ReportModel::sources)
  std::vector<ClaimRow> rows;        // one per ReportModel::claims entry

  // The claim's sentences from source column `column` (empty when it omits the claim).
  std::span<const SentenceRef> Cell(size_t row, size_t column) const;
  size_t CarryingCount(size_t row) const { return rows[row].carrying.size(); }
  size_t OmittingCount(size_t row) const { return sources.size() - rows[row].carrying.size(); }
  // The names of the sources carrying / omitting the claim, in column order.
  std::vector<std::string> SourcesCarrying(size_t row) const;
  std::vector<std::string> SourcesOmitting(size_t row) const;

  // [article][sentence] (positions in the model) → the first claim (position in claims)
  // holding the sentence, or -1.
  std::vector<std::vector<int>> claim_of_sentence;
  // source → how many of the model's articles it has (a cell names the article when > 1).
  std::map<std::string, int> articles_per_source;
};

// Builds the table. SentenceRefs that name no sentence are skipped (ValidateReportModel
// reports them).
ClaimTable BuildClaimTable(const ReportModel& model);

// Returns the sentence's marks sorted by (start, end, category, cue, entry): the order every
// renderer uses, whatever order the pipeline filled them in.
std::vector<const ReportMark*> MarksInOrder(const ReportSentence& sentence);
// The same into `marks` (cleared first), whose memory a caller can reuse.
void MarksInOrder(const ReportSentence& sentence, std::vector<const ReportMark*>* marks);

// Returns true iff `ref` names an existing sentence of `model`.
bool IsValidRef(const ReportModel& model, const SentenceRef& ref);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_REPORT_CLAIM_TABLE_H_
