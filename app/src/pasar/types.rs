use serde::{Deserialize, Serialize};

/// Product categories of village commerce (../DOMAIN: batik & kain, kerajinan, kopi & hasil bumi, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Category {
    BatikKain,
    Kerajinan,
    KopiHasilBumi,
    MakananOlahan,
    Fashion,
    Seni,
}

impl Category {
    pub const ALL: [Category; 6] = [
        Category::BatikKain,
        Category::Kerajinan,
        Category::KopiHasilBumi,
        Category::MakananOlahan,
        Category::Fashion,
        Category::Seni,
    ];

    /// The value stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            Category::BatikKain => "batik_kain",
            Category::Kerajinan => "kerajinan",
            Category::KopiHasilBumi => "kopi_hasil_bumi",
            Category::MakananOlahan => "makanan_olahan",
            Category::Fashion => "fashion",
            Category::Seni => "seni",
        }
    }

    pub fn from_code(code: &str) -> Option<Category> {
        Category::ALL
            .into_iter()
            .find(|category| category.code() == code)
    }
}

/// A product as shown in lists: enough to recognise it and decide to open it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductCard {
    pub slug: String,
    pub title_id: String,
    pub title_en: Option<String>,
    pub category: Category,
    pub price_rupiah: i64,
    pub unit: String,
    pub stock: i64,
    pub shop_name: String,
    pub village_name: String,
    pub village_slug: String,
}

impl ProductCard {
    pub fn is_sold_out(&self) -> bool {
        self.stock <= 0
    }
}

/// A shop's page: its story, where it is, what it sells, and the classes it runs (Budaya).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShopPage {
    pub slug: String,
    pub name: String,
    pub story_id: String,
    pub story_en: Option<String>,
    pub village_name: String,
    pub village_slug: String,
    /// The owner is a verified resident of the village.
    pub owner_verified: bool,
    pub products: Vec<ProductCard>,
    pub workshops: Vec<crate::budaya::EventCard>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn category_codes_round_trip() {
        for category in Category::ALL {
            assert_eq!(Category::from_code(category.code()), Some(category));
        }
        assert_eq!(Category::from_code("narkoba"), None);
    }
}
