#include "engine/ingest/gzip_file.h"

#include <zlib.h>

#include <climits>
#include <cstdio>

namespace parallax {

bool IsGzip(std::string_view bytes) { return bytes.substr(0, 2) == "\x1F\x8B"; }

StatusOr<std::string> Gunzip(std::string_view bytes, const std::string& file, size_t max_bytes) {
  auto damaged = [&](const char* why) {
    return Status::InvalidInput(file + ": not a valid gzip file (" + why + ")");
  };
  if (!IsGzip(bytes)) return damaged("no gzip header");
  if (bytes.size() > UINT_MAX) return damaged("larger than 4 GB");
  z_stream zs{};
  // 16 + MAX_WBITS: a gzip header and trailer, not a raw zlib stream.
  if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) return Status::Internal("zlib: inflateInit2");
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  zs.avail_in = static_cast<uInt>(bytes.size());
  std::string out;
  char buf[64 * 1024];
  Status status = Status::Ok();
  while (true) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    int rc = inflate(&zs, Z_NO_FLUSH);
    size_t produced = sizeof buf - zs.avail_out;
    if (out.size() + produced > max_bytes) {
      char limit[32];
      std::snprintf(limit, sizeof limit, "%.1f MB", static_cast<double>(max_bytes) / (1u << 20));
      status = Status::InvalidInput(file + ": decompresses to more than " + limit +
                                    ", more than a page may be");
      break;
    }
    out.append(buf, produced);
    if (rc == Z_STREAM_END) {
      if (zs.avail_in == 0) break;
      if (!IsGzip(std::string_view(reinterpret_cast<const char*>(zs.next_in), zs.avail_in))) {
        break;  // trailing bytes after the last member (padding): ignored, as gzip does
      }
      inflateReset(&zs);  // the next member of a concatenated stream
      continue;
    }
    if (rc == Z_OK) continue;
    if (rc == Z_BUF_ERROR && zs.avail_in == 0) {
      status = damaged("truncated");
    } else {
      status = damaged(zs.msg != nullptr ? zs.msg : "corrupt data");
    }
    break;
  }
  inflateEnd(&zs);
  if (!status.ok()) return status;
  return out;
}

}  // namespace parallax
