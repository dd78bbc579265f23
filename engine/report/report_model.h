// ReportModel: everything a report shows, as plain values, filled by the pipeline.
//
// The report module knows nothing of the stages that produce its content: the pipeline copies
// articles, sentences, lexicon marks, claim clusters and source profiles into these structs,
// and the renderers (report.h) turn one model into HTML, JSON or CSV. Keeping the model plain
// lets the renderers be tested on hand-made models and lets the stages change freely.
//
// Offsets. Every span is a half-open range of UTF-8 *byte* offsets into ReportArticle::text,
// the text the article was read as. A sentence's span lies within the text; a mark's span lies
// within its sentence's span (renderers clip it to the sentence otherwise). Renderers never cut
// inside a multi-byte character: an offset that falls inside one is widened to the character's
// boundary when highlighting. ValidateReportModel (report.h) checks these rules.
//
// References. A SentenceRef names a sentence by its *position* in ReportModel::articles and in
// that article's `sentences` vector (not by ReportSentence::index, which is the segmenter's
// number and is only displayed).
//
// Determinism. Renderers emit what the model holds in the order it holds it, except that marks
// are sorted by (start, end, category, cue, entry), so a model filled in a thread-dependent order
// still renders byte-identically. Nothing depends on the clock: generated_at is shown only when
// the caller sets it.
#ifndef PARALLAX_ENGINE_REPORT_REPORT_MODEL_H_
#define PARALLAX_ENGINE_REPORT_REPORT_MODEL_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/base/span.h"

namespace parallax {

// The report's version of the JSON schema in reports/schema/report.schema.json. Bumped on any
// change a consumer could notice (see reports/SCHEMA.md).
inline constexpr char kReportSchemaVersion[] = "2.0";

// A sentence, by position (see "References" above).
struct SentenceRef {
  int article = 0;
  int sentence = 0;

  friend bool operator==(const SentenceRef&, const SentenceRef&) = default;
};

// One lexicon mark, as engine/lexicon's Mark carries it.
struct ReportMark {
  Span span;             // the cue, into ReportArticle::text
  std::string category;  // "hedge", "booster", "attribution", "evaluative", "scare_quote"; other
                         // names are shown with a generic style
  std::string cue;       // the cue's text as it stands in the article
  std::string entry;     // the lexicon entry that fired, as written in its file
  std::string lexicon;   // the lexicon file, without ".yaml"
  std::string stance;    // attribution: neutral|distancing|endorsing|emphatic|concessive; else ""
  std::string source_kind;     // attribution: named|anonymous|none; else ""
  std::optional<Span> source;  // attribution: who is cited, when found in the sentence
  std::string polarity;        // evaluative: negative|positive; else ""
  std::string voice;           // "outlet" (the writer's own words) or "quoted"
  bool negated = false;        // a negator governs the cue within its clause
};

struct ReportSentence {
  int index = 0;  // the segmenter's number, shown and exported
  Span span;      // into ReportArticle::text
  int paragraph = 0;
  bool heading = false;
  std::vector<ReportMark> marks;
  std::string claim_id;  // the claim this sentence belongs to, or "" for none
};

struct ReportArticle {
  std::string id;
  std::string source;  // the outlet; one of ReportModel::sources
  std::string author, date, url, title;
  std::vector<std::string> tags, notes, warnings;
  std::string text;  // the full text; sentences and marks index into it
  std::vector<ReportSentence> sentences;
  std::string story;  // batch mode: the story this article was grouped into; else ""
};

// Where a discrepancy shows in one sentence ("12" in one, "20" in the other).
struct ReportDiscrepancySpan {
  SentenceRef sentence;
  Span span;  // into that article's text
};

struct ReportDiscrepancy {
  std::string kind;                          // number|date|place|speaker|negation|attribution
  std::string description;                   // one line a reader understands: "12 vs 20 killed"
  std::vector<SentenceRef> sentences;        // the sentences that disagree
  std::vector<ReportDiscrepancySpan> spans;  // the differing words, highlighted in the cells
};

// Why two versions of a claim (sentences of different sources) were taken for one: what a
// reader can check.
struct ReportEvidence {
  SentenceRef a;
  SentenceRef b;
  double score = 0;                       // their similarity in [0, 1]
  std::string quotation;                  // a quotation both give, as a writes it; "" when none
  std::vector<std::string> shared_words;  // content words both have, rarest first
};

// One claim: the sentences of every source that make it. The renderers group the sentences by
// their article's source into one cell per source and derive which sources carry the claim and
// which omit it, so those lists can never disagree with the cells.
struct ReportClaim {
  std::string id;
  double score = 0;  // cohesion in [0, 1], shown with two decimals
  std::vector<SentenceRef> sentences;
  std::vector<ReportDiscrepancy> discrepancies;
  // Shown beside the claim when set: how the claim was formed when that is not "the sentences
  // say the same thing" (a topic claim: "Both mention: counter-terrorism").
  std::string note;
  // True iff these are related sentences (they share a rare subject) rather than one claim:
  // listed after the claims, never counted as shared, written to the JSON's "related" array.
  bool related = false;
  std::vector<ReportEvidence> evidence = {};  // shared claims: why their versions are one claim
};

// One bar of a source profile: a rate per 1,000 words, split into the outlet's own voice and
// quoted speech, with the sentences that make it up.
struct ReportProfileBar {
  std::string label;     // "Hedges", "Attribution: anonymous", "Stance: distancing"
  std::string category;  // the mark category that colours the bar
  int count = 0;
  double per_1000_words = 0;
  int own_voice_count = 0;  // of `count`, in the outlet's own voice
  double own_voice_per_1000_words = 0;
  std::vector<SentenceRef> evidence;
  // "" for a category bar (the marks of `category`: each mark is in one such bar); else how this
  // bar breaks down `category`'s marks — "stance", "source_kind" or "polarity" — and its bucket
  // ("distancing"). The JSON writes a breakdown bar without a category, so that summing the bars
  // by category counts every mark once.
  std::string breakdown_by = {};
  std::string breakdown_value = {};
};

// A source that an outlet cites: its attribution marks whose sources read the same ("Munir",
// "Pakistan's military media wing", "reliable sources"), grouped as engine/lexicon/profile.h
// groups them.
struct ReportCitedSource {
  std::string name;         // as the outlet first wrote it
  std::string kind;         // "named" or "anonymous": what most of its marks say
  int count = 0;            // attribution marks citing it
  int own_voice_count = 0;  // of `count`, in the outlet's own voice
  // (stance, marks) for each stance its marks take, in the order neutral, distancing,
  // endorsing, emphatic, concessive; stances with no mark are left out.
  std::vector<std::pair<std::string, int>> stances;
  std::vector<SentenceRef> evidence;  // sentences citing it, each once, in text order
  // How the outlet wrote it, distinct, in order of first use: "Munir", "General Munir" where
  // `name` is the entity "Asim Munir" (rules/aliases.yaml).
  std::vector<std::string> written_as;
};

struct ReportSourceProfile {
  std::string source;
  int articles = 0, sentences = 0, words = 0;
  std::vector<ReportProfileBar> bars;
  std::vector<ReportCitedSource> cited;  // most cited first; ties in order of first citation
};

struct ReportModel {
  std::string title;
  std::string parallax_version;
  std::string lexicon_digest;  // e.g. DigestDirectory("lexicons") (base/digest.h)
  std::string rules_digest;
  std::optional<std::string> generated_at;  // shown only when set: reports are reproducible
  // The outlets, in column order. Empty: taken from the articles in order of first appearance;
  // an article whose source is missing from a non-empty list is appended after it.
  std::vector<std::string> sources;
  std::vector<ReportArticle> articles;
  std::vector<ReportClaim> claims;
  std::vector<ReportSourceProfile> profiles;
  std::vector<std::string> notices;  // e.g. "Only one source: nothing to compare."
};

}  // namespace parallax

#endif  // PARALLAX_ENGINE_REPORT_REPORT_MODEL_H_
