#include "engine/ingest/article_reader.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <map>
#include <unordered_map>

#include "engine/base/file_io.h"
#include "engine/base/parallel_for.h"
#include "engine/base/visible_text.h"
#include "engine/html/html_article.h"
#include "engine/ingest/gzip_file.h"
#include "engine/ingest/manifest.h"
#include "engine/ingest/news_json.h"
#include "engine/ingest/page_charset.h"
#include "engine/ingest/text_check.h"

namespace parallax {
namespace {

namespace fs = std::filesystem;

std::string Lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

// The name of a file without its format's extension(s): "a.html.gz" → "a".
fs::path StemOf(const fs::path& p) {
  fs::path stem = p.stem();
  if (Lower(p.extension().string()) == ".gz") stem = stem.stem();
  return stem;
}

// Where the inputs lead: each file to read, with its defaults, in a stable order.
struct Listing {
  std::vector<ArticleSource> sources;
  std::vector<Manifest> manifests;  // kept alive for ArticleSource::manifest_entry
  std::string title;
};

Status ListDirectory(const fs::path& root, Listing* listing) {
  std::vector<fs::path> files;
  std::error_code ec;
  // Symbolic links to directories are not followed, so a link loop cannot trap the walk.
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
  if (ec) return Status::IoError(root.string() + ": cannot list directory: " + ec.message());
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) return Status::IoError(root.string() + ": cannot list directory: " + ec.message());
    const fs::path& p = it->path();
    if (p.filename().string().rfind('.', 0) == 0) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;  // hidden files and folders
    }
    if (!it->is_regular_file(ec)) continue;
    std::string fmt = FormatOfPath(p.string());
    if (fmt == "txt" || fmt == "html" || fmt == "json" || fmt == "jsonl") files.push_back(p);
  }
  if (files.empty()) {
    return Status::InvalidInput(root.string() +
                                ": directory holds no articles (.txt, .html, .htm, .json, .jsonl)");
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& p : files) {
    ArticleSource src;
    src.path = p.string();
    src.format = FormatOfPath(src.path);
    fs::path rel = p.lexically_relative(root);
    src.default_id = rel.parent_path() / StemOf(rel);
    fs::path parent = rel.parent_path();
    src.default_source = parent.empty() ? src.default_id : parent.filename().string();
    listing->sources.push_back(std::move(src));
  }
  return Status::Ok();
}

Status ListInput(const std::string& input, Listing* listing) {
  std::error_code ec;
  fs::file_status st = fs::status(input, ec);
  // A symbolic link loop (ELOOP) or an unreadable folder is named as such, not as missing.
  if (ec && ec != std::errc::no_such_file_or_directory)
    return Status::IoError(input + ": " + ec.message());
  if (ec || !fs::exists(st)) return Status::NotFound(input + ": no such file or directory");
  if (fs::is_directory(st)) return ListDirectory(input, listing);
  std::string fmt = FormatOfPath(input);
  if (fmt == "yaml") {
    PARALLAX_ASSIGN_OR_RETURN(Manifest manifest, LoadManifest(input));
    if (listing->title.empty()) listing->title = manifest.title;
    listing->manifests.push_back(std::move(manifest));
    return Status::Ok();  // sources are made from manifests once listing is complete
  }
  if (fmt.empty()) {
    return Status::InvalidInput(
        input +
        ": unknown kind of file (expected .yaml manifest, .txt, .html, .htm, "
        ".json or .jsonl; .txt, .html and .json may be gzip-compressed: .html.gz)");
  }
  ArticleSource src;
  src.path = input;
  src.format = fmt;
  src.default_id = StemOf(fs::path(input)).string();
  src.default_source = src.default_id;
  listing->sources.push_back(std::move(src));
  return Status::Ok();
}

// Returns Ok iff the article `e` names lies inside the manifest's folder once `..` and
// symbolic links are resolved (see ReadOptions::allow_outside_paths).
Status CheckInsideManifestFolder(const ManifestEntry& e, const std::string& folder) {
  auto inside = [](const fs::path& root, const fs::path& file) {
    const fs::path rel = file.lexically_relative(root);
    return !rel.empty() && *rel.begin() != ".." && !rel.is_absolute();
  };
  std::error_code ec;
  const fs::path root = fs::absolute(folder, ec).lexically_normal();
  const fs::path file = fs::absolute(e.path, ec).lexically_normal();
  bool ok = inside(root, file);
  if (ok) {
    // Then with links resolved. A path that cannot be resolved (a link loop) cannot be opened
    // either; reading it gives the error that names the cause.
    std::error_code root_ec, file_ec;
    const fs::path real_root = fs::weakly_canonical(root, root_ec);
    const fs::path real_file = fs::weakly_canonical(file, file_ec);
    if (!root_ec && !file_ec) ok = inside(real_root, real_file);
  }
  if (ok) return Status::Ok();
  return Status::InvalidInput(e.where + ": " + e.path + ": is outside the manifest's folder (" +
                              folder +
                              "); a manifest may only name files below its folder, so that one "
                              "from someone else cannot publish any file you can read. Pass "
                              "--allow-outside-paths if you trust it");
}

// Shows invisible and direction-changing characters of a name (visible_text.h), with a
// warning, so that two sources that differ only by them never look the same.
void MakeNameVisible(const char* what, std::string* name, Article* a) {
  size_t shown = 0;
  std::string visible = VisibleName(*name, &shown);
  if (shown == 0) return;
  *name = std::move(visible);
  a->warnings.push_back(a->origin + ": " + what + " '" + *name + "' holds " +
                        std::to_string(shown) +
                        " invisible, direction-changing or stacked character" +
                        (shown == 1 ? "" : "s") + ", shown as <U+XXXX>");
}

void ApplyManifest(const ManifestEntry& e, Article* a) {
  a->id = e.id;
  a->source = e.source;
  if (!e.author.empty()) a->author = e.author;
  if (!e.date.empty()) a->date = e.date;
  if (!e.url.empty()) a->url = e.url;
  if (!e.title.empty()) a->title = e.title;
  if (!e.tags.empty()) a->tags = e.tags;
}

}  // namespace

std::string FormatOfPath(const std::string& path) {
  std::string ext = Lower(fs::path(path).extension().string());
  if (ext == ".gz") {
    // A compressed article: the format is the inner extension's (JSONL and manifests are read
    // whole by other paths and are not decompressed).
    std::string inner = FormatOfPath(fs::path(path).stem().string());
    return inner == "txt" || inner == "html" || inner == "json" ? inner : "";
  }
  if (ext == ".txt" || ext == ".text") return "txt";
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return "html";
  if (ext == ".json") return "json";
  if (ext == ".jsonl" || ext == ".ndjson") return "jsonl";
  if (ext == ".yaml" || ext == ".yml") return "yaml";
  return "";
}

Status ArticleReader::FinishArticle(Article* article, size_t body_start,
                                    std::vector<Paragraph> candidates) const {
  if (article->text.size() > options_.max_article_bytes) {
    char size[64];
    std::snprintf(size, sizeof(size), "%.1f MB, more than the %.1f MB",
                  article->text.size() / 1048576.0, options_.max_article_bytes / 1048576.0);
    return Status::InvalidInput(
        article->origin + ": article text is " + size +
        " one article may hold (news articles are well under 1 MB); split the "
        "file into articles");
  }
  if (candidates.empty()) candidates = SplitIntoLines(article->text, body_start);
  FilterBoilerplate(rules_, candidates, article);
  if (article->paragraphs.empty()) {
    return Status::InvalidInput(article->origin + ": article has no text" +
                                (candidates.empty() ? "" : " once page boilerplate is removed"));
  }
  return Status::Ok();
}

StatusOr<Article> ArticleReader::FromText(std::string text, const std::string& id,
                                          const std::string& name) const {
  Article a;
  a.id = id;
  a.source = id;
  a.origin = name;
  a.format = "txt";
  a.extractor = "file text";
  PARALLAX_RETURN_IF_ERROR(CheckAndRepairText(name, &text, &a.warnings));
  a.text = std::move(text);
  PARALLAX_RETURN_IF_ERROR(FinishArticle(&a, Utf8BomLength(a.text), {}));
  return a;
}

StatusOr<std::vector<Article>> ArticleReader::ReadFile(const std::string& path,
                                                       const std::string& format) const {
  PARALLAX_ASSIGN_OR_RETURN(std::string bytes, ::parallax::ReadFile(path));
  const bool gzip = Lower(fs::path(path).extension().string()) == ".gz";
  if (gzip) {
    PARALLAX_ASSIGN_OR_RETURN(bytes, Gunzip(bytes, path, kMaxInputFileBytes));
  }
  std::vector<std::string> warnings;
  std::string charset = "utf-8";
  if (format == "html") {
    DecodedPage page = DecodePage(bytes);
    if (page.converted) {
      bytes = std::move(page.text);
      charset = page.charset;
      warnings.push_back(path + ": read as " + page.charset + " by its " +
                         CharsetSourceName(page.source) +
                         "; byte offsets refer to the UTF-8 text read");
    } else if (page.declaration_ignored) {
      warnings.push_back(path + ": the page declares charset '" + page.declared + "' (" +
                         CharsetSourceName(page.declared_by) +
                         ") but its bytes are valid UTF-8; it was read as UTF-8");
    }
    if (!page.warning.empty()) warnings.push_back(path + ": " + page.warning);
  }
  PARALLAX_RETURN_IF_ERROR(CheckAndRepairText(path, &bytes, &warnings));
  std::vector<Article> out;
  if (format == "txt") {
    // Id and source come from the caller (ReadInto's defaults or a manifest).
    PARALLAX_ASSIGN_OR_RETURN(Article a, FromText(std::move(bytes), "", path));
    a.warnings.insert(a.warnings.begin(), warnings.begin(), warnings.end());
    out.push_back(std::move(a));
  } else if (format == "html") {
    PARALLAX_ASSIGN_OR_RETURN(HtmlArticle page, ExtractHtmlArticle(bytes, path));
    Article a;
    a.origin = path;
    a.format = "html";
    a.text = std::move(page.text);
    a.title = page.title;
    a.author = page.author;
    a.date = IsIsoDate(page.date.substr(0, 10)) ? page.date.substr(0, 10) : "";
    a.url = page.url;
    a.source = page.site_name;
    a.charset = charset;
    a.extractor = std::string(kHtmlExtractorName) + " " + PARALLAX_VERSION;
    a.warnings = warnings;
    for (const std::string& w : page.warnings) a.warnings.push_back(path + ": " + w);
    PARALLAX_RETURN_IF_ERROR(FinishArticle(&a, 0, std::move(page.paragraphs)));
    out.push_back(std::move(a));
  } else if (format == "json") {
    PARALLAX_ASSIGN_OR_RETURN(NewsJsonRecord rec, ParseNewsJson(bytes, path));
    std::vector<std::string> text_warnings;
    PARALLAX_RETURN_IF_ERROR(CheckAndRepairText(path, &rec.article.text, &text_warnings));
    rec.article.warnings.insert(rec.article.warnings.end(), text_warnings.begin(),
                                text_warnings.end());
    PARALLAX_RETURN_IF_ERROR(FinishArticle(&rec.article, 0, {}));
    rec.article.extractor = "news-crawler maintext";
    out.push_back(std::move(rec.article));
  } else if (format == "jsonl") {
    return Status::Internal("JSONL files are read through ReadAll");
  } else {
    return Status::InvalidInput(path + ": unknown format '" + format +
                                "' (expected txt, html or json)");
  }
  for (Article& a : out) a.gzip = gzip;
  return out;
}

// A unit of ReadAll's work. Items are listed in input order, so merging their results in item
// order gives what reading the inputs one after another gives.
struct ArticleReader::WorkItem {
  const ArticleSource* src = nullptr;
  // JSONL only: the line and its 1-based number (the line points into JsonlFile::bytes).
  size_t line_no = 0;
  std::string_view line;
  // A JSONL file that could not be read fails the whole read with this, batch mode or not.
  Status file_error;
};

struct ArticleReader::WorkResult {
  Status status;  // an unreadable article: skipped in batch mode, else fails the read
  Status fatal;   // fails the read in any mode
  std::vector<Article> articles;
  std::vector<std::string> stories;
};

void ArticleReader::ReadWorkItem(const WorkItem& item, WorkResult* result) const {
  const ArticleSource& src = *item.src;
  auto finish = [&](Article a, const std::string& story) {
    if (a.id.empty()) a.id = src.default_id;
    if (a.source.empty()) a.source = src.default_source;
    if (src.manifest_entry != nullptr) ApplyManifest(*src.manifest_entry, &a);
    MakeNameVisible("source name", &a.source, &a);
    MakeNameVisible("id", &a.id, &a);
    result->articles.push_back(std::move(a));
    result->stories.push_back(story);
  };
  if (!item.file_error.ok()) {
    result->fatal = item.file_error;
    return;
  }
  if (src.format != "jsonl") {
    StatusOr<std::vector<Article>> articles = ReadFile(src.path, src.format);
    if (!articles.ok()) {
      Status s = articles.status();
      if (src.manifest_entry != nullptr) s = s.WithContext(src.manifest_entry->where);
      result->status = s;
      return;
    }
    for (Article& a : *articles) finish(std::move(a), "");
    return;
  }
  std::string where = src.path + ":" + std::to_string(item.line_no);
  StatusOr<NewsJsonRecord> rec = ParseNewsJson(item.line, where);
  if (!rec.ok()) {
    result->status = rec.status();
    return;
  }
  Article& a = rec->article;
  a.extractor = "news-crawler maintext";
  if (a.id.empty()) a.id = src.default_id + "-" + std::to_string(item.line_no);
  Status s = FinishArticle(&a, 0, {});
  if (!s.ok()) {
    result->status = s;
    return;
  }
  finish(std::move(a), rec->story);
}

StatusOr<ReadResult> ArticleReader::ReadAll(const std::vector<std::string>& inputs) const {
  if (inputs.empty())
    return Status::InvalidInput("no input given: name a manifest, article files or a directory");
  Listing listing;
  for (const std::string& input : inputs) PARALLAX_RETURN_IF_ERROR(ListInput(input, &listing));
  for (const Manifest& m : listing.manifests) {
    for (const ManifestEntry& e : m.articles) {
      ArticleSource src;
      src.path = e.path;
      src.format = e.format.empty() ? FormatOfPath(e.path) : e.format;
      if (src.format.empty() || src.format == "yaml" || src.format == "jsonl") {
        return Status::InvalidInput(
            e.where + ": " + e.path +
            ": an article of a manifest must be a .txt, .html or .json file "
            "(or say its format: txt, html, json)");
      }
      if (!options_.allow_outside_paths) {
        PARALLAX_RETURN_IF_ERROR(CheckInsideManifestFolder(e, m.folder));
      }
      src.default_id = e.id;
      src.default_source = e.source;
      src.manifest_entry = &e;
      listing.sources.push_back(std::move(src));
    }
  }
  ReadResult result;
  result.title = listing.title;
  const int threads = std::max(1, options_.threads);

  // JSONL files are read and checked first (on the workers too), so that their lines can be
  // handed out one by one: a single 1,000-article file then keeps every worker busy.
  struct JsonlFile {
    std::string bytes;
    std::vector<std::pair<size_t, std::string_view>> lines;
    Status error;
  };
  std::vector<const ArticleSource*> jsonl_sources;
  for (const ArticleSource& src : listing.sources) {
    if (src.format == "jsonl") jsonl_sources.push_back(&src);
  }
  std::vector<JsonlFile> jsonl_files(jsonl_sources.size());
  ParallelFor(jsonl_sources.size(), threads, [&](size_t i) {
    const std::string& path = jsonl_sources[i]->path;
    JsonlFile& file = jsonl_files[i];
    StatusOr<std::string> bytes = ::parallax::ReadFile(path);
    if (!bytes.ok()) {
      file.error = bytes.status();
      return;
    }
    file.bytes = std::move(*bytes);
    // The file's repair warnings (invalid UTF-8 replaced by '?') are not passed on: they name
    // offsets in the file, not in any article's text.
    std::vector<std::string> warnings;
    file.error = CheckAndRepairText(path, &file.bytes, &warnings);
    if (!file.error.ok()) return;
    file.lines = JsonlLines(file.bytes);
    if (file.lines.empty())
      file.error = Status::InvalidInput(path + ": JSONL file holds no articles");
  });

  std::vector<WorkItem> items;
  size_t next_jsonl = 0;
  for (const ArticleSource& src : listing.sources) {
    if (src.format != "jsonl") {
      items.push_back({&src, 0, {}, Status::Ok()});
      continue;
    }
    const JsonlFile& file = jsonl_files[next_jsonl++];
    if (!file.error.ok()) {
      items.push_back({&src, 0, {}, file.error});
      continue;
    }
    for (const auto& [line_no, line] : file.lines)
      items.push_back({&src, line_no, line, Status::Ok()});
  }

  // Once an item fails the read, items after it need not be read: the first failure in input
  // order is the one reported, whichever worker finds it first.
  std::vector<WorkResult> results(items.size());
  std::atomic<size_t> first_failure{items.size()};
  ParallelFor(items.size(), threads, [&](size_t i) {
    if (i > first_failure.load(std::memory_order_relaxed)) return;
    ReadWorkItem(items[i], &results[i]);
    bool fails_read =
        !results[i].fatal.ok() || (!results[i].status.ok() && !options_.skip_bad_articles);
    if (!fails_read) return;
    size_t seen = first_failure.load(std::memory_order_relaxed);
    while (i < seen && !first_failure.compare_exchange_weak(seen, i)) {
    }
  });

  // Items after the first failure were not read, but the loop returns before reaching them.
  // A duplicate id fails the read, or in batch mode skips the later article: crawls often hold
  // the same page twice, and one such page must not cost the whole batch.
  std::unordered_map<std::string, std::string> ids;  // id -> origin of its first article
  for (WorkResult& r : results) {
    PARALLAX_RETURN_IF_ERROR(r.fatal);
    if (!r.status.ok()) {
      if (!options_.skip_bad_articles) return r.status;
      result.skipped.push_back(r.status.message());
      continue;
    }
    for (size_t k = 0; k < r.articles.size(); ++k) {
      Article& a = r.articles[k];
      auto [it, inserted] = ids.emplace(a.id, a.origin);
      if (!inserted) {
        if (!options_.skip_bad_articles) {
          return Status::InvalidInput("duplicate article id '" + a.id + "' (" + it->second +
                                      " and " + a.origin + "); give each article its own id");
        }
        result.skipped.push_back(a.origin + ": duplicate article id '" + a.id + "' (first in " +
                                 it->second + ")");
        continue;
      }
      result.articles.push_back(std::move(a));
      result.stories.push_back(std::move(r.stories[k]));
    }
  }
  if (result.articles.empty()) {
    return Status::InvalidInput("no article could be read from the inputs (" +
                                std::to_string(result.skipped.size()) + " skipped)");
  }
  return result;
}

}  // namespace parallax
