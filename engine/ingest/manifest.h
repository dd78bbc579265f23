// Corpus manifest: a YAML file listing the articles of a corpus with what is known about each.
//
//   title: Munir's visit to Beijing            # optional: a name for the corpus
//   articles:
//     - id: firstpost-munir                    # required, unique in the manifest
//       source: Firstpost                      # required: the outlet ("outlet" is a synonym)
//       path: articles/firstpost.txt           # required: relative to the manifest's folder
//       author: Jane Doe                       # optional
//       date: 2025-07-28                       # optional, YYYY-MM-DD
//       url: https://…                         # optional
//       title: …                               # optional
//       tags: [columnist, Indian media]        # optional free labels
//       format: txt                            # optional: txt, html or json; default: by extension
// Values given here win over what the file itself says (an HTML page's meta author, say).
// Errors name the manifest with line and column: unknown keys, missing keys, bad dates,
// duplicate ids (with the line of the first).
#ifndef PARALLAX_ENGINE_INGEST_MANIFEST_H_
#define PARALLAX_ENGINE_INGEST_MANIFEST_H_

#include <string>
#include <string_view>
#include <vector>

#include "engine/base/status.h"

namespace parallax {

struct ManifestEntry {
  std::string id;
  std::string source;
  std::string path;  // resolved against the manifest's folder
  std::string author;
  std::string date;
  std::string url;
  std::string title;
  std::vector<std::string> tags;
  std::string format;  // "", "txt", "html" or "json"
  std::string where;   // "manifest.yaml:7:5", for messages about this entry
};

struct Manifest {
  std::string folder;  // the manifest's folder, against which article paths were resolved
  std::string title;
  std::vector<ManifestEntry> articles;
};

// Reads and checks the manifest file at `path`.
StatusOr<Manifest> LoadManifest(const std::string& path);

// Checks a manifest already in memory; `path` names it in messages and article paths are
// resolved against its folder. LoadManifest is ReadFile + ParseManifest.
StatusOr<Manifest> ParseManifest(std::string_view yaml, const std::string& path);

// Returns true iff `date` is a valid YYYY-MM-DD date.
bool IsIsoDate(const std::string& date);

}  // namespace parallax

#endif  // PARALLAX_ENGINE_INGEST_MANIFEST_H_
