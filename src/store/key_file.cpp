#include "store/key_file.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace gapfill::store {
namespace {

std::unexpected<Error> key_file_error(const std::string& path, const std::string& problem) {
  return fail(ErrorCode::kInternal, "data key file " + path + ": " + problem);
}

std::string render(const FieldCipher& cipher) {
  std::string out =
      "# Gapfill data keys: they open the personal data in the database.\n"
      "# Back this file up, apart from the database. The highest id is the current key.\n";
  for (const auto& [id, key] : cipher.keys()) {
    char encoded[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_ORIGINAL)];
    sodium_bin2base64(encoded, sizeof encoded, key.data(), key.size(),
                      sodium_base64_VARIANT_ORIGINAL);
    out += std::to_string(id) + " " + encoded + "\n";
  }
  return out;
}

// Writes `text` to a new file at `path` (mode 0600) and syncs it.
Status write_new(const std::string& path, const std::string& text) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return key_file_error(path, std::strerror(errno));
  std::size_t written = 0;
  while (written < text.size()) {
    const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const std::string problem = std::strerror(errno);
      ::close(fd);
      ::unlink(path.c_str());
      return key_file_error(path, problem);
    }
    written += static_cast<std::size_t>(n);
  }
  if (::fchmod(fd, 0600) != 0 || ::fsync(fd) != 0) {
    const std::string problem = std::strerror(errno);
    ::close(fd);
    ::unlink(path.c_str());
    return key_file_error(path, problem);
  }
  ::close(fd);
  return {};
}

void sync_folder(const std::string& path) {
  auto folder = std::filesystem::path(path).parent_path();
  if (folder.empty()) folder = ".";
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  (void)::fsync(fd);
  ::close(fd);
}

std::string temporary_name(const std::string& path) {
  return path + ".tmp-" + std::to_string(::getpid());
}

}  // namespace

Result<std::optional<FieldCipher>> read_key_file(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    if (errno == ENOENT) return std::optional<FieldCipher>();
    return key_file_error(path, std::strerror(errno));
  }
  if ((info.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
    return key_file_error(path,
                          "is readable or writable by group or others; make it private with "
                          "chmod 600 " +
                              path);
  }
  std::ifstream in(path);
  if (!in) return key_file_error(path, "cannot be read");
  std::map<KeyId, DataKey> keys;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    long long id = 0;
    std::string encoded;
    std::string extra;
    DataKey key{};
    std::size_t length = 0;
    if (!(fields >> id >> encoded) || (fields >> extra) || id < 1 || id > 0xFFFFFFFFLL ||
        sodium_base642bin(key.data(), key.size(), encoded.data(), encoded.size(), nullptr, &length,
                          nullptr, sodium_base64_VARIANT_ORIGINAL) != 0 ||
        length != key.size() || keys.contains(static_cast<KeyId>(id))) {
      return key_file_error(path, "line " + std::to_string(number) +
                                      " is not \"<id> <base64 of 32 bytes>\" with a new id");
    }
    keys.emplace(static_cast<KeyId>(id), key);
  }
  if (keys.empty()) return key_file_error(path, "holds no key");
  const KeyId current = keys.rbegin()->first;
  return std::optional<FieldCipher>(TRY(FieldCipher::create(std::move(keys), current)));
}

Status create_key_file(const std::string& path, const FieldCipher& cipher) {
  // Written aside, then linked into place: link fails when the name exists,
  // so a second process never replaces a key another one already uses.
  const std::string temporary = temporary_name(path);
  ::unlink(temporary.c_str());
  TRY_STATUS(write_new(temporary, render(cipher)));
  const int linked = ::link(temporary.c_str(), path.c_str());
  const int link_errno = errno;
  ::unlink(temporary.c_str());
  if (linked != 0) return key_file_error(path, std::strerror(link_errno));
  sync_folder(path);
  return {};
}

Status replace_key_file(const std::string& path, const FieldCipher& cipher) {
  const std::string temporary = temporary_name(path);
  ::unlink(temporary.c_str());
  TRY_STATUS(write_new(temporary, render(cipher)));
  if (::rename(temporary.c_str(), path.c_str()) != 0) {
    const std::string problem = std::strerror(errno);
    ::unlink(temporary.c_str());
    return key_file_error(path, problem);
  }
  sync_folder(path);
  return {};
}

}  // namespace gapfill::store
