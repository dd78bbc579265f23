// SegmentRules: what the sentence splitter knows about English abbreviations, read from
// rules/segmentation.yaml so that users can extend it without recompiling.
//
// ICU's sentence break iterator proposes a break after every "." followed by white space and a
// capital letter. Most of the errors that leaves are abbreviations ("Gen. Munir", "U.S. Army")
// and initials ("J. K. Rowling"); these rules say which of ICU's breaks to take back.
//
// File format (documented again at the top of rules/segmentation.yaml):
//   abbreviations:
//     never_final: [Mr., Gen., ...]    # never end a sentence: a break after them is removed
//     may_end: [U.S., etc., Inc., ...]  # end a sentence only when the next word is a
//                                       # sentence starter (below) or opens a quote
//     before_number: [No., Jan., ...]   # never end a sentence before a number ("No. 5",
//                                       # "Jan. 12"); elsewhere treated like may_end
//     states: [Calif., N.J., ...]       # like may_end; moreover, right after "Place, " they
//                                       # end the sentence before any capitalised word (AP
//                                       # style writes "Lodi, N.J., police said" when the
//                                       # sentence goes on)
//     name_suffixes: [Jr., Sr.]         # like may_end; moreover they end the sentence before
//                                       # any capitalised word except a name_continuation
//                                       # ("Thomas J. Bliley Jr. Reaching that pinnacle")
//   sentence_starters: [The, He, ...]   # words that, after a may_end abbreviation or an
//                                       # initial, show that a new sentence begins
//   name_continuations: [Day, ...]      # words that go on a name after a name suffix
//                                       # ("Martin Luther King Jr. Day")
//   attribution_verbs: [said, asked, ...]  # `“Why?” Scalia asked.` stays one sentence: a
//                                       # quote ending in "?" or "!" is not cut from one of
//                                       # these among the next four words
//   keep_quotes_whole: false            # true: never break inside a closed quote
//   whole_quote_below_average_words: 6  # a closed quote whose sentences average fewer words
//                                       # than this is one sentence (0: off)
//   initials: true                      # single capital letter + "." ("J. K. Rowling") and
//                                       # dotted letters ("D.C.", "a.m.") behave like may_end
//   max_sentence_bytes: 2000            # longer stretches are cut at a white space
// Abbreviations are matched exactly as written (case-sensitive), including their periods; each
// must end in "." and contain no white space. Every key is optional; unknown keys are errors.
//
// Thread safety: a loaded SegmentRules is an immutable value.
#ifndef PARALLAX_ENGINE_SEGMENT_SEGMENT_RULES_H_
#define PARALLAX_ENGINE_SEGMENT_SEGMENT_RULES_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>

#include "engine/base/status.h"

namespace parallax {

struct SegmentRules {
  std::unordered_set<std::string> never_final;
  std::unordered_set<std::string> may_end;
  std::unordered_set<std::string> before_number;
  std::unordered_set<std::string> states;
  std::unordered_set<std::string> name_suffixes;
  std::unordered_set<std::string> name_continuations;
  std::unordered_set<std::string> sentence_starters;
  std::unordered_set<std::string> attribution_verbs;
  bool initials = true;
  // True: no break inside a closed quote ("“Stop. Now,” he said." is one sentence). False (the
  // default, as BASIL's gold splits mostly do): quoted sentences are sentences.
  bool keep_quotes_whole = false;
  // A closed quote whose sentences average fewer words than this is kept whole: clipped
  // speech such as "“I love that. I love that,” he said" or "“Hands up! Don’t shoot!”" is
  // one utterance, and its pieces are no claims of their own. 0 (the default) turns it off;
  // rules/segmentation.yaml sets it (see there for the figures that chose it).
  double whole_quote_below_average_words = 0;

  // A sentence longer than this is cut at the last white space before the limit (or, with no
  // white space in the limit's second half, at a character boundary). This keeps every
  // sentence, and the work done on it downstream, bounded on pathological input such as a
  // 20 MB line without punctuation. 2,000 bytes is about 300 words, far above real sentences.
  size_t max_sentence_bytes = 2000;

  // Paragraphs are fed to ICU in windows of at most this many bytes, so that ICU's 32-bit
  // offsets never overflow and a huge paragraph is scanned once. Not read from the file; tests
  // lower it to check that windowing does not change the result. REQUIRES: >= 4 *
  // max_sentence_bytes.
  size_t icu_window_bytes = size_t{1} << 20;

  // Loads rules/segmentation.yaml (or any file of that format). Errors name file:line:column.
  static StatusOr<SegmentRules> Load(const std::string& path);

  // Parses rules from YAML text; `file` names it in messages.
  static StatusOr<SegmentRules> Parse(std::string_view yaml, const std::string& file);
};

}  // namespace parallax

#endif  // PARALLAX_ENGINE_SEGMENT_SEGMENT_RULES_H_
