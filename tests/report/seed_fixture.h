// Report fixtures for tests: the two seed articles (examples/seeds) with hand-placed marks and
// claims, and a hostile model whose every string tries to break out of the HTML.
//
// The seed fixture does not run the pipeline: it splits sentences with a naive rule and places
// marks by searching for their cue text, so the report tests depend on nothing but the report
// module and stay stable while the segmenter, marker and aligner change.
#ifndef PARALLAX_TESTS_REPORT_SEED_FIXTURE_H_
#define PARALLAX_TESTS_REPORT_SEED_FIXTURE_H_

#include <string>

#include "engine/base/status.h"
#include "engine/report/report_model.h"

namespace parallax {

// Builds the seed report from firstpost-column.txt and news-site-report.txt in `seeds_dir`:
// 2 sources, 2 articles, ~40 marks of every category (with overlaps, nesting, a negated and a
// quoted mark), 4 claims (one with a place discrepancy, one carried by one source only) and
// both source profiles (with who each article cites, grouped by the source's text).
StatusOr<ReportModel> BuildSeedFixture(const std::string& seeds_dir);

// A model whose title, sources, ids, URLs, tags, notes, text, cues, claim ids and discrepancy
// descriptions carry "<script>", "\"><img onerror=…>", "</textarea>" and "javascript:" URLs.
// Any of them executing sets document.title to "PWNED".
ReportModel BuildHostileFixture();

}  // namespace parallax

#endif  // PARALLAX_TESTS_REPORT_SEED_FIXTURE_H_
