//! Market search, the one place the engines' SQL differs most.
//!
//! SQLite: the FTS5 table `products_fts` (prefix indexes, `unicode61 remove_diacritics`), ranked by
//! `bm25`. PostgreSQL: the `products.search_text` `tsvector` (configuration `simple`: no language's
//! stemming, words kept as typed; accents folded by `sk_fold`; weights A for titles, B for the shop's
//! name, C for descriptions), a GIN index, prefix matching (`kopi:*`), ranked by `ts_rank`.
//! Both give `hits (id, relevance)`, lower relevance first, and both are kept in step with `products`
//! by triggers of their migration.

use super::{Engine, Sql};

/// `WITH hits AS MATERIALIZED (…) ` for a search expression made by `pasar::search::fts_query`
/// (`"batik"* "tulis"*`: words of letters and digits, each a prefix, all required).
pub fn push_hits(sql: &mut Sql, engine: Engine, expression: &str) {
    match engine {
        Engine::Sqlite => {
            sql.push(
                "WITH hits AS MATERIALIZED (SELECT rowid AS id,
                     bm25(products_fts, 10.0, 10.0, 2.0, 2.0, 4.0) AS relevance
                 FROM products_fts WHERE products_fts MATCH ",
            )
            .push_bind(expression)
            .push(") ");
        }
        Engine::Postgres => {
            sql.push(
                "WITH hits AS MATERIALIZED (SELECT p.id,
                     -ts_rank(p.search_text, query.words, 1) AS relevance
                 FROM products p, to_tsquery('simple', sk_fold(",
            )
            .push_bind(tsquery(expression))
            .push(")) AS query (words) WHERE p.search_text @@ query.words) ");
        }
    }
}

/// `FROM hits … products p`: the matches drive the join. SQLite is told which index to read products
/// through (its planner otherwise scans the listed products and probes the hits); PostgreSQL's planner
/// picks it alone.
pub fn from_hits(engine: Engine) -> &'static str {
    match engine {
        Engine::Sqlite => {
            " FROM hits CROSS JOIN products p INDEXED BY products_market_columns ON p.id = hits.id"
        }
        Engine::Postgres => " FROM hits JOIN products p ON p.id = hits.id",
    }
}

/// `"batik"* "tulis"*` → `batik:* & tulis:*`. The words hold only letters and digits (the search
/// module drops everything else), so nothing reaches `tsquery`'s own syntax.
fn tsquery(expression: &str) -> String {
    expression
        .split_whitespace()
        .map(|term| term.trim_matches(|c| c == '"' || c == '*'))
        .filter(|word| !word.is_empty() && word.chars().all(char::is_alphanumeric))
        .map(|word| format!("{word}:*"))
        .collect::<Vec<_>>()
        .join(" & ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_words_become_prefix_terms_that_must_all_match() {
        assert_eq!(tsquery("\"batik\"* \"tulis\"*"), "batik:* & tulis:*");
        assert_eq!(tsquery("\"kopí\"*"), "kopí:*");
        assert_eq!(tsquery("\"a&b\"* \"ok\"*"), "ok:*");
    }
}
