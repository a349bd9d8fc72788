#include "store/sql/sealed.hpp"

#include <array>
#include <utility>
#include <vector>

namespace gapfill::store::sql {
namespace {

// Exactly the personal data the retention sweep erases: what only the post's
// owner, its matched party and organizers may read (the private view), and
// the ride's areas and needs, which are public while the post is listed but
// are still places and health facts about a person once it is not.
constexpr std::array<SealedColumn, 18> kSealedColumns{{
    {"accounts", "email", "email_lookup"},
    {"posts", "details"},
    {"posts", "location_text"},
    {"posts", "contact_name"},
    {"posts", "contact_email"},
    {"posts", "contact_phone"},
    {"posts", "ride_pickup_area"},
    {"posts", "ride_dropoff_area"},
    {"posts", "ride_accessibility"},
    {"matches", "volunteer_name"},
    {"matches", "volunteer_email"},
    {"matches", "volunteer_phone"},
    {"matches", "note"},
    {"match_messages", "body"},
    {"reports", "note"},
    {"referrals", "note"},
    {"volunteer_profiles", "name"},
    {"volunteer_profiles", "place_text"},
}};

std::string name(const SealedColumn& column) {
  return std::string(column.table) + "." + std::string(column.column);
}

}  // namespace

std::span<const SealedColumn> sealed_columns() {
  return kSealedColumns;
}

Status check_sealed_keys(Database& db, const FieldCipher& cipher) {
  for (const SealedColumn& column : sealed_columns()) {
    // One value per distinct header (version and key id). PostgreSQL keeps
    // sealed columns as BYTEA, where only '' is not sealed; SQLite returns a
    // bare column from one row of each group.
    const std::string col(column.column);
    const std::string table(column.table);
    auto statement =
        TRY(db.prepare(db.dialect() == Dialect::kPostgres
                           ? "SELECT DISTINCT ON (substring(" + col + " from 1 for 5)) " + col +
                                 " FROM " + table + " WHERE length(" + col + ") > 0"
                           : "SELECT " + col + " FROM " + table + " WHERE typeof(" + col +
                                 ") = 'blob' GROUP BY substr(" + col + ", 1, 5)"));
    while (TRY(statement.step())) {
      const std::string sealed = statement.blob(0);
      const auto id = FieldCipher::key_id_of(sealed);
      if (!id) {
        return fail(ErrorCode::kInternal,
                    "the database holds a value in " + name(column) + " that is not sealed data");
      }
      if (!cipher.has_key(*id)) {
        return fail(ErrorCode::kInternal,
                    "the database holds personal data sealed under data key " +
                        std::to_string(*id) +
                        ", which the key file lacks; restore the key file from your backup");
      }
      if (auto opened = cipher.open(sealed); !opened) {
        return fail(ErrorCode::kInternal, "data key " + std::to_string(*id) +
                                              " in the key file does not open the personal data "
                                              "in the database: it is the wrong key file");
      }
    }
  }
  return {};
}

Result<int> reseal_some(Database& db, const FieldCipher& cipher, int limit) {
  int done = 0;
  const std::string current = FieldCipher::key_id_bytes(cipher.current_key_id());
  for (const SealedColumn& column : sealed_columns()) {
    if (done >= limit) break;
    const std::string col(column.column);
    const std::string table(column.table);
    // Each value with the row it is in: SQLite's rowid, or PostgreSQL's ctid
    // (stable within the transaction).
    const bool postgres = db.dialect() == Dialect::kPostgres;
    std::vector<std::pair<std::string, std::string>> values;
    {
      auto select = TRY(db.prepare(
          postgres ? "SELECT ctid::text, " + col + " FROM " + table + " WHERE length(" + col +
                         ") > 0 AND substring(" + col + " from 2 for 4) <> ? LIMIT ?"
                   : "SELECT rowid, " + col + " FROM " + table + " WHERE (typeof(" + col +
                         ") = 'text' AND " + col + " != '') OR (typeof(" + col +
                         ") = 'blob' AND substr(" + col + ", 2, 4) != ?) LIMIT ?"));
      select.bind_blob(1, current).bind(2, limit - done);
      while (TRY(select.step())) {
        std::string plaintext =
            select.is_blob(1) ? TRY(cipher.open(select.blob(1))) : select.text(1);
        values.emplace_back(select.text(0), std::move(plaintext));
      }
    }
    const std::string lookup(column.lookup);
    for (const auto& [row, plaintext] : values) {
      auto update =
          TRY(db.prepare("UPDATE " + table + " SET " + col + " = ?" +
                         (lookup.empty() ? "" : ", " + lookup + " = ?") +
                         (postgres ? " WHERE ctid = CAST(? AS tid)" : " WHERE rowid = ?")));
      update.bind_blob(1, cipher.seal(plaintext)).start_at(2);
      if (!lookup.empty()) update.add(cipher.lookup(plaintext));
      if (postgres) {
        update.add(row);
      } else {
        update.add(static_cast<std::int64_t>(std::stoll(row)));
      }
      TRY_STATUS(update.run());
    }
    done += static_cast<int>(values.size());
  }
  return done;
}

}  // namespace gapfill::store::sql
