#include "engine/gazetteer.hpp"

#include <algorithm>
#include <array>
#include <bitset>
#include <cstring>

#include "base/limits.hpp"

namespace gapfill::gazetteer {
namespace {

constexpr std::string_view kMagic = "GFGAZ001";
constexpr std::size_t kHeaderBytes = 8 + 4 * 13;
constexpr std::size_t kPlaceBytes = 24;
constexpr std::size_t kWordBytes = 8;
constexpr std::size_t kZipBytes = 20;
constexpr std::size_t kTableBytes = 12;
constexpr std::size_t kFoldBytes = 8;
constexpr std::uint16_t kNoAdmin = 0xffff;
constexpr std::uint32_t kNoPlace = 0xffffffff;
// At most this many index entries are read per search step, so that a one- or
// two-letter prefix ("s": 16,000 names) costs a bounded time.
constexpr std::size_t kScanMax = 20'000;
// A qualifier part: "Missoula, Montana, US" has two.
constexpr std::size_t kQualifierPartsMax = 2;
// Folded text is at most this much longer than what was typed (ß -> ss).
constexpr std::size_t kFoldGrowth = 3;

template <typename T>
T read(std::string_view blob, std::size_t at) {
  T value{};
  std::memcpy(&value, blob.data() + at, sizeof(T));
  return value;
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && text.compare(0, prefix.size(), prefix) == 0;
}

char fold_ascii(unsigned char c) {
  if (c >= 'A' && c <= 'Z') return static_cast<char>(c + 32);
  if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return static_cast<char>(c);
  if (c == '\'' || c == '`') return 0;  // dropped: "O'Fallon" -> "ofallon"
  return ' ';
}

// Decodes one UTF-8 sequence at text[at]; 0 bytes on a malformed one.
std::size_t decode_utf8(std::string_view text, std::size_t at, std::uint32_t& cp) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(at);
  std::size_t length = 0;
  if (lead >= 0xc2 && lead <= 0xdf) {
    length = 2, cp = lead & 0x1fu;
  } else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3, cp = lead & 0x0fu;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4, cp = lead & 0x07u;
  } else {
    return 0;
  }
  if (at + length > text.size()) return 0;
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(at + i) & 0xc0u) != 0x80u) return 0;
    cp = (cp << 6) | (byte(at + i) & 0x3fu);
  }
  if ((length == 3 && cp < 0x800) || (length == 4 && (cp < 0x10000 || cp > 0x10ffff))) return 0;
  return length;
}

}  // namespace

struct Gazetteer::Tables {
  struct Names {
    std::string code, first, second;  // folded: abbreviation or ISO code, and one or two names
  };
  std::vector<Names> admins;
  std::vector<Names> countries;
};

// Which admins and countries a qualifier allows.
struct Gazetteer::Filter {
  std::bitset<256> countries;
  std::bitset<256> admins;
};

// The best `limit` places so far, best first.
struct Gazetteer::TopK {
  struct Entry {
    int tier = 0;
    std::uint32_t population = 0;
    std::uint8_t rank = 0;
    std::uint32_t place = 0;
    bool better_than(const Entry& other) const {
      if (tier != other.tier) return tier < other.tier;
      if (population != other.population) return population > other.population;
      if (rank != other.rank) return rank < other.rank;
      return place < other.place;
    }
  };
  std::size_t limit = 0;
  std::vector<Entry> entries;

  void offer(const Entry& entry) {
    for (auto it = entries.begin(); it != entries.end(); ++it) {
      if (it->place != entry.place) continue;
      if (!entry.better_than(*it)) return;
      entries.erase(it);
      break;
    }
    if (entries.size() == limit && !entry.better_than(entries.back())) return;
    if (entries.size() == limit) entries.pop_back();
    const auto at = std::find_if(entries.begin(), entries.end(),
                                 [&](const Entry& e) { return entry.better_than(e); });
    entries.insert(at, entry);
  }
};

Result<Gazetteer> Gazetteer::open(std::string_view blob) {
  if (blob.size() < kHeaderBytes || blob.substr(0, kMagic.size()) != kMagic) {
    return fail(ErrorCode::kInternal, "the gazetteer index is not one (wrong magic)");
  }
  Gazetteer g;
  g.blob_ = blob;
  std::array<std::uint32_t, 13> h{};
  for (std::size_t i = 0; i < h.size(); ++i) h[i] = read<std::uint32_t>(blob, 8 + 4 * i);
  g.places_ = h[0], g.zips_ = h[1], g.words_ = h[2], g.countries_ = h[3], g.admins_ = h[4],
  g.folds_ = h[5];
  g.places_at_ = h[6], g.words_at_ = h[7], g.zips_at_ = h[8], g.countries_at_ = h[9],
  g.admins_at_ = h[10], g.folds_at_ = h[11], g.strings_at_ = h[12];
  const auto fits = [&](std::uint64_t at, std::uint64_t count, std::uint64_t size) {
    return at + count * size <= blob.size();
  };
  if (!fits(g.places_at_, g.places_, kPlaceBytes) || !fits(g.words_at_, g.words_, kWordBytes) ||
      !fits(g.zips_at_, g.zips_, kZipBytes) || !fits(g.countries_at_, g.countries_, kTableBytes) ||
      !fits(g.admins_at_, g.admins_, kTableBytes) || !fits(g.folds_at_, g.folds_, kFoldBytes) ||
      g.strings_at_ > blob.size() || g.countries_ > 256 || g.admins_ > 256) {
    return fail(ErrorCode::kInternal, "the gazetteer index is truncated");
  }
  // Small tables of folded names for qualifiers, made once.
  auto tables = std::make_shared<Tables>();
  const auto folded = [&](std::string_view text) {
    std::string out;
    g.fold_text(text, out, 255);
    return out;
  };
  for (std::uint32_t i = 0; i < g.countries_; ++i) {
    const std::size_t at = g.countries_at_ + i * kTableBytes;
    tables->countries.push_back({folded(blob.substr(at, 2)),
                                 folded(g.string_at(read<std::uint32_t>(blob, at + 4))),
                                 folded(g.string_at(read<std::uint32_t>(blob, at + 8)))});
    // Names people write that ICU does not give.
    auto& names = tables->countries.back();
    if (names.code == "us") names.second = "usa";
    if (names.code == "gb") names.second = "uk";
  }
  for (std::uint32_t i = 0; i < g.admins_; ++i) {
    const std::size_t at = g.admins_at_ + i * kTableBytes;
    tables->admins.push_back({folded(g.string_at(read<std::uint32_t>(blob, at + 4))),
                              folded(g.string_at(read<std::uint32_t>(blob, at + 8))), ""});
  }
  g.tables_ = std::move(tables);
  return g;
}

std::string_view Gazetteer::string_at(std::uint32_t offset) const {
  const std::size_t at = std::size_t{strings_at_} + offset;
  if (at >= blob_.size()) return {};
  const std::size_t length = static_cast<unsigned char>(blob_[at]);
  if (at + 1 + length > blob_.size()) return {};
  return blob_.substr(at + 1, length);
}

std::string_view Gazetteer::place_name(std::size_t index) const {
  return string_at(read<std::uint32_t>(blob_, places_at_ + index * kPlaceBytes + 12));
}
std::string_view Gazetteer::place_key(std::size_t index) const {
  return string_at(read<std::uint32_t>(blob_, places_at_ + index * kPlaceBytes + 16));
}
std::uint32_t Gazetteer::population(std::uint32_t place) const {
  return read<std::uint32_t>(blob_, places_at_ + std::size_t{place} * kPlaceBytes + 8);
}
std::uint8_t Gazetteer::country_of(std::uint32_t place) const {
  return read<std::uint8_t>(blob_, places_at_ + std::size_t{place} * kPlaceBytes + 20);
}
std::uint8_t Gazetteer::rank(std::uint32_t place) const {
  return read<std::uint8_t>(blob_, places_at_ + std::size_t{place} * kPlaceBytes + 21);
}
std::uint16_t Gazetteer::admin_of(std::uint32_t place) const {
  return read<std::uint16_t>(blob_, places_at_ + std::size_t{place} * kPlaceBytes + 22);
}
std::uint32_t Gazetteer::word_place(std::uint32_t word) const {
  return read<std::uint32_t>(blob_, words_at_ + std::size_t{word} * kWordBytes);
}
std::string_view Gazetteer::suffix_of_word(std::uint32_t word) const {
  const std::string_view key = place_key(word_place(word));
  const std::uint32_t offset =
      read<std::uint32_t>(blob_, words_at_ + std::size_t{word} * kWordBytes + 4);
  return offset < key.size() ? key.substr(offset) : std::string_view{};
}

Candidate Gazetteer::place_candidate(std::uint32_t place) const {
  const std::size_t at = places_at_ + std::size_t{place} * kPlaceBytes;
  Candidate c;
  c.name = place_name(place);
  c.point = {read<std::int32_t>(blob_, at) / 1e5, read<std::int32_t>(blob_, at + 4) / 1e5};
  c.population = population(place);
  const std::size_t country = countries_at_ + std::size_t{country_of(place)} * kTableBytes;
  c.country = blob_.substr(country, 2);
  c.country_name = string_at(read<std::uint32_t>(blob_, country + 4));
  if (const std::uint16_t admin = admin_of(place); admin != kNoAdmin && admin < admins_) {
    c.admin =
        string_at(read<std::uint32_t>(blob_, admins_at_ + std::size_t{admin} * kTableBytes + 4));
  }
  return c;
}

void Gazetteer::fold_text(std::string_view text, std::string& out, std::size_t out_max) const {
  out.clear();
  bool space = false;
  const auto append = [&](std::string_view piece) {
    for (const char c : piece) {
      if (c == ' ') {
        space = !out.empty();
        continue;
      }
      if (space) {
        if (out.size() + 1 >= out_max) return;
        out.push_back(' ');
        space = false;
      }
      if (out.size() >= out_max) return;
      out.push_back(c);
    }
  };
  for (std::size_t at = 0; at < text.size() && out.size() < out_max;) {
    const auto c = static_cast<unsigned char>(text[at]);
    if (c < 0x80) {
      const char folded = fold_ascii(c);
      if (folded != 0) append(std::string_view(&folded, 1));
      ++at;
      continue;
    }
    std::uint32_t cp = 0;
    const std::size_t length = decode_utf8(text, at, cp);
    if (length == 0) {
      append(" ");
      ++at;
      continue;
    }
    // Binary search of the fold table; a code point not in it is kept as it is.
    std::uint32_t low = 0, high = folds_;
    while (low < high) {
      const std::uint32_t mid = low + (high - low) / 2;
      if (read<std::uint32_t>(blob_, folds_at_ + std::size_t{mid} * kFoldBytes) < cp) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    if (low < folds_ &&
        read<std::uint32_t>(blob_, folds_at_ + std::size_t{low} * kFoldBytes) == cp) {
      append(string_at(read<std::uint32_t>(blob_, folds_at_ + std::size_t{low} * kFoldBytes + 4)));
    } else {
      append(text.substr(at, length));
    }
    at += length;
  }
}

bool Gazetteer::resolve(std::string_view folded, bool prefix, Filter& filter) const {
  const auto matches = [&](const std::string& name) {
    if (name.empty()) return false;
    return prefix ? starts_with(name, folded) : name == folded;
  };
  bool any = false;
  for (std::size_t i = 0; i < tables_->countries.size(); ++i) {
    const auto& n = tables_->countries[i];
    if (n.code == folded || matches(n.first) || matches(n.second) ||
        (folded == "united states of america" && n.code == "us")) {
      filter.countries.set(i);
      any = true;
    }
  }
  for (std::size_t i = 0; i < tables_->admins.size(); ++i) {
    const auto& n = tables_->admins[i];
    if (n.code == folded || matches(n.first)) {
      filter.admins.set(i);
      any = true;
    }
  }
  return any;
}

void Gazetteer::search(std::string_view name, const Filter* filters, std::size_t filter_count,
                       TopK& best) const {
  if (name.empty()) return;
  const int base = filter_count > 0 ? 0 : 1;
  const auto allowed = [&](std::uint32_t place) {
    for (std::size_t i = 0; i < filter_count; ++i) {
      const std::uint16_t admin = admin_of(place);
      if (!filters[i].countries.test(country_of(place)) &&
          !(admin != kNoAdmin && admin < 256 && filters[i].admins.test(admin))) {
        return false;
      }
    }
    return true;
  };
  const auto offer = [&](std::uint32_t place, int tier) {
    if (!allowed(place)) return;
    best.offer({tier, population(place), rank(place), place});
  };
  // Names: exact, then (two letters or more) starting with the query.
  std::uint32_t low = 0, high = places_;
  while (low < high) {
    const std::uint32_t mid = low + (high - low) / 2;
    if (place_key(mid) < name) {
      low = mid + 1;
    } else {
      high = mid;
    }
  }
  const bool prefixes = name.size() >= 2;
  for (std::uint32_t p = low, scanned = 0; p < places_ && scanned < kScanMax; ++p, ++scanned) {
    const std::string_view key = place_key(p);
    if (key == name) {
      offer(p, base);
    } else if (prefixes && starts_with(key, name)) {
      offer(p, base + 2);
    } else {
      break;
    }
  }
  if (!prefixes) return;
  // A later word of the name: "paulo" finds "sao paulo".
  low = 0, high = words_;
  while (low < high) {
    const std::uint32_t mid = low + (high - low) / 2;
    if (suffix_of_word(mid) < name) {
      low = mid + 1;
    } else {
      high = mid;
    }
  }
  for (std::uint32_t w = low, scanned = 0; w < words_ && scanned < kScanMax; ++w, ++scanned) {
    if (!starts_with(suffix_of_word(w), name)) break;
    offer(word_place(w), base + 4);
  }
}

void Gazetteer::lookup_zip(std::string_view digits, std::size_t limit, Lookup& out) const {
  std::uint32_t from = 0, to = 0;  // [from, to) as numbers: "598" -> 59800..59899
  std::uint32_t scale = 1;
  for (std::size_t i = digits.size(); i < 5; ++i) scale *= 10;
  for (const char c : digits) from = from * 10 + static_cast<std::uint32_t>(c - '0');
  from *= scale;
  to = from + scale;
  std::uint32_t low = 0, high = zips_;
  while (low < high) {
    const std::uint32_t mid = low + (high - low) / 2;
    if (read<std::uint32_t>(blob_, zips_at_ + std::size_t{mid} * kZipBytes) < from) {
      low = mid + 1;
    } else {
      high = mid;
    }
  }
  for (std::uint32_t z = low; z < zips_ && out.candidates.size() < limit; ++z) {
    const std::size_t at = zips_at_ + std::size_t{z} * kZipBytes;
    const std::uint32_t zip = read<std::uint32_t>(blob_, at);
    if (zip >= to) break;
    Candidate c;
    const std::uint32_t place = read<std::uint32_t>(blob_, at + 12);
    if (place != kNoPlace && place < places_) {
      c = place_candidate(place);
      c.near = c.name;
    } else {
      c.country = "US";
      c.country_name = "United States";
    }
    c.name = string_at(read<std::uint32_t>(blob_, at + 16));
    c.kind = Kind::kPostcode;
    c.population = 0;
    c.point = {read<std::int32_t>(blob_, at + 4) / 1e5, read<std::int32_t>(blob_, at + 8) / 1e5};
    c.exact = digits.size() == 5;
    out.candidates.push_back(c);
  }
}

Lookup Gazetteer::lookup(std::string_view query, std::size_t limit) const {
  Lookup out;
  limit = std::min<std::size_t>(limit, limits::kPlacesLimitMax);
  if (limit == 0) return out;
  query = query.substr(0, limits::kPlaceQueryMaxBytes);
  const std::size_t fold_max = limits::kPlaceQueryMaxBytes * kFoldGrowth;
  std::string folded;
  folded.reserve(fold_max);
  fold_text(query, folded, fold_max);
  if (folded.empty()) return out;

  // A ZIP code (or its first digits, two or more), with or without "-1234".
  const std::string_view f = folded;
  const std::size_t digits = f.find_first_not_of("0123456789");
  const bool zip_plus4 = digits == 5 && f.size() == 10 && f[5] == ' ' &&
                         f.find_first_not_of("0123456789", 6) == std::string_view::npos;
  if ((digits == std::string_view::npos && f.size() >= 2 && f.size() <= 5) || zip_plus4) {
    lookup_zip(f.substr(0, std::min<std::size_t>(f.size(), 5)), limit, out);
    return out;
  }

  TopK best;
  best.limit = limit;
  best.entries.reserve(limit + 1);
  std::string name;
  name.reserve(fold_max);
  std::string part;
  part.reserve(fold_max);
  if (const auto comma = query.find(','); comma != std::string_view::npos) {
    // "Missoula, MT", "Medford, Oregon", "Portland, Maine, US": each part after a
    // comma narrows; the last may be half typed.
    fold_text(query.substr(0, comma), name, fold_max);
    std::array<Filter, kQualifierPartsMax> filters{};
    std::size_t count = 0;
    std::string_view rest = query.substr(comma + 1);
    while (!rest.empty()) {
      const auto next = rest.find(',');
      fold_text(rest.substr(0, next), part, fold_max);
      const bool last = next == std::string_view::npos;
      rest = last ? std::string_view{} : rest.substr(next + 1);
      if (part.empty()) continue;
      if (count == kQualifierPartsMax) break;
      if (!resolve(part, last, filters[count])) return out;  // nothing is called that
      ++count;
    }
    search(name, filters.data(), count, best);
  } else {
    search(folded, nullptr, 0, best);
    // "missoula mt", "medford oregon", "albany new york": the last word or two
    // may name the state or country.
    std::size_t cut = folded.size();
    for (int words = 1; words <= 2; ++words) {
      cut = folded.rfind(' ', cut - 1);
      if (cut == std::string::npos || cut == 0) break;
      Filter filter;
      if (resolve(f.substr(cut + 1), false, filter)) search(f.substr(0, cut), &filter, 1, best);
    }
  }
  for (const auto& entry : best.entries) {
    out.candidates.push_back(place_candidate(entry.place));
    out.candidates.back().exact = entry.tier <= 1;
  }
  const auto& e = best.entries;
  out.ambiguous = e.size() >= 2 && e[0].tier == e[1].tier && e[0].tier <= 1 &&
                  std::uint64_t{e[1].population} * 100 >= e[0].population;
  return out;
}

std::string display_name(const Candidate& candidate) {
  std::string text(candidate.name);
  if (candidate.kind == Kind::kPostcode && !candidate.near.empty()) {
    text.append(" ").append(candidate.near);
  }
  if (!candidate.admin.empty()) text.append(", ").append(candidate.admin);
  if (candidate.country != "US" || candidate.admin.empty()) {
    text.append(", ").append(candidate.country_name);
  }
  return text;
}

}  // namespace gapfill::gazetteer
