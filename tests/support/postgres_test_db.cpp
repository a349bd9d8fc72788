#include "support/postgres_test_db.hpp"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <pqxx/pqxx>
#include <random>
#include <sstream>
#include <stdexcept>

namespace gapfill::testing {
namespace {

constexpr const char* kUrlFileVariable = "GAPFILL_TEST_PG";

std::string read_base_url() {
  const char* path = std::getenv(kUrlFileVariable);
#ifdef GAPFILL_TEST_PG_DEFAULT
  // The build tree's cluster (tests/CMakeLists.txt), where ctest starts it.
  if (path == nullptr || *path == '\0') path = GAPFILL_TEST_PG_DEFAULT;
#endif
  if (path == nullptr || *path == '\0') {
    throw std::runtime_error(
        "GAPFILL_TEST_PG is not set: this test needs the PostgreSQL test cluster. Run it "
        "through ctest (its `postgres` fixture starts the cluster), or run "
        "`scripts/pg_cluster.sh start DIR` and set GAPFILL_TEST_PG=DIR/url.");
  }
  std::ifstream file(path);
  std::string url;
  if (!file || !std::getline(file, url)) {
    throw std::runtime_error(std::string("GAPFILL_TEST_PG names ") + path +
                             ", which is missing or empty: is the PostgreSQL test cluster "
                             "running (`scripts/pg_cluster.sh start DIR`)?");
  }
  while (!url.empty() && (url.back() == '\r' || url.back() == ' ')) url.pop_back();
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

// Unique across the test processes ctest runs in parallel (pid), the databases
// of one process (counter) and a process reusing a pid of an earlier run whose
// databases were left behind by a crash (random).
std::string unique_name() {
  static std::atomic<unsigned> counter{0};
  std::random_device random;
  std::ostringstream name;
  name << "gf_" << ::getpid() << '_' << counter++ << '_' << std::hex << random();
  return name.str();
}

}  // namespace

PostgresTestDb::PostgresTestDb() : base_url_(read_base_url()), name_(unique_name()) {
  url_ = base_url_ + "/" + name_;
  try {
    pqxx::connection maintenance(base_url_ + "/postgres");
    pqxx::nontransaction work(maintenance);
    // FILE_COPY: about twice as fast as the default WAL_LOG for a small
    // template on this fsync=off cluster (scripts/pg_cluster.sh).
    work.exec0("CREATE DATABASE " + work.quote_name(name_) +
               " TEMPLATE gapfill_template STRATEGY FILE_COPY");
  } catch (const std::exception& error) {
    throw std::runtime_error("could not create the test database " + name_ + " on " + base_url_ +
                             ": " + error.what());
  }
}

PostgresTestDb::~PostgresTestDb() {
  // A destructor must not throw; a database left behind goes with the cluster.
  try {
    pqxx::connection maintenance(base_url_ + "/postgres");
    pqxx::nontransaction work(maintenance);
    work.exec0("DROP DATABASE IF EXISTS " + work.quote_name(name_) + " WITH (FORCE)");
  } catch (const std::exception& error) {
    std::cerr << "PostgresTestDb: could not drop " << name_ << ": " << error.what() << '\n';
  }
}

void PostgresTestDb::execute(const std::string& sql) const {
  pqxx::connection connection(url_);
  pqxx::nontransaction work(connection);
  work.exec0(sql);
}

std::string PostgresTestDb::dump() const {
  pqxx::connection connection(url_);
  pqxx::nontransaction work(connection);
  std::string text;
  for (const auto& table :
       work.exec("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")) {
    const std::string name = table[0].as<std::string>();
    for (const auto& row : work.exec("SELECT t::text FROM " + work.quote_name(name) + " t")) {
      text.append(name).append(": ").append(row[0].c_str()).push_back('\n');
    }
  }
  return text;
}

}  // namespace gapfill::testing
