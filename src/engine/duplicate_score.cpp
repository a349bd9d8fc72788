#include "engine/duplicate_score.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace gapfill::duplicates {
namespace {

// Folds of the two-byte UTF-8 letters U+00C0 to U+00FF (lead byte 0xC3).
constexpr std::array<const char*, 64> kLatin1{
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
    "d", "n", "o", "o", "o", "o", "o",  " ", "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
    "d", "n", "o", "o", "o", "o", "o",  " ", "o", "u", "u", "u", "u", "y", "th", "y"};

// Base letters of U+0100 to U+017F (Latin Extended-A), by code point.
constexpr std::string_view kExtendedA =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllll"
    "nnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
static_assert(kExtendedA.size() == 128);

constexpr std::array<std::string_view, 62> kStopWords{
    // English
    "a", "an", "and", "any", "are", "at", "for", "from", "help", "i", "in", "is", "me", "my",
    "need", "needed", "needs", "of", "on", "or", "our", "please", "some", "the", "to", "us", "we",
    "with",
    // Spanish
    "al", "alguien", "algo", "ayuda", "con", "de", "del", "el", "en", "favor", "la", "las", "los",
    "mi", "mis", "necesita", "necesitamos", "necesito", "nuestra", "nuestro", "o", "para", "por",
    "porfa", "que", "se", "su", "un", "una", "unas", "unos", "y", "yo", "nos"};

bool is_stop_word(std::string_view word) {
  return std::find(kStopWords.begin(), kStopWords.end(), word) != kStopWords.end();
}

}  // namespace

std::string fold(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      out += static_cast<char>(std::tolower(byte));
      continue;
    }
    if (i + 1 < text.size()) {
      const auto next = static_cast<unsigned char>(text[i + 1]);
      if (byte == 0xC3 && next >= 0x80 && next <= 0xBF) {
        out += kLatin1[next - 0x80];
        ++i;
        continue;
      }
      if ((byte == 0xC4 || byte == 0xC5) && next >= 0x80 && next <= 0xBF) {
        const std::size_t index = (byte == 0xC4 ? 0 : 64) + (next - 0x80);
        if (index < kExtendedA.size()) {
          out += kExtendedA[index];
          ++i;
          continue;
        }
      }
    }
    out += static_cast<char>(byte);
  }
  return out;
}

std::vector<std::string> title_tokens(std::string_view title) {
  const std::string folded = fold(title);
  std::vector<std::string> tokens;
  std::string word;
  const auto flush = [&] {
    if (word.size() > 1 && !is_stop_word(word)) {
      if (word.size() > 3 && word.back() == 's') word.pop_back();
      if (word.size() > 5) word.resize(5);
      tokens.push_back(word);
    }
    word.clear();
  };
  for (const char c : folded) {
    const auto byte = static_cast<unsigned char>(c);
    // Letters and digits, and any byte of a character fold leaves as it is
    // (other scripts), so that they still compare.
    if (std::isalnum(byte) || byte >= 0x80) {
      word += c;
    } else {
      flush();
    }
  }
  flush();
  std::sort(tokens.begin(), tokens.end());
  tokens.erase(std::unique(tokens.begin(), tokens.end()), tokens.end());
  return tokens;
}

double title_similarity(std::string_view a, std::string_view b) {
  const auto left = title_tokens(a);
  const auto right = title_tokens(b);
  if (left.empty() || right.empty()) return 0;
  std::vector<std::string> shared;
  std::set_intersection(left.begin(), left.end(), right.begin(), right.end(),
                        std::back_inserter(shared));
  return 2.0 * static_cast<double>(shared.size()) / static_cast<double>(left.size() + right.size());
}

std::string contact_email_key(std::string_view email) {
  std::string key;
  for (const char c : email) {
    if (!std::isspace(static_cast<unsigned char>(c))) {
      key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  return key;
}

std::string contact_phone_key(std::string_view phone) {
  std::string digits;
  for (const char c : phone) {
    if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
  }
  if (digits.size() < 7) return "";
  return digits.size() > 9 ? digits.substr(digits.size() - 9) : digits;
}

Verdict judge(const Sample& fresh, const Sample& existing, const Thresholds& thresholds) {
  Verdict verdict;
  verdict.similarity = title_similarity(fresh.title, existing.title);
  verdict.similar_title = verdict.similarity >= thresholds.similar_title;
  const std::string email = contact_email_key(fresh.email);
  const std::string phone = contact_phone_key(fresh.phone);
  verdict.same_contact = (!email.empty() && email == contact_email_key(existing.email)) ||
                         (!phone.empty() && phone == contact_phone_key(existing.phone));
  if (geo::is_valid(fresh.point) && geo::is_valid(existing.point)) {
    verdict.distance_km = geo::distance_km(fresh.point, existing.point);
    verdict.nearby = verdict.distance_km <= thresholds.nearby_km;
  }
  verdict.flagged = (verdict.same_contact && verdict.similarity >= thresholds.same_contact_title) ||
                    (verdict.nearby && verdict.similar_title);
  return verdict;
}

}  // namespace gapfill::duplicates
