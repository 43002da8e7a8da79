//! The numbers layer's case-sensitive and two-word lists (single lowercase words live in
//! the lexicon).

/// Units written straight after a number: "187mm", "700km", "12kg", "38C".
pub const UNIT_SUFFIXES: &[&str] = &[
    "mm", "cm", "km", "kg", "g", "mg", "lb", "lbs", "ft", "mi", "mph", "kph", "kmh", "C", "F", "ml", "l", "L", "GB",
    "MB", "TB", "kW", "MW", "GW", "kWh", "MWh", "GWh", "TWh", "ha", "x", "bp", "bps", "pts", "pc", "sqm", "sqft", "t",
    // Computing and electronics: "2.3GHz", "60FPS", "5000mAh", "65W".
    "GHz", "Ghz", "MHz", "Hz", "kHz", "fps", "FPS", "KB", "PB", "Mbps", "Gbps", "kbps", "mAh", "Wh", "W", "V", "nm",
];

/// Two words before a quantity that belong to its phrase: "more than 500", "at least 40".
pub const MODIFIER_PAIRS: &[(&str, &str)] = &[
    ("more", "than"),
    ("less", "than"),
    ("fewer", "than"),
    ("at", "least"),
    ("at", "most"),
    ("up", "to"),
    ("as", "many"),
    ("as", "much"),
    ("an", "estimated"),
    ("close", "to"),
];
