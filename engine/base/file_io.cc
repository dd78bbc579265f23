#include "engine/base/file_io.h"

#include <fcntl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <utility>

namespace parallax {
namespace {

Status ErrnoStatus(const std::string& path, const char* what) {
  int err = errno;
  std::string msg = path + ": cannot " + what + ": " + std::strerror(err);
  if (err == ENOENT) return Status::NotFound(msg);
  return Status::IoError(msg);
}

// 64 unpredictable bits as 16 hex digits, for temporary names an attacker cannot plant a link
// at in advance. getrandom() reads the kernel's generator; if it is unavailable (an old kernel,
// a seccomp filter) the clock and the address of a stack variable are mixed in instead, which
// is still unknown to another process, and O_EXCL below makes a guessed name harmless anyway.
std::string RandomSuffix() {
  unsigned long long bits = 0;
  if (::getrandom(&bits, sizeof bits, GRND_NONBLOCK) != static_cast<ssize_t>(sizeof bits)) {
    const unsigned long long now = static_cast<unsigned long long>(
        std::chrono::steady_clock::now().time_since_epoch().count());
    bits = now * 0x9E3779B97F4A7C15ULL ^ reinterpret_cast<std::uintptr_t>(&bits);
  }
  char buf[20];
  std::snprintf(buf, sizeof buf, "%016llx", bits);
  return buf;
}

}  // namespace

StatusOr<std::string> ReadFile(const std::string& path) {
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait forever for a writer, before
  // the check below could refuse it. Regular files ignore the flag.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (fd < 0) return ErrnoStatus(path, "open");
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    Status s = ErrnoStatus(path, "stat");
    ::close(fd);
    return s;
  }
  if (S_ISDIR(st.st_mode)) {
    ::close(fd);
    return Status::InvalidInput(path + ": is a directory, not a file");
  }
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);
    const char* kind = S_ISFIFO(st.st_mode)   ? "a FIFO (named pipe)"
                       : S_ISCHR(st.st_mode)  ? "a character device"
                       : S_ISBLK(st.st_mode)  ? "a block device"
                       : S_ISSOCK(st.st_mode) ? "a socket"
                                              : "a special file";
    return Status::InvalidInput(path + ": is not a regular file (it is " + kind +
                                "); save the input to a file first");
  }
  if (static_cast<size_t>(st.st_size) > kMaxInputFileBytes) {
    ::close(fd);
    return Status::InvalidInput(path + ": file is " + std::to_string(st.st_size >> 20) +
                                " MiB, larger than the " +
                                std::to_string(kMaxInputFileBytes >> 20) + " MiB limit");
  }
  std::string data;
  data.resize(static_cast<size_t>(st.st_size));
  size_t done = 0;
  while (done < data.size()) {
    ssize_t n = ::read(fd, data.data() + done, data.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      Status s = ErrnoStatus(path, "read");
      ::close(fd);
      return s;
    }
    if (n == 0) break;  // the file shrank while we read it
    done += static_cast<size_t>(n);
  }
  data.resize(done);
  ::close(fd);
  return data;
}

Status WriteFileAtomically(const std::string& path, std::string_view contents) {
  PARALLAX_ASSIGN_OR_RETURN(AtomicFileWriter writer, AtomicFileWriter::Create(path));
  PARALLAX_RETURN_IF_ERROR(writer.Append(contents));
  return writer.Commit();
}

StatusOr<AtomicFileWriter> AtomicFileWriter::Create(const std::string& path) {
  // O_EXCL: the file must be new, so a link or file planted at the name is never opened (a
  // planted symbolic link, even a dangling one, fails with EEXIST); O_NOFOLLOW says the same
  // for the last component once more. A name that exists is retried with new random bits.
  const std::string prefix = path + ".tmp-" + std::to_string(::getpid()) + "-";
  for (int attempt = 0;; ++attempt) {
    std::string tmp = prefix + RandomSuffix();
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd >= 0) return AtomicFileWriter(path, std::move(tmp), fd);
    if (errno != EEXIST || attempt >= 100) return ErrnoStatus(tmp, "create");
  }
}

Status CheckOutputPaths(const std::vector<NamedPath>& outputs,
                        const std::vector<std::string>& inputs) {
  namespace fs = std::filesystem;
  std::error_code ec;
  for (size_t i = 0; i < outputs.size(); ++i) {
    const NamedPath& out = outputs[i];
    struct stat st;
    if (::stat(out.path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
      const char* kind = S_ISDIR(st.st_mode) ? "a folder" : "not a regular file";
      return Status::InvalidInput(out.option + " " + out.path + ": exists and is " + kind +
                                  "; an output replaces its file, so name a regular file or a "
                                  "new one");
    }
    const fs::path normal = fs::absolute(out.path, ec).lexically_normal();
    for (size_t j = 0; j < i; ++j) {
      const NamedPath& other = outputs[j];
      const bool same = fs::absolute(other.path, ec).lexically_normal() == normal ||
                        fs::equivalent(other.path, out.path, ec);
      if (same) {
        return Status::InvalidInput(other.option + " and " + out.option + " both name " + out.path +
                                    "; give each output its own file");
      }
    }
    for (const std::string& input : inputs) {
      const bool same = fs::absolute(input, ec).lexically_normal() == normal ||
                        fs::equivalent(input, out.path, ec);
      if (same) {
        return Status::InvalidInput(out.option + " " + out.path +
                                    " is also an input; writing it would destroy the input");
      }
    }
  }
  return Status::Ok();
}

AtomicFileWriter::AtomicFileWriter(std::string path, std::string tmp, int fd)
    : path_(std::move(path)), tmp_(std::move(tmp)), fd_(fd) {}

AtomicFileWriter::AtomicFileWriter(AtomicFileWriter&& other) noexcept
    : path_(std::move(other.path_)),
      tmp_(std::move(other.tmp_)),
      fd_(std::exchange(other.fd_, -1)),
      error_(std::move(other.error_)) {}

AtomicFileWriter& AtomicFileWriter::operator=(AtomicFileWriter&& other) noexcept {
  if (this != &other) {
    Discard();
    path_ = std::move(other.path_);
    tmp_ = std::move(other.tmp_);
    fd_ = std::exchange(other.fd_, -1);
    error_ = std::move(other.error_);
  }
  return *this;
}

AtomicFileWriter::~AtomicFileWriter() { Discard(); }

void AtomicFileWriter::Discard() {
  if (fd_ < 0) return;
  ::close(fd_);
  ::unlink(tmp_.c_str());
  fd_ = -1;
}

Status AtomicFileWriter::Append(std::string_view bytes) {
  if (!error_.ok()) return error_;
  if (fd_ < 0) return error_ = Status::Internal(tmp_ + ": written after it was closed");
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd_, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      error_ = ErrnoStatus(tmp_, "write");
      Discard();
      return error_;
    }
    done += static_cast<size_t>(n);
  }
  return Status::Ok();
}

Status AtomicFileWriter::CommitIfChanged() {
  if (!error_.ok() || fd_ < 0) return Commit();
  StatusOr<std::string> old = ReadFile(path_);
  if (!old.ok()) return Commit();
  if (::fsync(fd_) != 0) return Commit();  // Commit reports the failure
  StatusOr<std::string> now = ReadFile(tmp_);
  if (!now.ok() || *now != *old) return Commit();
  ::close(std::exchange(fd_, -1));
  ::unlink(tmp_.c_str());
  return Status::Ok();
}

Status AtomicFileWriter::Commit() {
  if (!error_.ok()) return error_;
  if (fd_ < 0) return Status::Internal(tmp_ + ": committed twice");
  const int fd = std::exchange(fd_, -1);
  const bool synced = ::fsync(fd) == 0;
  if (!synced) error_ = ErrnoStatus(tmp_, "flush");
  if (::close(fd) != 0 && synced) error_ = ErrnoStatus(tmp_, "flush");
  if (!error_.ok()) {
    ::unlink(tmp_.c_str());
    return error_;
  }
  if (::rename(tmp_.c_str(), path_.c_str()) != 0) {
    error_ = ErrnoStatus(path_, "rename into place");
    ::unlink(tmp_.c_str());
    return error_;
  }
  return Status::Ok();
}

}  // namespace parallax
