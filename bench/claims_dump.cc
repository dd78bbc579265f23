// claims_dump: prints the claims AlignCorpus finds in a corpus, for reading by eye until
// `parallax report --json` carries them.
//
//   claims_dump [--stories] [--all] [--threshold T] [--pairs-above S] INPUT...
// INPUT is anything LoadCorpus reads (a manifest, article files, JSONL). Claims carried by
// several sources are printed with their members, omissions and discrepancies; --all also
// prints the claims carried by one source only. The data directory is PARALLAX_DATA_DIR, else
// the source tree.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "engine/base/parallel_for.h"
#include "engine/pipeline/alignment.h"
#include "engine/pipeline/corpus.h"

int main(int argc, char** argv) {
  using namespace parallax;
  bool all = false;
  bool stories = false;
  double threshold = -1;
  double pairs_above = -1;
  std::vector<std::string> inputs;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--all") {
      all = true;
    } else if (arg == "--threshold" && i + 1 < argc) {
      threshold = std::atof(argv[++i]);
    } else if (arg == "--pairs-above" && i + 1 < argc) {
      pairs_above = std::atof(argv[++i]);
    } else if (arg == "--stories") {
      stories = true;
    } else {
      inputs.push_back(arg);
    }
  }
  if (inputs.empty()) {
    std::fprintf(
        stderr,
        "usage: claims_dump [--stories] [--all] [--threshold T] [--pairs-above S] INPUT...\n");
    return 2;
  }
  const char* env = std::getenv("PARALLAX_DATA_DIR");
  const std::string data_dir = env != nullptr && *env != '\0' ? env : PARALLAX_SOURCE_DIR;
  CorpusOptions corpus_options;
  corpus_options.data_dir = data_dir;
  StatusOr<Corpus> corpus = LoadCorpus(inputs, corpus_options);
  if (!corpus.ok()) {
    std::fprintf(stderr, "%s\n", corpus.status().message().c_str());
    return 1;
  }
  AlignOptions options;
  options.data_dir = data_dir;
  options.group_stories = stories;
  options.claims.edge_threshold = threshold;
  StatusOr<Alignment> alignment = AlignCorpus(*corpus, options);
  if (!alignment.ok()) {
    std::fprintf(stderr, "%s\n", alignment.status().message().c_str());
    return 1;
  }
  const Alignment& al = *alignment;
  if (pairs_above >= 0) {
    // Every scored candidate pair at least `pairs_above`, to see what the threshold cuts.
    auto res = LoadSimilarityResources(data_dir);
    std::vector<std::string_view> texts;
    std::vector<uint32_t> groups;
    std::vector<std::pair<size_t, size_t>> where;
    for (size_t a = 0; a < corpus->articles.size(); ++a) {
      for (size_t s = 0; s < corpus->sentences[a].size(); ++s) {
        if (corpus->sentences[a][s].heading) continue;
        texts.push_back(corpus->sentences[a][s].span.Of(corpus->articles[a].text));
        groups.push_back(al.article_source[a]);
        where.emplace_back(a, s);
      }
    }
    SimilarityModel model =
        SimilarityModel::Build(texts, res->rules, &res->aliases, &res->wordnet, &res->negators);
    Stemmer stemmer;
    std::vector<SentenceFeatures> f;
    for (std::string_view t : texts) f.push_back(model.Featurize(t, 0, &stemmer));
    for (const ScoredPair& p : ScoreCandidates(f, groups, model, CandidateOptions(), 1)) {
      if (p.score < pairs_above) continue;
      std::printf("%.3f  %zu#%zu  %zu#%zu\n   %s\n   %s\n", p.score, where[p.a].first,
                  where[p.a].second, where[p.b].first, where[p.b].second,
                  std::string(texts[p.a]).c_str(), std::string(texts[p.b]).c_str());
    }
    return 0;
  }
  size_t shared = 0;
  for (const Claim& claim : al.claims) {
    if (claim.sources.size() > 1) ++shared;
    if (claim.sources.size() < 2 && !all) continue;
    std::printf("%s (story %s) carried by:", claim.id.c_str(), al.stories[claim.story].id.c_str());
    for (uint32_t s : claim.sources) std::printf(" [%s]", al.sources[s].c_str());
    std::printf("  omitted by:");
    for (uint32_t s : claim.omitted) std::printf(" [%s]", al.sources[s].c_str());
    std::printf("\n");
    for (const ClaimMember& m : claim.members) {
      const Article& article = corpus->articles[m.article];
      const Sentence& sentence = corpus->sentences[m.article][m.sentence];
      std::printf("  %s #%u (%.3f): %s\n", al.sources[m.source].c_str(), m.sentence, m.score,
                  std::string(sentence.span.Of(article.text)).c_str());
    }
    for (const ClaimDiscrepancy& d : claim.discrepancies) {
      std::printf("  ! %s: #%u '%s' vs #%u '%s'\n", DiscrepancyKindName(d.discrepancy.kind),
                  claim.members[d.a].sentence, d.discrepancy.a_text.c_str(),
                  claim.members[d.b].sentence, d.discrepancy.b_text.c_str());
    }
  }
  std::printf("%zu claims, %zu carried by more than one source, %zu stories\n", al.claims.size(),
              shared, al.stories.size());
  return 0;
}
