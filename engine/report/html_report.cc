// RenderHtml: builds the template data of a ReportModel and renders reports/templates.
//
// All markup lives in the templates; this file and its parts (html_parts.h: sentence_html.cc,
// profile_chart.cc) compute what they show: highlight segments (highlight.h), claim cells
// (claim_table.h), chart geometry, labels and counts. Every string from the model reaches the
// page through mustache's escaping `{{...}}`.
//
// The page is rendered in steps: the templates are loaded and compiled; the page around its two
// long parts (claim rows and full texts) is rendered once, with a marker standing for each
// part; then the page is streamed to the sink, each part rendered in batches in its place.
//
// Speed: templates are compiled once per page (compiled_template.h) and rendered from every
// thread; each slice of a batch reuses its TemplateData and output buffer, so a claim row or a
// full text costs no allocation per key once the buffers are warm.
#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/base/parallel_for.h"
#include "engine/report/html_parts.h"
#include "engine/report/page_parts.h"
#include "engine/report/report.h"
#include "engine/report/templates.h"

namespace parallax::html {
namespace {

// One line on why two versions are one claim: "both quote “…” · words both use: guilty,
// wednesday · similarity 0.31".
std::string EvidenceText(const ReportEvidence& e) {
  constexpr size_t kMaxQuoteBytes = 90;
  std::string out;
  if (!e.quotation.empty()) {
    out += "both quote \u201c" + ShortenUtf8(CollapseSpaces(e.quotation), kMaxQuoteBytes) +
           "\u201d \u00b7 ";
  }
  if (!e.shared_words.empty()) {
    out += "words both use: ";
    for (size_t k = 0; k < e.shared_words.size(); ++k) out += (k ? ", " : "") + e.shared_words[k];
    out += " \u00b7 ";
  }
  return out + "similarity " + FormatFixed(e.score, 2);
}

// The group a claims-view position belongs to: its kind and, for single-source sentences, the
// source column (one group per source).
std::pair<ClaimGroup, int> GroupAt(const ClaimLayout& layout, size_t i) {
  const int c = layout.order[i];
  return {layout.group[c], layout.single_source[c]};
}

// Sets which group markup row `i` (a position in layout.order) opens and closes: the markup of
// the claims view's groups (a table, a <details> around a table or a list) is written by
// claim_row.mustache around the rows, so that the rows can be streamed in batches.
void SetGroupData(const Page& page, size_t i, TemplateData* data) {
  const ClaimLayout& layout = page.layout;
  const ClaimTable& table = page.table;
  const auto [group, source] = GroupAt(layout, i);
  const bool opens = i == 0 || GroupAt(layout, i - 1) != std::pair(group, source);
  const bool ends =
      i + 1 == layout.order.size() || GroupAt(layout, i + 1) != std::pair(group, source);
  data->SetBool(kRoot, "open_shared", opens && group == ClaimGroup::kShared);
  data->SetBool(kRoot, "open_related", opens && group == ClaimGroup::kRelated);
  data->SetBool(kRoot, "open_single", opens && group == ClaimGroup::kSingle);
  data->SetBool(kRoot, "end_table", ends && group == ClaimGroup::kShared);
  data->SetBool(kRoot, "end_related", ends && group == ClaimGroup::kRelated);
  data->SetBool(kRoot, "end_single", ends && group == ClaimGroup::kSingle);
  data->SetBool(kRoot, "single", group == ClaimGroup::kSingle);
  if (!opens) return;
  size_t count = 0;  // the rows of this group
  for (size_t k = i; k < layout.order.size() && GroupAt(layout, k) == std::pair(group, source); ++k)
    ++count;
  data->Set(kRoot, "group_n", FormatCount(count));
  data->Set(kRoot, "group_plural", count == 1 ? "" : "s");
  if (group == ClaimGroup::kSingle) {
    data->Set(kRoot, "group_id", "only-" + std::to_string(source));
    SetClean(data, kRoot, "group_source", table.sources[source]);
    data->Set(kRoot, "group_word", count == 1 ? "sentence" : "sentences");
    data->Set(kRoot, "group_column", std::to_string(source));
  }
  SetStringList(data, kRoot, "columns", table.sources, "name");
}

// Sets the data of claim row `c` on the root of scratch->data. In a grid (page.grid), one cell
// per source, empty ones included; otherwise only the sources that carry the claim, and a count
// of those that do not. A single-source sentence shows as a list item, not a table row.
Status SetClaimData(const Page& page, int c, Scratch* scratch) {
  const ReportModel& model = page.model;
  const ClaimTable& table = page.table;
  const ClaimLayout& layout = page.layout;
  const bool grid = page.grid;
  TemplateData& data = scratch->data;
  const Ref out = kRoot;
  const ReportClaim& claim = model.claims[c];
  data.Set(out, "anchor", "claim-" + std::to_string(c));
  data.Set(out, "label", ClaimLabel(claim.id));
  SetClean(&data, out, "id", claim.id);
  data.Set(out, "position", std::to_string(c));
  data.Set(out, "score", FormatFixed(claim.score, 2));
  data.SetBool(out, "has_note", !claim.note.empty());
  SetClean(&data, out, "note", claim.note);
  data.Set(out, "carried", std::to_string(table.CarryingCount(c)));
  data.Set(out, "omitted", std::to_string(table.OmittingCount(c)));
  data.Set(out, "of", std::to_string(table.sources.size()));
  std::string carry;  // the columns carrying the claim, for the filters: "0 2"
  for (uint32_t column : table.rows[c].carrying) {
    if (!carry.empty()) carry += ' ';
    carry += std::to_string(column);
  }
  data.Set(out, "carry", carry);
  auto columns_text = [](const std::vector<uint32_t>& columns) {
    std::string text;
    for (uint32_t column : columns) text += (text.empty() ? "" : " ") + std::to_string(column);
    return text;
  };
  data.Set(out, "conflict_sources", columns_text(layout.conflict_sources[c]));
  data.Set(out, "drift_sources", columns_text(layout.drift_sources[c]));
  data.SetBool(out, "grid", grid);
  // Certainty drift ("attribution") is framing, not disagreement: listed with the conflicts
  // but in a calmer style, and it does not mark the row as disagreeing.
  data.SetBool(out, "has_discrepancies", !claim.discrepancies.empty());
  data.SetBool(out, "has_conflicts", layout.conflict[c]);
  data.SetBool(out, "has_drift", layout.drift[c]);
  data.SetBool(out, "has_omissions", table.OmittingCount(c) > 0);
  const Ref discrepancies = data.SetList(out, "discrepancies");
  for (const ReportDiscrepancy& d : claim.discrepancies) {
    const Ref entry = data.AddObject(discrepancies);
    SetClean(&data, entry, "kind", IsDrift(d) ? std::string("certainty") : d.kind);
    data.Set(entry, "kind_class", ClassToken(d.kind));
    data.Set(entry, "flag", IsDrift(d) ? "\u2248" : "\u2260");
    SetClean(&data, entry, "description", d.description);
  }

  data.SetBool(out, "has_evidence", !claim.evidence.empty());
  const Ref evidence = data.SetList(out, "evidence");
  for (const ReportEvidence& e : claim.evidence) {
    const Ref entry = data.AddObject(evidence);
    SetClean(&data, entry, "pair",
             model.articles[e.a.article].source + " \u00b7 " + model.articles[e.b.article].source);
    SetClean(&data, entry, "why", EvidenceText(e));
  }

  const Ref cells = data.SetList(out, "cells");
  for (size_t s = 0; s < table.sources.size(); ++s) {
    const std::span<const SentenceRef> refs = table.Cell(c, s);
    if ((!grid || layout.group[c] == ClaimGroup::kSingle) && refs.empty()) continue;
    const Ref cell = data.AddObject(cells);
    SetClean(&data, cell, "source", table.sources[s]);
    data.SetBool(cell, "empty", refs.empty());
    const Ref sentences = data.SetList(cell, "sentences");
    for (const SentenceRef& ref : refs) {
      const ReportArticle& article = model.articles[ref.article];
      const ReportSentence& sentence = article.sentences[ref.sentence];
      Layers& layers = scratch->layers;
      layers.Clear();
      // A single-source sentence is listed as plain text: its marks are highlighted once, in
      // the full text its ¶ link leads to (a long report's groups would repeat every article).
      if (layout.group[c] != ClaimGroup::kSingle) {
        AddMarkLayers(sentence, &scratch->marks, &layers);
      }
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
                                              layout.group[c] != ClaimGroup::kSingle, scratch));
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

// The title, provenance, notices, and the CSS and script inlined into the page.
void SetPageHeader(const ReportModel& model, const std::map<std::string, std::string>& files,
                   TemplateData* root) {
  root->Set(kRoot, "css", files.at("report.css"));
  root->Set(kRoot, "js", files.at("report.js"));
  AddProvenance(model.title.empty() ? "Parallax report" : model.title, model.parallax_version,
                model.lexicon_digest, model.rules_digest, model.generated_at, root);
  SetStringList(root, kRoot, "notices", model.notices, "text");
  root->SetBool(kRoot, "has_notices", !model.notices.empty());
}

// The counts of the page header: how many claims several sources share, every source carries,
// and one source only carries.
void SetSummary(const ReportModel& model, const ClaimTable& table, TemplateData* root) {
  int sentences = 0, marks = 0, by_all = 0, shared = 0, discrepancies = 0;
  for (const ReportArticle& article : model.articles) {
    sentences += article.sentences.size();
    marks += CountMarks(article);
  }
  int claim_count = 0;  // related sentences (topic claims) are listed but are not claims
  for (size_t c = 0; c < model.claims.size(); ++c) {
    if (model.claims[c].related) continue;
    ++claim_count;
    discrepancies += model.claims[c].discrepancies.size();
    if (table.CarryingCount(c) > 1) ++shared;
    if (table.OmittingCount(c) == 0 && table.sources.size() > 1) ++by_all;
  }
  const Ref summary = root->SetList(kRoot, "summary");
  AddSummaryItem(table.sources.size(), "source", "sources", root, summary);
  AddSummaryItem(model.articles.size(), "article", "articles", root, summary);
  AddSummaryItem(sentences, "sentence", "sentences", root, summary);
  AddSummaryItem(marks, "mark", "marks", root, summary);
  AddSummaryItem(claim_count, "claim", "claims", root, summary);
  AddSummaryItem(discrepancies, "discrepancy", "discrepancies", root, summary);
  root->Set(kRoot, "claims_summary",
            FormatCount(shared) + " shared by several sources, " + FormatCount(by_all) +
                " of them by every source; " + FormatCount(claim_count - shared) +
                " carried by one source only");
}

// The claims table's columns: one per source in a grid, else the sources' count only.
void SetClaimColumns(const ClaimTable& table, bool grid, TemplateData* root) {
  SetStringList(root, kRoot, "columns", table.sources, "name");
  root->Set(kRoot, "n_columns", std::to_string(table.sources.size() + 1));
  root->Set(kRoot, "n_sources", FormatCount(table.sources.size()));
  root->SetBool(kRoot, "grid", grid);
}

// Every article's metadata (the sources table), and the markers standing for the long parts:
// all full texts in the first article's place, all claim rows in the first claim's.
void SetPartMarkers(const ReportModel& model, const PartMarkers& markers, TemplateData* root) {
  const Ref articles = root->SetList(kRoot, "articles");
  for (size_t a = 0; a < model.articles.size(); ++a) {
    const Ref article = root->AddObject(articles);
    SetArticleMetadata(model, a, root, article);
    root->Set(article, "fulltext_html", a == 0 ? markers.fulltexts : std::string());
  }
  root->SetBool(kRoot, "has_articles", !model.articles.empty());
  const Ref claims = root->SetList(kRoot, "claims");
  if (!model.claims.empty()) root->Set(root->AddObject(claims), "html", markers.claims);
  root->SetBool(kRoot, "has_claims", !model.claims.empty());
}

// Renders the page around its long parts into `page`.
Status RenderPageAround(const ReportModel& model, const ClaimTable& table,
                        const ClaimLayout& layout, const std::map<std::string, std::string>& files,
                        const Templates& templates, bool grid, const PartMarkers& markers,
                        std::string* page) {
  TemplateData root;
  SetPageHeader(model, files, &root);
  SetSummary(model, table, &root);
  SetOutletSummary(model, table, layout, &root);
  SetLegend(model, &root);
  SetClaimColumns(table, grid, &root);
  SetPartMarkers(model, markers, &root);
  SetProfiles(model, &root);
  return templates.page.Render(root, page);
}

// Where a long part goes in the page: its marker's place.
struct Part {
  size_t at;
  size_t length;
  bool claims;
};

// The places of the markers in `page`, in page order. Each marker appears once when its part is
// in the template; a template may leave one out.
StatusOr<std::vector<Part>> FindParts(const std::string& page, const PartMarkers& markers) {
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
  return parts;
}

// Streams `page` to `sink` with each part rendered in its marker's place.
Status StreamPage(const std::string& page, const std::vector<Part>& parts, const Page& context,
                  const HtmlOptions& options, const HtmlSink& sink) {
  const ReportModel& model = context.model;
  const Templates& templates = context.templates;
  auto render_claim = [&](size_t i, Scratch* scratch) -> Status {
    scratch->data.Clear();
    SetGroupData(context, i, &scratch->data);
    PARALLAX_RETURN_IF_ERROR(SetClaimData(context, context.layout.order[i], scratch));
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
          StreamParts(context.layout.order.size(), options, &scratches, sink, render_claim));
    } else {
      PARALLAX_RETURN_IF_ERROR(
          StreamParts(model.articles.size(), options, &scratches, sink, render_fulltext));
    }
    done = part.at + part.length;
  }
  return sink(std::string_view(page).substr(done));
}

}  // namespace
}  // namespace parallax::html

namespace parallax {

Status RenderHtmlTo(const ReportModel& model, const std::string& templates_dir,
                    const HtmlOptions& options, const HtmlSink& sink) {
  PARALLAX_RETURN_IF_ERROR(ValidateReportModel(model));
  PARALLAX_ASSIGN_OR_RETURN(
      auto files,
      LoadTemplates(templates_dir, {"report.mustache", "sentence.mustache", "claim_row.mustache",
                                    "fulltext.mustache", "report.css", "report.js"}));
  PARALLAX_ASSIGN_OR_RETURN(const html::Templates templates, html::CompileTemplates(files));
  const ClaimTable table = BuildClaimTable(model);
  const bool grid = table.sources.size() <= options.max_source_columns;

  const html::ClaimLayout layout = html::LayOutClaims(model, table);

  const html::PartMarkers markers = html::MakePartMarkers();
  std::string page;
  PARALLAX_RETURN_IF_ERROR(
      html::RenderPageAround(model, table, layout, files, templates, grid, markers, &page));
  PARALLAX_ASSIGN_OR_RETURN(const std::vector<html::Part> parts, html::FindParts(page, markers));

  html::Page context{model, table, templates, layout, std::vector<bool>(model.articles.size()),
                     grid};
  for (size_t a = 0; a < model.articles.size(); ++a) {
    context.text_valid[a] = !FindInvalidUtf8(model.articles[a].text).has_value();
  }
  return html::StreamPage(page, parts, context, options, sink);
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
