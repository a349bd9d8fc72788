#pragma once
// A fresh PostgreSQL database for one test, copied from gapfill_template (PostGIS
// already in it) on the throwaway test cluster and dropped afterwards. The cluster
// comes from scripts/pg_cluster.sh, run by CTest's `postgres` fixture, which gives
// the path of its url file in the environment variable GAPFILL_TEST_PG
// (gapfill_requires_postgres in tests/CMakeLists.txt); when it is unset, the
// build tree's cluster (GAPFILL_TEST_PG_DEFAULT, where the fixture starts it).

#include <string>

namespace gapfill::testing {

class PostgresTestDb {
 public:
  // Throws std::runtime_error, saying what to do, when GAPFILL_TEST_PG is unset,
  // its file is missing or empty, or the database cannot be created: a test that
  // needs PostgreSQL fails, it never skips.
  PostgresTestDb();
  // Drops the database, ending any connection still open to it.
  ~PostgresTestDb();
  PostgresTestDb(const PostgresTestDb&) = delete;
  PostgresTestDb& operator=(const PostgresTestDb&) = delete;

  // postgres://gapfill@127.0.0.1:PORT/NAME: for --db and the store.
  const std::string& url() const { return url_; }
  // gf_<pid>_<counter>_<random>: unique across the parallel test processes.
  const std::string& name() const { return name_; }

  // Runs one SQL statement on the database (a test ageing a row, say).
  void execute(const std::string& sql) const;
  // Every row of every table in the public schema, as PostgreSQL prints it:
  // what a test searches for personal data that must be sealed at rest.
  std::string dump() const;

 private:
  std::string base_url_;  // postgres://gapfill@127.0.0.1:PORT
  std::string name_;
  std::string url_;
};

}  // namespace gapfill::testing
