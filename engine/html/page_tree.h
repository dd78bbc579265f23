// PageTree: a gumbo document flattened into document order, with the decisions that main-content
// choice and text extraction share: which elements are never article text, and how much text,
// link text and how many commas each element holds once those are left out.
//
// Nodes are stored in pre-order, so the subtree of node i is the range [i, nodes[i].end) and a
// parent always comes before its children. Building and every later walk are loops over this
// array: nothing recurses on the depth of the page.
//
// What is removed (with everything inside):
//   always:  head, script, style, noscript, template, svg, math, iframe, object, embed, canvas,
//            video, audio, map, form controls (button, input, select, textarea, label),
//            figcaption, dialog, and elements that are hidden (hidden, aria-hidden="true",
//            style="display:none" or "visibility:hidden");
//   unless the element wraps most of the page's text:  nav, header, footer, aside, menu, form,
//            and elements whose class, id or role names furniture (see boilerplate_names.h).
//            "Most" is 80% of the text left after the first group, or 50% when the class or id
//            also holds a content word, or more than half of the text outside links, and at
//            least kMinArticleChars: then the name describes a page layout ("content
//            has-sidebar", "penci_sidebar", "elementor-widget-...", "non-ad-column"), or an
//            ASP.NET page that wraps everything in one <form>, while a page that is nothing but
//            a cookie banner still has no article. A thread of reader comments is always removed:
//            it can outweigh the article, but never wraps it.
//
// Thread safety: immutable once built. The tree points into the GumboPage it was built from.
#ifndef PARALLAX_ENGINE_HTML_PAGE_TREE_H_
#define PARALLAX_ENGINE_HTML_PAGE_TREE_H_

#include <gumbo.h>

#include <cstddef>
#include <string_view>
#include <vector>

namespace parallax {

// Characters of text (not counting white space) that make a block a real article rather than a
// teaser, a caption or a banner.
inline constexpr size_t kMinArticleChars = 200;

struct PageNode {
  const GumboNode* node = nullptr;
  int parent = -1;  // -1 for the document
  int end = 0;      // one past the last node of the subtree
  GumboTag tag = GUMBO_TAG_UNKNOWN;
  bool is_text = false;          // a text, white-space or CDATA node (never removed by itself)
  bool removed = false;          // the node or an ancestor is never article text
  bool in_link = false;          // inside an <a>
  bool has_own_text = false;     // an element with a text child that is not white space
  bool has_block_child = false;  // an element with a block-level element child
  // Over the subtree, removed parts left out: characters of text that are not white space, those
  // inside links, and commas.
  size_t chars = 0;
  size_t link_chars = 0;
  size_t commas = 0;
};

class PageTree {
 public:
  explicit PageTree(const GumboNode* document);

  const std::vector<PageNode>& nodes() const { return nodes_; }
  const PageNode& operator[](int i) const { return nodes_[i]; }
  int size() const { return static_cast<int>(nodes_.size()); }
  // The <body> element, or the document when there is none.
  int body() const { return body_; }

  // The attribute's value, or "" when the element has no such attribute (or is text).
  std::string_view Attribute(int i, const char* name) const;
  // Text of the subtree, removed parts included iff `include_removed`, white space collapsed,
  // trimmed.
  std::string Text(int i, bool include_removed) const;

 private:
  void Build(const GumboNode* document);
  void DecideRemoval();
  void CountText();

  std::vector<PageNode> nodes_;
  std::vector<bool> always_removed_;  // by the first group alone (inherited)
  std::vector<bool> maybe_removed_;   // the element itself is in the second group
  std::vector<bool> names_content_;
  std::vector<bool> names_comments_;
  int body_ = 0;
};

// Returns true iff `tag` is a block-level element: it starts and ends a paragraph.
bool IsBlockTag(GumboTag tag);

// Returns true iff `tag` is h1-h6.
bool IsHeadingTag(GumboTag tag);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_HTML_PAGE_TREE_H_
