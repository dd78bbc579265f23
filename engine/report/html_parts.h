// The parts of the HTML report page (RenderHtmlTo, report.h), shared by the files that build its
// template data:
//   - html_report.cc: the page around the long parts, claim rows, and the batched streaming;
//   - sentence_html.cc: sentence highlighting (marks, cited sources, differing words as nested
//     layers) and the articles' full texts;
//   - profile_chart.cc: the source profiles, a bar chart each (SVG geometry), and "who it cites";
//   - outlet_summary.cc: the claims view's groups and order, and the first screen's summary of
//     each outlet (what it carries, omits, where it conflicts, how it frames).
// All markup lives in the templates (reports/templates); these files compute what they show.
// Every string from the model reaches the page through mustache's escaping `{{...}}`, with
// invalid UTF-8 replaced (SetClean).
//
// Internal to the report module.
//
// Thread safety: a Page is read-only while threads render; each thread renders with a Scratch
// of its own.
#ifndef PARALLAX_ENGINE_REPORT_HTML_PARTS_H_
#define PARALLAX_ENGINE_REPORT_HTML_PARTS_H_

#include <string>
#include <string_view>
#include <vector>

#include "engine/base/status.h"
#include "engine/base/utf8.h"
#include "engine/report/claim_table.h"
#include "engine/report/compiled_template.h"
#include "engine/report/format.h"
#include "engine/report/report_model.h"

namespace parallax::html {

using Ref = TemplateData::Ref;
inline constexpr Ref kRoot = TemplateData::kRoot;

// Sets `key` to `text` with invalid UTF-8 replaced (CleanUtf8), copying only once when the
// text is valid, as it nearly always is.
inline void SetClean(TemplateData* data, Ref object, std::string_view key, std::string_view text) {
  if (!FindInvalidUtf8(text).has_value()) {
    data->Set(object, key, text);
  } else {
    data->Set(object, key, CleanUtf8(text));
  }
}

// `text` appended with invalid UTF-8 replaced.
inline void AppendClean(std::string_view text, std::string* out) {
  if (!FindInvalidUtf8(text).has_value()) {
    out->append(text);
  } else {
    out->append(CleanUtf8(text));
  }
}

// Sets `list_key` of `object` to a list of objects, each with `key` set to one of `items`.
inline void SetStringList(TemplateData* data, Ref object, std::string_view list_key,
                          const std::vector<std::string>& items, std::string_view key) {
  const Ref list = data->SetList(object, list_key);
  for (const std::string& item : items) SetClean(data, data->AddObject(list), key, item);
}

// "1 article", "12 articles".
inline std::string CountOf(long long n, const char* singular, const char* plural) {
  return FormatCount(n) + " " + (n == 1 ? singular : plural);
}

// The id of a sentence in its article's full text: "s-<article>-<sentence>".
inline std::string SentenceAnchor(const SentenceRef& ref) {
  return "s-" + std::to_string(ref.article) + "-" + std::to_string(ref.sentence);
}

// "#" + `anchor` (appended rather than concatenated: GCC 12 warns, wrongly, on "#" + string).
inline std::string Href(std::string_view anchor) {
  std::string href = "#";
  href.append(anchor);
  return href;
}

// How an article is named where its sentences are quoted: its title, else its id.
inline std::string_view ArticleLabel(const ReportArticle& article) {
  return article.title.empty() ? article.id : article.title;
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

// The groups of the claims view, in page order: claims shared by several sources (a table,
// open), related sentences (a table in a closed <details>), then per source the sentences no
// other source carries (a list in a closed <details> each).
enum class ClaimGroup { kShared, kRelated, kSingle };

// Where each claim shows in the claims view, and what the filters and the first screen need to
// know about it. Vectors indexed by claim position in ReportModel::claims, except `order`.
struct ClaimLayout {
  std::vector<int> order;          // claim positions in page order
  std::vector<ClaimGroup> group;   // the group each claim shows in
  std::vector<int> single_source;  // kSingle: the column of its one source; else -1
  std::vector<bool> conflict;      // it has a discrepancy other than certainty drift
  std::vector<bool> drift;         // it has certainty drift
  // The columns of the sources whose versions take part in a conflict / a certainty drift.
  std::vector<std::vector<uint32_t>> conflict_sources, drift_sources;
};

// Returns the layout of `model`'s claims. Shared claims come first, those with a conflict first,
// then those with certainty drift, then by the number of sources carrying them (most first);
// ties keep the model's order. Related sentences follow in the model's order, then the
// single-source sentences by source column, each source's in the model's order.
ClaimLayout LayOutClaims(const ReportModel& model, const ClaimTable& table);

// Returns true iff `d` is certainty drift (one side states, the other attributes or hedges).
inline bool IsDrift(const ReportDiscrepancy& d) { return d.kind == "attribution"; }

// Sets the first screen's data on the root of `data`: "outlets" (per source: what it carries,
// what it omits that others carry, its conflicts and certainty drifts, its framing in one line,
// each with links into the evidence), "disagreements" (the conflicts, then the drifts, each
// linking to its claim) and the counts the filters show.
void SetOutletSummary(const ReportModel& model, const ClaimTable& table, const ClaimLayout& layout,
                      TemplateData* data);

// What every claim row and full text is rendered from; read-only while threads render.
struct Page {
  const ReportModel& model;
  const ClaimTable& table;
  const Templates& templates;
  const ClaimLayout& layout;
  std::vector<bool> text_valid;  // per article: its text is valid UTF-8
  bool grid;
};

// sentence_html.cc

// Adds a layer per mark of `sentence` (in MarksInOrder order) and one per cited source span.
// `marks` is scratch space.
void AddMarkLayers(const ReportSentence& sentence, std::vector<const ReportMark*>* marks,
                   Layers* layers);

// Renders one sentence (`range` of `text`) with sentence.mustache into
// `scratch->sentence_html`: its segments, each with the nested layers of `scratch->layers`
// covering it. `text_valid`: `text` is valid UTF-8 as a whole. `focusable`: each highlight is a
// tab stop (tabindex="0"), so that the keyboard shows its reason; claim cells only, so that the
// full texts do not add hundreds of tab stops (their highlights show the reason on hover, and
// the script gives it to screen readers as aria-description).
Status RenderSentence(const CompiledTemplate& sentence_template, const std::string& text,
                      bool text_valid, Span range, bool focusable, Scratch* scratch);

// The number of marks over all sentences of `article`.
int CountMarks(const ReportArticle& article);

// Everything shown of article `a` but its text, set on `out`.
void SetArticleMetadata(const ReportModel& model, int a, TemplateData* data, Ref out);

// Sets "paragraphs" of `object` in scratch->data to article `a`'s text as paragraphs of
// highlighted sentences, with whatever lies between sentences kept.
Status SetParagraphs(const Page& page, int a, Ref object, Scratch* scratch);

// profile_chart.cc

// Sets "profiles" (a bar chart and a "who it cites" table each, on one scale) and
// "has_profiles" on the root of `data`.
void SetProfiles(const ReportModel& model, TemplateData* data);

}  // namespace parallax::html

#endif  // PARALLAX_ENGINE_REPORT_HTML_PARTS_H_
