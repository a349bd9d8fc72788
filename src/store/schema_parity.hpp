#pragma once
// The schema as both backends must agree on it: tables, their columns, each
// column's logical type and nullability. SQLite (store/sqlite/migrations.cpp)
// and PostgreSQL (store/postgres/migrations.cpp) each describe it in their own
// SQL; the parity test reads both through kSqliteSchemaQuery and
// kPostgresSchemaQuery and compares them with schema_differences, so that a
// migration added to one backend and not the other fails a test.
//
// Pure: no database here. Keys, CHECKs and indexes are not compared (neither
// engine describes them in a comparable form); the migrations' comments say
// they mirror each other.

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace gapfill::store {

struct LogicalColumn {
  std::string name;
  std::string type;  // normalize_type: "integer", "real", "text", "blob", "geometry"...
  bool not_null = false;
};

struct LogicalTable {
  std::string name;
  std::vector<LogicalColumn> columns;  // by name
};

using LogicalSchema = std::vector<LogicalTable>;  // by table name

// A declared SQLite type or a PostgreSQL type name (as kPostgresSchemaQuery
// gives it) as one of the logical types: "integer", "real", "text", "blob"
// (SQLite's BLOB and an empty declared type; PostgreSQL's bytea) or
// "geometry" (PostGIS geometry and geography). SQLite's own rules decide the
// rest (a name containing INT is an integer, CHAR, CLOB or TEXT text, REAL,
// FLOA or DOUB real); any other type comes back as its lowercased name
// ("numeric", "boolean", "uuid"), so that a difference shows what it is.
std::string normalize_type(std::string_view declared_type);

// Adds a column read from either query, keeping tables and columns sorted by
// name (the order schema_differences reports in).
void add_column(LogicalSchema& schema, std::string_view table, std::string_view column,
                std::string_view declared_type, bool not_null);

// A difference between the backends that is by design, with why.
enum class DifferenceKind {
  // The table (column empty), or the column, is on one side only. A column
  // on both sides is still compared.
  kOneSideOnly,
  // A sealed column (store/sql/sealed.hpp): text on one side, blob on the
  // other. SQLite declares TEXT and holds a BLOB or ''; PostgreSQL declares
  // BYTEA. Nullability is still compared.
  kSealedType,
};

struct KnownDifference {
  std::string_view table;
  std::string_view column;  // empty: the whole table (kOneSideOnly only)
  DifferenceKind kind = DifferenceKind::kOneSideOnly;
  std::string_view reason;
};

// The differences between the SQLite and the PostgreSQL schema that are by
// design: SQLite's R*Tree post_geo and its shadow tables, PostGIS's point on
// posts, and every column of sql::sealed_columns().
std::span<const KnownDifference> known_differences();

// One human-readable line per difference between `a` and `b` that `known`
// does not allow, e.g. "table posts: column lat is real in sqlite, text in
// postgres", sorted by table and column; empty when they agree. a_name and
// b_name name the sides.
std::vector<std::string> schema_differences(
    const LogicalSchema& a, const LogicalSchema& b,
    std::span<const KnownDifference> known = known_differences(),
    std::string_view a_name = "the first", std::string_view b_name = "the second");

// The schema of the connected database, one row per column, in the same
// columns for both engines so that one reader serves both: table name,
// column name, declared type (for normalize_type), not null (0 or 1).
// SQLite: every table but SQLite's own (sqlite_*); a primary key column
// counts as not null (a rowid alias always is; PostgreSQL makes every key
// column NOT NULL, and no key of this schema is ever written NULL).
extern const std::string_view kSqliteSchemaQuery;
// PostgreSQL: the base tables of the current schema (no views, such as
// PostGIS's geometry_columns), without PostGIS's spatial_ref_sys; a
// user-defined type (PostGIS's geometry) by its name.
extern const std::string_view kPostgresSchemaQuery;

}  // namespace gapfill::store
