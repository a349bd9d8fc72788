#include "store/schema_parity.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <set>

#include "store/sql/sealed.hpp"

namespace gapfill::store {
namespace {

constexpr std::array<KnownDifference, 5> kStructuralDifferences{{
    {"post_geo", "", DifferenceKind::kOneSideOnly,
     "SQLite's spatial index of posts, an R*Tree virtual table kept by triggers; PostgreSQL "
     "indexes posts.public_point instead"},
    {"post_geo_node", "", DifferenceKind::kOneSideOnly,
     "a shadow table of the R*Tree post_geo (SQLite)"},
    {"post_geo_rowid", "", DifferenceKind::kOneSideOnly,
     "a shadow table of the R*Tree post_geo (SQLite)"},
    {"post_geo_parent", "", DifferenceKind::kOneSideOnly,
     "a shadow table of the R*Tree post_geo (SQLite)"},
    {"posts", "public_point", DifferenceKind::kOneSideOnly,
     "PostgreSQL's PostGIS point generated from lat and lon, which its GiST index holds in place "
     "of SQLite's post_geo"},
}};

constexpr std::string_view kSealedReason =
    "sealed at rest: SQLite declares TEXT (plaintext from before sealing) and holds a BLOB or '', "
    "PostgreSQL holds BYTEA";

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

bool allowed(std::span<const KnownDifference> known, DifferenceKind kind, const std::string& table,
             const std::string& column) {
  return std::any_of(known.begin(), known.end(), [&](const KnownDifference& k) {
    return k.kind == kind && k.table == table && k.column == column;
  });
}

bool sealed_pair(const std::string& a, const std::string& b) {
  return (a == "text" && b == "blob") || (a == "blob" && b == "text");
}

template <typename T>
std::map<std::string, const T*> by_name(const std::vector<T>& items) {
  std::map<std::string, const T*> out;
  for (const T& item : items) out.emplace(item.name, &item);
  return out;
}

std::string nullability(bool not_null) {
  return not_null ? "NOT NULL" : "nullable";
}

}  // namespace

// SQLite's pragma_table_info gives the declared type as written and notnull
// 0 for a PRIMARY KEY column not also declared NOT NULL (see the header).
// sqlite_* tables are SQLite's (sqlite_sequence, sqlite_stat1...).
constexpr std::string_view kSqliteSchemaQuery =
    "SELECT m.name, p.name, p.type, p.\"notnull\" OR p.pk > 0"
    " FROM sqlite_master m JOIN pragma_table_info(m.name) p"
    " WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
    " ORDER BY m.name, p.name";

// data_type names a user-defined type 'USER-DEFINED'; udt_name says which.
constexpr std::string_view kPostgresSchemaQuery =
    "SELECT c.table_name::text, c.column_name::text,"
    " CASE WHEN c.data_type = 'USER-DEFINED' THEN c.udt_name::text ELSE c.data_type::text END,"
    " CASE WHEN c.is_nullable = 'NO' THEN 1 ELSE 0 END"
    " FROM information_schema.columns c JOIN information_schema.tables t"
    " ON t.table_schema = c.table_schema AND t.table_name = c.table_name"
    " WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'"
    " AND c.table_name <> 'spatial_ref_sys'"
    " ORDER BY 1, 2";

std::string normalize_type(std::string_view declared_type) {
  const std::string type = lower(trimmed(declared_type));
  // PostgreSQL's names first: SQLite's rules below would read "interval"
  // and "point" as integers (they contain INT).
  if (type == "bytea") return "blob";
  if (type == "geometry" || type == "geography" || type.starts_with("geometry(") ||
      type.starts_with("geography(")) {
    return "geometry";
  }
  if (type == "interval" || type == "point") return type;
  // SQLite's affinity rules (https://sqlite.org/datatype3.html, 3.1), in
  // their order; they also cover PostgreSQL's bigint, integer, smallint,
  // text, character varying, real and double precision.
  if (contains(type, "int")) return "integer";
  if (contains(type, "char") || contains(type, "clob") || contains(type, "text")) return "text";
  if (type.empty() || contains(type, "blob")) return "blob";
  if (contains(type, "real") || contains(type, "floa") || contains(type, "doub")) return "real";
  return type;
}

void add_column(LogicalSchema& schema, std::string_view table, std::string_view column,
                std::string_view declared_type, bool not_null) {
  auto t = std::lower_bound(schema.begin(), schema.end(), table,
                            [](const LogicalTable& a, std::string_view b) { return a.name < b; });
  if (t == schema.end() || t->name != table) {
    t = schema.insert(t, LogicalTable{std::string(table), {}});
  }
  auto c = std::lower_bound(t->columns.begin(), t->columns.end(), column,
                            [](const LogicalColumn& a, std::string_view b) { return a.name < b; });
  t->columns.insert(c, LogicalColumn{std::string(column), normalize_type(declared_type), not_null});
}

std::span<const KnownDifference> known_differences() {
  // Built once from sealed_columns(), so that a column sealed there is known
  // here without a second list.
  static const std::vector<KnownDifference> known = [] {
    std::vector<KnownDifference> all(kStructuralDifferences.begin(), kStructuralDifferences.end());
    for (const sql::SealedColumn& sealed : sql::sealed_columns()) {
      all.push_back({sealed.table, sealed.column, DifferenceKind::kSealedType, kSealedReason});
    }
    return all;
  }();
  return known;
}

std::vector<std::string> schema_differences(const LogicalSchema& a, const LogicalSchema& b,
                                            std::span<const KnownDifference> known,
                                            std::string_view a_name, std::string_view b_name) {
  const std::string here(a_name);
  const std::string there(b_name);
  std::vector<std::string> lines;
  const auto tables_a = by_name(a);
  const auto tables_b = by_name(b);
  std::set<std::string> names;  // every table's, sorted
  for (const LogicalTable& table : a) names.insert(table.name);
  for (const LogicalTable& table : b) names.insert(table.name);

  for (const std::string& table : names) {
    if (allowed(known, DifferenceKind::kOneSideOnly, table, "")) continue;
    const auto in_a = tables_a.find(table);
    const auto in_b = tables_b.find(table);
    if (in_b == tables_b.end()) {
      lines.push_back("table " + table + " is in " + here + ", not in " + there);
      continue;
    }
    if (in_a == tables_a.end()) {
      lines.push_back("table " + table + " is in " + there + ", not in " + here);
      continue;
    }
    const auto columns_a = by_name(in_a->second->columns);
    const auto columns_b = by_name(in_b->second->columns);
    std::set<std::string> columns;
    for (const LogicalColumn& column : in_a->second->columns) columns.insert(column.name);
    for (const LogicalColumn& column : in_b->second->columns) columns.insert(column.name);
    for (const std::string& column : columns) {
      const std::string prefix = "table " + table + ": column " + column;
      const auto ca = columns_a.find(column);
      const auto cb = columns_b.find(column);
      if (ca == columns_a.end() || cb == columns_b.end()) {
        if (!allowed(known, DifferenceKind::kOneSideOnly, table, column)) {
          lines.push_back(prefix + " is in " + (ca == columns_a.end() ? there : here) +
                          ", not in " + (ca == columns_a.end() ? here : there));
        }
        continue;
      }
      if (ca->second->type != cb->second->type &&
          !(sealed_pair(ca->second->type, cb->second->type) &&
            allowed(known, DifferenceKind::kSealedType, table, column))) {
        lines.push_back(prefix + " is " + ca->second->type + " in " + here + ", " +
                        cb->second->type + " in " + there);
      }
      if (ca->second->not_null != cb->second->not_null) {
        lines.push_back(prefix + " is " + nullability(ca->second->not_null) + " in " + here + ", " +
                        nullability(cb->second->not_null) + " in " + there);
      }
    }
  }
  return lines;
}

}  // namespace gapfill::store
