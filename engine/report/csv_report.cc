// The CSV tables (a report's marks; a batch's marks and claims) and their codebooks, RFC 4180,
// for pandas, R and Python's csv module. Each table's columns and what they mean are listed once,
// below: the header row and the codebook are both made from that list.
#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "engine/report/claim_table.h"
#include "engine/report/format.h"
#include "engine/report/report.h"

namespace parallax {
namespace {

struct CsvColumn {
  std::string_view name;
  std::string_view meaning;
};

constexpr CsvColumn kStoryColumn = {
    "story",
    "the story the batch grouped the article into (its report is stories/story-<story>.html)"};

constexpr CsvColumn kMarkColumns[] = {
    {"article_id", "the article's id (as in the JSON's `articles[].id`)"},
    {"source", "the outlet that published the article"},
    {"date", "the article's date as the input gave it; empty when unknown"},
    {"url", "the article's URL; empty when unknown"},
    {"title", "the article's title; empty when the input had none (a .txt file)"},
    {"source_words",
     "words in this outlet's articles of this report (of this story, in a batch): the "
     "denominator of the source profile's rates per 1,000 words"},
    {"sentence_index", "the sentence's number in its article (the JSON's `sentences[].index`)"},
    {"claim_id",
     "the claim the sentence belongs to, labelled the same in the HTML (`c8` is \"C8\") and "
     "the JSON; empty for none"},
    {"category", "`hedge`, `booster`, `attribution`, `evaluative` or `scare_quote`"},
    {"voice",
     "`outlet` (the writer's own words) or `quoted` (inside quoted speech, words the outlet "
     "reports)"},
    {"cue", "the cue: the words that fired, as they stand in the sentence"},
    {"cue_start",
     "where the cue starts in `sentence_text`, in characters (Unicode code points) from 0"},
    {"cue_end", "where the cue ends in `sentence_text`, in characters, exclusive"},
    {"entry", "the lexicon entry that fired, as written in its file (lexicons/)"},
    {"stance",
     "attribution: `neutral`, `distancing`, `endorsing`, `emphatic` or `concessive`; else "
     "empty"},
    {"source_kind", "attribution: `named`, `anonymous` or `none`; else empty"},
    {"polarity", "evaluative: `negative` or `positive`; else empty"},
    {"negated",
     "`true` when a negator governs the cue in its clause (\"not clear\"), else `false`"},
    {"cited_source", "attribution: who is cited, as written in the sentence; empty when not found"},
    {"cited_start", "where `cited_source` starts in `sentence_text`, in characters; else empty"},
    {"cited_end", "where `cited_source` ends in `sentence_text`, in characters, exclusive"},
    {"sentence_text", "the whole sentence, as the article has it"},
};

constexpr CsvColumn kClaimColumns[] = {
    {"story", kStoryColumn.meaning},
    {"claim_id", "the claim's id in its story's report (HTML, JSON and marks.csv alike)"},
    {"outlets", "how many outlets carry the claim"},
    {"sources_carrying", "the outlets that carry it, separated by \"; \""},
    {"sources_omitting",
     "the story's outlets that leave it out, separated by \"; \" (empty when all carry it)"},
    {"conflicts",
     "how many conflicts the claim holds: its versions disagree on a number, date, place, "
     "speaker, negation or quotation"},
    {"conflict_kinds", "the kinds of its conflicts, separated by \"; \""},
    {"drifts",
     "certainty drifts: one outlet states as fact what another attributes or hedges "
     "(framing, not disagreement)"},
    {"descriptions", "what each conflict or drift is, in one line each, separated by \"; \""},
    {"score", "how alike the claim's sentences are, in [0, 1] (two decimals)"},
    {"sentences", "how many sentences make the claim"},
    {"text", "one sentence that makes the claim (the first)"},
};

// A cell that starts with one of these is read as a formula by Excel, LibreOffice and Gnumeric
// (tab and CR as well, which some of them skip before looking for `=`). A crawled page can
// choose an article's source, id and text, so such a cell would let it plant a live formula,
// e.g. a HYPERLINK that shows "Reuters" and sends a neighbouring cell away when clicked.
// OWASP's advice: prefix the cell with an apostrophe, which spreadsheets read as "this is text".
// A cell that already starts with an apostrophe gets one too, so that the rule can be undone
// exactly: a reader removes one leading apostrophe from every cell that has one.
constexpr std::string_view kFormulaStarts = "=+-@\t\r'";

// Appends `field`, neutralised (above) and quoted when it holds a comma, quote, CR or LF
// (quotes doubled).
void AppendField(std::string_view field, bool first, std::string* out) {
  if (!first) *out += ',';
  const bool neutralise =
      !field.empty() && kFormulaStarts.find(field.front()) != std::string_view::npos;
  const bool quote = field.find_first_of(",\"\r\n") != std::string_view::npos;
  if (quote) *out += '"';
  if (neutralise) *out += '\'';
  for (char c : field) {
    if (c == '"') *out += '"';
    *out += c;
  }
  if (quote) *out += '"';
}

void AppendRow(const std::vector<std::string>& fields, std::string* out) {
  for (size_t i = 0; i < fields.size(); ++i) AppendField(fields[i], i == 0, out);
  *out += "\r\n";
}

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : "; ") + CleanUtf8(item);
  return out;
}

void AppendMarkRows(const ReportModel& model, std::string_view story, bool with_story,
                    std::string* out) {
  std::map<std::string, int> words;
  for (const ReportSourceProfile& profile : model.profiles) words[profile.source] = profile.words;
  std::vector<std::string> fields;
  std::vector<const ReportMark*> marks;
  for (const ReportArticle& article : model.articles) {
    auto w = words.find(article.source);
    const std::string source_words = w == words.end() ? "" : std::to_string(w->second);
    for (const ReportSentence& sentence : article.sentences) {
      MarksInOrder(sentence, &marks);
      if (marks.empty()) continue;
      const bool in_range =
          sentence.span.start <= sentence.span.end && sentence.span.end <= article.text.size();
      const std::string_view raw = in_range ? sentence.span.Of(article.text) : "";
      const std::string sentence_text = CleanUtf8(raw);
      // Character offset into sentence_text of the byte at article offset `at` (rounded up to
      // a character's end for an end offset); empty when `at` lies outside the sentence.
      auto chars = [&](size_t at, bool end) -> std::string {
        if (!in_range || at < sentence.span.start || at > sentence.span.end) return "";
        return std::to_string(CharacterOffset(raw, at - sentence.span.start, end));
      };
      for (const ReportMark* mark : marks) {
        const bool cited = mark->source.has_value() && mark->source->start <= mark->source->end &&
                           mark->source->end <= article.text.size();
        const bool cue_in = mark->span.start <= mark->span.end;
        fields.clear();
        if (with_story) fields.push_back(CleanUtf8(story));
        fields.insert(fields.end(), {CleanUtf8(article.id),
                                     CleanUtf8(article.source),
                                     CleanUtf8(article.date),
                                     CleanUtf8(article.url),
                                     CleanUtf8(article.title),
                                     source_words,
                                     std::to_string(sentence.index),
                                     CleanUtf8(sentence.claim_id),
                                     CleanUtf8(mark->category),
                                     CleanUtf8(mark->voice),
                                     CleanUtf8(mark->cue),
                                     cue_in ? chars(mark->span.start, false) : "",
                                     cue_in ? chars(mark->span.end, true) : "",
                                     CleanUtf8(mark->entry),
                                     CleanUtf8(mark->stance),
                                     CleanUtf8(mark->source_kind),
                                     CleanUtf8(mark->polarity),
                                     mark->negated ? "true" : "false",
                                     cited ? CleanUtf8(mark->source->Of(article.text)) : "",
                                     cited ? chars(mark->source->start, false) : "",
                                     cited ? chars(mark->source->end, true) : "",
                                     sentence_text});
        AppendRow(fields, out);
      }
    }
  }
}

void AppendClaimRows(const ReportModel& model, std::string_view story, std::string* out) {
  const ClaimTable table = BuildClaimTable(model);
  std::vector<std::string> fields;
  for (size_t c = 0; c < model.claims.size(); ++c) {
    const ReportClaim& claim = model.claims[c];
    if (claim.related) continue;
    int conflicts = 0, drifts = 0;
    std::vector<std::string> kinds, descriptions;
    for (const ReportDiscrepancy& d : claim.discrepancies) {
      if (d.kind == "attribution") {
        ++drifts;
      } else {
        ++conflicts;
        if (std::find(kinds.begin(), kinds.end(), d.kind) == kinds.end()) kinds.push_back(d.kind);
      }
      descriptions.push_back(d.description);
    }
    std::string text;
    for (const SentenceRef& ref : claim.sentences) {
      if (!IsValidRef(model, ref)) continue;
      const ReportArticle& article = model.articles[ref.article];
      text = CleanUtf8(article.sentences[ref.sentence].span.Of(article.text));
      break;
    }
    fields = {CleanUtf8(story),
              CleanUtf8(claim.id),
              std::to_string(table.CarryingCount(c)),
              Join(table.SourcesCarrying(c)),
              Join(table.SourcesOmitting(c)),
              std::to_string(conflicts),
              Join(kinds),
              std::to_string(drifts),
              Join(descriptions),
              FormatFixed(claim.score, 2),
              std::to_string(claim.sentences.size()),
              text};
    AppendRow(fields, out);
  }
}

std::vector<CsvColumn> Columns(CsvTable table) {
  std::vector<CsvColumn> columns;
  if (table == CsvTable::kBatchClaims) {
    columns.assign(std::begin(kClaimColumns), std::end(kClaimColumns));
    return columns;
  }
  if (table == CsvTable::kBatchMarks) columns.push_back(kStoryColumn);
  columns.insert(columns.end(), std::begin(kMarkColumns), std::end(kMarkColumns));
  return columns;
}

}  // namespace

std::string CsvHeader(CsvTable table) {
  std::string out;
  bool first = true;
  for (const CsvColumn& column : Columns(table)) {
    AppendField(column.name, first, &out);
    first = false;
  }
  return out + "\r\n";
}

void AppendCsvRows(CsvTable table, const ReportModel& model, std::string_view story,
                   std::string* out) {
  if (table == CsvTable::kBatchClaims) {
    AppendClaimRows(model, story, out);
  } else {
    AppendMarkRows(model, story, table == CsvTable::kBatchMarks, out);
  }
}

std::string RenderMarksCsv(const ReportModel& model) {
  std::string out = CsvHeader(CsvTable::kMarks);
  AppendCsvRows(CsvTable::kMarks, model, "", &out);
  return out;
}

std::string RenderCsvCodebook(CsvTable table, std::string_view csv_name) {
  const std::string name = CleanUtf8(csv_name);
  const bool claims = table == CsvTable::kBatchClaims;
  std::string out = "# Codebook: " + name + "\n\n";
  out += "Written by Parallax beside `" + name + "`; report schema " + kReportSchemaVersion +
         " (reports/SCHEMA.md in the Parallax sources).\n\n";
  out += claims ? "**Rows**: one per claim of every story of the batch, in story order, then "
                  "claim order (related sentences, which are not claims, are left out). A claim "
                  "is a set of sentences, from one outlet or several, that say the same thing.\n\n"
                : "**Rows**: one per mark (a cue a lexicon found: a hedge, a booster, an "
                  "attribution, an evaluative word or a scare quote), in article, sentence, cue "
                  "order. Sentences without a mark have no row.\n\n";
  out +=
      "**Format**: UTF-8, RFC 4180: comma-separated, CRLF line ends, a field holding a comma, "
      "quote or line break is quoted with its quotes doubled. An empty field means none.\n\n"
      "**Formula cells are neutralised**: a cell starting with `=`, `+`, `-`, `@`, a tab, a CR "
      "or `'` is written with one more `'` in front, so that spreadsheets show it as text. "
      "Remove one leading `'` from every cell that starts with one to get the value back (the "
      "Python below does). Offsets count from the value, not from the written cell.\n\n";
  out += "## Columns\n\n| column | meaning |\n|---|---|\n";
  for (const CsvColumn& column : Columns(table)) {
    out += "| `" + std::string(column.name) + "` | " + std::string(column.meaning) + " |\n";
  }
  if (claims) return out;
  out +=
      "\n## Offsets\n\n`cue_start`, `cue_end`, `cited_start` and `cited_end` count characters "
      "(Unicode code points, as Python indexes a `str`) into the same row's `sentence_text`, "
      "half-open: `sentence_text[cue_start:cue_end] == cue`. They are not byte offsets (the "
      "JSON's `start` and `end` are UTF-8 byte offsets into the article's text).\n"
      "\n## Marks per 1,000 words per outlet and voice\n\nWith Python's csv module alone "
      "(no pandas); works on a report's and a batch's marks CSV:\n\n```python\n"
      "import collections, csv\n"
      "rows = [{k: v[1:] if v[:1] == \"'\" else v for k, v in r.items()} for r in "
      "csv.DictReader(open(\"" +
      name +
      "\", encoding=\"utf-8\", newline=\"\"))]\n"
      "words = sum((collections.Counter({s: n}) for (_, s), n in {(r.get(\"story\", \"\"), "
      "r[\"source\"]): int(r[\"source_words\"]) for r in rows}.items()), collections.Counter())\n"
      "marks = collections.Counter((r[\"source\"], r[\"voice\"]) for r in rows)\n"
      "for (source, voice), n in sorted(marks.items()): print(f\"{source}\\t{voice}\\t{1000 * n "
      "/ words[source]:.2f}\")\n```\n\n"
      "`words` sums `source_words` once per story and outlet; an outlet's rates over both voices "
      "add up to the source profile's marks per 1,000 words. An outlet none of whose articles "
      "has a mark has no row, and so no rate.\n";
  return out;
}

}  // namespace parallax
