// RenderMarksCsv: one row per mark, RFC 4180, for pandas and R.
#include <string>
#include <string_view>

#include "engine/report/claim_table.h"
#include "engine/report/format.h"
#include "engine/report/report.h"

namespace parallax {
namespace {

// Columns added later come last (the cited source with schema 1.1, the claim and the sentence's
// offset with 1.3), so that readers that take columns by position still find the others where
// they were.
constexpr std::string_view kColumns[] = {
    "article_id",  "source",    "sentence_index", "category",      "start",
    "end",         "cue",       "entry",          "stance",        "source_kind",
    "polarity",    "voice",     "negated",        "sentence_text", "cited_source",
    "cited_start", "cited_end", "claim_id",       "sentence_start"};

// A cell that starts with one of these is read as a formula by Excel, LibreOffice and Gnumeric
// (tab and CR as well, which some of them skip before looking for `=`). A crawled page can
// choose an article's source, id and text, so such a cell would let it plant a live formula,
// e.g. a HYPERLINK that shows "Reuters" and sends a neighbouring cell away when clicked.
// OWASP's advice: prefix the cell with an apostrophe, which spreadsheets read as "this is text".
// A cell that already starts with an apostrophe gets one too, so that the rule can be undone
// exactly: a reader removes one leading apostrophe from every cell that has one.
constexpr std::string_view kFormulaStarts = "=+-@\t\r'";

// Appends `field`, neutralised (above) and quoted when it holds a comma, quote, CR or LF
// (quotes doubled).
void AppendField(std::string_view field, bool first, std::string* out) {
  if (!first) *out += ',';
  const bool neutralise =
      !field.empty() && kFormulaStarts.find(field.front()) != std::string_view::npos;
  const bool quote = field.find_first_of(",\"\r\n") != std::string_view::npos;
  if (quote) *out += '"';
  if (neutralise) *out += '\'';
  for (char c : field) {
    if (c == '"') *out += '"';
    *out += c;
  }
  if (quote) *out += '"';
}

}  // namespace

std::string RenderMarksCsv(const ReportModel& model) {
  std::string out;
  bool first = true;
  for (std::string_view column : kColumns) {
    AppendField(column, first, &out);
    first = false;
  }
  out += "\r\n";
  for (const ReportArticle& article : model.articles) {
    for (const ReportSentence& sentence : article.sentences) {
      const bool in_range =
          sentence.span.start <= sentence.span.end && sentence.span.end <= article.text.size();
      const std::string sentence_text = in_range ? CleanUtf8(sentence.span.Of(article.text)) : "";
      for (const ReportMark* mark : MarksInOrder(sentence)) {
        const bool cited = mark->source.has_value() && mark->source->start <= mark->source->end &&
                           mark->source->end <= article.text.size();
        const std::string fields[] = {CleanUtf8(article.id),
                                      CleanUtf8(article.source),
                                      std::to_string(sentence.index),
                                      CleanUtf8(mark->category),
                                      std::to_string(mark->span.start),
                                      std::to_string(mark->span.end),
                                      CleanUtf8(mark->cue),
                                      CleanUtf8(mark->entry),
                                      CleanUtf8(mark->stance),
                                      CleanUtf8(mark->source_kind),
                                      CleanUtf8(mark->polarity),
                                      CleanUtf8(mark->voice),
                                      mark->negated ? "true" : "false",
                                      sentence_text,
                                      cited ? CleanUtf8(mark->source->Of(article.text)) : "",
                                      cited ? std::to_string(mark->source->start) : "",
                                      cited ? std::to_string(mark->source->end) : "",
                                      CleanUtf8(sentence.claim_id),
                                      std::to_string(sentence.span.start)};
        for (size_t i = 0; i < std::size(fields); ++i) AppendField(fields[i], i == 0, &out);
        out += "\r\n";
      }
    }
  }
  return out;
}

}  // namespace parallax
