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

std::span<const SentenceRef> ClaimTable::Cell(size_t row, size_t column) const {
  const ClaimRow& r = rows[row];
  auto it = std::lower_bound(r.carrying.begin(), r.carrying.end(), column);
  if (it == r.carrying.end() || *it != column) return {};
  return r.carried[static_cast<size_t>(it - r.carrying.begin())];
}

std::vector<std::string> ClaimTable::SourcesCarrying(size_t row) const {
  std::vector<std::string> out;
  for (uint32_t col : rows[row].carrying) out.push_back(sources[col]);
  return out;
}

std::vector<std::string> ClaimTable::SourcesOmitting(size_t row) const {
  std::vector<std::string> out;
  const std::vector<uint32_t>& carrying = rows[row].carrying;
  for (size_t col = 0, k = 0; col < sources.size(); ++col) {
    if (k < carrying.size() && carrying[k] == col) {
      ++k;
    } else {
      out.push_back(sources[col]);
    }
  }
  return out;
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

  table.rows.reserve(model.claims.size());
  std::vector<std::pair<uint32_t, SentenceRef>> refs;
  for (size_t c = 0; c < model.claims.size(); ++c) {
    refs.clear();
    for (const SentenceRef& ref : model.claims[c].sentences) {
      if (!IsValidRef(model, ref)) continue;
      const auto col = static_cast<uint32_t>(column.at(model.articles[ref.article].source));
      if (std::find(refs.begin(), refs.end(), std::pair(col, ref)) == refs.end()) {
        refs.emplace_back(col, ref);
      }
      int& claim = table.claim_of_sentence[ref.article][ref.sentence];
      if (claim < 0) claim = static_cast<int>(c);
    }
    // By column, each cell's sentences in the claim's order.
    std::stable_sort(refs.begin(), refs.end(),
                     [](const auto& x, const auto& y) { return x.first < y.first; });
    ClaimRow row;
    for (const auto& [col, ref] : refs) {
      if (row.carrying.empty() || row.carrying.back() != col) {
        row.carrying.push_back(col);
        row.carried.emplace_back();
      }
      row.carried.back().push_back(ref);
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

}  // namespace parallax
