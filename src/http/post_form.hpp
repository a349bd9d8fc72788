#pragma once
// The form to ask for help, offer help or ask for a ride (and an
// organizer's intake of any of them): reading what was sent into a domain
// draft, and filling the template, with what was typed and each field's error.

#include <string>
#include <vector>

#include "domain/drafts.hpp"
#include "http/form.hpp"
#include "http/web.hpp"

namespace gapfill::http {

enum class PostFormKind { kAsk, kOffer, kRide, kIntake };

// The draft a submitted form describes. Values that cannot be read (a
// quantity that is not a number, a time that is not one) are reported in
// the draft's read_errors, as the JSON decoder does.
domain::PostDraft read_post_form(const Form& form, PostFormKind kind, const Network& network);

// The form that edits `post` (ask, offer or ride), filled with its values.
PostFormKind form_kind_of(const Post& post);
Form form_of(const Post& post, const Network& network);

// As read_post_form, for an edit: what is left empty is removed from the post.
domain::PostDraft read_edit_form(const Form& form, const Post& post, const Network& network);

// A request's place lies outside the network's area: which place, and the
// listed networks that cover it (nearest first).
struct OutsideArea {
  std::string place;  // the gazetteer's name for it, or "" for a pin on the map
  struct Suggestion {
    std::string slug;
    std::string name;
  };
  std::vector<Suggestion> networks;
  // Sent back with the form: the same place sent again goes to this network.
  std::string acknowledged;
};

// What the out-of-area notice was shown for: the place as typed and pinned.
std::string place_fingerprint(const Form& form);

struct PostFormState {
  const Form* typed = nullptr;            // what was sent, to show again
  const OutsideArea* outside = nullptr;   // shown above the form, the button then sends it here
  const FieldMessages* errors = nullptr;  // field -> message
  std::string form_error;                 // a message above the form
  std::string heading;                    // instead of the kind's own heading
  std::string submit;                     // instead of the kind's own button

  // The form again with each field's problem.
  static PostFormState with_errors(const Form* typed, const FieldMessages& errors) {
    PostFormState state;
    state.typed = typed;
    state.errors = &errors;
    return state;
  }
  // The form again with a message above it.
  static PostFormState with_message(const Form* typed, std::string message) {
    PostFormState state;
    state.typed = typed;
    state.form_error = std::move(message);
    return state;
  }
};

// Fills the "post_form" page for `kind`, posting to `action`.
void fill_post_form(Page& page, PageRequest& visitor, const Network& network,
                    const std::vector<Category>& categories, PostFormKind kind,
                    const std::string& action, const PostFormState& state);

// The template section for a field's error: "contact.email" -> "ERROR_CONTACT_EMAIL".
std::string error_section(const std::string& field);

// Shows every field's error in `data` (beside its field and in the summary
// at the top), in the visitor's language.
void show_field_errors(ctemplate::TemplateDictionary& data, const PageRequest& visitor,
                       const FieldMessages& errors);

}  // namespace gapfill::http
