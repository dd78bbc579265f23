#include "engine/lexicon/pattern.h"

#include <algorithm>

#include "engine/text/tokenizer.h"

namespace parallax {
namespace {

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }
bool IsAsciiLetter(char c) { return c >= 'a' && c <= 'z'; }

std::vector<std::string_view> SplitOn(std::string_view text, char sep) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    size_t pos = text.find(sep, start);
    parts.push_back(text.substr(start, pos == std::string_view::npos ? pos : pos - start));
    if (pos == std::string_view::npos) break;
    start = pos + 1;
  }
  return parts;
}

// Parses one slot without its brackets or '?'.
Status ParseSlotBody(std::string_view body, PatternSlot* slot) {
  if (body == "_") {
    slot->kind = PatternSlot::Kind::kAnyToken;
    return Status::Ok();
  }
  if (body == "#num") {
    slot->kind = PatternSlot::Kind::kNumber;
    return Status::Ok();
  }
  if (body == "*") {
    slot->kind = PatternSlot::Kind::kGap;
    return Status::Ok();
  }
  slot->kind = PatternSlot::Kind::kWords;
  for (std::string_view alt : SplitOn(body, '|')) {
    bool inflect = !alt.empty() && alt.back() == '+';
    if (inflect) alt.remove_suffix(1);
    if (alt.empty())
      return Status::InvalidInput("empty alternative in '" + std::string(body) + "'");
    std::vector<Token> tokens;
    Tokenize(alt, 0, &tokens);
    if (tokens.size() != 1 || tokens[0].span.start != 0 || tokens[0].span.end != alt.size()) {
      return Status::InvalidInput("'" + std::string(alt) +
                                  "' is not a single word as the tokenizer sees it");
    }
    if (inflect) {
      for (std::string& form : Inflections(tokens[0].norm)) slot->words.push_back(std::move(form));
    } else {
      slot->words.push_back(tokens[0].norm);
    }
  }
  std::sort(slot->words.begin(), slot->words.end());
  slot->words.erase(std::unique(slot->words.begin(), slot->words.end()), slot->words.end());
  return Status::Ok();
}

}  // namespace

long Pattern::Expansions() const {
  long n = 1;
  for (const PatternSlot& s : slots) {
    long ways = s.kind == PatternSlot::Kind::kWords ? static_cast<long>(s.words.size()) : 1;
    if (s.kind == PatternSlot::Kind::kGap) ways = kMaxGapTokens;
    if (s.optional) ways += 1;
    n *= std::max(1L, ways);
    if (n > kMaxPatternExpansions) return n;
  }
  return n;
}

std::string NormalizeWord(std::string_view word) {
  std::vector<Token> tokens;
  Tokenize(word, 0, &tokens);
  if (tokens.size() == 1) return tokens[0].norm;
  return std::string(word);
}

std::vector<std::string> Inflections(std::string_view word) {
  std::string w(word);
  std::vector<std::string> forms = {w};
  size_t n = w.size();
  bool ascii = std::all_of(w.begin(), w.end(), [](char c) { return IsAsciiLetter(c); });
  if (n < 2 || !ascii) {
    forms.push_back(w + "s");
    return forms;
  }
  char last = w[n - 1];
  char prev = w[n - 2];
  if (last == 'e') {
    std::string stem = w.substr(0, n - 1);
    forms.insert(forms.end(), {w + "s", w + "d", stem + "ing"});
  } else if (last == 'y' && !IsVowel(prev)) {
    std::string stem = w.substr(0, n - 1);
    forms.insert(forms.end(), {stem + "ies", stem + "ied", w + "ing"});
  } else if (last == 's' || last == 'x' || last == 'z' || w.ends_with("ch") || w.ends_with("sh")) {
    forms.insert(forms.end(), {w + "es", w + "ed", w + "ing"});
  } else {
    forms.insert(forms.end(), {w + "s", w + "ed", w + "ing"});
    // admit -> admitted; refer -> referred. Generated alongside the plain forms because
    // stress decides it ("visited" vs "admitted") and the wrong one never occurs in text.
    bool cvc = n >= 3 && !IsVowel(last) && IsVowel(prev) && !IsVowel(w[n - 3]) && last != 'w' &&
               last != 'x' && last != 'y';
    if (cvc) forms.insert(forms.end(), {w + last + "ed", w + last + "ing"});
  }
  return forms;
}

StatusOr<Pattern> ParsePattern(std::string_view text) {
  Pattern pattern;
  std::vector<std::string_view> parts;
  for (std::string_view part : SplitOn(text, ' ')) {
    if (!part.empty()) parts.push_back(part);
  }
  if (parts.empty()) return Status::InvalidInput("empty pattern");
  for (std::string_view part : parts) {
    PatternSlot slot;
    std::string_view body = part;
    if (body.front() == '[' || body.back() == ']') {
      if (body.size() < 3 || body.front() != '[' || body.back() != ']') {
        return Status::InvalidInput("unbalanced brackets in '" + std::string(part) + "'");
      }
      slot.context = true;
      body = body.substr(1, body.size() - 2);
    }
    if (body.size() > 1 && body.back() == '?') {
      slot.optional = true;
      body.remove_suffix(1);
    }
    if (body.find_first_of("[]?") != std::string_view::npos) {
      return Status::InvalidInput("misplaced '[', ']' or '?' in '" + std::string(part) + "'");
    }
    PARALLAX_RETURN_IF_ERROR(ParseSlotBody(body, &slot));
    if (slot.kind == PatternSlot::Kind::kGap && slot.optional) {
      return Status::InvalidInput("a gap '*' cannot be optional");
    }
    if (slot.context && slot.optional) {
      return Status::InvalidInput("a context slot [..] cannot be optional");
    }
    if (slot.context && slot.kind == PatternSlot::Kind::kGap) {
      return Status::InvalidInput("a gap '*' cannot be a context slot");
    }
    pattern.slots.push_back(std::move(slot));
  }
  std::vector<PatternSlot>& slots = pattern.slots;
  if (slots.front().kind == PatternSlot::Kind::kGap) {
    return Status::InvalidInput("a pattern cannot start with a gap '*'");
  }
  // A trailing gap is lookahead: it becomes a context slot matching one token.
  if (slots.back().kind == PatternSlot::Kind::kGap) {
    slots.back().kind = PatternSlot::Kind::kAnyToken;
    slots.back().context = true;
  }
  size_t lead = 0;
  while (lead < slots.size() && slots[lead].context) ++lead;
  size_t trail = 0;
  while (trail < slots.size() - lead && slots[slots.size() - 1 - trail].context) ++trail;
  for (size_t i = lead; i < slots.size() - trail; ++i) {
    if (slots[i].context) {
      return Status::InvalidInput("context slots [..] must stand at the start or the end");
    }
    if (slots[i].kind == PatternSlot::Kind::kGap) pattern.has_gap = true;
  }
  bool cue_has_word = false;
  for (size_t i = lead; i < slots.size() - trail; ++i) {
    if (slots[i].kind == PatternSlot::Kind::kWords && !slots[i].optional) cue_has_word = true;
  }
  if (!cue_has_word) return Status::InvalidInput("the cue needs at least one required word");
  pattern.leading_context = static_cast<int>(lead);
  pattern.trailing_context = static_cast<int>(trail);
  if (pattern.Expansions() > kMaxPatternExpansions) {
    return Status::InvalidInput("pattern expands to more than " +
                                std::to_string(kMaxPatternExpansions) + " token sequences");
  }
  return pattern;
}

}  // namespace parallax
