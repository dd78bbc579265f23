// Boilerplate: page furniture that is not part of an article ("Home » …", "Related Posts",
// "Leave a Comment", share prompts, author disclaimers), and the article's paragraph structure.
//
// The rules are data, read from rules/boilerplate.yaml (its format and pattern syntax are
// documented at the top of that file). FilterBoilerplate walks the lines of an article's text
// and decides, line by line:
//   - drop it (a `drop_lines` pattern matches the whole line),
//   - strip a prefix (a `strip_prefixes` pattern matches at the start; the rest stays),
//   - keep it aside as a note (a `note_lines` pattern matches: disclaimers, author blurbs),
//   - take it as the byline (a `bylines` pattern; group 1 is the author),
//   - drop it as a repeat of the title,
//   - or keep it as a paragraph, flagged as a heading when it looks like one (short, no final
//     punctuation, followed by more text).
// Paragraph spans point into the text unchanged; nothing is copied or rewritten.
//
// Patterns use RE2 syntax (UTF-8, case-sensitive, leftmost-first like Perl and ECMAScript).
// RE2 matches in time linear in the line, so no rule can make reading hang on a hostile line,
// and all drop_lines (and all note_lines) are tried in one pass over the line. RE2 has no
// lookarounds or backreferences; Load refuses them by name rather than with RE2's terse
// "invalid perl operator". RE2 is used only in this module (boilerplate.cc).
//
// Thread safety: BoilerplateRules is immutable after Load (copies share the compiled patterns);
// all const methods and FilterBoilerplate may run concurrently.
#ifndef PARALLAX_ENGINE_INGEST_BOILERPLATE_H_
#define PARALLAX_ENGINE_INGEST_BOILERPLATE_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/status.h"
#include "engine/ingest/article.h"

namespace parallax {

class BoilerplateRules {
 public:
  BoilerplateRules();  // no rules: every line is kept
  // Copies share the compiled patterns. There are no move operations, so a move copies too
  // and a moved-from object keeps working.
  BoilerplateRules(const BoilerplateRules&) = default;
  BoilerplateRules& operator=(const BoilerplateRules&) = default;

  // Loads rules/boilerplate.yaml; a bad pattern (including a lookaround or a backreference, or
  // a byline pattern without a group for the author) is reported with its file:line:column.
  static StatusOr<BoilerplateRules> Load(const std::string& path);

  // Returns true iff a drop_lines pattern matches somewhere in `line`.
  bool DropsLine(std::string_view line) const;
  // Returns true iff a note_lines pattern matches somewhere in `line`.
  bool IsNoteLine(std::string_view line) const;
  // Returns true iff a bylines pattern matches somewhere in `line` with its group 1 taking part
  // in the match; *author is then group 1 (the first such pattern in file order wins).
  bool MatchByline(std::string_view line, std::string* author) const;
  // Returns true iff a strip_prefixes pattern matches at the start of `line`; *length is then
  // the length of the match of the first such pattern in file order (possibly 0).
  bool MatchPrefix(std::string_view line, size_t* length) const;

  // Lines longer than this are never treated as boilerplate (real boilerplate is short, and this
  // keeps a 20 MB single-line article from going through the regex engine).
  size_t max_boilerplate_line = 300;
  // Headings: at most this many bytes and words, and no sentence-final punctuation.
  size_t max_heading_bytes = 120;
  size_t max_heading_words = 14;

 private:
  class Patterns;  // the compiled RE2 objects; defined in boilerplate.cc
  std::shared_ptr<const Patterns> patterns_;
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
