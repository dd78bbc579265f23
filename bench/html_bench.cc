// HTML article extraction (engine/html): gumbo parsing plus Parallax's own passes (nesting
// pre-scan, tree flattening, main-content choice, paragraph building) on typical and hostile pages.
#include <benchmark/benchmark.h>

#include <string>

#include "engine/base/file_io.h"
#include "engine/html/html_article.h"

namespace parallax {
namespace {

std::string Repeat(const std::string& s, int n) {
  std::string out;
  out.reserve(s.size() * n);
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

void Run(benchmark::State& state, const std::string& html, bool expect_ok) {
  for (auto _ : state) {
    auto a = ExtractHtmlArticle(html, "bench.html");
    if (a.ok() != expect_ok) state.SkipWithError(a.ok() ? "unexpected success" : "failed");
    benchmark::DoNotOptimize(a);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(html.size()));
}

// A typical WordPress article page (12 KB): the per-page cost of ingesting HTML.
void BM_NewsPage(benchmark::State& state) {
  auto html = ReadFile(std::string(PARALLAX_SOURCE_DIR) + "/tests/html/testdata/news_page.html");
  if (!html.ok()) {
    state.SkipWithError("news_page.html not found");
    return;
  }
  Run(state, *html, true);
}
BENCHMARK(BM_NewsPage);

// A page of state.range(0) MB of short paragraphs without markers: throughput of parsing and of
// scoring every block, and the memory gumbo needs per byte.
void BM_FlatPage(benchmark::State& state) {
  std::string p =
      "<p>Officials said, on Friday, that talks &amp; <a href=/x>trade</a> went well.</p>\n";
  Run(state, "<body>" + Repeat(p, static_cast<int>((state.range(0) << 20) / p.size())), true);
}
BENCHMARK(BM_FlatPage)->Arg(1)->Arg(8)->Arg(50)->Unit(benchmark::kMillisecond);

// 100,000 nested <div>s: without the nesting pre-scan gumbo takes about 10 s here (quadratic).
void BM_DeepNesting(benchmark::State& state) {
  Run(state, Repeat("<div>", 100000) + "deep" + Repeat("</div>", 100000), true);
}
BENCHMARK(BM_DeepNesting)->Unit(benchmark::kMillisecond);

// 200 open formatting elements re-opened in each of 20,000 paragraphs: gumbo would build four
// million elements; the memory budget (64 MB + 32 bytes per page byte) stops it.
void BM_ElementBomb(benchmark::State& state) {
  std::string html = "<p>";
  for (int i = 0; i < 200; ++i) html += "<b id=" + std::to_string(i) + ">x";
  Run(state, html + Repeat("<p>x", 20000), false);
}
BENCHMARK(BM_ElementBomb)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace parallax

BENCHMARK_MAIN();
