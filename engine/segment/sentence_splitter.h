// SentenceSplitter: an article's paragraphs into sentences with exact byte spans.
//
// This is the public face of engine/segment and its only user of ICU. Each paragraph is split on
// its own, so a heading or a line without final punctuation is never glued to the next one:
//   1. ICU's sentence break iterator (English, UAX #29 rules) proposes breaks, reading the UTF-8
//      text in place through a UText so that its offsets are our byte offsets;
//   2. the rules of rules/segmentation.yaml (see segment_rules.h) take back the breaks ICU puts
//      after abbreviations and initials ("Gen. Munir", "J. K. Rowling", "U.S. Army", `Robert C.
//      “Bobby” Scott`) and after "?"/"!" followed by a lower-case word ("“Why?” he asked"), but
//      keep those that end a sentence with a state after a place ("in Lodi, N.J. Harmony’s phone")
//      or a name suffix ("Bliley Jr. Reaching");
//   3. inside a closed quote whose sentences average fewer than
//      SegmentRules::whole_quote_below_average_words words, the breaks are taken back too
//      ("“I love that. I love that,” he said" is one sentence);
//   4. a sentence longer than SegmentRules::max_sentence_bytes is cut at a white space.
// ICU already keeps decimals ("3.5"), dotted words followed by lower case ("U.S. officials") and
// quotes closing after the final punctuation (`He said “no.” Then`) together.
//
// Cost is linear in the text: a paragraph is fed to ICU in windows of at most
// SegmentRules::icu_window_bytes (1 MiB), each break is judged by looking at most a few dozen
// bytes around it, and long stretches are cut in one pass, so a 20 MB line without punctuation
// costs one scan. Invalid UTF-8 does not crash it: ICU reads bad bytes as U+FFFD, and spans may
// then fall between the bytes of a broken sequence.
//
// Thread safety: Split is const and may be called from several threads at once on one splitter.
// ICU break iterators are not thread-safe, so the splitter keeps a small pool of them behind a
// mutex: each Split call takes one (cloning the prototype when the pool is empty) and gives it
// back when done; the mutex is held only for the take and the give-back.
#ifndef PARALLAX_ENGINE_SEGMENT_SENTENCE_SPLITTER_H_
#define PARALLAX_ENGINE_SEGMENT_SENTENCE_SPLITTER_H_

#include <memory>
#include <string_view>
#include <vector>

#include "engine/base/paragraph.h"
#include "engine/base/status.h"
#include "engine/segment/segment_rules.h"
#include "engine/segment/sentence.h"

namespace parallax {

class SentenceSplitter {
 public:
  // Builds a splitter from rules (usually SegmentRules::Load of rules/segmentation.yaml).
  // Fails only when ICU cannot create its sentence break iterator (missing ICU data).
  static StatusOr<std::unique_ptr<SentenceSplitter>> Create(const SegmentRules& rules);

  ~SentenceSplitter();
  SentenceSplitter(const SentenceSplitter&) = delete;
  SentenceSplitter& operator=(const SentenceSplitter&) = delete;

  // Splits each paragraph of `text` (see Article::paragraphs) into sentences, in order.
  // Sentence::index runs over the whole result from 0; spans are byte offsets into `text`,
  // trimmed of white space (so never hold a line end), and never empty; a heading paragraph
  // is one sentence with heading = true (cut only when longer than max_sentence_bytes);
  // Sentence::quotes are the quoted stretches (see quotes.h) that overlap the sentence,
  // clipped to it. Paragraph spans reaching past the end of `text` are clipped.
  std::vector<Sentence> Split(std::string_view text,
                              const std::vector<Paragraph>& paragraphs) const;

 private:
  struct Impl;
  explicit SentenceSplitter(std::unique_ptr<Impl> impl);

  std::unique_ptr<Impl> impl_;
};

}  // namespace parallax

#endif  // PARALLAX_ENGINE_SEGMENT_SENTENCE_SPLITTER_H_
