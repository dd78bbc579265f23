// RenderBatchIndex and MostDivergentClaims: the index page of a batch run.
#include <algorithm>
#include <kainjow/mustache.hpp>
#include <numeric>
#include <string>

#include "engine/report/claim_table.h"
#include "engine/report/format.h"
#include "engine/report/page_parts.h"
#include "engine/report/report.h"
#include "engine/report/templates.h"

namespace parallax {
namespace {

namespace mustache = kainjow::mustache;
using mustache::data;

std::string Join(const std::vector<std::string>& items, const std::string& separator) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : separator) + CleanUtf8(item);
  return out;
}

data StoryData(const BatchStory& story, int number) {
  const bool linked = !story.href.empty() && IsSafeLinkTarget(story.href);
  data out;
  out.set("number", std::to_string(number));
  out.set("anchor", "story-" + std::to_string(number));
  out.set("id", CleanUtf8(story.id));
  out.set("title", CleanUtf8(story.title.empty() ? story.id : story.title));
  out.set("linked", linked);
  out.set("href", linked ? CleanUtf8(story.href) : "");
  out.set("has_dates", !story.first_date.empty() || !story.last_date.empty());
  std::string dates = CleanUtf8(story.first_date);
  if (!story.last_date.empty() && story.last_date != story.first_date) {
    dates += (dates.empty() ? "" : " \xE2\x80\x93 ") + CleanUtf8(story.last_date);
  }
  out.set("dates", dates);
  out.set("articles", FormatCount(story.articles));
  out.set("sentences", FormatCount(story.sentences));
  out.set("claims", FormatCount(story.claims));
  mustache::list sources;
  for (const BatchStorySource& source : story.sources) {
    data entry;
    entry.set("source", CleanUtf8(source.source));
    entry.set("articles", std::to_string(source.articles));
    sources.push_back(entry);
  }
  out.set("sources", sources);
  out.set("n_sources", std::to_string(story.sources.size()));
  mustache::list claims;
  for (const BatchDivergentClaim& claim : story.divergent_claims) {
    data entry;
    entry.set("linked", linked);
    entry.set("href",
              linked ? CleanUtf8(story.href) + "#claim-" + std::to_string(claim.claim) : "");
    entry.set("number", std::to_string(claim.claim + 1));
    entry.set("text", ShortenUtf8(CollapseSpaces(claim.text), 240));
    entry.set("carrying", Join(claim.sources_carrying, ", "));
    entry.set("omitting", Join(claim.sources_omitting, ", "));
    entry.set("has_omitting", !claim.sources_omitting.empty());
    entry.set("discrepancies", Join(claim.discrepancies, ", "));
    entry.set("has_discrepancies", !claim.discrepancies.empty());
    claims.push_back(entry);
  }
  out.set("divergent", claims);
  out.set("has_divergent", !claims.empty());
  return out;
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
  data root;
  root.set("css", templates["report.css"]);
  AddProvenance(model.title.empty() ? "Parallax batch" : model.title, model.parallax_version,
                model.lexicon_digest, model.rules_digest, model.generated_at, &root);
  mustache::list notices;
  for (const std::string& notice : model.notices)
    notices.push_back(data("text", CleanUtf8(notice)));
  root.set("notices", notices);
  root.set("has_notices", !model.notices.empty());

  int articles = 0;
  std::vector<std::string> sources;
  mustache::list stories;
  for (size_t i = 0; i < model.stories.size(); ++i) {
    const BatchStory& story = model.stories[i];
    articles += story.articles;
    for (const BatchStorySource& source : story.sources) {
      if (std::find(sources.begin(), sources.end(), source.source) == sources.end()) {
        sources.push_back(source.source);
      }
    }
    stories.push_back(StoryData(story, i + 1));
  }
  root.set("stories", stories);
  root.set("has_stories", !stories.empty());
  mustache::list summary;
  summary.push_back(SummaryItem(model.stories.size(), "story", "stories"));
  summary.push_back(SummaryItem(articles, "article", "articles"));
  summary.push_back(SummaryItem(sources.size(), "source", "sources"));
  summary.push_back(SummaryItem(model.failures.size(), "input skipped", "inputs skipped"));
  root.set("summary", summary);

  mustache::list failures;
  for (const BatchFailure& failure : model.failures) {
    data entry;
    entry.set("input", CleanUtf8(failure.input));
    entry.set("message", CleanUtf8(failure.message));
    failures.push_back(entry);
  }
  root.set("failures", failures);
  root.set("has_failures", !failures.empty());
  return RenderTemplate(templates, "batch_index.mustache", std::move(root));
}

}  // namespace parallax
