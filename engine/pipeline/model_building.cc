#include "engine/pipeline/model_building.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <unordered_map>

#include "engine/lexicon/profile.h"

namespace parallax {
namespace {

ReportMark ToReportMark(const Mark& m) {
  ReportMark r;
  r.span = m.span;
  r.category = std::string(CategoryName(m.category));
  r.cue = m.cue;
  r.entry = m.entry;
  r.lexicon = m.lexicon;
  r.stance = std::string(StanceName(m.stance));
  r.source_kind = std::string(SourceKindName(m.source_kind));
  r.source = m.cited;
  r.polarity = std::string(PolarityName(m.polarity));
  r.voice = std::string(VoiceName(m.voice));
  r.negated = m.negated;
  return r;
}

std::string Capitalised(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  for (char& c : s) {
    if (c == '_') c = ' ';
  }
  return s;
}

// One bar per non-empty bucket, in the profile's order: categories, then stances and kinds of
// attribution, then evaluative polarity.
// `breakdown_by`: "" for the categories, else what the group breaks `category` down by.
void AddBars(const std::vector<ProfileBucket>& group, const std::string& prefix,
             const std::string& category, const std::string& breakdown_by,
             const std::unordered_map<int, int>& position, ReportSourceProfile* out) {
  for (const ProfileBucket& b : group) {
    ReportProfileBar bar;
    bar.label = prefix.empty() ? Capitalised(b.name) : prefix + ": " + b.name;
    bar.category = category.empty() ? b.name : category;
    bar.breakdown_by = breakdown_by;
    if (!breakdown_by.empty()) bar.breakdown_value = b.name;
    bar.count = b.count;
    bar.per_1000_words = b.per_1000_words;
    bar.own_voice_count = b.outlet_count;
    bar.own_voice_per_1000_words = b.outlet_per_1000_words;
    for (const Evidence& e : b.evidence) {
      auto it = position.find(e.article);
      if (it != position.end()) bar.evidence.push_back({it->second, e.sentence});
    }
    out->bars.push_back(std::move(bar));
  }
}

// Whom the source cites, most cited first, with the stances its marks take.
void AddCited(const std::vector<CitedSource>& cited, const std::unordered_map<int, int>& position,
              ReportSourceProfile* out) {
  for (const CitedSource& c : cited) {
    ReportCitedSource rc;
    rc.name = c.name;
    rc.kind = std::string(SourceKindName(c.kind));
    rc.count = c.count;
    rc.own_voice_count = c.outlet_count;
    rc.written_as = c.written_as;
    for (int k = 0; k < static_cast<int>(c.stance_counts.size()) && k < kNumStances; ++k) {
      if (c.stance_counts[k] > 0)
        rc.stances.emplace_back(StanceName(Stance(k)), c.stance_counts[k]);
    }
    for (const Evidence& e : c.evidence) {
      auto it = position.find(e.article);
      if (it != position.end()) rc.evidence.push_back({it->second, e.sentence});
    }
    out->cited.push_back(std::move(rc));
  }
}

std::string DescribeDiscrepancy(const Discrepancy& d, const std::string& source_a,
                                const std::string& source_b) {
  std::string kind = DiscrepancyKindName(d.kind);
  auto side = [](const std::string& text) {
    return text.empty() ? std::string("(nothing)") : "\u201c" + text + "\u201d";
  };
  if (d.kind == Discrepancy::Kind::kAttribution) {  // certainty drift: framing
    const bool a_states = d.a_text.empty();
    return "Certainty: " + (a_states ? source_a : source_b) + " states it as fact; " +
           (a_states ? source_b : source_a) + " attributes or hedges it (" +
           side(a_states ? d.b_text : d.a_text) + ")";
  }
  return Capitalised(kind) + ": " + source_a + " " + side(d.a_text) + " vs " + source_b + " " +
         side(d.b_text);
}

// Step 1: the articles, in the order given. `position` maps a corpus article index to its
// place in the model.
Status AddArticles(const Analysis& analysis, const std::vector<uint32_t>& articles,
                   ReportModel* model, std::unordered_map<int, int>* position) {
  const Corpus& corpus = analysis.corpus;
  const Alignment& alignment = analysis.alignment;
  for (uint32_t a : articles) {
    if (a >= corpus.articles.size())
      return Status::InvalidInput("BuildReportModel: article index out of range");
    const Article& article = corpus.articles[a];
    (*position)[static_cast<int>(a)] = static_cast<int>(model->articles.size());
    ReportArticle r;
    r.id = article.id;
    r.source = article.source;
    r.author = article.author;
    r.date = article.date;
    r.url = article.url;
    r.title = article.title;
    r.tags = article.tags;
    r.notes = article.notes;
    r.warnings = article.warnings;
    r.text = article.text;
    if (a < alignment.article_story.size() &&
        alignment.article_story[a] < alignment.stories.size() && alignment.stories.size() > 1) {
      r.story = alignment.stories[alignment.article_story[a]].id;
    }
    for (size_t s = 0; s < corpus.sentences[a].size(); ++s) {
      const Sentence& sentence = corpus.sentences[a][s];
      ReportSentence rs;
      rs.index = sentence.index;
      rs.span = sentence.span;
      rs.paragraph = sentence.paragraph;
      rs.heading = sentence.heading;
      for (const Mark& m : analysis.marks[a][s]) rs.marks.push_back(ToReportMark(m));
      r.sentences.push_back(std::move(rs));
    }
    if (std::find(model->sources.begin(), model->sources.end(), article.source) ==
        model->sources.end()) {
      model->sources.push_back(article.source);
    }
    model->articles.push_back(std::move(r));
  }
  return Status::Ok();
}

// The words at `spans` of `text`, ", "-separated; `fallback` when a span is out of range.
std::string WrittenAt(const std::vector<Span>& spans, const std::string& text,
                      const std::string& fallback) {
  std::string out;
  for (const Span& span : spans) {
    if (span.end > text.size() || span.empty()) return fallback;
    out += (out.empty() ? "" : ", ") + std::string(span.Of(text));
  }
  return out.empty() ? fallback : out;
}

// Adds the difference `d` of a claim to rc->discrepancies. The same difference between several
// pairs of sentences ("Firstpost states, News site says 'according to'") is listed once, with
// all the sentences and spans it concerns.
void AddDiscrepancy(const ClaimDiscrepancy& d, const Claim& claim, const Corpus& corpus,
                    const std::unordered_map<int, int>& position, ReportClaim* rc) {
  const ClaimMember& ma = claim.members[d.a];
  const ClaimMember& mb = claim.members[d.b];
  SentenceRef ra{position.at(static_cast<int>(ma.article)), static_cast<int>(ma.sentence)};
  SentenceRef rb{position.at(static_cast<int>(mb.article)), static_cast<int>(mb.sentence)};
  ReportDiscrepancy rd;
  rd.kind = DiscrepancyKindName(d.discrepancy.kind);
  if (d.discrepancy.kind == Discrepancy::Kind::kPlace) {
    // Places as each outlet wrote them ("China" / "Islamabad"), not the places the aligner
    // compared them as ("Pakistan" for its capital).
    Discrepancy written = d.discrepancy;
    written.a_text = WrittenAt(written.a_spans, corpus.articles[ma.article].text, written.a_text);
    written.b_text = WrittenAt(written.b_spans, corpus.articles[mb.article].text, written.b_text);
    rd.description = DescribeDiscrepancy(written, corpus.articles[ma.article].source,
                                         corpus.articles[mb.article].source);
  } else {
    rd.description = DescribeDiscrepancy(d.discrepancy, corpus.articles[ma.article].source,
                                         corpus.articles[mb.article].source);
  }
  auto same = std::find_if(rc->discrepancies.begin(), rc->discrepancies.end(),
                           [&](const ReportDiscrepancy& x) {
                             return x.kind == rd.kind && x.description == rd.description;
                           });
  ReportDiscrepancy& target = same != rc->discrepancies.end() ? *same : rd;
  for (const SentenceRef& ref : {ra, rb}) {
    if (std::find(target.sentences.begin(), target.sentences.end(), ref) ==
        target.sentences.end()) {
      target.sentences.push_back(ref);
    }
  }
  auto add_span = [&target](const SentenceRef& ref, const Span& span) {
    for (const ReportDiscrepancySpan& x : target.spans) {
      if (x.sentence == ref && x.span == span) return;
    }
    target.spans.push_back({ref, span});
  };
  for (const Span& sp : d.discrepancy.a_spans) add_span(ra, sp);
  for (const Span& sp : d.discrepancy.b_spans) add_span(rb, sp);
  if (same == rc->discrepancies.end()) rc->discrepancies.push_back(std::move(rd));
}

// Step 2: the claims touching the model's articles — shared ones first, then those of one
// source, then related sentences (topic claims), each group in claim order. A claim shows only
// the versions of the model's articles.
void AddClaims(const Analysis& analysis, const std::unordered_map<int, int>& position,
               ReportModel* model) {
  auto shown = [&position](const ClaimMember& m) {
    return position.count(static_cast<int>(m.article)) > 0;
  };
  std::vector<const Claim*> claims;
  for (const Claim& c : analysis.alignment.claims) {
    if (std::any_of(c.members.begin(), c.members.end(), shown)) claims.push_back(&c);
  }
  std::stable_partition(claims.begin(), claims.end(),
                        [](const Claim* c) { return c->topic_terms.empty(); });
  std::stable_partition(claims.begin(), claims.end(), [](const Claim* c) {
    return c->sources.size() > 1 && c->topic_terms.empty();
  });
  for (const Claim* c : claims) {
    ReportClaim rc;
    rc.id = c->id;
    double total = 0;
    for (const ClaimMember& m : c->members) {
      if (!shown(m)) continue;  // an article left out of this model
      SentenceRef ref{position.at(static_cast<int>(m.article)), static_cast<int>(m.sentence)};
      rc.sentences.push_back(ref);
      // A sentence shown again in a topic claim keeps its own claim as its id.
      if (!m.secondary) model->articles[ref.article].sentences[ref.sentence].claim_id = c->id;
      total += m.score;
    }
    if (!c->topic_terms.empty()) {
      rc.related = true;
      rc.note = "Related sentences, not one claim: both mention ";
      for (size_t t = 0; t < c->topic_terms.size(); ++t) {
        rc.note += (t ? ", \u201c" : "\u201c") + c->topic_terms[t] + "\u201d";
      }
    }
    rc.score = rc.sentences.size() > 1 ? total / static_cast<double>(rc.sentences.size()) : 0.0;
    for (const ClaimDiscrepancy& d : c->discrepancies) {
      if (shown(c->members[d.a]) && shown(c->members[d.b]))
        AddDiscrepancy(d, *c, analysis.corpus, position, &rc);
    }
    for (const ClaimEvidence& e : c->evidence) {
      const ClaimMember& ma = c->members[e.a];
      const ClaimMember& mb = c->members[e.b];
      if (!shown(ma) || !shown(mb)) continue;
      ReportEvidence re;
      re.a = {position.at(static_cast<int>(ma.article)), static_cast<int>(ma.sentence)};
      re.b = {position.at(static_cast<int>(mb.article)), static_cast<int>(mb.sentence)};
      re.score = e.score;
      const std::string& text = analysis.corpus.articles[ma.article].text;
      if (!e.quotation.empty() && e.quotation.end <= text.size()) {
        re.quotation = std::string(e.quotation.Of(text));
      }
      for (const Span& word : e.shared_words) {
        if (word.end > text.size()) continue;
        std::string lower(word.Of(text));
        for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        re.shared_words.push_back(std::move(lower));
      }
      rc.evidence.push_back(std::move(re));
    }
    model->claims.push_back(std::move(rc));
  }
}

// Step 3: a profile per source, in column order.
void AddProfiles(const Analysis& analysis, const std::vector<uint32_t>& articles,
                 const std::unordered_map<int, int>& position, const AliasTable* aliases,
                 ReportModel* model) {
  const Corpus& corpus = analysis.corpus;
  ProfileOptions profile_options;
  profile_options.aliases = aliases;
  std::map<std::string, std::vector<MarkedSentence>> by_source;
  for (uint32_t a : articles) {
    const Article& article = corpus.articles[a];
    for (size_t s = 0; s < corpus.sentences[a].size(); ++s) {
      const Sentence& sentence = corpus.sentences[a][s];
      MarkedSentence ms;
      ms.article = static_cast<int>(a);
      ms.sentence = sentence.index;
      ms.words = CountWords(sentence.span.Of(article.text));
      ms.marks = analysis.marks[a][s];
      ms.text = article.text;
      by_source[article.source].push_back(std::move(ms));
    }
  }
  for (const std::string& source : model->sources) {
    SourceProfile p = BuildProfile(source, by_source[source], profile_options);
    ReportSourceProfile rp;
    rp.source = source;
    rp.articles = p.articles;
    rp.sentences = p.sentences;
    rp.words = static_cast<int>(p.words);
    AddBars(p.categories, "", "", "", position, &rp);
    AddBars(p.stances, "Stance", "attribution", "stance", position, &rp);
    AddBars(p.source_kinds, "Source", "attribution", "source_kind", position, &rp);
    AddBars(p.polarities, "Evaluative", "evaluative", "polarity", position, &rp);
    AddCited(p.cited, position, &rp);
    model->profiles.push_back(std::move(rp));
  }
}

void AddNotices(const Corpus& corpus, ReportModel* model) {
  if (model->sources.size() == 1) {
    model->notices.push_back(
        "Only one source (" + model->sources[0] +
        "): there is nothing to compare it with, so every claim is carried by it alone.");
  }
  for (const std::string& skipped : corpus.skipped) model->notices.push_back("Skipped: " + skipped);
}

}  // namespace

std::vector<uint32_t> StoryArticles(const Analysis& analysis, size_t story) {
  const auto& stories = analysis.alignment.stories;
  if (story < stories.size()) return stories[story].articles;
  std::vector<uint32_t> all(analysis.corpus.articles.size());
  for (uint32_t i = 0; i < all.size(); ++i) all[i] = i;
  return all;
}

StatusOr<ReportModel> BuildReportModel(const Analysis& analysis,
                                       const std::vector<uint32_t>& articles,
                                       const Resources& resources, const ReportOptions& options) {
  ReportModel model;
  model.parallax_version = PARALLAX_VERSION;
  model.generated_at = options.generated_at;
  model.lexicon_digest = resources.lexicon_digest;
  model.rules_digest = resources.rules_digest;
  std::unordered_map<int, int> position;
  PARALLAX_RETURN_IF_ERROR(AddArticles(analysis, articles, &model, &position));
  model.title = options.title;
  if (model.title.empty()) model.title = analysis.corpus.title;
  if (model.title.empty() && !model.articles.empty()) model.title = model.articles[0].title;
  if (model.title.empty()) model.title = "Parallax report";
  AddClaims(analysis, position, &model);
  AddProfiles(analysis, articles, position, resources.aliases.get(), &model);
  AddNotices(analysis.corpus, &model);
  return model;
}

}  // namespace parallax
