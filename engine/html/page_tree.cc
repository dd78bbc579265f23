#include "engine/html/page_tree.h"

#include <string>
#include <utility>

#include "engine/html/boilerplate_names.h"
#include "engine/html/collapse_space.h"

namespace parallax {
namespace {

bool IsAlwaysRemovedTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_APPLET:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_MAP:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_LABEL:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FRAMESET:
    case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_NOEMBED:
      return true;
    default:
      return false;
  }
}

bool IsLayoutTag(GumboTag tag) {
  return tag == GUMBO_TAG_NAV || tag == GUMBO_TAG_HEADER || tag == GUMBO_TAG_FOOTER ||
         tag == GUMBO_TAG_ASIDE || tag == GUMBO_TAG_MENU || tag == GUMBO_TAG_FORM;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string_view AttributeOf(const GumboNode* node, const char* name) {
  if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE) return {};
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a == nullptr ? std::string_view() : std::string_view(a->value);
}

bool IsHidden(const GumboNode* node) {
  if (gumbo_get_attribute(&node->v.element.attributes, "hidden") != nullptr) return true;
  if (Lower(AttributeOf(node, "aria-hidden")) == "true") return true;
  std::string style;
  for (char c : Lower(AttributeOf(node, "style"))) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') style.push_back(c);
  }
  return style.find("display:none") != std::string::npos ||
         style.find("visibility:hidden") != std::string::npos;
}

const GumboVector* ChildrenOf(const GumboNode* node) {
  if (node->type == GUMBO_NODE_DOCUMENT) return &node->v.document.children;
  if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE) {
    return &node->v.element.children;
  }
  return nullptr;
}

size_t CountCommas(std::string_view text) {
  size_t n = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ',') ++n;
    // U+060C Arabic comma, U+3001 ideographic comma, U+FF0C fullwidth comma.
    if (text.compare(i, 2, "\xD8\x8C") == 0 || text.compare(i, 3, "\xE3\x80\x81") == 0 ||
        text.compare(i, 3, "\xEF\xBC\x8C") == 0) {
      ++n;
    }
  }
  return n;
}

}  // namespace

bool IsBlockTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIR:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_LISTING:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PLAINTEXT:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_XMP:
      return true;
    default:
      return false;
  }
}

bool IsHeadingTag(GumboTag tag) {
  return tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3 || tag == GUMBO_TAG_H4 ||
         tag == GUMBO_TAG_H5 || tag == GUMBO_TAG_H6;
}

PageTree::PageTree(const GumboNode* document) {
  Build(document);
  DecideRemoval();
  CountText();
}

void PageTree::Build(const GumboNode* document) {
  // Each frame is a node whose children are being visited: its index and the next child.
  std::vector<std::pair<int, unsigned>> stack;
  auto add = [&](const GumboNode* node, int parent) {
    PageNode n;
    n.node = node;
    n.parent = parent;
    n.is_text = node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
                node->type == GUMBO_NODE_CDATA;
    bool element = node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE;
    if (element) n.tag = node->v.element.tag;
    bool always = parent >= 0 && always_removed_[parent];
    bool maybe = false;
    bool content = false;
    bool comments = false;
    if (parent >= 0) n.in_link = nodes_[parent].in_link || n.tag == GUMBO_TAG_A;
    if (element) {
      std::string_view cls = AttributeOf(node, "class");
      std::string_view id = AttributeOf(node, "id");
      always = always || IsAlwaysRemovedTag(n.tag) || IsHidden(node);
      bool never = n.tag == GUMBO_TAG_HTML || n.tag == GUMBO_TAG_BODY;
      maybe =
          !never && (IsLayoutTag(n.tag) || NamesBoilerplate(cls, id, AttributeOf(node, "role")));
      content = maybe && NamesContent(cls, id);
      comments = maybe && NamesComments(cls, id);
      if (n.tag == GUMBO_TAG_BODY && body_ == 0) body_ = static_cast<int>(nodes_.size());
      if (parent >= 0 && IsBlockTag(n.tag)) nodes_[parent].has_block_child = true;
    }
    if (n.is_text && parent >= 0 && CountVisibleChars(node->v.text.text) > 0) {
      nodes_[parent].has_own_text = true;
    }
    nodes_.push_back(n);
    always_removed_.push_back(always);
    maybe_removed_.push_back(maybe);
    names_content_.push_back(content);
    names_comments_.push_back(comments);
    return static_cast<int>(nodes_.size()) - 1;
  };
  stack.emplace_back(add(document, -1), 0);
  while (!stack.empty()) {
    auto& [index, next] = stack.back();
    const GumboVector* children = ChildrenOf(nodes_[index].node);
    if (children == nullptr || next >= children->length) {
      nodes_[index].end = static_cast<int>(nodes_.size());
      stack.pop_back();
      continue;
    }
    const auto* child = static_cast<const GumboNode*>(children->data[next++]);
    if (child->type == GUMBO_NODE_COMMENT) continue;
    int parent = index;  // `index` dies with the push below
    stack.emplace_back(add(child, parent), 0);
  }
}

void PageTree::DecideRemoval() {
  // Text left after the first group of removals, per subtree (children follow parents, so a
  // reverse walk sees every child before its parent).
  // `prose` counts the same text outside links: menus, teaser lists and tag clouds are nearly all
  // link text, an article nearly none.
  std::vector<size_t> chars(nodes_.size(), 0);
  std::vector<size_t> prose(nodes_.size(), 0);
  for (int i = size() - 1; i >= 0; --i) {
    if (always_removed_[i]) continue;
    if (nodes_[i].is_text) {
      chars[i] = CountVisibleChars(nodes_[i].node->v.text.text);
      if (!nodes_[i].in_link) prose[i] = chars[i];
    }
    if (nodes_[i].parent >= 0) {
      chars[nodes_[i].parent] += chars[i];
      prose[nodes_[i].parent] += prose[i];
    }
  }
  size_t page = chars[body_];
  size_t page_prose = prose[body_];
  for (int i = 0; i < size(); ++i) {
    PageNode& n = nodes_[i];
    bool removed = always_removed_[i] || (n.parent >= 0 && nodes_[n.parent].removed);
    if (!removed && maybe_removed_[i]) {
      bool wraps_page = chars[i] >= kMinArticleChars &&
                        (chars[i] * 5 > page * 4 || (names_content_[i] && chars[i] * 2 > page));
      bool wraps_prose = prose[i] >= kMinArticleChars && prose[i] * 2 > page_prose;
      removed = names_comments_[i] || (!wraps_page && !wraps_prose);
    }
    n.removed = removed;
  }
}

void PageTree::CountText() {
  for (int i = size() - 1; i >= 0; --i) {
    PageNode& n = nodes_[i];
    if (n.removed) continue;
    if (n.is_text) {
      std::string_view text = n.node->v.text.text;
      n.chars = CountVisibleChars(text);
      n.commas = CountCommas(text);
      if (n.in_link) n.link_chars = n.chars;
    }
    if (n.parent >= 0) {
      PageNode& p = nodes_[n.parent];
      p.chars += n.chars;
      p.link_chars += n.link_chars;
      p.commas += n.commas;
    }
  }
}

std::string_view PageTree::Attribute(int i, const char* name) const {
  return AttributeOf(nodes_[i].node, name);
}

std::string PageTree::Text(int i, bool include_removed) const {
  CollapsedText out;
  for (int k = i; k < nodes_[i].end;) {
    if (!include_removed && nodes_[k].removed) {
      k = nodes_[k].end;
      continue;
    }
    if (nodes_[k].is_text) out.Append(nodes_[k].node->v.text.text);
    if (!nodes_[k].is_text && IsBlockTag(nodes_[k].tag)) out.pending_space = true;
    ++k;
  }
  return out.text;
}

}  // namespace parallax
