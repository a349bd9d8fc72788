#include "app/commands.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include "app/application.hpp"
#include "app/key_rotation.hpp"
#include "app/migrate_data.hpp"
#include "app/smtp_outbox.hpp"
#include "base/limits.hpp"
#include "domain/catalogue.hpp"
#include "domain/demo.hpp"
#include "domain/hsds.hpp"
#include "store/database_url.hpp"

#ifndef GAPFILL_VERSION
#define GAPFILL_VERSION "dev"
#endif

namespace gapfill::app {
namespace {

// Flags shared by the subcommands that touch the database.
struct CommonFlags {
  std::string config_file;
  std::string db_path;
  std::string data_key_file;
};

void add_common_flags(CLI::App& command, CommonFlags& flags) {
  command.add_option("--config", flags.config_file, "TOML configuration file (or GAPFILL_CONFIG)");
  command.add_option("--db", flags.db_path,
                     "The database: sqlite:PATH (default sqlite:data/gapfill.db) or "
                     "postgres://USER@HOST:PORT/NAME");
  command.add_option("--data-key-file", flags.data_key_file,
                     "The data key file (default: a SQLite database's path + .key; required "
                     "with postgres://)");
}

// Builds the configuration: defaults, file, environment, then flags.
Result<Config> build_config(const CommonFlags& flags) {
  Config config;
  std::string file = flags.config_file;
  if (file.empty()) {
    if (const char* from_env = std::getenv("GAPFILL_CONFIG")) file = from_env;
  }
  if (!file.empty()) TRY_STATUS(load_config_file(file, config));
  TRY_STATUS(load_config_env(config));
  if (!flags.db_path.empty()) config.db_path = flags.db_path;
  if (!flags.data_key_file.empty()) config.data_key_file = flags.data_key_file;
  return config;
}

// The database as it may be printed: a URL's password becomes ***.
std::string shown(const std::string& db_setting) {
  const auto url = store::parse_database_url(db_setting);
  return url ? store::redacted(*url) : db_setting;
}

void setup_logging(const std::string& level) {
  spdlog::set_pattern("time=%Y-%m-%dT%H:%M:%S.%eZ level=%l %v", spdlog::pattern_time_type::utc);
  spdlog::set_level(spdlog::level::from_str(level));
}

int report(const Error& error) {
  std::cerr << "gapfill: " << error.message;
  for (const auto& [field, problem] : error.fields) {
    std::cerr << " " << field << " " << i18n::render(problem, "en") << ".";
  }
  std::cerr << "\n";
  return 1;
}

int serve(const CommonFlags& flags, const std::string& listen) {
  auto config = build_config(flags);
  if (!config) return report(config.error());
  if (!listen.empty()) config->listen = listen;
  setup_logging(config->log_level);

  // Block the stop signals before any thread starts, then wait for one.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  auto app = Application::open(*config);
  if (!app) return report(app.error());
  try {
    (*app)->start();
  } catch (const std::exception& error) {
    std::cerr << "gapfill: " << error.what() << "\n";
    return 1;
  }
  const auto address = parse_listen(config->listen);
  std::cout << fmt::format("Gapfill is serving on http://{}:{} (database {})\n",
                           address->host.find(':') != std::string::npos ? "[" + address->host + "]"
                                                                        : address->host,
                           (*app)->port(), shown(config->db_path))
            << std::flush;
  int received = 0;
  sigwait(&signals, &received);
  spdlog::info("server stopping signal={}", received);
  (*app)->stop();
  return 0;
}

int migrate(const CommonFlags& flags) {
  auto config = build_config(flags);
  if (!config) return report(config.error());
  auto store = open_store(config->db_path, config->data_key_file);
  if (!store) return report(store.error());
  const auto version = (*store)->schema_version();
  if (!version) return report(version.error());
  std::cout << "Database " << shown(config->db_path) << " is at schema version " << *version
            << "\n";
  return 0;
}

int demo(const CommonFlags& flags, bool if_empty) {
  auto config = build_config(flags);
  if (!config) return report(config.error());
  auto store = open_store(config->db_path, config->data_key_file);
  if (!store) return report(store.error());
  bool has_networks = false;
  auto counted = (*store)->read([&](store::Transaction& transaction) -> Status {
    has_networks = !TRY(transaction.networks().list()).empty();
    return {};
  });
  if (!counted) return report(counted.error());
  if (if_empty && has_networks) {
    std::cout << "The database already has networks; no demo added.\n";
    return 0;
  }
  const auto summary = domain::seed_demo(**store);
  if (!summary) return report(summary.error());
  if (!summary->created) {
    std::cout << "The demo network 'riverside' is already there.\n";
  } else {
    std::cout << fmt::format("Seeded the demo network 'riverside': {} posts, {} matches.\n",
                             summary->posts, summary->matches);
  }
  return 0;
}

// What a one-off command works on: the store and the services over it.
struct Opened {
  Config config;
  std::unique_ptr<store::Store> store;
  SystemClock clock;
  std::unique_ptr<domain::Services> services;
};

enum class Load { kNetworks, kEverything };

// Opens the database of `flags` and loads the networks, and with
// Load::kEverything the read model of live posts too.
Result<std::unique_ptr<Opened>> open_services(const CommonFlags& flags, Load load) {
  auto opened = std::make_unique<Opened>();
  opened->config = TRY(build_config(flags));
  opened->store = TRY(open_store(opened->config.db_path, opened->config.data_key_file));
  opened->services = std::make_unique<domain::Services>(*opened->store, opened->clock);
  TRY_STATUS(load == Load::kEverything ? opened->services->load()
                                       : opened->services->networks().load());
  return opened;
}

int expire(const CommonFlags& flags) {
  auto opened = open_services(flags, Load::kEverything);
  if (!opened) return report(opened.error());
  const auto expired = (*opened)->services->posts().expire_due();
  if (!expired) return report(expired.error());
  std::cout << "Closed " << *expired << " expired posts.\n";
  return 0;
}

int purge(const CommonFlags& flags) {
  auto opened = open_services(flags, Load::kEverything);
  if (!opened) return report(opened.error());
  const auto erased = (*opened)->services->posts().erase_expired_personal_data();
  if (!erased) return report(erased.error());
  std::cout << "Erased the personal data of " << *erased << " closed posts.\n";
  const auto ended = (*opened)->services->accounts().remove_expired_sessions();
  if (!ended) return report(ended.error());
  std::cout << "Removed " << *ended << " ended sessions.\n";
  return 0;
}

int organizer_key(const CommonFlags& flags, const std::string& network_slug,
                  const std::string& label) {
  // Only the networks: the read model of posts is not needed here.
  auto opened = open_services(flags, Load::kNetworks);
  if (!opened) return report(opened.error());
  domain::Services& services = *(*opened)->services;
  if (!services.networks().find(network_slug)) {
    std::cerr << "gapfill: there is no network '" << network_slug << "' in "
              << shown((*opened)->config.db_path) << ".\n";
    return 1;
  }
  const auto issued = services.organizer().issue_key(network_slug, label);
  if (!issued) return report(issued.error());
  std::cout << fmt::format(
      "Organizer key for '{}' (shown only this once; keep it secret):\n{}\n"
      "Sign in, open /n/{}/organize and enter it: it makes your account the network's admin, "
      "once.\n",
      network_slug, issued->key, network_slug);
  return 0;
}

// Writes the directory's HSDS 3.1 export (datapackage.json and the CSV
// files) into `out`, the same files GET /api/v1/directory/hsds/ serves.
int directory_export(const CommonFlags& flags, const std::string& out) {
  auto opened = open_services(flags, Load::kNetworks);
  if (!opened) return report(opened.error());
  domain::Services& services = *(*opened)->services;
  const auto entries = services.networks().directory();
  const auto tables = domain::hsds::tables(entries, (*opened)->config.public_url);
  std::error_code error;
  std::filesystem::create_directories(out, error);
  if (error) {
    std::cerr << "gapfill: cannot create " << out << ": " << error.message() << "\n";
    return 1;
  }
  const auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream file(std::filesystem::path(out) / name, std::ios::binary | std::ios::trunc);
    file << text;
    file.close();
    if (!file) std::cerr << "gapfill: cannot write " << name << " in " << out << "\n";
    return static_cast<bool>(file);
  };
  bool written = write("datapackage.json", domain::hsds::datapackage(tables));
  for (const auto& table : tables)
    written = write(table.path, domain::hsds::to_csv(table)) && written;
  if (!written) return 1;
  std::cout << fmt::format("Wrote the directory ({} listed networks) as HSDS {} to {}.\n",
                           entries.size(), domain::hsds::kVersion, out);
  if ((*opened)->config.public_url.empty()) {
    std::cout << "The URL fields are empty: set [web] public_url to fill them.\n";
  }
  return 0;
}

// One suggestion as a line of the `gapfill match` table: ids, not names.
std::string suggestion_line(const domain::Suggestion& suggestion) {
  const std::string with = suggestion.offer
                               ? fmt::format("offer {}", suggestion.offer->id)
                               : fmt::format("volunteer {}", suggestion.volunteer->account_id);
  std::string reasons =
      fmt::format("{:.1f} km, {}, waited {} d", suggestion.reasons.distance_km,
                  to_string(suggestion.reasons.urgency), suggestion.reasons.waited_days);
  if (suggestion.reasons.language) reasons += ", speaks " + *suggestion.reasons.language;
  if (suggestion.reasons.from || suggestion.reasons.to) reasons += ", times overlap";
  return fmt::format("  request {:>7}  {:<16} x{:<4} {:<18} {}\n", suggestion.request.id,
                     suggestion.request.category, suggestion.quantity, with, reasons);
}

// Runs the matcher over one network and prints its suggestions; without
// --dry-run, accepts them all (audited as the operator).
int match(const CommonFlags& flags, const std::string& network_slug, bool dry_run) {
  auto opened = open_services(flags, Load::kEverything);
  if (!opened) return report(opened.error());
  domain::Services& services = *(*opened)->services;
  services.set_public_url((*opened)->config.public_url);
  const auto found =
      services.suggestions().suggest_as_operator(network_slug, limits::kSuggestionsLimitMax);
  if (!found) return report(found.error());
  const auto& summary = found->summary;
  std::cout << fmt::format(
      "Network {}: {} requests, {} offers, {} available volunteers; {} suggestions serve {} "
      "requests ({} of {} units).\n",
      network_slug, summary.requests, summary.offers, summary.volunteers, found->total,
      summary.requests_suggested, summary.units_suggested, summary.units_needed);
  for (const auto& suggestion : found->items) std::cout << suggestion_line(suggestion);
  if (found->total > static_cast<int>(found->items.size())) {
    std::cout << fmt::format("  ... and {} more\n", found->total - found->items.size());
  }
  if (dry_run || found->total == 0) return 0;
  std::unique_ptr<SmtpOutbox> outbox;
  const Config& config = (*opened)->config;
  if (!config.mail_smtp_url.empty()) {
    outbox = std::make_unique<SmtpOutbox>(MailSettings{config.mail_smtp_url, config.mail_from,
                                                       config.mail_username, config.mail_password,
                                                       config.mail_require_tls});
    services.set_outbox(*outbox);
  }
  const auto accepted = services.suggestions().accept_all_as_operator(network_slug);
  // Mail waits for a slow server for a while (retries back off), not forever.
  if (outbox && !outbox->drain(std::chrono::seconds(120))) {
    std::cerr << "gapfill: some notices to volunteers could not be sent in time.\n";
  }
  if (!accepted) return report(accepted.error());
  std::cout << fmt::format(
      "Accepted {} suggestions ({} no longer held). Volunteers were asked to confirm theirs.\n",
      accepted->matches.size(), accepted->skipped);
  return 0;
}

int rotate_key(const CommonFlags& flags) {
  auto config = build_config(flags);
  if (!config) return report(config.error());
  const auto rotated = rotate_data_key(config->db_path, config->data_key_file);
  if (!rotated) return report(rotated.error());
  std::string retired;
  for (const auto id : rotated->retired_key_ids) {
    retired += (retired.empty() ? "" : ", ") + std::to_string(id);
  }
  std::cout << fmt::format(
      "{}Re-sealed {} values under data key {}; retired data keys: {}.\n"
      "Back up the key file {} now (apart from the database).\n",
      rotated->resumed ? "Resumed an interrupted rotation. " : "", rotated->resealed,
      rotated->new_key_id, retired.empty() ? "none" : retired,
      data_key_path(config->db_path, config->data_key_file));
  return 0;
}

}  // namespace

int run_command_line(int argc, char** argv) {
  CLI::App cli{"Gapfill: software for community mutual aid networks"};
  cli.require_subcommand(1);
  CommonFlags flags;

  std::string listen;
  auto* serve_command = cli.add_subcommand("serve", "Serve the API on HTTP");
  add_common_flags(*serve_command, flags);
  serve_command->add_option("--listen", listen, "ADDR:PORT to listen on (default 127.0.0.1:8080)");

  auto* migrate_command = cli.add_subcommand("migrate", "Create or upgrade the database schema");
  add_common_flags(*migrate_command, flags);

  bool if_empty = false;
  auto* demo_command = cli.add_subcommand("demo", "Seed the fictional demo network 'riverside'");
  add_common_flags(*demo_command, flags);
  demo_command->add_flag("--if-empty", if_empty, "Only when the database has no network yet");

  auto* expire_command = cli.add_subcommand("expire", "Close open posts whose time has passed");
  add_common_flags(*expire_command, flags);

  auto* purge_command = cli.add_subcommand(
      "purge", "Erase personal data of posts closed longer than their network's retention days");
  add_common_flags(*purge_command, flags);

  std::string network_slug;
  std::string key_label;
  auto* organizer_key_command = cli.add_subcommand(
      "organizer-key", "Issue a one-time key that makes its redeemer a network's admin");
  add_common_flags(*organizer_key_command, flags);
  organizer_key_command->add_option("--network", network_slug, "The network's slug")->required();
  organizer_key_command->add_option("--label", key_label, "Who holds the key, for your records");

  auto* rotate_key_command = cli.add_subcommand(
      "rotate-key", "Re-seal the personal data under a new data key and retire the old one");
  add_common_flags(*rotate_key_command, flags);

  std::string export_dir;
  auto* directory_export_command = cli.add_subcommand(
      "directory-export", "Write the directory of listed networks as HSDS 3.1 CSV files");
  add_common_flags(*directory_export_command, flags);
  directory_export_command->add_option("--out", export_dir, "The folder to write into")->required();

  std::string match_network;
  bool dry_run = false;
  auto* match_command = cli.add_subcommand(
      "match", "Suggest matches for a whole network (the matcher), and accept them all");
  add_common_flags(*match_command, flags);
  match_command->add_option("--network", match_network, "The network's slug")->required();
  match_command->add_flag("--dry-run", dry_run, "Only print the suggestions; accept none");

  std::string copy_from;
  std::string copy_to;
  std::string copy_key_file;
  auto* migrate_data_command = cli.add_subcommand(
      "migrate-data", "Copy a SQLite database into an empty PostgreSQL one, and verify the copy");
  migrate_data_command->add_option("--from", copy_from, "The SQLite database: sqlite:PATH")
      ->required();
  migrate_data_command->add_option("--to", copy_to, "The empty PostgreSQL database: postgres://...")
      ->required();
  migrate_data_command->add_option(
      "--data-key-file", copy_key_file,
      "The data key file (default: the SQLite database's path + .key); the PostgreSQL servers "
      "then use the same one");

  cli.add_subcommand("version", "Print the version");

  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return cli.exit(error);
  }
  if (serve_command->parsed()) return serve(flags, listen);
  if (migrate_command->parsed()) return migrate(flags);
  if (demo_command->parsed()) return demo(flags, if_empty);
  if (expire_command->parsed()) return expire(flags);
  if (purge_command->parsed()) return purge(flags);
  if (rotate_key_command->parsed()) return rotate_key(flags);
  if (organizer_key_command->parsed()) return organizer_key(flags, network_slug, key_label);
  if (directory_export_command->parsed()) return directory_export(flags, export_dir);
  if (match_command->parsed()) return match(flags, match_network, dry_run);
  if (migrate_data_command->parsed()) return migrate_data(copy_from, copy_to, copy_key_file);
  std::cout << "gapfill " << GAPFILL_VERSION << "\n";
  return 0;
}

}  // namespace gapfill::app
