// The logical schema both backends must agree on (store/schema_parity.hpp):
// type normalization and the comparison, without a database.

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "store/schema_parity.hpp"
#include "store/sql/sealed.hpp"

namespace gapfill::store {
namespace {

using Lines = std::vector<std::string>;

TEST(NormalizeType, SqliteDeclaredTypes) {
  EXPECT_EQ(normalize_type("INTEGER"), "integer");
  EXPECT_EQ(normalize_type("REAL"), "real");
  EXPECT_EQ(normalize_type("TEXT"), "text");
  EXPECT_EQ(normalize_type("BLOB"), "blob");
  // No declared type (an R*Tree's columns): BLOB affinity.
  EXPECT_EQ(normalize_type(""), "blob");
  EXPECT_EQ(normalize_type("VARCHAR(20)"), "text");
  EXPECT_EQ(normalize_type("DOUBLE"), "real");
  EXPECT_EQ(normalize_type(" Integer "), "integer");
}

TEST(NormalizeType, PostgresTypeNames) {
  EXPECT_EQ(normalize_type("bigint"), "integer");
  EXPECT_EQ(normalize_type("integer"), "integer");
  EXPECT_EQ(normalize_type("smallint"), "integer");
  EXPECT_EQ(normalize_type("double precision"), "real");
  EXPECT_EQ(normalize_type("real"), "real");
  EXPECT_EQ(normalize_type("text"), "text");
  EXPECT_EQ(normalize_type("character varying"), "text");
  EXPECT_EQ(normalize_type("bytea"), "blob");
  EXPECT_EQ(normalize_type("geometry"), "geometry");
  EXPECT_EQ(normalize_type("geography"), "geometry");
}

TEST(NormalizeType, OtherTypesKeepTheirName) {
  EXPECT_EQ(normalize_type("NUMERIC"), "numeric");
  EXPECT_EQ(normalize_type("boolean"), "boolean");
  EXPECT_EQ(normalize_type("timestamp with time zone"), "timestamp with time zone");
  // Not integers, although they contain "int".
  EXPECT_EQ(normalize_type("interval"), "interval");
  EXPECT_EQ(normalize_type("point"), "point");
}

TEST(AddColumn, KeepsTablesAndColumnsByName) {
  LogicalSchema schema;
  add_column(schema, "posts", "title", "TEXT", true);
  add_column(schema, "accounts", "id", "INTEGER", true);
  add_column(schema, "posts", "id", "bigint", true);
  add_column(schema, "posts", "quantity", "INTEGER", false);
  ASSERT_EQ(schema.size(), 2u);
  EXPECT_EQ(schema[0].name, "accounts");
  EXPECT_EQ(schema[1].name, "posts");
  ASSERT_EQ(schema[1].columns.size(), 3u);
  EXPECT_EQ(schema[1].columns[0].name, "id");
  EXPECT_EQ(schema[1].columns[0].type, "integer");
  EXPECT_EQ(schema[1].columns[1].name, "quantity");
  EXPECT_FALSE(schema[1].columns[1].not_null);
  EXPECT_EQ(schema[1].columns[2].name, "title");
  EXPECT_TRUE(schema[1].columns[2].not_null);
}

// A small schema, as either backend's query would give it.
LogicalSchema sample() {
  LogicalSchema schema;
  add_column(schema, "networks", "id", "INTEGER", true);
  add_column(schema, "networks", "slug", "TEXT", true);
  add_column(schema, "posts", "id", "INTEGER", true);
  add_column(schema, "posts", "lat", "REAL", true);
  add_column(schema, "posts", "details", "TEXT", true);
  add_column(schema, "posts", "quantity", "INTEGER", false);
  return schema;
}

TEST(SchemaDifferences, NoneBetweenEqualSchemas) {
  EXPECT_EQ(schema_differences(sample(), sample()), Lines{});
}

TEST(SchemaDifferences, NamesTheSides) {
  LogicalSchema a = sample();
  LogicalSchema b = sample();
  add_column(a, "settings", "name", "TEXT", true);
  add_column(b, "invites", "id", "bigint", true);
  EXPECT_EQ(schema_differences(a, b, {}, "sqlite", "postgres"),
            (Lines{"table invites is in postgres, not in sqlite",
                   "table settings is in sqlite, not in postgres"}));
}

TEST(SchemaDifferences, ReportsColumnsTypesAndNullability) {
  LogicalSchema a = sample();
  LogicalSchema b;
  add_column(b, "networks", "id", "bigint", true);
  add_column(b, "networks", "slug", "text", true);
  add_column(b, "networks", "public_uuid", "text", false);
  add_column(b, "posts", "id", "bigint", true);
  add_column(b, "posts", "lat", "text", true);
  add_column(b, "posts", "details", "text", true);
  add_column(b, "posts", "quantity", "bigint", true);
  EXPECT_EQ(schema_differences(a, b, {}, "sqlite", "postgres"),
            (Lines{"table networks: column public_uuid is in postgres, not in sqlite",
                   "table posts: column lat is real in sqlite, text in postgres",
                   "table posts: column quantity is nullable in sqlite, NOT NULL in postgres"}));
  // Both at once, in the default names.
  LogicalSchema c = sample();
  c[1].columns[1].type = "blob";
  c[1].columns[1].not_null = false;
  EXPECT_EQ(schema_differences(sample(), c),
            (Lines{"table posts: column id is integer in the first, blob in the second",
                   "table posts: column id is NOT NULL in the first, nullable in the second"}));
}

TEST(SchemaDifferences, KnownOneSideOnly) {
  LogicalSchema sqlite = sample();
  add_column(sqlite, "post_geo", "id", "", false);
  add_column(sqlite, "post_geo_node", "nodeno", "INTEGER", false);
  LogicalSchema postgres = sample();
  add_column(postgres, "posts", "public_point", "geometry", false);
  EXPECT_EQ(schema_differences(sqlite, postgres), Lines{});
  EXPECT_EQ(schema_differences(postgres, sqlite), Lines{});

  // Only what the list names: another column on one side is reported.
  add_column(postgres, "posts", "exact_point", "geometry", false);
  EXPECT_EQ(schema_differences(sqlite, postgres, known_differences(), "sqlite", "postgres"),
            Lines{"table posts: column exact_point is in postgres, not in sqlite"});
}

TEST(SchemaDifferences, KnownOneSideOnlyColumnIsStillComparedWhenOnBothSides) {
  LogicalSchema a = sample();
  LogicalSchema b = sample();
  add_column(a, "posts", "public_point", "geometry", false);
  add_column(b, "posts", "public_point", "bytea", false);
  EXPECT_EQ(schema_differences(a, b),
            Lines{"table posts: column public_point is geometry in the first, blob in the second"});
}

TEST(SchemaDifferences, SealedColumnsMayBeTextOnOneSideAndBlobOnTheOther) {
  LogicalSchema sqlite = sample();
  LogicalSchema postgres = sample();
  postgres[1].columns[0].type = normalize_type("bytea");  // posts.details
  EXPECT_EQ(schema_differences(sqlite, postgres), Lines{});
  EXPECT_EQ(schema_differences(postgres, sqlite), Lines{});

  // Another type, or another nullability, is still a difference.
  postgres[1].columns[0].type = "integer";
  postgres[1].columns[0].not_null = false;
  EXPECT_EQ(schema_differences(sqlite, postgres, known_differences(), "sqlite", "postgres"),
            (Lines{"table posts: column details is text in sqlite, integer in postgres",
                   "table posts: column details is NOT NULL in sqlite, nullable in postgres"}));

  // A column that is not sealed may not.
  LogicalSchema other = sample();
  other[0].columns[1].type = "blob";  // networks.slug
  EXPECT_EQ(schema_differences(sample(), other),
            Lines{"table networks: column slug is text in the first, blob in the second"});
}

TEST(KnownDifferences, EverySealedColumnAndEachReasonGiven) {
  const auto known = known_differences();
  for (const sql::SealedColumn& sealed : sql::sealed_columns()) {
    EXPECT_TRUE(std::any_of(known.begin(), known.end(),
                            [&](const KnownDifference& k) {
                              return k.kind == DifferenceKind::kSealedType &&
                                     k.table == sealed.table && k.column == sealed.column;
                            }))
        << sealed.table << "." << sealed.column;
  }
  for (const KnownDifference& k : known) {
    EXPECT_FALSE(k.reason.empty()) << k.table << "." << k.column;
    EXPECT_FALSE(k.kind == DifferenceKind::kSealedType && k.column.empty()) << k.table;
  }
}

TEST(SchemaQueries, ReturnTheSameFourColumns) {
  // One reader serves both: table, column, type, not null; sorted alike.
  for (std::string_view query : {kSqliteSchemaQuery, kPostgresSchemaQuery}) {
    EXPECT_TRUE(query.starts_with("SELECT ")) << query;
    EXPECT_NE(query.find("ORDER BY"), std::string_view::npos) << query;
  }
  EXPECT_NE(kPostgresSchemaQuery.find("spatial_ref_sys"), std::string_view::npos);
}

}  // namespace
}  // namespace gapfill::store
