// gapfill_gen_dataset: writes the benchmark data set (bench/dataset.hpp) into
// a SQLite database through the project's Store interface, the same path the
// server's own writes take, so the file is exactly what `gapfill serve`
// expects to load.
//
//   gapfill_gen_dataset --db bench/out/bench.db [--networks 1000] [--posts 1000000]
//                       [--seed 1] [--now UNIX] [--summary FILE] [--replace]

#include <fmt/format.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "dataset.hpp"
#include "domain/categories.hpp"
#include "domain/lifecycle.hpp"
#include "store/key_file.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace gapfill::bench {
namespace {

using Clock = std::chrono::steady_clock;

struct Flags {
  std::string db_path = "bench/out/bench.db";
  int networks = 1000;
  std::int64_t posts = 1'000'000;
  std::uint64_t seed = 1;
  UnixSeconds now = 0;
  int batch_posts = 20'000;
  std::string summary_path;
  bool replace = false;
};

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

std::string duration_text(double seconds) {
  const auto whole = static_cast<long>(seconds + 0.5);
  return fmt::format("{}:{:02}", whole / 60, whole % 60);
}

// Progress on stderr: one line rewritten in place on a terminal, else a
// line at every tenth, so that a log file stays short.
class Progress {
 public:
  explicit Progress(std::int64_t total)
      : total_(total), terminal_(isatty(STDERR_FILENO) != 0), start_(Clock::now()) {}

  void update(std::int64_t done) {
    if (!terminal_ && 100 * done / std::max<std::int64_t>(total_, 1) < next_percent_) {
      return;
    }
    const double elapsed = seconds_since(start_);
    const double rate = elapsed > 0 ? static_cast<double>(done) / elapsed : 0;
    const double eta = rate > 0 ? static_cast<double>(total_ - done) / rate : 0;
    const int percent = total_ > 0 ? static_cast<int>(100 * done / total_) : 100;
    if (terminal_) {
      // At most ten times a second, and always the last.
      const auto now = Clock::now();
      if (done != total_ && now - last_print_ < std::chrono::milliseconds(100)) return;
      last_print_ = now;
      std::fprintf(stderr, "\rposts %lld/%lld %3d%%  %.0f posts/s  ETA %s   ",
                   static_cast<long long>(done), static_cast<long long>(total_), percent, rate,
                   duration_text(eta).c_str());
      std::fflush(stderr);
    } else if (percent >= next_percent_) {
      std::fprintf(stderr, "posts %lld/%lld %d%%  %.0f posts/s  ETA %s\n",
                   static_cast<long long>(done), static_cast<long long>(total_), percent, rate,
                   duration_text(eta).c_str());
      while (next_percent_ <= percent) next_percent_ += 10;
    }
  }

  void finish() {
    if (terminal_) std::fputc('\n', stderr);
  }

 private:
  std::int64_t total_;
  bool terminal_;
  Clock::time_point start_;
  Clock::time_point last_print_{};
  int next_percent_ = 10;
};

void remove_database(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal", ".key"}) {
    std::error_code ignored;
    std::filesystem::remove(path + suffix, ignored);
  }
}

int fail_with(const std::string& what, const Error& error) {
  std::cerr << "gapfill_gen_dataset: " << what << ": " << error.message << "\n";
  return 1;
}

int run(const Flags& flags) {
  if (std::filesystem::exists(flags.db_path)) {
    if (!flags.replace) {
      std::cerr << "gapfill_gen_dataset: " << flags.db_path
                << " exists; pass --replace to overwrite it\n";
      return 1;
    }
    remove_database(flags.db_path);
  }
  if (const auto folder = std::filesystem::path(flags.db_path).parent_path(); !folder.empty()) {
    std::filesystem::create_directories(folder);
  }

  const auto started = Clock::now();
  store::SqliteOptions options;
  options.path = flags.db_path;
  options.reader_connections = 1;
  options.writer_cache_kib = 256 * 1024;  // the indexes of a million posts stay in memory
  // A new data key, in the key file gapfill serve looks for (the path + ".key").
  auto cipher = store::FieldCipher::create({{1, store::FieldCipher::random_key()}}, 1);
  if (!cipher) return fail_with("data key", cipher.error());
  if (auto written = store::create_key_file(flags.db_path + ".key", *cipher); !written) {
    return fail_with("data key file", written.error());
  }
  options.cipher = std::make_shared<const store::FieldCipher>(std::move(*cipher));
  auto opened = store::open_sqlite_store(options);
  if (!opened) return fail_with("cannot open " + flags.db_path, opened.error());
  store::Store& store = **opened;
  if (auto migrated = store.migrate(); !migrated) return fail_with("migrate", migrated.error());

  DatasetOptions dataset_options;
  dataset_options.networks = flags.networks;
  dataset_options.posts = flags.posts;
  dataset_options.seed = flags.seed;
  dataset_options.now = flags.now;
  Dataset dataset(dataset_options);
  const auto& planned = dataset.networks();

  std::vector<NetworkId> network_ids;
  auto networks_written = store.write([&](store::Transaction& transaction) -> Status {
    for (const PlannedNetwork& network : planned) {
      const auto categories = domain::default_categories(network.network.languages);
      network_ids.push_back(TRY(transaction.networks().insert(network.network, categories)));
    }
    return {};
  });
  if (!networks_written) return fail_with("insert networks", networks_written.error());
  std::cerr << fmt::format("networks: {} around {} towns\n", planned.size(), towns().size());

  std::vector<std::int64_t> posts_per_network(planned.size(), 0);
  std::vector<std::int64_t> live_per_network(planned.size(), 0);
  std::array<std::int64_t, 4> per_status{};
  Progress progress(flags.posts);
  const auto posts_started = Clock::now();
  Post post;
  for (std::int64_t done = 0; done < flags.posts;) {
    const std::int64_t batch = std::min<std::int64_t>(flags.batch_posts, flags.posts - done);
    auto written = store.write([&](store::Transaction& transaction) -> Status {
      for (std::int64_t i = 0; i < batch; ++i) {
        const std::size_t index = dataset.next_post(post);
        post.network_id = network_ids[index];
        TRY(transaction.posts().insert(post));
        ++posts_per_network[index];
        if (domain::is_active(post.status)) ++live_per_network[index];
        ++per_status[static_cast<std::size_t>(post.status)];
        if ((i + 1) % 1000 == 0) progress.update(done + i + 1);
      }
      return {};
    });
    if (!written) {
      progress.finish();
      return fail_with("insert posts", written.error());
    }
    done += batch;
    progress.update(done);
  }
  progress.finish();
  const double post_seconds = seconds_since(posts_started);
  opened->reset();  // closes the database: checkpoints and removes the WAL
  const double total_seconds = seconds_since(started);

  const std::size_t busiest = static_cast<std::size_t>(
      std::max_element(posts_per_network.begin(), posts_per_network.end()) -
      posts_per_network.begin());
  const Network& network = planned[busiest].network;
  const auto share = [&](PostStatus status) {
    return flags.posts > 0
               ? 100.0 * static_cast<double>(per_status[static_cast<std::size_t>(status)]) /
                     static_cast<double>(flags.posts)
               : 0.0;
  };
  std::cout << fmt::format(
      "wrote {} networks and {} posts to {} in {:.1f} s ({:.0f} posts/s)\n"
      "status: {:.1f}% open, {:.1f}% matched, {:.1f}% fulfilled, {:.1f}% closed\n"
      "busiest network: {} ({}) centre {:.4f},{:.4f}: {} posts, {} live\n",
      planned.size(), flags.posts, flags.db_path, total_seconds,
      post_seconds > 0 ? static_cast<double>(flags.posts) / post_seconds : 0.0,
      share(PostStatus::kOpen), share(PostStatus::kMatched), share(PostStatus::kFulfilled),
      share(PostStatus::kClosed), network.slug, planned[busiest].town->name,
      network.area.centre.lat, network.area.centre.lon, posts_per_network[busiest],
      live_per_network[busiest]);

  if (!flags.summary_path.empty()) {
    // key=value lines, for scripts (bench/api.sh) to read with grep.
    std::ofstream summary(flags.summary_path);
    summary << fmt::format(
        "networks={}\nposts={}\nseed={}\nnow={}\ngenerated_at={}\nseconds={:.1f}\n"
        "busiest_slug={}\nbusiest_lat={:.4f}\nbusiest_lon={:.4f}\nbusiest_posts={}\n"
        "busiest_live={}\n",
        planned.size(), flags.posts, flags.seed, dataset.options().now, now_unix(), total_seconds,
        network.slug, network.area.centre.lat, network.area.centre.lon, posts_per_network[busiest],
        live_per_network[busiest]);
    if (!summary) {
      std::cerr << "gapfill_gen_dataset: cannot write " << flags.summary_path << "\n";
      return 1;
    }
  }
  return 0;
}

}  // namespace
}  // namespace gapfill::bench

int main(int argc, char** argv) {
  gapfill::bench::Flags flags;
  CLI::App cli{"Writes the Gapfill benchmark data set into a SQLite database"};
  cli.add_option("--db", flags.db_path, "SQLite database file to create")->capture_default_str();
  cli.add_option("--networks", flags.networks, "How many networks")
      ->check(CLI::Range(1, 100'000))
      ->capture_default_str();
  cli.add_option("--posts", flags.posts, "How many posts")
      ->check(CLI::Range(std::int64_t{0}, std::int64_t{100'000'000}))
      ->capture_default_str();
  cli.add_option("--seed", flags.seed, "Random seed")->capture_default_str();
  cli.add_option("--now", flags.now, "The data set's 'now' as Unix seconds (default: the clock)");
  cli.add_option("--batch", flags.batch_posts, "Posts per write transaction")
      ->check(CLI::Range(1, 1'000'000))
      ->capture_default_str();
  cli.add_option("--summary", flags.summary_path, "Also write key=value results to this file");
  cli.add_flag("--replace", flags.replace, "Overwrite the database file if it exists");
  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return cli.exit(error);
  }
  try {
    return gapfill::bench::run(flags);
  } catch (const std::exception& error) {
    std::cerr << "gapfill_gen_dataset: " << error.what() << "\n";
    return 1;
  }
}
