#include "store/sqlite/migrations.hpp"

#include <array>

namespace gapfill::store::sqlite {
namespace {

constexpr std::string_view kMigration1 = R"sql(
CREATE TABLE networks (
  id               INTEGER PRIMARY KEY,
  slug             TEXT NOT NULL UNIQUE,
  name             TEXT NOT NULL,
  description      TEXT NOT NULL DEFAULT '',
  centre_lat       REAL NOT NULL,
  centre_lon       REAL NOT NULL,
  radius_km        REAL NOT NULL,
  languages        TEXT NOT NULL,
  timezone         TEXT NOT NULL,
  retention_days   INTEGER NOT NULL,
  post_expiry_days INTEGER NOT NULL,
  listed           INTEGER NOT NULL DEFAULT 1,
  created_at       INTEGER NOT NULL
);

CREATE TABLE categories (
  network_id INTEGER NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
  key        TEXT NOT NULL,
  position   INTEGER NOT NULL,
  PRIMARY KEY (network_id, key)
);

CREATE TABLE category_labels (
  network_id INTEGER NOT NULL,
  key        TEXT NOT NULL,
  language   TEXT NOT NULL,
  label      TEXT NOT NULL,
  PRIMARY KEY (network_id, key, language),
  FOREIGN KEY (network_id, key) REFERENCES categories(network_id, key) ON DELETE CASCADE
);

CREATE TABLE posts (
  id                  INTEGER PRIMARY KEY,
  network_id          INTEGER NOT NULL REFERENCES networks(id),
  kind                TEXT NOT NULL CHECK (kind IN ('request', 'offer')),
  category            TEXT NOT NULL,
  title               TEXT NOT NULL,
  details             TEXT NOT NULL DEFAULT '',
  quantity            INTEGER,
  urgency             TEXT NOT NULL CHECK (urgency IN ('today', 'week', 'flexible')),
  window_from         INTEGER,
  window_to           INTEGER,
  lat                 REAL NOT NULL,
  lon                 REAL NOT NULL,
  location_text       TEXT NOT NULL DEFAULT '',
  contact_name        TEXT NOT NULL DEFAULT '',
  contact_email       TEXT NOT NULL DEFAULT '',
  contact_phone       TEXT NOT NULL DEFAULT '',
  contact_method      TEXT NOT NULL CHECK (contact_method IN ('phone', 'email', 'site')),
  ride                INTEGER NOT NULL DEFAULT 0,
  ride_pickup_area    TEXT NOT NULL DEFAULT '',
  ride_dropoff_area   TEXT NOT NULL DEFAULT '',
  ride_appointment_at INTEGER,
  ride_return_trip    INTEGER NOT NULL DEFAULT 0,
  ride_passengers     INTEGER NOT NULL DEFAULT 1,
  ride_accessibility  TEXT NOT NULL DEFAULT '',
  status              TEXT NOT NULL CHECK (status IN ('open', 'matched', 'fulfilled', 'closed')),
  close_reason        TEXT CHECK (close_reason IN ('withdrawn', 'expired', 'moderated', 'duplicate')),
  created_at          INTEGER NOT NULL,
  updated_at          INTEGER NOT NULL,
  waiting_since       INTEGER NOT NULL,
  manage_token_hash   TEXT NOT NULL,
  FOREIGN KEY (network_id, category) REFERENCES categories(network_id, key)
);
CREATE INDEX posts_by_status_created ON posts(network_id, status, created_at DESC, id DESC);
CREATE INDEX posts_by_status_lat ON posts(network_id, status, lat);
CREATE INDEX posts_open_created ON posts(status, created_at);
CREATE INDEX posts_open_window ON posts(status, window_to) WHERE window_to IS NOT NULL;

CREATE TABLE matches (
  id              INTEGER PRIMARY KEY,
  network_id      INTEGER NOT NULL REFERENCES networks(id),
  request_id      INTEGER NOT NULL REFERENCES posts(id),
  offer_id        INTEGER REFERENCES posts(id),
  volunteer       INTEGER NOT NULL DEFAULT 0,
  volunteer_name  TEXT NOT NULL DEFAULT '',
  volunteer_email TEXT NOT NULL DEFAULT '',
  volunteer_phone TEXT NOT NULL DEFAULT '',
  quantity        INTEGER NOT NULL CHECK (quantity > 0),
  note            TEXT NOT NULL DEFAULT '',
  status          TEXT NOT NULL CHECK (status IN ('proposed', 'accepted', 'completed', 'cancelled')),
  token_hash      TEXT NOT NULL DEFAULT '',
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL
);
CREATE INDEX matches_by_request ON matches(request_id);
CREATE INDEX matches_by_offer ON matches(offer_id) WHERE offer_id IS NOT NULL;
-- The last line of defence against a request claimed twice.
CREATE UNIQUE INDEX one_active_match_per_request ON matches(request_id)
  WHERE status IN ('proposed', 'accepted');

CREATE TABLE post_events (
  id          INTEGER PRIMARY KEY,
  post_id     INTEGER NOT NULL REFERENCES posts(id),
  network_id  INTEGER NOT NULL REFERENCES networks(id),
  match_id    INTEGER REFERENCES matches(id),
  type        TEXT NOT NULL,
  from_status TEXT NOT NULL DEFAULT '',
  to_status   TEXT NOT NULL DEFAULT '',
  reason      TEXT NOT NULL DEFAULT '',
  at          INTEGER NOT NULL
);
CREATE INDEX post_events_by_post ON post_events(post_id, id);
)sql";

// Organizers: keys per network, posts entered by an organizer or marked as a
// duplicate of another, the index behind the network summary's count of
// fulfilled requests, and site settings.
constexpr std::string_view kMigration2 = R"sql(
CREATE TABLE organizer_keys (
  id         INTEGER PRIMARY KEY,
  network_id INTEGER NOT NULL REFERENCES networks(id),
  key_hash   TEXT NOT NULL UNIQUE,
  label      TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
);
CREATE INDEX organizer_keys_by_network ON organizer_keys(network_id, id);

ALTER TABLE posts ADD COLUMN duplicate_of INTEGER REFERENCES posts(id);
ALTER TABLE posts ADD COLUMN entered_by_organizer INTEGER NOT NULL DEFAULT 0;

CREATE INDEX post_events_status_changes ON post_events(network_id, to_status, at)
  WHERE type = 'status';

CREATE TABLE settings (
  name  TEXT PRIMARY KEY,
  value BLOB NOT NULL
);
)sql";

// Retention: when a closed post's personal data was erased, and the index
// the retention sweep walks (only posts that still hold personal data).
constexpr std::string_view kMigration3 = R"sql(
ALTER TABLE posts ADD COLUMN personal_data_erased_at INTEGER;

CREATE INDEX posts_awaiting_erasure ON posts(network_id, updated_at)
  WHERE status IN ('fulfilled', 'closed') AND personal_data_erased_at IS NULL;
)sql";

// The contact relay: a thread of messages per match (bodies are personal
// data, emptied by the retention sweep, which keeps the rows for counts), and
// when each side of a match was last sent an e-mail notice.
constexpr std::string_view kMigrationRelay = R"sql(
CREATE TABLE match_messages (
  id         INTEGER PRIMARY KEY,
  match_id   INTEGER NOT NULL REFERENCES matches(id),
  network_id INTEGER NOT NULL REFERENCES networks(id),
  side       TEXT NOT NULL CHECK (side IN ('requester', 'volunteer', 'offerer', 'organizer')),
  body       BLOB NOT NULL,
  erased     INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
);
CREATE INDEX match_messages_by_match ON match_messages(match_id, id);

CREATE TABLE match_message_notices (
  match_id     INTEGER NOT NULL REFERENCES matches(id),
  side         TEXT NOT NULL,
  last_sent_at INTEGER NOT NULL,
  PRIMARY KEY (match_id, side)
);
)sql";

// Moderation: posts organizers hid, reports of posts, blocks of manage
// tokens (and later accounts), and the audit log of organizer and admin
// actions.
constexpr std::string_view kMigrationModeration = R"sql(
ALTER TABLE posts ADD COLUMN hidden_at INTEGER;
ALTER TABLE posts ADD COLUMN hidden_reason TEXT
  CHECK (hidden_reason IN ('spam', 'scam', 'unsafe', 'personal_information', 'other'));

CREATE TABLE reports (
  id          INTEGER PRIMARY KEY,
  network_id  INTEGER NOT NULL REFERENCES networks(id),
  post_id     INTEGER NOT NULL REFERENCES posts(id),
  reason      TEXT NOT NULL
    CHECK (reason IN ('spam', 'scam', 'unsafe', 'personal_information', 'other')),
  note        TEXT NOT NULL DEFAULT '',
  created_at  INTEGER NOT NULL,
  resolution  TEXT CHECK (resolution IN ('dismissed', 'hidden')),
  resolved_at INTEGER
);
CREATE INDEX reports_open ON reports(network_id, id) WHERE resolved_at IS NULL;
CREATE INDEX reports_by_post ON reports(post_id);

-- subject: the manage token's hash for 'manage_token', the account id for
-- 'account' (accounts add theirs without a change here).
CREATE TABLE blocks (
  id           INTEGER PRIMARY KEY,
  network_id   INTEGER NOT NULL REFERENCES networks(id),
  subject_kind TEXT NOT NULL CHECK (subject_kind IN ('manage_token', 'account')),
  subject      TEXT NOT NULL,
  post_id      INTEGER REFERENCES posts(id),
  reason       TEXT NOT NULL
    CHECK (reason IN ('spam', 'scam', 'unsafe', 'personal_information', 'other')),
  created_at   INTEGER NOT NULL,
  lifted_at    INTEGER
);
CREATE UNIQUE INDEX one_live_block ON blocks(network_id, subject_kind, subject)
  WHERE lifted_at IS NULL;

CREATE TABLE audit_events (
  id          INTEGER PRIMARY KEY,
  network_id  INTEGER NOT NULL REFERENCES networks(id),
  actor_kind  TEXT NOT NULL CHECK (actor_kind IN ('organizer_key', 'operator', 'account')),
  actor_id    INTEGER,
  actor_label TEXT NOT NULL DEFAULT '',
  action      TEXT NOT NULL,
  target_kind TEXT NOT NULL,
  target_id   INTEGER NOT NULL,
  detail      TEXT NOT NULL DEFAULT '',
  at          INTEGER NOT NULL
);
CREATE INDEX audit_events_by_network ON audit_events(network_id, id);
)sql";

// Privacy: each network's public grid in km. Posts written before keep the
// point they were snapped to (a grid of 0.01 degrees); a move re-snaps.
constexpr std::string_view kMigrationPublicGrid = R"sql(
ALTER TABLE networks ADD COLUMN public_grid_km REAL NOT NULL DEFAULT 1.0;
)sql";

// Accounts: people who sign in with an e-mail address and a password, their
// server-side sessions and one-time links (verification, password reset),
// all stored as hashes; posts and matches made while signed in name their
// account.
constexpr std::string_view kMigrationAccounts = R"sql(
CREATE TABLE accounts (
  id            INTEGER PRIMARY KEY,
  email         TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  verified_at   INTEGER,
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL
);

CREATE TABLE sessions (
  id           INTEGER PRIMARY KEY,
  account_id   INTEGER NOT NULL REFERENCES accounts(id),
  token_hash   TEXT NOT NULL UNIQUE,
  created_at   INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  expires_at   INTEGER NOT NULL
);
CREATE INDEX sessions_by_account ON sessions(account_id);

CREATE TABLE account_tokens (
  id         INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  purpose    TEXT NOT NULL CHECK (purpose IN ('verify', 'reset')),
  token_hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at    INTEGER
);
CREATE INDEX account_tokens_by_account ON account_tokens(account_id, purpose);

ALTER TABLE posts ADD COLUMN account_id INTEGER REFERENCES accounts(id);
CREATE INDEX posts_by_account ON posts(account_id) WHERE account_id IS NOT NULL;
ALTER TABLE matches ADD COLUMN account_id INTEGER REFERENCES accounts(id);
CREATE INDEX matches_by_account ON matches(account_id) WHERE account_id IS NOT NULL;
)sql";

// Roles: an account's role per network, one-time invites to a role (only
// the token's hash), and what each network's admins decide (whether claiming
// needs a volunteer account). account_id is the accounts table's id; it has
// no foreign key so that this migration stands on its own.
constexpr std::string_view kMigrationRoles = R"sql(
CREATE TABLE memberships (
  network_id INTEGER NOT NULL REFERENCES networks(id),
  account_id INTEGER NOT NULL,
  role       TEXT NOT NULL CHECK (role IN ('member', 'volunteer', 'organizer', 'admin')),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (network_id, account_id)
);
CREATE INDEX memberships_by_account ON memberships(account_id, network_id);

CREATE TABLE invites (
  id         INTEGER PRIMARY KEY,
  network_id INTEGER NOT NULL REFERENCES networks(id),
  role       TEXT NOT NULL CHECK (role IN ('member', 'volunteer', 'organizer', 'admin')),
  token_hash TEXT NOT NULL UNIQUE,
  created_by INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at    INTEGER,
  used_by    INTEGER,
  revoked_at INTEGER
);
CREATE INDEX invites_by_network ON invites(network_id, id);

CREATE TABLE network_policies (
  network_id            INTEGER PRIMARY KEY REFERENCES networks(id),
  claim_needs_volunteer INTEGER NOT NULL DEFAULT 0
);
)sql";

// Account e-mail addresses are sealed at rest (store/sql/sealed.hpp): the
// address column then holds sealed bytes, and accounts are found by a keyed
// hash of the address. Existing rows are sealed, and their lookup written, by
// the re-sealing that runs at start-up.
constexpr std::string_view kMigrationSealedEmail = R"sql(
ALTER TABLE accounts ADD COLUMN email_lookup TEXT;
CREATE UNIQUE INDEX accounts_by_email_lookup ON accounts(email_lookup);
)sql";

// The spatial index of posts (store/sqlite/post_geo.hpp): an R*Tree with one
// entry per post, every status, so that every query by place (near a point,
// in a box) walks the tree instead of the posts table. Its five dimensions
// are the point (lat, lon), the network, the status (open 0, matched 1,
// fulfilled 2, closed 3; plus 4 when hidden) and the kind (request 0, offer
// 1), so that one network's public open requests near a town are found
// without visiting its neighbours' posts, its offers, its closed or hidden
// ones, or any auxiliary column. Those three are stored
// as [n, n + 0.5], not [n, n]: an R*Tree chooses where an entry goes by how
// much a node's volume grows, and a dimension of zero extent makes every
// volume zero (a tree that barely prunes). R*Tree coordinates are 32-bit
// floats rounded outwards, so the exact values are kept beside them as
// auxiliary columns, with the other filters (category, urgency, hidden), and
// the store decides on those. Triggers keep it in step with posts in the
// same transaction, whatever writes them.
constexpr std::string_view kMigrationPostGeo = R"sql(
CREATE VIRTUAL TABLE post_geo USING rtree(
  id, min_lat, max_lat, min_lon, max_lon, min_network, max_network, min_status, max_status,
  min_kind, max_kind,
  +lat, +lon, +network_id, +status, +kind, +category, +urgency, +hidden
);

INSERT INTO post_geo SELECT
    id, lat, lat, lon, lon, network_id, network_id + 0.5,
    CASE status WHEN 'open' THEN 0 WHEN 'matched' THEN 1 WHEN 'fulfilled' THEN 2 ELSE 3 END + 4 * (hidden_at IS NOT NULL),
    CASE status WHEN 'open' THEN 0 WHEN 'matched' THEN 1 WHEN 'fulfilled' THEN 2 ELSE 3 END + 4 * (hidden_at IS NOT NULL) + 0.5,
    CASE kind WHEN 'request' THEN 0 ELSE 1 END, CASE kind WHEN 'request' THEN 0 ELSE 1 END + 0.5,
    lat, lon, network_id,
    CASE status WHEN 'open' THEN 0 WHEN 'matched' THEN 1 WHEN 'fulfilled' THEN 2 ELSE 3 END,
    kind, category, urgency, hidden_at IS NOT NULL
  FROM posts;

CREATE TRIGGER post_geo_insert AFTER INSERT ON posts BEGIN
  INSERT INTO post_geo VALUES (
    NEW.id, NEW.lat, NEW.lat, NEW.lon, NEW.lon, NEW.network_id, NEW.network_id + 0.5,
    CASE NEW.status WHEN 'open' THEN 0 WHEN 'matched' THEN 1 WHEN 'fulfilled' THEN 2 ELSE 3 END + 4 * (NEW.hidden_at IS NOT NULL),
    CASE NEW.status WHEN 'open' THEN 0 WHEN 'matched' THEN 1 WHEN 'fulfilled' THEN 2 ELSE 3 END + 4 * (NEW.hidden_at IS NOT NULL) + 0.5,
    CASE NEW.kind WHEN 'request' THEN 0 ELSE 1 END, CASE NEW.kind WHEN 'request' THEN 0 ELSE 1 END + 0.5,
    NEW.lat, NEW.lon, NEW.network_id,
    CASE NEW.status WHEN 'open' THEN 0 WHEN 'matched' THEN 1 WHEN 'fulfilled' THEN 2 ELSE 3 END,
    NEW.kind, NEW.category, NEW.urgency, NEW.hidden_at IS NOT NULL);
END;

CREATE TRIGGER post_geo_update
AFTER UPDATE OF lat, lon, network_id, status, kind, category, urgency, hidden_at ON posts
WHEN OLD.lat IS NOT NEW.lat OR OLD.lon IS NOT NEW.lon OR OLD.network_id IS NOT NEW.network_id
  OR OLD.status IS NOT NEW.status OR OLD.kind IS NOT NEW.kind
  OR OLD.category IS NOT NEW.category OR OLD.urgency IS NOT NEW.urgency
  OR (OLD.hidden_at IS NULL) IS NOT (NEW.hidden_at IS NULL)
BEGIN
  DELETE FROM post_geo WHERE id = OLD.id;
  INSERT INTO post_geo VALUES (
    NEW.id, NEW.lat, NEW.lat, NEW.lon, NEW.lon, NEW.network_id, NEW.network_id + 0.5,
    CASE NEW.status WHEN 'open' THEN 0 WHEN 'matched' THEN 1 WHEN 'fulfilled' THEN 2 ELSE 3 END + 4 * (NEW.hidden_at IS NOT NULL),
    CASE NEW.status WHEN 'open' THEN 0 WHEN 'matched' THEN 1 WHEN 'fulfilled' THEN 2 ELSE 3 END + 4 * (NEW.hidden_at IS NOT NULL) + 0.5,
    CASE NEW.kind WHEN 'request' THEN 0 ELSE 1 END, CASE NEW.kind WHEN 'request' THEN 0 ELSE 1 END + 0.5,
    NEW.lat, NEW.lon, NEW.network_id,
    CASE NEW.status WHEN 'open' THEN 0 WHEN 'matched' THEN 1 WHEN 'fulfilled' THEN 2 ELSE 3 END,
    NEW.kind, NEW.category, NEW.urgency, NEW.hidden_at IS NOT NULL);
END;

CREATE TRIGGER post_geo_delete AFTER DELETE ON posts BEGIN
  DELETE FROM post_geo WHERE id = OLD.id;
END;
)sql";

// The directory: each network's public contact (its own published address,
// site and line; empty when not given) and a random public UUID, its stable
// id in exports (HSDS). Existing networks get a version 4 UUID here; new
// ones get theirs from the domain (libsodium).
constexpr std::string_view kMigrationDirectory = R"sql(
ALTER TABLE networks ADD COLUMN public_uuid TEXT;
ALTER TABLE networks ADD COLUMN contact_email TEXT NOT NULL DEFAULT '';
ALTER TABLE networks ADD COLUMN contact_website TEXT NOT NULL DEFAULT '';
ALTER TABLE networks ADD COLUMN contact_phone TEXT NOT NULL DEFAULT '';
UPDATE networks SET public_uuid = lower(
  hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
  substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' ||
  hex(randomblob(6)));
CREATE UNIQUE INDEX networks_by_public_uuid ON networks(public_uuid);
)sql";

// Referrals between networks (domain/referrals.hpp), and the close reason
// "referred" for a request another network took on. SQLite cannot alter a
// CHECK constraint, and rebuilding posts would drop the indexes and triggers
// other migrations hang on it, so the constraint's text is widened in place,
// as SQLite documents for loosening a CHECK (writable_schema; no stored row
// changes meaning). RESET reloads this connection's schema, and the CREATE
// TABLE after it bumps the schema cookie for every other connection.
// referrals.note is sealed at rest (store/sqlite/sealed.cpp).
constexpr std::string_view kMigrationReferrals = R"sql(
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
   SET sql = replace(sql, '''moderated'', ''duplicate'')',
                     '''moderated'', ''duplicate'', ''referred'')')
 WHERE type = 'table' AND name = 'posts';
PRAGMA writable_schema = RESET;
CREATE TABLE referrals (
  id                  INTEGER PRIMARY KEY,
  post_id             INTEGER NOT NULL REFERENCES posts(id),
  from_network_id     INTEGER NOT NULL REFERENCES networks(id),
  to_network_id       INTEGER NOT NULL REFERENCES networks(id),
  status              TEXT NOT NULL CHECK (status IN ('awaiting_consent', 'sent', 'accepted',
                                                      'declined', 'withdrawn', 'refused')),
  consent             TEXT CHECK (consent IN ('requester', 'organizer')),
  consent_recorded_by INTEGER,
  created_by          INTEGER,
  note                TEXT NOT NULL DEFAULT '',
  decline_reason      TEXT CHECK (decline_reason IN ('outside_area', 'no_capacity', 'not_offered',
                                                     'other')),
  created_at          INTEGER NOT NULL,
  consented_at        INTEGER,
  decided_at          INTEGER,
  new_post_id         INTEGER REFERENCES posts(id),
  CHECK (from_network_id != to_network_id)
);
CREATE INDEX referrals_by_post ON referrals(post_id, id);
CREATE INDEX referrals_from ON referrals(from_network_id, id);
CREATE INDEX referrals_to ON referrals(to_network_id, id);
CREATE UNIQUE INDEX referrals_new_post ON referrals(new_post_id) WHERE new_post_id IS NOT NULL;
CREATE UNIQUE INDEX referrals_one_live_per_post ON referrals(post_id)
  WHERE status IN ('awaiting_consent', 'sent');
)sql";

// Service areas drawn as polygons: the network's area as canonical GeoJSON
// (engine/area.hpp), empty for a circle. centre_lat/centre_lon/radius_km stay
// meaningful for a polygon: its centre and the radius covering it.
constexpr std::string_view kMigrationAreaPolygons = R"sql(
ALTER TABLE networks ADD COLUMN area_geojson TEXT NOT NULL DEFAULT '';
)sql";

// Volunteers' availability per network (store/model.hpp VolunteerProfile).
// name and place_text are sealed at rest (store/sqlite/sealed.cpp); lists are
// comma-joined keys. Matches get an index to count a volunteer's load.
constexpr std::string_view kMigrationVolunteerProfiles = R"sql(
CREATE TABLE volunteer_profiles (
  network_id      INTEGER NOT NULL REFERENCES networks(id),
  account_id      INTEGER NOT NULL REFERENCES accounts(id),
  name            TEXT NOT NULL DEFAULT '',
  available       INTEGER NOT NULL DEFAULT 1,
  categories      TEXT NOT NULL,
  lat             REAL NOT NULL,
  lon             REAL NOT NULL,
  place_text      TEXT NOT NULL DEFAULT '',
  max_distance_km REAL NOT NULL,
  languages       TEXT NOT NULL,
  max_active      INTEGER NOT NULL,
  max_per_week    INTEGER NOT NULL,
  available_from  INTEGER,
  available_until INTEGER,
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL,
  PRIMARY KEY (network_id, account_id)
);
CREATE INDEX volunteer_profiles_by_account ON volunteer_profiles(account_id);
CREATE INDEX matches_by_network_account ON matches(network_id, account_id)
  WHERE account_id IS NOT NULL;
)sql";

// What the matcher reads of a post: its languages (BCP 47 primary tags, the
// list codec of store/sql/list_codec.hpp, '' for none) and how far its
// poster can go or travel (NULL: the matcher's default). Neither is personal
// data, so neither is sealed nor erased by the retention sweep.
constexpr std::string_view kMigrationPostFields = R"sql(
ALTER TABLE posts ADD COLUMN languages TEXT NOT NULL DEFAULT '';
ALTER TABLE posts ADD COLUMN max_distance_km REAL
  CHECK (max_distance_km IS NULL OR max_distance_km > 0);
)sql";

// Possible duplicates of requests (store/duplicate_flag.hpp): a new request
// flagged as very like a live one, until organizers merge or dismiss it.
// `reasons` is a comma-separated subset of same_contact, nearby,
// similar_title; nothing personal is stored (the contact is compared in
// memory only).
constexpr std::string_view kMigrationDuplicateFlags = R"sql(
CREATE TABLE duplicate_flags (
  id          INTEGER PRIMARY KEY,
  network_id  INTEGER NOT NULL REFERENCES networks(id),
  post_id     INTEGER NOT NULL REFERENCES posts(id),
  of_post_id  INTEGER NOT NULL REFERENCES posts(id),
  score       REAL NOT NULL,
  reasons     TEXT NOT NULL,
  distance_km REAL NOT NULL DEFAULT 0,
  created_at  INTEGER NOT NULL,
  resolved_at INTEGER,
  resolution  TEXT CHECK (resolution IN ('merged', 'dismissed')),
  resolved_by INTEGER,
  CHECK (post_id != of_post_id),
  CHECK ((resolved_at IS NULL) = (resolution IS NULL))
);
CREATE INDEX duplicate_flags_open ON duplicate_flags(network_id, id) WHERE resolved_at IS NULL;
CREATE INDEX duplicate_flags_of_post ON duplicate_flags(of_post_id, id);
)sql";

// The matcher (engine/matcher): the pairs organizers dismissed, so it
// suggests them no more, and the network's live matches in one scan.
constexpr std::string_view kMigrationSuggestions = R"sql(
CREATE TABLE suggestion_dismissals (
  id           INTEGER PRIMARY KEY,
  network_id   INTEGER NOT NULL REFERENCES networks(id),
  request_id   INTEGER NOT NULL REFERENCES posts(id),
  offer_id     INTEGER REFERENCES posts(id),
  volunteer_id INTEGER REFERENCES accounts(id) ON DELETE CASCADE,
  dismissed_by INTEGER REFERENCES accounts(id) ON DELETE SET NULL,
  dismissed_at INTEGER NOT NULL,
  CHECK ((offer_id IS NULL) != (volunteer_id IS NULL))
);
CREATE UNIQUE INDEX suggestion_dismissals_pair
  ON suggestion_dismissals(request_id, COALESCE(offer_id, 0), COALESCE(volunteer_id, 0));
CREATE INDEX suggestion_dismissals_by_network ON suggestion_dismissals(network_id, id);
CREATE INDEX matches_by_network ON matches(network_id, status);
)sql";

// Posts count their updates (Post::version): an edit lands only over the
// version it read, so two edits from one reading cannot both win.
constexpr std::string_view kMigrationPostVersion = R"sql(
ALTER TABLE posts ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
)sql";

// What other processes on the same database have changed, so that each keeps
// its read model and network cache current (PostRepository::for_each_changed,
// NetworkRepository::change_mark, Services::refresh):
// every insert or update of a post takes the next change_seq; any change to a
// network or its categories counts up the mark 'networks'. Triggers do it, so
// no write can forget. PostgreSQL's migration 2 is the same, and notifies.
constexpr std::string_view kMigrationChangeFeed = R"sql(
ALTER TABLE posts ADD COLUMN change_seq INTEGER NOT NULL DEFAULT 0;
UPDATE posts SET change_seq = id;
CREATE INDEX posts_by_change ON posts(change_seq);
CREATE TRIGGER posts_change_on_insert AFTER INSERT ON posts BEGIN
  UPDATE posts SET change_seq = (SELECT max(change_seq) FROM posts) + 1 WHERE id = NEW.id;
END;
CREATE TRIGGER posts_change_on_update AFTER UPDATE ON posts
WHEN NEW.change_seq = OLD.change_seq BEGIN
  UPDATE posts SET change_seq = (SELECT max(change_seq) FROM posts) + 1 WHERE id = NEW.id;
END;

CREATE TABLE change_marks (
  name TEXT PRIMARY KEY,
  seq  INTEGER NOT NULL
);
CREATE TRIGGER networks_mark_on_insert AFTER INSERT ON networks BEGIN
  INSERT INTO change_marks (name, seq) VALUES ('networks', 1)
  ON CONFLICT (name) DO UPDATE SET seq = seq + 1;
END;
CREATE TRIGGER networks_mark_on_update AFTER UPDATE ON networks BEGIN
  INSERT INTO change_marks (name, seq) VALUES ('networks', 1)
  ON CONFLICT (name) DO UPDATE SET seq = seq + 1;
END;
CREATE TRIGGER categories_mark_on_insert AFTER INSERT ON categories BEGIN
  INSERT INTO change_marks (name, seq) VALUES ('networks', 1)
  ON CONFLICT (name) DO UPDATE SET seq = seq + 1;
END;
CREATE TRIGGER categories_mark_on_update AFTER UPDATE ON categories BEGIN
  INSERT INTO change_marks (name, seq) VALUES ('networks', 1)
  ON CONFLICT (name) DO UPDATE SET seq = seq + 1;
END;
CREATE TRIGGER categories_mark_on_delete AFTER DELETE ON categories BEGIN
  INSERT INTO change_marks (name, seq) VALUES ('networks', 1)
  ON CONFLICT (name) DO UPDATE SET seq = seq + 1;
END;
CREATE TRIGGER category_labels_mark_on_insert AFTER INSERT ON category_labels BEGIN
  INSERT INTO change_marks (name, seq) VALUES ('networks', 1)
  ON CONFLICT (name) DO UPDATE SET seq = seq + 1;
END;
CREATE TRIGGER category_labels_mark_on_update AFTER UPDATE ON category_labels BEGIN
  INSERT INTO change_marks (name, seq) VALUES ('networks', 1)
  ON CONFLICT (name) DO UPDATE SET seq = seq + 1;
END;
CREATE TRIGGER category_labels_mark_on_delete AFTER DELETE ON category_labels BEGIN
  INSERT INTO change_marks (name, seq) VALUES ('networks', 1)
  ON CONFLICT (name) DO UPDATE SET seq = seq + 1;
END;
)sql";

// Relay notices carry their match's network, as every per-network table does
// (so that Citus can distribute them with it: docs/deploy.md). SQLite adds a
// NOT NULL reference only by rebuilding the table.
constexpr std::string_view kMigrationNoticeNetwork = R"sql(
CREATE TABLE match_message_notices_new (
  network_id   INTEGER NOT NULL REFERENCES networks(id),
  match_id     INTEGER NOT NULL REFERENCES matches(id),
  side         TEXT NOT NULL,
  last_sent_at INTEGER NOT NULL,
  PRIMARY KEY (match_id, side)
);
INSERT INTO match_message_notices_new (network_id, match_id, side, last_sent_at)
  SELECT m.network_id, n.match_id, n.side, n.last_sent_at
  FROM match_message_notices n JOIN matches m ON m.id = n.match_id;
DROP TABLE match_message_notices;
ALTER TABLE match_message_notices_new RENAME TO match_message_notices;
)sql";

constexpr std::array kMigrations{kMigration1,
                                 kMigration2,
                                 kMigration3,
                                 kMigrationRelay,
                                 kMigrationModeration,
                                 kMigrationPublicGrid,
                                 kMigrationAccounts,
                                 kMigrationRoles,
                                 kMigrationSealedEmail,
                                 kMigrationPostGeo,
                                 kMigrationDirectory,
                                 kMigrationReferrals,
                                 kMigrationAreaPolygons,
                                 kMigrationVolunteerProfiles,
                                 kMigrationPostFields,
                                 kMigrationDuplicateFlags,
                                 kMigrationSuggestions,
                                 kMigrationPostVersion,
                                 kMigrationChangeFeed,
                                 kMigrationNoticeNetwork};

}  // namespace

std::span<const std::string_view> migrations() {
  return kMigrations;
}

}  // namespace gapfill::store::sqlite
