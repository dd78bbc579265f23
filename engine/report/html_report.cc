// RenderHtml: builds the mustache view of a ReportModel and renders reports/templates.
//
// All markup lives in the templates; this file computes what they show: highlight segments
// (highlight.h), claim cells (claim_table.h), chart geometry, labels and counts. Every string
// from the model reaches the page through mustache's escaping `{{...}}`.
#include <algorithm>
#include <cmath>
#include <kainjow/mustache.hpp>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "engine/base/parallel_for.h"
#include "engine/report/claim_table.h"
#include "engine/report/format.h"
#include "engine/report/highlight.h"
#include "engine/report/page_parts.h"
#include "engine/report/report.h"
#include "engine/report/templates.h"

namespace parallax {
namespace {

namespace mustache = kainjow::mustache;
using mustache::data;

// One highlight over a sentence: a mark, the source an attribution cites, or the words on which
// two versions of a claim differ.
struct Layer {
  Span span;
  std::string classes;  // CSS classes of the element drawn for it
  std::string cat;      // data-cat: the category a show/hide toggle acts on
  std::string reason;   // the explanation shown on hover and focus
};

std::string MarkReason(const ReportMark& mark) {
  std::string reason = CategoryLabel(mark.category);
  if (mark.negated) reason += " (negated)";
  reason += " \xC2\xB7 cue \xE2\x80\x9C" + CleanUtf8(mark.cue) + "\xE2\x80\x9D";
  if (!mark.entry.empty()) {
    reason += " \xC2\xB7 entry \xE2\x80\x9C" + CleanUtf8(mark.entry) + "\xE2\x80\x9D";
    if (!mark.lexicon.empty()) reason += " in " + CleanUtf8(mark.lexicon);
  }
  if (!mark.stance.empty()) reason += " \xC2\xB7 stance: " + CleanUtf8(mark.stance);
  if (!mark.source_kind.empty()) reason += " \xC2\xB7 source: " + CleanUtf8(mark.source_kind);
  if (!mark.polarity.empty()) reason += " \xC2\xB7 polarity: " + CleanUtf8(mark.polarity);
  if (mark.voice == "quoted") {
    reason += " \xC2\xB7 voice: inside quoted speech";
  } else if (!mark.voice.empty()) {
    reason += " \xC2\xB7 voice: the outlet's own";
  }
  return reason;
}

void AddMarkLayers(const ReportSentence& sentence, std::vector<Layer>* layers) {
  for (const ReportMark* mark : MarksInOrder(sentence)) {
    std::string classes = "m c-" + ClassToken(mark->category);
    if (!IsKnownCategory(mark->category)) classes += " c-other";
    if (mark->negated) classes += " neg";
    if (mark->voice == "quoted") classes += " quoted";
    layers->push_back({mark->span, classes, ClassToken(mark->category), MarkReason(*mark)});
    if (mark->source.has_value() && !mark->source->empty()) {
      std::string reason = "Cited source";
      if (!mark->source_kind.empty()) reason += " (" + CleanUtf8(mark->source_kind) + ")";
      reason += " of \xE2\x80\x9C" + CleanUtf8(mark->cue) + "\xE2\x80\x9D";
      layers->push_back({*mark->source, "m c-src", ClassToken(mark->category), reason});
    }
  }
}

// The segments of one sentence, each with the nested layers covering it, rendered at once with
// sentence.mustache. Rendering each sentence on its own keeps the page's data tree small: a
// report of a thousand articles would otherwise hold hundreds of thousands of mustache objects
// (gigabytes) before the first byte is written.
std::string SentenceHtml(mustache::mustache& sentence_template, const std::string& text, Span range,
                         const std::vector<Layer>& layers) {
  std::vector<Span> spans;
  for (const Layer& layer : layers) spans.push_back(layer.span);
  const std::vector<int> levels = AssignNestingLevels(spans);
  mustache::list segments;
  for (const HighlightSegment& segment : SplitIntoSegments(text, range, spans)) {
    data seg;
    seg.set("text", CleanUtf8(segment.span.Of(text)));
    seg.set("marked", !segment.layers.empty());
    mustache::list nested;
    std::vector<std::string> reasons;
    for (int i : segment.layers) {
      const Layer& layer = layers[i];
      const Span clipped = SnapToCharacters(text, range, layer.span);
      std::string classes = layer.classes + " lv" + std::to_string(std::min(levels[i], 3));
      if (clipped.start == segment.span.start) classes += " first";
      data element;
      element.set("classes", classes);
      element.set("cat", layer.cat);
      nested.push_back(std::move(element));
      if (std::find(reasons.begin(), reasons.end(), layer.reason) == reasons.end()) {
        reasons.push_back(layer.reason);
      }
    }
    std::string reason;
    for (const std::string& r : reasons) reason += (reason.empty() ? "" : "\n") + r;
    seg.set("layers", nested);
    seg.set("reason", reason);
    segments.push_back(std::move(seg));
  }
  data root;
  root.set("segments", segments);
  return sentence_template.render(root);
}

// "1 article", "12 articles".
std::string CountOf(long long n, const char* singular, const char* plural) {
  return FormatCount(n) + " " + (n == 1 ? singular : plural);
}

std::string SentenceAnchor(const SentenceRef& ref) {
  return "s-" + std::to_string(ref.article) + "-" + std::to_string(ref.sentence);
}

// The article's text as paragraphs of sentences, with whatever lies between sentences kept.
data ParagraphsData(const ReportModel& model, int a, const ClaimTable& table,
                    mustache::mustache& sentence_template) {
  const ReportArticle& article = model.articles[a];
  const std::string& text = article.text;
  std::vector<int> order(article.sentences.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](int x, int y) {
    return article.sentences[x].span.start < article.sentences[y].span.start;
  });

  mustache::list paragraphs;
  mustache::list pieces;
  bool heading = false;
  auto close_paragraph = [&](bool unsegmented) {
    if (pieces.empty()) return;
    data paragraph;
    paragraph.set("heading", heading);
    paragraph.set("unsegmented", unsegmented);
    paragraph.set("pieces", pieces);
    paragraphs.push_back(std::move(paragraph));
    pieces.clear();
  };
  auto plain_piece = [](const std::string& s) {
    data piece;
    piece.set("is_sentence", false);
    piece.set("text", s);
    return piece;
  };
  // Text outside every sentence is shown as its own paragraph unless it is only whitespace.
  auto loose_text = [&](size_t from, size_t to) {
    if (to <= from) return;
    std::string loose = CollapseSpaces(CleanUtf8(std::string_view(text).substr(from, to - from)));
    if (loose.empty()) return;
    close_paragraph(false);
    heading = false;
    pieces.push_back(plain_piece(loose));
    close_paragraph(true);
  };

  size_t last_end = 0;
  int paragraph_number = -1;
  for (int s : order) {
    const ReportSentence& sentence = article.sentences[s];
    if (pieces.empty() || sentence.paragraph != paragraph_number) {
      close_paragraph(false);
      loose_text(last_end, sentence.span.start);
      paragraph_number = sentence.paragraph;
      heading = sentence.heading;
    } else if (sentence.span.start > last_end) {
      std::string gap = CollapseSpaces(
          CleanUtf8(std::string_view(text).substr(last_end, sentence.span.start - last_end)));
      pieces.push_back(plain_piece(gap.empty() ? " " : " " + gap + " "));
    }
    std::vector<Layer> layers;
    AddMarkLayers(sentence, &layers);
    const SentenceRef ref{a, s};
    data piece;
    piece.set("is_sentence", true);
    piece.set("anchor", SentenceAnchor(ref));
    piece.set("index", std::to_string(sentence.index));
    piece.set("html", SentenceHtml(sentence_template, text, sentence.span, layers));
    auto claim = table.claim_of_sentence.find({a, s});
    piece.set("in_claim", claim != table.claim_of_sentence.end());
    if (claim != table.claim_of_sentence.end()) {
      piece.set("claim_anchor", "claim-" + std::to_string(claim->second));
      piece.set("claim_number", std::to_string(claim->second + 1));
    }
    pieces.push_back(std::move(piece));
    last_end = std::max(last_end, sentence.span.end);
  }
  close_paragraph(false);
  loose_text(last_end, text.size());
  return data(paragraphs);
}

int CountMarks(const ReportArticle& article) {
  int n = 0;
  for (const ReportSentence& sentence : article.sentences) n += sentence.marks.size();
  return n;
}

data StringList(const std::vector<std::string>& items, const std::string& key) {
  mustache::list list;
  for (const std::string& item : items) {
    data entry;
    entry.set(key, CleanUtf8(item));
    list.push_back(std::move(entry));
  }
  return data(list);
}

// Everything shown of an article but its text.
data ArticleMetadata(const ReportModel& model, int a) {
  const ReportArticle& article = model.articles[a];
  data out;
  out.set("anchor", "art-" + std::to_string(a));
  out.set("id", CleanUtf8(article.id));
  out.set("source", CleanUtf8(article.source));
  out.set("title", CleanUtf8(article.title.empty() ? article.id : article.title));
  out.set("author", CleanUtf8(article.author));
  out.set("has_author", !article.author.empty());
  out.set("date", CleanUtf8(article.date));
  out.set("has_date", !article.date.empty());
  out.set("url", CleanUtf8(article.url));
  out.set("has_url", !article.url.empty());
  out.set("url_is_link", IsHttpUrl(article.url));
  out.set("story", CleanUtf8(article.story));
  out.set("has_story", !article.story.empty());
  out.set("tags", StringList(article.tags, "tag"));
  out.set("has_tags", !article.tags.empty());
  out.set("notes", StringList(article.notes, "note"));
  out.set("warnings", StringList(article.warnings, "warning"));
  out.set("has_notes", !article.notes.empty() || !article.warnings.empty());
  out.set("sentences", FormatCount(article.sentences.size()));
  out.set("marks", FormatCount(CountMarks(article)));
  std::vector<std::string> byline;
  if (!article.author.empty()) byline.push_back(CleanUtf8(article.author));
  if (!article.date.empty()) byline.push_back(CleanUtf8(article.date));
  if (!article.story.empty()) byline.push_back("story " + CleanUtf8(article.story));
  byline.push_back(CountOf(article.sentences.size(), "sentence", "sentences"));
  byline.push_back(CountOf(CountMarks(article), "mark", "marks"));
  std::string joined;
  for (const std::string& part : byline) joined += (joined.empty() ? "" : " \xC2\xB7 ") + part;
  out.set("byline", joined);
  return out;
}

std::string ArticleLabel(const ReportModel& model, int a) {
  const ReportArticle& article = model.articles[a];
  return CleanUtf8(article.title.empty() ? article.id : article.title);
}

// `grid`: one cell per source, empty ones included; otherwise only the sources that carry the
// claim, and a count of those that do not.
data ClaimData(const ReportModel& model, const ClaimTable& table, int c, bool grid,
               mustache::mustache& sentence_template) {
  const ReportClaim& claim = model.claims[c];
  const ClaimRow& row = table.rows[c];
  data out;
  out.set("anchor", "claim-" + std::to_string(c));
  out.set("number", std::to_string(c + 1));
  out.set("id", CleanUtf8(claim.id));
  out.set("score", FormatFixed(claim.score, 2));
  out.set("has_note", !claim.note.empty());
  out.set("note", CleanUtf8(claim.note));
  out.set("carried", std::to_string(row.sources_carrying.size()));
  out.set("omitted", std::to_string(row.sources_omitting.size()));
  out.set("of", std::to_string(table.sources.size()));
  out.set("grid", grid);
  out.set("has_discrepancies", !claim.discrepancies.empty());
  out.set("has_omissions", !row.sources_omitting.empty());
  mustache::list discrepancies;
  for (const ReportDiscrepancy& d : claim.discrepancies) {
    data entry;
    entry.set("kind", CleanUtf8(d.kind));
    entry.set("kind_class", ClassToken(d.kind));
    entry.set("description", CleanUtf8(d.description));
    discrepancies.push_back(std::move(entry));
  }
  out.set("discrepancies", discrepancies);

  mustache::list cells;
  for (size_t s = 0; s < table.sources.size(); ++s) {
    if (!grid && row.cells[s].empty()) continue;
    data cell;
    cell.set("source", CleanUtf8(table.sources[s]));
    cell.set("empty", row.cells[s].empty());
    mustache::list sentences;
    for (const SentenceRef& ref : row.cells[s]) {
      const ReportArticle& article = model.articles[ref.article];
      const ReportSentence& sentence = article.sentences[ref.sentence];
      std::vector<Layer> layers;
      AddMarkLayers(sentence, &layers);
      bool disputed = false;
      for (const ReportDiscrepancy& d : claim.discrepancies) {
        const bool named =
            std::find(d.sentences.begin(), d.sentences.end(), ref) != d.sentences.end();
        for (const ReportDiscrepancySpan& part : d.spans) {
          if (!(part.sentence == ref)) continue;
          disputed = true;
          layers.push_back({part.span, "m c-diff", "diff",
                            "Differs (" + CleanUtf8(d.kind) + "): " + CleanUtf8(d.description)});
        }
        disputed = disputed || named;
      }
      data entry;
      entry.set("href", "#" + SentenceAnchor(ref));
      entry.set("index", std::to_string(sentence.index));
      entry.set("disputed", disputed);
      auto per_source = table.articles_per_source.find(article.source);
      entry.set("show_article",
                per_source != table.articles_per_source.end() && per_source->second > 1);
      entry.set("article", ArticleLabel(model, ref.article));
      entry.set("html", SentenceHtml(sentence_template, article.text, sentence.span, layers));
      sentences.push_back(std::move(entry));
    }
    cell.set("sentences", sentences);
    cells.push_back(std::move(cell));
  }
  out.set("cells", cells);
  return out;
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

data ProfileData(const ReportModel& model, int p, double scale_max) {
  const ReportSourceProfile& profile = model.profiles[p];
  data out;
  out.set("source", CleanUtf8(profile.source));
  out.set("anchor", "profile-" + std::to_string(p));
  out.set("chart_id", "chart-" + std::to_string(p));
  out.set("meta", CountOf(profile.articles, "article", "articles") + " \xC2\xB7 " +
                      CountOf(profile.sentences, "sentence", "sentences") + " \xC2\xB7 " +
                      CountOf(profile.words, "word", "words"));
  out.set("width", FormatFixed(kChartWidth, 0));
  const double height = kChartTop + kRowHeight * profile.bars.size() + 6;
  out.set("height", FormatFixed(height, 0));
  out.set("bar_left", FormatFixed(kBarLeft, 0));
  out.set("label_x", FormatFixed(kLabelWidth, 0));
  out.set("axis_bottom", FormatFixed(height - 4, 0));
  out.set("has_bars", !profile.bars.empty());

  mustache::list ticks;
  for (int t = 0; t <= 4; ++t) {
    const double value = scale_max * t / 4;
    data tick;
    tick.set("x", FormatFixed(kBarLeft + kBarMaxWidth * t / 4, 1));
    tick.set("label", FormatFixed(value, scale_max < 4 ? 2 : (scale_max < 40 ? 1 : 0)));
    ticks.push_back(std::move(tick));
  }
  out.set("ticks", ticks);

  mustache::list rows, evidence;
  for (size_t b = 0; b < profile.bars.size(); ++b) {
    const ReportProfileBar& bar = profile.bars[b];
    const double total = std::max(0.0, bar.per_1000_words);
    const double own = std::clamp(bar.own_voice_per_1000_words, 0.0, total);
    const double y = kChartTop + kRowHeight * b;
    const std::string label = CleanUtf8(bar.label);
    const std::string rate = FormatFixed(total, 1);
    const std::string evidence_id = "ev-" + std::to_string(p) + "-" + std::to_string(b);
    data row;
    row.set("href", "#" + evidence_id);
    row.set("label", label);
    row.set("cat", ClassToken(bar.category));
    row.set("y", FormatFixed(y, 1));
    row.set("bar_y", FormatFixed(y + (kRowHeight - kBarHeight) / 2 - 2, 1));
    row.set("text_y", FormatFixed(y + kRowHeight / 2 + 2, 1));
    row.set("bar_h", FormatFixed(kBarHeight, 0));
    row.set("row_w", FormatFixed(kChartWidth, 0));
    row.set("row_h", FormatFixed(kRowHeight, 0));
    const double own_w = kBarMaxWidth * own / scale_max;
    const double all_w = kBarMaxWidth * total / scale_max;
    row.set("own_w", FormatFixed(own_w, 1));
    row.set("quoted_x", FormatFixed(kBarLeft + own_w, 1));
    row.set("quoted_w", FormatFixed(all_w - own_w, 1));
    row.set("value_x", FormatFixed(kBarLeft + all_w + 6, 1));
    row.set("value", rate + " (" + std::to_string(bar.count) + ")");
    row.set("title", label + ": " + rate + " per 1,000 words, " + std::to_string(bar.count) +
                         " marks, " + std::to_string(bar.own_voice_count) +
                         " in the outlet's own voice. Follow the link for the sentences.");
    rows.push_back(std::move(row));

    data ev;
    ev.set("id", evidence_id);
    ev.set("label", label);
    ev.set("rate", rate);
    ev.set("count", std::to_string(bar.count));
    ev.set("own", std::to_string(bar.own_voice_count));
    ev.set("n", std::to_string(bar.evidence.size()));
    mustache::list items;
    for (const SentenceRef& ref : bar.evidence) {
      if (!IsValidRef(model, ref)) continue;
      const ReportArticle& article = model.articles[ref.article];
      const ReportSentence& sentence = article.sentences[ref.sentence];
      data item;
      item.set("href", "#" + SentenceAnchor(ref));
      item.set("where",
               ArticleLabel(model, ref.article) + ", sentence " + std::to_string(sentence.index));
      item.set("text", ShortenUtf8(CollapseSpaces(sentence.span.Of(article.text)), 320));
      items.push_back(std::move(item));
    }
    ev.set("items", items);
    ev.set("has_items", !items.empty());
    evidence.push_back(std::move(ev));
  }
  out.set("rows", rows);
  out.set("evidence", evidence);
  return out;
}

data LegendData(const ReportModel& model) {
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
  mustache::list entries;
  for (const std::string& name : names) {
    data entry;
    entry.set("cat", ClassToken(name));
    entry.set("classes", "m c-" + ClassToken(name) + (IsKnownCategory(name) ? "" : " c-other"));
    entry.set("label", CategoryLabel(name));
    entry.set("letter", CategoryLetter(name));
    entry.set("description", CategoryDescription(name));
    entry.set("count", FormatCount(counts.count(name) ? counts[name] : 0));
    entries.push_back(std::move(entry));
  }
  return data(entries);
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

// Renders items [0, n) with `render(template, i)` in batches of `options.batch`, each batch
// split over `options.threads` threads with a template object each (kainjow's render is not
// const), and hands the results to `sink` in item order.
template <typename RenderItem>
Status StreamParts(size_t n, const std::string& template_text, const std::string& sentence_text,
                   const HtmlOptions& options, const HtmlSink& sink, RenderItem render) {
  const size_t batch = std::max<size_t>(1, options.batch);
  const size_t workers = static_cast<size_t>(std::max(1, options.threads));
  std::vector<std::string> parts;
  for (size_t first = 0; first < n; first += batch) {
    const size_t count = std::min(batch, n - first);
    parts.assign(count, std::string());
    const size_t chunks = std::min(workers, count);
    ParallelFor(chunks, static_cast<int>(chunks), [&](size_t w) {
      mustache::mustache tmpl(template_text);
      mustache::mustache sentence_template(sentence_text);
      for (size_t k = count * w / chunks; k < count * (w + 1) / chunks; ++k) {
        parts[k] = render(tmpl, sentence_template, first + k);
      }
    });
    for (const std::string& part : parts) PARALLAX_RETURN_IF_ERROR(sink(part));
  }
  return Status::Ok();
}

}  // namespace

Status RenderHtmlTo(const ReportModel& model, const std::string& templates_dir,
                    const HtmlOptions& options, const HtmlSink& sink) {
  PARALLAX_RETURN_IF_ERROR(ValidateReportModel(model));
  PARALLAX_ASSIGN_OR_RETURN(
      auto templates,
      LoadTemplates(templates_dir, {"report.mustache", "sentence.mustache", "claim_row.mustache",
                                    "fulltext.mustache", "report.css", "report.js"}));
  const ClaimTable table = BuildClaimTable(model);
  for (const char* name : {"sentence.mustache", "claim_row.mustache", "fulltext.mustache"}) {
    mustache::mustache tmpl(templates[name]);
    if (!tmpl.is_valid()) {
      return Status::InvalidInput("report template '" + std::string(name) +
                                  "': " + tmpl.error_message());
    }
  }
  const std::string& sentence_text = templates["sentence.mustache"];

  data root;
  root.set("css", templates["report.css"]);
  root.set("js", templates["report.js"]);
  AddProvenance(model.title.empty() ? "Parallax report" : model.title, model.parallax_version,
                model.lexicon_digest, model.rules_digest, model.generated_at, &root);
  root.set("notices", StringList(model.notices, "text"));
  root.set("has_notices", !model.notices.empty());

  int sentences = 0, marks = 0, shared = 0, discrepancies = 0;
  for (const ReportArticle& article : model.articles) {
    sentences += article.sentences.size();
    marks += CountMarks(article);
  }
  for (size_t c = 0; c < model.claims.size(); ++c) {
    discrepancies += model.claims[c].discrepancies.size();
    if (table.rows[c].sources_omitting.empty()) ++shared;
  }
  mustache::list summary;
  summary.push_back(SummaryItem(table.sources.size(), "source", "sources"));
  summary.push_back(SummaryItem(model.articles.size(), "article", "articles"));
  summary.push_back(SummaryItem(sentences, "sentence", "sentences"));
  summary.push_back(SummaryItem(marks, "mark", "marks"));
  summary.push_back(SummaryItem(model.claims.size(), "claim", "claims"));
  summary.push_back(SummaryItem(discrepancies, "discrepancy", "discrepancies"));
  root.set("summary", summary);
  root.set("claims_summary", FormatCount(shared) + " carried by every source, " +
                                 FormatCount(model.claims.size() - shared) + " omitted by some");

  root.set("legend", LegendData(model));
  root.set("columns", StringList(table.sources, "name"));
  root.set("n_columns", std::to_string(table.sources.size() + 1));
  root.set("n_sources", FormatCount(table.sources.size()));
  const bool grid = table.sources.size() <= options.max_source_columns;
  root.set("grid", grid);

  // The page around the long parts: every article's metadata (the sources table), and one
  // marker standing for all claim rows, one for all full texts.
  const PartMarkers markers = MakePartMarkers();
  mustache::list articles;
  for (size_t a = 0; a < model.articles.size(); ++a) {
    data article = ArticleMetadata(model, a);
    article.set("fulltext_html", a == 0 ? markers.fulltexts : std::string());
    articles.push_back(std::move(article));
  }
  root.set("articles", articles);
  root.set("has_articles", !articles.empty());
  mustache::list claims;
  if (!model.claims.empty()) {
    data row;
    row.set("html", markers.claims);
    claims.push_back(std::move(row));
  }
  root.set("claims", claims);
  root.set("has_claims", !claims.empty());

  double max_rate = 0;
  for (const ReportSourceProfile& profile : model.profiles) {
    for (const ReportProfileBar& bar : profile.bars)
      max_rate = std::max(max_rate, bar.per_1000_words);
  }
  const double scale_max = NiceCeiling(max_rate);
  mustache::list profiles;
  for (size_t p = 0; p < model.profiles.size(); ++p) {
    profiles.push_back(ProfileData(model, p, scale_max));
  }
  root.set("profiles", profiles);
  root.set("has_profiles", !profiles.empty());
  PARALLAX_ASSIGN_OR_RETURN(const std::string page,
                            RenderTemplate(templates, "report.mustache", std::move(root)));

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

  auto render_claim = [&](mustache::mustache& tmpl, mustache::mustache& sentence_template,
                          size_t c) {
    return tmpl.render(ClaimData(model, table, c, grid, sentence_template));
  };
  auto render_fulltext = [&](mustache::mustache& tmpl, mustache::mustache& sentence_template,
                             size_t a) {
    data article = ArticleMetadata(model, a);
    article.set("paragraphs", ParagraphsData(model, a, table, sentence_template));
    return tmpl.render(article);
  };
  size_t done = 0;
  for (const Part& part : parts) {
    PARALLAX_RETURN_IF_ERROR(sink(std::string_view(page).substr(done, part.at - done)));
    if (part.claims) {
      PARALLAX_RETURN_IF_ERROR(StreamParts(model.claims.size(), templates["claim_row.mustache"],
                                           sentence_text, options, sink, render_claim));
    } else {
      PARALLAX_RETURN_IF_ERROR(StreamParts(model.articles.size(), templates["fulltext.mustache"],
                                           sentence_text, options, sink, render_fulltext));
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
