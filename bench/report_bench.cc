// The report's outputs (engine/report): RenderHtmlTo on a synthetic model shaped like the 1x
// benchmark corpus (1,074 articles from 9 outlets, ~35 sentences each, ~2 marks a sentence,
// ~24 claims per article, a tenth of them with a discrepancy), RenderJsonTo on the same model,
// and the template engine and escaper on their own. (html_bench.cc measures HTML article
// extraction, the input side.)
#include <benchmark/benchmark.h>

#include <cstring>
#include <kainjow/mustache.hpp>
#include <random>
#include <string>

#include "engine/report/compiled_template.h"
#include "engine/report/report.h"

namespace parallax {
namespace {

std::string Repeat(const std::string& s, int n) {
  std::string out;
  out.reserve(s.size() * n);
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

const char* const kWords[] = {"officials",   "said",       "the",       "talks",     "went",
                              "well",        "reportedly", "clearly",   "a",         "border",
                              "town",        "claimed",    "desperate", "efforts",   "police",
                              "\"quoted\"",  "on",         "Friday",    "according", "to",
                              "sources",     "12",         "killed",    "R&D",       "<minister>",
                              "caf\xC3\xA9", "may",        "blast",     "near",      "market"};
const char* const kCategories[] = {"hedge", "booster", "attribution", "evaluative", "scare_quote"};

// A model shaped like the 1x corpus's, scaled to `articles` articles; the same for a seed.
ReportModel SyntheticModel(int articles) {
  std::mt19937 random(42);
  auto pick = [&](int n) { return static_cast<int>(random() % n); };
  ReportModel model;
  model.title = "Synthetic report";
  model.parallax_version = "bench";
  for (int s = 0; s < 9; ++s) model.sources.push_back("Outlet " + std::to_string(s));
  for (int a = 0; a < articles; ++a) {
    ReportArticle article;
    article.id = "a" + std::to_string(a);
    article.source = model.sources[a % 9];
    article.title = "Article " + std::to_string(a) + " on the border talks";
    article.author = "Reporter " + std::to_string(a % 17);
    article.date = "2025-08-01";
    article.url = "https://example.org/" + std::to_string(a);
    article.tags = {"politics", "border"};
    const int sentences = 25 + pick(21);
    for (int s = 0; s < sentences; ++s) {
      ReportSentence sentence;
      sentence.index = s;
      sentence.paragraph = s / 4;
      sentence.heading = s == 0;
      const size_t start = article.text.size();
      const int words = 12 + pick(16);
      std::vector<Span> word_spans;
      for (int w = 0; w < words; ++w) {
        if (w > 0) article.text += ' ';
        const char* word = kWords[pick(sizeof(kWords) / sizeof(kWords[0]))];
        word_spans.push_back(Span{article.text.size(), article.text.size() + strlen(word)});
        article.text += word;
      }
      article.text += '.';
      sentence.span = Span{start, article.text.size()};
      for (int m = pick(5); m > 0; --m) {
        const int w = pick(words - 2);
        ReportMark mark;
        mark.category = kCategories[pick(5)];
        mark.span = Span{word_spans[w].start, word_spans[w + pick(3)].end};
        mark.cue = std::string(mark.span.Of(article.text));
        mark.entry = mark.cue;
        mark.lexicon = mark.category + "s";
        mark.voice = pick(3) == 0 ? "quoted" : "outlet";
        mark.negated = pick(10) == 0;
        if (mark.category == "attribution") {
          mark.stance = "neutral";
          mark.source_kind = "named";
          mark.source = word_spans[pick(words)];
        }
        sentence.marks.push_back(mark);
      }
      article.text += (s % 4 == 3) ? "\n\n" : " ";
      article.sentences.push_back(std::move(sentence));
    }
    model.articles.push_back(std::move(article));
  }
  const int claims = articles * 24;
  for (int c = 0; c < claims; ++c) {
    ReportClaim claim;
    claim.id = "c" + std::to_string(c);
    claim.score = 0.5 + pick(50) / 100.0;
    for (int k = 2 + pick(2); k > 0; --k) {
      const int a = pick(articles);
      claim.sentences.push_back({a, pick(static_cast<int>(model.articles[a].sentences.size()))});
    }
    if (pick(10) == 0) {
      ReportDiscrepancy d;
      d.kind = "number";
      d.description = "12 vs 20 killed";
      d.sentences = claim.sentences;
      const SentenceRef ref = claim.sentences[0];
      const Span span = model.articles[ref.article].sentences[ref.sentence].span;
      d.spans.push_back({ref, Span{span.start, span.start + 4}});
      claim.discrepancies.push_back(d);
    }
    model.claims.push_back(std::move(claim));
  }
  for (const std::string& source : model.sources) {
    ReportSourceProfile profile;
    profile.source = source;
    profile.articles = articles / 9;
    for (const char* category : kCategories) {
      ReportProfileBar bar;
      bar.label = category;
      bar.category = category;
      bar.count = 100;
      bar.per_1000_words = 3.5;
      for (int e = 0; e < 20; ++e) bar.evidence.push_back({pick(articles), 0});
      profile.bars.push_back(bar);
    }
    model.profiles.push_back(profile);
  }
  return model;
}

const std::string kTemplatesDir = std::string(PARALLAX_SOURCE_DIR) + "/reports/templates";

// The whole page, streamed to a sink that only counts bytes: template data building, sentence
// highlighting and template rendering of every claim row and full text, on range(1) threads.
// range(0) = 1074 is the 1x corpus's size.
void BM_RenderHtml(benchmark::State& state) {
  const ReportModel model = SyntheticModel(static_cast<int>(state.range(0)));
  HtmlOptions options;
  options.threads = static_cast<int>(state.range(1));
  int64_t bytes = 0;
  for (auto _ : state) {
    const Status status = RenderHtmlTo(model, kTemplatesDir, options, [&](std::string_view part) {
      bytes += part.size();
      return Status::Ok();
    });
    if (!status.ok()) state.SkipWithError(status.ToString().c_str());
  }
  state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_RenderHtml)
    ->Args({100, 1})
    ->Args({1074, 1})
    ->Args({1074, 2})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// The JSON document of the same model (runs beside the HTML in `parallax report`).
void BM_RenderJson(benchmark::State& state) {
  const ReportModel model = SyntheticModel(static_cast<int>(state.range(0)));
  int64_t bytes = 0;
  for (auto _ : state) {
    const Status status = RenderJsonTo(model, [&](std::string_view part) {
      bytes += part.size();
      return Status::Ok();
    });
    if (!status.ok()) state.SkipWithError(status.ToString().c_str());
  }
  state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_RenderJson)->Arg(100)->Arg(1074)->Unit(benchmark::kMillisecond);

// A claim row of 9 cells, each with a sentence of 3 highlight segments: the template engine
// alone (lookups through the context stack, sections, escaping), data built once.
const char kRowTemplate[] =
    "<tr id=\"{{anchor}}\">{{#cells}}{{#empty}}<td class=\"omission\"></td>{{/empty}}"
    "{{^empty}}<td data-source=\"{{source}}\">{{#sentences}}<p>{{{html}}} <a href=\"{{href}}\">"
    "{{index}}</a></p>{{/sentences}}</td>{{/empty}}{{/cells}}</tr>\n";

void BM_CompiledTemplateRow(benchmark::State& state) {
  auto tmpl = CompiledTemplate::Compile("row", kRowTemplate);
  TemplateData data;
  data.Set(TemplateData::kRoot, "anchor", "claim-12");
  const TemplateData::Ref cells = data.SetList(TemplateData::kRoot, "cells");
  for (int c = 0; c < 9; ++c) {
    const TemplateData::Ref cell = data.AddObject(cells);
    data.Set(cell, "source", "Outlet & Co");
    data.SetBool(cell, "empty", c % 3 == 0);
    const TemplateData::Ref sentence = data.AddObject(data.SetList(cell, "sentences"));
    data.Set(sentence, "html", "<span class=\"seg\">Officials said</span> the talks went well.");
    data.Set(sentence, "href", "#s-1-2");
    data.Set(sentence, "index", "2");
  }
  std::string out;
  for (auto _ : state) {
    out.clear();
    if (!tmpl->Render(data, &out).ok()) state.SkipWithError("render failed");
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * out.size());
}
BENCHMARK(BM_CompiledTemplateRow);

// The same row through kainjow mustache (parsed once, data built once): the reference engine
// the report used before, for comparison.
void BM_KainjowRow(benchmark::State& state) {
  namespace mustache = kainjow::mustache;
  mustache::mustache tmpl(kRowTemplate);
  mustache::data root;
  root.set("anchor", "claim-12");
  mustache::list cells;
  for (int c = 0; c < 9; ++c) {
    mustache::data cell;
    cell.set("source", "Outlet & Co");
    cell.set("empty", c % 3 == 0);
    mustache::data sentence;
    sentence.set("html", "<span class=\"seg\">Officials said</span> the talks went well.");
    sentence.set("href", "#s-1-2");
    sentence.set("index", "2");
    cell.set("sentences", mustache::list{sentence});
    cells.push_back(cell);
  }
  root.set("cells", cells);
  size_t size = 0;
  for (auto _ : state) {
    const std::string out = tmpl.render(root);
    size = out.size();
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * size);
}
BENCHMARK(BM_KainjowRow);

// Escaping article text (few special characters in long runs): the table-driven escaper.
void BM_AppendHtmlEscaped(benchmark::State& state) {
  const std::string text = Repeat("Officials said the talks went \"well\" & R<D> grew. ", 200);
  std::string out;
  for (auto _ : state) {
    out.clear();
    AppendHtmlEscaped(text, &out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * text.size());
}
BENCHMARK(BM_AppendHtmlEscaped);

}  // namespace
}  // namespace parallax

BENCHMARK_MAIN();
