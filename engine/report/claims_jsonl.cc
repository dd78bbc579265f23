// AppendClaimsJsonl: a batch's claims as JSON lines, one claim per line, each line readable on
// its own (json.loads per line): the claim with its sentences' text and marks, so that a reader
// needs neither the story's JSON nor offsets into an article's text.
#include <string>
#include <string_view>

#include "engine/report/claim_table.h"
#include "engine/report/format.h"
#include "engine/report/json_writer.h"
#include "engine/report/report.h"

namespace parallax {
namespace {

void WriteStrings(const std::vector<std::string>& items, JsonWriter* w) {
  w->BeginArray();
  for (const std::string& item : items) w->String(item);
  w->EndArray();
}

// Writes `at` (a byte offset into the article) as a character offset into `sentence_text`,
// null when outside the sentence.
void WriteCharOffset(std::string_view raw, const Span& sentence, size_t at, bool end,
                     JsonWriter* w) {
  if (at < sentence.start || at > sentence.end) {
    w->Null();
  } else {
    w->Uint(CharacterOffset(raw, at - sentence.start, end));
  }
}

void WriteSentence(const ReportArticle& article, const ReportSentence& sentence,
                   std::vector<const ReportMark*>* marks, JsonWriter* w) {
  const bool in_range =
      sentence.span.start <= sentence.span.end && sentence.span.end <= article.text.size();
  const std::string_view raw = in_range ? sentence.span.Of(article.text) : "";
  w->BeginObject();
  w->Key("article_id");
  w->String(article.id);
  w->Key("source");
  w->String(article.source);
  w->Key("date");
  w->StringOrNull(article.date);
  w->Key("sentence_index");
  w->Int(sentence.index);
  w->Key("text");
  w->String(raw);
  w->Key("marks");
  w->BeginArray();
  MarksInOrder(sentence, marks);
  for (const ReportMark* mark : *marks) {
    w->BeginObject();
    w->Key("category");
    w->String(mark->category);
    w->Key("cue");
    w->String(mark->cue);
    w->Key("start");
    WriteCharOffset(raw, sentence.span, mark->span.start, false, w);
    w->Key("end");
    WriteCharOffset(raw, sentence.span, mark->span.end, true, w);
    w->Key("voice");
    w->StringOrNull(mark->voice);
    w->Key("stance");
    w->StringOrNull(mark->stance);
    w->Key("source_kind");
    w->StringOrNull(mark->source_kind);
    w->Key("polarity");
    w->StringOrNull(mark->polarity);
    w->Key("negated");
    w->Bool(mark->negated);
    w->EndObject();
  }
  w->EndArray();
  w->EndObject();
}

}  // namespace

void AppendClaimsJsonl(const ReportModel& model, std::string_view story, std::string* out) {
  const ClaimTable table = BuildClaimTable(model);
  std::vector<const ReportMark*> marks;
  for (size_t c = 0; c < model.claims.size(); ++c) {
    const ReportClaim& claim = model.claims[c];
    if (claim.related) continue;
    JsonWriter w(out, JsonWriter::kCompact);
    w.BeginObject();
    w.Key("story");
    w.String(story);
    w.Key("claim_id");
    w.String(claim.id);
    w.Key("score");
    w.Double(claim.score);
    w.Key("sources_carrying");
    WriteStrings(table.SourcesCarrying(c), &w);
    w.Key("sources_omitting");
    WriteStrings(table.SourcesOmitting(c), &w);
    w.Key("discrepancies");
    w.BeginArray();
    for (const ReportDiscrepancy& d : claim.discrepancies) {
      w.BeginObject();
      w.Key("kind");
      w.String(d.kind);
      w.Key("description");
      w.String(d.description);
      w.EndObject();
    }
    w.EndArray();
    w.Key("sentences");
    w.BeginArray();
    for (const SentenceRef& ref : claim.sentences) {
      if (!IsValidRef(model, ref)) continue;
      const ReportArticle& article = model.articles[ref.article];
      WriteSentence(article, article.sentences[ref.sentence], &marks, &w);
    }
    w.EndArray();
    w.EndObject();
    out->push_back('\n');
  }
}

}  // namespace parallax
