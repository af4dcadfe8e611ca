"""The unit lexicon: every surface form of a unit -> its canonical symbol, dimension and pint unit.

Input: a unit as written after (or before) a number ("square kilometres", "km²", "sq km", "mph",
"°C", "US$", "euros"). Output: a `Unit` with a short canonical symbol (km, km2, mph, degC, USD),
its dimension, a spelled-out name (what the benchmark protocol reads) and the factor and offset
to SI base units, worked out by pint ahead of time into units_si.py (currencies keep their code,
never converted).

Tables are data: physical units are listed once with their abbreviations and words; square and
cubic units, SI prefixes, plurals and British spellings are generated from them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from factcheck.extract.units_si import SI

# Time units are the durations extractor's (factcheck.extract.durations); here only as the
# denominators of speeds ("km/h", "miles an hour", "metres per second").
SPEED_TIME = {"h": ("hour", "hour"), "hr": ("hour", "hour"), "hour": ("hour", "hour"),
              "s": ("second", "second"), "sec": ("second", "second"), "second": ("second", "second"),
              "min": ("minute", "minute"), "minute": ("minute", "minute"),
              "ms": ("millisecond", "millisecond"), "millisecond": ("millisecond", "millisecond")}


@dataclass(frozen=True, slots=True)
class Unit:
    symbol: str  # canonical short symbol: km, km2, mph, degC, USD, %
    dimension: str  # length, area, volume, mass, speed, temperature, information, currency, ratio, ...
    name: str  # spelled out, singular, American: "square kilometer", "degree celsius"
    pint: str | None = None  # pint expression; None: no SI arithmetic (currencies, ratios, unknown scale)
    currency: str | None = None  # ISO code for money units (cents and pence carry their major unit's)
    factor: float = 1.0  # for money and ratios: value in `currency` / canonical units per unit

    @property
    def money(self) -> bool:
        return self.dimension == "currency"


UNITS: dict[str, Unit] = {}
SYMBOLS: dict[str, str] = {}  # abbreviation as written (case-sensitive) -> symbol
WORDS: dict[str, str] = {}  # spelled form, lower case, single spaces -> symbol
SPACED_FORBIDDEN: set[str] = set()  # abbreviations that are English words: only glued to the number ("5in")


def _plural(word: str) -> list[str]:
    last = word.split()[-1]
    irregular = {"foot": "feet", "inch": "inches", "celsius": "celsius", "fahrenheit": "fahrenheit",
                 "hertz": "hertz", "horsepower": "horsepower", "yen": "yen", "yuan": "yuan", "won": "won",
                 "baht": "baht", "rand": "rand", "naira": "naira", "kip": "kip", "dong": "dong",
                 "stone": "stone", "kelvin": "kelvins", "quid": "quid", "penny": "pennies", "lira": "lire",
                 "real": "reais", "krona": "kronor", "krone": "kroner", "markka": "markkaa", "lev": "leva",
                 "leu": "lei", "colon": "colones", "taka": "taka", "rupiah": "rupiah", "ringgit": "ringgit",
                 "renminbi": "renminbi", "sterling": "sterling", "riyal": "riyals"}
    if last in irregular:
        plural = irregular[last]
    elif last.endswith(("s", "x", "ch", "sh")):
        plural = last + "es"
    else:
        plural = last + "s"
    return [word, word[: len(word) - len(last)] + plural]


def _spellings(word: str) -> list[str]:
    out = [word]
    for us, uk in (("meter", "metre"), ("liter", "litre"), ("gram", "gramme")):
        if us in word:
            out.append(word.replace(us, uk))
    return [p for w in out for p in _plural(w)]


def _add(symbol: str, dimension: str, name: str, pint: str | None, abbrevs=(), words=(), **kw) -> None:
    UNITS[symbol] = Unit(symbol, dimension, name, pint, **kw)
    for a in abbrevs:
        SYMBOLS.setdefault(a, symbol)
    for w in list(words) + [name]:
        for form in _spellings(w):
            WORDS.setdefault(form, symbol)


# ---------------------------------------------------------------- physical units

# SI-prefixed metric units: (base symbol, base word, pint base, dimension, prefixes used in news)
_PREFIXES = {"k": ("kilo", "kilo"), "c": ("centi", "centi"), "m": ("milli", "milli"), "\u00b5": ("micro", "micro"),
             "n": ("nano", "nano"), "d": ("deci", "deci"), "h": ("hecto", "hecto"), "M": ("mega", "mega"),
             "G": ("giga", "giga"), "T": ("tera", "tera"), "p": ("pico", "pico")}
_METRIC = [
    ("m", "meter", "meter", "length", "k c m \u00b5 n d p"),
    ("g", "gram", "gram", "mass", "k m \u00b5 n"),
    ("l", "liter", "liter", "volume", "m c d h"),
    ("W", "watt", "watt", "power", "k M G T"),
    ("Wh", "watt hour", "watt_hour", "energy", "k M G T"),
    ("J", "joule", "joule", "energy", "k M G T"),
    ("V", "volt", "volt", "voltage", "k M m"),
    ("Hz", "hertz", "hertz", "frequency", "k M G"),
    ("Pa", "pascal", "pascal", "pressure", "h k M G"),
    ("B", "byte", "byte", "information", "k M G T"),
    ("bit", "bit", "bit", "information", "k M G T"),
    ("t", "tonne", "tonne", "mass", "k M G"),
]
for _sym, _word, _pint, _dim, _prefixes in _METRIC:
    _add(_sym, _dim, _word, _pint, abbrevs=[_sym])
    for _p in _prefixes.split():
        _pw, _pp = _PREFIXES[_p]
        _add(_p + _sym, _dim, _pw + _word, _pp + _pint, abbrevs=[_p + _sym])
# written variants of the prefixed symbols
for _a, _s in {"L": "l", "mL": "ml", "cL": "cl", "dL": "dl", "ltr": "l", "ltrs": "l", "KM": "km", "Km": "km",
               "kms": "km", "KG": "kg", "Kg": "kg", "kgs": "kg", "CM": "cm", "cms": "cm", "\u03bcm": "\u00b5m",
               "um": "\u00b5m", "\u03bcg": "\u00b5g", "ug": "\u00b5g", "mcg": "\u00b5g", "\u03bcl": "\u00b5l",
               "KB": "kB", "kb": "kB", "mb": "MB", "gb": "GB", "tb": "TB", "Kb": "kbit", "Mb": "Mbit",
               "Gb": "Gbit", "Kbit": "kbit", "KW": "kW", "Kw": "kW", "Mw": "MW", "KWh": "kWh", "Kwh": "kWh",
               "kwh": "kWh", "kV": "kV", "KV": "kV", "KHz": "kHz", "khz": "kHz", "mhz": "MHz", "ghz": "GHz",
               "bits": "bit", "hpa": "hPa", "kpa": "kPa"}.items():
    SYMBOLS[_a] = _s
for _w, _s in {"kilo": "kg", "micron": "\u00b5m", "microgram": "\u00b5g", "tonne": "t", "metric ton": "t",
               "metric tonne": "t", "kilotonne": "kt", "megatonne": "Mt", "gigatonne": "Gt", "gigaton": "Gt",
               "megabit": "Mbit", "gigabit": "Gbit", "kilobit": "kbit", "terabit": "Tbit"}.items():
    for _f in _spellings(_w):
        WORDS[_f] = _s
for _s in ("kt", "mt", "kbit", "Tbit"):  # "kt" is a knot, "mt" a mount: only the spelled forms
    SYMBOLS.pop(_s, None)
SYMBOLS.pop("Mt", None)
SYMBOLS.pop("B", None)  # "100B" is a billion more often than bytes
SYMBOLS.pop("t", None)
SYMBOLS["t"] = "t"  # tonnes glued ("100t"); spaced "100 t" also reads as tonnes
SPACED_FORBIDDEN.add("Pa")  # "Pa" is also a state and a father

_IMPERIAL_LENGTH = [
    ("mi", "mile", "mile", ["mi", "mi."], []),
    ("ft", "foot", "foot", ["ft", "ft."], []),
    ("in", "inch", "inch", ["in", "in.", "\u2033", '"'], []),
    ("yd", "yard", "yard", ["yd", "yds"], []),
    ("nmi", "nautical mile", "nautical_mile", ["nmi", "NM"], []),
    ("ly", "light year", "light_year", ["ly"], ["light-year", "lightyear"]),
    ("au", "astronomical unit", "astronomical_unit", [], []),
]
for _sym, _word, _pint, _abbr, _words in _IMPERIAL_LENGTH:
    _add(_sym, "length", _word, _pint, abbrevs=_abbr, words=_words)
SPACED_FORBIDDEN.update({"in", "in.", '"'})

# square and cubic units of every length unit: "km2", "km²", "sq km", "square kilometres", "cubic feet"
_LENGTHS = [(s, u.name, u.pint) for s, u in list(UNITS.items()) if u.dimension == "length" and s not in ("ly", "au")]
_LENGTH_ABBR = {s: [a for a, t in SYMBOLS.items() if t == s and a not in ('"', "\u2033", "NM")] for s, *_ in _LENGTHS}
for _n, _dim, _word, _short in ((2, "area", "square", ("sq", "sq.", "square")), (3, "volume", "cubic", ("cu", "cu.", "cubic"))):
    _sup = "\u00b2" if _n == 2 else "\u00b3"
    for _sym, _name, _pint in _LENGTHS:
        _abbr = [a + s for a in _LENGTH_ABBR[_sym] if not a.endswith(".") for s in (str(_n), _sup)]
        _abbr += [f"{p} {a}" for p in _short for a in _LENGTH_ABBR[_sym]]
        _abbr += [f"{p}{a}" for p in ("sq", "cu") if p[0] == _word[0] for a in _LENGTH_ABBR[_sym]]
        _words = [f"{_word} {w}" for w in _spellings(_name)]
        _add(f"{_sym}{_n}", _dim, f"{_word} {_name}", f"{_pint}**{_n}", abbrevs=_abbr, words=_words)
SYMBOLS["sqm"] = "m2"
SYMBOLS["cc"] = "cm3"

_OTHER = [
    # symbol, dimension, name, pint, abbreviations, other words
    ("ha", "area", "hectare", "hectare", ["ha"], []),
    ("acre", "area", "acre", "acre", [], []),
    ("gal", "volume", "gallon", "gallon", ["gal", "gals"], []),
    ("bbl", "volume", "barrel", "oil_barrel", ["bbl", "bbls"], []),
    ("pt", "volume", "pint", "pint", [], []),
    ("qt", "volume", "quart", "quart", ["qt"], []),
    ("floz", "volume", "fluid ounce", "fluid_ounce", ["fl oz", "fl. oz.", "fl.oz."], []),
    ("tsp", "volume", "teaspoon", "teaspoon", ["tsp", "tsp."], []),
    ("tbsp", "volume", "tablespoon", "tablespoon", ["tbsp", "tbsp.", "Tbsp"], []),
    ("acft", "volume", "acre foot", "acre_foot", [], ["acre-foot", "acre-feet", "acre feet"]),
    ("lb", "mass", "pound", "pound", ["lb", "lbs", "lb.", "lbs."], []),
    ("oz", "mass", "ounce", "ounce", ["oz", "oz."], []),
    ("ozt", "mass", "troy ounce", "troy_ounce", ["ozt", "oz t"], []),
    ("ton", "mass", "ton", "short_ton", [], ["short ton"]),
    ("st", "mass", "stone", "stone", [], []),
    ("ct", "mass", "carat", "carat", [], []),
    ("km/h", "speed", "kilometer per hour", "kilometer/hour",
     ["km/h", "km/hr", "kph", "kmph", "kmh", "Km/h", "KPH", "km/h."], []),
    ("mph", "speed", "mile per hour", "mile/hour", ["mph", "MPH", "mi/h", "m.p.h."], []),
    ("m/s", "speed", "meter per second", "meter/second", ["m/s", "m/sec"], []),
    ("kn", "speed", "knot", "knot", ["kn", "kts"], []),
    ("degC", "temperature", "degree celsius", "degC",
     ["\u00b0C", "\u00baC", "\u2103", "\u00b0 C", "\u00ba C", "degC"],
     ["degree celsius", "degree centigrade", "celsius", "centigrade", "celcius", "deg c", "deg. c",
      "degree c", "degrees c", "deg celsius", "degree celcius", "degrees celcius"]),
    ("degF", "temperature", "degree fahrenheit", "degF",
     ["\u00b0F", "\u00baF", "\u2109", "\u00b0 F", "\u00ba F", "degF"],
     ["degree fahrenheit", "fahrenheit", "farenheit", "deg f", "deg. f", "degree f", "degrees f",
      "deg fahrenheit"]),
    ("K", "temperature", "kelvin", "kelvin", [], ["degree kelvin"]),
    ("degree", "temperature", "degree temperature", None, [], []),  # scale unknown: "it was 40 degrees"
    # named "degree angle" so that outside readers do not take it for a temperature
    ("deg", "angle", "degree angle", "degree", ["\u00b0", "\u00ba", "deg", "deg."], ["degree"]),
    ("rad", "angle", "radian", "radian", ["rad"], []),
    ("hp", "power", "horsepower", "horsepower", ["hp", "bhp"], []),
    ("cal", "energy", "calorie", "calorie", [], []),
    ("kcal", "energy", "kilocalorie", "kilocalorie", ["kcal", "Cal"], []),
    ("BTU", "energy", "british thermal unit", "british_thermal_unit", ["BTU", "Btu"], []),
    ("bar", "pressure", "bar", "bar", [], []),
    ("mbar", "pressure", "millibar", "millibar", ["mbar", "mb."], []),
    ("psi", "pressure", "pound per square inch", "psi", ["psi"], []),
    ("atm", "pressure", "atmosphere", "atmosphere", ["atm"], []),
    ("mmHg", "pressure", "millimeter of mercury", "mmHg", ["mmHg"], []),
    ("Mbit/s", "data rate", "megabit per second", "megabit/second", ["Mbps", "Mbit/s", "Mb/s", "mbps"], []),
    ("Gbit/s", "data rate", "gigabit per second", "gigabit/second", ["Gbps", "Gbit/s", "Gb/s", "gbps"], []),
    ("kbit/s", "data rate", "kilobit per second", "kilobit/second", ["kbps", "kbit/s", "kb/s"], []),
    ("dB", "sound level", "decibel", None, ["dB", "dBA"], []),
    ("Mw", "magnitude", "magnitude", None, [], ["magnitude"]),
]
for _sym, _dim, _name, _pint, _abbr, _words in _OTHER:
    # "degree celsius" is also written "degrees celsius"
    _words = _words + [w.replace("degree ", "degrees ", 1) for w in _words + [_name] if w.startswith("degree ")]
    _add(_sym, _dim, _name, _pint, abbrevs=_abbr, words=_words)
SPACED_FORBIDDEN.update({"st", "ct", "cal", "bar", "pt"})
# "40C", "104F": glued only, and only where temperatures are spoken of (the extractor checks)
SYMBOLS["C"] = "degC"
SYMBOLS["F"] = "degF"
SPACED_FORBIDDEN.update({"C", "F"})
WORDS["degree"] = "deg"
WORDS["degrees"] = "deg"

# ratios: percent, percentage points, basis points, per mille, parts per million
_RATIOS = [
    ("%", "percent", 1.0, "%", ["%", "pct", "pct.", "per cent", "percent"], ["percent", "per cent", "percentage"]),
    ("pp", "percentage point", 1.0, "pp", ["pp", "ppt"], ["percentage point", "percent point", "per cent point"]),
    ("bp", "basis point", 0.01, "pp", ["bp", "bps"], ["basis point"]),
    ("\u2030", "per mille", 0.1, "%", ["\u2030"], ["per mille", "per mil"]),
    ("ppm", "part per million", 1e-4, "%", ["ppm"], ["parts per million"]),
    ("ppb", "part per billion", 1e-7, "%", ["ppb"], ["parts per billion"]),
]
for _sym, _name, _f, _canon, _abbr, _words in _RATIOS:
    _add(_sym, "ratio", _name, None, abbrevs=_abbr, words=_words, currency=_canon, factor=_f)
WORDS["percents"] = "%"
SYMBOLS.pop("percent", None)
SYMBOLS.pop("per cent", None)
SYMBOLS.pop("bps", None)
SYMBOLS["bps"] = "bp"

# ---------------------------------------------------------------- money

# ISO codes written as units ("USD 200", "20 usd", "75 USD million"); lower case only where not a word
CURRENCY_CODES = frozenset("""
USD EUR GBP JPY CNY CHF CAD AUD NZD HKD SGD TWD INR PKR LKR NPR BDT RUB UAH BYN TRY BRL MXN ARS CLP COP
PEN ZAR NGN KES GHS EGP MAD SAR AED QAR KWD BHD OMR JOD ILS IRR IQD KRW THB MYR IDR PHP VND SEK NOK DKK
ISK PLN CZK HUF RON BGN HRK RSD KZT AZN GEL AMD UZS BTC ETH XAU XOF XAF FIM ESP NLG DEM FRF ITL BEF
ATS PTE GRD IEP
""".split())
_WORDLIKE_CODES = frozenset({"TRY", "PEN", "MAD", "ALL", "CUP", "TOP", "GEL", "AMD", "BAM", "MOP"})
CODES_ANY_CASE = frozenset(c for c in CURRENCY_CODES if c not in _WORDLIKE_CODES) | {"RMB"}

# currency signs, alone or after a country prefix ("US$", "HK$", "C$"); prefixes are case-insensitive
CURRENCY_SIGNS: dict[str, str] = {
    "$": "USD", "\u20ac": "EUR", "\u00a3": "GBP", "\u00a5": "JPY", "\u20b9": "INR", "\u20bd": "RUB",
    "\u20b4": "UAH", "\u20ba": "TRY", "\u20aa": "ILS", "\u20a6": "NGN", "\u20a9": "KRW", "\u20b1": "PHP",
    "\u20ab": "VND", "\u0e3f": "THB", "\u20bf": "BTC", "\u20a1": "CRC", "\u5143": "CNY", "\u5186": "JPY",
    "\u20b2": "PYG", "\u20b8": "KZT", "\u20be": "GEL", "\u0bb0\u0bc2": "LKR",
}
DOLLAR_PREFIXES: dict[str, str] = {
    "us": "USD", "u.s.": "USD", "usd": "USD", "c": "CAD", "ca": "CAD", "cad": "CAD", "can": "CAD",
    "a": "AUD", "au": "AUD", "aud": "AUD", "nz": "NZD", "nzd": "NZD", "hk": "HKD", "hkd": "HKD",
    "s": "SGD", "sgd": "SGD", "nt": "TWD", "r": "BRL", "mex": "MXN", "mxn": "MXN", "z": "ZWL",
}
CURRENCY_WORD_PREFIXES: dict[str, str] = {"rs": "INR", "rs.": "INR", "inr": "INR", "kes": "KES", "ksh": "KES",
                                          "sh": "KES", "r": "ZAR", "chf": "CHF", "fr.": "CHF", "sfr": "CHF"}

# currency names after a number: name -> (code, factor to the major unit); plurals generated
_CURRENCY_NAMES: dict[str, tuple[str, float]] = {
    "dollar": ("USD", 1), "us dollar": ("USD", 1), "u.s. dollar": ("USD", 1), "american dollar": ("USD", 1),
    "canadian dollar": ("CAD", 1), "australian dollar": ("AUD", 1), "new zealand dollar": ("NZD", 1),
    "hong kong dollar": ("HKD", 1), "singapore dollar": ("SGD", 1), "taiwan dollar": ("TWD", 1),
    "new taiwan dollar": ("TWD", 1), "zimbabwe dollar": ("ZWL", 1), "buck": ("USD", 1),
    "euro": ("EUR", 1), "quid": ("GBP", 1), "pound sterling": ("GBP", 1), "sterling": ("GBP", 1), "british pound": ("GBP", 1),
    "pound": ("GBP", 1), "egyptian pound": ("EGP", 1), "lebanese pound": ("LBP", 1),
    "yen": ("JPY", 1), "japanese yen": ("JPY", 1), "yuan": ("CNY", 1), "chinese yuan": ("CNY", 1),
    "renminbi": ("CNY", 1), "kuai": ("CNY", 1), "franc": ("CHF", 1), "swiss franc": ("CHF", 1),
    "french franc": ("FRF", 1), "belgian franc": ("BEF", 1), "cfa franc": ("XOF", 1),
    "rupee": ("INR", 1), "indian rupee": ("INR", 1), "sri lankan rupee": ("LKR", 1),
    "pakistani rupee": ("PKR", 1), "nepalese rupee": ("NPR", 1), "peso": ("MXN", 1),
    "mexican peso": ("MXN", 1), "philippine peso": ("PHP", 1), "argentine peso": ("ARS", 1),
    "colombian peso": ("COP", 1), "chilean peso": ("CLP", 1), "ruble": ("RUB", 1), "rouble": ("RUB", 1),
    "russian ruble": ("RUB", 1), "hryvnia": ("UAH", 1), "hryvnias": ("UAH", 1), "turkish lira": ("TRY", 1),
    "lira": ("TRY", 1), "italian lira": ("ITL", 1), "korean won": ("KRW", 1), "south korean won": ("KRW", 1),
    "rand": ("ZAR", 1), "brazilian real": ("BRL", 1), "shekel": ("ILS", 1), "new shekel": ("ILS", 1),
    "riyal": ("SAR", 1), "saudi riyal": ("SAR", 1), "qatari riyal": ("QAR", 1), "dirham": ("AED", 1),
    "naira": ("NGN", 1), "shilling": ("KES", 1), "kenyan shilling": ("KES", 1), "krona": ("SEK", 1),
    "swedish krona": ("SEK", 1), "krone": ("NOK", 1), "norwegian krone": ("NOK", 1),
    "danish krone": ("DKK", 1), "zloty": ("PLN", 1), "forint": ("HUF", 1), "baht": ("THB", 1),
    "ringgit": ("MYR", 1), "rupiah": ("IDR", 1), "dong": ("VND", 1), "taka": ("BDT", 1),
    "bitcoin": ("BTC", 1), "markka": ("FIM", 1), "finnish markka": ("FIM", 1), "peseta": ("ESP", 1),
    "guilder": ("NLG", 1), "dutch guilder": ("NLG", 1), "netherlands guilder": ("NLG", 1),
    "deutsche mark": ("DEM", 1), "deutschmark": ("DEM", 1), "d-mark": ("DEM", 1), "escudo": ("PTE", 1),
    "drachma": ("GRD", 1), "colon": ("CRC", 1), "col\u00f3n": ("CRC", 1), "lari": ("GEL", 1), "kip": ("LAK", 1),
    "cedi": ("GHS", 1), "kwacha": ("ZMW", 1), "birr": ("ETB", 1), "leu": ("RON", 1), "lev": ("BGN", 1),
    "tenge": ("KZT", 1), "manat": ("AZN", 1), "afghani": ("AFN", 1), "rial": ("IRR", 1),
    "iranian rial": ("IRR", 1), "won": ("KRW", 1), "real": ("BRL", 1), "mark": ("DEM", 1),
    # minor units: the value stays as written ("45 cents"), the interval is in the major unit
    "cent": ("USD", 0.01), "penny": ("GBP", 0.01), "pence": ("GBP", 0.01), "kopek": ("RUB", 0.01),
    "kopeck": ("RUB", 0.01), "paisa": ("INR", 0.01), "centavo": ("MXN", 0.01), "eurocent": ("EUR", 0.01),
    "euro cent": ("EUR", 0.01),
}
# words that are also ordinary English: a currency only after a scale ("5 billion won") or a country
SCALED_ONLY_CURRENCY = frozenset({"won", "real", "rand", "mark", "marks", "dong", "kip", "colon", "lev", "leu"})
_MINOR_SYMBOL = {"cent": "cent", "penny": "pence", "pence": "pence", "kopek": "kopek", "kopeck": "kopek",
                 "paisa": "paisa", "centavo": "centavo", "eurocent": "eurocent", "euro cent": "eurocent"}

for _code in sorted(CURRENCY_CODES | {"LBP", "ZWL", "CRC", "LAK", "ZMW", "ETB", "AFN", "PYG"}):
    UNITS[_code] = Unit(_code, "currency", _code, None, currency=_code)
for _name, (_code, _f) in _CURRENCY_NAMES.items():
    _sym = _MINOR_SYMBOL.get(_name, _code)
    if _sym not in UNITS:
        UNITS[_sym] = Unit(_sym, "currency", _name, None, currency=_code, factor=_f)
    for _form in _plural(_name):
        WORDS.setdefault(_form, _sym)
WORDS["pennies"] = "pence"
# "pounds" is mass unless money is in the air ("361 million pounds", "cost 50 pounds"): the extractor decides
MONEY_READING: dict[str, str] = {"pound": "GBP", "pounds": "GBP"}
WORDS["bucks"] = "USD"
WORDS["rmb"] = "CNY"
for _sign, _code in CURRENCY_SIGNS.items():
    SYMBOLS.setdefault(_sign, _code)
SYMBOLS["\u00a2"] = "cent"
SYMBOLS["c"] = "cent"  # glued only: "11c a share"
SYMBOLS["p"] = "pence"  # glued only: "470p"
SPACED_FORBIDDEN.update({"c", "p"})
for _code in CURRENCY_CODES:
    SYMBOLS.setdefault(_code, _code)
for _code in CODES_ANY_CASE:
    WORDS.setdefault(_code.lower(), _code if _code != "RMB" else "CNY")

# ---------------------------------------------------------------- arithmetic


@cache
def _registry():
    import pint  # imported only for a unit the table below does not hold (0.6 s to import and build)

    return pint.UnitRegistry()


@cache
def to_canonical(symbol: str) -> tuple[str, float, float] | None:
    """(canonical unit, factor, offset): canonical = value * factor + offset. Cached per unit."""
    unit = UNITS.get(symbol)
    if unit is None:
        return None
    if unit.currency is not None:  # money and ratios: their own code, never converted between codes
        return unit.currency, unit.factor, 0.0
    if unit.pint is None:
        return None
    if unit.pint in SI:  # worked out by pint ahead of time (scripts/regen_units.py; a test compares)
        return SI[unit.pint]
    return pint_canonical(unit.pint)


def pint_canonical(expression: str) -> tuple[str, float, float] | None:
    """What pint makes of a unit: its SI base units, factor and offset (None: pint cannot convert it)."""
    ureg = _registry()
    try:
        zero = ureg.Quantity(0.0, expression).to_base_units()
        one = ureg.Quantity(1.0, expression).to_base_units()
    except Exception:  # noqa: BLE001 - a unit pint cannot convert keeps its own scale; tests list them all
        return None
    return f"{one.units:~C}", float(one.magnitude - zero.magnitude), float(zero.magnitude)


def lexicon_expressions() -> list[str]:
    """Every pint expression the lexicon can give a figure: its units, and the speeds made of its
    lengths and the time words ("km/h", "miles an hour")."""
    for length in [u for u in UNITS.values() if u.dimension == "length"]:
        for word in SPEED_TIME:
            speed_unit(length, word)
    return sorted({u.pint for u in UNITS.values() if u.pint})


def si_table_text() -> str:
    """The source of units_si.py, as pint computes it now."""
    rows = "".join(f"    {e!r}: {pint_canonical(e)!r},\n" for e in lexicon_expressions())
    return ('"""Generated by scripts/regen_units.py: each pint expression of the unit lexicon -> (SI base\n'
            "units, factor, offset), as pint works them out. Extraction reads this table instead of\n"
            "importing pint and building its registry (0.6 s in every process that meets a unit);\n"
            'tests/extract/test_units_si.py checks it against pint."""\n\n'
            "SI: dict[str, tuple[str, float, float] | None] = {\n" + rows + "}\n")


def lookup_symbol(surface: str) -> Unit | None:
    sym = SYMBOLS.get(surface)
    return UNITS[sym] if sym else None


def lookup_word(surface: str) -> Unit | None:
    sym = WORDS.get(surface.lower())
    return UNITS[sym] if sym else None


def speed_unit(length: Unit, time_word: str) -> Unit | None:
    """A length per time unit: "km/h", "miles an hour", "50 centimeters/millisecond"."""
    t = SPEED_TIME.get(time_word.lower().rstrip("s") if len(time_word) > 2 else time_word.lower())
    if length.dimension != "length" or t is None:
        return None
    known = {("km", "hour"): "km/h", ("mi", "hour"): "mph", ("m", "second"): "m/s", ("nmi", "hour"): "kn"}
    sym = known.get((length.symbol, t[0]))
    if sym:
        return UNITS[sym]
    short = {"hour": "h", "second": "s", "minute": "min", "millisecond": "ms"}[t[0]]
    sym = f"{length.symbol}/{short}"
    if sym not in UNITS:
        UNITS[sym] = Unit(sym, "speed", f"{length.name} per {t[1]}", f"{length.pint}/{t[0]}")
    return UNITS[sym]


def protocol_unit(symbol: str | None) -> str | None:
    """The spelled-out unit for outside readers ("degC" -> "degree celsius"); codes stay codes."""
    unit = UNITS.get(symbol) if symbol else None
    return unit.name if unit is not None else symbol
