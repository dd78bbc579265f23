#include "engine/html/boilerplate_names.h"

#include <gtest/gtest.h>

namespace parallax {
namespace {

TEST(BoilerplateNamesTest, RecognisesPageFurniture) {
  struct Case {
    const char* cls;
    const char* id;
    const char* role;
    bool furniture;
  } cases[] = {
      {"main-navigation", "", "", true},
      {"menu-item", "", "", true},
      {"sharedaddy sd-sharing-enabled", "", "", true},
      {"share-buttons", "", "", true},
      {"", "jp-relatedposts", "", true},
      {"comments-area", "comments", "", true},
      {"newsletter-signup widget", "", "", true},
      {"breadcrumbs", "", "", true},
      {"", "cookie-notice", "", true},
      {"ad-slot", "div-gpt-ad-1692", "", true},
      {"also-read", "", "", true},
      {"skip-link screen-reader-text", "", "", true},
      {"", "", "navigation", true},
      {"", "", "complementary", true},
      {"entry-content", "", "", false},
      {"article-body", "", "", false},
      {"headline shadow download", "", "", false},  // "ad" inside words is not "ad"
      {"commentary", "", "", false},
      {"leading-paragraph", "", "", false},
      {"", "", "main", false},
      {"social-media-embed", "", "", false},  // a tweet the article quotes
      {"caption-full", "", "", true},
      {"credit", "", "", true},
      {"timestamp", "", "", true},
      {"element teaser", "", "", true},
      // WordPress taxonomy classes on the article itself.
      {"post-4812 post type-post tag-social-media tag-comments category-ads hentry", "", "", false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(NamesBoilerplate(c.cls, c.id, c.role), c.furniture)
        << "class='" << c.cls << "' id='" << c.id << "' role='" << c.role << "'";
  }
}

TEST(BoilerplateNamesTest, RecognisesCommentThreads) {
  struct Case {
    const char* cls;
    const char* id;
    bool comments;
  } cases[] = {
      {"comments-area", "comments", true},
      {"", "disqus_thread", true},
      {"", "respond", true},
      {"commentary-body", "", false},
      {"sidebar", "", false},
      {"share-bar", "", false},
      {"post type-post tag-comments", "", false},  // a taxonomy class, not a thread
  };
  for (const Case& c : cases) {
    EXPECT_EQ(NamesComments(c.cls, c.id), c.comments) << "class='" << c.cls << "' id='" << c.id;
  }
}

TEST(BoilerplateNamesTest, RecognisesContentWords) {
  EXPECT_TRUE(NamesContent("site-content has-sidebar", ""));
  EXPECT_TRUE(NamesContent("", "main"));
  EXPECT_TRUE(NamesContent("Article", ""));
  EXPECT_FALSE(NamesContent("contentious", ""));
  EXPECT_FALSE(NamesContent("sidebar", "secondary"));
}

}  // namespace
}  // namespace parallax
