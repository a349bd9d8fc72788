#include "app/migrate_data.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "app/application.hpp"
#include "store/copy.hpp"
#include "store/database_url.hpp"
#include "store/key_file.hpp"

namespace gapfill::app {
namespace {

// The progress display on stderr: on a terminal, one line per table and
// stage rewritten in place ("copying posts  120000/1000000  12%"); otherwise
// (a log, a pipe) one line per table and stage once it is done.
class ProgressDisplay {
 public:
  ProgressDisplay() : terminal_(::isatty(STDERR_FILENO) == 1) {}

  void show(const store::CopyProgress& progress) {
    const bool done = progress.rows_done >= progress.rows_total;
    const std::int64_t percent =
        progress.rows_total > 0 ? progress.rows_done * 100 / progress.rows_total : 100;
    const std::string line = fmt::format(
        "{:<9} {:<22} {:>9}/{:<9} {:>3}%",
        progress.stage == store::CopyProgress::Stage::kCopying ? "copying" : "verifying",
        progress.table, progress.rows_done, progress.rows_total, percent);
    if (terminal_) {
      // \r back to the line's start; ESC[K clears what a longer line left.
      std::cerr << '\r' << line << "\x1b[K";
      open_ = !done;
      if (done) std::cerr << '\n';
      std::cerr << std::flush;
    } else if (done) {
      std::cerr << line << '\n';
    }
  }

  // Ends a line left open by a failure, so that the message starts on its own.
  void close() {
    if (open_) std::cerr << '\n';
    open_ = false;
  }

 private:
  bool terminal_;
  bool open_ = false;
};

int failed(ProgressDisplay& display, const std::string& message) {
  display.close();
  std::cerr << "gapfill: " << message << "\n";
  return 1;
}

void print_summary(const store::CopySummary& summary, const std::string& from,
                   const std::string& to, const std::string& key_path) {
  std::size_t width = 5;  // "total"
  for (const auto& table : summary.tables) width = std::max(width, table.name.size());
  std::cout << fmt::format("Copied {} to {}:\n", from, to);
  std::cout << fmt::format("  {:<{}}  {:>10}  {}\n", "table", width, "rows", "sha256");
  for (const auto& table : summary.tables) {
    std::cout << fmt::format("  {:<{}}  {:>10}  {}\n", table.name, width, table.rows,
                             table.checksum.substr(0, 16));
  }
  std::cout << fmt::format("  {:<{}}  {:>10}\n", "total", width, summary.rows);
  if (summary.sealed_on_the_way > 0) {
    std::cout << fmt::format("Sealed {} values stored in plaintext (from before sealing).\n",
                             summary.sealed_on_the_way);
  }
  std::cout << "verified: counts and checksums match\n";
  std::cout << fmt::format(
      "Serve it with --db {} --data-key-file {} on every server process (keep that key file "
      "backed up, apart from the database).\n",
      to, key_path);
}

}  // namespace

int migrate_data(const std::string& from, const std::string& to, const std::string& data_key_file) {
  ProgressDisplay display;
  const auto source = store::parse_database_url(from);
  if (!source) return failed(display, "--from: " + source.error().message);
  if (source->engine != store::DatabaseUrl::Engine::kSqlite) {
    return failed(display, "--from must be a SQLite database (sqlite:PATH)");
  }
  const auto target = store::parse_database_url(to);
  if (!target) return failed(display, "--to: " + target.error().message);
  if (target->engine != store::DatabaseUrl::Engine::kPostgres) {
    return failed(display, "--to must be a PostgreSQL database (postgres://...)");
  }
  const std::string shown_from = store::redacted(*source);
  const std::string shown_to = store::redacted(*target);
  std::error_code error;
  if (!std::filesystem::is_regular_file(source->target, error)) {
    return failed(display, "there is no SQLite database at " + source->target);
  }

  const std::string from_setting = "sqlite:" + source->target;
  const std::string key_path = data_key_path(from_setting, data_key_file);
  auto keyring = store::read_key_file(key_path);
  if (!keyring) return failed(display, keyring.error().message);
  if (!*keyring) {
    // No key file: a database from before sealing. Opening it as every
    // command does makes one (and refuses when the database holds sealed data).
    auto opened = open_store(from_setting, key_path);
    if (!opened) return failed(display, opened.error().message);
    opened->reset();
    keyring = store::read_key_file(key_path);
    if (!keyring || !*keyring) {
      return failed(display, "cannot read the data key file " + key_path);
    }
  }

  std::cerr << fmt::format("Copying {} to {} (data key file {}).\n", shown_from, shown_to,
                           key_path);
  const auto summary =
      store::copy_database(source->target, target->target, **keyring,
                           [&](const store::CopyProgress& progress) { display.show(progress); });
  if (!summary) return failed(display, summary.error().message);
  display.close();
  print_summary(*summary, shown_from, shown_to, key_path);
  return 0;
}

}  // namespace gapfill::app
