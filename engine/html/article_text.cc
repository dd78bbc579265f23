#include "engine/html/article_text.h"

#include <string_view>

#include "engine/html/collapse_space.h"

namespace parallax {
namespace {

class ParagraphBuilder {
 public:
  ParagraphBuilder(std::string* text, std::vector<Paragraph>* paragraphs)
      : text_(text), paragraphs_(paragraphs) {}

  void AddText(std::string_view raw, bool in_link) {
    size_t chars = current_.Append(raw);
    chars_ += chars;
    if (in_link) link_chars_ += chars;
    if (bold_depth_ > 0) bold_chars_ += chars;
    if (heading_depth_ > 0 && chars > 0) in_heading_ = true;
  }

  void EnterHeading() { ++heading_depth_; }
  void LeaveHeading() { --heading_depth_; }
  void EnterBold() { ++bold_depth_; }
  void LeaveBold() { --bold_depth_; }

  // Ends the current paragraph, if it has text and is not all link text.
  void Break() {
    if (!current_.text.empty() && link_chars_ < chars_) {
      if (!text_->empty()) text_->append("\n\n");
      Paragraph p;
      p.span.start = text_->size();
      text_->append(current_.text);
      p.span.end = text_->size();
      p.heading = in_heading_ || LooksLikeBoldHeading();
      paragraphs_->push_back(p);
    }
    current_.Clear();
    chars_ = bold_chars_ = link_chars_ = 0;
    in_heading_ = false;
  }

 private:
  bool LooksLikeBoldHeading() const {
    const std::string& t = current_.text;
    if (chars_ == 0 || bold_chars_ != chars_ || t.size() > kMaxBoldHeadingBytes) return false;
    char last = t.back();
    if (last == '.' || last == ',' || last == ':' || last == ';') return false;
    return t.find(". ") == std::string::npos;
  }

  std::string* text_;
  std::vector<Paragraph>* paragraphs_;
  CollapsedText current_;
  size_t chars_ = 0;       // visible characters of the current paragraph
  size_t bold_chars_ = 0;  // those inside <b>/<strong>
  size_t link_chars_ = 0;  // those inside <a>
  bool in_heading_ = false;
  int heading_depth_ = 0;
  int bold_depth_ = 0;
};

// An element being walked, with what must be undone when it ends.
struct OpenElement {
  int end;
  bool block;
  bool heading;
  bool bold;
};

}  // namespace

void AppendArticleText(const PageTree& tree, const std::vector<int>& roots, std::string* text,
                       std::vector<Paragraph>* paragraphs) {
  ParagraphBuilder builder(text, paragraphs);
  std::vector<OpenElement> open;
  auto close = [&](const OpenElement& e) {
    if (e.block) builder.Break();
    if (e.heading) builder.LeaveHeading();
    if (e.bold) builder.LeaveBold();
  };
  for (int root : roots) {
    builder.Break();
    for (int k = root; k < tree[root].end;) {
      while (!open.empty() && open.back().end <= k) {
        close(open.back());
        open.pop_back();
      }
      const PageNode& n = tree[k];
      if (n.removed || n.tag == GUMBO_TAG_H1) {  // <h1> is the headline: the title
        k = n.end;
        continue;
      }
      if (n.is_text) {
        builder.AddText(n.node->v.text.text, n.in_link);
      } else if (n.tag == GUMBO_TAG_BR || n.tag == GUMBO_TAG_HR) {
        builder.Break();
      } else {
        OpenElement e;
        e.end = n.end;
        e.block = IsBlockTag(n.tag);
        e.heading = IsHeadingTag(n.tag) || tree.Attribute(k, "role") == "heading";
        e.bold = n.tag == GUMBO_TAG_B || n.tag == GUMBO_TAG_STRONG;
        e.block = e.block || e.heading;  // a heading is a paragraph of its own
        if (e.block) builder.Break();
        if (e.heading) builder.EnterHeading();
        if (e.bold) builder.EnterBold();
        open.push_back(e);
      }
      ++k;
    }
    while (!open.empty()) {
      close(open.back());
      open.pop_back();
    }
  }
  builder.Break();
}

}  // namespace parallax
