// The text of the chosen main content, as paragraphs.
//
// Each block element and each run of text between <br> or <hr> elements ends the paragraph
// before it. Left out: <h1>, the page's headline (HtmlArticle::title holds the title), and
// paragraphs whose text all lies inside links (teasers, "Read more" prompts, lists of related
// stories; an article's own paragraphs hold some text of their own). Inline text is joined with
// white space collapsed (see collapse_space.h). A paragraph is a heading when its text lies inside
// h1-h6 or an element with role="heading", or when it is short (at most kMaxBoldHeadingBytes), set
// entirely in <b>/<strong>, holds a single sentence and does not end in '.', ',', ':' or ';'
// ("<p><strong>Why This Matters</strong></p>").
//
// Thread safety: pure function.
#ifndef PARALLAX_ENGINE_HTML_ARTICLE_TEXT_H_
#define PARALLAX_ENGINE_HTML_ARTICLE_TEXT_H_

#include <cstddef>
#include <string>
#include <vector>

#include "engine/base/paragraph.h"
#include "engine/html/page_tree.h"

namespace parallax {

inline constexpr size_t kMaxBoldHeadingBytes = 120;

// Appends the paragraphs of the subtrees `roots` (removed parts left out) to *text, separated by
// "\n\n", and their spans to *paragraphs.
void AppendArticleText(const PageTree& tree, const std::vector<int>& roots, std::string* text,
                       std::vector<Paragraph>* paragraphs);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_HTML_ARTICLE_TEXT_H_
