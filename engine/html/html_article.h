// HTML article extraction: the main text of a web page as paragraphs, with its metadata.
//
// ExtractHtmlArticle parses a page with gumbo (the only user of gumbo in Parallax), drops what is
// never article text (scripts, styles, forms, navigation, page headers and footers, asides, and
// blocks whose class, id or role names a menu, share bar, comment thread, related-posts list, ad,
// newsletter prompt, breadcrumb trail or cookie banner), picks the main content and returns its
// block-level text.
//
// Choosing the main content: the first element marked itemprop="articleBody", else <article>,
// else <main> / role="main", that holds a real article's worth of text; otherwise the block
// container with the best readability-style score (text length, commas, low link density), with
// the sibling blocks that score nearly as well.
//
// Paragraphs: each block element (p, h1-h6, li, blockquote, td, a div with text of its own, ...)
// and each run of text between <br> elements is one paragraph. Inline text is joined with white
// space collapsed to single spaces (NBSP counts as white space); entities are decoded; soft
// hyphens, zero-width spaces and byte-order marks are removed. h1-h6 and role="heading" blocks, and
// short paragraphs set entirely in <b>/<strong> without closing punctuation, are headings.
//
// Hostile input: a page larger than HtmlArticleOptions::max_page_bytes is refused; tags nested
// deeper than max_nesting_depth are dropped before parsing (their text is kept), which keeps
// gumbo's parse time linear; gumbo's memory is drawn from a budget and a page that exceeds it is
// refused; every traversal of the tree is iterative. Invalid UTF-8 is replaced by U+FFFD by gumbo.
// `html` is read as UTF-8 whatever charset it declares: ingest decodes other charsets first
// (engine/ingest/page_charset.h).
//
// Thread safety: ExtractHtmlArticle keeps no state; calls may run concurrently.
#ifndef PARALLAX_ENGINE_HTML_HTML_ARTICLE_H_
#define PARALLAX_ENGINE_HTML_HTML_ARTICLE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/paragraph.h"
#include "engine/base/status.h"

namespace parallax {

// Names the extractor and its version in each article's provenance ("parallax-html 0.1.0"): the
// rules that choose the main text change with Parallax's version.
inline constexpr const char* kHtmlExtractorName = "parallax-html";

struct HtmlArticle {
  // The extracted body text: paragraphs separated by "\n\n", no leading or trailing space.
  std::string text;
  // Spans into `text`, in page order, one per paragraph; heading=true for section headings.
  std::vector<Paragraph> paragraphs;
  // Page metadata, empty when the page does not say. Sources, an earlier one wins:
  //   title:     og:title, twitter:title, <title> (less a " | <site name>" suffix)
  //   author:    meta author / article:author (not a URL) / parsely-author / byl, rel="author",
  //              itemprop="author", JSON-LD author name
  //   date:      article:published_time, itemprop="datePublished", other publication-date
  //              metas, JSON-LD datePublished, the first <time datetime> in the main content,
  //              then in the page; as the page writes it (usually ISO 8601)
  //   url:       og:url, <link rel="canonical">
  //   site_name: og:site_name, application-name, JSON-LD publisher name
  std::string title, author, date, url, site_name;
  // What a user should know about how the page was read, e.g. that deep nesting was flattened.
  std::vector<std::string> warnings;
};

struct HtmlArticleOptions {
  // Pages larger than this are refused (real article pages are well under 5 MB).
  size_t max_page_bytes = 64u << 20;
  // Start tags nested deeper than this are dropped before parsing, with their end tags; the text
  // inside stays. gumbo's parse time grows with depth × tags, so this bounds it.
  int max_nesting_depth = 256;
  // gumbo may allocate at most min_parse_memory + parse_memory_per_byte × page size bytes (a
  // typical page needs about 14 bytes per byte); beyond that the page is refused. This stops
  // markup that makes gumbo build far more nodes than the page has bytes.
  size_t min_parse_memory = 64u << 20;
  size_t parse_memory_per_byte = 32;
};

// Extracts the main article of the HTML page `html`. `file` names the page in error messages.
// Returns the article iff the page holds some article text; otherwise InvalidInput
// "<file>: no article text found in the HTML page", or InvalidInput naming the limit a page
// exceeds (see HtmlArticleOptions).
StatusOr<HtmlArticle> ExtractHtmlArticle(std::string_view html, const std::string& file,
                                         const HtmlArticleOptions& options);
StatusOr<HtmlArticle> ExtractHtmlArticle(std::string_view html, const std::string& file);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_HTML_HTML_ARTICLE_H_
