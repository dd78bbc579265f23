#include "engine/segment/sentence_splitter.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <algorithm>
#include <iterator>
#include <mutex>
#include <string>
#include <utility>

#include "engine/segment/char_class.h"
#include "engine/segment/quotes.h"

namespace parallax {

using segment_internal::CharStartAtOrBefore;
using segment_internal::CodePointAt;
using segment_internal::CodePointBefore;
using segment_internal::IsCloser;
using segment_internal::IsDigit;
using segment_internal::IsLetterOrDigit;
using segment_internal::IsLower;
using segment_internal::IsOpener;
using segment_internal::IsUpper;
using segment_internal::SkipSpaceBackward;
using segment_internal::SkipSpaceForward;
using segment_internal::SpaceAt;
using segment_internal::SpaceBefore;

namespace {

// How far the rules look around a break: an abbreviation or a starter word longer than this is
// not one, and at most this many quote marks and brackets are skipped. Keeps each look O(1).
constexpr size_t kMaxWordBytes = 32;
constexpr int kMaxMarks = 4;

// A candidate break from ICU, or one forced at a window's edge.
struct Break {
  size_t pos;
  bool forced;
};

// The word before a break: "Gen." in "(Gen. Munir", without opening marks. A closing quote
// mark at a word's start is an opening one typed the wrong way round (`”Mr. Trump`), so it is
// dropped too.
std::string_view WordBefore(std::string_view text, size_t start, size_t end) {
  size_t from = end;
  while (from > start && end - from <= kMaxWordBytes && SpaceBefore(text, from) == 0) --from;
  if (from > start && SpaceBefore(text, from) == 0) return {};  // longer than any abbreviation
  for (int i = 0; i < kMaxMarks && from < end; ++i) {
    size_t len = 0;
    const char32_t c = CodePointAt(text, from, &len);
    if (!IsOpener(c) && c != 0x201D && c != 0x2019 && c != 0x00BB) break;
    from += len;
  }
  return text.substr(from, end - from);
}

// True for "J." and for dotted letters such as "D.C.", "U.S.", "a.m.".
bool IsInitialOrDottedLetters(std::string_view word) {
  if (word.size() < 2 || word.size() % 2 != 0) return false;
  for (size_t i = 0; i < word.size(); i += 2) {
    char c = word[i];
    bool letter = (c >= 'A' && c <= 'Z') || (word.size() > 2 && c >= 'a' && c <= 'z');
    if (!letter || word[i + 1] != '.') return false;
  }
  return true;
}

// True for the initials of a name: "J.", and dotted capitals such as "C.L." and "H.W.".
bool IsCapitalInitials(std::string_view word) {
  if (word.size() < 2 || word.size() % 2 != 0) return false;
  for (size_t i = 0; i < word.size(); i += 2) {
    if (word[i] < 'A' || word[i] > 'Z' || word[i + 1] != '.') return false;
  }
  return true;
}

// True iff a quoted nickname opens at `pos` and a capitalised word follows it, as in
// `Robert C. “Bobby” Scott` or `Gov. C.L. "Butch" Otter`: one to three capitalised words of
// letters (an inner hyphen or apostrophe allowed), single-spaced, with no punctuation, closed by
// the quote mark that matches the opening one. A quoted sentence (`“Stop.” Then`) has
// punctuation inside and is none. Reads at most a few dozen bytes.
bool QuotedNicknameAt(std::string_view text, size_t pos, size_t end) {
  constexpr int kMaxNicknameWords = 3;
  size_t len = 0;
  char32_t close = 0;
  switch (CodePointAt(text, pos, &len)) {
    case 0x201C:  // “
      close = 0x201D;
      break;
    case 0x2018:  // ‘
      close = 0x2019;
      break;
    case '"':
      close = '"';
      break;
    case '\'':
      close = '\'';
      break;
    default:
      return false;
  }
  size_t p = pos + len;
  const size_t limit = std::min(end, p + 2 * kMaxWordBytes);
  for (int words = 1; words <= kMaxNicknameWords && p < limit; ++words) {
    if (!IsUpper(CodePointAt(text, p, &len))) return false;
    p += len;
    char32_t c = 0;
    while (p < limit) {
      c = CodePointAt(text, p, &len);
      const bool joiner = c == '-' || c == '\'' || c == 0x2019;
      size_t next_len = 0;
      if (IsLetterOrDigit(c) && !IsDigit(c)) {
        p += len;
      } else if (joiner && c != close && p + len < limit &&
                 IsLetterOrDigit(CodePointAt(text, p + len, &next_len))) {
        p += len;  // "O'Neill", "Jean-Luc"; a closing ’ is not taken for an apostrophe
      } else {
        break;
      }
    }
    if (p >= limit) return false;
    if (c == close) {
      p += len;
      const size_t name = SkipSpaceForward(text, p, end);
      return name > p && name < end && IsUpper(CodePointAt(text, name, &len));
    }
    if (c != ' ') return false;
    ++p;
  }
  return false;
}

// True iff the word starting at `word_start` comes right after a comma: "Lodi, N.J.".
bool AfterComma(std::string_view text, size_t start, size_t word_start) {
  const size_t before = SkipSpaceBackward(text, start, word_start);
  return before < word_start && before > start && text[before - 1] == ',';
}

// "…" followed by white space and a capital letter: a break ICU misses (it treats U+2026 as
// ordinary punctuation, though it breaks after "..." the same way).
std::vector<Break> EllipsisBreaks(std::string_view text, Span para) {
  std::vector<Break> out;
  static constexpr std::string_view kEllipsis = "\xE2\x80\xA6";
  // Search the paragraph only: searching `text` would rescan every later paragraph.
  const std::string_view body = text.substr(0, para.end);
  for (size_t pos = body.find(kEllipsis, para.start); pos != std::string_view::npos;
       pos = body.find(kEllipsis, pos + kEllipsis.size())) {
    // "word… Next" only: after white space ("raid. … And") ICU already breaks before the "…".
    if (pos == para.start || SpaceBefore(text, pos) > 0) continue;
    const size_t after = pos + kEllipsis.size();
    const size_t next = SkipSpaceForward(text, after, para.end);
    size_t len = 0;
    if (next > after && next < para.end && IsUpper(CodePointAt(text, next, &len))) {
      out.push_back({next, false});
    }
  }
  return out;
}

// For a break at `pos` after "word. ..." or "word? …", returns where the ellipsis starts, so
// that it begins the next sentence; otherwise returns `pos`.
size_t EllipsisStart(std::string_view text, size_t start, size_t pos) {
  const size_t last = SkipSpaceBackward(text, start, pos);
  size_t dots = last;
  if (dots - start >= 3 && text.substr(dots - 3, 3) == "...") {
    dots -= 3;
  } else if (dots - start >= 3 && text.substr(dots - 3, 3) == "\xE2\x80\xA6") {
    dots -= 3;
  } else {
    return pos;
  }
  const size_t before = SkipSpaceBackward(text, start, dots);
  if (before == dots || before == start) return pos;  // "word..." or a sentence of dots only
  const char c = text[before - 1];
  if (c != '.' && c != '?' && c != '!') return pos;
  return dots;
}

// The words of `s`: runs of non-space bytes holding at least one ASCII letter or digit (so
// "—" and "..." are not words, "Raúl" and "don’t" are one each). Not lexicon/profile.h's
// CountWords, the denominator of profile rates, which counts tokenizer words without numbers.
size_t CountSpacedWords(std::string_view text, Span s) {
  size_t words = 0;
  bool in_run = false, counted = false;
  for (size_t i = s.start; i < s.end; ++i) {
    const char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      in_run = false;
      continue;
    }
    if (!in_run) {
      in_run = true;
      counted = false;
    }
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (alnum && !counted) {
      ++words;
      counted = true;
    }
  }
  return words;
}

}  // namespace

struct SentenceSplitter::Impl {
  SegmentRules rules;
  // The longest abbreviation in any of the rules' lists: a longer word before a period is no
  // listed abbreviation, so KeepBreak skips the look-ups (most sentences end in such words).
  size_t longest_abbreviation = 0;
  std::unique_ptr<icu::BreakIterator> prototype;
  mutable std::mutex pool_mu;
  mutable std::vector<std::unique_ptr<icu::BreakIterator>> pool;  // guarded by pool_mu

  std::unique_ptr<icu::BreakIterator> Take() const {
    std::lock_guard<std::mutex> lock(pool_mu);
    if (!pool.empty()) {
      std::unique_ptr<icu::BreakIterator> it = std::move(pool.back());
      pool.pop_back();
      return it;
    }
    return std::unique_ptr<icu::BreakIterator>(prototype->clone());
  }
  void GiveBack(std::unique_ptr<icu::BreakIterator> it) const {
    if (it == nullptr) return;
    std::lock_guard<std::mutex> lock(pool_mu);
    pool.push_back(std::move(it));
  }

  void Candidates(icu::BreakIterator* it, std::string_view text, Span para,
                  std::vector<Break>* out) const;
  bool KeepBreak(std::string_view text, size_t start, size_t pos, size_t end) const;
  bool SaidWithin(std::string_view text, size_t pos, size_t end) const;
  void AppendCapped(std::string_view text, Span s, std::vector<Span>* out) const;
  void SplitParagraph(icu::BreakIterator* it, std::string_view text, Span para,
                      std::vector<Span>* out) const;
  void DropBreaksInShortQuotes(std::string_view text, Span para, std::vector<size_t>* kept) const;
  std::vector<Span> Enclosed(std::string_view text, Span para) const;
};

// ICU's breaks inside `para`, in order, ending with para.end. A break ICU makes near the end of
// a window may depend on text past it, so only breaks in a window's first three quarters are
// kept and the next window starts at the last of them; a window with no such break is cut at a
// white space (a forced break: the stretch is far longer than max_sentence_bytes anyway).
void SentenceSplitter::Impl::Candidates(icu::BreakIterator* it, std::string_view text, Span para,
                                        std::vector<Break>* out) const {
  if (it == nullptr) {  // ICU could not clone its iterator (out of memory): length cuts only
    out->push_back({para.end, false});
    return;
  }
  const size_t window = rules.icu_window_bytes;
  size_t from = para.start;
  while (from < para.end) {
    const bool last = para.end - from <= window;
    const size_t to = last ? para.end : CharStartAtOrBefore(text, from + window);
    const size_t trusted = last ? para.end : from + window / 4 * 3;
    UErrorCode status = U_ZERO_ERROR;
    UText ut = UTEXT_INITIALIZER;
    utext_openUTF8(&ut, text.data() + from, static_cast<int64_t>(to - from), &status);
    if (U_SUCCESS(status)) it->setText(&ut, status);
    size_t resume = from;
    if (U_SUCCESS(status)) {
      for (int32_t b = it->next(); b != icu::BreakIterator::DONE; b = it->next()) {
        size_t pos = from + static_cast<size_t>(b);
        if (pos >= to || pos > trusted) break;
        out->push_back({pos, false});
        resume = pos;
      }
    }
    utext_close(&ut);
    if (last) break;
    if (resume == from || !U_SUCCESS(status)) {
      // No trusted break: cut at the last white space of the trusted part, else at `trusted`.
      size_t cut = CharStartAtOrBefore(text, trusted);
      size_t probe = cut;
      while (probe > from + window / 2 && SpaceBefore(text, probe) == 0) --probe;
      if (SpaceBefore(text, probe) > 0) cut = probe;
      out->push_back({cut, true});
      resume = cut;
    }
    from = resume;
  }
  if (out->empty() || out->back().pos != para.end) out->push_back({para.end, false});
}

// Returns true iff the break ICU proposes at `pos` (sentence so far = [start, pos), paragraph
// ends at `end`) stands, false iff the rules take it back.
bool SentenceSplitter::Impl::KeepBreak(std::string_view text, size_t start, size_t pos,
                                       size_t end) const {
  const size_t last = SkipSpaceBackward(text, start, pos);
  if (last == start) return false;  // nothing but white space so far: join the next sentence
  const size_t next = SkipSpaceForward(text, pos, end);
  if (next >= end) return true;
  size_t len = 0;
  // No sentence starts with a closing quote: `Concerned ... ” At noon` goes on.
  const char32_t at_next = CodePointAt(text, next, &len);
  if (at_next == 0x201D || at_next == 0x2019 || at_next == 0x00BB) return false;

  // Skip closing marks back to the final punctuation. Quote marks of either direction count:
  // `happiness?“ he asked` has its closing quote typed the wrong way round.
  size_t term_end = last;
  for (int i = 0; i < kMaxMarks && term_end > start; ++i) {
    char32_t c = CodePointBefore(text, term_end, &len);
    if (!IsCloser(c) && c != 0x201C && c != 0x2018) break;
    term_end -= len;
  }
  const bool closed = term_end != last;
  const char32_t term = CodePointBefore(text, term_end, &len);
  const size_t term_start = term_end - len;

  // Skip opening marks forward to the next word; only a quote mark is a sign of a new sentence
  // ("Jackson Jr. (D-Ill.) pleaded" goes on after a bracket).
  size_t word = next;
  bool opened_quote = false;
  for (int i = 0; i < kMaxMarks && word < end; ++i) {
    char32_t c = CodePointAt(text, word, &len);
    if (!IsOpener(c)) break;
    if (c != '(' && c != '[' && c != '{') opened_quote = true;
    word += len;
  }
  const char32_t first = CodePointAt(text, word, &len);

  if (term == '?' || term == '!') {
    // A "?" standing alone after a space is a stray character (often a mangled no-break space).
    if (SpaceBefore(text, term_start) > 0) return false;
    if (IsLower(first)) return false;  // "“Why?” he asked" is one sentence
    if (closed && SaidWithin(text, next, end)) return false;  // "“Why?” Scalia asked."
    return true;
  }
  if (term != '.' || closed) return true;

  const std::string_view abbreviation_view = WordBefore(text, start, term_end);
  if (abbreviation_view.empty()) return true;
  if (abbreviation_view.size() > longest_abbreviation &&
      !(rules.initials && IsInitialOrDottedLetters(abbreviation_view))) {
    return true;  // no listed abbreviation, no initial: an ordinary sentence end
  }
  const std::string abbreviation(abbreviation_view);
  if (rules.never_final.count(abbreviation) > 0) return false;
  const bool before_number = rules.before_number.count(abbreviation) > 0;
  if (before_number && IsDigit(first)) return false;
  const bool state = rules.states.count(abbreviation) > 0;
  const bool name_suffix = rules.name_suffixes.count(abbreviation) > 0;
  const bool may_end = before_number || state || name_suffix ||
                       rules.may_end.count(abbreviation) > 0 ||
                       (rules.initials && IsInitialOrDottedLetters(abbreviation));
  if (!may_end) return true;
  if (opened_quote) {
    // `Robert C. “Bobby” Scott`: a quoted nickname after an initial goes on the name.
    if (rules.initials && IsCapitalInitials(abbreviation) && QuotedNicknameAt(text, next, end)) {
      return false;
    }
    return true;  // "… in the U.S. “We …" opens a new sentence
  }
  // "… in Lodi, N.J. Harmony’s phone …": a state after "Place, " is followed by a comma when
  // the sentence goes on (AP style: "Lodi, N.J., police said"), so before a capitalised word
  // it ends the sentence. A bracket ("TRENTON, N.J. (AP)") does not count.
  if (state && word == next && IsUpper(first) &&
      AfterComma(text, start, static_cast<size_t>(abbreviation_view.data() - text.data()))) {
    return true;
  }
  size_t word_end = word;
  while (word_end < end && word_end - word <= kMaxWordBytes) {
    char c = text[word_end];
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) break;
    ++word_end;
  }
  // "C. A. Dutch Ruppersberger": an initial is no starter, even "A.".
  if (word_end < end && text[word_end] == '.') return false;
  const std::string next_word(text.substr(word, word_end - word));
  // "… Thomas J. Bliley Jr. Reaching that pinnacle": a name suffix closes the name, so a
  // capitalised word after it starts a sentence unless it goes on a name ("King Jr. Day").
  if (name_suffix && word == next && IsUpper(first)) {
    return rules.name_continuations.count(next_word) == 0;
  }
  return rules.sentence_starters.count(next_word) > 0;
}

// True iff one of the first four words from `pos` is an attribution verb ("Scalia asked").
bool SentenceSplitter::Impl::SaidWithin(std::string_view text, size_t pos, size_t end) const {
  constexpr int kWords = 4;
  for (int w = 0; w < kWords && pos < end; ++w) {
    size_t word_end = pos;
    while (word_end < end && word_end - pos <= kMaxWordBytes && SpaceAt(text, word_end) == 0) {
      ++word_end;
    }
    size_t core_end = word_end;
    while (core_end > pos &&
           std::string_view(".,;:!?").find(text[core_end - 1]) != std::string_view::npos) {
      --core_end;
    }
    if (rules.attribution_verbs.count(std::string(text.substr(pos, core_end - pos))) > 0)
      return true;
    if (core_end != word_end && text[word_end - 1] != '.') return false;  // a clause ends here
    pos = SkipSpaceForward(text, word_end, end);
  }
  return false;
}

// Appends `s` trimmed, cut into pieces of at most max_sentence_bytes. Each cut is at the last
// white space of the piece's second half, else at a character boundary, so every piece but the
// last is at least half the limit long and the work stays linear.
void SentenceSplitter::Impl::AppendCapped(std::string_view text, Span s,
                                          std::vector<Span>* out) const {
  const size_t cap = rules.max_sentence_bytes;
  size_t start = SkipSpaceForward(text, s.start, s.end);
  const size_t end = SkipSpaceBackward(text, start, s.end);
  while (end - start > cap) {
    size_t cut = CharStartAtOrBefore(text, start + cap);
    size_t probe = cut;
    while (probe > start + cap / 2 && SpaceBefore(text, probe) == 0) --probe;
    if (SpaceBefore(text, probe) > 0) cut = probe;
    if (cut <= start) cut = start + cap;  // a broken character as long as the cap: cannot happen
    size_t piece_end = SkipSpaceBackward(text, start, cut);
    if (piece_end > start) out->push_back({start, piece_end});
    start = SkipSpaceForward(text, cut, end);
  }
  if (end > start) out->push_back({start, end});
}

// Stretches no sentence may end inside: closed quotes and matched brackets no longer than a
// sentence may be (a longer one is more likely a stray mark than a quote), merged, in order.
std::vector<Span> SentenceSplitter::Impl::Enclosed(std::string_view text, Span para) const {
  std::vector<Span> spans;
  if (rules.keep_quotes_whole) {
    for (const QuotedStretch& q : FindQuotedStretches(text, para)) {
      if (q.closed && q.span.size() <= rules.max_sentence_bytes) spans.push_back(q.span);
    }
  }
  for (const Span& b : FindBracketPairs(text, para)) {
    if (b.size() <= rules.max_sentence_bytes) spans.push_back(b);
  }
  std::sort(spans.begin(), spans.end(),
            [](const Span& a, const Span& b) { return a.start < b.start; });
  std::vector<Span> merged;
  for (const Span& s : spans) {
    if (!merged.empty() && s.start < merged.back().end) {
      merged.back().end = std::max(merged.back().end, s.end);
    } else {
      merged.push_back(s);
    }
  }
  return merged;
}

void SentenceSplitter::Impl::SplitParagraph(icu::BreakIterator* it, std::string_view text,
                                            Span para, std::vector<Span>* out) const {
  std::vector<Break> breaks;
  Candidates(it, text, para, &breaks);
  std::vector<Break> ellipsis_breaks = EllipsisBreaks(text, para);
  if (!ellipsis_breaks.empty()) {
    std::vector<Break> merged;
    std::merge(breaks.begin(), breaks.end(), ellipsis_breaks.begin(), ellipsis_breaks.end(),
               std::back_inserter(merged),
               [](const Break& a, const Break& b) { return a.pos < b.pos; });
    breaks.swap(merged);
  }
  // First the breaks that stand on their own (each judged from the sentence start before it)...
  const std::vector<Span> enclosed = Enclosed(text, para);
  std::vector<size_t> kept;  // positions of kept breaks before para.end, in order
  size_t e = 0;
  size_t start = para.start;
  for (const Break& b : breaks) {
    if (b.pos <= start || b.pos >= para.end) continue;
    if (!b.forced) {
      while (e < enclosed.size() && enclosed[e].end <= b.pos) ++e;
      if (e < enclosed.size() && enclosed[e].start < b.pos) continue;  // inside a quote or bracket
      if (!KeepBreak(text, start, b.pos, para.end)) continue;
    }
    kept.push_back(b.pos);
    start = EllipsisStart(text, start, b.pos);
  }
  // ...then the breaks inside a quotation of short sentences are taken back, and the rest cut.
  if (rules.whole_quote_below_average_words > 0 && !kept.empty()) {
    DropBreaksInShortQuotes(text, para, &kept);
  }
  start = para.start;
  for (size_t pos : kept) {
    if (pos <= start) continue;
    // "terror. ... And": the ellipsis opens the next sentence (it marks words left out).
    const size_t cut = EllipsisStart(text, start, pos);
    AppendCapped(text, {start, cut}, out);
    start = cut;
  }
  AppendCapped(text, {start, para.end}, out);
}

// A closed quotation whose sentences average fewer than whole_quote_below_average_words words
// ("“I love that. I love that,” he said"; "“Hands up! Don’t shoot!”") is one utterance of
// clipped speech rather than several statements: its inner breaks are removed from `kept`.
// Forced breaks cannot fall inside such a quote, which is at most max_sentence_bytes long.
void SentenceSplitter::Impl::DropBreaksInShortQuotes(std::string_view text, Span para,
                                                     std::vector<size_t>* kept) const {
  std::vector<size_t> out;
  out.reserve(kept->size());
  size_t k = 0;
  for (const QuotedStretch& q : FindQuotedStretches(text, para)) {
    if (!q.closed || q.span.size() > rules.max_sentence_bytes) continue;
    while (k < kept->size() && (*kept)[k] <= q.span.start) out.push_back((*kept)[k++]);
    size_t inside_end = k;
    while (inside_end < kept->size() && (*kept)[inside_end] < q.span.end) ++inside_end;
    const size_t inner = inside_end - k;
    if (inner > 0 && static_cast<double>(CountSpacedWords(text, q.span)) <
                         rules.whole_quote_below_average_words * static_cast<double>(inner + 1)) {
      k = inside_end;  // drop them
    }
  }
  while (k < kept->size()) out.push_back((*kept)[k++]);
  kept->swap(out);
}

SentenceSplitter::SentenceSplitter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SentenceSplitter::~SentenceSplitter() = default;

StatusOr<std::unique_ptr<SentenceSplitter>> SentenceSplitter::Create(const SegmentRules& rules) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> prototype(
      icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), status));
  if (U_FAILURE(status) || prototype == nullptr) {
    return Status::Internal(std::string("cannot create ICU's sentence break iterator: ") +
                            u_errorName(status));
  }
  auto impl = std::make_unique<Impl>();
  impl->rules = rules;
  for (const auto* list : {&rules.never_final, &rules.may_end, &rules.before_number, &rules.states,
                           &rules.name_suffixes}) {
    for (const std::string& word : *list) {
      impl->longest_abbreviation = std::max(impl->longest_abbreviation, word.size());
    }
  }
  impl->rules.max_sentence_bytes = std::max<size_t>(impl->rules.max_sentence_bytes, 16);
  impl->rules.icu_window_bytes =
      std::max(impl->rules.icu_window_bytes, 4 * impl->rules.max_sentence_bytes);
  // ICU's offsets are 32-bit.
  impl->rules.icu_window_bytes = std::min<size_t>(impl->rules.icu_window_bytes, size_t{1} << 30);
  impl->prototype = std::move(prototype);
  return std::unique_ptr<SentenceSplitter>(new SentenceSplitter(std::move(impl)));
}

std::vector<Sentence> SentenceSplitter::Split(std::string_view text,
                                              const std::vector<Paragraph>& paragraphs) const {
  std::vector<Sentence> out;
  std::unique_ptr<icu::BreakIterator> it = impl_->Take();
  std::vector<Span> spans;
  for (size_t p = 0; p < paragraphs.size(); ++p) {
    Span para = paragraphs[p].span;
    para.end = std::min(para.end, text.size());
    para.start = std::min(para.start, para.end);
    spans.clear();
    if (paragraphs[p].heading) {
      impl_->AppendCapped(text, para, &spans);
    } else {
      impl_->SplitParagraph(it.get(), text, para, &spans);
    }
    if (spans.empty()) continue;
    const std::vector<Span> quotes = FindQuotes(text, para);
    size_t q = 0;
    for (const Span& s : spans) {
      Sentence sentence;
      sentence.index = static_cast<int>(out.size());
      sentence.span = s;
      sentence.paragraph = static_cast<int>(p);
      sentence.heading = paragraphs[p].heading;
      while (q < quotes.size() && quotes[q].end <= s.start) ++q;
      for (size_t k = q; k < quotes.size() && quotes[k].start < s.end; ++k) {
        Span clipped{std::max(quotes[k].start, s.start), std::min(quotes[k].end, s.end)};
        if (!clipped.empty()) sentence.quotes.push_back(clipped);
      }
      out.push_back(std::move(sentence));
    }
  }
  impl_->GiveBack(std::move(it));
  return out;
}

}  // namespace parallax
