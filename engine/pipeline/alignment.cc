#include "engine/pipeline/alignment.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <string_view>

#include "engine/base/parallel_for.h"
#include "engine/lexicon/lexicon.h"
#include "engine/lexicon/profile.h"
#include "engine/text/tokenizer.h"

namespace parallax {
namespace {

// Source ids by first appearance; articles without a source are sources of their own.
void AssignSources(const Corpus& corpus, Alignment* out) {
  std::map<std::string, uint32_t> ids;
  for (size_t a = 0; a < corpus.articles.size(); ++a) {
    const Article& article = corpus.articles[a];
    std::string name = article.source;
    bool own = name.empty();
    if (own) name = article.id.empty() ? "article " + std::to_string(a + 1) : article.id;
    auto it = own ? ids.end() : ids.find(name);
    if (it == ids.end()) {
      const uint32_t id = static_cast<uint32_t>(out->sources.size());
      out->sources.push_back(name);
      if (!own) ids.emplace(name, id);
      out->article_source.push_back(id);
    } else {
      out->article_source.push_back(it->second);
    }
  }
}

// A non-heading sentence of the corpus.
struct SentenceRef {
  uint32_t article = 0;
  uint32_t sentence = 0;  // position in corpus.sentences[article]
  std::string_view text;
  size_t base = 0;
};

// The name in a cited source given with an apposition: "Chad Griffin" in "Chad Griffin, the
// president of the Human Rights Campaign" and in "the group's president, Chad Griffin" (the
// first comma-separated part that does not open with an article); the whole of `cited`
// otherwise.
std::string_view NameOf(std::string_view cited) {
  size_t from = 0;
  while (from <= cited.size()) {
    size_t to = cited.find(',', from);
    if (to == std::string_view::npos) to = cited.size();
    std::string_view part = cited.substr(from, to - from);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    const bool description =
        part.starts_with("the ") || part.starts_with("a ") || part.starts_with("an ");
    if (!part.empty() && !description && part != cited) return part;
    from = to + 1;
  }
  return cited;
}

// The last word of a cited name's key ("Mr. Michael Steele" -> "steele"); empty for a pronoun.
std::string SpeakerKey(std::string_view name) {
  const std::string key = CitedSourceKey(name);
  const size_t space = key.find_last_of(' ');
  return space == std::string::npos ? key : key.substr(space + 1);
}

// Up to `n` words before byte `pos` of `text`, nearest first, lower-cased; they stop at a
// clause boundary (, ; : ( or a quotation mark), which is not crossed.
std::vector<std::string> WordsBefore(std::string_view text, size_t pos, size_t n) {
  std::vector<std::string> words;
  std::string word;
  for (size_t i = std::min(pos, text.size()); i > 0 && words.size() < n; --i) {
    const unsigned char c = static_cast<unsigned char>(text[i - 1]);
    if (std::isalpha(c) || c == '\'' || c >= 0x80) {
      word.insert(word.begin(), static_cast<char>(std::tolower(c)));
      continue;
    }
    if (!word.empty()) words.push_back(std::move(word));
    word.clear();
    if (c == ',' || c == ';' || c == ':' || c == '(' || c == '"') break;
  }
  if (!word.empty() && words.size() < n) words.push_back(std::move(word));
  return words;
}

// Returns true iff the attribution `m` frames the sentence's own statement: a cue in a relative
// clause ("businesses whose owners cite religious beliefs", "the senator, who said ...")
// attributes that clause only, though the lexicon rightly marks it.
bool FramesTheSentence(const Mark& m, std::string_view text) {
  for (const std::string& w : WordsBefore(text, m.span.start, 3)) {
    if (w == "who" || w == "whose" || w == "which") return false;
  }
  return true;
}

// How a sentence presents its content, from its marks: attribution cues of statements in the
// outlet's voice (not negated; the learned cue model's unconfirmed guesses left out) that frame
// the sentence, else hedges.
SentenceCertainty CertaintyOf(const std::vector<Mark>& marks, std::string_view text) {
  SentenceCertainty out;
  out.assertion = Assertion::kStated;
  std::vector<Span> hedges;
  std::string hedge_text;
  for (const Mark& m : marks) {
    if (m.voice != Voice::kOutlet || m.negated || m.lexicon == Lexicon::kCueModelFile) continue;
    // Attributions of a source ("prosecutors said", "according to X"); agentless cues ("newly
    // confirmed", "known as") present a detail, not the sentence, as someone's.
    // Cues reporting an act or stance ("opposed", "expressed concern about") attribute no
    // statement: "X opposed the plan" / "the plan" is no drift (BASIL batch: 3 such drifts, all
    // wrong).
    if (m.category == MarkCategory::kAttribution && m.source_kind != SourceKind::kNone) {
      if (m.reports_act || !FramesTheSentence(m, text)) continue;
      out.assertion = Assertion::kAttributed;
      out.cues.push_back(m.span);
      out.cue_text += (out.cue_text.empty() ? "" : ", ") + m.cue;
      if (m.cited.has_value() && m.cited->end <= text.size()) {
        std::string word;
        for (char ch : std::string(m.cited->Of(text)) + " ") {
          if (std::isalnum(static_cast<unsigned char>(ch))) {
            word += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
          } else {
            if (word.size() >= 3) out.source_words.push_back(word);
            word.clear();
          }
        }
      }
      if (m.source_kind == SourceKind::kNamed && m.cited.has_value() &&
          m.cited->end <= text.size()) {
        const std::string_view name = NameOf(m.cited->Of(text));
        std::string key = SpeakerKey(name);
        // A name: its last word is capitalised and is not a title ("the president").
        const size_t last = name.find_last_of(' ');
        const char first =
            name.empty() ? '\0' : name[last == std::string_view::npos ? 0 : last + 1];
        if (!key.empty() && first >= 'A' && first <= 'Z') {
          out.speakers.push_back(std::move(key));
          out.speaker_spans.push_back(*m.cited);
        }
      }
    } else if (m.category == MarkCategory::kHedge) {
      hedges.push_back(m.span);
      hedge_text += (hedge_text.empty() ? "" : ", ") + m.cue;
    }
  }
  if (out.assertion == Assertion::kStated && !hedges.empty()) {
    out.assertion = Assertion::kHedged;
    out.cues = std::move(hedges);
    out.cue_text = std::move(hedge_text);
  }
  std::sort(out.source_words.begin(), out.source_words.end());
  out.source_words.erase(std::unique(out.source_words.begin(), out.source_words.end()),
                         out.source_words.end());
  std::sort(out.speakers.begin(), out.speakers.end());
  out.speakers.erase(std::unique(out.speakers.begin(), out.speakers.end()), out.speakers.end());
  return out;
}

// Stories given in the input (a JSONL "story" field) win over grouping: articles with one label
// are one story, whatever their content; articles without a label keep the story grouping gave
// them among themselves. Stories are renumbered by their first article.
void HonourStoryLabels(const std::vector<std::string>& labels, std::vector<uint32_t>* story) {
  if (std::all_of(labels.begin(), labels.end(), [](const std::string& l) { return l.empty(); })) {
    return;
  }
  std::map<std::string, uint32_t> number;  // "L" + label or "G" + group -> new story
  for (size_t a = 0; a < story->size(); ++a) {
    const std::string key = a < labels.size() && !labels[a].empty()
                                ? "L" + labels[a]
                                : "G" + std::to_string((*story)[a]);
    auto [it, inserted] = number.try_emplace(key, static_cast<uint32_t>(number.size()));
    (*story)[a] = it->second;
  }
}

// The sentences taking part in alignment (headings and empty spans left out), article by
// article: article a's are refs[first[a], first[a + 1]).
struct CorpusSentences {
  std::vector<SentenceRef> refs;
  std::vector<size_t> first;
};

// Step 1: the sentences taking part.
CorpusSentences CollectSentences(const Corpus& corpus) {
  CorpusSentences out;
  const size_t article_count = corpus.articles.size();
  out.first.assign(article_count + 1, 0);
  for (size_t a = 0; a < article_count; ++a) {
    out.first[a] = out.refs.size();
    const std::string& text = corpus.articles[a].text;
    const std::vector<Sentence>& sentences = corpus.sentences[a];
    for (size_t s = 0; s < sentences.size(); ++s) {
      const Sentence& sentence = sentences[s];
      if (sentence.heading || sentence.span.empty() || sentence.span.end > text.size()) continue;
      out.refs.push_back({static_cast<uint32_t>(a), static_cast<uint32_t>(s),
                          sentence.span.Of(text), sentence.span.start});
    }
  }
  out.first[article_count] = out.refs.size();
  return out;
}

// Step 2: each sentence's features, article by article (a Stemmer per task).
std::vector<SentenceFeatures> Featurize(const CorpusSentences& sentences,
                                        const SimilarityModel& model, int threads) {
  std::vector<SentenceFeatures> features(sentences.refs.size());
  ParallelFor(sentences.first.size() - 1, threads, [&](size_t a) {
    Stemmer stemmer;
    for (size_t k = sentences.first[a]; k < sentences.first[a + 1]; ++k) {
      const SentenceRef& r = sentences.refs[k];
      features[k] = model.Featurize(r.text, r.base, &stemmer);
    }
  });
  return features;
}

// Step 4: each article's story (one story unless asked to group), and the stories' articles
// and sources.
void AssignStories(const Corpus& corpus, const CorpusSentences& sentences,
                   const SimilarityModel& model, const std::vector<SentenceFeatures>& features,
                   const std::vector<ScoredPair>& pairs, const AlignOptions& options,
                   Alignment* out) {
  const size_t article_count = corpus.articles.size();
  if (options.group_stories) {
    std::vector<StoryArticle> articles(article_count);
    Stemmer stemmer;
    for (size_t a = 0; a < article_count; ++a) {
      const size_t count = sentences.first[a + 1] - sentences.first[a];
      articles[a].source = out->article_source[a];
      articles[a].date = corpus.articles[a].date;
      articles[a].sentences = static_cast<uint32_t>(count);
      // Titles take part in grouping: "Sanders sends Democratic establishment into panic mode"
      // and "Democratic panic over Sanders reaches fever pitch" tell one story.
      const std::string& title = corpus.articles[a].title;
      const SentenceFeatures title_features =
          title.empty() ? SentenceFeatures() : model.Featurize(title, 0, &stemmer);
      articles[a].terms = ArticleTerms(
          std::span<const SentenceFeatures>(features).subspan(sentences.first[a], count),
          title.empty() ? nullptr : &title_features, options.stories.title_weight);
    }
    std::vector<uint32_t> sentence_article(sentences.refs.size());
    for (size_t k = 0; k < sentences.refs.size(); ++k)
      sentence_article[k] = sentences.refs[k].article;
    out->article_story = GroupStories(articles, sentence_article, pairs, options.stories);
    HonourStoryLabels(corpus.stories, &out->article_story);
  } else {
    out->article_story.assign(article_count, 0);
  }
  const size_t story_count =
      article_count == 0
          ? 0
          : *std::max_element(out->article_story.begin(), out->article_story.end()) + 1;
  out->stories.resize(story_count);
  for (size_t s = 0; s < story_count; ++s) out->stories[s].id = "s" + std::to_string(s + 1);
  for (size_t a = 0; a < article_count; ++a) {
    AlignedStory& story = out->stories[out->article_story[a]];
    story.articles.push_back(static_cast<uint32_t>(a));
    story.sources.push_back(out->article_source[a]);
  }
  for (AlignedStory& story : out->stories) {
    std::sort(story.sources.begin(), story.sources.end());
    story.sources.erase(std::unique(story.sources.begin(), story.sources.end()),
                        story.sources.end());
  }
}

// Step 5a: each story's sentences as the claim clusterer takes them, with their certainty
// from the marks; local[k] is sentence k's number within its story.
std::vector<std::vector<ClaimSentence>> StorySentences(
    const Corpus& corpus, const CorpusSentences& sentences,
    const std::vector<SentenceFeatures>& features, const AlignOptions& options,
    const Alignment& out, std::vector<uint32_t>* local) {
  std::vector<std::vector<ClaimSentence>> story_sentences(out.stories.size());
  local->resize(sentences.refs.size());
  for (size_t k = 0; k < sentences.refs.size(); ++k) {
    const SentenceRef& r = sentences.refs[k];
    std::vector<ClaimSentence>& list = story_sentences[out.article_story[r.article]];
    (*local)[k] = static_cast<uint32_t>(list.size());
    const Sentence& sentence = corpus.sentences[r.article][r.sentence];
    ClaimSentence c;
    c.article = r.article;
    c.sentence = static_cast<uint32_t>(sentence.index);
    c.source = out.article_source[r.article];
    c.features = &features[k];
    c.text = r.text;
    c.base = r.base;
    const std::string& text = corpus.articles[r.article].text;
    c.quotes = sentence.quotes;
    c.published = corpus.articles[r.article].date;
    if (options.marks != nullptr && r.article < options.marks->size() &&
        r.sentence < (*options.marks)[r.article].size()) {
      c.certainty = CertaintyOf((*options.marks)[r.article][r.sentence], text);
    }
    list.push_back(std::move(c));
  }
  return story_sentences;
}

// Step 5b: the scored pairs moved to their stories, renumbered (with one story, as they are:
// local numbers are global ones), so that the corpus-wide list is not held twice. Pairs across
// stories are dropped.
std::vector<std::vector<ScoredPair>> StoryPairs(std::vector<ScoredPair> pairs,
                                                const CorpusSentences& sentences,
                                                const std::vector<uint32_t>& local,
                                                const Alignment& out) {
  std::vector<std::vector<ScoredPair>> story_pairs(out.stories.size());
  if (out.stories.size() == 1) {
    story_pairs[0] = std::move(pairs);
    return story_pairs;
  }
  for (const ScoredPair& p : pairs) {
    const uint32_t story = out.article_story[sentences.refs[p.a].article];
    if (out.article_story[sentences.refs[p.b].article] != story) continue;
    story_pairs[story].push_back({local[p.a], local[p.b], p.score});
  }
  return story_pairs;
}

// Step 5c: claims, story by story in parallel (the threads left over go inside the stories;
// one story gets all of them), then numbered across the corpus.
void ClusterStories(std::vector<std::vector<ClaimSentence>> story_sentences,
                    std::vector<std::vector<ScoredPair>> story_pairs, const SimilarityModel& model,
                    const ClaimOptions& options, int threads, Alignment* out) {
  const size_t story_count = out->stories.size();
  std::vector<std::vector<Claim>> story_claims(story_count);
  ClaimOptions claim_options = options;
  claim_options.threads =
      story_count == 0 ? 1 : std::max(1, threads / static_cast<int>(story_count));
  ParallelFor(story_count, threads, [&](size_t s) {
    story_claims[s] = ClusterClaims(story_sentences[s], out->stories[s].sources, model,
                                    claim_options, std::move(story_pairs[s]));
    for (Claim& c : story_claims[s]) c.story = static_cast<uint32_t>(s);
  });
  for (std::vector<Claim>& claims : story_claims) {
    for (Claim& c : claims) out->claims.push_back(std::move(c));
  }
  NumberClaims(&out->claims);
}

}  // namespace

StatusOr<Alignment> AlignCorpus(const Corpus& corpus, const Resources& loaded,
                                const AlignOptions& options) {
  if (loaded.similarity == nullptr)
    return Status::InvalidInput("AlignCorpus: the similarity resources were not loaded");
  const SimilarityResources& resources = *loaded.similarity;
  if (corpus.sentences.size() != corpus.articles.size()) {
    return Status::InvalidInput("AlignCorpus: corpus has sentences for " +
                                std::to_string(corpus.sentences.size()) + " of " +
                                std::to_string(corpus.articles.size()) + " articles");
  }
  StageClock clock;
  const int threads = ResolveThreads(options.threads);
  Alignment out;
  AssignSources(corpus, &out);

  const CorpusSentences sentences = CollectSentences(corpus);
  std::vector<std::string_view> texts;
  texts.reserve(sentences.refs.size());
  for (const SentenceRef& r : sentences.refs) texts.push_back(r.text);
  const SimilarityModel model = SimilarityModel::Build(
      texts, resources.rules, &resources.aliases, &resources.wordnet, &resources.negators, threads);
  out.times.Add("model", clock.Lap());
  const std::vector<SentenceFeatures> features = Featurize(sentences, model, threads);
  out.times.Add("features", clock.Lap());

  // Step 3: the candidates of the whole corpus, scored once.
  std::vector<uint32_t> groups(sentences.refs.size());
  for (size_t k = 0; k < sentences.refs.size(); ++k)
    groups[k] = out.article_source[sentences.refs[k].article];
  std::vector<ScoredPair> pairs =
      ScoreCandidates(features, groups, model, options.claims.candidates, threads);
  out.times.Add("candidates", clock.Lap());

  AssignStories(corpus, sentences, model, features, pairs, options, &out);
  out.times.Add("stories", clock.Lap());

  std::vector<uint32_t> local;
  std::vector<std::vector<ClaimSentence>> story_sentences =
      StorySentences(corpus, sentences, features, options, out, &local);
  std::vector<std::vector<ScoredPair>> story_pairs =
      StoryPairs(std::move(pairs), sentences, local, out);
  ClusterStories(std::move(story_sentences), std::move(story_pairs), model, options.claims, threads,
                 &out);
  out.times.Add("claims", clock.Lap());
  return out;
}

}  // namespace parallax
