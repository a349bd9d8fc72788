#pragma once
// The rules for every value a client may send. Each function collects every
// problem into `errors` (field -> catalogue message) rather than stopping at
// the first.

#include <map>
#include <string>
#include <vector>

#include "domain/drafts.hpp"
#include "store/model.hpp"

namespace gapfill::domain {

using FieldErrors = std::map<std::string, Message>;

// Fills `network` from a draft for a new network.
void apply_network_draft(const NetworkDraft& draft, Network& network, FieldErrors& errors);

// Checks a network's public contact (fields "contact.email",
// "contact.website", "contact.phone"): each optional, bounded; the e-mail an
// address, the website an http(s) URL, the phone a phone number. Fills
// `contact` with the parts given, trimmed.
void apply_public_contact(const PublicContactDraft& draft, PublicContact& contact,
                          FieldErrors& errors);
bool is_valid_website(const std::string& url);

// Applies a new post's draft (`creating`) or a patch to `post`. `categories`
// are the network's. `now` bounds the time window.
enum class DraftMode { kCreate, kPatch };
void apply_post_draft(const PostDraft& draft, DraftMode mode,
                      const std::vector<Category>& categories, const Network& network,
                      UnixSeconds now, Post& post, FieldErrors& errors);

// Checks a volunteer's claim; fills `volunteer`.
void check_claim(const ClaimDraft& draft, Volunteer& volunteer, FieldErrors& errors);

// Checks a free-text note (claims, proposals).
void check_note(const std::optional<std::string>& note, FieldErrors& errors);

// A relay message's body (field "body"): required, plain text of 1 to
// limits::kMessageBodyMaxChars characters. Returns it trimmed.
std::string checked_message_body(const std::optional<std::string>& body, FieldErrors& errors);
// Checks a report of a post: a reason is required, the note is optional
// plain text of at most limits::kReportNoteMaxChars. Fills `report`'s reason
// and note.
void check_report(const ReportDraft& draft, Report& report, FieldErrors& errors);

// Checks a match quantity.
void check_quantity(const std::optional<std::int64_t>& quantity, const std::string& field,
                    FieldErrors& errors);

// Adds the problems found while reading a draft; they win over the domain's
// own message for the same field (which is usually "is required").
void merge_read_errors(const ReadErrors& read_errors, FieldErrors& errors);

// Field-level helpers, shared with the other validators.
bool is_valid_slug(const std::string& slug);
bool is_valid_email(const std::string& email);
bool is_valid_phone(const std::string& phone);
bool is_known_timezone(const std::string& name);
bool is_known_accessibility_need(const std::string& key);

}  // namespace gapfill::domain
