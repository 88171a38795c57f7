//! Market search, the one place the engines' SQL differs most.
//!
//! SQLite: the FTS5 table `products_fts` (prefix indexes, `unicode61 remove_diacritics`), ranked by
//! `bm25`. PostgreSQL: the `products.search_text` `tsvector` (configuration `simple`: words kept as
//! written; accents folded by `sk_fold`; weights A for titles, B for the shop's name and the words'
//! roots, C for descriptions), a GIN index, prefix matching (`kopi:*`), ranked by `ts_rank`. Neither
//! engine stems: the roots come from `pasar::search` (Sastrawi, Snowball) on both sides, stored in
//! `products.search_stems` and added to the query's words.
//! Both give `hits (id, relevance)`, lower relevance first, and both are kept in step with `products`
//! by triggers of their migration.

use super::{Engine, Sql};

/// `WITH hits AS MATERIALIZED (…) ` for a buyer's search words (each as a prefix or one of its roots,
/// all required).
pub fn push_hits(sql: &mut Sql, engine: Engine, words: &crate::pasar::search::SearchWords) {
    match engine {
        Engine::Sqlite => {
            sql.push(
                "WITH hits AS MATERIALIZED (SELECT rowid AS id,
                     bm25(products_fts, 10.0, 10.0, 2.0, 2.0, 4.0, 3.0) AS relevance
                 FROM products_fts WHERE products_fts MATCH ",
            )
            .push_bind(words.fts5())
            .push(") ");
        }
        Engine::Postgres => {
            sql.push(
                "WITH hits AS MATERIALIZED (SELECT p.id,
                     -ts_rank(p.search_text, query.words, 1) AS relevance
                 FROM products p, to_tsquery('simple', sk_fold(",
            )
            .push_bind(words.tsquery())
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
