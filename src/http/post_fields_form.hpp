#pragma once
// The post form's "Languages" and "How far" fields (what the matcher reads,
// store/model.hpp Post::languages and Post::max_distance_km): reading them
// from a sent form, showing them in the form and on the post's page.

#include <string>
#include <utility>
#include <vector>

#include "domain/drafts.hpp"
#include "http/form.hpp"
#include "http/post_form.hpp"
#include "http/web.hpp"

namespace gapfill::http {

// Reads "languages" (checkboxes, repeatable), "language_other" (one more
// from the known list) and "max_distance_km" (a select; "" leaves it unset)
// into `draft`. A creating form leaves unset fields out; an edit (`editing`)
// replaces the languages and clears an unset distance.
void read_post_fields(const Form& form, bool editing, domain::PostDraft& draft);

// Adds the post's values, as the form sends them, to `fields` (form_of).
void add_post_fields(const Post& post, std::vector<std::pair<std::string, std::string>>& fields);

// Fills the two fields of the "post_form" template for `kind`, with what
// was typed (or stored), in the visitor's language.
void fill_post_fields_form(ctemplate::TemplateDictionary& data, const PageRequest& visitor,
                           const Network& network, PostFormKind kind, const Form* typed);

// Shows the post's languages and distance on its page (both public).
void fill_post_fields_view(ctemplate::TemplateDictionary& data, const PageRequest& visitor,
                           const Post& post);

}  // namespace gapfill::http
