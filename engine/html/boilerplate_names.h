// Whether an element's class, id or role names page furniture rather than article text.
//
// The class and id are split into lower-case words at every character that is not a letter or a
// digit ("jp-relatedposts sd-sharing" → jp, relatedposts, sd, sharing). A word names furniture
// when it starts with one of the furniture words (menu, share, comment, related, newsletter,
// subscribe, breadcrumb, cookie, sidebar, ad, ...; see the .cc for the list and its exceptions).
// Matching word starts rather than substrings keeps "header" and "shadow" from matching "ad".
// A name with a word starting "embed" is never furniture: it wraps a post the article quotes.
//
// Thread safety: pure functions.
#ifndef PARALLAX_ENGINE_HTML_BOILERPLATE_NAMES_H_
#define PARALLAX_ENGINE_HTML_BOILERPLATE_NAMES_H_

#include <string_view>

namespace parallax {

// Returns true iff the class, id or ARIA role names a menu, share bar, comment thread, related
// posts, an ad, a newsletter prompt, breadcrumbs, a cookie banner or similar furniture.
bool NamesBoilerplate(std::string_view class_attr, std::string_view id_attr,
                      std::string_view role_attr);

// Returns true iff the class or id names a thread of reader comments (comment..., disqus...,
// respond, replies).
bool NamesComments(std::string_view class_attr, std::string_view id_attr);

// Returns true iff the class or id holds a word that names article content (article, content,
// body, main, story, entry, post, text).
bool NamesContent(std::string_view class_attr, std::string_view id_attr);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_HTML_BOILERPLATE_NAMES_H_
