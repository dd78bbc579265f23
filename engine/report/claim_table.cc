#include "engine/report/claim_table.h"

#include <algorithm>
#include <tuple>

namespace parallax {

void MarksInOrder(const ReportSentence& sentence, std::vector<const ReportMark*>* marks) {
  marks->clear();
  for (const ReportMark& mark : sentence.marks) marks->push_back(&mark);
  std::stable_sort(marks->begin(), marks->end(), [](const ReportMark* a, const ReportMark* b) {
    return std::tie(a->span.start, a->span.end, a->category, a->cue, a->entry) <
           std::tie(b->span.start, b->span.end, b->category, b->cue, b->entry);
  });
}

std::vector<const ReportMark*> MarksInOrder(const ReportSentence& sentence) {
  std::vector<const ReportMark*> marks;
  MarksInOrder(sentence, &marks);
  return marks;
}

bool IsValidRef(const ReportModel& model, const SentenceRef& ref) {
  if (ref.article < 0 || static_cast<size_t>(ref.article) >= model.articles.size()) return false;
  const auto& sentences = model.articles[ref.article].sentences;
  return ref.sentence >= 0 && static_cast<size_t>(ref.sentence) < sentences.size();
}

ClaimTable BuildClaimTable(const ReportModel& model) {
  ClaimTable table;
  table.sources = model.sources;
  for (const ReportArticle& article : model.articles) ++table.articles_per_source[article.source];
  table.claim_of_sentence.resize(model.articles.size());
  for (size_t a = 0; a < model.articles.size(); ++a) {
    table.claim_of_sentence[a].assign(model.articles[a].sentences.size(), -1);
  }
  for (const ReportArticle& article : model.articles) {
    if (std::find(table.sources.begin(), table.sources.end(), article.source) ==
        table.sources.end()) {
      table.sources.push_back(article.source);
    }
  }
  std::map<std::string, int> column;
  for (size_t i = 0; i < table.sources.size(); ++i) column.emplace(table.sources[i], i);

  for (size_t c = 0; c < model.claims.size(); ++c) {
    ClaimRow row;
    row.cells.resize(table.sources.size());
    for (const SentenceRef& ref : model.claims[c].sentences) {
      if (!IsValidRef(model, ref)) continue;
      std::vector<SentenceRef>& cell = row.cells[column.at(model.articles[ref.article].source)];
      if (std::find(cell.begin(), cell.end(), ref) == cell.end()) cell.push_back(ref);
      int& claim = table.claim_of_sentence[ref.article][ref.sentence];
      if (claim < 0) claim = static_cast<int>(c);
    }
    for (size_t s = 0; s < table.sources.size(); ++s) {
      (row.cells[s].empty() ? row.sources_omitting : row.sources_carrying)
          .push_back(table.sources[s]);
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

}  // namespace parallax
