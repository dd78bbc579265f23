// Flattening of deeply nested markup before it reaches gumbo.
//
// gumbo checks scopes by walking its stack of open elements, so a page of N nested elements costs
// O(N^2) to parse (100,000 nested <div>s take about ten seconds), and formatting elements left
// open are re-opened in every later block. LimitNesting scans the page with a small tokenizer
// (comments, raw-text elements such as <script>, quoted attribute values and self-closing tags in
// SVG and MathML are understood) and drops each start tag that would open an element deeper than
// `max_depth`, and the end tags that close such elements. Text is never dropped.
//
// The depth is an estimate of gumbo's: void elements and elements whose end tag is optional
// (p, li, td, ...) are not counted, since gumbo closes them when a sibling opens; a stray end tag
// never takes the depth below zero. A page with many unclosed elements is estimated deeper than it
// is, which is harmless unless it passes `max_depth`. Real pages stay far below 256.
//
// Thread safety: a pure function.
#ifndef PARALLAX_ENGINE_HTML_NESTING_LIMIT_H_
#define PARALLAX_ENGINE_HTML_NESTING_LIMIT_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace parallax {

// Returns the number of tags dropped; iff it is not zero, *flattened holds the page without them
// (otherwise *flattened is left empty and the page can be parsed as it is).
size_t LimitNesting(std::string_view html, int max_depth, std::string* flattened);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_HTML_NESTING_LIMIT_H_
