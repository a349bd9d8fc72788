#include "towns.hpp"

#include <array>
#include <cstring>
#include <utility>

namespace gapfill::bench {
namespace {

using enum TownSize;

// Time zones and language sets used more than once.
constexpr const char* kNewYork = "America/New_York";
constexpr const char* kChicago = "America/Chicago";
constexpr const char* kDenver = "America/Denver";
constexpr const char* kPhoenix = "America/Phoenix";
constexpr const char* kLosAngeles = "America/Los_Angeles";
constexpr const char* kDetroit = "America/Detroit";
constexpr const char* kToronto = "America/Toronto";
constexpr const char* kVancouver = "America/Vancouver";
constexpr const char* kEdmonton = "America/Edmonton";
constexpr const char* kMexicoCity = "America/Mexico_City";
constexpr const char* kMonterrey = "America/Monterrey";
constexpr const char* kMazatlan = "America/Mazatlan";
constexpr const char* kUs = "en,es";
constexpr const char* kCa = "en,fr";
constexpr const char* kQc = "fr,en";
constexpr const char* kMx = "es,en";

constexpr std::array kTowns = std::to_array<Town>({
    // United States.
    {"New York", "US", 40.7128, -74.0060, kNewYork, kUs, kMetro},
    {"Los Angeles", "US", 34.0522, -118.2437, kLosAngeles, kUs, kMetro},
    {"Chicago", "US", 41.8781, -87.6298, kChicago, kUs, kMetro},
    {"Houston", "US", 29.7604, -95.3698, kChicago, kUs, kMetro},
    {"Phoenix", "US", 33.4484, -112.0740, kPhoenix, kUs, kMetro},
    {"Philadelphia", "US", 39.9526, -75.1652, kNewYork, kUs, kMetro},
    {"San Antonio", "US", 29.4241, -98.4936, kChicago, kUs, kMetro},
    {"San Diego", "US", 32.7157, -117.1611, kLosAngeles, kUs, kMetro},
    {"Dallas", "US", 32.7767, -96.7970, kChicago, kUs, kMetro},
    {"San Jose", "US", 37.3382, -121.8863, kLosAngeles, kUs, kCity},
    {"Austin", "US", 30.2672, -97.7431, kChicago, kUs, kMetro},
    {"Jacksonville", "US", 30.3322, -81.6557, kNewYork, kUs, kCity},
    {"Fort Worth", "US", 32.7555, -97.3308, kChicago, kUs, kCity},
    {"Columbus", "US", 39.9612, -82.9988, kNewYork, kUs, kCity},
    {"Charlotte", "US", 35.2271, -80.8431, kNewYork, kUs, kCity},
    {"San Francisco", "US", 37.7749, -122.4194, kLosAngeles, kUs, kMetro},
    {"Indianapolis", "US", 39.7684, -86.1581, "America/Indiana/Indianapolis", kUs, kCity},
    {"Seattle", "US", 47.6062, -122.3321, kLosAngeles, kUs, kMetro},
    {"Denver", "US", 39.7392, -104.9903, kDenver, kUs, kMetro},
    {"Washington", "US", 38.9072, -77.0369, kNewYork, kUs, kMetro},
    {"Boston", "US", 42.3601, -71.0589, kNewYork, kUs, kMetro},
    {"El Paso", "US", 31.7619, -106.4850, kDenver, kUs, kCity},
    {"Nashville", "US", 36.1627, -86.7816, kChicago, kUs, kCity},
    {"Detroit", "US", 42.3314, -83.0458, kDetroit, kUs, kMetro},
    {"Oklahoma City", "US", 35.4676, -97.5164, kChicago, kUs, kCity},
    {"Portland", "US", 45.5152, -122.6784, kLosAngeles, kUs, kMetro},
    {"Las Vegas", "US", 36.1699, -115.1398, kLosAngeles, kUs, kCity},
    {"Memphis", "US", 35.1495, -90.0490, kChicago, kUs, kCity},
    {"Louisville", "US", 38.2527, -85.7585, "America/Kentucky/Louisville", kUs, kCity},
    {"Baltimore", "US", 39.2904, -76.6122, kNewYork, kUs, kCity},
    {"Milwaukee", "US", 43.0389, -87.9065, kChicago, kUs, kCity},
    {"Albuquerque", "US", 35.0844, -106.6504, kDenver, kUs, kCity},
    {"Tucson", "US", 32.2226, -110.9747, kPhoenix, kUs, kCity},
    {"Fresno", "US", 36.7378, -119.7871, kLosAngeles, kUs, kCity},
    {"Sacramento", "US", 38.5816, -121.4944, kLosAngeles, kUs, kCity},
    {"Kansas City", "US", 39.0997, -94.5786, kChicago, kUs, kCity},
    {"Atlanta", "US", 33.7490, -84.3880, kNewYork, kUs, kMetro},
    {"Miami", "US", 25.7617, -80.1918, kNewYork, kUs, kMetro},
    {"Raleigh", "US", 35.7796, -78.6382, kNewYork, kUs, kCity},
    {"Omaha", "US", 41.2565, -95.9345, kChicago, kUs, kCity},
    {"Minneapolis", "US", 44.9778, -93.2650, kChicago, kUs, kMetro},
    {"Tulsa", "US", 36.1540, -95.9928, kChicago, kUs, kCity},
    {"Cleveland", "US", 41.4993, -81.6944, kNewYork, kUs, kCity},
    {"New Orleans", "US", 29.9511, -90.0715, kChicago, kUs, kCity},
    {"Tampa", "US", 27.9506, -82.4572, kNewYork, kUs, kCity},
    {"Pittsburgh", "US", 40.4406, -79.9959, kNewYork, kUs, kCity},
    {"Cincinnati", "US", 39.1031, -84.5120, kNewYork, kUs, kCity},
    {"St. Louis", "US", 38.6270, -90.1994, kChicago, kUs, kCity},
    {"Salt Lake City", "US", 40.7608, -111.8910, kDenver, kUs, kCity},
    {"Oakland", "US", 37.8044, -122.2712, kLosAngeles, kUs, kCity},
    {"Buffalo", "US", 42.8864, -78.8784, kNewYork, kUs, kCity},
    {"Honolulu", "US", 21.3069, -157.8583, "Pacific/Honolulu", kUs, kCity},
    {"Boise", "US", 43.6150, -116.2023, "America/Boise", kUs, kTown},
    {"Spokane", "US", 47.6588, -117.4260, kLosAngeles, kUs, kTown},
    {"Missoula", "US", 46.8721, -113.9940, kDenver, kUs, kTown},
    {"Billings", "US", 45.7833, -108.5007, kDenver, kUs, kTown},
    {"Bozeman", "US", 45.6770, -111.0429, kDenver, kUs, kTown},
    {"Cheyenne", "US", 41.1400, -104.8202, kDenver, kUs, kTown},
    {"Fargo", "US", 46.8772, -96.7898, kChicago, kUs, kTown},
    {"Sioux Falls", "US", 43.5446, -96.7311, kChicago, kUs, kTown},
    {"Des Moines", "US", 41.5868, -93.6250, kChicago, kUs, kTown},
    {"Madison", "US", 43.0731, -89.4012, kChicago, kUs, kTown},
    {"Ann Arbor", "US", 42.2808, -83.7430, kDetroit, kUs, kTown},
    {"Grand Rapids", "US", 42.9634, -85.6681, kDetroit, kUs, kTown},
    {"Burlington", "US", 44.4759, -73.2121, kNewYork, kUs, kTown},
    {"Bangor", "US", 44.8016, -68.7712, kNewYork, kUs, kTown},
    {"Providence", "US", 41.8240, -71.4128, kNewYork, kUs, kTown},
    {"Hartford", "US", 41.7658, -72.6734, kNewYork, kUs, kTown},
    {"Albany", "US", 42.6526, -73.7562, kNewYork, kUs, kTown},
    {"Rochester", "US", 43.1566, -77.6088, kNewYork, kUs, kTown},
    {"Richmond", "US", 37.5407, -77.4360, kNewYork, kUs, kTown},
    {"Durham", "US", 35.9940, -78.8986, kNewYork, kUs, kTown},
    {"Asheville", "US", 35.5951, -82.5515, kNewYork, kUs, kTown},
    {"Greenville", "US", 34.8526, -82.3940, kNewYork, kUs, kTown},
    {"Charleston", "US", 32.7765, -79.9311, kNewYork, kUs, kTown},
    {"Savannah", "US", 32.0809, -81.0912, kNewYork, kUs, kTown},
    {"Knoxville", "US", 35.9606, -83.9207, kNewYork, kUs, kTown},
    {"Chattanooga", "US", 35.0456, -85.3097, kNewYork, kUs, kTown},
    {"Lexington", "US", 38.0406, -84.5037, kNewYork, kUs, kTown},
    {"Toledo", "US", 41.6528, -83.5379, kNewYork, kUs, kTown},
    {"Montgomery", "US", 32.3792, -86.3077, kChicago, kUs, kTown},
    {"Jackson", "US", 32.2988, -90.1848, kChicago, kUs, kTown},
    {"Little Rock", "US", 34.7465, -92.2896, kChicago, kUs, kTown},
    {"Baton Rouge", "US", 30.4515, -91.1871, kChicago, kUs, kTown},
    {"Corpus Christi", "US", 27.8006, -97.3964, kChicago, kUs, kTown},
    {"Wichita", "US", 37.6872, -97.3301, kChicago, kUs, kTown},
    {"Lincoln", "US", 40.8136, -96.7026, kChicago, kUs, kTown},
    {"Duluth", "US", 46.7867, -92.1005, kChicago, kUs, kTown},
    {"Santa Fe", "US", 35.6870, -105.9378, kDenver, kUs, kTown},
    {"Fort Collins", "US", 40.5853, -105.0844, kDenver, kUs, kTown},
    {"Flagstaff", "US", 35.1983, -111.6513, kPhoenix, kUs, kTown},
    {"Reno", "US", 39.5296, -119.8138, kLosAngeles, kUs, kTown},
    {"Eugene", "US", 44.0521, -123.0868, kLosAngeles, kUs, kTown},
    {"Santa Cruz", "US", 36.9741, -122.0308, kLosAngeles, kUs, kTown},
    {"Tacoma", "US", 47.2529, -122.4443, kLosAngeles, kUs, kTown},
    {"Anchorage", "US", 61.2181, -149.9003, "America/Anchorage", kUs, kTown},

    // Canada.
    {"Toronto", "CA", 43.6532, -79.3832, kToronto, kCa, kMetro},
    {"Montréal", "CA", 45.5017, -73.5673, kToronto, kQc, kMetro},
    {"Vancouver", "CA", 49.2827, -123.1207, kVancouver, kCa, kMetro},
    {"Calgary", "CA", 51.0447, -114.0719, kEdmonton, kCa, kMetro},
    {"Edmonton", "CA", 53.5461, -113.4938, kEdmonton, kCa, kCity},
    {"Ottawa", "CA", 45.4215, -75.6972, kToronto, kCa, kCity},
    {"Winnipeg", "CA", 49.8951, -97.1384, "America/Winnipeg", kCa, kCity},
    {"Québec", "CA", 46.8139, -71.2080, kToronto, kQc, kCity},
    {"Hamilton", "CA", 43.2557, -79.8711, kToronto, kCa, kCity},
    {"Halifax", "CA", 44.6488, -63.5752, "America/Halifax", kCa, kCity},
    {"Victoria", "CA", 48.4284, -123.3656, kVancouver, kCa, kCity},
    {"Kitchener", "CA", 43.4516, -80.4925, kToronto, kCa, kTown},
    {"Windsor", "CA", 42.3149, -83.0364, kToronto, kCa, kTown},
    {"Saskatoon", "CA", 52.1332, -106.6700, "America/Regina", kCa, kTown},
    {"Regina", "CA", 50.4452, -104.6189, "America/Regina", kCa, kTown},
    {"St. John's", "CA", 47.5615, -52.7126, "America/St_Johns", kCa, kTown},
    {"Moncton", "CA", 46.0878, -64.7782, "America/Moncton", kCa, kTown},
    {"Fredericton", "CA", 45.9636, -66.6431, "America/Moncton", kCa, kTown},
    {"Charlottetown", "CA", 46.2382, -63.1311, "America/Halifax", kCa, kTown},
    {"Sherbrooke", "CA", 45.4042, -71.8929, kToronto, kQc, kTown},
    {"Trois-Rivières", "CA", 46.3432, -72.5477, kToronto, kQc, kTown},
    {"Gatineau", "CA", 45.4765, -75.7013, kToronto, kQc, kTown},
    {"Kingston", "CA", 44.2312, -76.4860, kToronto, kCa, kTown},
    {"Sudbury", "CA", 46.4917, -80.9930, kToronto, kCa, kTown},
    {"Thunder Bay", "CA", 48.3809, -89.2477, kToronto, kCa, kTown},
    {"Guelph", "CA", 43.5448, -80.2482, kToronto, kCa, kTown},
    {"Barrie", "CA", 44.3894, -79.6903, kToronto, kCa, kTown},
    {"Peterborough", "CA", 44.3091, -78.3197, kToronto, kCa, kTown},
    {"Kelowna", "CA", 49.8880, -119.4960, kVancouver, kCa, kTown},
    {"Kamloops", "CA", 50.6745, -120.3273, kVancouver, kCa, kTown},
    {"Nanaimo", "CA", 49.1659, -123.9401, kVancouver, kCa, kTown},
    {"Lethbridge", "CA", 49.6956, -112.8451, kEdmonton, kCa, kTown},
    {"Red Deer", "CA", 52.2681, -113.8112, kEdmonton, kCa, kTown},
    {"Whitehorse", "CA", 60.7212, -135.0568, "America/Whitehorse", kCa, kTown},
    {"Yellowknife", "CA", 62.4540, -114.3718, kEdmonton, kCa, kTown},

    // Mexico.
    {"Ciudad de México", "MX", 19.4326, -99.1332, kMexicoCity, kMx, kMetro},
    {"Guadalajara", "MX", 20.6597, -103.3496, kMexicoCity, kMx, kMetro},
    {"Monterrey", "MX", 25.6866, -100.3161, kMonterrey, kMx, kMetro},
    {"Puebla", "MX", 19.0414, -98.2063, kMexicoCity, kMx, kCity},
    {"Tijuana", "MX", 32.5149, -117.0382, "America/Tijuana", kMx, kCity},
    {"León", "MX", 21.1250, -101.6860, kMexicoCity, kMx, kCity},
    {"Ciudad Juárez", "MX", 31.6904, -106.4245, "America/Ciudad_Juarez", kMx, kCity},
    {"Querétaro", "MX", 20.5888, -100.3899, kMexicoCity, kMx, kCity},
    {"Mérida", "MX", 20.9674, -89.5926, "America/Merida", kMx, kCity},
    {"San Luis Potosí", "MX", 22.1565, -100.9855, kMexicoCity, kMx, kCity},
    {"Aguascalientes", "MX", 21.8853, -102.2916, kMexicoCity, kMx, kCity},
    {"Hermosillo", "MX", 29.0729, -110.9559, "America/Hermosillo", kMx, kCity},
    {"Saltillo", "MX", 25.4232, -100.9924, kMonterrey, kMx, kTown},
    {"Mexicali", "MX", 32.6245, -115.4523, "America/Tijuana", kMx, kTown},
    {"Culiacán", "MX", 24.8091, -107.3940, kMazatlan, kMx, kTown},
    {"Chihuahua", "MX", 28.6353, -106.0889, "America/Chihuahua", kMx, kTown},
    {"Morelia", "MX", 19.7060, -101.1950, kMexicoCity, kMx, kTown},
    {"Toluca", "MX", 19.2826, -99.6557, kMexicoCity, kMx, kTown},
    {"Cancún", "MX", 21.1619, -86.8515, "America/Cancun", kMx, kTown},
    {"Veracruz", "MX", 19.1738, -96.1342, kMexicoCity, kMx, kTown},
    {"Oaxaca", "MX", 17.0732, -96.7266, kMexicoCity, kMx, kTown},
    {"Acapulco", "MX", 16.8531, -99.8237, kMexicoCity, kMx, kTown},
    {"Tuxtla Gutiérrez", "MX", 16.7516, -93.1029, kMexicoCity, kMx, kTown},
    {"Villahermosa", "MX", 17.9892, -92.9475, kMexicoCity, kMx, kTown},
    {"Mazatlán", "MX", 23.2494, -106.4111, kMazatlan, kMx, kTown},
    {"Durango", "MX", 24.0277, -104.6532, kMonterrey, kMx, kTown},
    {"Tampico", "MX", 22.2331, -97.8611, kMonterrey, kMx, kTown},
    {"Xalapa", "MX", 19.5438, -96.9102, kMexicoCity, kMx, kTown},
    {"Cuernavaca", "MX", 18.9242, -99.2216, kMexicoCity, kMx, kTown},
    {"La Paz", "MX", 24.1426, -110.3128, kMazatlan, kMx, kTown},

    // United Kingdom and Ireland.
    {"London", "GB", 51.5074, -0.1278, "Europe/London", "en", kMetro},
    {"Manchester", "GB", 53.4808, -2.2426, "Europe/London", "en", kMetro},
    {"Birmingham", "GB", 52.4862, -1.8904, "Europe/London", "en", kMetro},
    {"Leeds", "GB", 53.8008, -1.5491, "Europe/London", "en", kCity},
    {"Glasgow", "GB", 55.8642, -4.2518, "Europe/London", "en", kCity},
    {"Edinburgh", "GB", 55.9533, -3.1883, "Europe/London", "en", kCity},
    {"Liverpool", "GB", 53.4084, -2.9916, "Europe/London", "en", kCity},
    {"Bristol", "GB", 51.4545, -2.5879, "Europe/London", "en", kCity},
    {"Sheffield", "GB", 53.3811, -1.4701, "Europe/London", "en", kCity},
    {"Newcastle upon Tyne", "GB", 54.9783, -1.6178, "Europe/London", "en", kCity},
    {"Cardiff", "GB", 51.4816, -3.1791, "Europe/London", "en,cy", kCity},
    {"Belfast", "GB", 54.5973, -5.9301, "Europe/London", "en,ga", kCity},
    {"Nottingham", "GB", 52.9548, -1.1581, "Europe/London", "en", kTown},
    {"Leicester", "GB", 52.6369, -1.1398, "Europe/London", "en", kTown},
    {"Brighton", "GB", 50.8225, -0.1372, "Europe/London", "en", kTown},
    {"Oxford", "GB", 51.7520, -1.2577, "Europe/London", "en", kTown},
    {"Norwich", "GB", 52.6309, 1.2974, "Europe/London", "en", kTown},
    {"York", "GB", 53.9600, -1.0873, "Europe/London", "en", kTown},
    {"Aberdeen", "GB", 57.1497, -2.0943, "Europe/London", "en", kTown},
    {"Plymouth", "GB", 50.3755, -4.1427, "Europe/London", "en", kTown},
    {"Dublin", "IE", 53.3498, -6.2603, "Europe/Dublin", "en,ga", kMetro},
    {"Cork", "IE", 51.8985, -8.4756, "Europe/Dublin", "en,ga", kTown},
    {"Galway", "IE", 53.2707, -9.0568, "Europe/Dublin", "en,ga", kTown},
    {"Limerick", "IE", 52.6638, -8.6267, "Europe/Dublin", "en,ga", kTown},

    // France.
    {"Paris", "FR", 48.8566, 2.3522, "Europe/Paris", "fr", kMetro},
    {"Marseille", "FR", 43.2965, 5.3698, "Europe/Paris", "fr", kMetro},
    {"Lyon", "FR", 45.7640, 4.8357, "Europe/Paris", "fr", kMetro},
    {"Toulouse", "FR", 43.6047, 1.4442, "Europe/Paris", "fr", kCity},
    {"Nice", "FR", 43.7102, 7.2620, "Europe/Paris", "fr", kCity},
    {"Nantes", "FR", 47.2184, -1.5536, "Europe/Paris", "fr", kCity},
    {"Strasbourg", "FR", 48.5734, 7.7521, "Europe/Paris", "fr,de", kCity},
    {"Montpellier", "FR", 43.6108, 3.8767, "Europe/Paris", "fr", kCity},
    {"Bordeaux", "FR", 44.8378, -0.5792, "Europe/Paris", "fr", kCity},
    {"Lille", "FR", 50.6292, 3.0573, "Europe/Paris", "fr", kCity},
    {"Rennes", "FR", 48.1173, -1.6778, "Europe/Paris", "fr", kTown},
    {"Grenoble", "FR", 45.1885, 5.7245, "Europe/Paris", "fr", kTown},

    // Germany, Austria and Switzerland.
    {"Berlin", "DE", 52.5200, 13.4050, "Europe/Berlin", "de", kMetro},
    {"Hamburg", "DE", 53.5511, 9.9937, "Europe/Berlin", "de", kMetro},
    {"München", "DE", 48.1351, 11.5820, "Europe/Berlin", "de", kMetro},
    {"Köln", "DE", 50.9375, 6.9603, "Europe/Berlin", "de", kMetro},
    {"Frankfurt am Main", "DE", 50.1109, 8.6821, "Europe/Berlin", "de", kCity},
    {"Stuttgart", "DE", 48.7758, 9.1829, "Europe/Berlin", "de", kCity},
    {"Düsseldorf", "DE", 51.2277, 6.7735, "Europe/Berlin", "de", kCity},
    {"Leipzig", "DE", 51.3397, 12.3731, "Europe/Berlin", "de", kCity},
    {"Dortmund", "DE", 51.5136, 7.4653, "Europe/Berlin", "de", kCity},
    {"Dresden", "DE", 51.0504, 13.7373, "Europe/Berlin", "de", kCity},
    {"Hannover", "DE", 52.3759, 9.7320, "Europe/Berlin", "de", kCity},
    {"Nürnberg", "DE", 49.4521, 11.0767, "Europe/Berlin", "de", kCity},
    {"Bremen", "DE", 53.0793, 8.8017, "Europe/Berlin", "de", kCity},
    {"Freiburg im Breisgau", "DE", 47.9990, 7.8421, "Europe/Berlin", "de", kTown},
    {"Wien", "AT", 48.2082, 16.3738, "Europe/Vienna", "de", kMetro},
    {"Graz", "AT", 47.0707, 15.4395, "Europe/Vienna", "de", kTown},
    {"Linz", "AT", 48.3069, 14.2858, "Europe/Vienna", "de", kTown},
    {"Innsbruck", "AT", 47.2692, 11.4041, "Europe/Vienna", "de", kTown},
    {"Zürich", "CH", 47.3769, 8.5417, "Europe/Zurich", "de,fr", kCity},
    {"Genève", "CH", 46.2044, 6.1432, "Europe/Zurich", "fr,de", kCity},
    {"Basel", "CH", 47.5596, 7.5886, "Europe/Zurich", "de,fr", kTown},
    {"Bern", "CH", 46.9480, 7.4474, "Europe/Zurich", "de,fr", kTown},
    {"Lausanne", "CH", 46.5197, 6.6323, "Europe/Zurich", "fr,de", kTown},

    // Spain and Portugal.
    {"Madrid", "ES", 40.4168, -3.7038, "Europe/Madrid", "es", kMetro},
    {"Barcelona", "ES", 41.3874, 2.1686, "Europe/Madrid", "ca,es", kMetro},
    {"Valencia", "ES", 39.4699, -0.3763, "Europe/Madrid", "es,ca", kCity},
    {"Sevilla", "ES", 37.3891, -5.9845, "Europe/Madrid", "es", kCity},
    {"Zaragoza", "ES", 41.6488, -0.8891, "Europe/Madrid", "es", kCity},
    {"Málaga", "ES", 36.7213, -4.4214, "Europe/Madrid", "es", kCity},
    {"Bilbao", "ES", 43.2630, -2.9350, "Europe/Madrid", "es,eu", kCity},
    {"Granada", "ES", 37.1773, -3.5986, "Europe/Madrid", "es", kTown},
    {"Valladolid", "ES", 41.6523, -4.7245, "Europe/Madrid", "es", kTown},
    {"Palma", "ES", 39.5696, 2.6502, "Europe/Madrid", "es,ca", kTown},
    {"Lisboa", "PT", 38.7223, -9.1393, "Europe/Lisbon", "pt", kMetro},
    {"Porto", "PT", 41.1579, -8.6291, "Europe/Lisbon", "pt", kCity},
    {"Coimbra", "PT", 40.2033, -8.4103, "Europe/Lisbon", "pt", kTown},
    {"Braga", "PT", 41.5454, -8.4265, "Europe/Lisbon", "pt", kTown},

    // Italy.
    {"Roma", "IT", 41.9028, 12.4964, "Europe/Rome", "it", kMetro},
    {"Milano", "IT", 45.4642, 9.1900, "Europe/Rome", "it", kMetro},
    {"Napoli", "IT", 40.8518, 14.2681, "Europe/Rome", "it", kMetro},
    {"Torino", "IT", 45.0703, 7.6869, "Europe/Rome", "it", kCity},
    {"Palermo", "IT", 38.1157, 13.3615, "Europe/Rome", "it", kCity},
    {"Genova", "IT", 44.4056, 8.9463, "Europe/Rome", "it", kCity},
    {"Bologna", "IT", 44.4949, 11.3426, "Europe/Rome", "it", kCity},
    {"Firenze", "IT", 43.7696, 11.2558, "Europe/Rome", "it", kCity},
    {"Bari", "IT", 41.1171, 16.8719, "Europe/Rome", "it", kTown},
    {"Venezia", "IT", 45.4408, 12.3155, "Europe/Rome", "it", kTown},

    // The Low Countries.
    {"Amsterdam", "NL", 52.3676, 4.9041, "Europe/Amsterdam", "nl,en", kMetro},
    {"Rotterdam", "NL", 51.9244, 4.4777, "Europe/Amsterdam", "nl,en", kCity},
    {"Den Haag", "NL", 52.0705, 4.3007, "Europe/Amsterdam", "nl,en", kCity},
    {"Utrecht", "NL", 52.0907, 5.1214, "Europe/Amsterdam", "nl,en", kCity},
    {"Eindhoven", "NL", 51.4416, 5.4697, "Europe/Amsterdam", "nl,en", kTown},
    {"Groningen", "NL", 53.2194, 6.5665, "Europe/Amsterdam", "nl,en", kTown},
    {"Bruxelles", "BE", 50.8503, 4.3517, "Europe/Brussels", "fr,nl", kMetro},
    {"Antwerpen", "BE", 51.2194, 4.4025, "Europe/Brussels", "nl,fr", kCity},
    {"Gent", "BE", 51.0543, 3.7174, "Europe/Brussels", "nl,fr", kTown},
    {"Liège", "BE", 50.6326, 5.5797, "Europe/Brussels", "fr,nl", kTown},

    // The Nordic countries.
    {"København", "DK", 55.6761, 12.5683, "Europe/Copenhagen", "da,en", kMetro},
    {"Aarhus", "DK", 56.1629, 10.2039, "Europe/Copenhagen", "da,en", kTown},
    {"Stockholm", "SE", 59.3293, 18.0686, "Europe/Stockholm", "sv,en", kMetro},
    {"Göteborg", "SE", 57.7089, 11.9746, "Europe/Stockholm", "sv,en", kCity},
    {"Malmö", "SE", 55.6050, 13.0038, "Europe/Stockholm", "sv,en", kTown},
    {"Uppsala", "SE", 59.8586, 17.6389, "Europe/Stockholm", "sv,en", kTown},
    {"Oslo", "NO", 59.9139, 10.7522, "Europe/Oslo", "nb,en", kCity},
    {"Bergen", "NO", 60.3913, 5.3221, "Europe/Oslo", "nb,en", kTown},
    {"Trondheim", "NO", 63.4305, 10.3951, "Europe/Oslo", "nb,en", kTown},
    {"Helsinki", "FI", 60.1699, 24.9384, "Europe/Helsinki", "fi,sv", kCity},
    {"Tampere", "FI", 61.4978, 23.7610, "Europe/Helsinki", "fi,sv", kTown},
    {"Turku", "FI", 60.4518, 22.2666, "Europe/Helsinki", "fi,sv", kTown},

    // Central, Eastern and Southern Europe.
    {"Warszawa", "PL", 52.2297, 21.0122, "Europe/Warsaw", "pl", kMetro},
    {"Kraków", "PL", 50.0647, 19.9450, "Europe/Warsaw", "pl", kCity},
    {"Wrocław", "PL", 51.1079, 17.0385, "Europe/Warsaw", "pl", kCity},
    {"Gdańsk", "PL", 54.3520, 18.6466, "Europe/Warsaw", "pl", kCity},
    {"Poznań", "PL", 52.4064, 16.9252, "Europe/Warsaw", "pl", kCity},
    {"Łódź", "PL", 51.7592, 19.4560, "Europe/Warsaw", "pl", kCity},
    {"Praha", "CZ", 50.0755, 14.4378, "Europe/Prague", "cs", kMetro},
    {"Brno", "CZ", 49.1951, 16.6068, "Europe/Prague", "cs", kTown},
    {"Athens", "GR", 37.9838, 23.7275, "Europe/Athens", "el", kMetro},
    {"Thessaloniki", "GR", 40.6401, 22.9444, "Europe/Athens", "el", kCity},
    {"Budapest", "HU", 47.4979, 19.0402, "Europe/Budapest", "hu", kMetro},
    {"Debrecen", "HU", 47.5316, 21.6273, "Europe/Budapest", "hu", kTown},
    {"București", "RO", 44.4268, 26.1025, "Europe/Bucharest", "ro", kMetro},
    {"Cluj-Napoca", "RO", 46.7712, 23.6236, "Europe/Bucharest", "ro,hu", kTown},
});

// UTF-8 letters with diacritics that the table uses, and their ASCII.
constexpr std::array<std::pair<const char*, const char*>, 40> kFolded{{
    {"á", "a"}, {"à", "a"}, {"â", "a"}, {"ä", "a"}, {"ã", "a"}, {"å", "a"}, {"ą", "a"}, {"ă", "a"},
    {"é", "e"}, {"è", "e"}, {"ê", "e"}, {"ë", "e"}, {"ę", "e"}, {"ě", "e"}, {"í", "i"}, {"ì", "i"},
    {"î", "i"}, {"ï", "i"}, {"ó", "o"}, {"ò", "o"}, {"ô", "o"}, {"ö", "o"}, {"õ", "o"}, {"ø", "o"},
    {"ú", "u"}, {"ù", "u"}, {"û", "u"}, {"ü", "u"}, {"ñ", "n"}, {"ń", "n"}, {"ç", "c"}, {"ć", "c"},
    {"ł", "l"}, {"Ł", "l"}, {"ś", "s"}, {"ș", "s"}, {"ş", "s"}, {"ź", "z"}, {"ż", "z"}, {"ß", "ss"},
}};

}  // namespace

std::span<const Town> towns() {
  return kTowns;
}

std::string slug_stem(const char* name) {
  std::string stem;
  bool pending_dash = false;
  auto append = [&](const char* ascii) {
    if (pending_dash && !stem.empty()) stem += '-';
    pending_dash = false;
    stem += ascii;
  };
  for (const char* p = name; *p != '\0';) {
    const char c = *p;
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      const char plain[2] = {c, '\0'};
      append(plain);
      ++p;
      continue;
    }
    if (c >= 'A' && c <= 'Z') {
      const char lower[2] = {static_cast<char>(c - 'A' + 'a'), '\0'};
      append(lower);
      ++p;
      continue;
    }
    bool folded = false;
    for (const auto& [utf8, ascii] : kFolded) {
      const std::size_t length = std::strlen(utf8);
      if (std::strncmp(p, utf8, length) == 0) {
        append(ascii);
        p += length;
        folded = true;
        break;
      }
    }
    if (folded) continue;
    // Anything else (space, punctuation, a letter not in the table) separates.
    pending_dash = true;
    ++p;
    while ((static_cast<unsigned char>(*p) & 0xC0) == 0x80) ++p;  // rest of a UTF-8 sequence
  }
  return stem;
}

}  // namespace gapfill::bench
