#include "domain/account_links.hpp"

#include "domain/services.hpp"

namespace gapfill::domain {

Status link_post_to_account(Services& services, PostId post_id, AccountId account_id) {
  return services.store().write([&](store::Transaction& transaction) -> Status {
    TRY(transaction.accounts().find(account_id));
    return transaction.posts().set_account(post_id, account_id);
  });
}

Status link_claim_to_account(Services& services, MatchId match_id, AccountId account_id) {
  return services.store().write([&](store::Transaction& transaction) -> Status {
    TRY(transaction.accounts().find(account_id));
    return transaction.matches().set_account(match_id, account_id);
  });
}

}  // namespace gapfill::domain
