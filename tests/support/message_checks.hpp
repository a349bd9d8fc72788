#pragma once
// Checks on field messages: every one a validator can produce must read well
// in each language the catalogues ship, with every placeholder filled.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "base/error.hpp"

namespace gapfill::testing {

// The languages every field message must have a text in.
const std::vector<std::string>& shipped_languages();

// The "{name}" placeholders of a catalogue text, in order, as
// i18n::substitute reads them.
std::vector<std::string> placeholders(const std::string& pattern);

// Success when `message`'s key is in the built-in catalogue of every shipped
// language and each of those texts names only arguments the message has.
::testing::AssertionResult is_complete(const Message& message);

}  // namespace gapfill::testing
