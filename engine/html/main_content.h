// Choosing the part of a page that is the article.
//
// First the page's own markup: the first element marked itemprop="articleBody" that holds at least
// kMinArticleChars characters, else the first such <article>, else the first such <main> or
// role="main" (first, not largest: an infinite-scroll page holds the next articles after the one
// asked for). Otherwise a score in the manner of Mozilla's Readability: every paragraph-like block
// (p, pre, td, or a block with text of its own and no block children) of at least 25 characters
// gives its parent 1 + commas + min(characters / 100, 3) points and its grandparent half that; a
// container starts from a bonus by tag (div +5, list items -3, headings -5) and by a content word
// in its class (+25), and its score is scaled by 1 - link density. The best container is the
// article, with those of its siblings that score at least a fifth as well or are long paragraphs
// with few links, and the elements elsewhere with the best one's tag and exact class when that
// class names content (an article split into "post__content" sections by figures). When nothing
// scores, the largest marked element, else the whole body.
//
// Thread safety: pure function.
#ifndef PARALLAX_ENGINE_HTML_MAIN_CONTENT_H_
#define PARALLAX_ENGINE_HTML_MAIN_CONTENT_H_

#include <cstddef>
#include <vector>

#include "engine/html/page_tree.h"

namespace parallax {

// Returns the nodes whose subtrees make up the article, in document order (disjoint subtrees);
// empty iff the page has no text that is not removed.
std::vector<int> ChooseMainContent(const PageTree& tree);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_HTML_MAIN_CONTENT_H_
