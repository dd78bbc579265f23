// RenderBatchIndex, SummarizeStory, StoryTitle and MostTellingClaims: the index page of a batch
// run and the row each story gets on it, rendered with CompiledTemplate like the report page.
#include <algorithm>
#include <set>
#include <string>
#include <string_view>

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

// A discrepancy of this kind is certainty drift (framing), not a conflict (report_model.h).
constexpr std::string_view kDriftKind = "attribution";

// A story title cut from an article's first line is at most this long (bytes, before "…").
constexpr size_t kTitleBytes = 100;

std::string Join(const std::vector<std::string>& items, const std::string& separator) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : separator) + CleanUtf8(item);
  return out;
}

// "2010-07-02" from "2010-07-02T10:00:00Z": the date as the page sorts and filters it, or ""
// when `date` does not start with YYYY-MM-DD.
std::string DateKey(std::string_view date) {
  if (date.size() < 10) return "";
  for (size_t i = 0; i < 10; ++i) {
    const bool digit = date[i] >= '0' && date[i] <= '9';
    if ((i == 4 || i == 7) ? date[i] != '-' : !digit) return "";
  }
  return std::string(date.substr(0, 10));
}

void SetTellingClaim(const BatchTellingClaim& claim, const std::string& story_href, bool linked,
                     TemplateData* data, Ref out) {
  data->SetBool(out, "linked", linked);
  data->Set(out, "href", linked ? story_href + "#claim-" + std::to_string(claim.claim) : "");
  data->Set(out, "label", ClaimLabel(claim.id));
  data->Set(out, "kind", TellingKindName(claim.kind));
  data->Set(out, "text", ShortenUtf8(CollapseSpaces(claim.text), 150));
  data->Set(out, "carrying", Join(claim.sources_carrying, ", "));
  data->Set(out, "omitting", Join(claim.sources_omitting, ", "));
  data->SetBool(out, "has_omitting", !claim.sources_omitting.empty());
  data->Set(out, "discrepancies", Join(claim.discrepancies, ", "));
  data->SetBool(out, "has_discrepancies", !claim.discrepancies.empty());
  data->Set(out, "descriptions", ShortenUtf8(Join(claim.descriptions, "; "), 160));
  data->SetBool(out, "has_descriptions", !claim.descriptions.empty());
}

// Sets the row of `story` (numbered from 1) on `out`.
void SetStory(const BatchStory& story, int number, TemplateData* data, Ref out) {
  const bool linked = !story.href.empty() && IsSafeLinkTarget(story.href);
  const std::string href = linked ? CleanUtf8(story.href) : "";
  data->Set(out, "number", std::to_string(number));
  data->Set(out, "anchor", "story-" + std::to_string(number));
  data->Set(out, "id", CleanUtf8(story.id));
  data->Set(out, "title", CleanUtf8(story.title.empty() ? story.id : story.title));
  data->SetBool(out, "linked", linked);
  data->Set(out, "href", href);
  data->Set(out, "date_key", DateKey(story.first_date));
  data->Set(out, "last_date_key", DateKey(story.last_date));
  data->Set(out, "first_date", CleanUtf8(story.first_date));
  const bool several_days = !story.last_date.empty() && story.last_date != story.first_date;
  data->SetBool(out, "several_days", several_days);
  data->Set(out, "last_date", several_days ? CleanUtf8(story.last_date) : "");
  data->Set(out, "articles", std::to_string(story.articles));
  data->Set(out, "claims", std::to_string(story.claims));
  data->Set(out, "shared", std::to_string(story.shared_claims));
  data->Set(out, "conflicts", std::to_string(story.conflicts));
  data->Set(out, "omissions", std::to_string(story.omissions));
  data->Set(out, "drifts", std::to_string(story.drifts));
  const Ref sources = data->SetList(out, "sources");
  for (const BatchStorySource& source : story.sources) {
    const Ref entry = data->AddObject(sources);
    data->Set(entry, "source", CleanUtf8(source.source));
    data->Set(entry, "articles", std::to_string(source.articles));
    data->SetBool(entry, "several", source.articles > 1);
  }
  data->Set(out, "outlets", std::to_string(story.sources.size()));
  const Ref top = data->SetList(out, "top");
  const Ref more = data->SetList(out, "more");
  for (size_t i = 0; i < story.telling_claims.size(); ++i) {
    SetTellingClaim(story.telling_claims[i], href, linked, data,
                    data->AddObject(i == 0 ? top : more));
  }
  data->SetBool(out, "has_telling", !story.telling_claims.empty());
  data->SetBool(out, "has_more", story.telling_claims.size() > 1);
  data->Set(out, "n_more",
            std::to_string(story.telling_claims.size() -
                           std::min<size_t>(1, story.telling_claims.size())));
}

// The first non-empty line of `text`, spaces collapsed, cut short.
std::string FirstLine(std::string_view text) {
  size_t at = 0;
  while (at < text.size()) {
    size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    std::string line = CollapseSpaces(text.substr(at, end - at));
    if (!line.empty()) return ShortenUtf8(line, kTitleBytes);
    at = end + 1;
  }
  return "";
}

}  // namespace

const char* TellingKindName(TellingKind kind) {
  switch (kind) {
    case TellingKind::kConflict:
      return "conflict";
    case TellingKind::kOmission:
      return "omission";
    case TellingKind::kDrift:
      return "drift";
  }
  return "conflict";
}

std::string StoryTitle(const ReportModel& model) {
  for (const ReportArticle& article : model.articles) {
    std::string title = CollapseSpaces(CleanUtf8(article.title));
    if (!title.empty()) return title;
  }
  return model.articles.empty() ? "" : FirstLine(model.articles[0].text);
}

std::vector<BatchTellingClaim> MostTellingClaims(const ReportModel& model, int limit) {
  const ClaimTable table = BuildClaimTable(model);
  struct Candidate {
    BatchTellingClaim claim;
    size_t conflicts = 0;
    size_t carrying = 0;
  };
  std::vector<Candidate> candidates;
  for (size_t c = 0; c < model.claims.size(); ++c) {
    const ReportClaim& claim = model.claims[c];
    if (claim.related || table.CarryingCount(c) < 2) continue;
    Candidate candidate;
    candidate.carrying = table.CarryingCount(c);
    BatchTellingClaim& out = candidate.claim;
    bool drift = false;
    for (const ReportDiscrepancy& d : claim.discrepancies) {
      if (d.kind == kDriftKind) {
        drift = true;
      } else {
        ++candidate.conflicts;
        if (!d.description.empty()) out.descriptions.push_back(CleanUtf8(d.description));
      }
      if (std::find(out.discrepancies.begin(), out.discrepancies.end(), d.kind) ==
          out.discrepancies.end()) {
        out.discrepancies.push_back(d.kind);
      }
    }
    if (candidate.conflicts > 0) {
      out.kind = TellingKind::kConflict;
    } else if (table.OmittingCount(c) > 0) {
      out.kind = TellingKind::kOmission;
    } else if (drift) {
      out.kind = TellingKind::kDrift;
    } else {
      continue;
    }
    out.claim = static_cast<int>(c);
    out.id = claim.id;
    for (const SentenceRef& ref : claim.sentences) {
      if (!IsValidRef(model, ref)) continue;
      const ReportArticle& article = model.articles[ref.article];
      out.text = CleanUtf8(article.sentences[ref.sentence].span.Of(article.text));
      break;
    }
    out.sources_carrying = table.SourcesCarrying(c);
    out.sources_omitting = table.SourcesOmitting(c);
    candidates.push_back(std::move(candidate));
  }
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& a, const Candidate& b) {
                     if (a.claim.kind != b.claim.kind) return a.claim.kind < b.claim.kind;
                     if (a.conflicts != b.conflicts) return a.conflicts > b.conflicts;
                     return a.carrying > b.carrying;
                   });
  std::vector<BatchTellingClaim> out;
  for (Candidate& candidate : candidates) {
    if (limit >= 0 && out.size() >= static_cast<size_t>(limit)) break;
    out.push_back(std::move(candidate.claim));
  }
  return out;
}

BatchStory SummarizeStory(const ReportModel& model, int limit) {
  BatchStory story;
  story.title = StoryTitle(model);
  story.articles = static_cast<int>(model.articles.size());
  for (const ReportArticle& a : model.articles) {
    story.sentences += static_cast<int>(a.sentences.size());
    if (!a.date.empty() && (story.first_date.empty() || a.date < story.first_date))
      story.first_date = a.date;
    if (!a.date.empty() && a.date > story.last_date) story.last_date = a.date;
  }
  const ClaimTable table = BuildClaimTable(model);
  for (const std::string& source : table.sources) {
    auto it = table.articles_per_source.find(source);
    story.sources.push_back({source, it == table.articles_per_source.end() ? 0 : it->second});
  }
  for (size_t c = 0; c < model.claims.size(); ++c) {
    const ReportClaim& claim = model.claims[c];
    if (claim.related) continue;
    ++story.claims;
    for (const ReportDiscrepancy& d : claim.discrepancies) {
      ++(d.kind == kDriftKind ? story.drifts : story.conflicts);
    }
    if (table.CarryingCount(c) < 2) continue;
    ++story.shared_claims;
    story.omissions += static_cast<int>(table.OmittingCount(c));
  }
  story.telling_claims = MostTellingClaims(model, limit);
  return story;
}

StatusOr<std::string> RenderBatchIndex(const BatchIndexModel& model,
                                       const std::string& templates_dir) {
  PARALLAX_ASSIGN_OR_RETURN(auto templates,
                            LoadTemplates(templates_dir, {"batch_index.mustache", "report.css",
                                                          "batch_index.css", "batch_index.js"}));
  PARALLAX_ASSIGN_OR_RETURN(
      const CompiledTemplate page,
      CompiledTemplate::Compile("batch_index.mustache", templates["batch_index.mustache"]));
  TemplateData root;
  root.Set(kRoot, "css", templates["report.css"] + "\n" + templates["batch_index.css"]);
  root.Set(kRoot, "js", templates["batch_index.js"]);
  AddProvenance(model.title.empty() ? "Parallax batch" : model.title, model.parallax_version,
                model.lexicon_digest, model.rules_digest, model.generated_at, &root);
  const Ref notices = root.SetList(kRoot, "notices");
  for (const std::string& notice : model.notices) {
    root.Set(root.AddObject(notices), "text", CleanUtf8(notice));
  }
  root.SetBool(kRoot, "has_notices", !model.notices.empty());

  long long articles = 0, conflicts = 0, omissions = 0;
  std::set<std::string> outlets;
  std::string first_date, last_date;
  const Ref stories = root.SetList(kRoot, "stories");
  for (size_t i = 0; i < model.stories.size(); ++i) {
    const BatchStory& story = model.stories[i];
    articles += story.articles;
    conflicts += story.conflicts;
    omissions += story.omissions;
    for (const BatchStorySource& source : story.sources) outlets.insert(CleanUtf8(source.source));
    for (const std::string& date : {DateKey(story.first_date), DateKey(story.last_date)}) {
      if (date.empty()) continue;
      if (first_date.empty() || date < first_date) first_date = date;
      if (date > last_date) last_date = date;
    }
    SetStory(story, static_cast<int>(i + 1), &root, root.AddObject(stories));
  }
  root.SetBool(kRoot, "has_stories", !model.stories.empty());
  const Ref outlet_list = root.SetList(kRoot, "outlets");
  for (const std::string& outlet : outlets) root.Set(root.AddObject(outlet_list), "name", outlet);
  root.Set(kRoot, "first_date", first_date);
  root.Set(kRoot, "last_date", last_date);
  const Ref summary = root.SetList(kRoot, "summary");
  AddSummaryItem(model.stories.size(), "story", "stories", &root, summary);
  AddSummaryItem(articles, "article", "articles", &root, summary);
  AddSummaryItem(outlets.size(), "outlet", "outlets", &root, summary);
  AddSummaryItem(conflicts, "conflict", "conflicts", &root, summary);
  AddSummaryItem(omissions, "omission", "omissions", &root, summary);
  if (!model.failures.empty()) {
    AddSummaryItem(model.failures.size(), "input skipped", "inputs skipped", &root, summary);
  }

  const Ref files = root.SetList(kRoot, "data_files");
  for (const auto& [name, what] : model.data_files) {
    const Ref entry = root.AddObject(files);
    const bool linked = IsSafeLinkTarget(name);
    root.SetBool(entry, "linked", linked);
    root.Set(entry, "name", CleanUtf8(name));
    root.Set(entry, "what", CleanUtf8(what));
  }
  root.SetBool(kRoot, "has_data_files", !model.data_files.empty());

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
