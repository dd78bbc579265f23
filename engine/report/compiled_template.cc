#include "engine/report/compiled_template.h"

#include <cctype>
#include <cstring>
#include <utility>

namespace parallax {

// ---------------------------------------------------------------------------------------------
// Escaping

namespace {

// kEscapes[c] is the entity standing for byte c, or null when c stands for itself.
struct EscapeTable {
  const char* entity[256] = {};
  unsigned char size[256] = {};
  constexpr EscapeTable() {
    Add('&', "&amp;", 5);
    Add('<', "&lt;", 4);
    Add('>', "&gt;", 4);
    Add('"', "&quot;", 6);
    Add('\'', "&apos;", 6);
  }
  constexpr void Add(char c, const char* text, unsigned char length) {
    entity[static_cast<unsigned char>(c)] = text;
    size[static_cast<unsigned char>(c)] = length;
  }
};
constexpr EscapeTable kEscapes;

}  // namespace

void AppendHtmlEscaped(std::string_view text, std::string* out) {
  const char* p = text.data();
  const char* const end = p + text.size();
  while (p < end) {
    // Copy the longest run that needs no escaping in one append.
    const char* run = p;
    while (run < end && kEscapes.size[static_cast<unsigned char>(*run)] == 0) ++run;
    out->append(p, run);
    if (run == end) break;
    const unsigned char c = static_cast<unsigned char>(*run);
    out->append(kEscapes.entity[c], kEscapes.size[c]);
    p = run + 1;
  }
}

// ---------------------------------------------------------------------------------------------
// TemplateData

TemplateData::TemplateData() { Clear(); }

void TemplateData::Clear() {
  values_.clear();
  chars_.clear();
  values_.push_back(Value{Kind::kObject});
}

uint32_t TemplateData::Store(std::string_view text) {
  const uint32_t offset = static_cast<uint32_t>(chars_.size());
  chars_.append(text);
  return offset;
}

TemplateData::Ref TemplateData::NewField(Ref object, std::string_view key, Kind kind) {
  Value value{kind};
  value.key_offset = Store(key);
  value.key_size = static_cast<uint32_t>(key.size());
  // Fields are kept latest first, so Find meets the value set last: kainjow's set replaces.
  value.next = values_[object].first;
  const Ref ref = static_cast<Ref>(values_.size());
  values_.push_back(value);
  values_[object].first = ref;
  return ref;
}

TemplateData::Ref TemplateData::NewItem(Ref list, Kind kind) {
  const Ref ref = static_cast<Ref>(values_.size());
  values_.push_back(Value{kind});
  Value& parent = values_[list];
  if (parent.last < 0) {
    parent.first = ref;
  } else {
    values_[parent.last].next = ref;
  }
  parent.last = ref;
  return ref;
}

void TemplateData::Set(Ref object, std::string_view key, std::string_view text) {
  if (values_[object].kind != Kind::kObject) return;
  const Ref ref = NewField(object, key, Kind::kString);
  values_[ref].offset = Store(text);
  values_[ref].size = static_cast<uint32_t>(text.size());
}

void TemplateData::SetBool(Ref object, std::string_view key, bool value) {
  if (values_[object].kind != Kind::kObject) return;
  NewField(object, key, value ? Kind::kTrue : Kind::kFalse);
}

TemplateData::Ref TemplateData::SetList(Ref object, std::string_view key) {
  if (values_[object].kind != Kind::kObject) return -1;
  return NewField(object, key, Kind::kList);
}

TemplateData::Ref TemplateData::SetObject(Ref object, std::string_view key) {
  if (values_[object].kind != Kind::kObject) return -1;
  return NewField(object, key, Kind::kObject);
}

TemplateData::Ref TemplateData::AddObject(Ref list) {
  if (values_[list].kind != Kind::kList) return -1;
  return NewItem(list, Kind::kObject);
}

void TemplateData::AddString(Ref list, std::string_view text) {
  if (values_[list].kind != Kind::kList) return;
  const Ref ref = NewItem(list, Kind::kString);
  values_[ref].offset = Store(text);
  values_[ref].size = static_cast<uint32_t>(text.size());
}

TemplateData::Ref TemplateData::Find(Ref object, std::string_view key) const {
  if (object < 0 || values_[object].kind != Kind::kObject) return -1;
  const char* chars = chars_.data();
  for (Ref f = values_[object].first; f >= 0; f = values_[f].next) {
    const Value& field = values_[f];
    // Sizes and first bytes tell most keys apart without a call to memcmp.
    if (field.key_size != key.size()) continue;
    if (!key.empty() && chars[field.key_offset] != key[0]) continue;
    if (std::memcmp(chars + field.key_offset, key.data(), key.size()) == 0) return f;
  }
  return -1;
}

// ---------------------------------------------------------------------------------------------
// Parsing: kainjow's parser, step for step, so that the same templates parse, fail with the
// same messages and keep the same whitespace. It builds kainjow's component tree, checks it the
// way kainjow does, then flattens it into a Program.

struct CompiledTemplate::Program {
  enum class Code : uint8_t { kText, kNewline, kVariable, kRaw, kSection, kInverted, kPartial };
  struct Op {
    Code code = Code::kText;
    std::string text;               // kText, kNewline: the bytes
    bool dot = false;               // the name is "." (the current value)
    std::vector<std::string> path;  // the name, split at '.' as kainjow splits it
    size_t end = 0;                 // kSection, kInverted: the index after the section's ops
    int partial = -1;               // kPartial: index in programs_, -1 when not given
  };
  std::vector<Op> ops;
};

namespace {

enum class TagType {
  kText,
  kVariable,
  kUnescaped,
  kSectionBegin,
  kSectionEnd,
  kInverted,
  kComment,
  kPartial,
  kSetDelimiter
};

struct Component {
  TagType type = TagType::kText;
  std::string text;  // kText
  std::string name;  // tags
  size_t position = 0;
  std::vector<Component> children;
  bool IsSectionBegin() const {
    return type == TagType::kSectionBegin || type == TagType::kInverted;
  }
};

bool IsSpace(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

std::string Trim(std::string_view s) {
  size_t begin = 0, end = s.size();
  while (begin < end && IsSpace(s[begin])) ++begin;
  while (end > begin && IsSpace(s[end - 1])) --end;
  return std::string(s.substr(begin, end - begin));
}

bool IsValidDelimiter(std::string_view delimiter) {
  for (char c : delimiter) {
    if (c == '=' || IsSpace(c)) return false;
  }
  return true;
}

// "=<% %>=" → begin "<%", end "%>". Returns false iff kainjow refuses the tag.
bool ParseSetDelimiter(const std::string& contents, std::string* begin, std::string* end) {
  if (contents.size() < 5 || contents.back() != '=') return false;
  const std::string inner = Trim(std::string_view(contents).substr(1, contents.size() - 2));
  const size_t space = inner.find(' ');
  if (space == std::string::npos) return false;
  const size_t nonspace = inner.find_first_not_of(' ', space + 1);
  if (nonspace == std::string::npos) return false;
  std::string b = inner.substr(0, space), e = inner.substr(nonspace);
  if (!IsValidDelimiter(b) || !IsValidDelimiter(e)) return false;
  *begin = std::move(b);
  *end = std::move(e);
  return true;
}

void ParseTagContents(bool unescaped, const std::string& contents, Component* tag) {
  if (unescaped) {
    tag->type = TagType::kUnescaped;
    tag->name = contents;
    return;
  }
  if (contents.empty()) {
    tag->type = TagType::kVariable;
    return;
  }
  switch (contents[0]) {
    case '#':
      tag->type = TagType::kSectionBegin;
      break;
    case '^':
      tag->type = TagType::kInverted;
      break;
    case '/':
      tag->type = TagType::kSectionEnd;
      break;
    case '>':
      tag->type = TagType::kPartial;
      break;
    case '&':
      tag->type = TagType::kUnescaped;
      break;
    case '!':
      tag->type = TagType::kComment;
      break;
    default:
      tag->type = TagType::kVariable;
      break;
  }
  tag->name = tag->type == TagType::kVariable ? contents : Trim(contents.substr(1));
}

// Returns "" on success, else kainjow's error message.
std::string ParseComponents(const std::string& input, Component* root) {
  static const std::string kBraceBegin = "{{", kBraceEnd = "}}", kTripleEnd = "}}}";
  static const std::string_view kWhitespace[] = {"\r\n", "\n", "\r", " ", "\t"};
  std::string begin = kBraceBegin, end = kBraceEnd;
  bool brace = true;
  std::vector<Component*> sections = {root};
  std::string text;
  auto flush_text = [&] {
    if (text.empty()) return;
    Component c;
    c.text = std::move(text);
    sections.back()->children.push_back(std::move(c));
    text.clear();
  };
  const size_t size = input.size();
  for (size_t pos = 0; pos != size;) {
    if (input.compare(pos, begin.size(), begin) != 0) {
      bool whitespace = false;
      for (std::string_view ws : kWhitespace) {
        if (input.compare(pos, ws.size(), ws) != 0) continue;
        flush_text();
        Component c;
        c.text = std::string(ws);
        sections.back()->children.push_back(std::move(c));
        pos += ws.size();
        whitespace = true;
        break;
      }
      if (!whitespace) text += input[pos++];
      continue;
    }
    flush_text();
    const size_t start = pos;
    size_t contents_at = start + begin.size();
    const bool unescaped = brace && start != size - 2 && input.at(contents_at) == begin[0];
    // A copy: a set-delimiter tag changes `end` before the position moves past this tag.
    const std::string tag_end = unescaped ? kTripleEnd : end;
    if (unescaped) ++contents_at;
    const size_t end_at = input.find(tag_end, contents_at);
    if (end_at == std::string::npos) return "Unclosed tag at " + std::to_string(start);
    const std::string contents =
        Trim(std::string_view(input).substr(contents_at, end_at - contents_at));
    Component tag;
    if (!contents.empty() && contents[0] == '=') {
      if (!ParseSetDelimiter(contents, &begin, &end)) {
        return "Invalid set delimiter tag at " + std::to_string(start);
      }
      brace = begin == kBraceBegin && end == kBraceEnd;
      tag.type = TagType::kSetDelimiter;
    } else {
      ParseTagContents(unescaped, contents, &tag);
    }
    tag.position = start;
    pos = end_at + tag_end.size();
    const bool opens = tag.IsSectionBegin(), closes = tag.type == TagType::kSectionEnd;
    if (closes && sections.size() == 1) {
      return "Unopened section \"" + tag.name + "\" at " + std::to_string(tag.position);
    }
    sections.back()->children.push_back(std::move(tag));
    if (opens) {
      sections.push_back(&sections.back()->children.back());
    } else if (closes) {
      sections.pop_back();
    }
  }
  flush_text();
  return "";
}

// kainjow's check after parsing: every section's last child is its own end tag (then dropped).
// Walks in the same (pre-)order so that the first error is the one kainjow reports.
std::string CheckSections(Component* component) {
  for (Component& child : component->children) {
    if (child.IsSectionBegin()) {
      if (child.children.empty() || child.children.back().type != TagType::kSectionEnd ||
          child.children.back().name != child.name) {
        return "Unclosed section \"" + child.name + "\" at " + std::to_string(child.position);
      }
      child.children.pop_back();
    }
    std::string error = CheckSections(&child);
    if (!error.empty()) return error;
  }
  return "";
}

// kainjow splits dotted names with std::getline: empty parts are kept, a trailing one is not.
std::vector<std::string> SplitName(const std::string& name) {
  std::vector<std::string> parts;
  size_t from = 0;
  while (from < name.size()) {
    const size_t dot = name.find('.', from);
    if (dot == std::string::npos) {
      parts.push_back(name.substr(from));
      break;
    }
    parts.push_back(name.substr(from, dot - from));
    from = dot + 1;
  }
  return parts;
}

using Program = CompiledTemplate::Program;
using Code = Program::Code;

// An op that looks `name` up.
Program::Op NamedOp(Code code, const std::string& name) {
  Program::Op op;
  op.code = code;
  op.dot = name == ".";
  if (!op.dot) {
    if (name.find('.') == std::string::npos) {
      op.path.push_back(name);
    } else {
      op.path = SplitName(name);
    }
  }
  return op;
}

// Appends the ops of `components` to `program`; a section's ops follow its own, up to `end`.
void Flatten(const std::vector<Component>& components, Program* program) {
  bool after_text = false;  // the last op is text of this same level
  for (const Component& c : components) {
    const bool was_after_text = after_text;
    after_text = false;
    switch (c.type) {
      case TagType::kText: {
        const bool newline = c.text == "\n" || c.text == "\r\n" || c.text == "\r";
        after_text = !newline;
        if (!newline && was_after_text) {
          program->ops.back().text += c.text;  // consecutive text renders as one
        } else {
          Program::Op op;
          op.code = newline ? Code::kNewline : Code::kText;
          op.text = c.text;
          program->ops.push_back(std::move(op));
        }
        break;
      }
      case TagType::kVariable:
      case TagType::kUnescaped:
        program->ops.push_back(
            NamedOp(c.type == TagType::kVariable ? Code::kVariable : Code::kRaw, c.name));
        break;
      case TagType::kSectionBegin:
      case TagType::kInverted: {
        const size_t at = program->ops.size();
        program->ops.push_back(
            NamedOp(c.type == TagType::kSectionBegin ? Code::kSection : Code::kInverted, c.name));
        Flatten(c.children, program);
        program->ops[at].end = program->ops.size();
        break;
      }
      case TagType::kPartial: {
        Program::Op op;
        op.code = Code::kPartial;
        op.text = c.name;
        program->ops.push_back(std::move(op));
        break;
      }
      default:  // comments and set-delimiter tags render nothing
        break;
    }
  }
}

StatusOr<Program> ParseProgram(const std::string& label, const std::string& text) {
  Component root;
  std::string error = ParseComponents(text, &root);
  if (error.empty()) error = CheckSections(&root);
  if (!error.empty()) return Status::InvalidInput(label + ": " + error);
  Program program;
  Flatten(root.children, &program);
  return program;
}

}  // namespace

StatusOr<CompiledTemplate> CompiledTemplate::Compile(
    std::string_view name, std::string_view text,
    const std::map<std::string, std::string>& partials) {
  CompiledTemplate out;
  out.name_ = std::string(name);
  auto programs = std::make_shared<std::vector<Program>>();
  PARALLAX_ASSIGN_OR_RETURN(Program main,
                            ParseProgram("report template '" + out.name_ + "'", std::string(text)));
  programs->push_back(std::move(main));
  // Resolve partials breadth first; each distinct partial is parsed once, so partials that
  // include each other (recursive templates) compile to a finite set of programs.
  std::map<std::string, int> index;
  for (size_t p = 0; p < programs->size(); ++p) {
    for (size_t i = 0; i < (*programs)[p].ops.size(); ++i) {
      Program::Op& op = (*programs)[p].ops[i];
      if (op.code != Code::kPartial) continue;
      auto known = index.find(op.text);
      if (known != index.end()) {
        op.partial = known->second;
        continue;
      }
      auto given = partials.find(op.text);
      if (given == partials.end()) continue;  // kainjow renders an unknown partial as nothing
      PARALLAX_ASSIGN_OR_RETURN(Program partial, ParseProgram("report template '" + out.name_ +
                                                                  "', partial '" + op.text + "'",
                                                              given->second));
      const int at = static_cast<int>(programs->size());
      index.emplace(op.text, at);
      programs->push_back(std::move(partial));
      (*programs)[p].ops[i].partial = at;  // `op` may dangle after the push_back
    }
  }
  out.programs_ = std::move(programs);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Rendering

class TemplateRenderer {
 public:
  using Ref = TemplateData::Ref;
  using Value = TemplateData::Value;
  using DataKind = TemplateData::Kind;

  TemplateRenderer(const std::vector<Program>& programs, const TemplateData& data, std::string* out)
      : programs_(programs), data_(data), out_(out), line_start_(out->size()) {
    stack_.push_back(TemplateData::kRoot);
  }

  Status Run() {
    PARALLAX_RETURN_IF_ERROR(RenderOps(programs_[0], 0, programs_[0].ops.size(), 0));
    EndLine(std::string_view());
    return Status::Ok();
  }

 private:
  // kainjow's render_current_line: a line on which a section was entered and that rendered
  // only spaces and tabs is dropped with its newline.
  void EndLine(std::string_view newline) {
    bool drop = contained_section_;
    if (drop) {
      for (size_t i = line_start_; i < out_->size(); ++i) {
        const char c = (*out_)[i];
        if (c != ' ' && c != '\t') {
          drop = false;
          break;
        }
      }
    }
    if (drop) {
      out_->resize(line_start_);
    } else {
      out_->append(newline);
    }
    line_start_ = out_->size();
    contained_section_ = false;
  }

  Ref Lookup(const Program::Op& op) const {
    if (op.dot) return stack_.back();
    for (auto it = stack_.rbegin(); it != stack_.rend(); ++it) {
      Ref ref = *it;
      for (const std::string& part : op.path) {
        ref = data_.Find(ref, part);
        if (ref < 0) break;
      }
      if (ref >= 0) return ref;
    }
    return -1;
  }

  bool IsFalsy(Ref ref) const {
    const Value& v = data_.values_[ref];
    return v.kind == DataKind::kFalse || (v.kind == DataKind::kList && v.first < 0);
  }

  Status RenderSection(const Program& program, size_t begin, size_t end, Ref ref, int depth) {
    if (ref >= 0 && data_.values_[ref].kind == DataKind::kList && data_.values_[ref].first >= 0) {
      for (Ref item = data_.values_[ref].first; item >= 0; item = data_.values_[item].next) {
        contained_section_ = true;
        stack_.push_back(item);
        PARALLAX_RETURN_IF_ERROR(RenderOps(program, begin, end, depth));
        stack_.pop_back();
        contained_section_ = true;
      }
      return Status::Ok();
    }
    contained_section_ = true;
    if (ref >= 0) stack_.push_back(ref);
    PARALLAX_RETURN_IF_ERROR(RenderOps(program, begin, end, depth));
    if (ref >= 0) stack_.pop_back();
    contained_section_ = true;
    return Status::Ok();
  }

  Status RenderOps(const Program& program, size_t begin, size_t end, int depth) {
    for (size_t i = begin; i < end; ++i) {
      const Program::Op& op = program.ops[i];
      switch (op.code) {
        case Code::kText:
          out_->append(op.text);
          break;
        case Code::kNewline:
          EndLine(op.text);
          break;
        case Code::kVariable:
        case Code::kRaw: {
          const Ref ref = Lookup(op);
          if (ref < 0 || data_.values_[ref].kind != DataKind::kString) break;
          const std::string_view text = data_.Text(data_.values_[ref]);
          if (op.code == Code::kVariable) {
            AppendHtmlEscaped(text, out_);
          } else {
            out_->append(text);
          }
          break;
        }
        case Code::kSection:
        case Code::kInverted: {
          const Ref ref = Lookup(op);
          const bool falsy = ref < 0 || IsFalsy(ref);
          if (falsy == (op.code == Code::kInverted)) {
            PARALLAX_RETURN_IF_ERROR(RenderSection(program, i + 1, op.end, ref, depth));
          }
          i = op.end - 1;
          break;
        }
        case Code::kPartial:
          if (op.partial < 0) break;
          if (depth >= CompiledTemplate::kMaxPartialDepth) {
            return Status::InvalidInput("report template: partials nest deeper than " +
                                        std::to_string(CompiledTemplate::kMaxPartialDepth));
          }
          PARALLAX_RETURN_IF_ERROR(
              RenderOps(programs_[op.partial], 0, programs_[op.partial].ops.size(), depth + 1));
          break;
      }
    }
    return Status::Ok();
  }

  const std::vector<Program>& programs_;
  const TemplateData& data_;
  std::string* out_;
  size_t line_start_;
  bool contained_section_ = false;
  std::vector<Ref> stack_;  // the context stack; back() is the innermost value
};

Status CompiledTemplate::Render(const TemplateData& data, std::string* out) const {
  if (programs_ == nullptr) return Status::Internal("render of an uncompiled template");
  return TemplateRenderer(*programs_, data, out).Run();
}

}  // namespace parallax
