// Reports, blocks and the audit log.

#include <limits>

#include "store/sql/repositories.hpp"
#include "store/sql/sealed.hpp"

namespace gapfill::store::sql {
namespace {

constexpr const char* kReportColumns =
    "id, network_id, post_id, reason, note, created_at, resolution, resolved_at";

Result<Report> read_report(const Statement& row, const FieldCipher& cipher) {
  Report report;
  report.id = row.int64(0);
  report.network_id = row.int64(1);
  report.post_id = row.int64(2);
  report.reason = parse_moderation_reason(row.text(3)).value_or(ModerationReason::kOther);
  report.note = TRY(read_sealed(row, 4, cipher));
  report.created_at = row.int64(5);
  if (!row.is_null(6)) report.resolution = parse_report_resolution(row.text(6));
  report.resolved_at = row.optional_int64(7);
  return report;
}

constexpr const char* kBlockColumns =
    "id, network_id, subject_kind, subject, post_id, reason, created_at, lifted_at";

Block read_block(const Statement& row) {
  Block block;
  block.id = row.int64(0);
  block.network_id = row.int64(1);
  block.subject_kind = parse_block_subject(row.text(2)).value_or(BlockSubject::kManageToken);
  block.subject = row.text(3);
  block.post_id = row.optional_int64(4);
  block.reason = parse_moderation_reason(row.text(5)).value_or(ModerationReason::kOther);
  block.created_at = row.int64(6);
  block.lifted_at = row.optional_int64(7);
  return block;
}

constexpr const char* kAuditColumns =
    "id, network_id, actor_kind, actor_id, actor_label, action, target_kind, target_id, detail,"
    " at";

AuditEvent read_audit_event(const Statement& row) {
  AuditEvent event;
  event.id = row.int64(0);
  event.network_id = row.int64(1);
  event.actor_kind = parse_actor_kind(row.text(2)).value_or(ActorKind::kOperator);
  event.actor_id = row.optional_int64(3);
  event.actor_label = row.text(4);
  event.action = row.text(5);
  event.target_kind = row.text(6);
  event.target_id = row.int64(7);
  event.detail = row.text(8);
  event.at = row.int64(9);
  return event;
}

}  // namespace

Result<std::int64_t> SqlReportRepository::insert(const Report& report) {
  auto statement = TRY(
      db_.prepare("INSERT INTO reports (network_id, post_id, reason, note, created_at, resolution,"
                  " resolved_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
  statement.bind(1, report.network_id)
      .bind(2, report.post_id)
      .bind(3, to_string(report.reason))
      .bind(5, report.created_at);
  bind_sealed(statement, 4, cipher_, report.note);
  if (report.resolution) {
    statement.bind(6, to_string(*report.resolution));
  } else {
    statement.bind_null(6);
  }
  statement.bind(7, report.resolved_at);
  TRY_STATUS(statement.run());
  return db_.last_insert_id();
}

Result<Report> SqlReportRepository::find(std::int64_t id) {
  auto statement =
      TRY(db_.prepare(std::string("SELECT ") + kReportColumns + " FROM reports WHERE id = ?"));
  statement.bind(1, id);
  if (!TRY(statement.step())) return not_found("Report");
  return read_report(statement, cipher_);
}

Result<std::vector<Report>> SqlReportRepository::list_open(NetworkId network_id, int limit,
                                                           int offset) {
  auto statement = TRY(db_.prepare(std::string("SELECT ") + kReportColumns +
                                   " FROM reports WHERE network_id = ? AND resolved_at IS NULL"
                                   " ORDER BY id LIMIT ? OFFSET ?"));
  statement.bind(1, network_id).bind(2, limit).bind(3, offset);
  std::vector<Report> reports;
  while (TRY(statement.step())) reports.push_back(TRY(read_report(statement, cipher_)));
  return reports;
}

Result<int> SqlReportRepository::count_open(NetworkId network_id) {
  auto statement =
      TRY(db_.prepare("SELECT count(*) FROM reports WHERE network_id = ? AND resolved_at IS NULL"));
  statement.bind(1, network_id);
  TRY(statement.step());
  return static_cast<int>(statement.int64(0));
}

Result<int> SqlReportRepository::resolve_for_post(PostId post_id, ReportResolution resolution,
                                                  UnixSeconds at) {
  auto statement =
      TRY(db_.prepare("UPDATE reports SET resolution = ?, resolved_at = ? WHERE post_id = ?"
                      " AND resolved_at IS NULL"));
  statement.bind(1, to_string(resolution)).bind(2, at).bind(3, post_id);
  TRY_STATUS(statement.run());
  return db_.changes();
}

Status SqlReportRepository::resolve(std::int64_t id, ReportResolution resolution, UnixSeconds at) {
  const Report report = TRY(find(id));
  if (report.resolved_at) {
    return fail(ErrorCode::kConflict, "This report was resolved already.");
  }
  auto statement =
      TRY(db_.prepare("UPDATE reports SET resolution = ?, resolved_at = ? WHERE id = ?"));
  statement.bind(1, to_string(resolution)).bind(2, at).bind(3, id);
  return statement.run();
}

Status SqlReportRepository::erase_notes_for_post(PostId post_id) {
  auto statement = TRY(db_.prepare("UPDATE reports SET note = '' WHERE post_id = ?"));
  statement.bind(1, post_id);
  return statement.run();
}

Result<std::int64_t> SqlBlockRepository::insert(const Block& block) {
  auto statement = TRY(db_.prepare(
      "INSERT INTO blocks (network_id, subject_kind, subject, post_id, reason, created_at,"
      " lifted_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
  statement.bind(1, block.network_id)
      .bind(2, to_string(block.subject_kind))
      .bind(3, block.subject)
      .bind(4, block.post_id)
      .bind(5, to_string(block.reason))
      .bind(6, block.created_at)
      .bind(7, block.lifted_at);
  TRY_STATUS(statement.run());
  return db_.last_insert_id();
}

Result<std::optional<Block>> SqlBlockRepository::find_live(NetworkId network_id,
                                                           BlockSubject subject_kind,
                                                           const std::string& subject) {
  auto statement = TRY(db_.prepare(std::string("SELECT ") + kBlockColumns +
                                   " FROM blocks WHERE network_id = ? AND subject_kind = ?"
                                   " AND subject = ? AND lifted_at IS NULL"));
  statement.bind(1, network_id).bind(2, to_string(subject_kind)).bind(3, subject);
  if (!TRY(statement.step())) return std::optional<Block>{};
  return std::optional<Block>{read_block(statement)};
}

Status SqlBlockRepository::lift(std::int64_t id, UnixSeconds at) {
  auto statement =
      TRY(db_.prepare("UPDATE blocks SET lifted_at = ? WHERE id = ? AND lifted_at IS NULL"));
  statement.bind(1, at).bind(2, id);
  TRY_STATUS(statement.run());
  if (db_.changes() != 1) return not_found("Block");
  return {};
}

Result<std::int64_t> SqlAuditRepository::append(const AuditEvent& event) {
  auto statement = TRY(
      db_.prepare("INSERT INTO audit_events (network_id, actor_kind, actor_id, actor_label, action,"
                  " target_kind, target_id, detail, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  statement.bind(1, event.network_id)
      .bind(2, to_string(event.actor_kind))
      .bind(3, event.actor_id)
      .bind(4, event.actor_label)
      .bind(5, event.action)
      .bind(6, event.target_kind)
      .bind(7, event.target_id)
      .bind(8, event.detail)
      .bind(9, event.at);
  TRY_STATUS(statement.run());
  return db_.last_insert_id();
}

Result<std::vector<AuditEvent>> SqlAuditRepository::list(NetworkId network_id,
                                                         std::optional<std::int64_t> before_id,
                                                         int limit) {
  auto statement = TRY(db_.prepare(std::string("SELECT ") + kAuditColumns +
                                   " FROM audit_events WHERE network_id = ? AND id < ?"
                                   " ORDER BY id DESC LIMIT ?"));
  statement.bind(1, network_id)
      .bind(2, before_id.value_or(std::numeric_limits<std::int64_t>::max()))
      .bind(3, limit);
  std::vector<AuditEvent> events;
  while (TRY(statement.step())) events.push_back(read_audit_event(statement));
  return events;
}

}  // namespace gapfill::store::sql
