// RenderJson: the report as JSON, in the shape reports/SCHEMA.md documents. Keys are written in
// a fixed order (nlohmann::ordered_json) so that output is byte-identical for the same model.
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "engine/report/claim_table.h"
#include "engine/report/format.h"
#include "engine/report/report.h"

namespace parallax {
namespace {

using Json = nlohmann::ordered_json;

Json NullIfEmpty(const std::string& s) { return s.empty() ? Json(nullptr) : Json(CleanUtf8(s)); }

Json Strings(const std::vector<std::string>& items) {
  Json out = Json::array();
  for (const std::string& item : items) out.push_back(CleanUtf8(item));
  return out;
}

// The text of `span` in `text`, or "" when the span is out of range.
std::string TextOf(const std::string& text, const Span& span) {
  if (span.end < span.start || span.end > text.size()) return "";
  return CleanUtf8(span.Of(text));
}

Json RefJson(const ReportModel& model, const SentenceRef& ref) {
  Json out;
  out["article"] = ref.article;
  out["sentence"] = ref.sentence;
  if (IsValidRef(model, ref)) {
    const ReportArticle& article = model.articles[ref.article];
    const ReportSentence& sentence = article.sentences[ref.sentence];
    out["article_id"] = CleanUtf8(article.id);
    out["source"] = CleanUtf8(article.source);
    out["sentence_index"] = sentence.index;
    out["start"] = sentence.span.start;
    out["end"] = sentence.span.end;
  }
  return out;
}

Json Refs(const ReportModel& model, const std::vector<SentenceRef>& refs) {
  Json out = Json::array();
  for (const SentenceRef& ref : refs) out.push_back(RefJson(model, ref));
  return out;
}

Json MarkJson(const ReportMark& mark, const std::string& text) {
  Json out;
  out["category"] = CleanUtf8(mark.category);
  out["start"] = mark.span.start;
  out["end"] = mark.span.end;
  out["text"] = TextOf(text, mark.span);
  out["cue"] = CleanUtf8(mark.cue);
  out["entry"] = NullIfEmpty(mark.entry);
  out["lexicon"] = NullIfEmpty(mark.lexicon);
  out["stance"] = NullIfEmpty(mark.stance);
  out["source_kind"] = NullIfEmpty(mark.source_kind);
  out["source_start"] = mark.source ? Json(mark.source->start) : Json(nullptr);
  out["source_end"] = mark.source ? Json(mark.source->end) : Json(nullptr);
  out["polarity"] = NullIfEmpty(mark.polarity);
  out["voice"] = NullIfEmpty(mark.voice);
  out["negated"] = mark.negated;
  return out;
}

Json ArticleJson(const ReportArticle& article) {
  Json out;
  out["id"] = CleanUtf8(article.id);
  out["source"] = CleanUtf8(article.source);
  out["title"] = NullIfEmpty(article.title);
  out["author"] = NullIfEmpty(article.author);
  out["date"] = NullIfEmpty(article.date);
  out["url"] = NullIfEmpty(article.url);
  out["tags"] = Strings(article.tags);
  out["story"] = NullIfEmpty(article.story);
  out["notes"] = Strings(article.notes);
  out["warnings"] = Strings(article.warnings);
  out["text"] = CleanUtf8(article.text);
  Json sentences = Json::array();
  for (const ReportSentence& sentence : article.sentences) {
    Json s;
    s["index"] = sentence.index;
    s["start"] = sentence.span.start;
    s["end"] = sentence.span.end;
    s["paragraph"] = sentence.paragraph;
    s["heading"] = sentence.heading;
    s["text"] = TextOf(article.text, sentence.span);
    s["claim_id"] = NullIfEmpty(sentence.claim_id);
    Json marks = Json::array();
    for (const ReportMark* mark : MarksInOrder(sentence))
      marks.push_back(MarkJson(*mark, article.text));
    s["marks"] = std::move(marks);
    sentences.push_back(std::move(s));
  }
  out["sentences"] = std::move(sentences);
  return out;
}

Json ClaimJson(const ReportModel& model, const ClaimTable& table, size_t c) {
  const ReportClaim& claim = model.claims[c];
  Json out;
  out["id"] = CleanUtf8(claim.id);
  out["score"] = std::isfinite(claim.score) ? claim.score : 0.0;
  if (!claim.note.empty()) out["note"] = CleanUtf8(claim.note);
  out["sentences"] = Refs(model, claim.sentences);
  out["sources_carrying"] = Strings(table.rows[c].sources_carrying);
  out["sources_omitting"] = Strings(table.rows[c].sources_omitting);
  Json discrepancies = Json::array();
  for (const ReportDiscrepancy& d : claim.discrepancies) {
    Json dj;
    dj["kind"] = CleanUtf8(d.kind);
    dj["description"] = CleanUtf8(d.description);
    dj["sentences"] = Refs(model, d.sentences);
    Json spans = Json::array();
    for (const ReportDiscrepancySpan& part : d.spans) {
      Json sj;
      sj["article"] = part.sentence.article;
      sj["sentence"] = part.sentence.sentence;
      sj["start"] = part.span.start;
      sj["end"] = part.span.end;
      sj["text"] = IsValidRef(model, part.sentence)
                       ? TextOf(model.articles[part.sentence.article].text, part.span)
                       : std::string();
      spans.push_back(std::move(sj));
    }
    dj["spans"] = std::move(spans);
    discrepancies.push_back(std::move(dj));
  }
  out["discrepancies"] = std::move(discrepancies);
  return out;
}

Json ProfileJson(const ReportModel& model, const ReportSourceProfile& profile) {
  Json out;
  out["source"] = CleanUtf8(profile.source);
  out["articles"] = profile.articles;
  out["sentences"] = profile.sentences;
  out["words"] = profile.words;
  Json bars = Json::array();
  for (const ReportProfileBar& bar : profile.bars) {
    Json b;
    b["label"] = CleanUtf8(bar.label);
    b["category"] = CleanUtf8(bar.category);
    b["count"] = bar.count;
    b["per_1000_words"] = std::isfinite(bar.per_1000_words) ? bar.per_1000_words : 0.0;
    b["own_voice_count"] = bar.own_voice_count;
    b["own_voice_per_1000_words"] =
        std::isfinite(bar.own_voice_per_1000_words) ? bar.own_voice_per_1000_words : 0.0;
    b["evidence"] = Refs(model, bar.evidence);
    bars.push_back(std::move(b));
  }
  out["bars"] = std::move(bars);
  return out;
}

constexpr auto kReplace = Json::error_handler_t::replace;

// `value` as dump(2) prints it nested `depth` levels deep: every line after the first indented.
std::string DumpNested(const Json& value, int depth) {
  // CleanUtf8 already made every string valid; `replace` is the belt to those braces, so that
  // dump() can never throw.
  const std::string flat = value.dump(2, ' ', false, kReplace);
  const std::string pad(2 * depth, ' ');
  std::string out;
  out.reserve(flat.size() + flat.size() / 16);
  for (char c : flat) {
    out.push_back(c);
    if (c == '\n') out += pad;
  }
  return out;
}

// Streams `"key": [ ... ]` for `n` elements made one at a time by `element(i)`, exactly as dump(2)
// prints an array one level inside the root object.
template <typename MakeElement>
Status StreamArray(const char* key, size_t n, const JsonSink& sink, MakeElement element) {
  PARALLAX_RETURN_IF_ERROR(sink(",\n  \"" + std::string(key) + "\": "));
  if (n == 0) return sink("[]");
  PARALLAX_RETURN_IF_ERROR(sink("["));
  for (size_t i = 0; i < n; ++i) {
    PARALLAX_RETURN_IF_ERROR(sink((i == 0 ? "\n    " : ",\n    ") + DumpNested(element(i), 2)));
  }
  return sink("\n  ]");
}

}  // namespace

Status RenderJsonTo(const ReportModel& model, const JsonSink& sink) {
  const ClaimTable table = BuildClaimTable(model);
  Json head;
  head["schema_version"] = kReportSchemaVersion;
  Json generator;
  generator["name"] = "parallax";
  generator["version"] = NullIfEmpty(model.parallax_version);
  generator["lexicon_digest"] = NullIfEmpty(model.lexicon_digest);
  generator["rules_digest"] = NullIfEmpty(model.rules_digest);
  generator["generated_at"] =
      model.generated_at ? Json(CleanUtf8(*model.generated_at)) : Json(nullptr);
  head["generator"] = std::move(generator);
  head["title"] = CleanUtf8(model.title);
  head["notices"] = Strings(model.notices);

  std::map<std::string, std::vector<std::string>> ids_by_source;
  for (const ReportArticle& article : model.articles) {
    ids_by_source[article.source].push_back(CleanUtf8(article.id));
  }
  Json sources = Json::array();
  for (const std::string& name : table.sources) {
    Json source;
    source["name"] = CleanUtf8(name);
    auto ids = ids_by_source.find(name);
    source["articles"] = ids == ids_by_source.end() ? Json::array() : Json(ids->second);
    sources.push_back(std::move(source));
  }
  head["sources"] = std::move(sources);

  // The head object without its closing "\n}", then the long arrays element by element, so
  // the document is never held whole: the same bytes as dump(2) of one object.
  std::string text = DumpNested(head, 0);
  text.resize(text.size() - 2);
  PARALLAX_RETURN_IF_ERROR(sink(text));
  PARALLAX_RETURN_IF_ERROR(StreamArray("articles", model.articles.size(), sink,
                                       [&](size_t a) { return ArticleJson(model.articles[a]); }));
  PARALLAX_RETURN_IF_ERROR(StreamArray("claims", model.claims.size(), sink,
                                       [&](size_t c) { return ClaimJson(model, table, c); }));
  PARALLAX_RETURN_IF_ERROR(StreamArray("profiles", model.profiles.size(), sink, [&](size_t p) {
    return ProfileJson(model, model.profiles[p]);
  }));
  return sink("\n}\n");
}

std::string RenderJson(const ReportModel& model) {
  std::string out;
  const Status status = RenderJsonTo(model, [&](std::string_view part) {
    out.append(part);
    return Status::Ok();
  });
  (void)status;  // the sink above never fails
  return out;
}

}  // namespace parallax
