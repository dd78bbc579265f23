#include "engine/align/voice.h"

#include <algorithm>
#include <array>

#include "engine/align/word_classes.h"

namespace parallax {
namespace {

// Report verbs after which (or before which) a speaker is named.
constexpr std::array<std::string_view, 34> kReportVerbs = {
    "say",        "says",      "said",     "saying",       "tell",     "tells",    "told",
    "claim",      "claims",    "claimed",  "claiming",     "state",    "stated",   "states",
    "insist",     "insists",   "insisted", "add",          "added",    "adds",     "announced",
    "asserted",   "argued",    "argues",   "noted",        "notes",    "warned",   "warns",
    "maintained", "contended", "alleged",  "acknowledged", "declared", "testified"};

// Cues that attribute without naming anyone next to them.
constexpr std::array<std::string_view, 3> kAdverbCues = {"reportedly", "allegedly", "purportedly"};

// Words that may stand between a speaker and the verb ("Steele also said", "he has said").
constexpr std::array<std::string_view, 9> kBridge = {"also", "later",   "then", "has",  "had",
                                                     "have", "earlier", "once", "again"};

// Titles and honorifics: part of a name's run but never the name itself.
constexpr std::array<std::string_view, 22> kTitles = {
    "mr",      "mrs",     "ms",   "dr",       "gen",      "general", "president", "sen",
    "senator", "rep",     "gov",  "governor", "minister", "prime",   "secretary", "chief",
    "field",   "marshal", "vice", "foreign",  "deputy",   "lt"};

template <size_t N>
bool In(const std::array<std::string_view, N>& list, std::string_view w) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

bool IsReportVerb(std::string_view w) { return In(kReportVerbs, w); }

bool Capitalised(const SentenceWord& w, std::string_view text, size_t base) {
  if (w.span().start < base || w.span().start - base >= text.size()) return false;
  const unsigned char c = static_cast<unsigned char>(text[w.span().start - base]);
  return c >= 'A' && c <= 'Z';
}

// A run of words [first, end) that may name a speaker.
struct Run {
  size_t first = 0;
  size_t end = 0;
};

// Names the run, or returns "" when it is no name (titles, pronouns, a sentence-initial common
// noun).
std::string NameOf(const SentenceFeatures& f, Run run) {
  for (size_t i = run.first; i < run.end; ++i) {
    if (const int32_t e = f.EntityOf(i); e >= 0) return f.entities[e].canonical;
  }
  // The last word that is not a title.
  for (size_t i = run.end; i-- > run.first;) {
    const SentenceWord& w = f.words[i];
    if (In(kTitles, w.norm()) || w.is_stop() || w.is_number()) continue;
    // A lone capitalised word at the start of the sentence that WordNet knows is most likely a
    // common noun ("Officials said", "Witnesses told").
    if (run.first == 0 && run.end - run.first == 1 && !w.concepts().empty()) return "";
    std::string name = w.norm();
    if (name.size() > 2 && name.ends_with("'s")) name.resize(name.size() - 2);
    return name;
  }
  return "";
}

// The run of capitalised words ending right before word `end` (at most 5 words).
Run RunBefore(const SentenceFeatures& f, std::string_view text, size_t base, size_t end) {
  Run run{end, end};
  while (run.first > 0 && end - run.first < 5 && Capitalised(f.words[run.first - 1], text, base) &&
         !f.words[run.first - 1].is_stop()) {
    --run.first;
  }
  return run;
}

// The run of capitalised words starting at word `first`, titles included.
Run RunAfter(const SentenceFeatures& f, std::string_view text, size_t base, size_t first) {
  Run run{first, first};
  while (run.end < f.words.size() && run.end - first < 5 &&
         Capitalised(f.words[run.end], text, base) && !f.words[run.end].is_stop()) {
    ++run.end;
  }
  return run;
}

void AddCue(const SentenceFeatures& f, size_t first, size_t end, SentenceVoice* v) {
  v->cues.push_back({f.words[first].span().start, f.words[end - 1].span().end});
  if (!v->cue_text.empty()) v->cue_text += ", ";
  for (size_t i = first; i < end; ++i) v->cue_text += (i > first ? " " : "") + f.words[i].norm();
}

void AddSpeaker(const SentenceFeatures& f, Run run, SentenceVoice* v) {
  if (run.end <= run.first) return;
  std::string name = NameOf(f, run);
  if (name.empty()) return;
  for (const Speaker& s : v->speakers) {
    if (s.name == name) return;
  }
  v->speakers.push_back({name, {f.words[run.first].span().start, f.words[run.end - 1].span().end}});
}

}  // namespace

SentenceVoice FindVoice(const SentenceFeatures& f, std::string_view text, size_t base) {
  SentenceVoice v;
  const size_t n = f.words.size();
  for (size_t i = 0; i < n; ++i) {
    const std::string& w = f.words[i].norm();
    if (w == "according" && i + 1 < n && f.words[i + 1].norm() == "to") {
      AddCue(f, i, i + 2, &v);
      AddSpeaker(f, RunAfter(f, text, base, i + 2), &v);
      ++i;
      continue;
    }
    if (w == "described" && i + 1 < n && f.words[i + 1].norm() == "as") {
      AddCue(f, i, i + 2, &v);
      ++i;
      continue;
    }
    if (In(kAdverbCues, w)) {
      AddCue(f, i, i + 1, &v);
      continue;
    }
    if (!IsReportVerb(w)) continue;
    AddCue(f, i, i + 1, &v);
    size_t end = i;
    while (end > 0 && i - end < 2 && In(kBridge, f.words[end - 1].norm())) --end;
    Run before = RunBefore(f, text, base, end);
    if (before.end > before.first) {
      AddSpeaker(f, before, &v);
    } else {
      AddSpeaker(f, RunAfter(f, text, base, i + 1), &v);  // "..., said Mr. Steele"
    }
  }
  return v;
}

std::vector<Discrepancy> FindVoiceDiscrepancies(const SentenceVoice& a, const SentenceVoice& b) {
  std::vector<Discrepancy> out;
  if (!a.speakers.empty() && !b.speakers.empty()) {
    bool shared = false;
    for (const Speaker& x : a.speakers) {
      for (const Speaker& y : b.speakers) shared = shared || x.name == y.name;
    }
    if (!shared) {
      Discrepancy d;
      d.kind = Discrepancy::Kind::kSpeaker;
      for (const Speaker& x : a.speakers) {
        d.a_spans.push_back(x.span);
        d.a_text += (d.a_text.empty() ? "" : ", ") + x.name;
      }
      for (const Speaker& y : b.speakers) {
        d.b_spans.push_back(y.span);
        d.b_text += (d.b_text.empty() ? "" : ", ") + y.name;
      }
      out.push_back(std::move(d));
    }
  }
  if (a.attributed() != b.attributed()) {
    Discrepancy d;
    d.kind = Discrepancy::Kind::kAttribution;
    d.a_spans = a.cues;
    d.b_spans = b.cues;
    d.a_text = a.cue_text;
    d.b_text = b.cue_text;
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace parallax
