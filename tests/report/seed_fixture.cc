#include "tests/report/seed_fixture.h"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>

#include "engine/base/file_io.h"

namespace parallax {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Naive segmentation: a non-empty line is a paragraph; a line without final punctuation and
// shorter than 100 bytes is a heading; sentences end at . ! ? (and closing quotes after them)
// before a space, except after a few abbreviations.
std::vector<ReportSentence> SplitSentences(const std::string& text) {
  static const std::set<std::string> kAbbreviations = {"Gen", "Mr", "Mrs", "Dr", "St", "DC"};
  std::vector<ReportSentence> sentences;
  int paragraph = 0;
  size_t line_start = 0;
  while (line_start < text.size()) {
    size_t line_end = text.find('\n', line_start);
    if (line_end == std::string::npos) line_end = text.size();
    size_t b = line_start, e = line_end;
    while (b < e && IsSpace(text[b])) ++b;
    while (e > b && IsSpace(text[e - 1])) --e;
    if (b < e) {
      const char last = text[e - 1];
      const bool heading = e - b < 100 && last != '.' && last != '?' && last != '!' &&
                           text.compare(e - 3, 3, "\xE2\x80\x9D") != 0;
      size_t start = b;
      for (size_t i = b; i < e; ++i) {
        if (text[i] != '.' && text[i] != '?' && text[i] != '!') continue;
        size_t end = i + 1;
        while (end + 2 < e && text.compare(end, 3, "\xE2\x80\x9D") == 0) end += 3;
        if (end >= e || text[end] != ' ') continue;
        size_t word = i;
        while (word > start && !IsSpace(text[word - 1])) --word;
        if (kAbbreviations.count(text.substr(word, i - word))) continue;
        sentences.push_back(
            {static_cast<int>(sentences.size()), Span{start, end}, paragraph, heading, {}, ""});
        start = end + 1;
      }
      if (start < e) {
        sentences.push_back(
            {static_cast<int>(sentences.size()), Span{start, e}, paragraph, heading, {}, ""});
      }
      ++paragraph;
    }
    line_start = line_end + 1;
  }
  return sentences;
}

// A mark placed by its text: the `nth` occurrence of `needle`.
struct MarkSpec {
  std::string needle;
  int nth;
  std::string category;
  std::string stance = "", source_kind = "", polarity = "", voice = "outlet";
  std::string source_needle = "";  // attribution: the cited source, searched before the cue
  bool negated = false;
  std::string entry = "";  // defaults to the needle, lower-cased
};

StatusOr<Span> Find(const std::string& text, const std::string& needle, int nth, size_t from = 0) {
  size_t at = from;
  for (int i = 0; i < nth; ++i) {
    at = text.find(needle, i == 0 ? at : at + 1);
    if (at == std::string::npos) {
      return Status::NotFound("fixture: '" + needle + "' occurs fewer than " + std::to_string(nth) +
                              " times");
    }
  }
  return Span{at, at + needle.size()};
}

int SentenceAt(const std::vector<ReportSentence>& sentences, size_t offset) {
  for (size_t s = 0; s < sentences.size(); ++s) {
    if (sentences[s].span.start <= offset && offset < sentences[s].span.end) return s;
  }
  return -1;
}

std::string Lexicon(const std::string& category) {
  if (category == "hedge") return "hedges";
  if (category == "booster") return "boosters";
  if (category == "attribution") return "attribution";
  if (category == "evaluative") return "evaluative";
  return "scare_quotes";
}

Status PlaceMarks(const std::vector<MarkSpec>& specs, ReportArticle* article) {
  for (const MarkSpec& spec : specs) {
    PARALLAX_ASSIGN_OR_RETURN(Span span, Find(article->text, spec.needle, spec.nth));
    const int s = SentenceAt(article->sentences, span.start);
    if (s < 0) return Status::Internal("fixture: '" + spec.needle + "' is in no sentence");
    ReportMark mark;
    mark.span = span;
    mark.category = spec.category;
    mark.cue = spec.needle;
    mark.entry = spec.entry.empty() ? spec.needle : spec.entry;
    mark.lexicon = Lexicon(spec.category);
    mark.stance = spec.stance;
    mark.source_kind = spec.source_kind;
    mark.polarity = spec.polarity;
    mark.voice = spec.voice;
    mark.negated = spec.negated;
    if (!spec.source_needle.empty()) {
      PARALLAX_ASSIGN_OR_RETURN(Span source, Find(article->text, spec.source_needle, 1,
                                                  article->sentences[s].span.start));
      mark.source = source;
    }
    article->sentences[s].marks.push_back(mark);
  }
  return Status::Ok();
}

StatusOr<SentenceRef> RefTo(const ReportModel& model, int a, const std::string& needle) {
  PARALLAX_ASSIGN_OR_RETURN(Span span, Find(model.articles[a].text, needle, 1));
  const int s = SentenceAt(model.articles[a].sentences, span.start);
  if (s < 0) return Status::Internal("fixture: '" + needle + "' is in no sentence");
  return SentenceRef{a, s};
}

int CountWords(const std::string& text) {
  int words = 0;
  bool in_word = false;
  for (char c : text) {
    if (IsSpace(c)) {
      in_word = false;
    } else if (!in_word) {
      in_word = true;
      ++words;
    }
  }
  return words;
}

// A profile bar counting the marks that `select` accepts.
template <typename Select>
ReportProfileBar Bar(const ReportModel& model, int a, const std::string& label,
                     const std::string& category, int words, Select select) {
  ReportProfileBar bar;
  bar.label = label;
  bar.category = category;
  const ReportArticle& article = model.articles[a];
  for (size_t s = 0; s < article.sentences.size(); ++s) {
    bool counted = false;
    for (const ReportMark& mark : article.sentences[s].marks) {
      if (!select(mark)) continue;
      ++bar.count;
      if (mark.voice != "quoted") ++bar.own_voice_count;
      counted = true;
    }
    if (counted) bar.evidence.push_back(SentenceRef{a, static_cast<int>(s)});
  }
  bar.per_1000_words = 1000.0 * bar.count / words;
  bar.own_voice_per_1000_words = 1000.0 * bar.own_voice_count / words;
  return bar;
}

// Who article `a` cites: its attribution marks with a source, grouped by the source's exact
// text (a simpler rule than engine/lexicon/profile.h's, enough for a fixture).
std::vector<ReportCitedSource> Cited(const ReportModel& model, int a) {
  static const char* const kStances[] = {"neutral", "distancing", "endorsing", "emphatic",
                                         "concessive"};
  struct Group {
    ReportCitedSource cited;
    std::map<std::string, int> kinds, stances;
  };
  std::vector<Group> groups;  // in order of first citation
  const ReportArticle& article = model.articles[a];
  for (size_t s = 0; s < article.sentences.size(); ++s) {
    for (const ReportMark& mark : article.sentences[s].marks) {
      if (mark.category != "attribution" || !mark.source.has_value()) continue;
      const std::string name(mark.source->Of(article.text));
      auto group = std::find_if(groups.begin(), groups.end(),
                                [&](const Group& g) { return g.cited.name == name; });
      if (group == groups.end()) {
        groups.emplace_back();
        group = groups.end() - 1;
        group->cited.name = name;
      }
      ReportCitedSource& cited = group->cited;
      ++cited.count;
      if (mark.voice != "quoted") ++cited.own_voice_count;
      ++group->kinds[mark.source_kind];
      if (!mark.stance.empty()) ++group->stances[mark.stance];
      const SentenceRef ref{a, static_cast<int>(s)};
      if (cited.evidence.empty() || !(cited.evidence.back() == ref)) cited.evidence.push_back(ref);
    }
  }
  std::vector<ReportCitedSource> out;
  for (Group& group : groups) {
    group.cited.kind = group.kinds["anonymous"] > group.kinds["named"] ? "anonymous" : "named";
    for (const char* stance : kStances) {
      if (group.stances.count(stance))
        group.cited.stances.emplace_back(stance, group.stances[stance]);
    }
    out.push_back(std::move(group.cited));
  }
  std::stable_sort(
      out.begin(), out.end(),
      [](const ReportCitedSource& x, const ReportCitedSource& y) { return x.count > y.count; });
  return out;
}

ReportSourceProfile Profile(const ReportModel& model, int a) {
  const ReportArticle& article = model.articles[a];
  ReportSourceProfile profile;
  profile.source = article.source;
  profile.articles = 1;
  profile.sentences = article.sentences.size();
  profile.words = CountWords(article.text);
  const int w = profile.words;
  auto is = [](const std::string& category) {
    return [category](const ReportMark& m) { return m.category == category; };
  };
  profile.bars.push_back(Bar(model, a, "Hedges", "hedge", w, is("hedge")));
  profile.bars.push_back(Bar(model, a, "Boosters", "booster", w, is("booster")));
  profile.bars.push_back(Bar(model, a, "Attribution: all", "attribution", w, is("attribution")));
  profile.bars.push_back(Bar(model, a, "Attribution: anonymous", "attribution", w,
                             [](const ReportMark& m) { return m.source_kind == "anonymous"; }));
  profile.bars.push_back(Bar(model, a, "Stance: distancing", "attribution", w,
                             [](const ReportMark& m) { return m.stance == "distancing"; }));
  profile.bars.push_back(Bar(model, a, "Stance: emphatic", "attribution", w,
                             [](const ReportMark& m) { return m.stance == "emphatic"; }));
  profile.bars.push_back(Bar(model, a, "Evaluative: negative", "evaluative", w,
                             [](const ReportMark& m) { return m.polarity == "negative"; }));
  profile.bars.push_back(Bar(model, a, "Evaluative: positive", "evaluative", w,
                             [](const ReportMark& m) { return m.polarity == "positive"; }));
  profile.bars.push_back(Bar(model, a, "Scare quotes", "scare_quote", w, is("scare_quote")));
  // The breakdowns of a category, as engine/pipeline marks them.
  struct Breakdown {
    const char* label;
    const char* by;
    const char* value;
  };
  constexpr Breakdown kBreakdowns[] = {{"Attribution: anonymous", "source_kind", "anonymous"},
                                       {"Stance: distancing", "stance", "distancing"},
                                       {"Stance: emphatic", "stance", "emphatic"},
                                       {"Evaluative: negative", "polarity", "negative"},
                                       {"Evaluative: positive", "polarity", "positive"}};
  for (ReportProfileBar& bar : profile.bars) {
    for (const Breakdown& breakdown : kBreakdowns) {
      if (bar.label != breakdown.label) continue;
      bar.breakdown_by = breakdown.by;
      bar.breakdown_value = breakdown.value;
    }
  }
  profile.cited = Cited(model, a);
  return profile;
}

const std::vector<MarkSpec>& FirstpostMarks() {
  static const std::vector<MarkSpec> kMarks = {
      {"claimed", 1, "attribution", "distancing", "named", "", "outlet",
       "A military statement emanating from Pakistan"},
      {"acknowledging", 1, "attribution", "endorsing", "named", "", "outlet"},
      {"\xE2\x80\x9Cregional peace\xE2\x80\x9D", 1, "scare_quote"},
      {"Significantly", 1, "booster"},
      {"claimed", 2, "attribution", "distancing", "named", "", "outlet",
       "The Pakistan Army statement"},
      {"lauded", 1, "evaluative", "", "", "positive"},
      {"seems", 1, "hedge"},
      {"far-fetched", 1, "evaluative", "", "", "negative"},
      {"looks only like", 1, "hedge"},
      {"ritualistic", 1, "evaluative", "", "", "negative"},
      {"claimed", 3, "attribution", "distancing", "none", "", "outlet"},
      {"\xE2\x80\x9C"
       "consistent support\xE2\x80\x9D",
       1, "scare_quote"},
      {"emphasised", 1, "attribution", "emphatic", "named", "", "outlet"},
      // The cue holds its source: nested highlights.
      {"reliable sources indicate", 1, "attribution", "neutral", "anonymous", "", "outlet",
       "reliable sources"},
      {"severe pressure", 1, "evaluative", "", "", "negative"},
      {"stressed", 1, "attribution", "emphatic", "named", "", "outlet", "Munir"},
      {"claimed", 4, "attribution", "distancing", "named", "", "outlet", "Munir"},
      {"solid as a rock", 1, "evaluative", "", "", "positive", "quoted"},
      {"may", 1, "hedge"},
      {"Importantly", 1, "booster"},
      {"seems", 2, "hedge"},
      {"could", 1, "hedge"},
      {"possibly", 1, "hedge"},
      {"sworn adversary", 1, "evaluative", "", "", "negative"},
      {"likely", 1, "hedge"},
      {"much hyped", 1, "evaluative", "", "", "negative"},
      {"it is clear that", 1, "booster"},
      {"desperate efforts", 1, "evaluative", "", "", "negative"},
      {"acknowledged", 1, "attribution", "endorsing", "named", "", "outlet",
       "Foreign Minister Dar"},
      {"commendable", 1, "evaluative", "", "", "positive", "quoted"},
      // Overlapping, not nested: "could possibly" and "possibly be cosmetic".
      {"could possibly", 1, "hedge"},
      {"possibly be cosmetic", 1, "evaluative", "", "", "negative"},
      {"substantial", 1, "evaluative", "", "", "positive", "outlet", "", true},
      {"\xE2\x80\x9Crelationship\xE2\x80\x9D", 1, "scare_quote"},
  };
  return kMarks;
}

const std::vector<MarkSpec>& NewsSiteMarks() {
  static const std::vector<MarkSpec> kMarks = {
      {"According to", 1, "attribution", "neutral", "named", "", "outlet",
       "Pakistan\xE2\x80\x99s military media wing"},
      {"underscored", 1, "attribution", "emphatic", "named", "", "outlet", "Wang"},
      {"steadfast", 1, "evaluative", "", "", "positive", "quoted"},
      {"what he described as", 1, "attribution", "distancing", "named", "", "outlet", "he"},
      {"reliable", 1, "evaluative", "", "", "positive"},
      {"what they called", 1, "attribution", "distancing", "named", "", "outlet", "they"},
      {"reiterated", 1, "attribution", "neutral", "named", "", "outlet", "Wang"},
      {"\xE2\x80\x9C"
       "cornerstone\xE2\x80\x9D",
       1, "scare_quote"},
      {"long-delayed", 1, "evaluative", "", "", "negative"},
      {"says", 1, "attribution", "neutral", "named", "", "outlet", "China"},
      {"emphasized", 1, "attribution", "emphatic", "named", "", "outlet", "Dar"},
      {"notable", 1, "evaluative", "", "", "positive"},
      {"serious", 1, "evaluative", "", "", "negative"},
  };
  return kMarks;
}

}  // namespace

StatusOr<ReportModel> BuildSeedFixture(const std::string& seeds_dir) {
  ReportModel model;
  model.title =
      "Asim Munir and Wang Yi \xE2\x80\x94 Pakistan\xE2\x80\x93"
      "China talks, July\xE2\x80\x93"
      "August 2025";
  model.parallax_version = "0.1.0-fixture";
  model.lexicon_digest = "sha256:" + std::string(64, '1');
  model.rules_digest = "sha256:" + std::string(64, '2');

  ReportArticle column;
  column.id = "firstpost-column";
  column.source = "Firstpost";
  column.title = "Munir's China visit and Pakistan's balancing act";
  column.tags = {"columnist", "opinion", "Indian media"};
  PARALLAX_ASSIGN_OR_RETURN(column.text, ReadFile(seeds_dir + "/firstpost-column.txt"));
  column.sentences = SplitSentences(column.text);
  PARALLAX_RETURN_IF_ERROR(PlaceMarks(FirstpostMarks(), &column));

  ReportArticle news;
  news.id = "news-site-report";
  news.source = "News site";
  news.author = "Sara Ahmed";
  news.title =
      "Wang Yi, Pakistan\xE2\x80\x99s Army Chief Hold Talks Amid Push to Expand Security, "
      "Economic Ties";
  news.tags = {"news report"};
  news.notes = {"boilerplate lines (\"Home \xC2\xBB\", \"Related Posts\") kept as found"};
  PARALLAX_ASSIGN_OR_RETURN(news.text, ReadFile(seeds_dir + "/news-site-report.txt"));
  news.sentences = SplitSentences(news.text);
  PARALLAX_RETURN_IF_ERROR(PlaceMarks(NewsSiteMarks(), &news));

  model.sources = {"Firstpost", "News site"};
  model.articles = {std::move(column), std::move(news)};

  // Claims, by a phrase of each sentence.
  struct ClaimSpec {
    std::string id;
    double score;
    std::vector<std::pair<int, std::string>> sentences;
  };
  const std::vector<ClaimSpec> specs = {
      {"support",
       0.71,
       {{0, "appreciated China"}, {0, "deep appreciation"}, {1, "steadfast support"}}},
      {"meeting",
       0.58,
       {{0, "During his stay in Beijing"}, {1, "Chinese Foreign Minister Wang Yi met"}}},
      {"counter-terrorism",
       0.64,
       {{0, "The military engagement between both sides"},
        {1, "By stressing security cooperation"}}},
      {"karachi-bombing", 1.0, {{0, "Karachi airport"}}},
  };
  for (const ClaimSpec& spec : specs) {
    ReportClaim claim;
    claim.id = spec.id;
    claim.score = spec.score;
    for (const auto& [a, needle] : spec.sentences) {
      PARALLAX_ASSIGN_OR_RETURN(SentenceRef ref, RefTo(model, a, needle));
      claim.sentences.push_back(ref);
      model.articles[a].sentences[ref.sentence].claim_id = spec.id;
    }
    model.claims.push_back(std::move(claim));
  }
  // Where the meeting took place: Beijing in the column, Islamabad in the news report.
  ReportDiscrepancy place;
  place.kind = "place";
  place.description = "Beijing vs Islamabad";
  place.sentences = model.claims[1].sentences;
  PARALLAX_ASSIGN_OR_RETURN(Span beijing, Find(model.articles[0].text, "Beijing", 1));
  PARALLAX_ASSIGN_OR_RETURN(
      Span islamabad,
      Find(model.articles[1].text, "Islamabad", 1,
           model.articles[1].sentences[model.claims[1].sentences[1].sentence].span.start));
  place.spans = {{model.claims[1].sentences[0], beijing},
                 {model.claims[1].sentences[1], islamabad}};
  model.claims[1].discrepancies.push_back(place);

  model.profiles = {Profile(model, 0), Profile(model, 1)};
  return model;
}

ReportModel BuildHostileFixture() {
  const std::string script = "<script>document.title='PWNED'</script>";
  const std::string img = "\"><img src=x onerror=\"document.title='PWNED'\">";
  const std::string textarea = "</textarea><script>document.title='PWNED'</script>";
  ReportModel model;
  model.title = "Hostile " + script + img;
  model.parallax_version = "0.1.0" + img;
  model.lexicon_digest = "sha256:" + textarea;
  model.rules_digest = "sha256:' onmouseover='document.title=1";
  model.generated_at = "2025-01-01" + script;
  model.notices = {"notice " + script};

  ReportArticle article;
  article.id = "evil" + img;
  article.source = "Outlet " + script;
  article.author = "Author " + img;
  article.date = "2025" + textarea;
  article.url = "javascript:document.title='PWNED'";
  article.title = "Title " + textarea + img;
  article.tags = {"tag" + script, textarea};
  article.notes = {"note" + img};
  article.warnings = {"warning" + script};
  article.text = "He said " + script + " and " + img + ". Then " + textarea + " ended.";
  ReportSentence first{0, Span{0, article.text.find(". Then") + 1}, 0, false, {}, "c" + img};
  ReportSentence second{1, Span{first.span.end + 1, article.text.size()}, 0, false, {}, ""};
  ReportMark mark;
  mark.span = Span{3, 7};  // "said"
  mark.category = "attribution" + img;
  mark.cue = "said" + script;
  mark.entry = "say" + img;
  mark.lexicon = "lex" + textarea;
  mark.stance = "neutral" + img;
  mark.source_kind = "named";
  mark.source = Span{0, 2};
  mark.voice = "outlet";
  first.marks.push_back(mark);
  article.sentences = {first, second};

  ReportArticle other = article;
  other.id = "other";
  other.source = "Second " + img;
  other.url = " JaVaScRiPt:document.title='PWNED'";
  model.articles = {article, other};

  ReportClaim claim;
  claim.id = "c" + img;
  claim.score = 0.5;
  claim.sentences = {{0, 0}, {1, 0}};
  ReportDiscrepancy discrepancy;
  discrepancy.kind = "number" + script;
  discrepancy.description = "desc " + textarea;
  discrepancy.sentences = claim.sentences;
  discrepancy.spans = {{{0, 0}, Span{8, 16}}};
  claim.discrepancies = {discrepancy};
  claim.evidence = {{{0, 0}, {1, 0}, 0.5, "quote " + script, {"word" + img, textarea}}};
  model.claims = {claim};

  ReportSourceProfile profile;
  profile.source = "Outlet " + script;
  profile.words = 20;
  ReportProfileBar bar;
  bar.label = "Label " + img;
  bar.category = "attribution" + script;
  bar.count = 1;
  bar.per_1000_words = 50;
  bar.evidence = {{0, 0}};
  profile.bars = {bar};
  ReportCitedSource cited;
  cited.name = "Spokesman " + script + img;
  cited.kind = "named" + img;
  cited.count = 1;
  cited.stances = {{"neutral" + script, 1}};
  cited.evidence = {{0, 0}};
  profile.cited = {cited};
  model.profiles = {profile};
  return model;
}

}  // namespace parallax
