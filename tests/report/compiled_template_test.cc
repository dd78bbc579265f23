// CompiledTemplate against its reference, kainjow mustache: the same template and data must
// give the same bytes, and the same broken template the same error. Data is described once
// (Value) and converted for both engines. kainjow is used here only (and in bench/), as re2 keeps
// its backtracking reference in re2/testing: the engine renders every page with CompiledTemplate.
#include "engine/report/compiled_template.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <kainjow/mustache.hpp>
#include <random>
#include <regex>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "engine/base/file_io.h"
#include "tests/testutil.h"

namespace parallax {
namespace {

namespace mustache = kainjow::mustache;

// A value for both engines: a string, a boolean, a list or an object.
struct Value {
  enum Kind { kString, kBool, kList, kObject } kind = kObject;
  std::string text;
  bool flag = false;
  std::vector<Value> items;  // kList
  // kObject, set in order: keys[k] names values[k]. (Two lists: a pair holding Value is not
  // complete inside Value, which clang's library refuses.)
  std::vector<std::string> keys;
  std::vector<Value> values;

  static Value Str(std::string s) {
    Value v;
    v.kind = kString;
    v.text = std::move(s);
    return v;
  }
  static Value Bool(bool b) {
    Value v;
    v.kind = kBool;
    v.flag = b;
    return v;
  }
  static Value List(std::vector<Value> items) {
    Value v;
    v.kind = kList;
    v.items = std::move(items);
    return v;
  }
  Value& With(std::string key, Value value) {
    keys.push_back(std::move(key));
    values.push_back(std::move(value));
    return *this;
  }
};

mustache::data ToKainjow(const Value& v) {
  switch (v.kind) {
    case Value::kString:
      return mustache::data(v.text);
    case Value::kBool:
      return mustache::data(v.flag ? mustache::data::type::bool_true
                                   : mustache::data::type::bool_false);
    case Value::kList: {
      mustache::data list{mustache::data::type::list};
      for (const Value& item : v.items) list.push_back(ToKainjow(item));
      return list;
    }
    case Value::kObject: {
      mustache::data object;
      for (size_t k = 0; k < v.keys.size(); ++k) object.set(v.keys[k], ToKainjow(v.values[k]));
      return object;
    }
  }
  return mustache::data();
}

void FillObject(const Value& v, TemplateData* data, TemplateData::Ref object);

void AddItem(const Value& item, TemplateData* data, TemplateData::Ref list) {
  switch (item.kind) {
    case Value::kString:
      data->AddString(list, item.text);
      break;
    case Value::kObject:
      FillObject(item, data, data->AddObject(list));
      break;
    default:
      ADD_FAILURE() << "TemplateData lists hold objects and strings only";
  }
}

void FillObject(const Value& v, TemplateData* data, TemplateData::Ref object) {
  for (size_t k = 0; k < v.keys.size(); ++k) {
    const std::string& key = v.keys[k];
    const Value& field = v.values[k];
    switch (field.kind) {
      case Value::kString:
        data->Set(object, key, field.text);
        break;
      case Value::kBool:
        data->SetBool(object, key, field.flag);
        break;
      case Value::kList: {
        const TemplateData::Ref list = data->SetList(object, key);
        for (const Value& item : field.items) AddItem(item, data, list);
        break;
      }
      case Value::kObject:
        FillObject(field, data, data->SetObject(object, key));
        break;
    }
  }
}

// kainjow's rendering, with partials set in the data, where kainjow looks them up; "" when
// kainjow fails.
std::string RenderKainjow(const std::string& text, const Value& root,
                          const std::map<std::string, std::string>& partials, std::string* error) {
  mustache::data data = ToKainjow(root);
  for (const auto& [name, partial_text] : partials) {
    const std::string* p = &partial_text;
    data.set(name, mustache::partial([p] { return *p; }));
  }
  mustache::mustache tmpl(text);
  if (!tmpl.is_valid()) {
    *error = tmpl.error_message();
    return "";
  }
  std::string out = tmpl.render(data);
  if (!tmpl.is_valid()) *error = tmpl.error_message();
  return out;
}

// Expects both engines to agree on `text` with `root`.
void ExpectSame(const std::string& text, const Value& root,
                const std::map<std::string, std::string>& partials = {}) {
  std::string kainjow_error;
  const std::string expected = RenderKainjow(text, root, partials, &kainjow_error);
  auto compiled = CompiledTemplate::Compile("t.mustache", text, partials);
  if (!kainjow_error.empty()) {
    ASSERT_FALSE(compiled.ok()) << "kainjow refuses: " << kainjow_error << " "
                                << ::testing::PrintToString(text);
    EXPECT_EQ(compiled.status().message(), "report template 't.mustache': " + kainjow_error);
    return;
  }
  ASSERT_OK(compiled) << compiled.status().ToString() << " " << ::testing::PrintToString(text);
  TemplateData data;
  FillObject(root, &data, TemplateData::kRoot);
  std::string out = "prefix\n";  // Render appends; what was there stays
  ASSERT_OK(compiled->Render(data, &out));
  EXPECT_EQ(out, "prefix\n" + expected) << "template: " << ::testing::PrintToString(text);
}

TEST(AppendHtmlEscapedTest, MatchesKainjowOnEveryByte) {
  std::string all;
  for (int c = 0; c < 256; ++c) all += static_cast<char>(c);
  for (const std::string& text : {std::string(), all, std::string("a&b<c>d\"e'f"),
                                  std::string("&&&"), std::string("plain text, no entity")}) {
    std::string out = "x";
    AppendHtmlEscaped(text, &out);
    EXPECT_EQ(out, std::string("x").append(mustache::html_escape<std::string>(text)));
  }
}

TEST(CompiledTemplateTest, MatchesKainjowOnHandPickedCases) {
  Value root;
  root.With("name", Value::Str("Ann & <Bob> \"q\" 'a'"))
      .With("empty", Value::Str(""))
      .With("spaces", Value::Str("  \t"))
      .With("yes", Value::Bool(true))
      .With("no", Value::Bool(false))
      .With("none", Value::List({}))
      .With("words", Value::List({Value::Str("one"), Value::Str("two")}))
      .With("name", Value::Str("replaced"));  // a key set twice: the last value wins
  Value item1, item2, inner;
  inner.With("deep", Value::Str("D"));
  item1.With("x", Value::Str("1")).With("flag", Value::Bool(true)).With("inner", inner);
  item2.With("x", Value::Str("2")).With("flag", Value::Bool(false));
  root.With("items", Value::List({item1, item2})).With("obj", inner);

  const char* templates[] = {
      "",
      "plain",
      "{{name}}|{{{name}}}|{{&name}}|{{ name }}|{{{ name }}}|{{missing}}|{{yes}}|{{words}}",
      "{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{^no}}notN{{/no}}{{^yes}}notY{{/yes}}",
      "{{#empty}}empty string is truthy{{/empty}}{{#none}}x{{/none}}{{^none}}no items{{/none}}",
      "{{#missing}}m{{/missing}}{{^missing}}not there{{/missing}}",
      "{{#items}}[{{x}}{{#flag}}!{{/flag}}{{name}}]{{/items}}",
      "{{#words}}<{{.}}>{{/words}}{{#yes}}{{.}}{{/yes}}",
      "{{obj.deep}}|{{items.x}}|{{#items}}{{inner.deep}}{{/items}}|{{a..b}}|{{obj.}}|{{.x}}",
      "{{#obj}}{{deep}}{{name}}{{/obj}}",
      "a\n  {{#yes}}\n  in\n  {{/yes}}\nb\n",
      "a\n  {{#no}}\n  in\n  {{/no}}\nb\n",
      "a\n  {{^no}}\n  in\n  {{/no}}\nb\n",
      "  {{#items}}\n    <li>{{x}}</li>\n  {{/items}}\n",
      "\t{{#yes}}\t\r\nline\r\n{{/yes}}\r\nend",
      "x\r{{#yes}}\ry\r{{/yes}}\r",
      "  {{! a comment }}\n  {{#yes}}{{spaces}}{{/yes}}\n{{#yes}}{{empty}}{{/yes}}  \n",
      "{{#yes}} {{/yes}}",
      "{{#yes}}\n{{/yes}}",
      "{{=<% %>=}}<% name %> {{name}} <%={{ }}=%>{{name}}",
      "{{=| |=}}|#items||x||/items|",
      "{{#items}}{{#inner}}{{x}}{{deep}}{{/inner}}{{/items}}",
      "{{> part}}|{{#items}}{{> part}}{{/items}}|{{> unknown}}",
      "{{{unclosed}}",
      "{{#a}}",
      "{{/a}}",
      "{{#a}}{{/b}}",
      "{{#a}}{{#b}}{{/a}}{{/b}}",
      "text {{name",
      "{{=<%>=}}",
      "{{= a b c =}}{{name}}",
      "{{}}{{ }}",
      "ends with {{",
      "{{{",
  };
  const std::map<std::string, std::string> partials = {{"part", "({{x}}{{name}})\n"}};
  for (const char* text : templates) ExpectSame(text, root, partials);
}

// Random templates over a small alphabet of tags, text and whitespace, against random data:
// the whitespace rules and the lookup through the context stack are where engines differ.
TEST(CompiledTemplateTest, MatchesKainjowOnRandomTemplates) {
  std::mt19937 random(20261124);
  const std::vector<std::string> names = {"a", "b", "c", "a.b", "."};
  auto pick = [&](size_t n) { return static_cast<size_t>(random() % n); };
  std::function<Value(int)> random_value = [&](int depth) -> Value {
    switch (pick(depth > 2 ? 3 : 5)) {
      case 0:
        return Value::Str(std::vector<std::string>{"", " ", "x<&>", "\t ", "line\n"}[pick(5)]);
      case 1:
        return Value::Bool(pick(2) == 0);
      case 2:
        return Value::Str("v");
      case 3: {
        std::vector<Value> items;
        const size_t n = pick(3);
        for (size_t i = 0; i < n; ++i) items.push_back(random_value(depth + 1));
        for (Value& item : items) {
          if (item.kind == Value::kBool || item.kind == Value::kList) item = Value::Str("i");
        }
        return Value::List(std::move(items));
      }
      default: {
        Value object;
        for (const char* key : {"a", "b", "c"}) {
          if (pick(2) == 0) object.With(key, random_value(depth + 1));
        }
        return object;
      }
    }
  };
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    std::vector<std::string> open;
    const size_t pieces = 1 + pick(14);
    for (size_t i = 0; i < pieces; ++i) {
      switch (pick(9)) {
        case 0:
          text += std::vector<std::string>{"x", "  ", "\t", "<p>"}[pick(4)];
          break;
        case 1:
          text += std::vector<std::string>{"\n", "\r\n", "\r"}[pick(3)];
          break;
        case 2:
          text += "{{" + names[pick(names.size())] + "}}";
          break;
        case 3:
          text += "{{{" + names[pick(names.size())] + "}}}";
          break;
        case 4:
        case 5: {
          const std::string name = names[pick(names.size() - 1)];
          text += std::string("{{") + (pick(2) ? "#" : "^") + name + "}}";
          open.push_back(name);
          break;
        }
        case 6:
        case 7:
          if (!open.empty()) {
            text += "{{/" + open.back() + "}}";
            open.pop_back();
          }
          break;
        default:
          text += "{{! note }}";
          break;
      }
    }
    // Mostly well-formed: close what is open, but now and then leave a section open.
    if (pick(10) != 0) {
      while (!open.empty()) {
        text += "{{/" + open.back() + "}}" + (pick(2) ? "\n" : "");
        open.pop_back();
      }
    }
    Value root = random_value(0);
    if (root.kind != Value::kObject) root = Value().With("a", root);
    ExpectSame(text, root);
    if (::testing::Test::HasFailure()) break;  // one counterexample is enough to read
  }
}

// Every report template, with data made from the names it uses: strings, booleans, empty and
// full lists in random turns, so that every section is both shown and skipped.
TEST(CompiledTemplateTest, MatchesKainjowOnTheReportTemplates) {
  const std::string dir = PARALLAX_SOURCE_DIR "/reports/templates";
  std::map<std::string, std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".mustache") continue;
    auto text = ReadFile(entry.path().string());
    ASSERT_OK(text);
    files[entry.path().stem().string()] = *text;
  }
  ASSERT_GE(files.size(), 5u);
  std::mt19937 random(7);
  for (const auto& [name, text] : files) {
    std::set<std::string> sections, variables;
    const std::regex tag(R"(\{\{([#^]?)\s*([A-Za-z_][A-Za-z_0-9]*)\s*\}\}\}?)");
    for (std::sregex_iterator it(text.begin(), text.end(), tag), end; it != end; ++it) {
      ((*it)[1].length() > 0 ? sections : variables).insert((*it)[2]);
    }
    std::function<Value(int)> make = [&](int depth) {
      Value object;
      for (const std::string& v : variables) {
        if (random() % 4 == 0) continue;  // missing: looked up further out
        object.With(v, Value::Str(std::vector<std::string>{"", " ", "<b>&'\"", "t\nu",
                                                           "caf\xC3\xA9"}[random() % 5]));
      }
      for (const std::string& s : sections) {
        switch (random() % (depth >= 2 ? 3 : 4)) {
          case 0:
            break;
          case 1:
          case 2:
            object.With(s, Value::Bool(random() % 2 == 0));
            break;
          default: {
            std::vector<Value> items;
            for (size_t i = random() % 3; i > 0; --i) items.push_back(make(depth + 1));
            object.With(s, Value::List(std::move(items)));
          }
        }
      }
      return object;
    };
    std::map<std::string, std::string> partials = files;
    partials.erase(name);
    for (int round = 0; round < 40; ++round) {
      ExpectSame(text, make(0), partials);
      if (::testing::Test::HasFailure()) return;
    }
  }
}

TEST(CompiledTemplateTest, SelfIncludingPartialStopsAtTheDepthLimit) {
  auto compiled = CompiledTemplate::Compile("t", "[{{> loop}}]", {{"loop", "x{{> loop}}"}});
  ASSERT_OK(compiled);
  std::string out;
  const Status status = compiled->Render(TemplateData(), &out);
  EXPECT_EQ(status.code(), Status::Code::kInvalidInput);
  EXPECT_NE(status.message().find("nest deeper"), std::string::npos);
}

TEST(CompiledTemplateTest, RecursivePartialRendersATree) {
  // {{> node}} inside node: a tree of any depth, each level from the data.
  auto compiled = CompiledTemplate::Compile("t", "{{#kids}}{{> node}}{{/kids}}",
                                            {{"node", "({{n}}{{#kids}}{{> node}}{{/kids}})"}});
  ASSERT_OK(compiled);
  TemplateData data;
  const TemplateData::Ref kids = data.SetList(TemplateData::kRoot, "kids");
  const TemplateData::Ref a = data.AddObject(kids);
  data.Set(a, "n", "a");
  const TemplateData::Ref b = data.AddObject(data.SetList(a, "kids"));
  data.Set(b, "n", "b");
  data.SetList(b, "kids");  // else {{#kids}} would find a's kids further out, for ever
  std::string out;
  ASSERT_OK(compiled->Render(data, &out));
  EXPECT_EQ(out, "(a(b))");
}

TEST(CompiledTemplateTest, BrokenPartialIsNamed) {
  auto compiled = CompiledTemplate::Compile("t", "{{> row}}", {{"row", "{{#x}}"}});
  ASSERT_FALSE(compiled.ok());
  EXPECT_EQ(compiled.status().code(), Status::Code::kInvalidInput);
  EXPECT_NE(compiled.status().message().find("partial 'row'"), std::string::npos);
}

TEST(TemplateDataTest, ClearKeepsAnEmptyRoot) {
  TemplateData data;
  data.Set(TemplateData::kRoot, "k", "v");
  EXPECT_GE(data.Find(TemplateData::kRoot, "k"), 0);
  data.Clear();
  EXPECT_EQ(data.Find(TemplateData::kRoot, "k"), -1);
  auto compiled = CompiledTemplate::Compile("t", "[{{k}}]");
  ASSERT_OK(compiled);
  std::string out;
  ASSERT_OK(compiled->Render(data, &out));
  EXPECT_EQ(out, "[]");
}

TEST(TemplateDataTest, SettersIgnoreValuesOfTheWrongKind) {
  TemplateData data;
  const TemplateData::Ref list = data.SetList(TemplateData::kRoot, "l");
  data.Set(list, "k", "v");  // a list has no keys
  EXPECT_EQ(data.Find(list, "k"), -1);
  EXPECT_EQ(data.AddObject(TemplateData::kRoot), -1);  // an object has no items
  EXPECT_EQ(data.SetList(list, "x"), -1);
}

}  // namespace
}  // namespace parallax
