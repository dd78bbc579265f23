#include "engine/lexicon/marker.h"

#include <algorithm>
#include <string_view>

#include "engine/lexicon/grammar_words.h"
#include "engine/lexicon/reported_speech.h"
#include "engine/lexicon/source_finder.h"
#include "engine/text/tokenizer.h"

namespace parallax {
namespace {

int Group(MarkCategory c) {
  return c == MarkCategory::kBooster ? static_cast<int>(MarkCategory::kHedge) : static_cast<int>(c);
}

// Punctuation classes of the characters between two tokens, for the cue model (see
// CueInput::punct).
std::string PunctClasses(std::string_view between) {
  std::string out;
  auto add = [&](char c) {
    if (out.size() < 3 && (out.empty() || out.back() != c)) out += c;
  };
  for (size_t i = 0; i < between.size(); ++i) {
    char c = between[i];
    switch (c) {
      case ',':
      case ':':
      case ';':
        add(c);
        break;
      case '"':
      case '\'':
        add('q');
        break;
      case '(':
      case ')':
      case '[':
      case ']':
        add('(');
        break;
      case '-':
        add('-');
        break;
      case '.':
      case '?':
      case '!':
        add('.');
        break;
      default:
        if (static_cast<unsigned char>(c) == 0xE2 && i + 2 < between.size() &&
            static_cast<unsigned char>(between[i + 1]) == 0x80) {
          unsigned char d = static_cast<unsigned char>(between[i + 2]);
          if (d == 0x93 || d == 0x94) add('-');                            // – —
          if (d == 0x98 || d == 0x99 || d == 0x9C || d == 0x9D) add('q');  // ‘ ’ “ ”
          if (d == 0xA6) add('.');                                         // …
          i += 2;
        }
    }
  }
  return out;
}

// A praising word right before a negative one modifies it and judges with it: "extraordinary
// rebuke", "remarkable failure" are negative. `marks` are ordered by start.
void ModifierTakesHeadPolarity(std::string_view text, std::vector<Mark>* marks) {
  Mark* previous = nullptr;
  for (Mark& m : *marks) {
    if (m.category != MarkCategory::kEvaluative) continue;
    if (previous != nullptr && previous->polarity == Polarity::kPositive &&
        m.polarity == Polarity::kNegative && previous->span.end <= m.span.start) {
      std::string_view between = Span{previous->span.end, m.span.start}.Of(text);
      if (between.find_first_not_of(" ") == std::string_view::npos)
        previous->polarity = Polarity::kNegative;
    }
    previous = &m;
  }
}

// A cue-model run's speaker is this many tokens or fewer ("Sen. Marco Rubio", "the officials").
constexpr int kMaxSpeakerTokens = 4;

}  // namespace

struct Marker::Candidate {
  TokenMatch match;
  const LexiconEntry* entry;
};

// A run of cue-model tokens: the cue it makes and the tokens [begin, end) left after trimming.
struct Marker::ModelRun {
  Candidate cue;
  int begin;
  int end;
};

struct Marker::SentenceScratch {
  std::vector<Token> tokens;
  std::vector<char> break_before;  // a clause break lies between token i-1 and token i
  std::vector<char> negator, anonymous;
  std::vector<char> non_report;     // inside a non_report phrase: never part of an attribution cue
  std::vector<TokenMatch> matches;  // every lexicon match in the sentence
  std::vector<Candidate> candidates;  // the matches that may become marks
  std::vector<Candidate> kept;        // the cues that survive overlap resolution, by start
  CueInput cue;                       // filled when there is a cue model
  std::vector<char> gate;             // tokens the cue model scores
};

struct Marker::SentenceContext {
  SentenceContext(std::string_view text, const Sentence& sentence, SentenceScratch* scratch,
                  int max_source_tokens)
      : text(text),
        sentence(sentence),
        s(*scratch),
        n(static_cast<int>(scratch->tokens.size())),
        finder({text, &s.tokens, &s.break_before, &s.anonymous}, max_source_tokens) {}

  // The byte span of tokens [begin, end).
  Span SpanOf(int begin, int end) const {
    return Span{s.tokens[begin].span.start, s.tokens[end - 1].span.end};
  }
  // The span lies inside one of the sentence's quotes.
  bool InQuote(const Span& span) const {
    for (const Span& q : sentence.quotes) {
      if (q.Contains(span)) return true;
    }
    return false;
  }
  SentenceTokens Tokens() const { return {text, &s.tokens, &s.break_before, &s.anonymous}; }

  std::string_view text;  // the whole article
  const Sentence& sentence;
  SentenceScratch& s;  // filled by Analyze; the steps after it change only s.kept
  const int n;         // tokens in the sentence
  SourceFinder finder;
  std::vector<Mark> marks;
  std::vector<AttributionExtent> attributions;  // of the attribution marks, in order of adding
};

Marker::Marker(const Lexicon& lexicon, MarkerOptions options)
    : entries_(lexicon.entries()),
      matcher_(entries_),
      options_(options),
      cue_model_(lexicon.cue_model()),
      negators_(lexicon) {
  for (const std::string& w : lexicon.function_words()) function_words_.Intern(w);
  model_entry_.text = "(attribution cue model)";
  model_entry_.lexicon = std::string(Lexicon::kCueModelFile);
  model_entry_.category = MarkCategory::kAttribution;
  model_entry_.stance = Stance::kNeutral;
  model_entry_.source_rule = SourceRule::kBefore;
}

void Marker::Analyze(std::string_view text, const Sentence& sentence, SentenceScratch* s) const {
  TokenizeAndMatch(text, sentence, s);
  ReadMatches(s);
  KeepLongestCues(s);
  if (cue_model_ != nullptr) FillCueInput(text, sentence, s);
}

void Marker::TokenizeAndMatch(std::string_view text, const Sentence& sentence,
                              SentenceScratch* s) const {
  std::vector<Token>& tokens = s->tokens;
  tokens.clear();
  Tokenize(sentence.span.Of(text), sentence.span.start, &tokens);
  const int n = static_cast<int>(tokens.size());
  std::vector<int32_t> ids;
  matcher_.WordIds(tokens, &ids);
  s->matches.clear();
  matcher_.Match(tokens, ids, &s->matches);

  s->break_before.assign(n + 1, 1);
  for (int i = 1; i < n; ++i) {
    Span between{tokens[i - 1].span.end, tokens[i].span.start};
    s->break_before[i] =
        HasClauseBreak(between.Of(text)) && !IsAbbreviationPeriod(between.Of(text), tokens[i - 1]);
  }
}

void Marker::ReadMatches(SentenceScratch* s) const {
  const std::vector<Token>& tokens = s->tokens;
  const int n = static_cast<int>(tokens.size());
  s->negator.assign(n, 0);
  s->anonymous.assign(n, 0);
  s->non_report.assign(n, 0);
  for (const TokenMatch& m : s->matches) {
    const LexiconEntry& e = entries_[m.entry];
    if (e.role != EntryRole::kNonReport || !SatisfiesContext(e, tokens, m)) continue;
    for (int i = m.cue_begin; i < m.cue_end; ++i) s->non_report[i] = 1;
  }
  auto in_non_report = [&](const TokenMatch& m) {
    for (int i = m.cue_begin; i < m.cue_end; ++i) {
      if (s->non_report[i]) return true;
    }
    return false;
  };
  s->candidates.clear();
  for (int i = 0; i < n; ++i) s->negator[i] = negators_.Contains(tokens[i].norm);
  for (const TokenMatch& m : s->matches) {
    const LexiconEntry& e = entries_[m.entry];
    if (e.role == EntryRole::kNonReport || !SatisfiesContext(e, tokens, m)) continue;
    if (e.category == MarkCategory::kAttribution && e.role == EntryRole::kMark &&
        in_non_report(m)) {
      continue;
    }
    if (e.role == EntryRole::kNegator) {
      continue;  // negators_ has flagged it
    } else if (e.role == EntryRole::kAnonymousSource) {
      for (int i = m.cue_begin; i < m.cue_end; ++i) s->anonymous[i] = 1;
    } else {
      s->candidates.push_back({m, &e});
    }
  }
}

void Marker::KeepLongestCues(SentenceScratch* s) {
  std::vector<Candidate>& candidates = s->candidates;
  // Longest cue first, then the heavier entry, then the earlier one; a candidate survives iff
  // its cue overlaps no survivor of its group.
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& x, const Candidate& y) {
    int lx = x.match.cue_end - x.match.cue_begin, ly = y.match.cue_end - y.match.cue_begin;
    if (lx != ly) return lx > ly;
    if (x.entry->weight != y.entry->weight) return x.entry->weight > y.entry->weight;
    if (x.match.cue_begin != y.match.cue_begin) return x.match.cue_begin < y.match.cue_begin;
    return x.match.entry < y.match.entry;
  });
  std::vector<Candidate>& kept = s->kept;
  kept.clear();
  for (const Candidate& c : candidates) {
    bool clash = false;
    for (const Candidate& k : kept) {
      if (Group(k.entry->category) == Group(c.entry->category) &&
          k.match.cue_begin < c.match.cue_end && c.match.cue_begin < k.match.cue_end) {
        clash = true;
        break;
      }
    }
    if (!clash) kept.push_back(c);
  }
  std::sort(kept.begin(), kept.end(), [](const Candidate& x, const Candidate& y) {
    return x.match.cue_begin < y.match.cue_begin;
  });
}

void Marker::FillCueInput(std::string_view text, const Sentence& sentence,
                          SentenceScratch* s) const {
  const std::vector<Token>& tokens = s->tokens;
  const int n = static_cast<int>(tokens.size());
  CueInput& in = s->cue;
  in.tokens = &tokens;
  in.has_quote_mark = false;
  in.hashes.resize(n);
  for (int i = 0; i < n; ++i) in.hashes[i] = HashWord(tokens[i].norm);
  in.punct.resize(n + 1);
  in.punct_hashes.resize(n + 1);
  in.punct_quote.resize(n + 1);
  for (int i = 0; i <= n; ++i) {
    size_t from = i == 0 ? sentence.span.start : tokens[i - 1].span.end;
    size_t to = i == n ? sentence.span.end : tokens[i].span.start;
    in.punct[i] = PunctClasses(Span{from, to}.Of(text));
    in.punct_hashes[i] = HashWord(in.punct[i]);
    in.punct_quote[i] = in.punct[i].find('q') != std::string::npos;
    in.has_quote_mark |= in.punct_quote[i] != 0;
  }
  in.in_quote.assign(n, 0);
  for (const Span& q : sentence.quotes) {
    for (int i = 0; i < n; ++i) {
      if (q.Contains(tokens[i].span)) in.in_quote[i] = 1;
    }
  }
  in.lexicon_cue.assign(n, -1);
  in.lexicon_pos.assign(n, 0);
  in.lexicon_text.assign(n, nullptr);
  in.hedge.assign(n, 0);
  for (const Candidate& c : s->kept) {
    for (int i = c.match.cue_begin; i < c.match.cue_end; ++i) {
      if (c.entry->category == MarkCategory::kAttribution) {
        in.lexicon_cue[i] = c.match.entry;
        in.lexicon_pos[i] = i == c.match.cue_begin ? 'B' : 'I';
        in.lexicon_text[i] = &c.entry->text;
      } else if (Group(c.entry->category) == Group(MarkCategory::kHedge)) {
        in.hedge[i] = 1;
      }
    }
  }
  cue_model_->Gate(in, &s->gate);
}

bool Marker::ModelRunConfirmed(std::string_view text, const SentenceScratch& a,
                               const TokenMatch& run) const {
  const std::vector<Token>& tokens = a.tokens;
  const int n = static_cast<int>(tokens.size());
  const int b = run.cue_begin, e = run.cue_end;
  // Reporting structure: content introduced by a colon, a quotation, "that" or a wh-word
  // ("warned that", "wondered whether"), or a quotation or comma before the run near the end
  // of the sentence ("“...,” she continued.").
  const std::string& after = e < n ? a.cue.punct[e] : a.cue.punct[n];
  const std::string& before = a.cue.punct[b];
  if (e < n && (after.find(':') != std::string::npos || after.find('q') != std::string::npos)) {
    return true;
  }
  if (e < n && after.empty() &&
      IsIn(tokens[e].norm, {"that", "whether", "if", "why", "how", "what", "when", "who"})) {
    return true;
  }
  if (before.find('q') != std::string::npos ||
      (b > 0 && before.find(',') != std::string::npos && n - e <= 3)) {
    return true;
  }
  // An agentless passive reports someone unnamed: "was asked", "is widely expected", and so
  // does a reduced relative ("the contests known as", "a contractor accused of").
  if (IsReducedRelative(tokens, a.break_before, b, e)) return true;
  for (int k = std::max(0, b - 2); k < e; ++k) {
    if (!IsBeForm(tokens[k].norm)) continue;
    for (int j = std::max(k + 1, b); j < e; ++j) {
      if (IsParticiple(tokens[j].norm)) return true;
    }
  }
  // A speaker: a short source ending in a name or a personal pronoun, or an anonymous one
  // ("Francis sees", "she continued", "officials worry"), not a phrase that merely precedes
  // the run ("the well-worn maxim from former Justice Potter Stewart about").
  SourceFinder finder({text, &a.tokens, &a.break_before, &a.anonymous}, options_.max_source_tokens);
  const CitedSpan source = finder.Find(model_entry_, run);
  return source.begin >= 0 && source.end - source.begin <= kMaxSpeakerTokens &&
         (tokens[source.end - 1].capitalized || IsPersonalPronoun(tokens[source.end - 1].norm) ||
          source.kind == SourceKind::kAnonymous);
}

void Marker::CueFeatures(std::string_view text, const Sentence& sentence,
                         std::vector<Token>* tokens, std::vector<char>* gate,
                         std::vector<std::vector<std::string>>* features,
                         std::vector<float>* scores) const {
  SentenceScratch a;
  Analyze(text, sentence, &a);
  const int n = static_cast<int>(a.tokens.size());
  features->assign(n, {});
  if (cue_model_ == nullptr) {
    gate->assign(n, 0);
  } else {
    *gate = a.gate;
  }
  if (scores != nullptr) scores->assign(n, 0);
  for (int i = 0; i < n; ++i) {
    if (!(*gate)[i]) continue;
    (*features)[i] = CueModel::Features(a.cue, i);
    if (scores != nullptr) (*scores)[i] = cue_model_->Score(a.cue, i);
  }
  *tokens = std::move(a.tokens);
}

std::vector<Mark> Marker::MarkSentence(std::string_view text, const Sentence& sentence) const {
  // Reused per thread: its vectors keep their capacity from sentence to sentence, which
  // saves some twenty allocations a sentence (Analyze resets every field it reads).
  thread_local SentenceScratch scratch;
  Analyze(text, sentence, &scratch);
  SentenceContext c(text, sentence, &scratch, options_.max_source_tokens);
  if (cue_model_ != nullptr) ApplyCueModel(&c);
  if (!options_.mark_nested_attributions) DropNestedAttributions(&c);
  BuildMarks(&c);
  if (options_.colon_cues) AddColonCues(&c);
  AddScareQuotes(&c);
  MarkReportedSpeech(&c);
  ApplyEvaluativeThreshold(options_.evaluative, &c.marks);
  std::stable_sort(c.marks.begin(), c.marks.end(),
                   [](const Mark& a, const Mark& b) { return a.span.start < b.span.start; });
  ModifierTakesHeadPolarity(text, &c.marks);
  return std::move(c.marks);
}

void Marker::ApplyCueModel(SentenceContext* c) const {
  // The model's runs of cue tokens replace the lexicon's attribution cues.
  std::vector<Candidate> merged;
  std::vector<Candidate> lexicon_cues;
  for (const Candidate& k : c->s.kept) {
    (k.entry->category == MarkCategory::kAttribution ? lexicon_cues : merged).push_back(k);
  }
  std::vector<char> confirmed(lexicon_cues.size(), 0);
  std::vector<float> score;
  std::vector<char> cue_token;
  ScoreCueTokens(*c, &score, &cue_token);
  // Hysteresis: a run is the tokens scoring above the extend threshold around at least one
  // scoring above the threshold, so that a cue's weaker words ("has", "in a statement") join a
  // confident verb without making cues of their own.
  const float seed_threshold = cue_model_->threshold();
  for (int i = 0; i < c->n;) {
    if (!cue_token[i]) {
      ++i;
      continue;
    }
    int end = i + 1;
    while (end < c->n && cue_token[end] && !c->s.break_before[end]) ++end;
    bool seeded = false;
    for (int t = i; t < end; ++t) seeded |= score[t] > seed_threshold;
    if (!seeded) {
      i = end;
      continue;
    }
    const ModelRun run = FindModelRun(*c, score, lexicon_cues, i, end, &confirmed);
    if (KeepsModelRun(*c, run)) merged.push_back(run.cue);
    i = run.end;
  }
  AddUnconfirmedLexiconCues(lexicon_cues, confirmed, &merged);
  std::sort(merged.begin(), merged.end(), [](const Candidate& x, const Candidate& y) {
    return x.match.cue_begin < y.match.cue_begin;
  });
  c->s.kept = std::move(merged);
}

void Marker::ScoreCueTokens(const SentenceContext& c, std::vector<float>* score,
                            std::vector<char>* cue_token) const {
  const float threshold = cue_model_->extend_threshold();
  const float seed_threshold = cue_model_->threshold();
  cue_token->assign(c.n, 0);
  score->assign(c.n, 0);
  for (int i = 0; i < c.n; ++i) {
    if (!c.s.gate[i]) continue;
    (*score)[i] = cue_model_->Score(c.s.cue, i);
    // A weak "and" or "or" does not join two cues into one ("stressed and claimed").
    (*cue_token)[i] =
        (*score)[i] > threshold && !c.s.non_report[i] &&
        ((*score)[i] > seed_threshold || !IsIn(c.s.tokens[i].norm, {"and", "or", "but"}));
  }
}

Marker::ModelRun Marker::FindModelRun(const SentenceContext& c, const std::vector<float>& score,
                                      const std::vector<Candidate>& lexicon_cues, int i, int end,
                                      std::vector<char>* confirmed) const {
  const std::vector<Token>& tokens = c.s.tokens;
  const float seed_threshold = cue_model_->threshold();
  Candidate run{TokenMatch{}, &model_entry_};
  run.match.begin = run.match.cue_begin = i;
  run.match.end = run.match.cue_end = end;
  // The run takes the lexicon cue it overlaps that holds its best-scoring token: the verb of
  // "statement further claimed", not the noun.
  int best = -1;
  float best_score = 0;
  for (size_t k = 0; k < lexicon_cues.size(); ++k) {
    const Candidate& cue = lexicon_cues[k];
    for (int t = std::max(i, cue.match.cue_begin); t < std::min(end, cue.match.cue_end); ++t) {
      if (best < 0 || score[t] > best_score) best = static_cast<int>(k), best_score = score[t];
    }
  }
  // Weak tokens at the ends of the run that belong to another lexicon cue stay out of it: "The
  // Pakistan Army statement further claimed" keeps "statement" in the source.
  auto other_cue = [&](int t) {
    for (size_t k = 0; k < lexicon_cues.size(); ++k) {
      const TokenMatch& m = lexicon_cues[k].match;
      if (static_cast<int>(k) != best && m.cue_begin <= t && t < m.cue_end) return true;
    }
    return false;
  };
  if (best >= 0) {
    while (end - i > 1 && score[i] <= seed_threshold && other_cue(i)) ++i;
    while (end - i > 1 && score[end - 1] <= seed_threshold && other_cue(end - 1)) --end;
  }
  // The reported content starts where the cue ends: a run never ends on an article or a
  // possessive ("noting the focus"), nor on a weak word that is neither a function word nor an
  // auxiliary ("expressed satisfaction"). On PolNeAR train's held-out fifth this trades cue
  // token recall for precision at the same F1.
  auto weak_end = [&](int t) {
    if (IsDeterminer(tokens[t].norm) || IsDefiniteOpener(tokens[t].norm)) return true;
    return score[t] <= seed_threshold && function_words_.Find(tokens[t].norm) < 0 &&
           !IsVerbGroupWord(tokens[t].norm);
  };
  while (end - i > 1 && weak_end(end - 1)) --end;
  if (best >= 0) {
    // A construction whose source the pattern locates ("what he described as", "according
    // to") keeps its whole pattern in the cue.
    const Candidate& cue = lexicon_cues[best];
    run = cue;
    const bool deliberate =
        cue.entry->source_rule == SourceRule::kGap || cue.entry->source_rule == SourceRule::kAfter;
    run.match.cue_begin = deliberate ? std::min(cue.match.cue_begin, i) : i;
    run.match.cue_end = deliberate ? std::max(cue.match.cue_end, end) : end;
    run.match.begin = std::min(cue.match.begin, i);
    run.match.end = std::max(cue.match.end, end);
    (*confirmed)[best] = 1;
  }
  // A run of the model's own keeps the extent it was found with: the trimming above decides only
  // whether it is function words alone (KeepsModelRun) and where the next run is looked for.
  return {run, i, end};
}

bool Marker::KeepsModelRun(const SentenceContext& c, const ModelRun& run) const {
  if (run.cue.entry != &model_entry_) return true;
  // A run of function words, auxiliaries and verb adverbs alone ("on", "has", "is also") is no
  // cue ("Rubio has 28") or the rest of one whose verb scored low: dropped.
  bool function_words_only = true;
  for (int t = run.begin; t < run.end && function_words_only; ++t) {
    function_words_only =
        function_words_.Find(c.s.tokens[t].norm) >= 0 || IsVerbGroupWord(c.s.tokens[t].norm);
  }
  // A run no lexicon cue confirms stands only with a reporting structure or a speaker.
  const bool unconfirmed =
      options_.confirm_model_cues && !ModelRunConfirmed(c.text, c.s, run.cue.match);
  return !function_words_only && !unconfirmed;
}

void Marker::AddUnconfirmedLexiconCues(const std::vector<Candidate>& lexicon_cues,
                                       const std::vector<char>& confirmed,
                                       std::vector<Candidate>* merged) const {
  // Lexicon cues the model does not confirm stay when they are constructions rather than single
  // ambiguous verbs: a phrase ("according to"), or an entry with its own source rule
  // ("reportedly", "what he described as"); and, without confirm_model_cues, report verbs that
  // carry a stance other than neutral ("claimed", "underscored", "admitted").
  for (size_t k = 0; k < lexicon_cues.size(); ++k) {
    const Candidate& c = lexicon_cues[k];
    if (confirmed[k]) continue;
    bool overlaps = false;
    for (const Candidate& m : *merged) {
      if (m.entry->category == MarkCategory::kAttribution && m.match.cue_begin < c.match.cue_end &&
          c.match.cue_begin < m.match.cue_end) {
        overlaps = true;
      }
    }
    const bool stance_verb = c.entry->stance && *c.entry->stance != Stance::kNeutral;
    // With confirm_model_cues, a single report verb of the lexicon that the model does not
    // confirm goes, whatever its stance: on PolNeAR train's held-out fifth "claimed", "showed",
    // "admitted" alone were as often no cue as a cue.
    const bool keep = c.entry->source_rule != SourceRule::kBefore ||
                      c.match.cue_end - c.match.cue_begin > 1 ||
                      (stance_verb && !options_.confirm_model_cues);
    if (!overlaps && keep) merged->push_back(c);
  }
}

void Marker::DropNestedAttributions(SentenceContext* c) {
  // "Merrill says Machado promised to", "Shelby said he refused to": a report verb in the same
  // clause after an attribution is part of what that attribution reports, unless it is a
  // second verb of the speaker ("said ... and warned", "but has said") or a construction that
  // locates its own source ("what he described as", "according to"). A cue inside a quotation
  // ("“I think we win,” he said") is the quoted speaker's.
  SentenceScratch* s = &c->s;
  std::vector<Candidate>& kept = s->kept;
  const Candidate* previous = nullptr;
  size_t out = 0;
  for (size_t k = 0; k < kept.size(); ++k) {
    const Candidate& cue = kept[k];
    if (cue.entry->category != MarkCategory::kAttribution) {
      kept[out++] = cue;
      continue;
    }
    const TokenMatch& m = cue.match;
    bool nested = previous != nullptr && previous->match.cue_end <= m.cue_begin &&
                  cue.entry->source_rule == SourceRule::kBefore;
    for (int t = nested ? previous->match.cue_end : 0; nested && t <= m.cue_begin; ++t) {
      // An ASCII dash ("--", " - ") is no clause break elsewhere, but it ends the content.
      const std::string_view gap =
          Span{s->tokens[t - 1].span.end, s->tokens[t].span.start}.Of(c->text);
      if (s->break_before[t] || gap.find("--") != std::string_view::npos ||
          gap.find(" - ") != std::string_view::npos ||
          (t < m.cue_begin && IsIn(s->tokens[t].norm, {"and", "but", "or"}))) {
        nested = false;
      }
    }
    if (nested || c->InQuote(c->SpanOf(m.cue_begin, m.cue_end))) continue;
    previous = &kept[out];
    kept[out++] = cue;
  }
  kept.resize(out);
}

void Marker::BuildMarks(SentenceContext* c) const {
  const std::vector<Token>& tokens = c->s.tokens;
  for (const Candidate& k : c->s.kept) {
    const LexiconEntry& e = *k.entry;
    const TokenMatch& m = k.match;
    Mark mark;
    mark.category = e.category;
    mark.span = c->SpanOf(m.cue_begin, m.cue_end);
    if (e.category == MarkCategory::kAttribution && options_.extend_attribution_cues &&
        cue_model_ == nullptr && e.source_rule != SourceRule::kAfter &&
        e.source_rule != SourceRule::kGap &&
        !tokens[m.cue_begin].norm.ends_with("ly")) {  // not adverbs: "was reportedly"
      int b = m.cue_begin, en = m.cue_end;
      while (b > 0 && !c->s.break_before[b] && IsVerbGroupWord(tokens[b - 1].norm)) --b;
      if (en < c->n && !c->s.break_before[en] && IsParticle(tokens[en].norm)) ++en;
      mark.span = c->SpanOf(b, en);
    }
    mark.cue = std::string(mark.span.Of(c->text));
    mark.entry = e.text;
    mark.lexicon = e.lexicon;
    mark.weight = e.weight;
    if (c->InQuote(mark.span)) {
      mark.voice = Voice::kQuoted;
      mark.speech = Speech::kDirect;
    }
    mark.negated = Negated(*c, m.cue_begin);
    if (e.category == MarkCategory::kBooster && mark.negated) {
      mark.category = MarkCategory::kHedge;  // "not certain", "not necessarily"
    }
    if (e.category == MarkCategory::kEvaluative) {
      mark.polarity = e.polarity;
      if (mark.negated && e.polarity) mark.polarity = Opposite(*e.polarity);
    }
    if (e.category == MarkCategory::kAttribution) {
      mark.stance = e.stance;
      mark.reports_act = e.reports_act;
      const CitedSpan source = c->finder.Find(e, m);
      if (source.begin >= 0) mark.cited = c->SpanOf(source.begin, source.end);
      mark.source_kind = source.kind;
      c->attributions.push_back(
          {m.cue_begin, m.cue_end, source.begin, source.end, e.source_rule != SourceRule::kNone});
    }
    c->marks.push_back(std::move(mark));
  }
}

bool Marker::Negated(const SentenceContext& c, int cue_begin) const {
  const std::vector<Token>& tokens = c.s.tokens;
  for (int i = cue_begin - 1; i >= 0 && i >= cue_begin - options_.negation_window; --i) {
    if (c.s.break_before[i + 1]) break;
    // "not only", "not just", "not merely" add to the cue rather than deny it: "not only
    // seemed" still seemed.
    const bool focus = tokens[i].norm == "not" && i + 1 < cue_begin &&
                       IsIn(tokens[i + 1].norm, {"only", "just", "merely", "simply"});
    if (c.s.negator[i] && !focus) return true;
  }
  return false;
}

void Marker::AddColonCues(SentenceContext* c) const {
  // A colon that introduces a quotation ("Sanders: “We need...”", 'He put it this way: "..."')
  // or follows a headline speaker ("John McCain: Republican anger...") is an attribution cue of
  // its own, unless a cue ends right before it ("said:").
  const std::vector<Token>& tokens = c->s.tokens;
  const std::vector<char>& break_before = c->s.break_before;
  for (int i = 1; i < c->n; ++i) {
    Span between{tokens[i - 1].span.end, tokens[i].span.start};
    std::string_view gap = between.Of(c->text);
    size_t colon = gap.find(':');
    if (colon == std::string_view::npos || tokens[i - 1].is_number) continue;
    std::string_view rest = gap.substr(colon + 1);
    bool quote_follows = rest.find('"') != std::string_view::npos ||
                         rest.find("\xE2\x80\x9C") != std::string_view::npos;
    bool headline = i <= 4;
    for (int k = 0; k < i && headline; ++k) {
      if (!tokens[k].capitalized || (k > 0 && break_before[k])) headline = false;
    }
    if (!quote_follows && !headline) continue;
    Span colon_span{between.start + colon, between.start + colon + 1};
    bool said = false;
    for (const Mark& mk : c->marks) {
      if (mk.category == MarkCategory::kAttribution && mk.span.end == tokens[i - 1].span.end) {
        said = true;
      }
    }
    if (said) continue;
    Mark mark;
    mark.category = MarkCategory::kAttribution;
    mark.span = colon_span;
    mark.cue = ":";
    mark.entry = headline ? "(speaker and colon)" : "(colon before a quotation)";
    mark.stance = Stance::kNeutral;
    if (c->InQuote(colon_span)) {
      mark.voice = Voice::kQuoted;
      mark.speech = Speech::kDirect;
    }
    int b = i - 1;
    while (b > 0 && i - b < options_.max_source_tokens && !break_before[b] &&
           !IsClauseWord(tokens[b - 1].norm)) {
      --b;
    }
    if (b < i && headline) {
      mark.cited = c->SpanOf(b, i);
      mark.source_kind = c->finder.Classify(b, i);
      c->attributions.push_back({i, i, b, i, true});
    } else {
      mark.source_kind = SourceKind::kNone;
      c->attributions.push_back({i, i, -1, -1, true});
    }
    c->marks.push_back(std::move(mark));
  }
}

void Marker::AddScareQuotes(SentenceContext* c) const {
  const std::vector<Token>& tokens = c->s.tokens;
  const int n = c->n;
  for (const Span& q : c->sentence.quotes) {
    int first = n, last = -1;
    for (int i = 0; i < n; ++i) {
      if (q.Contains(tokens[i].span)) {
        first = std::min(first, i);
        last = std::max(last, i);
      }
    }
    int words = last - first + 1;
    if (last < 0 || words > options_.max_scare_quote_words || words == n) continue;
    std::string_view inner = Span{tokens[last].span.end, q.end}.Of(c->text);
    if (inner.find_first_of(",?!") != std::string_view::npos) continue;  // speech
    std::string_view before = Span{c->sentence.span.start, q.start}.Of(c->text);
    while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
    if (!before.empty() && (before.back() == ':' || before.back() == ',')) continue;
    bool spoken = false;
    for (const Mark& mk : c->marks) {
      if (mk.category != MarkCategory::kAttribution) continue;
      int cb = -1, ce = -1;
      for (int i = 0; i < n; ++i) {
        if (tokens[i].span.start == mk.span.start) cb = i;
        if (tokens[i].span.end == mk.span.end) ce = i + 1;
      }
      if (ce <= first && first - ce < options_.quote_speaker_window) spoken = true;
      if (cb > last && cb - last <= options_.quote_speaker_window) spoken = true;
    }
    if (spoken) continue;
    bool title = true;  // "Strengthening Bonds, Securing Peace": a name, not a scare quote
    for (int i = first; i <= last; ++i) {
      if (!tokens[i].capitalized && !tokens[i].is_number) title = false;
    }
    if (title && words > 1) continue;
    Mark mark;
    mark.category = MarkCategory::kScareQuote;
    mark.span = q;
    mark.cue = std::string(q.Of(c->text));
    mark.entry = "short quote without a speaker";
    mark.lexicon = "";
    mark.voice = Voice::kOutlet;
    c->marks.push_back(std::move(mark));
  }
}

void Marker::MarkReportedSpeech(SentenceContext* c) const {
  // Hedges, boosters and evaluative words in the content of an attribution are the cited
  // source's ("officials said the case is overblown"), cue words of another attribution
  // included ("Brazile said Clinton appeared to"): content never holds its own cue.
  std::stable_sort(c->attributions.begin(), c->attributions.end(),
                   [](const AttributionExtent& x, const AttributionExtent& y) {
                     return x.cue_begin < y.cue_begin;
                   });
  const std::vector<std::pair<int, int>> content =
      ReportedContent(c->Tokens(), c->attributions, c->sentence.quotes);
  for (Mark& mark : c->marks) {
    if (mark.voice != Voice::kOutlet ||
        (mark.category != MarkCategory::kHedge && mark.category != MarkCategory::kBooster &&
         mark.category != MarkCategory::kEvaluative)) {
      continue;
    }
    bool reported = false;
    for (const auto& [b, e] : content) reported |= c->SpanOf(b, e).Contains(mark.span);
    if (reported) {
      mark.voice = Voice::kQuoted;
      mark.speech = Speech::kReported;
    }
  }
}

}  // namespace parallax
