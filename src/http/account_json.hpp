#pragma once
// Accounts to JSON: the account as its owner sees it, and "download my data".

#include <nlohmann/json.hpp>

#include "domain/services.hpp"

namespace gapfill::http {

// {"id", "email", "verified", "created_at"}: for the account's owner only.
nlohmann::json account_json(const Account& account);

// Everything stored about the owner: the account, the posts made and the
// requests claimed while signed in (with their private fields), and how many
// sessions are signed in. Never a password hash or a token hash.
nlohmann::json export_json(domain::Services& services, const domain::AccountExport& exported);

}  // namespace gapfill::http
