// RenderHtml: builds the template data of a ReportModel and renders reports/templates.
//
// All markup lives in the templates; this file computes what they show: highlight segments
// (highlight.h), claim cells (claim_table.h), chart geometry, labels and counts. Every string
// from the model reaches the page through mustache's escaping `{{...}}`.
//
// Speed: templates are compiled once per page (compiled_template.h) and rendered from every
// thread; each slice of a batch reuses its TemplateData and output buffer, so a claim row or a
// full text costs no allocation per key once the buffers are warm.
#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/base/parallel_for.h"
#include "engine/base/utf8.h"
#include "engine/report/claim_table.h"
#include "engine/report/compiled_template.h"
#include "engine/report/format.h"
#include "engine/report/highlight.h"
#include "engine/report/page_parts.h"
#include "engine/report/report.h"
#include "engine/report/templates.h"

namespace parallax {
namespace {

using Ref = TemplateData::Ref;
constexpr Ref kRoot = TemplateData::kRoot;

// Sets `key` to `text` with invalid UTF-8 replaced (CleanUtf8), copying only once when the
// text is valid, as it nearly always is.
void SetClean(TemplateData* data, Ref object, std::string_view key, std::string_view text) {
  if (!FindInvalidUtf8(text).has_value()) {
    data->Set(object, key, text);
  } else {
    data->Set(object, key, CleanUtf8(text));
  }
}

void AppendClean(std::string_view text, std::string* out) {
  if (!FindInvalidUtf8(text).has_value()) {
    out->append(text);
  } else {
    out->append(CleanUtf8(text));
  }
}

bool IsCharacterBoundary(std::string_view text, size_t at) {
  return at >= text.size() || (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80;
}

// Sets `key` to the `span` of `text` (CleanUtf8'd). `text_valid`: `text` is valid UTF-8 as a
// whole, so that a span starting and ending on character boundaries is too, unchecked.
void SetCleanSpan(TemplateData* data, Ref object, std::string_view key, std::string_view text,
                  bool text_valid, Span span) {
  if (text_valid && IsCharacterBoundary(text, span.start) && IsCharacterBoundary(text, span.end)) {
    data->Set(object, key, span.Of(text));
  } else {
    SetClean(data, object, key, span.Of(text));
  }
}

// ClassToken(name), appended.
void AppendClassToken(std::string_view name, std::string* out) {
  if (name.empty()) {
    out->append("none");
    return;
  }
  for (char c : name) {
    if (c >= 'A' && c <= 'Z') {
      out->push_back(static_cast<char>(c - 'A' + 'a'));
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-') {
      out->push_back(c);
    } else {
      out->push_back('-');
    }
  }
}

// One highlight over a sentence: a mark, the source an attribution cites, or the words on which
// two versions of a claim differ.
struct Layer {
  Span span;
  std::string classes;  // CSS classes of the element drawn for it
  std::string cat;      // data-cat: the category a show/hide toggle acts on
  std::string reason;   // the explanation shown on hover and focus
};

// The layers of one sentence. Layers are reused from sentence to sentence, strings included,
// so that building them allocates nothing once warm.
class Layers {
 public:
  void Clear() { size_ = 0; }
  // A new layer at `span`, its strings empty.
  Layer& Add(Span span) {
    if (size_ == items_.size()) items_.emplace_back();
    Layer& layer = items_[size_++];
    layer.span = span;
    layer.classes.clear();
    layer.cat.clear();
    layer.reason.clear();
    return layer;
  }
  size_t size() const { return size_; }
  const Layer& operator[](size_t i) const { return items_[i]; }

 private:
  std::vector<Layer> items_;
  size_t size_ = 0;
};

void AppendMarkReason(const ReportMark& mark, std::string* reason) {
  reason->append(CategoryLabel(mark.category));
  if (mark.negated) reason->append(" (negated)");
  reason->append(" \xC2\xB7 cue \xE2\x80\x9C");
  AppendClean(mark.cue, reason);
  reason->append("\xE2\x80\x9D");
  if (!mark.entry.empty()) {
    reason->append(" \xC2\xB7 entry \xE2\x80\x9C");
    AppendClean(mark.entry, reason);
    reason->append("\xE2\x80\x9D");
    if (!mark.lexicon.empty()) {
      reason->append(" in ");
      AppendClean(mark.lexicon, reason);
    }
  }
  if (!mark.stance.empty()) {
    reason->append(" \xC2\xB7 stance: ");
    AppendClean(mark.stance, reason);
  }
  if (!mark.source_kind.empty()) {
    reason->append(" \xC2\xB7 source: ");
    AppendClean(mark.source_kind, reason);
  }
  if (!mark.polarity.empty()) {
    reason->append(" \xC2\xB7 polarity: ");
    AppendClean(mark.polarity, reason);
  }
  if (mark.voice == "quoted") {
    reason->append(" \xC2\xB7 voice: inside quoted speech");
  } else if (!mark.voice.empty()) {
    reason->append(" \xC2\xB7 voice: the outlet's own");
  }
}

void AddMarkLayers(const ReportSentence& sentence, std::vector<const ReportMark*>* marks,
                   Layers* layers) {
  MarksInOrder(sentence, marks);
  for (const ReportMark* mark : *marks) {
    Layer& layer = layers->Add(mark->span);
    layer.classes.append("m c-");
    AppendClassToken(mark->category, &layer.classes);
    if (!IsKnownCategory(mark->category)) layer.classes.append(" c-other");
    if (mark->negated) layer.classes.append(" neg");
    if (mark->voice == "quoted") layer.classes.append(" quoted");
    AppendClassToken(mark->category, &layer.cat);
    AppendMarkReason(*mark, &layer.reason);
    if (mark->source.has_value() && !mark->source->empty()) {
      Layer& source = layers->Add(*mark->source);
      source.classes.append("m c-src");
      AppendClassToken(mark->category, &source.cat);
      source.reason.append("Cited source");
      if (!mark->source_kind.empty()) {
        source.reason.append(" (");
        AppendClean(mark->source_kind, &source.reason);
        source.reason.append(")");
      }
      source.reason.append(" of \xE2\x80\x9C");
      AppendClean(mark->cue, &source.reason);
      source.reason.append("\xE2\x80\x9D");
    }
  }
}

// What one rendering thread reuses from item to item.
struct Scratch {
  TemplateData data;           // the claim row's or article's data
  TemplateData sentence_data;  // one sentence's segments
  std::string sentence_html;   // one sentence rendered
  Layers layers;
  std::vector<const ReportMark*> marks;
  std::vector<Span> spans;
  std::string classes, reason;
  std::vector<const std::string*> reasons;
  std::string out;  // the items this scratch rendered in the current batch
  Status status;
};

// The compiled templates of the page.
struct Templates {
  CompiledTemplate page, sentence, claim_row, fulltext;
};

// What every claim row and full text is rendered from; read-only while threads render.
struct Page {
  const ReportModel& model;
  const ClaimTable& table;
  const Templates& templates;
  std::vector<bool> text_valid;  // per article: its text is valid UTF-8
  bool grid;
};

// Renders one sentence with sentence.mustache into `scratch->sentence_html`: its segments,
// each with the nested layers covering it. Rendering each sentence on its own keeps the data
// of a row small and lets the same code serve claim cells and full texts.
Status RenderSentence(const CompiledTemplate& sentence_template, const std::string& text,
                      bool text_valid, Span range, Scratch* scratch) {
  TemplateData& data = scratch->sentence_data;
  const Layers& layers = scratch->layers;
  data.Clear();
  std::vector<Span>& spans = scratch->spans;
  spans.clear();
  for (size_t i = 0; i < layers.size(); ++i) spans.push_back(layers[i].span);
  const std::vector<int> levels = AssignNestingLevels(spans);
  const Ref segments = data.SetList(kRoot, "segments");
  std::string& classes = scratch->classes;
  std::string& reason = scratch->reason;
  std::vector<const std::string*>& reasons = scratch->reasons;
  for (const HighlightSegment& segment : SplitIntoSegments(text, range, spans)) {
    const Ref seg = data.AddObject(segments);
    SetCleanSpan(&data, seg, "text", text, text_valid, segment.span);
    data.SetBool(seg, "marked", !segment.layers.empty());
    const Ref nested = data.SetList(seg, "layers");
    reasons.clear();
    for (int i : segment.layers) {
      const Layer& layer = layers[i];
      const Span clipped = SnapToCharacters(text, range, layer.span);
      classes = layer.classes;
      classes += " lv";
      classes += static_cast<char>('0' + std::min(levels[i], 3));
      if (clipped.start == segment.span.start) classes += " first";
      const Ref element = data.AddObject(nested);
      data.Set(element, "classes", classes);
      data.Set(element, "cat", layer.cat);
      if (std::find_if(reasons.begin(), reasons.end(),
                       [&](const std::string* r) { return *r == layer.reason; }) == reasons.end()) {
        reasons.push_back(&layer.reason);
      }
    }
    reason.clear();
    for (const std::string* r : reasons) {
      if (!reason.empty()) reason += '\n';
      reason += *r;
    }
    data.Set(seg, "reason", reason);
  }
  scratch->sentence_html.clear();
  return sentence_template.Render(data, &scratch->sentence_html);
}

// "1 article", "12 articles".
std::string CountOf(long long n, const char* singular, const char* plural) {
  return FormatCount(n) + " " + (n == 1 ? singular : plural);
}

std::string SentenceAnchor(const SentenceRef& ref) {
  return "s-" + std::to_string(ref.article) + "-" + std::to_string(ref.sentence);
}

// "#" + `anchor` (appended rather than concatenated: GCC 12 warns, wrongly, on "#" + string).
std::string Href(std::string_view anchor) {
  std::string href = "#";
  href.append(anchor);
  return href;
}

// Sets `key` of `object` to the article's text as paragraphs of sentences, with whatever lies
// between sentences kept.
Status SetParagraphs(const Page& page, int a, Ref object, Scratch* scratch) {
  const ReportModel& model = page.model;
  TemplateData& data = scratch->data;
  const ReportArticle& article = model.articles[a];
  const std::string& text = article.text;
  std::vector<int> order(article.sentences.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](int x, int y) {
    return article.sentences[x].span.start < article.sentences[y].span.start;
  });

  const Ref paragraphs = data.SetList(object, "paragraphs");
  // The paragraph being filled and its pieces; -1 while no piece is waiting for a paragraph.
  Ref paragraph = -1, pieces = -1;
  bool heading = false;
  auto close_paragraph = [&](bool unsegmented) {
    if (paragraph < 0) return;
    data.SetBool(paragraph, "heading", heading);
    data.SetBool(paragraph, "unsegmented", unsegmented);
    paragraph = pieces = -1;
  };
  auto new_piece = [&] {
    if (paragraph < 0) {
      paragraph = data.AddObject(paragraphs);
      pieces = data.SetList(paragraph, "pieces");
    }
    return data.AddObject(pieces);
  };
  auto plain_piece = [&](const std::string& s) {
    const Ref piece = new_piece();
    data.SetBool(piece, "is_sentence", false);
    data.Set(piece, "text", s);
  };
  // Text outside every sentence is shown as its own paragraph unless it is only whitespace.
  auto loose_text = [&](size_t from, size_t to) {
    if (to <= from) return;
    std::string loose = CollapseSpaces(CleanUtf8(std::string_view(text).substr(from, to - from)));
    if (loose.empty()) return;
    close_paragraph(false);
    heading = false;
    plain_piece(loose);
    close_paragraph(true);
  };

  size_t last_end = 0;
  int paragraph_number = -1;
  for (int s : order) {
    const ReportSentence& sentence = article.sentences[s];
    if (paragraph < 0 || sentence.paragraph != paragraph_number) {
      close_paragraph(false);
      loose_text(last_end, sentence.span.start);
      paragraph_number = sentence.paragraph;
      heading = sentence.heading;
    } else if (sentence.span.start > last_end) {
      std::string gap = CollapseSpaces(
          CleanUtf8(std::string_view(text).substr(last_end, sentence.span.start - last_end)));
      plain_piece(gap.empty() ? " " : " " + gap + " ");
    }
    scratch->layers.Clear();
    AddMarkLayers(sentence, &scratch->marks, &scratch->layers);
    PARALLAX_RETURN_IF_ERROR(
        RenderSentence(page.templates.sentence, text, page.text_valid[a], sentence.span, scratch));
    const SentenceRef ref{a, s};
    const Ref piece = new_piece();
    data.SetBool(piece, "is_sentence", true);
    data.Set(piece, "anchor", SentenceAnchor(ref));
    data.Set(piece, "index", std::to_string(sentence.index));
    data.Set(piece, "html", scratch->sentence_html);
    const int claim = page.table.claim_of_sentence[a][s];
    data.SetBool(piece, "in_claim", claim >= 0);
    if (claim >= 0) {
      data.Set(piece, "claim_anchor", "claim-" + std::to_string(claim));
      data.Set(piece, "claim_number", std::to_string(claim + 1));
    }
    last_end = std::max(last_end, sentence.span.end);
  }
  close_paragraph(false);
  loose_text(last_end, text.size());
  return Status::Ok();
}

int CountMarks(const ReportArticle& article) {
  int n = 0;
  for (const ReportSentence& sentence : article.sentences) n += sentence.marks.size();
  return n;
}

void SetStringList(TemplateData* data, Ref object, std::string_view list_key,
                   const std::vector<std::string>& items, std::string_view key) {
  const Ref list = data->SetList(object, list_key);
  for (const std::string& item : items) SetClean(data, data->AddObject(list), key, item);
}

// Everything shown of an article but its text, set on `out`.
void SetArticleMetadata(const ReportModel& model, int a, TemplateData* data, Ref out) {
  const ReportArticle& article = model.articles[a];
  data->Set(out, "anchor", "art-" + std::to_string(a));
  SetClean(data, out, "id", article.id);
  SetClean(data, out, "source", article.source);
  SetClean(data, out, "title", article.title.empty() ? article.id : article.title);
  SetClean(data, out, "author", article.author);
  data->SetBool(out, "has_author", !article.author.empty());
  SetClean(data, out, "date", article.date);
  data->SetBool(out, "has_date", !article.date.empty());
  SetClean(data, out, "url", article.url);
  data->SetBool(out, "has_url", !article.url.empty());
  data->SetBool(out, "url_is_link", IsHttpUrl(article.url));
  SetClean(data, out, "story", article.story);
  data->SetBool(out, "has_story", !article.story.empty());
  SetStringList(data, out, "tags", article.tags, "tag");
  data->SetBool(out, "has_tags", !article.tags.empty());
  SetStringList(data, out, "notes", article.notes, "note");
  SetStringList(data, out, "warnings", article.warnings, "warning");
  data->SetBool(out, "has_notes", !article.notes.empty() || !article.warnings.empty());
  const int marks = CountMarks(article);
  data->Set(out, "sentences", FormatCount(article.sentences.size()));
  data->Set(out, "marks", FormatCount(marks));
  std::vector<std::string> byline;
  if (!article.author.empty()) byline.push_back(CleanUtf8(article.author));
  if (!article.date.empty()) byline.push_back(CleanUtf8(article.date));
  if (!article.story.empty()) byline.push_back("story " + CleanUtf8(article.story));
  byline.push_back(CountOf(article.sentences.size(), "sentence", "sentences"));
  byline.push_back(CountOf(marks, "mark", "marks"));
  std::string joined;
  for (const std::string& part : byline) {
    if (!joined.empty()) joined += " \xC2\xB7 ";
    joined += part;
  }
  data->Set(out, "byline", joined);
}

std::string_view ArticleLabel(const ReportArticle& article) {
  return article.title.empty() ? article.id : article.title;
}

// Returns true iff `d` is certainty drift (one side states, the other attributes or hedges).
bool IsDrift(const ReportDiscrepancy& d) { return d.kind == "attribution"; }

// `grid`: one cell per source, empty ones included; otherwise only the sources that carry the
// claim, and a count of those that do not. Sets the row's data on the root of scratch->data.

Status SetClaimData(const Page& page, int c, Scratch* scratch) {
  const ReportModel& model = page.model;
  const ClaimTable& table = page.table;
  const bool grid = page.grid;
  TemplateData& data = scratch->data;
  const Ref out = kRoot;
  const ReportClaim& claim = model.claims[c];
  data.Set(out, "anchor", "claim-" + std::to_string(c));
  data.Set(out, "number", std::to_string(c + 1));
  SetClean(&data, out, "id", claim.id);
  data.Set(out, "score", FormatFixed(claim.score, 2));
  data.SetBool(out, "has_note", !claim.note.empty());
  SetClean(&data, out, "note", claim.note);
  data.Set(out, "carried", std::to_string(table.CarryingCount(c)));
  data.Set(out, "omitted", std::to_string(table.OmittingCount(c)));
  data.Set(out, "of", std::to_string(table.sources.size()));
  data.SetBool(out, "grid", grid);
  // Certainty drift ("attribution") is framing, not disagreement: listed with the conflicts
  // but in a calmer style, and it does not mark the row as disagreeing.
  const bool conflicts = std::any_of(claim.discrepancies.begin(), claim.discrepancies.end(),
                                     [](const ReportDiscrepancy& d) { return !IsDrift(d); });
  data.SetBool(out, "has_discrepancies", !claim.discrepancies.empty());
  data.SetBool(out, "has_conflicts", conflicts);
  data.SetBool(out, "has_omissions", table.OmittingCount(c) > 0);
  const Ref discrepancies = data.SetList(out, "discrepancies");
  for (const ReportDiscrepancy& d : claim.discrepancies) {
    const Ref entry = data.AddObject(discrepancies);
    SetClean(&data, entry, "kind", IsDrift(d) ? std::string("certainty") : d.kind);
    data.Set(entry, "kind_class", ClassToken(d.kind));
    data.Set(entry, "flag", IsDrift(d) ? "\u2248" : "\u2260");
    SetClean(&data, entry, "description", d.description);
  }

  const Ref cells = data.SetList(out, "cells");
  for (size_t s = 0; s < table.sources.size(); ++s) {
    const std::span<const SentenceRef> refs = table.Cell(c, s);
    if (!grid && refs.empty()) continue;
    const Ref cell = data.AddObject(cells);
    SetClean(&data, cell, "source", table.sources[s]);
    data.SetBool(cell, "empty", refs.empty());
    const Ref sentences = data.SetList(cell, "sentences");
    for (const SentenceRef& ref : refs) {
      const ReportArticle& article = model.articles[ref.article];
      const ReportSentence& sentence = article.sentences[ref.sentence];
      Layers& layers = scratch->layers;
      layers.Clear();
      AddMarkLayers(sentence, &scratch->marks, &layers);
      bool disputed = false;
      for (const ReportDiscrepancy& d : claim.discrepancies) {
        if (IsDrift(d)) continue;  // framing: its cues are highlighted as attribution marks
        const bool named =
            std::find(d.sentences.begin(), d.sentences.end(), ref) != d.sentences.end();
        for (const ReportDiscrepancySpan& part : d.spans) {
          if (!(part.sentence == ref)) continue;
          disputed = true;
          Layer& layer = layers.Add(part.span);
          layer.classes.append("m c-diff");
          layer.cat.append("diff");
          layer.reason.append("Differs (");
          AppendClean(d.kind, &layer.reason);
          layer.reason.append("): ");
          AppendClean(d.description, &layer.reason);
        }
        disputed = disputed || named;
      }
      PARALLAX_RETURN_IF_ERROR(RenderSentence(page.templates.sentence, article.text,
                                              page.text_valid[ref.article], sentence.span,
                                              scratch));
      const Ref entry = data.AddObject(sentences);
      data.Set(entry, "href", Href(SentenceAnchor(ref)));
      data.Set(entry, "index", std::to_string(sentence.index));
      data.SetBool(entry, "disputed", disputed);
      auto per_source = table.articles_per_source.find(article.source);
      data.SetBool(entry, "show_article",
                   per_source != table.articles_per_source.end() && per_source->second > 1);
      SetClean(&data, entry, "article", ArticleLabel(article));
      data.Set(entry, "html", scratch->sentence_html);
    }
  }
  return Status::Ok();
}

// A "nice" axis maximum: the smallest of 1, 2, 2.5, 5 × 10^k at or above `value`.
double NiceCeiling(double value) {
  if (!(value > 0)) return 1;
  const double power = std::pow(10.0, std::floor(std::log10(value)));
  for (double step : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    if (step * power >= value * (1 - 1e-9)) return step * power;
  }
  return 10 * power;
}

// Chart geometry, in SVG user units (the chart scales to its container).
constexpr double kChartWidth = 600, kLabelWidth = 196, kBarLeft = 204, kBarMaxWidth = 300;
constexpr double kRowHeight = 26, kBarHeight = 15, kChartTop = 24;

// Sets `items` of `ev` to the sentences `refs` name, each a link to the sentence in its full
// text, and `has_items`.
void SetEvidenceItems(const ReportModel& model, const std::vector<SentenceRef>& refs,
                      TemplateData* data, Ref ev) {
  const Ref items = data->SetList(ev, "items");
  bool has_items = false;
  for (const SentenceRef& ref : refs) {
    if (!IsValidRef(model, ref)) continue;
    const ReportArticle& article = model.articles[ref.article];
    const ReportSentence& sentence = article.sentences[ref.sentence];
    const Ref item = data->AddObject(items);
    data->Set(item, "href", Href(SentenceAnchor(ref)));
    data->Set(item, "where",
              CleanUtf8(ArticleLabel(article)) + ", sentence " + std::to_string(sentence.index));
    data->Set(item, "text", ShortenUtf8(CollapseSpaces(sentence.span.Of(article.text)), 320));
    has_items = true;
  }
  data->SetBool(ev, "has_items", has_items);
}

// "distancing 2 · neutral 1": the stances that have marks, in the model's order; a stance
// named twice is shown once with its marks summed.
std::string StanceSummary(const ReportCitedSource& cited) {
  std::vector<std::pair<std::string_view, long long>> merged;
  for (const auto& entry : cited.stances) {
    if (entry.second <= 0) continue;
    const std::string_view stance = entry.first;  // clang's lambdas cannot capture a binding
    auto same = std::find_if(merged.begin(), merged.end(),
                             [stance](const auto& m) { return m.first == stance; });
    if (same == merged.end()) {
      merged.emplace_back(stance, entry.second);
    } else {
      same->second += entry.second;
    }
  }
  std::string out;
  for (const auto& [stance, marks] : merged) {
    if (!out.empty()) out.append(" \xC2\xB7 ");
    AppendClean(stance.empty() ? std::string_view("unspecified") : stance, &out);
    out.append("\xC2\xA0");  // a no-break space: a stance never wraps apart from its count
    out.append(FormatCount(marks));
  }
  return out;
}

// The "Who it cites" table of profile `p`: a row per cited source whose name links to a list of
// its sentences among the profile's evidence, as each bar links to its own (`cited_evidence`).
void AddCitedSources(const ReportModel& model, int p, TemplateData* data, Ref out) {
  const ReportSourceProfile& profile = model.profiles[p];
  data->SetBool(out, "has_cited", !profile.cited.empty());
  data->Set(out, "cited_count", CountOf(profile.cited.size(), "source", "sources"));
  const Ref rows = data->SetList(out, "cited");
  const Ref evidence = data->SetList(out, "cited_evidence");
  for (size_t c = 0; c < profile.cited.size(); ++c) {
    const ReportCitedSource& cited = profile.cited[c];
    const std::string name = CleanUtf8(cited.name);
    const std::string evidence_id = "cited-" + std::to_string(p) + "-" + std::to_string(c);
    const std::string stances = StanceSummary(cited);
    const Ref row = data->AddObject(rows);
    data->Set(row, "href", Href(evidence_id));
    data->Set(row, "name", name);
    // How the outlet wrote it, when that is not the name shown: “Munir”, “General Munir”.
    std::string written_as;
    for (const std::string& form : cited.written_as) {
      const std::string clean = CleanUtf8(form);
      if (clean == name) continue;
      if (!written_as.empty()) written_as += ", ";
      written_as += "\xE2\x80\x9C" + clean + "\xE2\x80\x9D";
    }
    data->SetBool(row, "has_written_as", !written_as.empty());
    data->Set(row, "written_as", written_as);
    SetClean(data, row, "kind", cited.kind);
    data->Set(row, "kind_class", ClassToken(cited.kind));
    data->Set(row, "count", FormatCount(cited.count));
    data->Set(row, "own", FormatCount(cited.own_voice_count));
    data->SetBool(row, "has_stances", !stances.empty());
    data->Set(row, "stances", stances);

    const Ref ev = data->AddObject(evidence);
    data->Set(ev, "id", evidence_id);
    data->Set(ev, "name", name);
    data->Set(ev, "count", CountOf(cited.count, "citation", "citations"));
    data->Set(ev, "own", FormatCount(cited.own_voice_count));
    data->Set(ev, "n", CountOf(cited.evidence.size(), "sentence", "sentences"));
    SetEvidenceItems(model, cited.evidence, data, ev);
  }
}

void AddProfile(const ReportModel& model, int p, double scale_max, TemplateData* data,
                Ref profiles) {
  const ReportSourceProfile& profile = model.profiles[p];
  const Ref out = data->AddObject(profiles);
  SetClean(data, out, "source", profile.source);
  data->Set(out, "anchor", "profile-" + std::to_string(p));
  data->Set(out, "chart_id", "chart-" + std::to_string(p));
  data->Set(out, "meta",
            CountOf(profile.articles, "article", "articles") + " \xC2\xB7 " +
                CountOf(profile.sentences, "sentence", "sentences") + " \xC2\xB7 " +
                CountOf(profile.words, "word", "words"));
  data->Set(out, "width", FormatFixed(kChartWidth, 0));
  const double height = kChartTop + kRowHeight * profile.bars.size() + 6;
  data->Set(out, "height", FormatFixed(height, 0));
  data->Set(out, "bar_left", FormatFixed(kBarLeft, 0));
  data->Set(out, "label_x", FormatFixed(kLabelWidth, 0));
  data->Set(out, "axis_bottom", FormatFixed(height - 4, 0));
  data->SetBool(out, "has_bars", !profile.bars.empty());

  const Ref ticks = data->SetList(out, "ticks");
  for (int t = 0; t <= 4; ++t) {
    const double value = scale_max * t / 4;
    const Ref tick = data->AddObject(ticks);
    data->Set(tick, "x", FormatFixed(kBarLeft + kBarMaxWidth * t / 4, 1));
    data->Set(tick, "label", FormatFixed(value, scale_max < 4 ? 2 : (scale_max < 40 ? 1 : 0)));
  }

  const Ref rows = data->SetList(out, "rows");
  const Ref evidence = data->SetList(out, "evidence");
  for (size_t b = 0; b < profile.bars.size(); ++b) {
    const ReportProfileBar& bar = profile.bars[b];
    const double total = std::max(0.0, bar.per_1000_words);
    const double own = std::clamp(bar.own_voice_per_1000_words, 0.0, total);
    const double y = kChartTop + kRowHeight * b;
    const std::string label = CleanUtf8(bar.label);
    const std::string rate = FormatFixed(total, 1);
    const std::string evidence_id = "ev-" + std::to_string(p) + "-" + std::to_string(b);
    const Ref row = data->AddObject(rows);
    data->Set(row, "href", Href(evidence_id));
    data->Set(row, "label", label);
    data->Set(row, "cat", ClassToken(bar.category));
    data->Set(row, "y", FormatFixed(y, 1));
    data->Set(row, "bar_y", FormatFixed(y + (kRowHeight - kBarHeight) / 2 - 2, 1));
    data->Set(row, "text_y", FormatFixed(y + kRowHeight / 2 + 2, 1));
    data->Set(row, "bar_h", FormatFixed(kBarHeight, 0));
    data->Set(row, "row_w", FormatFixed(kChartWidth, 0));
    data->Set(row, "row_h", FormatFixed(kRowHeight, 0));
    const double own_w = kBarMaxWidth * own / scale_max;
    const double all_w = kBarMaxWidth * total / scale_max;
    data->Set(row, "own_w", FormatFixed(own_w, 1));
    data->Set(row, "quoted_x", FormatFixed(kBarLeft + own_w, 1));
    data->Set(row, "quoted_w", FormatFixed(all_w - own_w, 1));
    data->Set(row, "value_x", FormatFixed(kBarLeft + all_w + 6, 1));
    data->Set(row, "value", rate + " (" + std::to_string(bar.count) + ")");
    data->Set(row, "title",
              label + ": " + rate + " per 1,000 words, " + std::to_string(bar.count) + " marks, " +
                  std::to_string(bar.own_voice_count) +
                  " in the outlet's own voice. Follow the link for the sentences.");

    const Ref ev = data->AddObject(evidence);
    data->Set(ev, "id", evidence_id);
    data->Set(ev, "label", label);
    data->Set(ev, "rate", rate);
    data->Set(ev, "count", std::to_string(bar.count));
    data->Set(ev, "own", std::to_string(bar.own_voice_count));
    data->Set(ev, "n", std::to_string(bar.evidence.size()));
    SetEvidenceItems(model, bar.evidence, data, ev);
  }
  AddCitedSources(model, p, data, out);
}

void SetLegend(const ReportModel& model, TemplateData* data) {
  std::map<std::string, int> counts;
  for (const ReportArticle& article : model.articles) {
    for (const ReportSentence& sentence : article.sentences) {
      for (const ReportMark& mark : sentence.marks) ++counts[mark.category];
    }
  }
  std::vector<std::string> names = KnownCategoryNames();
  for (const auto& [name, count] : counts) {
    if (!IsKnownCategory(name)) names.push_back(name);
  }
  const Ref entries = data->SetList(kRoot, "legend");
  for (const std::string& name : names) {
    const Ref entry = data->AddObject(entries);
    data->Set(entry, "cat", ClassToken(name));
    data->Set(entry, "classes",
              "m c-" + ClassToken(name) + (IsKnownCategory(name) ? "" : " c-other"));
    data->Set(entry, "label", CategoryLabel(name));
    data->Set(entry, "letter", CategoryLetter(name));
    data->Set(entry, "description", CategoryDescription(name));
    data->Set(entry, "count", FormatCount(counts.count(name) ? counts[name] : 0));
  }
}

// Stand-ins for the two long parts of the page, claim rows and full texts: the page around them
// is rendered once with these in their places, then streamed with the parts rendered in
// batches. The nonce keeps article text (which could hold any bytes) from posing as one.
struct PartMarkers {
  std::string claims, fulltexts;
};

PartMarkers MakePartMarkers() {
  std::random_device random;
  const std::string nonce = std::to_string(random()) + "-" + std::to_string(random());
  return {"\x01parallax-claims-" + nonce + "\x01", "\x01parallax-texts-" + nonce + "\x01"};
}

// Renders items [0, n) with `render(i, scratch)` (appending to scratch->out) in batches of
// `options.batch`. A batch is cut into slices, several per thread so that a long article does
// not leave the other threads idle; slice k always uses scratches[k], whose buffers stay warm
// from batch to batch. Slices reach `sink` in order, so the page does not depend on the number
// of threads.
template <typename RenderItem>
Status StreamParts(size_t n, const HtmlOptions& options, std::vector<Scratch>* scratches,
                   const HtmlSink& sink, RenderItem render) {
  const size_t batch = std::max<size_t>(1, options.batch);
  const int threads = std::max(1, options.threads);
  for (size_t first = 0; first < n; first += batch) {
    const size_t count = std::min(batch, n - first);
    const size_t slices = std::min(scratches->size(), count);
    ParallelFor(slices, threads, [&](size_t k) {
      Scratch& scratch = (*scratches)[k];
      scratch.out.clear();
      scratch.status = Status::Ok();
      for (size_t i = count * k / slices; i < count * (k + 1) / slices; ++i) {
        scratch.status = render(first + i, &scratch);
        if (!scratch.status.ok()) return;
      }
    });
    // One write per slice: a sink per claim row would cost a system call per row.
    for (size_t k = 0; k < slices; ++k) {
      PARALLAX_RETURN_IF_ERROR((*scratches)[k].status);
      PARALLAX_RETURN_IF_ERROR(sink((*scratches)[k].out));
    }
  }
  return Status::Ok();
}

StatusOr<Templates> CompileTemplates(std::map<std::string, std::string>& files) {
  // Each template may include the others as partials ({{> sentence}}), as report.mustache
  // always could.
  auto partials_of = [&](const std::string& self) {
    std::map<std::string, std::string> partials;
    for (const char* file : {"report", "sentence", "claim_row", "fulltext"}) {
      if (file != self) partials.emplace(file, files[std::string(file) + ".mustache"]);
    }
    return partials;
  };
  Templates out;
  PARALLAX_ASSIGN_OR_RETURN(
      out.sentence, CompiledTemplate::Compile("sentence.mustache", files["sentence.mustache"],
                                              partials_of("sentence")));
  PARALLAX_ASSIGN_OR_RETURN(
      out.claim_row, CompiledTemplate::Compile("claim_row.mustache", files["claim_row.mustache"],
                                               partials_of("claim_row")));
  PARALLAX_ASSIGN_OR_RETURN(
      out.fulltext, CompiledTemplate::Compile("fulltext.mustache", files["fulltext.mustache"],
                                              partials_of("fulltext")));
  PARALLAX_ASSIGN_OR_RETURN(out.page,
                            CompiledTemplate::Compile("report.mustache", files["report.mustache"],
                                                      partials_of("report")));
  return out;
}

}  // namespace

Status RenderHtmlTo(const ReportModel& model, const std::string& templates_dir,
                    const HtmlOptions& options, const HtmlSink& sink) {
  PARALLAX_RETURN_IF_ERROR(ValidateReportModel(model));
  PARALLAX_ASSIGN_OR_RETURN(
      auto files,
      LoadTemplates(templates_dir, {"report.mustache", "sentence.mustache", "claim_row.mustache",
                                    "fulltext.mustache", "report.css", "report.js"}));
  PARALLAX_ASSIGN_OR_RETURN(const Templates templates, CompileTemplates(files));
  const ClaimTable table = BuildClaimTable(model);

  TemplateData root;
  root.Set(kRoot, "css", files["report.css"]);
  root.Set(kRoot, "js", files["report.js"]);
  AddProvenance(model.title.empty() ? "Parallax report" : model.title, model.parallax_version,
                model.lexicon_digest, model.rules_digest, model.generated_at, &root);
  SetStringList(&root, kRoot, "notices", model.notices, "text");
  root.SetBool(kRoot, "has_notices", !model.notices.empty());

  int sentences = 0, marks = 0, shared = 0, discrepancies = 0;
  for (const ReportArticle& article : model.articles) {
    sentences += article.sentences.size();
    marks += CountMarks(article);
  }
  int claim_count = 0;  // related sentences (topic claims) are listed but are not claims
  for (size_t c = 0; c < model.claims.size(); ++c) {
    if (model.claims[c].related) continue;
    ++claim_count;
    discrepancies += model.claims[c].discrepancies.size();
    if (table.OmittingCount(c) == 0) ++shared;
  }
  const Ref summary = root.SetList(kRoot, "summary");
  AddSummaryItem(table.sources.size(), "source", "sources", &root, summary);
  AddSummaryItem(model.articles.size(), "article", "articles", &root, summary);
  AddSummaryItem(sentences, "sentence", "sentences", &root, summary);
  AddSummaryItem(marks, "mark", "marks", &root, summary);
  AddSummaryItem(claim_count, "claim", "claims", &root, summary);
  AddSummaryItem(discrepancies, "discrepancy", "discrepancies", &root, summary);
  root.Set(kRoot, "claims_summary",
           FormatCount(shared) + " carried by every source, " + FormatCount(claim_count - shared) +
               " omitted by some");

  SetLegend(model, &root);
  SetStringList(&root, kRoot, "columns", table.sources, "name");
  root.Set(kRoot, "n_columns", std::to_string(table.sources.size() + 1));
  root.Set(kRoot, "n_sources", FormatCount(table.sources.size()));
  const bool grid = table.sources.size() <= options.max_source_columns;
  root.SetBool(kRoot, "grid", grid);

  // The page around the long parts: every article's metadata (the sources table), and one
  // marker standing for all claim rows, one for all full texts.
  const PartMarkers markers = MakePartMarkers();
  const Ref articles = root.SetList(kRoot, "articles");
  for (size_t a = 0; a < model.articles.size(); ++a) {
    const Ref article = root.AddObject(articles);
    SetArticleMetadata(model, a, &root, article);
    root.Set(article, "fulltext_html", a == 0 ? markers.fulltexts : std::string());
  }
  root.SetBool(kRoot, "has_articles", !model.articles.empty());
  const Ref claims = root.SetList(kRoot, "claims");
  if (!model.claims.empty()) root.Set(root.AddObject(claims), "html", markers.claims);
  root.SetBool(kRoot, "has_claims", !model.claims.empty());

  double max_rate = 0;
  for (const ReportSourceProfile& profile : model.profiles) {
    for (const ReportProfileBar& bar : profile.bars)
      max_rate = std::max(max_rate, bar.per_1000_words);
  }
  const double scale_max = NiceCeiling(max_rate);
  const Ref profiles = root.SetList(kRoot, "profiles");
  for (size_t p = 0; p < model.profiles.size(); ++p) {
    AddProfile(model, p, scale_max, &root, profiles);
  }
  root.SetBool(kRoot, "has_profiles", !model.profiles.empty());
  std::string page;
  PARALLAX_RETURN_IF_ERROR(templates.page.Render(root, &page));

  // Each marker appears once when its part is in the template; a template may leave one out.
  struct Part {
    size_t at;
    size_t length;
    bool claims;
  };
  std::vector<Part> parts;
  for (bool is_claims : {true, false}) {
    const std::string& marker = is_claims ? markers.claims : markers.fulltexts;
    const size_t at = page.find(marker);
    if (at == std::string::npos) continue;
    if (page.find(marker, at + marker.size()) != std::string::npos) {
      return Status::InvalidInput("report template 'report.mustache': the " +
                                  std::string(is_claims ? "claims" : "articles' full texts") +
                                  " must be shown once");
    }
    parts.push_back({at, marker.size(), is_claims});
  }
  std::sort(parts.begin(), parts.end(), [](const Part& x, const Part& y) { return x.at < y.at; });

  Page context{model, table, templates, std::vector<bool>(model.articles.size()), grid};
  for (size_t a = 0; a < model.articles.size(); ++a) {
    context.text_valid[a] = !FindInvalidUtf8(model.articles[a].text).has_value();
  }
  auto render_claim = [&](size_t c, Scratch* scratch) -> Status {
    scratch->data.Clear();
    PARALLAX_RETURN_IF_ERROR(SetClaimData(context, c, scratch));
    return templates.claim_row.Render(scratch->data, &scratch->out);
  };
  auto render_fulltext = [&](size_t a, Scratch* scratch) -> Status {
    scratch->data.Clear();
    SetArticleMetadata(model, a, &scratch->data, kRoot);
    PARALLAX_RETURN_IF_ERROR(SetParagraphs(context, a, kRoot, scratch));
    return templates.fulltext.Render(scratch->data, &scratch->out);
  };
  // Four slices per thread balance uneven items without many more buffers.
  const int threads = std::max(1, options.threads);
  std::vector<Scratch> scratches(threads == 1 ? 1 : 4 * static_cast<size_t>(threads));
  size_t done = 0;
  for (const Part& part : parts) {
    PARALLAX_RETURN_IF_ERROR(sink(std::string_view(page).substr(done, part.at - done)));
    if (part.claims) {
      PARALLAX_RETURN_IF_ERROR(
          StreamParts(model.claims.size(), options, &scratches, sink, render_claim));
    } else {
      PARALLAX_RETURN_IF_ERROR(
          StreamParts(model.articles.size(), options, &scratches, sink, render_fulltext));
    }
    done = part.at + part.length;
  }
  return sink(std::string_view(page).substr(done));
}

StatusOr<std::string> RenderHtml(const ReportModel& model, const std::string& templates_dir,
                                 const HtmlOptions& options) {
  std::string out;
  PARALLAX_RETURN_IF_ERROR(RenderHtmlTo(model, templates_dir, options, [&](std::string_view part) {
    out.append(part);
    return Status::Ok();
  }));
  return out;
}

}  // namespace parallax
