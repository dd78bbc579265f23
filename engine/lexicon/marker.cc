#include "engine/lexicon/marker.h"

#include <algorithm>
#include <string_view>

#include "engine/lexicon/grammar_words.h"
#include "engine/lexicon/reported_speech.h"
#include "engine/lexicon/source_finder.h"
#include "engine/text/tokenizer.h"

namespace parallax {
namespace {

struct Candidate {
  TokenMatch match;
  const LexiconEntry* entry;
};

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
    if (previous != nullptr && previous->polarity == "positive" && m.polarity == "negative" &&
        previous->span.end <= m.span.start) {
      std::string_view between = Span{previous->span.end, m.span.start}.Of(text);
      if (between.find_first_not_of(" ") == std::string_view::npos) previous->polarity = "negative";
    }
    previous = &m;
  }
}

// A cue-model run's speaker is this many tokens or fewer ("Sen. Marco Rubio", "the officials").
constexpr int kMaxSpeakerTokens = 4;

}  // namespace

struct Marker::Analysis {
  std::vector<Token> tokens;
  std::vector<char> break_before;  // a clause break lies between token i-1 and token i
  std::vector<char> negator, anonymous;
  std::vector<char> non_report;  // inside a non_report phrase: never part of an attribution cue
  std::vector<Candidate> kept;   // the cues that survive overlap resolution, by start
  CueInput cue;                  // filled when there is a cue model
  std::vector<char> gate;        // tokens the cue model scores
};

Marker::Marker(const Lexicon& lexicon, MarkerOptions options)
    : entries_(lexicon.entries()),
      matcher_(entries_),
      options_(options),
      cue_model_(lexicon.cue_model()) {
  for (const std::string& w : lexicon.function_words()) function_words_.Intern(w);
  model_entry_.text = "(attribution cue model)";
  model_entry_.lexicon = std::string(Lexicon::kCueModelFile);
  model_entry_.category = MarkCategory::kAttribution;
  model_entry_.stance = "neutral";
  model_entry_.source_rule = SourceRule::kBefore;
}

void Marker::Analyze(std::string_view text, const Sentence& sentence, Analysis* a) const {
  std::vector<Token>& tokens = a->tokens;
  tokens.clear();
  Tokenize(sentence.span.Of(text), sentence.span.start, &tokens);
  const int n = static_cast<int>(tokens.size());
  std::vector<int32_t> ids;
  matcher_.WordIds(tokens, &ids);
  std::vector<TokenMatch> matches;
  matcher_.Match(tokens, ids, &matches);

  std::vector<char>& break_before = a->break_before;
  break_before.assign(n + 1, 1);
  for (int i = 1; i < n; ++i) {
    Span between{tokens[i - 1].span.end, tokens[i].span.start};
    break_before[i] =
        HasClauseBreak(between.Of(text)) && !IsAbbreviationPeriod(between.Of(text), tokens[i - 1]);
  }

  std::vector<char>& negator = a->negator;
  std::vector<char>& anonymous = a->anonymous;
  negator.assign(n, 0);
  anonymous.assign(n, 0);
  std::vector<char>& non_report = a->non_report;
  non_report.assign(n, 0);
  for (const TokenMatch& m : matches) {
    const LexiconEntry& e = entries_[m.entry];
    if (e.role != EntryRole::kNonReport || !SatisfiesContext(e, tokens, m)) continue;
    for (int i = m.cue_begin; i < m.cue_end; ++i) non_report[i] = 1;
  }
  auto in_non_report = [&](const TokenMatch& m) {
    for (int i = m.cue_begin; i < m.cue_end; ++i) {
      if (non_report[i]) return true;
    }
    return false;
  };
  std::vector<Candidate> candidates;
  for (int i = 0; i < n; ++i) negator[i] = IsNegatorWord(tokens[i].norm);
  for (const TokenMatch& m : matches) {
    const LexiconEntry& e = entries_[m.entry];
    if (e.role == EntryRole::kNonReport || !SatisfiesContext(e, tokens, m)) continue;
    if (e.category == MarkCategory::kAttribution && e.role == EntryRole::kMark &&
        in_non_report(m)) {
      continue;
    }
    if (e.role == EntryRole::kNegator) {
      for (int i = m.cue_begin; i < m.cue_end; ++i) negator[i] = 1;
    } else if (e.role == EntryRole::kAnonymousSource) {
      for (int i = m.cue_begin; i < m.cue_end; ++i) anonymous[i] = 1;
    } else {
      candidates.push_back({m, &e});
    }
  }

  // Longest cue first, then the heavier entry, then the earlier one; a candidate survives iff
  // its cue overlaps no survivor of its group.
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& x, const Candidate& y) {
    int lx = x.match.cue_end - x.match.cue_begin, ly = y.match.cue_end - y.match.cue_begin;
    if (lx != ly) return lx > ly;
    if (x.entry->weight != y.entry->weight) return x.entry->weight > y.entry->weight;
    if (x.match.cue_begin != y.match.cue_begin) return x.match.cue_begin < y.match.cue_begin;
    return x.match.entry < y.match.entry;
  });
  std::vector<Candidate>& kept = a->kept;
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
  if (cue_model_ == nullptr) return;

  CueInput& in = a->cue;
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
  for (const Candidate& c : kept) {
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
  cue_model_->Gate(in, &a->gate);
}

bool Marker::ModelRunConfirmed(std::string_view text, const Analysis& a,
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
          source.kind == "anonymous");
}

void Marker::CueFeatures(std::string_view text, const Sentence& sentence,
                         std::vector<Token>* tokens, std::vector<char>* gate,
                         std::vector<std::vector<std::string>>* features,
                         std::vector<float>* scores) const {
  Analysis a;
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
  std::vector<Mark> marks;
  // Reused per thread: its vectors keep their capacity from sentence to sentence, which
  // saves some twenty allocations a sentence (Analyze resets every field it reads).
  thread_local Analysis analysis;
  Analyze(text, sentence, &analysis);
  const std::vector<Token>& tokens = analysis.tokens;
  const int n = static_cast<int>(tokens.size());
  const std::vector<char>& break_before = analysis.break_before;
  const std::vector<char>& negator = analysis.negator;
  const std::vector<char>& anonymous = analysis.anonymous;
  std::vector<Candidate>& kept = analysis.kept;

  if (cue_model_ != nullptr) {
    // The model's runs of cue tokens replace the lexicon's attribution cues.
    std::vector<Candidate> merged;
    std::vector<Candidate> lexicon_cues;
    for (const Candidate& c : kept) {
      (c.entry->category == MarkCategory::kAttribution ? lexicon_cues : merged).push_back(c);
    }
    std::vector<char> confirmed(lexicon_cues.size(), 0);
    // Hysteresis: a run is the tokens scoring above the extend threshold around at least one
    // scoring above the threshold, so that a cue's weaker words ("has", "in a statement")
    // join a confident verb without making cues of their own.
    const float threshold = cue_model_->extend_threshold();
    const float seed_threshold = cue_model_->threshold();
    std::vector<char> cue_token(n, 0);
    std::vector<float> score(n, 0);
    for (int i = 0; i < n; ++i) {
      if (!analysis.gate[i]) continue;
      score[i] = cue_model_->Score(analysis.cue, i);
      // A weak "and" or "or" does not join two cues into one ("stressed and claimed").
      cue_token[i] = score[i] > threshold && !analysis.non_report[i] &&
                     (score[i] > seed_threshold || !IsIn(tokens[i].norm, {"and", "or", "but"}));
    }
    for (int i = 0; i < n;) {
      if (!cue_token[i]) {
        ++i;
        continue;
      }
      int end = i + 1;
      while (end < n && cue_token[end] && !break_before[end]) ++end;
      bool seeded = false;
      for (int t = i; t < end; ++t) seeded |= score[t] > seed_threshold;
      if (!seeded) {
        i = end;
        continue;
      }
      Candidate run{TokenMatch{}, &model_entry_};
      run.match.begin = run.match.cue_begin = i;
      run.match.end = run.match.cue_end = end;
      // The run takes the lexicon cue it overlaps that holds its best-scoring token: the
      // verb of "statement further claimed", not the noun.
      int best = -1;
      float best_score = 0;
      for (size_t k = 0; k < lexicon_cues.size(); ++k) {
        const Candidate& c = lexicon_cues[k];
        for (int t = std::max(i, c.match.cue_begin); t < std::min(end, c.match.cue_end); ++t) {
          if (best < 0 || score[t] > best_score) best = static_cast<int>(k), best_score = score[t];
        }
      }
      // Weak tokens at the ends of the run that belong to another lexicon cue stay out of it:
      // "The Pakistan Army statement further claimed" keeps "statement" in the source.
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
      // possessive ("noting the focus"), nor on a weak word that is neither a function word nor
      // an auxiliary ("expressed satisfaction"). On PolNeAR train's held-out fifth this trades
      // cue token recall for precision at the same F1.
      auto weak_end = [&](int t) {
        if (IsDeterminer(tokens[t].norm) || IsDefiniteOpener(tokens[t].norm)) return true;
        return score[t] <= seed_threshold && function_words_.Find(tokens[t].norm) < 0 &&
               !IsVerbGroupWord(tokens[t].norm);
      };
      while (end - i > 1 && weak_end(end - 1)) --end;
      for (size_t k = 0; k < lexicon_cues.size(); ++k) {
        const Candidate& c = lexicon_cues[k];
        if (static_cast<int>(k) == best) {
          // A construction whose source the pattern locates ("what he described as",
          // "according to") keeps its whole pattern in the cue.
          run = c;
          const bool deliberate = c.entry->source_rule == SourceRule::kGap ||
                                  c.entry->source_rule == SourceRule::kAfter;
          run.match.cue_begin = deliberate ? std::min(c.match.cue_begin, i) : i;
          run.match.cue_end = deliberate ? std::max(c.match.cue_end, end) : end;
          run.match.begin = std::min(c.match.begin, i);
          run.match.end = std::max(c.match.end, end);
          confirmed[k] = 1;
          break;
        }
      }
      // A run of function words, auxiliaries and verb adverbs alone ("on", "has", "is also")
      // is no cue ("Rubio has 28") or the rest of one whose verb scored low: dropped.
      bool function_words_only = run.entry == &model_entry_;
      for (int t = i; t < end && function_words_only; ++t) {
        function_words_only =
            function_words_.Find(tokens[t].norm) >= 0 || IsVerbGroupWord(tokens[t].norm);
      }
      // A run no lexicon cue confirms stands only with a reporting structure or a speaker.
      const bool unconfirmed = run.entry == &model_entry_ && options_.confirm_model_cues &&
                               !ModelRunConfirmed(text, analysis, run.match);
      if (!function_words_only && !unconfirmed) merged.push_back(run);
      i = end;
    }
    // Lexicon cues the model does not confirm stay when they are constructions rather than
    // single ambiguous verbs: a phrase ("according to"), or an entry with its own source rule
    // ("reportedly", "what he described as"); and, without confirm_model_cues, report verbs
    // that carry a stance other than neutral ("claimed", "underscored", "admitted").
    for (size_t k = 0; k < lexicon_cues.size(); ++k) {
      const Candidate& c = lexicon_cues[k];
      if (confirmed[k]) continue;
      bool overlaps = false;
      for (const Candidate& k : merged) {
        if (k.entry->category == MarkCategory::kAttribution &&
            k.match.cue_begin < c.match.cue_end && c.match.cue_begin < k.match.cue_end) {
          overlaps = true;
        }
      }
      const bool stance_verb = !c.entry->stance.empty() && c.entry->stance != "neutral";
      // With confirm_model_cues, a single report verb of the lexicon that the model does not
      // confirm goes, whatever its stance: on PolNeAR train's held-out fifth "claimed",
      // "showed", "admitted" alone were as often no cue as a cue.
      const bool keep = c.entry->source_rule != SourceRule::kBefore ||
                        c.match.cue_end - c.match.cue_begin > 1 ||
                        (stance_verb && !options_.confirm_model_cues);
      if (!overlaps && keep) {
        merged.push_back(c);
      }
    }
    std::sort(merged.begin(), merged.end(), [](const Candidate& x, const Candidate& y) {
      return x.match.cue_begin < y.match.cue_begin;
    });
    kept = std::move(merged);
  }

  auto span_of = [&](int begin, int end) {
    return Span{tokens[begin].span.start, tokens[end - 1].span.end};
  };
  auto in_quote = [&](const Span& span) {
    for (const Span& q : sentence.quotes) {
      if (q.Contains(span)) return true;
    }
    return false;
  };
  SourceFinder finder({text, &tokens, &break_before, &anonymous}, options_.max_source_tokens);
  std::vector<AttributionExtent> attributions;

  for (const Candidate& c : kept) {
    const LexiconEntry& e = *c.entry;
    const TokenMatch& m = c.match;
    Mark mark;
    mark.category = e.category;
    mark.span = span_of(m.cue_begin, m.cue_end);
    if (e.category == MarkCategory::kAttribution && options_.extend_attribution_cues &&
        cue_model_ == nullptr && e.source_rule != SourceRule::kAfter &&
        e.source_rule != SourceRule::kGap &&
        !tokens[m.cue_begin].norm.ends_with("ly")) {  // not adverbs: "was reportedly"
      int b = m.cue_begin, en = m.cue_end;
      while (b > 0 && !break_before[b] && IsVerbGroupWord(tokens[b - 1].norm)) --b;
      if (en < n && !break_before[en] && IsParticle(tokens[en].norm)) ++en;
      mark.span = span_of(b, en);
    }
    mark.cue = std::string(mark.span.Of(text));
    mark.entry = e.text;
    mark.lexicon = e.lexicon;
    mark.weight = e.weight;
    mark.voice = in_quote(mark.span) ? "quoted" : "outlet";
    if (mark.voice == "quoted") mark.speech = "direct";
    for (int i = m.cue_begin - 1; i >= 0 && i >= m.cue_begin - options_.negation_window; --i) {
      if (break_before[i + 1]) break;
      // "not only", "not just", "not merely" add to the cue rather than deny it: "not only
      // seemed" still seemed.
      const bool focus = tokens[i].norm == "not" && i + 1 < m.cue_begin &&
                         IsIn(tokens[i + 1].norm, {"only", "just", "merely", "simply"});
      if (negator[i] && !focus) {
        mark.negated = true;
        break;
      }
    }
    if (e.category == MarkCategory::kBooster && mark.negated) {
      mark.category = MarkCategory::kHedge;  // "not certain", "not necessarily"
    }
    if (e.category == MarkCategory::kEvaluative) {
      mark.polarity = e.polarity;
      if (mark.negated && !e.polarity.empty()) {
        mark.polarity = e.polarity == "negative" ? "positive" : "negative";
      }
    }
    if (e.category == MarkCategory::kAttribution) {
      mark.stance = e.stance;
      const CitedSpan source = finder.Find(e, m);
      if (source.begin >= 0) mark.source = span_of(source.begin, source.end);
      mark.source_kind = source.kind;
      attributions.push_back(
          {m.cue_begin, m.cue_end, source.begin, source.end, e.source_rule != SourceRule::kNone});
    }
    marks.push_back(std::move(mark));
  }

  // A colon that introduces a quotation ("Sanders: “We need...”", 'He put it this way: "..."')
  // or follows a headline speaker ("John McCain: Republican anger...") is an attribution cue
  // of its own, unless a cue ends right before it ("said:").
  if (options_.colon_cues) {
    for (int i = 1; i < n; ++i) {
      Span between{tokens[i - 1].span.end, tokens[i].span.start};
      std::string_view gap = between.Of(text);
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
      for (const Mark& mk : marks) {
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
      mark.stance = "neutral";
      mark.voice = in_quote(colon_span) ? "quoted" : "outlet";
      if (mark.voice == "quoted") mark.speech = "direct";
      int b = i - 1;
      while (b > 0 && i - b < options_.max_source_tokens && !break_before[b] &&
             !IsClauseWord(tokens[b - 1].norm)) {
        --b;
      }
      if (b < i && headline) {
        mark.source = span_of(b, i);
        mark.source_kind = finder.Classify(b, i);
        attributions.push_back({i, i, b, i, true});
      } else {
        mark.source_kind = "none";
        attributions.push_back({i, i, -1, -1, true});
      }
      marks.push_back(std::move(mark));
    }
  }

  // Scare quotes.
  for (const Span& q : sentence.quotes) {
    int first = n, last = -1;
    for (int i = 0; i < n; ++i) {
      if (q.Contains(tokens[i].span)) {
        first = std::min(first, i);
        last = std::max(last, i);
      }
    }
    int words = last - first + 1;
    if (last < 0 || words > options_.max_scare_quote_words || words == n) continue;
    std::string_view inner = Span{tokens[last].span.end, q.end}.Of(text);
    if (inner.find_first_of(",?!") != std::string_view::npos) continue;  // speech
    std::string_view before = Span{sentence.span.start, q.start}.Of(text);
    while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
    if (!before.empty() && (before.back() == ':' || before.back() == ',')) continue;
    bool spoken = false;
    for (const Mark& mk : marks) {
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
    mark.cue = std::string(q.Of(text));
    mark.entry = "short quote without a speaker";
    mark.lexicon = "";
    mark.voice = "outlet";
    marks.push_back(std::move(mark));
  }

  // Hedges, boosters and evaluative words in the content of an attribution are the cited
  // source's ("officials said the case is overblown"), unless they are part of a cue.
  std::stable_sort(attributions.begin(), attributions.end(),
                   [](const AttributionExtent& x, const AttributionExtent& y) {
                     return x.cue_begin < y.cue_begin;
                   });
  const std::vector<std::pair<int, int>> content =
      ReportedContent({text, &tokens, &break_before, &anonymous}, attributions, sentence.quotes);
  for (Mark& mark : marks) {
    if (mark.voice != "outlet" ||
        (mark.category != MarkCategory::kHedge && mark.category != MarkCategory::kBooster &&
         mark.category != MarkCategory::kEvaluative)) {
      continue;
    }
    bool reported = false;
    for (const auto& [b, e] : content) reported |= span_of(b, e).Contains(mark.span);
    for (const Mark& cue : marks) {
      if (cue.category == MarkCategory::kAttribution && cue.span.Overlaps(mark.span)) {
        reported = false;
      }
    }
    if (reported) {
      mark.voice = "quoted";
      mark.speech = "reported";
    }
  }

  ApplyEvaluativeThreshold(options_.evaluative, &marks);
  std::stable_sort(marks.begin(), marks.end(),
                   [](const Mark& a, const Mark& b) { return a.span.start < b.span.start; });
  ModifierTakesHeadPolarity(text, &marks);
  return marks;
}

}  // namespace parallax
