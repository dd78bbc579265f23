// RenderJson: the report as JSON, in the shape reports/SCHEMA.md documents. Keys are written in
// a fixed order so that output is byte-identical for the same model: the short head with
// nlohmann::ordered_json, the long arrays (articles, claims, profiles) with JsonWriter, which
// prints what dump() would without building a tree.
//
// Size: the article text is written once. Sentences and marks carry offsets into it, not copies
// of their text (the cue is the mark's text); a sentence reference is its positions and span. The
// document is compact JSON with a line break before each element of the long arrays, so that
// `head`, `grep` and diff still work line by line.
#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/base/utf8.h"
#include "engine/report/claim_table.h"
#include "engine/report/format.h"
#include "engine/report/json_writer.h"
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

bool IsCharacterBoundary(std::string_view text, size_t at) {
  return at >= text.size() || (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80;
}

// Writes the text of `span` in `text`, or "" when the span is out of range. `text_valid`:
// `text` is valid UTF-8, so a span from character boundary to character boundary is too.
void TextOf(const std::string& text, const Span& span, bool text_valid, JsonWriter* w) {
  if (span.end < span.start || span.end > text.size()) {
    w->String("");
  } else if (text_valid && IsCharacterBoundary(text, span.start) &&
             IsCharacterBoundary(text, span.end)) {
    w->ValidString(span.Of(text));
  } else {
    w->String(span.Of(text));
  }
}

// A sentence reference: its positions and its span (what the claims evaluation matches
// against gold spans); the rest of what it names is in `articles`, written once.
void WriteRef(const ReportModel& model, const SentenceRef& ref, JsonWriter* w) {
  w->BeginObject();
  w->Key("article");
  w->Int(ref.article);
  w->Key("sentence");
  w->Int(ref.sentence);
  if (IsValidRef(model, ref)) {
    const ReportSentence& sentence = model.articles[ref.article].sentences[ref.sentence];
    w->Key("start");
    w->Uint(sentence.span.start);
    w->Key("end");
    w->Uint(sentence.span.end);
  }
  w->EndObject();
}

void WriteRefs(const ReportModel& model, const std::vector<SentenceRef>& refs, JsonWriter* w) {
  w->BeginArray();
  for (const SentenceRef& ref : refs) WriteRef(model, ref, w);
  w->EndArray();
}

void WriteStrings(const std::vector<std::string>& items, JsonWriter* w) {
  w->BeginArray();
  for (const std::string& item : items) w->String(item);
  w->EndArray();
}

void WriteMark(const ReportMark& mark, JsonWriter* w) {
  w->BeginObject();
  w->Key("category");
  w->String(mark.category);
  w->Key("start");
  w->Uint(mark.span.start);
  w->Key("end");
  w->Uint(mark.span.end);
  w->Key("cue");
  w->String(mark.cue);
  w->Key("entry");
  w->StringOrNull(mark.entry);
  w->Key("lexicon");
  w->StringOrNull(mark.lexicon);
  w->Key("stance");
  w->StringOrNull(mark.stance);
  w->Key("source_kind");
  w->StringOrNull(mark.source_kind);
  w->Key("source_start");
  if (mark.source) {
    w->Uint(mark.source->start);
  } else {
    w->Null();
  }
  w->Key("source_end");
  if (mark.source) {
    w->Uint(mark.source->end);
  } else {
    w->Null();
  }
  w->Key("polarity");
  w->StringOrNull(mark.polarity);
  w->Key("voice");
  w->StringOrNull(mark.voice);
  w->Key("negated");
  w->Bool(mark.negated);
  w->EndObject();
}

void WriteArticle(const ReportArticle& article, std::vector<const ReportMark*>* marks,
                  JsonWriter* w) {
  w->BeginObject();
  w->Key("id");
  w->String(article.id);
  w->Key("source");
  w->String(article.source);
  w->Key("title");
  w->StringOrNull(article.title);
  w->Key("author");
  w->StringOrNull(article.author);
  w->Key("date");
  w->StringOrNull(article.date);
  w->Key("url");
  w->StringOrNull(article.url);
  w->Key("tags");
  WriteStrings(article.tags, w);
  w->Key("story");
  w->StringOrNull(article.story);
  w->Key("notes");
  WriteStrings(article.notes, w);
  w->Key("warnings");
  WriteStrings(article.warnings, w);
  const bool text_valid = !FindInvalidUtf8(article.text).has_value();
  w->Key("text");
  if (text_valid) {
    w->ValidString(article.text);
  } else {
    w->String(article.text);
  }
  w->Key("sentences");
  w->BeginArray();
  for (const ReportSentence& sentence : article.sentences) {
    w->BeginObject();
    w->Key("index");
    w->Int(sentence.index);
    w->Key("start");
    w->Uint(sentence.span.start);
    w->Key("end");
    w->Uint(sentence.span.end);
    w->Key("paragraph");
    w->Int(sentence.paragraph);
    w->Key("heading");
    w->Bool(sentence.heading);
    w->Key("claim_id");
    w->StringOrNull(sentence.claim_id);
    w->Key("marks");
    w->BeginArray();
    MarksInOrder(sentence, marks);
    for (const ReportMark* mark : *marks) WriteMark(*mark, w);
    w->EndArray();
    w->EndObject();
  }
  w->EndArray();
  w->EndObject();
}

void WriteClaim(const ReportModel& model, const ClaimTable& table, size_t c, JsonWriter* w) {
  const ReportClaim& claim = model.claims[c];
  w->BeginObject();
  w->Key("id");
  w->String(claim.id);
  w->Key("score");
  w->Double(std::isfinite(claim.score) ? claim.score : 0.0);
  if (!claim.note.empty()) {
    w->Key("note");
    w->String(claim.note);
  }
  w->Key("sentences");
  WriteRefs(model, claim.sentences, w);
  w->Key("sources_carrying");
  WriteStrings(table.SourcesCarrying(c), w);
  w->Key("sources_omitting");
  WriteStrings(table.SourcesOmitting(c), w);
  if (!claim.evidence.empty()) {
    w->Key("evidence");
    w->BeginArray();
    for (const ReportEvidence& e : claim.evidence) {
      w->BeginObject();
      w->Key("sentences");
      WriteRefs(model, {e.a, e.b}, w);
      w->Key("score");
      w->Double(std::isfinite(e.score) ? e.score : 0.0);
      if (!e.quotation.empty()) {
        w->Key("quotation");
        w->String(e.quotation);
      }
      w->Key("shared_words");
      WriteStrings(e.shared_words, w);
      w->EndObject();
    }
    w->EndArray();
  }
  w->Key("discrepancies");
  w->BeginArray();
  for (const ReportDiscrepancy& d : claim.discrepancies) {
    w->BeginObject();
    w->Key("kind");
    w->String(d.kind);
    w->Key("description");
    w->String(d.description);
    w->Key("sentences");
    WriteRefs(model, d.sentences, w);
    w->Key("spans");
    w->BeginArray();
    for (const ReportDiscrepancySpan& part : d.spans) {
      w->BeginObject();
      w->Key("article");
      w->Int(part.sentence.article);
      w->Key("sentence");
      w->Int(part.sentence.sentence);
      w->Key("start");
      w->Uint(part.span.start);
      w->Key("end");
      w->Uint(part.span.end);
      w->Key("text");
      if (IsValidRef(model, part.sentence)) {
        TextOf(model.articles[part.sentence.article].text, part.span, false, w);
      } else {
        w->String("");
      }
      w->EndObject();
    }
    w->EndArray();
    w->EndObject();
  }
  w->EndArray();
  w->EndObject();
}

// Writes `"stances": {"distancing": 2, ...}`: the stances that have marks, in the model's order.
// A stance the model names twice is written once with its marks summed, since an object cannot
// hold a key twice.
void WriteStances(const ReportCitedSource& cited, JsonWriter* w) {
  std::vector<std::pair<std::string, long long>> merged;
  for (const auto& [stance, marks] : cited.stances) {
    if (marks <= 0) continue;
    std::string name = CleanUtf8(stance);
    auto same = std::find_if(merged.begin(), merged.end(),
                             [&](const auto& entry) { return entry.first == name; });
    if (same == merged.end()) {
      merged.emplace_back(std::move(name), marks);
    } else {
      same->second += marks;
    }
  }
  w->BeginObject();
  for (const auto& [stance, marks] : merged) {
    w->Key(stance);
    w->Int(marks);
  }
  w->EndObject();
}

void WriteCitedSource(const ReportModel& model, const ReportCitedSource& cited, JsonWriter* w) {
  w->BeginObject();
  w->Key("name");
  w->String(cited.name);
  w->Key("kind");
  w->String(cited.kind);
  w->Key("count");
  w->Int(cited.count);
  w->Key("own_voice_count");
  w->Int(cited.own_voice_count);
  w->Key("stances");
  WriteStances(cited, w);
  w->Key("evidence");
  WriteRefs(model, cited.evidence, w);
  w->Key("written_as");
  w->BeginArray();
  for (const std::string& form : cited.written_as) w->String(form);
  w->EndArray();
  w->EndObject();
}

void WriteProfile(const ReportModel& model, const ReportSourceProfile& profile, JsonWriter* w) {
  w->BeginObject();
  w->Key("source");
  w->String(profile.source);
  w->Key("articles");
  w->Int(profile.articles);
  w->Key("sentences");
  w->Int(profile.sentences);
  w->Key("words");
  w->Int(profile.words);
  w->Key("bars");
  w->BeginArray();
  for (const ReportProfileBar& bar : profile.bars) {
    w->BeginObject();
    const bool breakdown = !bar.breakdown_by.empty();
    w->Key("label");
    w->String(bar.label);
    w->Key("category");
    if (breakdown) {
      w->Null();
    } else {
      w->String(bar.category);
    }
    w->Key("breakdown_of");
    w->StringOrNull(breakdown ? bar.category : "");
    w->Key("breakdown_by");
    w->StringOrNull(bar.breakdown_by);
    w->Key("breakdown_value");
    w->StringOrNull(breakdown ? bar.breakdown_value : "");
    w->Key("count");
    w->Int(bar.count);
    w->Key("per_1000_words");
    w->Double(std::isfinite(bar.per_1000_words) ? bar.per_1000_words : 0.0);
    w->Key("own_voice_count");
    w->Int(bar.own_voice_count);
    w->Key("own_voice_per_1000_words");
    w->Double(std::isfinite(bar.own_voice_per_1000_words) ? bar.own_voice_per_1000_words : 0.0);
    w->Key("evidence");
    WriteRefs(model, bar.evidence, w);
    w->EndObject();
  }
  w->EndArray();
  w->Key("cited");
  w->BeginArray();
  for (const ReportCitedSource& cited : profile.cited) WriteCitedSource(model, cited, w);
  w->EndArray();
  w->EndObject();
}

// CleanUtf8 already made every string valid; `replace` is the belt to those braces, so that
// dump() can never throw.
constexpr auto kReplace = Json::error_handler_t::replace;

// Collects the document and hands it to the sink in parts of about kPartSize bytes: a part per
// element would cost a system call per claim.
class PartBuffer {
 public:
  static constexpr size_t kPartSize = 1 << 18;
  explicit PartBuffer(const JsonSink& sink) : sink_(sink) {}
  std::string* text() { return &text_; }
  Status MaybeFlush() { return text_.size() >= kPartSize ? Flush() : Status::Ok(); }
  Status Flush() {
    if (text_.empty()) return Status::Ok();
    const Status status = sink_(text_);
    text_.clear();
    return status;
  }

 private:
  const JsonSink& sink_;
  std::string text_;
};

// Streams `,\n"key":[` then the `n` elements written one at a time by `element(i, writer)`,
// each compact on a line of its own, then `\n]`: what dump() prints of the array with a line
// break before each element and before the closing bracket.
template <typename WriteElement>
Status StreamArray(const char* key, size_t n, PartBuffer* buffer, WriteElement element) {
  std::string* out = buffer->text();
  out->append(",\n\"");
  out->append(key);
  out->append("\":");
  if (n == 0) {
    out->append("[]");
    return Status::Ok();
  }
  out->append("[");
  for (size_t i = 0; i < n; ++i) {
    out->append(i == 0 ? "\n" : ",\n");
    JsonWriter writer(out, JsonWriter::kCompact);
    element(i, &writer);
    PARALLAX_RETURN_IF_ERROR(buffer->MaybeFlush());
  }
  out->append("\n]");
  return Status::Ok();
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

  // The head object without its closing "}", then the long arrays element by element, so the
  // document is never held whole.
  PartBuffer buffer(sink);
  std::string* text = buffer.text();
  *text = head.dump(-1, ' ', false, kReplace);
  text->resize(text->size() - 1);
  std::vector<const ReportMark*> marks;
  PARALLAX_RETURN_IF_ERROR(
      StreamArray("articles", model.articles.size(), &buffer,
                  [&](size_t a, JsonWriter* w) { WriteArticle(model.articles[a], &marks, w); }));
  // Claims, and apart from them the related sentences (topic claims): never counted as shared.
  std::vector<size_t> claims, related;
  for (size_t c = 0; c < model.claims.size(); ++c) {
    (model.claims[c].related ? related : claims).push_back(c);
  }
  PARALLAX_RETURN_IF_ERROR(
      StreamArray("claims", claims.size(), &buffer,
                  [&](size_t c, JsonWriter* w) { WriteClaim(model, table, claims[c], w); }));
  PARALLAX_RETURN_IF_ERROR(
      StreamArray("related", related.size(), &buffer,
                  [&](size_t c, JsonWriter* w) { WriteClaim(model, table, related[c], w); }));
  PARALLAX_RETURN_IF_ERROR(
      StreamArray("profiles", model.profiles.size(), &buffer,
                  [&](size_t p, JsonWriter* w) { WriteProfile(model, model.profiles[p], w); }));
  text->append("}\n");
  return buffer.Flush();
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
