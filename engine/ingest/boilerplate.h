// Boilerplate: page furniture that is not part of an article ("Home » …", "Related Posts",
// "Leave a Comment", share prompts, author disclaimers), and the article's paragraph structure.
//
// The rules are data, read from rules/boilerplate.yaml (its format is documented at the top of
// that file). BuildParagraphs walks the lines of an article's text and decides, line by line:
//   - drop it (a `drop_lines` pattern matches the whole line),
//   - strip a prefix (a `strip_prefixes` pattern matches at the start; the rest stays),
//   - keep it aside as a note (a `note_lines` pattern matches: disclaimers, author blurbs),
//   - take it as the byline (a `bylines` pattern; group 1 is the author),
//   - drop it as a repeat of the title,
//   - or keep it as a paragraph, flagged as a heading when it looks like one (short, no final
//     punctuation, followed by more text).
// Paragraph spans point into the text unchanged; nothing is copied or rewritten.
//
// Thread safety: BoilerplateRules is immutable after Load; BuildParagraphs may run concurrently.
#ifndef PARALLAX_ENGINE_INGEST_BOILERPLATE_H_
#define PARALLAX_ENGINE_INGEST_BOILERPLATE_H_

#include <memory>
#include <regex>
#include <string>
#include <vector>

#include "engine/base/status.h"
#include "engine/ingest/article.h"

namespace parallax {

class BoilerplateRules {
 public:
  BoilerplateRules() = default;  // no rules: every line is kept

  // Loads rules/boilerplate.yaml; a bad pattern is reported with its file:line:column.
  static StatusOr<BoilerplateRules> Load(const std::string& path);

  struct Rule {
    std::string pattern;  // as written, for messages
    std::regex regex;
  };
  std::vector<Rule> drop_lines;
  std::vector<Rule> strip_prefixes;
  std::vector<Rule> note_lines;
  std::vector<Rule> bylines;
  // Lines longer than this are never treated as boilerplate (real boilerplate is short, and this
  // keeps a 20 MB single-line article from going through the regex engine).
  size_t max_boilerplate_line = 300;
  // Headings: at most this many bytes and words, and no sentence-final punctuation.
  size_t max_heading_bytes = 120;
  size_t max_heading_words = 14;
};

// Returns the candidate paragraphs of plain text from `body_start` on: each non-empty line, or
// each blank-line-separated block when the text is hard-wrapped. Spans are trimmed.
std::vector<Paragraph> SplitIntoLines(std::string_view text, size_t body_start);

// Sets article->paragraphs to the `candidates` that are article body, by the rules above (and
// fills notes, author and title when found). A candidate's heading flag is kept; other
// candidates are flagged as headings when they look like one.
void FilterBoilerplate(const BoilerplateRules& rules, const std::vector<Paragraph>& candidates,
                       Article* article);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_INGEST_BOILERPLATE_H_
