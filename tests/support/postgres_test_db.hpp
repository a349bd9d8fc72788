#pragma once
// A fresh PostgreSQL database for one test, copied from gapfill_template (PostGIS
// already in it) on the throwaway test cluster and dropped afterwards. The cluster
// comes from scripts/pg_cluster.sh, run by CTest's `postgres` fixture, which gives
// the path of its url file in the environment variable GAPFILL_TEST_PG
// (gapfill_requires_postgres in tests/CMakeLists.txt).

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

 private:
  std::string base_url_;  // postgres://gapfill@127.0.0.1:PORT
  std::string name_;
  std::string url_;
};

}  // namespace gapfill::testing
