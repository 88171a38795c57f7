//! Shipping by courier (ekspedisi): which couriers a shop uses and how it prices postage, the postage of
//! an order, and where a parcel goes. Pure and tested; the shop's rules are stored whole as JSON in
//! `shops.shipping`.
//!
//! Postage is the shop's own price list, as village sellers work today (they weigh the parcel at the
//! agent in their kecamatan and know its tariffs): flat per order, or by weight band, within Indonesia;
//! abroad (EMS of Pos Indonesia and the like charge by the kilogram) per started kilogram, if the shop
//! ships abroad at all.

use serde::{Deserialize, Serialize};

/// The couriers village sellers hand parcels to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Courier {
    Jne,
    Jnt,
    SiCepat,
    PosIndonesia,
    Tiki,
    AnterAja,
}

impl Courier {
    pub const ALL: [Courier; 6] = [
        Courier::Jne,
        Courier::Jnt,
        Courier::SiCepat,
        Courier::PosIndonesia,
        Courier::Tiki,
        Courier::AnterAja,
    ];

    /// Stored in orders and used in forms.
    pub fn code(self) -> &'static str {
        match self {
            Courier::Jne => "jne",
            Courier::Jnt => "jnt",
            Courier::SiCepat => "sicepat",
            Courier::PosIndonesia => "pos",
            Courier::Tiki => "tiki",
            Courier::AnterAja => "anteraja",
        }
    }

    /// The name on the courier's own signs (the same in both languages).
    pub fn name(self) -> &'static str {
        match self {
            Courier::Jne => "JNE",
            Courier::Jnt => "J&T Express",
            Courier::SiCepat => "SiCepat",
            Courier::PosIndonesia => "Pos Indonesia",
            Courier::Tiki => "TIKI",
            Courier::AnterAja => "AnterAja",
        }
    }

    pub fn from_code(code: &str) -> Option<Courier> {
        Courier::ALL
            .into_iter()
            .find(|courier| courier.code() == code)
    }
}

/// Postage up to a weight (the heaviest band's limit is the heaviest parcel the shop sends).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeightBand {
    pub up_to_grams: i64,
    pub rupiah: i64,
}

/// How postage within Indonesia is priced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum DomesticPostage {
    Flat {
        rupiah: i64,
    },
    /// Bands from light to heavy.
    ByWeight {
        bands: Vec<WeightBand>,
    },
}

/// A shop's courier shipping.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShippingRules {
    pub couriers: Vec<Courier>,
    pub domestic: DomesticPostage,
    /// Postage abroad per started kilogram; `None`: the shop does not ship abroad.
    pub abroad_per_kg_rupiah: Option<i64>,
}

/// Where a parcel goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Destination {
    Domestic,
    Abroad,
}

/// The country as the buyer wrote it: Indonesia under any of its usual spellings is domestic, anything
/// else abroad.
pub fn destination_of(country: &str) -> Destination {
    let country: String = country
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase();
    if matches!(
        country.as_str(),
        "indonesia" | "id" | "idn" | "ri" | "republikindonesia" | "republicofindonesia" | "nkri"
    ) {
        Destination::Domestic
    } else {
        Destination::Abroad
    }
}

/// Why a courier order cannot be priced (shown next to the courier choice; codes are translated).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PostageRefused {
    /// A product in the order has no weight and the price depends on it.
    WeightUnknown,
    /// Heavier than the shop's heaviest band.
    TooHeavy,
    /// The shop does not ship abroad.
    NotAbroad,
}

impl PostageRefused {
    pub fn code(self) -> &'static str {
        match self {
            PostageRefused::WeightUnknown => "postage_weight_unknown",
            PostageRefused::TooHeavy => "postage_too_heavy",
            PostageRefused::NotAbroad => "postage_not_abroad",
        }
    }
}

impl ShippingRules {
    /// The postage of an order weighing `weight_grams` (`None`: some product has no weight).
    pub fn postage(
        &self,
        weight_grams: Option<i64>,
        destination: Destination,
    ) -> Result<i64, PostageRefused> {
        match destination {
            Destination::Domestic => match &self.domestic {
                DomesticPostage::Flat { rupiah } => Ok(*rupiah),
                DomesticPostage::ByWeight { bands } => {
                    let weight = weight_grams.ok_or(PostageRefused::WeightUnknown)?;
                    bands
                        .iter()
                        .find(|band| weight <= band.up_to_grams)
                        .map(|band| band.rupiah)
                        .ok_or(PostageRefused::TooHeavy)
                }
            },
            Destination::Abroad => {
                let per_kg = self.abroad_per_kg_rupiah.ok_or(PostageRefused::NotAbroad)?;
                let weight = weight_grams.ok_or(PostageRefused::WeightUnknown)?;
                let kilograms = (weight.max(1) + 999) / 1000;
                kilograms
                    .checked_mul(per_kg)
                    .ok_or(PostageRefused::TooHeavy)
            }
        }
    }
}

/// Days after shipping when a parcel counts as received if the buyer has not said so: about twice a
/// regular service's time within Indonesia, and what a registered parcel abroad may take.
pub fn receive_window_days(destination: Destination) -> i64 {
    match destination {
        Destination::Domestic => 7,
        Destination::Abroad => 30,
    }
}

/// The heaviest unit a product may weigh (50 kg: a sack of coffee beans).
pub const MAX_UNIT_GRAMS: i64 = 50_000;

/// A product's weight in grams as typed ("" = not given).
pub fn parse_grams(text: &str) -> Result<Option<i64>, &'static str> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    text.replace(['.', ' '], "")
        .parse::<i64>()
        .ok()
        .filter(|grams| (1..=MAX_UNIT_GRAMS).contains(grams))
        .map(Some)
        .ok_or("weight_invalid")
}

/// The weight of an order: `(unit grams, quantity)` per line; `None` if any line has no weight.
pub fn order_weight(lines: impl IntoIterator<Item = (Option<i64>, i64)>) -> Option<i64> {
    lines
        .into_iter()
        .map(|(grams, quantity)| grams.map(|grams| grams * quantity))
        .sum()
}

/// The shipping section of the shop form (`shipping[…]`): a checkbox per courier, the domestic price
/// as flat or up to three weight bands, and the price abroad per kilogram.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShippingInput {
    /// Courier codes ticked ("jne", "pos", …): each checkbox is `shipping[couriers][i]`, and the
    /// unticked ones send nothing.
    #[serde(default)]
    pub couriers: Vec<String>,
    /// "flat" or "weight".
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub flat: String,
    #[serde(default)]
    pub bands: Vec<BandInput>,
    #[serde(default)]
    pub abroad_per_kg: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BandInput {
    #[serde(default)]
    pub up_to_grams: String,
    #[serde(default)]
    pub rupiah: String,
}

/// Rows of weight bands the form offers.
pub const BAND_ROWS: usize = 3;
/// The most a postage price may be (Rp 10 000 000: more is a typo).
const MAX_POSTAGE: i64 = 10_000_000;

impl ShippingInput {
    /// The form's values for stored rules (`None`: no courier shipping).
    pub fn from_rules(rules: Option<&ShippingRules>) -> ShippingInput {
        let Some(rules) = rules else {
            return ShippingInput {
                kind: "flat".into(),
                ..ShippingInput::default()
            };
        };
        let (kind, flat, bands) = match &rules.domestic {
            DomesticPostage::Flat { rupiah } => ("flat", rupiah.to_string(), Vec::new()),
            DomesticPostage::ByWeight { bands } => (
                "weight",
                String::new(),
                bands
                    .iter()
                    .map(|band| BandInput {
                        up_to_grams: band.up_to_grams.to_string(),
                        rupiah: band.rupiah.to_string(),
                    })
                    .collect(),
            ),
        };
        ShippingInput {
            couriers: rules
                .couriers
                .iter()
                .map(|courier| courier.code().to_string())
                .collect(),
            kind: kind.into(),
            flat,
            bands,
            abroad_per_kg: rules
                .abroad_per_kg_rupiah
                .map(|fee| fee.to_string())
                .unwrap_or_default(),
        }
    }

    /// The rules the form describes: no courier ticked means no courier shipping. Errors name the field
    /// and a translated code.
    pub fn read(&self) -> Result<Option<ShippingRules>, (&'static str, &'static str)> {
        let mut couriers = Vec::new();
        for code in &self.couriers {
            let courier =
                Courier::from_code(code).ok_or(("shipping_couriers", "courier_unknown"))?;
            if !couriers.contains(&courier) {
                couriers.push(courier);
            }
        }
        if couriers.is_empty() {
            return Ok(None);
        }
        let rupiah = |text: &str, field: &'static str| {
            crate::kernel::money::parse_rupiah(text)
                .filter(|fee| *fee <= MAX_POSTAGE)
                .ok_or((field, "price_invalid"))
        };
        let domestic = match self.kind.as_str() {
            "flat" => DomesticPostage::Flat {
                rupiah: rupiah(&self.flat, "shipping_flat")?,
            },
            "weight" => {
                let mut bands: Vec<WeightBand> = Vec::new();
                // The form offers BAND_ROWS rows; a forged post with more is read up to a few more.
                for band in self.bands.iter().take(BAND_ROWS * 3).filter(|band| {
                    !(band.up_to_grams.trim().is_empty() && band.rupiah.trim().is_empty())
                }) {
                    let up_to_grams = parse_grams(&band.up_to_grams)
                        .ok()
                        .flatten()
                        .ok_or(("shipping_bands", "weight_invalid"))?;
                    let fee = rupiah(&band.rupiah, "shipping_bands")?;
                    if bands
                        .last()
                        .is_some_and(|last| last.up_to_grams >= up_to_grams)
                    {
                        return Err(("shipping_bands", "bands_not_increasing"));
                    }
                    bands.push(WeightBand {
                        up_to_grams,
                        rupiah: fee,
                    });
                }
                if bands.is_empty() {
                    return Err(("shipping_bands", "bands_required"));
                }
                DomesticPostage::ByWeight { bands }
            }
            _ => return Err(("shipping_kind", "choice_required")),
        };
        let abroad_per_kg_rupiah = match self.abroad_per_kg.trim() {
            "" => None,
            text => Some(rupiah(text, "shipping_abroad")?.max(1)),
        };
        Ok(Some(ShippingRules {
            couriers,
            domestic,
            abroad_per_kg_rupiah,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn by_weight() -> ShippingRules {
        ShippingRules {
            couriers: vec![Courier::Jne, Courier::PosIndonesia],
            domestic: DomesticPostage::ByWeight {
                bands: vec![
                    WeightBand {
                        up_to_grams: 1_000,
                        rupiah: 18_000,
                    },
                    WeightBand {
                        up_to_grams: 3_000,
                        rupiah: 35_000,
                    },
                ],
            },
            abroad_per_kg_rupiah: Some(250_000),
        }
    }

    #[test]
    fn postage_by_band_and_abroad_per_started_kilogram() {
        let rules = by_weight();
        assert_eq!(rules.postage(Some(250), Destination::Domestic), Ok(18_000));
        assert_eq!(
            rules.postage(Some(1_000), Destination::Domestic),
            Ok(18_000)
        );
        assert_eq!(
            rules.postage(Some(1_001), Destination::Domestic),
            Ok(35_000)
        );
        assert_eq!(
            rules.postage(Some(3_001), Destination::Domestic),
            Err(PostageRefused::TooHeavy)
        );
        assert_eq!(
            rules.postage(None, Destination::Domestic),
            Err(PostageRefused::WeightUnknown)
        );
        assert_eq!(rules.postage(Some(300), Destination::Abroad), Ok(250_000));
        assert_eq!(rules.postage(Some(1_200), Destination::Abroad), Ok(500_000));
        let flat = ShippingRules {
            domestic: DomesticPostage::Flat { rupiah: 20_000 },
            abroad_per_kg_rupiah: None,
            ..by_weight()
        };
        // A flat price needs no weight; a shop that does not ship abroad says so.
        assert_eq!(flat.postage(None, Destination::Domestic), Ok(20_000));
        assert_eq!(
            flat.postage(Some(500), Destination::Abroad),
            Err(PostageRefused::NotAbroad)
        );
    }

    #[test]
    fn indonesia_is_domestic_under_its_usual_spellings() {
        for country in ["Indonesia", " indonesia ", "ID", "RI", "Republik Indonesia"] {
            assert_eq!(destination_of(country), Destination::Domestic, "{country}");
        }
        for country in ["Netherlands", "Belanda", "Malaysia", "Australia", ""] {
            assert_eq!(destination_of(country), Destination::Abroad, "{country}");
        }
    }

    #[test]
    fn an_order_weighs_its_lines_and_is_unknown_if_one_is() {
        assert_eq!(order_weight([(Some(300), 2), (Some(150), 1)]), Some(750));
        assert_eq!(order_weight([(Some(300), 2), (None, 1)]), None);
    }

    #[test]
    fn the_form_reads_back_into_rules_and_refuses_what_makes_no_sense() {
        let rules = by_weight();
        let input = ShippingInput::from_rules(Some(&rules));
        assert_eq!(input.read(), Ok(Some(rules)));
        assert_eq!(ShippingInput::default().read(), Ok(None));
        let mut input = ShippingInput::from_rules(Some(&by_weight()));
        input.bands.swap(0, 1);
        assert_eq!(
            input.read(),
            Err(("shipping_bands", "bands_not_increasing"))
        );
        input.bands.clear();
        assert_eq!(input.read(), Err(("shipping_bands", "bands_required")));
        input.kind = "flat".into();
        input.flat = "dua puluh".into();
        assert_eq!(input.read(), Err(("shipping_flat", "price_invalid")));
        input.couriers = vec!["dhl-fake".into()];
        assert_eq!(input.read(), Err(("shipping_couriers", "courier_unknown")));
        assert_eq!(parse_grams("1.200"), Ok(Some(1_200)));
        assert_eq!(parse_grams(""), Ok(None));
        assert_eq!(parse_grams("0"), Err("weight_invalid"));
        assert_eq!(parse_grams("-5"), Err("weight_invalid"));
    }
}
