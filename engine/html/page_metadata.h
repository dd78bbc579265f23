// Metadata of a page: title, author, publication date, URL and site name (see HtmlArticle for the
// sources consulted, in order), and warnings about how the page declares its encoding.
//
// JSON-LD (<script type="application/ld+json">) is read with a small scanner for the few keys
// used ("datePublished", the "name" of "author" and of "publisher"), not a JSON parser: JSON
// parsing belongs to ingest, and a malformed block should cost a field, not the page.
//
// Thread safety: pure function.
#ifndef PARALLAX_ENGINE_HTML_PAGE_METADATA_H_
#define PARALLAX_ENGINE_HTML_PAGE_METADATA_H_

#include <vector>

#include "engine/html/html_article.h"
#include "engine/html/page_tree.h"

namespace parallax {

// Fills the metadata fields of *article and adds to its warnings. `roots` is the main content:
// a <time datetime> inside it is preferred to one elsewhere.
void ReadPageMetadata(const PageTree& tree, const std::vector<int>& roots, HtmlArticle* article);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_HTML_PAGE_METADATA_H_
