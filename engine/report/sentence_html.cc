// Sentence highlighting and full texts of the HTML report (html_parts.h): a sentence's marks,
// cited sources and differing words become nested layers, rendered segment by segment with
// sentence.mustache; an article's full text is its paragraphs of rendered sentences.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "engine/report/highlight.h"
#include "engine/report/html_parts.h"
#include "engine/report/page_parts.h"
#include "engine/report/report.h"

namespace parallax::html {
namespace {

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

}  // namespace

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

// Renders one sentence with sentence.mustache into `scratch->sentence_html`: its segments,
// each with the nested layers covering it. Rendering each sentence on its own keeps the data
// of a row small and lets the same code serve claim cells and full texts.
Status RenderSentence(const CompiledTemplate& sentence_template, const std::string& text,
                      bool text_valid, Span range, bool focusable, Scratch* scratch) {
  TemplateData& data = scratch->sentence_data;
  const Layers& layers = scratch->layers;
  data.Clear();
  data.SetBool(kRoot, "focusable", focusable);
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
    PARALLAX_RETURN_IF_ERROR(RenderSentence(page.templates.sentence, text, page.text_valid[a],
                                            sentence.span,
                                            /*focusable=*/false, scratch));
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
      data.Set(piece, "claim_label", ClaimLabel(page.model.claims[claim].id));
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

}  // namespace parallax::html
