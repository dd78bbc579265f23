// The source profiles of the HTML report (html_parts.h): per source, a bar chart of its marks
// per 1,000 words (SVG geometry computed here, drawn by report.mustache), each bar linking to
// its sentences, and "who it cites", each cited source linking to its own.
#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/report/html_parts.h"
#include "engine/report/report.h"

namespace parallax::html {
namespace {

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
// text, and `has_items`. Each item names its article only when the outlet has several
// (`name_article`), and quotes the sentence's start: the link leads to all of it, highlighted.
void SetEvidenceItems(const ReportModel& model, const std::vector<SentenceRef>& refs,
                      bool name_article, TemplateData* data, Ref ev) {
  constexpr size_t kMaxQuoteBytes = 160;
  const Ref items = data->SetList(ev, "items");
  bool has_items = false;
  for (const SentenceRef& ref : refs) {
    if (!IsValidRef(model, ref)) continue;
    const ReportArticle& article = model.articles[ref.article];
    const ReportSentence& sentence = article.sentences[ref.sentence];
    const Ref item = data->AddObject(items);
    data->Set(item, "href", Href(SentenceAnchor(ref)));
    const std::string where = "\u00b6" + std::to_string(sentence.index);
    data->Set(item, "where", name_article ? CleanUtf8(ArticleLabel(article)) + " " + where : where);
    data->Set(item, "text",
              ShortenUtf8(CollapseSpaces(sentence.span.Of(article.text)), kMaxQuoteBytes));
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
    SetEvidenceItems(model, cited.evidence, profile.articles > 1, data, ev);
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
              label + ": " + rate + " per 1,000 words, " + std::to_string(bar.count) +
                  (bar.count == 1 ? " mark, " : " marks, ") + std::to_string(bar.own_voice_count) +
                  " in the outlet's own voice. Follow the link for the sentences.");

    const Ref ev = data->AddObject(evidence);
    data->Set(ev, "id", evidence_id);
    data->Set(ev, "label", label);
    data->Set(ev, "rate", rate);
    data->Set(ev, "count", std::to_string(bar.count));
    data->Set(ev, "own", std::to_string(bar.own_voice_count));
    data->Set(ev, "n", std::to_string(bar.evidence.size()));
    SetEvidenceItems(model, bar.evidence, profile.articles > 1, data, ev);
  }
  AddCitedSources(model, p, data, out);
}

}  // namespace

void SetProfiles(const ReportModel& model, TemplateData* data) {
  double max_rate = 0;
  for (const ReportSourceProfile& profile : model.profiles) {
    for (const ReportProfileBar& bar : profile.bars)
      max_rate = std::max(max_rate, bar.per_1000_words);
  }
  const double scale_max = NiceCeiling(max_rate);
  const Ref profiles = data->SetList(kRoot, "profiles");
  for (size_t p = 0; p < model.profiles.size(); ++p) {
    AddProfile(model, p, scale_max, data, profiles);
  }
  data->SetBool(kRoot, "has_profiles", !model.profiles.empty());
}

}  // namespace parallax::html
