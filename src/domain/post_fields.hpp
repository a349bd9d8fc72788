#pragma once
// The two post fields the matcher reads: the languages a post names and how
// far its poster can go, travel or deliver (store/model.hpp, Post).

#include "domain/drafts.hpp"
#include "domain/validation.hpp"
#include "store/model.hpp"

namespace gapfill::domain {

// Whether a post may name `code`: a language this program knows by name
// (domain/language_names.hpp) or one of the network's own. A request may so
// name a language the network does not list (a rare one), which is how the
// matcher can find the one neighbour who speaks it.
bool is_post_language(const std::string& code, const Network& network);

// Applies the draft's "languages" and "max_distance_km" (and their clearing)
// to `post`. Languages: at most limits::kPostLanguagesMax, each a
// post language, no two alike (tags are trimmed and lower-cased first).
// max_distance_km: limits::kPostMaxDistanceKmMin to kPostMaxDistanceKmMax.
// Problems go to `errors` under those two field names.
void apply_post_fields(const PostDraft& draft, const Network& network, Post& post,
                       FieldErrors& errors);

}  // namespace gapfill::domain
