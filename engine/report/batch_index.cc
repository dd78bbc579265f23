// RenderBatchIndex and MostDivergentClaims: the index page of a batch run, rendered with
// CompiledTemplate like the report page.
#include <algorithm>
#include <numeric>
#include <string>

#include "engine/report/claim_table.h"
#include "engine/report/compiled_template.h"
#include "engine/report/format.h"
#include "engine/report/page_parts.h"
#include "engine/report/report.h"
#include "engine/report/templates.h"

namespace parallax {
namespace {

using Ref = TemplateData::Ref;
constexpr Ref kRoot = TemplateData::kRoot;

std::string Join(const std::vector<std::string>& items, const std::string& separator) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : separator) + CleanUtf8(item);
  return out;
}

// Sets the row of `story` (numbered from 1) on `out`.
void SetStory(const BatchStory& story, int number, TemplateData* data, Ref out) {
  const bool linked = !story.href.empty() && IsSafeLinkTarget(story.href);
  data->Set(out, "number", std::to_string(number));
  data->Set(out, "anchor", "story-" + std::to_string(number));
  data->Set(out, "id", CleanUtf8(story.id));
  data->Set(out, "title", CleanUtf8(story.title.empty() ? story.id : story.title));
  data->SetBool(out, "linked", linked);
  data->Set(out, "href", linked ? CleanUtf8(story.href) : "");
  data->SetBool(out, "has_dates", !story.first_date.empty() || !story.last_date.empty());
  std::string dates = CleanUtf8(story.first_date);
  if (!story.last_date.empty() && story.last_date != story.first_date) {
    dates += (dates.empty() ? "" : " \xE2\x80\x93 ") + CleanUtf8(story.last_date);
  }
  data->Set(out, "dates", dates);
  data->Set(out, "articles", FormatCount(story.articles));
  data->Set(out, "sentences", FormatCount(story.sentences));
  data->Set(out, "claims", FormatCount(story.claims));
  const Ref sources = data->SetList(out, "sources");
  for (const BatchStorySource& source : story.sources) {
    const Ref entry = data->AddObject(sources);
    data->Set(entry, "source", CleanUtf8(source.source));
    data->Set(entry, "articles", std::to_string(source.articles));
  }
  data->Set(out, "n_sources", std::to_string(story.sources.size()));
  const Ref claims = data->SetList(out, "divergent");
  for (const BatchDivergentClaim& claim : story.divergent_claims) {
    const Ref entry = data->AddObject(claims);
    data->SetBool(entry, "linked", linked);
    data->Set(entry, "href",
              linked ? CleanUtf8(story.href) + "#claim-" + std::to_string(claim.claim) : "");
    data->Set(entry, "label", ClaimLabel(claim.id));
    data->Set(entry, "text", ShortenUtf8(CollapseSpaces(claim.text), 240));
    data->Set(entry, "carrying", Join(claim.sources_carrying, ", "));
    data->Set(entry, "omitting", Join(claim.sources_omitting, ", "));
    data->SetBool(entry, "has_omitting", !claim.sources_omitting.empty());
    data->Set(entry, "discrepancies", Join(claim.discrepancies, ", "));
    data->SetBool(entry, "has_discrepancies", !claim.discrepancies.empty());
  }
  data->SetBool(out, "has_divergent", !story.divergent_claims.empty());
}

}  // namespace

std::vector<BatchDivergentClaim> MostDivergentClaims(const ReportModel& model, int limit) {
  const ClaimTable table = BuildClaimTable(model);
  std::vector<BatchDivergentClaim> candidates;
  if (table.sources.size() < 2) return candidates;
  for (size_t c = 0; c < model.claims.size(); ++c) {
    const ReportClaim& claim = model.claims[c];
    if (claim.discrepancies.empty() && table.OmittingCount(c) == 0) continue;
    BatchDivergentClaim out;
    out.claim = c;
    out.id = claim.id;
    for (const SentenceRef& ref : claim.sentences) {
      if (!IsValidRef(model, ref)) continue;
      const ReportArticle& article = model.articles[ref.article];
      out.text = CleanUtf8(article.sentences[ref.sentence].span.Of(article.text));
      break;
    }
    out.sources_carrying = table.SourcesCarrying(c);
    out.sources_omitting = table.SourcesOmitting(c);
    for (const ReportDiscrepancy& d : claim.discrepancies) {
      if (std::find(out.discrepancies.begin(), out.discrepancies.end(), d.kind) ==
          out.discrepancies.end()) {
        out.discrepancies.push_back(d.kind);
      }
    }
    out.divergence = static_cast<double>(claim.discrepancies.size()) +
                     static_cast<double>(table.OmittingCount(c)) / table.sources.size();
    candidates.push_back(std::move(out));
  }
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const BatchDivergentClaim& a, const BatchDivergentClaim& b) {
                     return a.divergence > b.divergence;
                   });
  if (limit >= 0 && candidates.size() > static_cast<size_t>(limit)) candidates.resize(limit);
  return candidates;
}

StatusOr<std::string> RenderBatchIndex(const BatchIndexModel& model,
                                       const std::string& templates_dir) {
  PARALLAX_ASSIGN_OR_RETURN(auto templates,
                            LoadTemplates(templates_dir, {"batch_index.mustache", "report.css"}));
  PARALLAX_ASSIGN_OR_RETURN(
      const CompiledTemplate page,
      CompiledTemplate::Compile("batch_index.mustache", templates["batch_index.mustache"]));
  TemplateData root;
  root.Set(kRoot, "css", templates["report.css"]);
  AddProvenance(model.title.empty() ? "Parallax batch" : model.title, model.parallax_version,
                model.lexicon_digest, model.rules_digest, model.generated_at, &root);
  const Ref notices = root.SetList(kRoot, "notices");
  for (const std::string& notice : model.notices) {
    root.Set(root.AddObject(notices), "text", CleanUtf8(notice));
  }
  root.SetBool(kRoot, "has_notices", !model.notices.empty());

  int articles = 0;
  std::vector<std::string> sources;
  const Ref stories = root.SetList(kRoot, "stories");
  for (size_t i = 0; i < model.stories.size(); ++i) {
    const BatchStory& story = model.stories[i];
    articles += story.articles;
    for (const BatchStorySource& source : story.sources) {
      if (std::find(sources.begin(), sources.end(), source.source) == sources.end()) {
        sources.push_back(source.source);
      }
    }
    SetStory(story, i + 1, &root, root.AddObject(stories));
  }
  root.SetBool(kRoot, "has_stories", !model.stories.empty());
  const Ref summary = root.SetList(kRoot, "summary");
  AddSummaryItem(model.stories.size(), "story", "stories", &root, summary);
  AddSummaryItem(articles, "article", "articles", &root, summary);
  AddSummaryItem(sources.size(), "source", "sources", &root, summary);
  AddSummaryItem(model.failures.size(), "input skipped", "inputs skipped", &root, summary);

  const Ref failures = root.SetList(kRoot, "failures");
  for (const BatchFailure& failure : model.failures) {
    const Ref entry = root.AddObject(failures);
    root.Set(entry, "input", CleanUtf8(failure.input));
    root.Set(entry, "message", CleanUtf8(failure.message));
  }
  root.SetBool(kRoot, "has_failures", !model.failures.empty());
  std::string out;
  PARALLAX_RETURN_IF_ERROR(page.Render(root, &out));
  return out;
}

}  // namespace parallax
