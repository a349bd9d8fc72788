// Referrals between networks. The note is sealed at rest.

#include "store/sql/repositories.hpp"
#include "store/sql/sealed.hpp"

namespace gapfill::store::sql {
namespace {

constexpr const char* kColumns =
    "id, post_id, from_network_id, to_network_id, status, consent, consent_recorded_by,"
    " created_by, note, decline_reason, created_at, consented_at, decided_at, new_post_id";

Result<Referral> read_referral(const Statement& row, const FieldCipher& cipher) {
  Referral referral;
  referral.id = row.int64(0);
  referral.post_id = row.int64(1);
  referral.from_network_id = row.int64(2);
  referral.to_network_id = row.int64(3);
  referral.status = parse_referral_status(row.text(4)).value_or(ReferralStatus::kWithdrawn);
  if (!row.is_null(5)) referral.consent = parse_referral_consent(row.text(5));
  referral.consent_recorded_by = row.optional_int64(6);
  referral.created_by = row.optional_int64(7);
  referral.note = TRY(read_sealed(row, 8, cipher));
  if (!row.is_null(9)) referral.decline_reason = parse_decline_reason(row.text(9));
  referral.created_at = row.int64(10);
  referral.consented_at = row.optional_int64(11);
  referral.decided_at = row.optional_int64(12);
  referral.new_post_id = row.optional_int64(13);
  return referral;
}

template <typename Enum>
void bind_enum(Statement& statement, int position, const std::optional<Enum>& value) {
  if (value) {
    statement.bind(position, to_string(*value));
  } else {
    statement.bind_null(position);
  }
}

Result<std::vector<Referral>> read_all(Statement& statement, const FieldCipher& cipher) {
  std::vector<Referral> referrals;
  while (TRY(statement.step())) referrals.push_back(TRY(read_referral(statement, cipher)));
  return referrals;
}

}  // namespace

Result<ReferralId> SqlReferralRepository::insert(const Referral& referral) {
  auto statement = TRY(db_.prepare(
      "INSERT INTO referrals (post_id, from_network_id, to_network_id, status, consent,"
      " consent_recorded_by, created_by, note, decline_reason, created_at, consented_at,"
      " decided_at, new_post_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  statement.bind(1, referral.post_id)
      .bind(2, referral.from_network_id)
      .bind(3, referral.to_network_id)
      .bind(4, to_string(referral.status))
      .bind(6, referral.consent_recorded_by)
      .bind(7, referral.created_by)
      .bind(10, referral.created_at)
      .bind(11, referral.consented_at)
      .bind(12, referral.decided_at)
      .bind(13, referral.new_post_id);
  bind_enum(statement, 5, referral.consent);
  bind_sealed(statement, 8, cipher_, referral.note);
  bind_enum(statement, 9, referral.decline_reason);
  TRY_STATUS(statement.run());
  return db_.last_insert_id();
}

Result<Referral> SqlReferralRepository::find(ReferralId id) {
  auto statement =
      TRY(db_.prepare(std::string("SELECT ") + kColumns + " FROM referrals WHERE id = ?"));
  statement.bind(1, id);
  if (!TRY(statement.step())) return fail(ErrorCode::kNotFound, "Referral not found.");
  return read_referral(statement, cipher_);
}

Status SqlReferralRepository::update(const Referral& referral, ReferralStatus expected) {
  auto statement = TRY(db_.prepare(
      "UPDATE referrals SET status = ?, consent = ?, consent_recorded_by = ?, decline_reason = ?,"
      " consented_at = ?, decided_at = ?, new_post_id = ? WHERE id = ? AND status = ?"));
  statement.bind(1, to_string(referral.status))
      .bind(3, referral.consent_recorded_by)
      .bind(5, referral.consented_at)
      .bind(6, referral.decided_at)
      .bind(7, referral.new_post_id)
      .bind(8, referral.id)
      .bind(9, to_string(expected));
  bind_enum(statement, 2, referral.consent);
  bind_enum(statement, 4, referral.decline_reason);
  TRY_STATUS(statement.run());
  if (db_.changes() == 1) return {};
  TRY(find(referral.id));  // kNotFound for no such referral
  return fail(ErrorCode::kConflict, "This referral was decided already.");
}

Result<std::vector<Referral>> SqlReferralRepository::list_for_post(PostId post_id) {
  auto statement = TRY(db_.prepare(std::string("SELECT ") + kColumns +
                                   " FROM referrals WHERE post_id = ? ORDER BY id"));
  statement.bind(1, post_id);
  return read_all(statement, cipher_);
}

Result<std::optional<Referral>> SqlReferralRepository::find_by_new_post(PostId new_post_id) {
  auto statement =
      TRY(db_.prepare(std::string("SELECT ") + kColumns + " FROM referrals WHERE new_post_id = ?"));
  statement.bind(1, new_post_id);
  if (!TRY(statement.step())) return std::optional<Referral>();
  return std::optional<Referral>(TRY(read_referral(statement, cipher_)));
}

Result<std::vector<Referral>> SqlReferralRepository::list_for_network(NetworkId network_id,
                                                                      int limit) {
  auto statement = TRY(db_.prepare(std::string("SELECT ") + kColumns +
                                   " FROM referrals WHERE from_network_id = ? OR to_network_id = ?"
                                   " ORDER BY id DESC LIMIT ?"));
  statement.bind(1, network_id).bind(2, network_id).bind(3, limit);
  return read_all(statement, cipher_);
}

Status SqlReferralRepository::erase_notes_for_post(PostId post_id) {
  auto statement = TRY(db_.prepare("UPDATE referrals SET note = '' WHERE post_id = ?"));
  statement.bind(1, post_id);
  return statement.run();
}

}  // namespace gapfill::store::sql
