//! The market's filters as read from the address: each optional, and the names of those that could not
//! be read kept so the page can say which were ignored instead of failing.

use super::{Category, MarketQuery, Sort};

/// The market filters once read: each is optional.
#[derive(Debug, Clone, Default)]
pub struct MarketFilter {
    pub fts: Option<super::search::SearchWords>,
    pub category: Option<Category>,
    pub village: Option<String>,
    pub min_price: Option<i64>,
    pub max_price: Option<i64>,
    pub in_stock: bool,
    pub sort: Option<Sort>,
}

impl MarketFilter {
    /// Reads the URL's filters; the names of those that could not be read are returned to be reported.
    pub fn read(query: &MarketQuery) -> (MarketFilter, Vec<String>) {
        let mut ignored = Vec::new();
        let mut filter = MarketFilter {
            fts: super::search::SearchWords::parse(&query.q),
            in_stock: query.in_stock == "1",
            ..MarketFilter::default()
        };
        if !query.category.is_empty() {
            filter.category = Category::from_code(&query.category);
            if filter.category.is_none() {
                ignored.push("category".into());
            }
        }
        if !query.village.is_empty() {
            filter.village = Some(query.village.clone());
        }
        for (text, slot, name) in [
            (&query.min_price, &mut filter.min_price, "min_price"),
            (&query.max_price, &mut filter.max_price, "max_price"),
        ] {
            if !text.trim().is_empty() {
                match crate::kernel::money::parse_rupiah(text) {
                    Some(amount) => *slot = Some(amount),
                    None => ignored.push(name.into()),
                }
            }
        }
        if !query.sort.is_empty() {
            filter.sort = Sort::from_code(&query.sort);
            if filter.sort.is_none() {
                ignored.push("sort".into());
            }
        }
        (filter, ignored)
    }

    /// The sort applied: relevance only makes sense with search words; newest otherwise.
    pub fn effective_sort(&self) -> Sort {
        match (self.sort, self.fts.is_some()) {
            (Some(Sort::Relevance), false) | (None, false) => Sort::Newest,
            (None, true) => Sort::Relevance,
            (Some(sort), _) => sort,
        }
    }
}
