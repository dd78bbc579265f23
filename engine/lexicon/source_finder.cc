#include "engine/lexicon/source_finder.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include "engine/lexicon/grammar_words.h"

namespace parallax {

SourceFinder::SourceFinder(const SentenceTokens& sentence, int max_source_tokens)
    : text_(sentence.text),
      tokens_(*sentence.tokens),
      break_before_(*sentence.break_before),
      anonymous_(*sentence.anonymous),
      n_(static_cast<int>(tokens_.size())),
      max_source_tokens_(max_source_tokens) {}

CitedSpan SourceFinder::Find(const LexiconEntry& e, const TokenMatch& m) {
  Found found;
  switch (e.source_rule) {
    case SourceRule::kNone:
      break;
    case SourceRule::kGap:
      found.begin = m.gap_begin;
      found.end = m.gap_end;
      break;
    case SourceRule::kAfter: {
      auto [b, en] = PhraseAfter(m.end);
      if (en > b) found.begin = b, found.end = en;
      break;
    }
    case SourceRule::kBefore:
      found = FindBefore(m);
      break;
  }
  return Settle(e, m, found);
}

SourceFinder::Found SourceFinder::FindBefore(const TokenMatch& m) const {
  int i = m.cue_begin - 1;  // the last token before the cue's verb modifiers
  while (i >= 0 && !break_before_[i + 1] && IsVerbModifier(tokens_[i].norm)) --i;
  const bool passive = PassiveCue(m, i);
  if (ReportNounWithoutPossessor(m) || NoSubjectBefore(m, i)) return {};
  if (passive) {
    // Only "by ..." after a passive is its source: "was criticized by the mayor".
    const int after = std::max(m.end, m.cue_end);
    Found found;
    if (after < n_ && tokens_[after].norm == "by" && !break_before_[after]) {
      auto [b, en] = PhraseAfter(after + 1);
      if (en > b) found.begin = b, found.end = en;
    }
    return found;
  }
  return SubjectOf(m, i);
}

bool SourceFinder::PassiveCue(const TokenMatch& m, int i) const {
  if (i >= 0 && !break_before_[i + 1] && IsBeForm(tokens_[i].norm) &&
      !tokens_[m.cue_begin].norm.ends_with("ing")) {
    return true;
  }
  // A passive inside the cue, as the cue model delimits it: "was asked", "is widely expected",
  // "has been named", or inside the lexicon match it took ("has been [harshly criticized]").
  const int end = std::max(m.cue_end, m.end);
  for (int k = m.cue_begin; k + 1 < end; ++k) {
    if (!IsBeForm(tokens_[k].norm)) continue;
    for (int j = k + 1; j < end; ++j) {
      if (IsParticiple(tokens_[j].norm)) return true;
    }
  }
  for (int k = m.cue_begin; k < m.cue_end; ++k) {
    if (IsSourcelessVerb(tokens_[k].norm)) return true;  // only "by ..." is a source
  }
  return IsReducedRelative(tokens_, break_before_, m.cue_begin, m.cue_end);
}

bool SourceFinder::ReportNounWithoutPossessor(const TokenMatch& m) const {
  // A report noun takes only a possessor right before it as its source.
  int head = -1;
  for (int k = m.cue_begin; k < m.cue_end && head < 0; ++k) {
    const bool qualified = k > 0 && !break_before_[k] && IsNounQualifier(tokens_[k - 1].norm);
    if (IsReportNoun(tokens_[k].norm) || (qualified && IsReportNounIfQualified(tokens_[k].norm))) {
      head = k;
    }
  }
  int q = head - 1;
  while (q >= 0 && !break_before_[q + 1] && IsNounQualifier(tokens_[q].norm)) --q;
  return head >= 0 && !(q >= 0 && !break_before_[q + 1] && IsPossessor(tokens_[q]));
}

bool SourceFinder::NoSubjectBefore(const TokenMatch& m, int i) const {
  // A participle opening the sentence has the main clause's subject, which is not the
  // speaker: "Asked about the vote, ...".
  if (m.cue_begin == 0 && tokens_[0].norm.ends_with("ed")) return true;
  if (i >= 0 && !break_before_[i + 1] && tokens_[i].norm == "to") return true;  // "to say"
  if (tokens_[m.cue_begin].norm == "to") return true;  // "not to suggest", "easy to criticize"
  // A noun cue: "a swipe against", "the criticism of", "concerns about".
  return i >= 0 && !break_before_[i + 1] &&
         (IsPreposition(tokens_[i].norm) ||
          IsIn(tokens_[i].norm, {"a", "an", "the", "these", "those"}));
}

SourceFinder::Found SourceFinder::SubjectOf(const TokenMatch& m, int i) const {
  const int end = i + 1;
  int begin = end;
  // Names joined by "and" are one source ("Both Palmer and Sherman confess").
  auto joins_names = [&](int b) {
    return b >= 2 && tokens_[b - 1].norm == "and" && tokens_[b].capitalized &&
           tokens_[b - 2].capitalized && !break_before_[b - 1];
  };
  while (begin > 0 && end - begin < max_source_tokens_ && !break_before_[begin] &&
         (!IsClauseWord(tokens_[begin - 1].norm) || joins_names(begin))) {
    --begin;
  }
  if (begin < end) return SubjectPhrase(m, begin, end);
  Found found;
  if (begin > 0 && !break_before_[begin] &&
      (tokens_[begin - 1].norm == "and" || tokens_[begin - 1].norm == "or")) {
    // "Munir stressed and claimed": the source of the first verb.
    for (const FoundSource& f : sources_) {
      if (f.cue_end == begin - 1) found = {f.begin, f.end, f.kind};
    }
  } else if (auto [name, name_end] = SubjectBeforeAside(i + 1); name >= 0) {
    found = {name, name_end, std::nullopt};
  } else if (!sources_.empty() &&
             ((begin > 0 && IsIn(tokens_[begin - 1].norm, {"and", "but", "or"})) ||
              (break_before_[m.cue_begin] && tokens_[m.cue_begin].norm.ends_with("ing")))) {
    // A second verb of the same speaker: "the member said, adding that", "said on Tuesday that
    // he had voted for Rubio, but cautioned against". The source of the last attribution
    // before it in the sentence.
    found = {sources_.back().begin, sources_.back().end, sources_.back().kind};
  } else if (m.cue_begin > 0 && break_before_[m.cue_begin] &&
             !tokens_[m.cue_begin].norm.ends_with("ing") &&
             !(tokens_[m.cue_begin].norm == "asked" && m.cue_begin + 1 < n_ &&
               IsIn(tokens_[m.cue_begin + 1].norm,
                    {"about", "whether", "if", "why", "how", "what", "when", "to"}))) {
    found = InvertedSpeaker(m);
  }
  return found;
}

SourceFinder::Found SourceFinder::SubjectPhrase(const TokenMatch& m, int begin, int end) const {
  // The cue is the object of a verb ("Clinton faced questions about", "The documents raised
  // new questions") or follows an adverbial ("In a swipe"): no source.
  // So is a phrase with a verb of its own ("The results will likely receive little attention",
  // "The Orlando attack is already stirring debate") and a dummy subject fused with "is"
  // ("It's not clear", "There's reason").
  // A phrase opening with a preposition keeps its source when a name follows ("on
  // American-Islamic Relations Director Nihad Awad"); "about" is a quantifier there as often
  // ("About 4 in 10 say").
  const std::string& last = tokens_[end - 1].norm;
  bool names = false;
  for (int k = begin + 1; k < end; ++k) names |= tokens_[k].capitalized;
  if ((IsPreposition(tokens_[begin].norm) && tokens_[begin].norm != "about" && !names) ||
      (!tokens_[end - 1].capitalized && last.size() >= 5 && last.ends_with("ed"))) {
    return {};
  }
  // An auxiliary counts only with a verb after it: in "The American Legion has twice
  // complained" the source finder stopped at "twice".
  bool has_verb = false;
  for (int k = begin; k + 1 < end && !has_verb; ++k) {
    if (!IsIn(tokens_[k].norm, {"will", "would", "can", "could", "should", "may", "might", "must",
                                "is", "are", "was", "were", "has", "have", "had", "be", "been"})) {
      continue;
    }
    for (int j = k + 1; j < end && !has_verb; ++j) {
      const std::string& w = tokens_[j].norm;
      has_verb = !IsVerbModifier(w) && !w.ends_with("ly") && w != "twice";
    }
  }
  if (has_verb || (end - begin == 1 &&
                   IsIn(last, {"it's", "it’s", "there's", "there’s", "that's", "that’s"}))) {
    return {};
  }
  // An indefinite noun before a participle that names or judges is what is named: "a Clinton
  // appointee considered a liberal", "a group known for". Not "called" or "described", whose
  // active use is as common there ("A spokesman called it").
  if (IsIn(tokens_[begin].norm, {"a", "an"}) &&
      IsIn(tokens_[m.cue_begin].norm, {"named", "dubbed", "nicknamed", "titled", "entitled",
                                       "known", "deemed", "considered"})) {
    return {};
  }
  // A phrase ending in an article is the start of a noun phrase the cue cut into, not a
  // speaker ("as part of the shared vision"); one ending in a possessive has that possessor as
  // its source ("as part of their shared vision": "their").
  if (IsIn(last, {"the", "a", "an"})) return {};
  // A phrase ending in a possessive or a subject pronoun has that word as its source: "as part
  // of their shared vision" (their), "a military fight he called" (he).
  if (end - begin > 1 && (IsIn(last, {"their", "his", "her", "its", "our", "my", "your"}) ||
                          IsIn(last, {"he", "she", "they", "we", "i"}))) {
    begin = end - 1;
  }
  // One lower-case adverb is no speaker ("newly confirmed", "last reported").
  if (end - begin == 1 && !tokens_[begin].capitalized &&
      (last.ends_with("ly") || IsIn(last, {"last", "first", "later", "earlier", "also"}))) {
    return {};
  }
  // A name followed by where or when it spoke is the name: "Munir at Beijing reaffirmed",
  // "Munir on July 26 reaffirmed" (not "officials in Washington", "Trump at a rally", "Bank of
  // America").
  for (int k = begin + 1; k + 1 < end; ++k) {
    if (tokens_[k - 1].capitalized && !anonymous_[k - 1] &&
        IsIn(tokens_[k].norm, {"at", "on", "in"}) &&
        (tokens_[k + 1].capitalized ||
         std::isdigit(static_cast<unsigned char>(
             tokens_[k + 1].norm.empty() ? 'x' : tokens_[k + 1].norm[0])))) {
      end = k;
      break;
    }
  }
  return {begin, end, std::nullopt};
}

SourceFinder::Found SourceFinder::InvertedSpeaker(const TokenMatch& m) const {
  // Inverted after speech: "..., said the minister". Not for participles ("..., noting the
  // focus on", "..., asked about the vote"): their subject is the main clause's, and whoever
  // asked goes unnamed. A name keeps its appositive: "said Adrian Mapp, a Clinton delegate from
  // New Jersey".
  auto [b, en] = PhraseAfter(m.end);
  // "said Thursday afternoon that": a time is no speaker.
  if (en > b && IsIn(tokens_[b].norm, {"morning", "afternoon", "evening", "night", "today",
                                       "tonight", "yesterday", "earlier", "later"})) {
    en = b;
  }
  Found found;
  // A speaker is a noun phrase: "..., said the EB-5 program has sent" inverts nothing.
  if (en > b && NounPhrase(b, en)) {
    found.begin = b, found.end = en;
    bool named = false;
    for (int k = b; k < en; ++k) named |= tokens_[k].capitalized;
    if (named && CommaBefore(en)) {
      auto [ab, ae] = PhraseAfter(en);
      if (Appositive(ab, ae)) found.end = ae;
    }
  }
  return found;
}

CitedSpan SourceFinder::Settle(const LexiconEntry& e, const TokenMatch& m, Found found) {
  int& sb = found.begin;
  int& se = found.end;
  std::optional<SourceKind>& kind = found.kind;
  if (sb >= 0 && se > sb) {
    // A phrase opening with a preposition and naming no one tells where or how, not who ("said
    // recently on local cable television", "requested in a letter written").
    bool names = false;
    for (int k = sb + 1; k < se; ++k) names |= tokens_[k].capitalized;
    if (IsPreposition(tokens_[sb].norm) && tokens_[sb].norm != "about" && !names) sb = se = -1;
  }
  // A subject pronoun is the whole source: "He sent an e-mail to RNC members saying".
  const bool pronoun =
      sb >= 0 && se - sb > 1 && IsIn(tokens_[sb].norm, {"he", "she", "they", "we", "i"});
  if (pronoun) se = sb + 1;
  if (sb >= 0 && se > sb) {
    if (pronoun || !kind.has_value()) kind = Classify(sb, se);
    if (se - sb == 1 && (tokens_[sb].norm == "it" || tokens_[sb].norm == "there") &&
        IsImpression(tokens_[m.cue_begin].norm)) {
      sb = se = -1;  // a dummy subject: "It appears", "It is unclear", "There are fears"
    } else if (kind != SourceKind::kAnonymous && se - sb == 1 && tokens_[sb].norm == "it" &&
               e.source_rule != SourceRule::kGap) {
      kind = SourceKind::kNamed;  // "It also claimed": a statement or body named earlier
    }
  }
  if (sb >= 0 && se > sb) {
    sources_.push_back({m.cue_end, sb, se, *kind});
    return {sb, se, *kind};
  }
  return {-1, -1, SourceKind::kNone};
}

// Tokens [begin, end) running right from `from` until a clause break or clause word.
std::pair<int, int> SourceFinder::PhraseAfter(int from) const {
  int end = from;
  // A be-form opens the sentence's own verb group: "quoted by Carney is not in the Bible".
  while (end < n_ && end - from < max_source_tokens_ && (end == from || !break_before_[end]) &&
         !IsClauseWord(tokens_[end].norm) && !(end > from && IsBeForm(tokens_[end].norm))) {
    ++end;
  }
  return std::make_pair(from, end);
}

// The gap before token i is a comma and nothing else.
bool SourceFinder::CommaBefore(int i) const {
  if (i <= 0 || i >= n_) return false;
  std::string_view gap = Span{tokens_[i - 1].span.end, tokens_[i].span.start}.Of(text_);
  return gap.find(',') != std::string_view::npos &&
         gap.find_first_not_of(", ") == std::string_view::npos;
}

// Tokens [begin, end) read as a noun phrase: no verb-group or clause word, and no quote or
// other break inside.
bool SourceFinder::NounPhrase(int begin, int end) const {
  if (end <= begin || end - begin > max_source_tokens_) return false;
  for (int k = begin; k < end; ++k) {
    if (k > begin && break_before_[k]) return false;
    const std::string& w = tokens_[k].norm;
    if (IsClauseWord(w) || IsBeForm(w) || IsVerbModifier(w)) return false;
  }
  return true;
}

// An appositive opens with an article, a possessive or a lower-case word ("a Clinton
// delegate from New Jersey", "Obama's former adviser", "former governor"), not with a
// preposition or a participle ("in the same vein", "speaking alongside Wang").
bool SourceFinder::Appositive(int begin, int end) const {
  if (!NounPhrase(begin, end)) return false;
  const Token& first = tokens_[begin];
  if (IsIn(first.norm, {"a", "an", "the"}) || IsPossessor(first)) return true;
  return !first.capitalized && !IsPreposition(first.norm) && !first.norm.ends_with("ing") &&
         !first.norm.ends_with("ed");
}

int SourceFinder::SegmentStart(int end) const {
  int begin = end - 1;
  while (begin > 0 && !break_before_[begin]) --begin;
  return begin;
}

// The subject of a cue right after a comma that closes an aside between the subject and its
// verb: a name with its appositive ("Axelrod, a former newspaperman, defended": both are the
// source) or a parenthetical phrase ("Dar, speaking alongside Wang, stressed"; "he, in the
// same vein, assured": the name alone) or a relative clause ("Grassley, who owns a farm, often
// notes": the name alone). Returns the source's token range, or {-1, -1}. The
// name is a noun phrase holding a capital or a pronoun, not opening with a preposition ("In
// an email, Axelrod, ...").
std::pair<int, int> SourceFinder::SubjectBeforeAside(int cue) const {
  if (!CommaBefore(cue)) return {-1, -1};
  const int aside = SegmentStart(cue);
  // "Grassley, who owns a farm, often notes": a relative clause is an aside too.
  const bool relative = aside < cue && IsIn(tokens_[aside].norm, {"who", "which"});
  if (!(relative || NounPhrase(aside, cue)) || !CommaBefore(aside)) return {-1, -1};
  int name = SegmentStart(aside);
  if (name + 1 < aside && IsIn(tokens_[name].norm, {"but", "and", "so", "yet"})) ++name;
  if (!NounPhrase(name, aside) || IsPreposition(tokens_[name].norm)) return {-1, -1};
  bool names = false;
  for (int k = name; k < aside; ++k) {
    names |= tokens_[k].capitalized || IsPersonalPronoun(tokens_[k].norm);
  }
  if (!names) return {-1, -1};
  const Token& first = tokens_[aside];
  if (relative) return {name, aside};
  if (Appositive(aside, cue)) return {name, cue};
  // A description and the name it introduces: "A spokeswoman for the office, Rebekah
  // Carmichael, said"; a name and its title: "Dianne Feinstein, Democrat of California, said".
  bool proper_name = tokens_[cue - 1].capitalized;
  for (int k = aside; k < cue && proper_name; ++k) {
    proper_name = tokens_[k].capitalized ||
                  (k > aside && (IsPreposition(tokens_[k].norm) || tokens_[k].norm == "the"));
  }
  if (proper_name) return {name, cue};
  if (IsPreposition(first.norm) || first.norm.ends_with("ing")) return {name, aside};
  return {-1, -1};
}

SourceKind SourceFinder::Classify(int begin, int end) const {
  for (int i = begin; i < end; ++i) {
    if (anonymous_[i]) return SourceKind::kAnonymous;
  }
  for (int i = begin; i < end; ++i) {
    const Token& t = tokens_[i];
    if (IsPersonalPronoun(t.norm)) return SourceKind::kNamed;
    bool sentence_initial = i == 0;
    if (t.capitalized && !(sentence_initial && IsDeterminer(t.norm))) return SourceKind::kNamed;
  }
  if (IsDefiniteOpener(tokens_[begin].norm)) return SourceKind::kNamed;
  if (tokens_[begin].norm.ends_with("'s")) return SourceKind::kNamed;
  return SourceKind::kAnonymous;
}

}  // namespace parallax
