#include "engine/html/main_content.h"

#include <algorithm>
#include <string>
#include <string_view>

#include "engine/html/boilerplate_names.h"

namespace parallax {
namespace {

enum MarkerKind { kArticleBody, kArticle, kMain, kMarkerKinds };

bool HasWord(std::string_view attr, std::string_view word) {
  size_t pos = 0;
  while ((pos = attr.find(word, pos)) != std::string_view::npos) {
    bool starts = pos == 0 || attr[pos - 1] == ' ';
    size_t end = pos + word.size();
    if (starts && (end == attr.size() || attr[end] == ' ')) return true;
    pos = end;
  }
  return false;
}

double LinkDensity(const PageNode& n) {
  return n.chars == 0 ? 0.0 : static_cast<double>(n.link_chars) / static_cast<double>(n.chars);
}

double TagBonus(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_DIV:
      return 5;
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_BLOCKQUOTE:
      return 3;
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_FORM:
      return -3;
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_TH:
      return -5;
    default:
      return 0;
  }
}

bool IsParagraphLike(const PageTree& tree, int i) {
  const PageNode& n = tree[i];
  if (n.is_text || n.removed) return false;
  if (n.tag == GUMBO_TAG_P || n.tag == GUMBO_TAG_PRE || n.tag == GUMBO_TAG_TD) return true;
  return n.has_own_text && !n.has_block_child &&
         (IsBlockTag(n.tag) || n.tag == GUMBO_TAG_UNKNOWN || n.tag == GUMBO_TAG_SPAN);
}

// Readability's scoring; returns the chosen nodes or an empty list when nothing scored.
std::vector<int> ChooseByScore(const PageTree& tree) {
  std::vector<double> score(tree.size(), 0.0);
  std::vector<bool> scored(tree.size(), false);
  auto touch = [&](int i) {
    if (scored[i]) return;
    scored[i] = true;
    score[i] = TagBonus(tree[i].tag);
    if (NamesContent(tree.Attribute(i, "class"), tree.Attribute(i, "id"))) score[i] += 25;
  };
  for (int i = tree.body(); i < tree[tree.body()].end; ++i) {
    if (tree[i].removed) {
      i = tree[i].end - 1;
      continue;
    }
    if (!IsParagraphLike(tree, i) || tree[i].chars < 25) continue;
    double points = 1.0 + static_cast<double>(tree[i].commas) +
                    std::min(static_cast<double>(tree[i].chars) / 100.0, 3.0);
    int parent = tree[i].parent;
    if (parent < 0) continue;
    touch(parent);
    score[parent] += points;
    int grandparent = tree[parent].parent;
    if (grandparent < 0) continue;
    touch(grandparent);
    score[grandparent] += points / 2;
  }
  int best = -1;
  double best_score = 0;
  for (int i = 0; i < tree.size(); ++i) {
    if (!scored[i]) continue;
    score[i] *= 1.0 - LinkDensity(tree[i]);
    if (best < 0 || score[i] > best_score) {
      best = i;
      best_score = score[i];
    }
  }
  if (best < 0) return {};
  if (best <= tree.body()) return {tree.body()};  // <body> itself, or <html> above it
  int parent = tree[best].parent;
  // Siblings that belong to the same article: well scored, or paragraphs that read like prose.
  std::vector<int> chosen;
  double threshold = std::max(10.0, best_score * 0.2);
  for (int i = parent + 1; i < tree[parent].end; i = tree[i].end) {
    const PageNode& n = tree[i];
    if (n.removed || n.is_text) continue;
    bool take = i == best || (scored[i] && score[i] >= threshold);
    if (!take && n.tag == GUMBO_TAG_P && n.chars > 0) {
      double density = LinkDensity(n);
      take = (n.chars > 80 && density < 0.25) ||
             (density == 0 && tree.Text(i, false).find(". ") != std::string::npos);
    }
    if (take) chosen.push_back(i);
  }
  // Sections of the same article split apart by figures or interstitials ("post__content" twice,
  // in different wrappers): elements with the best one's tag and exact class, when that class
  // names content ("group" or "row" would gather unrelated blocks), that hold prose.
  std::string_view best_class = tree.Attribute(best, "class");
  if (!NamesContent(best_class, "")) return chosen;
  auto covered = [&](int i) {
    for (int c : chosen) {
      if ((c <= i && i < tree[c].end) || (i <= c && c < tree[i].end)) return true;
    }
    return false;
  };
  for (int i = tree.body(); i < tree[tree.body()].end; ++i) {
    const PageNode& n = tree[i];
    if (n.removed) {
      i = n.end - 1;
      continue;
    }
    if (n.is_text || n.tag != tree[best].tag || !scored[i] || n.chars < kMinArticleChars) continue;
    if (tree.Attribute(i, "class") != best_class || LinkDensity(n) > 0.25 || covered(i)) continue;
    chosen.push_back(i);
  }
  std::sort(chosen.begin(), chosen.end());
  return chosen;
}

}  // namespace

std::vector<int> ChooseMainContent(const PageTree& tree) {
  int body = tree.body();
  if (tree[body].chars == 0) return {};
  int first_long[kMarkerKinds] = {-1, -1, -1};
  int largest = -1;
  for (int i = body; i < tree[body].end; ++i) {
    const PageNode& n = tree[i];
    if (n.removed) {
      i = n.end - 1;
      continue;
    }
    if (n.is_text) continue;
    int kind = kMarkerKinds;
    if (HasWord(tree.Attribute(i, "itemprop"), "articleBody")) {
      kind = kArticleBody;
    } else if (n.tag == GUMBO_TAG_ARTICLE) {
      kind = kArticle;
    } else if (n.tag == GUMBO_TAG_MAIN || HasWord(tree.Attribute(i, "role"), "main")) {
      kind = kMain;
    }
    if (kind == kMarkerKinds || n.chars == 0) continue;
    if (n.chars >= kMinArticleChars && first_long[kind] < 0) first_long[kind] = i;
    if (largest < 0 || n.chars > tree[largest].chars) largest = i;
  }
  for (int candidate : first_long) {
    if (candidate >= 0) return {candidate};
  }
  std::vector<int> scored = ChooseByScore(tree);
  if (!scored.empty()) return scored;
  if (largest >= 0) return {largest};
  return {body};
}

}  // namespace parallax
