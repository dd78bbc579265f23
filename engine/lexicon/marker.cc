#include "engine/lexicon/marker.h"

#include <algorithm>
#include <string_view>

#include "engine/text/tokenizer.h"

namespace parallax {
namespace {

// Closed-class words the source finder steps over or stops at. They are grammar, not
// vocabulary a user would tune, so they live here rather than in a lexicon file.
bool IsIn(std::string_view word, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// Between a subject and its verb: "officials have also said", "the statement further claimed".
bool IsVerbModifier(std::string_view w) {
  return IsIn(
      w, {"has",       "have",         "had",        "also",        "further",    "later",
          "then",      "previously",   "repeatedly", "recently",    "reportedly", "publicly",
          "privately", "again",        "once",       "still",       "already",    "just",
          "first",     "initially",    "quickly",    "immediately", "separately", "earlier",
          "would",     "will",         "could",      "may",         "might",      "can",
          "should",    "did",          "does",       "do",          "not",        "never",
          "often",     "frequently",   "openly",     "flatly",      "falsely",    "wrongly",
          "correctly", "rightly",      "angrily",    "proudly",     "bluntly",    "loudly",
          "quietly",   "subsequently", "herself",    "himself",     "themselves", "itself",
          "even",      "clearly",      "apparently", "allegedly",   "possibly",   "probably",
          "perhaps",   "certainly",    "actually",   "really",      "simply",     "only",
          "strongly",  "widely",       "personally", "directly",    "explicitly", "specifically"});
}

// Auxiliaries and adverbs that belong to a reporting verb group ("has also said", "did not
// mention", "is expected"), and particles that complete one ("pointed to", "asked about").
bool IsVerbGroupWord(std::string_view w) {
  return IsIn(w, {"has",   "have",     "had",    "also",    "is",         "are",        "was",
                  "were",  "be",       "been",   "would",   "will",       "did",        "does",
                  "do",    "not",      "never",  "had",     "repeatedly", "previously", "later",
                  "first", "publicly", "widely", "further", "again"}) ||
         w.ends_with("n't");
}

bool IsParticle(std::string_view w) {
  return IsIn(w, {"to", "about", "for", "on", "of", "with", "against", "out", "monday", "tuesday",
                  "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today"});
}

bool IsBeForm(std::string_view w);

// Past participles of a passive report ("was asked", "is expected", "was shown").
bool IsParticiple(std::string_view w) {
  return w.ends_with("ed") ||
         IsIn(w, {"known", "shown", "told", "seen", "said", "thought", "heard", "written", "given",
                  "made", "held", "taken", "understood", "drawn", "quoted", "cited", "meant"});
}

// Verbs of impression and "be", whose "it" or "there" subject is a dummy.
bool IsImpression(std::string_view w) {
  return IsBeForm(w) || w.starts_with("seem") || w.starts_with("appear") || w.starts_with("look") ||
         w.starts_with("sound");
}

bool IsBeForm(std::string_view w) {
  return IsIn(w, {"is", "are", "was", "were", "be", "been", "being", "'s"});
}

// Words that open a new clause: the source of a verb does not reach past them.
bool IsClauseWord(std::string_view w) {
  return IsIn(
      w, {"that",    "which",     "who",      "whom",    "whose",  "and",      "or",     "but",
          "when",    "while",     "as",       "because", "if",     "although", "though", "where",
          "after",   "before",    "since",    "so",      "than",   "what",     "how",    "why",
          "whether", "yet",       "nor",      "said",    "says",   "say",      "told",   "also",
          "however", "by",        "during",   "like",    "unless", "until",    "once",   "then",
          "thus",    "therefore", "meanwhile"});
}

bool IsPersonalPronoun(std::string_view w) {
  return IsIn(w, {"he", "she", "they", "i", "we", "you", "it", "one"});
}

bool IsDefiniteOpener(std::string_view w) {
  return IsIn(w, {"the", "this", "that", "these", "those", "his", "her", "its", "their", "our",
                  "my", "your", "both", "each", "all", "either"});
}

bool IsDeterminer(std::string_view w) {
  return IsIn(w, {"the", "a", "an", "this", "that", "these", "those", "some", "many", "several",
                  "other", "two", "three", "both"});
}

// Prepositions that open an adverbial, not a subject: "In a swipe against ...", "Despite
// complaints that ...". A cue right after one of these (or after an article) is a noun, and
// a phrase opening with one is not who speaks.
bool IsPreposition(std::string_view w) {
  return IsIn(w,
              {"in",      "at",    "on",     "from",     "with",    "despite", "amid",    "for",
               "of",      "over",  "under",  "into",     "through", "about",   "against", "toward",
               "towards", "among", "behind", "whenever", "without", "within",  "upon"});
}

// Verbs whose subject is what an impression is about, not whose impression it is ("the race
// appears closer", "Washington seems weak"), and participles that report without an agent
// ("immigrants expected this year", "the contests known as Super Tuesday"). In PolNeAR train
// 87% of cues with "seem" or "appear", 90% with "expected" and 84% with "known" have no
// source.
// "Look" and "sound" judge their subject the same way ("Clinton looks weaker", "his speech
// sounded presidential"); 14 of their 18 cues in PolNeAR train have no source.
bool IsSourcelessVerb(std::string_view w) {
  return w.starts_with("seem") || w.starts_with("appear") || w == "expected" || w == "known" ||
         IsIn(w, {"look", "looks", "looked", "sound", "sounds", "sounded"});
}

// Participles that name, judge or charge, and adverbs that put one in a reduced relative
// clause: "the group, now called Forward", "emails now deemed classified", "the so called
// deal", "a contractor accused of spying". The noun before is what is named, not who names.
bool IsNamingParticiple(std::string_view w) {
  return IsIn(w, {"called", "named", "dubbed", "nicknamed", "titled", "entitled", "labeled",
                  "labelled", "branded", "deemed", "considered", "known", "described"});
}

bool IsReducedRelativeAdverb(std::string_view w) {
  return IsIn(w, {"now", "so", "widely", "commonly", "formerly", "popularly", "officially",
                  "informally", "derisively", "aptly", "affectionately", "sometimes"});
}

// Nouns of speech and opinion that head a cue ("allegations of", "renewed doubts about"). Their
// source is a possessor right before them ("his allegations", "Trump's complaints"); a subject
// further back is whoever raised or faced them ("The documents raised new questions about").
// Nouns that are also report verbs ("fears", "questions", "claims") count only after a
// quantifier or adjective that makes them nouns.
bool IsReportNoun(std::string_view w) {
  return IsIn(w, {"allegations", "accusations", "rumors", "rumours", "speculation", "denials",
                  "complaints", "criticism", "assurances", "concerns", "requests"});
}

bool IsReportNounIfQualified(std::string_view w) {
  return IsIn(w, {"doubts", "fears", "questions", "claims", "reports", "warnings", "demands"});
}

bool IsNounQualifier(std::string_view w) {
  return IsIn(w,
              {"new",        "renewed",    "growing",  "lingering", "serious",  "main",  "fresh",
               "persistent", "widespread", "mounting", "further",   "more",     "many",  "some",
               "any",        "no",         "repeated", "recent",    "numerous", "sharp", "public"});
}

bool IsPossessor(const Token& t) {
  return IsIn(t.norm, {"his", "her", "their", "its", "our", "my", "your"}) ||
         t.norm.ends_with("'s") || t.norm.ends_with("s'");
}

// Returns true iff the cue [begin, end) is a participle in a reduced relative clause.
bool IsReducedRelative(const std::vector<Token>& tokens, const std::vector<char>& break_before,
                       int begin, int end) {
  int p = begin;
  while (p + 1 < end && IsReducedRelativeAdverb(tokens[p].norm)) ++p;
  const std::string& w = tokens[p].norm;
  const int n = static_cast<int>(tokens.size());
  if (IsIn(w, {"accused", "suspected", "charged", "convicted"})) {
    // "accused of": the active verb takes its object first ("accused Clinton of").
    return p + 1 < n && !break_before[p + 1] && IsIn(tokens[p + 1].norm, {"of", "with"});
  }
  if (!IsNamingParticiple(w)) return false;
  if (p > begin) return true;
  return begin > 0 && !break_before[begin] && IsReducedRelativeAdverb(tokens[begin - 1].norm);
}

bool IsNegatorWord(std::string_view w) {
  return w.ends_with("n't") || IsIn(w, {"not", "no", "never", "without", "hardly", "neither", "nor",
                                        "nothing", "none", "cannot", "nobody"});
}

// Characters between two tokens that end a clause for negation and source finding.
bool HasClauseBreak(std::string_view between) {
  for (size_t i = 0; i < between.size(); ++i) {
    char c = between[i];
    if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '"' || c == '.' ||
        c == '?' || c == '!' || c == '[' || c == ']') {
      return true;
    }
    if (static_cast<unsigned char>(c) == 0xE2 && i + 2 < between.size() &&
        static_cast<unsigned char>(between[i + 1]) == 0x80) {
      unsigned char d = static_cast<unsigned char>(between[i + 2]);
      // – — (dashes), “ ” (double quotes), ‘ (opening single quote)
      if (d == 0x93 || d == 0x94 || d == 0x9C || d == 0x9D || d == 0x98) return true;
    }
  }
  return false;
}

// Returns true iff the text between two tokens of one sentence is a period closing an
// abbreviation or an initial ("Mr. Rubio", "Sen. Marco Rubio", "John F. Kennedy", "U.S.
// officials"): the token before it is at most four letters (dots allowed) and holds a
// capital. The segmenter has already ended the sentence wherever a period ends one.
bool IsAbbreviationPeriod(std::string_view between, const Token& before) {
  if (between.empty() || between[0] != '.') return false;
  for (size_t i = 1; i < between.size(); ++i) {
    if (between[i] != ' ') return false;
  }
  if (!before.capitalized && !before.all_caps) return false;
  int letters = 0;
  for (char c : before.norm) {
    if (c == '.') continue;
    if (c < 'a' || c > 'z') return false;
    ++letters;
  }
  return letters >= 1 && letters <= 4;
}

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
      if (!function_words_only) merged.push_back(run);
      i = end;
    }
    // Lexicon cues the model does not confirm stay when they are constructions rather than
    // single ambiguous verbs: a phrase ("according to"), or an entry with its own source rule
    // ("reportedly", "what he described as"); and report verbs that carry a stance other than
    // neutral ("claimed", "underscored", "admitted"), which readers of a report look for even
    // where the training data's notion of a cue is narrower.
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
      if (!overlaps && (stance_verb || c.entry->source_rule != SourceRule::kBefore ||
                        c.match.cue_end - c.match.cue_begin > 1)) {
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
  // Tokens [begin, end) running right from `from` until a clause break or clause word.
  auto phrase_after = [&](int from) {
    int end = from;
    while (end < n && end - from < options_.max_source_tokens &&
           (end == from || !break_before[end]) && !IsClauseWord(tokens[end].norm)) {
      ++end;
    }
    return std::make_pair(from, end);
  };
  // The gap before token i is a comma and nothing else.
  auto comma_before = [&](int i) {
    if (i <= 0 || i >= n) return false;
    std::string_view gap = Span{tokens[i - 1].span.end, tokens[i].span.start}.Of(text);
    return gap.find(',') != std::string_view::npos &&
           gap.find_first_not_of(", ") == std::string_view::npos;
  };
  // Tokens [begin, end) read as a noun phrase: no verb-group or clause word, and no quote or
  // other break inside.
  auto noun_phrase = [&](int begin, int end) {
    if (end <= begin || end - begin > options_.max_source_tokens) return false;
    for (int k = begin; k < end; ++k) {
      if (k > begin && break_before[k]) return false;
      const std::string& w = tokens[k].norm;
      if (IsClauseWord(w) || IsBeForm(w) || IsVerbModifier(w)) return false;
    }
    return true;
  };
  // An appositive opens with an article, a possessive or a lower-case word ("a Clinton
  // delegate from New Jersey", "Obama's former adviser", "former governor"), not with a
  // preposition or a participle ("in the same vein", "speaking alongside Wang").
  auto appositive = [&](int begin, int end) {
    if (!noun_phrase(begin, end)) return false;
    const Token& first = tokens[begin];
    if (IsIn(first.norm, {"a", "an", "the"}) || IsPossessor(first)) return true;
    return !first.capitalized && !IsPreposition(first.norm) && !first.norm.ends_with("ing") &&
           !first.norm.ends_with("ed");
  };
  // The subject of a cue right after a comma that closes an aside between the subject and its
  // verb: a name with its appositive ("Axelrod, a former newspaperman, defended": both are the
  // source) or a parenthetical phrase ("Dar, speaking alongside Wang, stressed"; "he, in the
  // same vein, assured": the name alone). Returns the source's token range, or {-1, -1}. The
  // name is a noun phrase holding a capital or a pronoun, not opening with a preposition ("In
  // an email, Axelrod, ...").
  auto segment_start = [&](int end) {
    int begin = end - 1;
    while (begin > 0 && !break_before[begin]) --begin;
    return begin;
  };
  auto subject_before_aside = [&](int cue) -> std::pair<int, int> {
    if (!comma_before(cue)) return {-1, -1};
    const int aside = segment_start(cue);
    if (!noun_phrase(aside, cue) || !comma_before(aside)) return {-1, -1};
    int name = segment_start(aside);
    if (name + 1 < aside && IsIn(tokens[name].norm, {"but", "and", "so", "yet"})) ++name;
    if (!noun_phrase(name, aside) || IsPreposition(tokens[name].norm)) return {-1, -1};
    bool names = false;
    for (int k = name; k < aside; ++k) {
      names |= tokens[k].capitalized || IsPersonalPronoun(tokens[k].norm);
    }
    if (!names) return {-1, -1};
    const Token& first = tokens[aside];
    if (appositive(aside, cue)) return {name, cue};
    if (IsPreposition(first.norm) || first.norm.ends_with("ing")) return {name, aside};
    return {-1, -1};
  };
  auto classify = [&](int begin, int end) -> std::string {
    for (int i = begin; i < end; ++i) {
      if (anonymous[i]) return "anonymous";
    }
    for (int i = begin; i < end; ++i) {
      const Token& t = tokens[i];
      if (IsPersonalPronoun(t.norm)) return "named";
      bool sentence_initial = i == 0;
      if (t.capitalized && !(sentence_initial && IsDeterminer(t.norm))) return "named";
    }
    if (IsDefiniteOpener(tokens[begin].norm)) return "named";
    if (tokens[begin].norm.ends_with("'s")) return "named";
    return "anonymous";
  };

  struct FoundSource {
    int cue_end;
    int begin, end;
    std::string kind;
  };
  std::vector<FoundSource> sources;

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
    for (int i = m.cue_begin - 1; i >= 0 && i >= m.cue_begin - options_.negation_window; --i) {
      if (break_before[i + 1]) break;
      if (negator[i]) {
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
      int sb = -1, se = -1;
      std::string kind;
      switch (e.source_rule) {
        case SourceRule::kNone:
          break;
        case SourceRule::kGap:
          sb = m.gap_begin;
          se = m.gap_end;
          break;
        case SourceRule::kAfter: {
          auto [b, en] = phrase_after(m.end);
          if (en > b) sb = b, se = en;
          break;
        }
        case SourceRule::kBefore: {
          int i = m.cue_begin - 1;
          bool passive = false;
          while (i >= 0 && !break_before[i + 1] && IsVerbModifier(tokens[i].norm)) --i;
          if (i >= 0 && !break_before[i + 1] && IsBeForm(tokens[i].norm) &&
              !tokens[m.cue_begin].norm.ends_with("ing")) {
            passive = true;
          }
          // A passive inside the cue, as the cue model delimits it: "was asked", "is widely
          // expected", "has been named".
          for (int k = m.cue_begin; k + 1 < m.cue_end && !passive; ++k) {
            if (!IsBeForm(tokens[k].norm)) continue;
            for (int j = k + 1; j < m.cue_end; ++j) {
              if (IsParticiple(tokens[j].norm)) passive = true;
            }
          }
          for (int k = m.cue_begin; k < m.cue_end && !passive; ++k) {
            if (IsSourcelessVerb(tokens[k].norm)) passive = true;  // only "by ..." is a source
          }
          if (!passive && IsReducedRelative(tokens, break_before, m.cue_begin, m.cue_end)) {
            passive = true;
          }
          // A report noun takes only a possessor right before it as its source.
          {
            int head = -1;
            for (int k = m.cue_begin; k < m.cue_end && head < 0; ++k) {
              const bool qualified =
                  k > 0 && !break_before[k] && IsNounQualifier(tokens[k - 1].norm);
              if (IsReportNoun(tokens[k].norm) ||
                  (qualified && IsReportNounIfQualified(tokens[k].norm))) {
                head = k;
              }
            }
            int q = head - 1;
            while (q >= 0 && !break_before[q + 1] && IsNounQualifier(tokens[q].norm)) --q;
            if (head >= 0 && !(q >= 0 && !break_before[q + 1] && IsPossessor(tokens[q]))) {
              break;
            }
          }
          // A participle opening the sentence has the main clause's subject, which is
          // not the speaker: "Asked about the vote, ...".
          if (m.cue_begin == 0 && tokens[0].norm.ends_with("ed")) break;
          if (i >= 0 && !break_before[i + 1] && tokens[i].norm == "to") break;  // "to say"
          if (tokens[m.cue_begin].norm == "to") break;  // "not to suggest", "easy to criticize"
          // A noun cue: "a swipe against", "the criticism of", "concerns about".
          if (i >= 0 && !break_before[i + 1] &&
              (IsPreposition(tokens[i].norm) ||
               IsIn(tokens[i].norm, {"a", "an", "the", "these", "those"}))) {
            break;
          }
          if (passive) {
            const int after = std::max(m.end, m.cue_end);
            if (after < n && tokens[after].norm == "by" && !break_before[after]) {
              auto [b, en] = phrase_after(after + 1);
              if (en > b) sb = b, se = en;
            }
            break;
          }
          int end = i + 1;
          int begin = end;
          // Names joined by "and" are one source ("Both Palmer and Sherman confess").
          auto joins_names = [&](int b) {
            return b >= 2 && tokens[b - 1].norm == "and" && tokens[b].capitalized &&
                   tokens[b - 2].capitalized && !break_before[b - 1];
          };
          while (begin > 0 && end - begin < options_.max_source_tokens && !break_before[begin] &&
                 (!IsClauseWord(tokens[begin - 1].norm) || joins_names(begin))) {
            --begin;
          }
          if (begin < end) {
            // The cue is the object of a verb ("Clinton faced questions about", "The
            // documents raised new questions") or follows an adverbial ("In a swipe"): no
            // source.
            // So is a phrase with a verb of its own ("The results will likely receive little
            // attention", "The Orlando attack is already stirring debate") and a dummy
            // subject fused with "is" ("It's not clear", "There's reason").
            // A phrase opening with a preposition keeps its source when a name follows ("on
            // American-Islamic Relations Director Nihad Awad"); "about" is a quantifier there
            // as often ("About 4 in 10 say").
            const std::string& last = tokens[end - 1].norm;
            bool names = false;
            for (int k = begin + 1; k < end; ++k) names |= tokens[k].capitalized;
            if ((IsPreposition(tokens[begin].norm) && tokens[begin].norm != "about" && !names) ||
                (!tokens[end - 1].capitalized && last.size() >= 5 && last.ends_with("ed"))) {
              break;
            }
            // An auxiliary counts only with a verb after it: in "The American Legion has twice
            // complained" the source finder stopped at "twice".
            bool has_verb = false;
            for (int k = begin; k + 1 < end && !has_verb; ++k) {
              if (!IsIn(tokens[k].norm,
                        {"will", "would", "can", "could", "should", "may", "might", "must", "is",
                         "are", "was", "were", "has", "have", "had", "be", "been"})) {
                continue;
              }
              for (int j = k + 1; j < end && !has_verb; ++j) {
                const std::string& w = tokens[j].norm;
                has_verb = !IsVerbModifier(w) && !w.ends_with("ly") && w != "twice";
              }
            }
            if (has_verb || (end - begin == 1 && IsIn(last, {"it's", "it’s", "there's", "there’s",
                                                             "that's", "that’s"}))) {
              break;
            }
            // An indefinite noun before a participle that names or judges is what is named:
            // "a Clinton appointee considered a liberal", "a group known for". Not "called" or
            // "described", whose active use is as common there ("A spokesman called it").
            if (IsIn(tokens[begin].norm, {"a", "an"}) &&
                IsIn(tokens[m.cue_begin].norm, {"named", "dubbed", "nicknamed", "titled",
                                                "entitled", "known", "deemed", "considered"})) {
              break;
            }
            // A phrase ending in an article is the start of a noun phrase the cue cut into,
            // not a speaker ("as part of the shared vision"); one ending in a possessive has
            // that possessor as its source ("as part of their shared vision": "their").
            if (IsIn(last, {"the", "a", "an"})) break;
            if (end - begin > 1 &&
                IsIn(last, {"their", "his", "her", "its", "our", "my", "your"})) {
              begin = end - 1;
            }
            sb = begin;
            se = end;
          } else if (begin > 0 && !break_before[begin] &&
                     (tokens[begin - 1].norm == "and" || tokens[begin - 1].norm == "or")) {
            // "Munir stressed and claimed": the source of the first verb.
            for (const FoundSource& f : sources) {
              if (f.cue_end == begin - 1) sb = f.begin, se = f.end, kind = f.kind;
            }
          } else if (auto [name, name_end] = subject_before_aside(i + 1); name >= 0) {
            sb = name;
            se = name_end;
          } else if (!sources.empty() &&
                     ((begin > 0 && IsIn(tokens[begin - 1].norm, {"and", "but", "or"})) ||
                      (break_before[m.cue_begin] && tokens[m.cue_begin].norm.ends_with("ing")))) {
            // A second verb of the same speaker: "the member said, adding that", "said on
            // Tuesday that he had voted for Rubio, but cautioned against". The source of the
            // last attribution before it in the sentence.
            sb = sources.back().begin, se = sources.back().end, kind = sources.back().kind;
          } else if (m.cue_begin > 0 && break_before[m.cue_begin] &&
                     !tokens[m.cue_begin].norm.ends_with("ing") &&
                     !(tokens[m.cue_begin].norm == "asked" && m.cue_begin + 1 < n &&
                       IsIn(tokens[m.cue_begin + 1].norm,
                            {"about", "whether", "if", "why", "how", "what", "when", "to"}))) {
            // Inverted after speech: "..., said the minister". Not for participles
            // ("..., noting the focus on", "..., asked about the vote"): their subject is the
            // main clause's, and whoever asked goes unnamed. A name keeps its appositive:
            // "said Adrian Mapp, a Clinton delegate from New Jersey".
            auto [b, en] = phrase_after(m.end);
            if (en > b) {
              sb = b, se = en;
              bool named = false;
              for (int k = b; k < en; ++k) named |= tokens[k].capitalized;
              if (named && comma_before(en)) {
                auto [ab, ae] = phrase_after(en);
                if (appositive(ab, ae)) se = ae;
              }
            }
          }
          break;
        }
      }
      if (sb >= 0 && se > sb) {
        if (kind.empty()) kind = classify(sb, se);
        if (se - sb == 1 && (tokens[sb].norm == "it" || tokens[sb].norm == "there") &&
            IsImpression(tokens[m.cue_begin].norm)) {
          sb = se = -1;  // a dummy subject: "It appears", "It is unclear", "There are fears"
        } else if (kind != "anonymous" && se - sb == 1 && tokens[sb].norm == "it" &&
                   e.source_rule != SourceRule::kGap) {
          kind = "named";  // "It also claimed": a statement or body named earlier
        }
      }
      if (sb >= 0 && se > sb) {
        mark.source = span_of(sb, se);
        mark.source_kind = kind;
        sources.push_back({m.cue_end, sb, se, kind});
      } else {
        mark.source_kind = "none";
      }
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
      int b = i - 1;
      while (b > 0 && i - b < options_.max_source_tokens && !break_before[b] &&
             !IsClauseWord(tokens[b - 1].norm)) {
        --b;
      }
      if (b < i && headline) {
        mark.source = span_of(b, i);
        mark.source_kind = classify(b, i);
      } else {
        mark.source_kind = "none";
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

  ApplyEvaluativeThreshold(options_.evaluative, &marks);
  std::stable_sort(marks.begin(), marks.end(),
                   [](const Mark& a, const Mark& b) { return a.span.start < b.span.start; });
  return marks;
}

}  // namespace parallax
