//! One-way copy of a village's SQLite database into PostgreSQL: a village that started small on its own
//! file joins the regency's server (`smart-kampung copy-to-postgres --from <file> --database-url …`).
//!
//! The target must be migrated and empty. Tables are copied parents first (by their foreign keys) with
//! `COPY … FROM STDIN`, ids and all, in one transaction: an interrupted copy leaves the target empty.
//! The derived columns SQLite's triggers kept (stock, sort price, listed, ratings) are copied as they
//! are, so PostgreSQL's triggers are paused per table while it is filled; the search column SQLite does
//! not have is computed afterwards, and every id sequence continues after the copied ids.

use std::collections::{BTreeMap, BTreeSet};

use sqlx::{postgres::PgPool, sqlite::SqlitePool, Row};

/// Rows copied per table, in the order they were copied.
#[derive(Debug, Default)]
pub struct CopyReport {
    pub rows: Vec<(String, u64)>,
}

/// Rows read from SQLite per round (a million orders never sit in memory at once).
const PAGE: i64 = 20_000;

pub async fn sqlite_to_postgres(
    source: &SqlitePool,
    target: &PgPool,
) -> Result<CopyReport, sqlx::Error> {
    let existing: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM villages")
        .fetch_one(target)
        .await?;
    if existing > 0 {
        return Err(sqlx::Error::Protocol(
            "the PostgreSQL database already holds villages: copy into an empty, migrated database"
                .into(),
        ));
    }
    let tables = tables_parents_first(target).await?;
    let mut report = CopyReport::default();
    let mut tx = target.begin().await?;
    for table in &tables {
        let columns: Vec<(String, String)> = sqlx::query_as(
            "SELECT column_name::text, data_type::text FROM information_schema.columns
             WHERE table_schema = 'public' AND table_name = $1
               AND is_generated = 'NEVER' AND identity_generation IS DISTINCT FROM 'ALWAYS'
               AND data_type <> 'tsvector'
             ORDER BY ordinal_position",
        )
        .bind(table)
        .fetch_all(&mut *tx)
        .await?;
        let names = columns
            .iter()
            .map(|(name, _)| format!("\"{name}\""))
            .collect::<Vec<_>>()
            .join(", ");
        sqlx::query(&format!("ALTER TABLE \"{table}\" DISABLE TRIGGER USER"))
            .execute(&mut *tx)
            .await?;
        let mut copy = (*tx)
            .copy_in_raw(&format!("COPY \"{table}\" ({names}) FROM STDIN"))
            .await?;
        let mut copied = 0_u64;
        let mut after = i64::MIN;
        loop {
            // SQLite's rowid: every table has one, and it keeps insertion order (`ORDER BY rowid`).
            let rows = sqlx::query(&format!(
                "SELECT rowid, {names} FROM \"{table}\" WHERE rowid > $1 ORDER BY rowid LIMIT $2"
            ))
            .bind(after)
            .bind(PAGE)
            .fetch_all(source)
            .await?;
            let Some(last) = rows.last() else { break };
            after = last.try_get(0)?;
            let mut text = String::with_capacity(rows.len() * 128);
            for row in &rows {
                for (index, (_, kind)) in columns.iter().enumerate() {
                    if index > 0 {
                        text.push('\t');
                    }
                    copy_value(&mut text, row, index + 1, kind)?;
                }
                text.push('\n');
            }
            copied += rows.len() as u64;
            copy.send(text.as_bytes()).await?;
        }
        copy.finish().await?;
        sqlx::query(&format!("ALTER TABLE \"{table}\" ENABLE TRIGGER USER"))
            .execute(&mut *tx)
            .await?;
        report.rows.push((table.clone(), copied));
    }
    sqlx::query(
        "UPDATE products p SET search_text = sk_product_search_text(p.title_id, p.title_en,
             p.description_id, p.description_en, s.name, p.search_stems)
         FROM shops s WHERE s.id = p.shop_id",
    )
    .execute(&mut *tx)
    .await?;
    let identities: Vec<(String, String)> = sqlx::query_as(
        "SELECT table_name::text, column_name::text FROM information_schema.columns
         WHERE table_schema = 'public' AND identity_generation = 'BY DEFAULT'",
    )
    .fetch_all(&mut *tx)
    .await?;
    for (table, column) in identities {
        sqlx::query(&format!(
            "SELECT setval(pg_get_serial_sequence('\"{table}\"', '{column}'),
                           COALESCE((SELECT MAX(\"{column}\") FROM \"{table}\"), 0) + 1, false)"
        ))
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    // Fresh planner statistics: without them the first hours after a copy plan every query as if the
    // tables were empty (autovacuum analyses only once enough rows have changed *after* the copy).
    sqlx::query("ANALYZE").execute(target).await?;
    Ok(report)
}

/// One value in `COPY`'s text format: `\N` for NULL; backslash, tab, newline and carriage return
/// escaped; `bytea` as `\\x` and hex.
fn copy_value(
    out: &mut String,
    row: &sqlx::sqlite::SqliteRow,
    index: usize,
    kind: &str,
) -> Result<(), sqlx::Error> {
    use std::fmt::Write;
    match kind {
        "bigint" => match row.try_get::<Option<i64>, _>(index)? {
            Some(number) => {
                let _ = write!(out, "{number}");
            }
            None => out.push_str("\\N"),
        },
        "boolean" => match row.try_get::<Option<bool>, _>(index)? {
            Some(flag) => out.push(if flag { 't' } else { 'f' }),
            None => out.push_str("\\N"),
        },
        "double precision" => match row.try_get::<Option<f64>, _>(index)? {
            Some(number) => {
                let _ = write!(out, "{number}");
            }
            None => out.push_str("\\N"),
        },
        "bytea" => match row.try_get::<Option<Vec<u8>>, _>(index)? {
            Some(bytes) => {
                out.push_str("\\\\x");
                for byte in bytes {
                    let _ = write!(out, "{byte:02x}");
                }
            }
            None => out.push_str("\\N"),
        },
        _ => match row.try_get::<Option<String>, _>(index)? {
            Some(text) => escape_text(out, &text),
            None => out.push_str("\\N"),
        },
    }
    Ok(())
}

fn escape_text(out: &mut String, text: &str) {
    for character in text.chars() {
        match character {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            other => out.push(other),
        }
    }
}

/// Every table of the schema, each after the tables its foreign keys point to.
async fn tables_parents_first(target: &PgPool) -> Result<Vec<String>, sqlx::Error> {
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT table_name::text FROM information_schema.tables
         WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE '_sqlx%'
         ORDER BY table_name",
    )
    .fetch_all(target)
    .await?;
    let references: Vec<(String, String)> = sqlx::query_as(
        "SELECT conrelid::regclass::text, confrelid::regclass::text FROM pg_constraint
         WHERE contype = 'f' AND conrelid <> confrelid",
    )
    .fetch_all(target)
    .await?;
    let mut parents: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (child, parent) in &references {
        parents
            .entry(child.as_str())
            .or_default()
            .insert(parent.as_str());
    }
    Ok(parents_first(&tables, &parents))
}

fn parents_first(tables: &[String], parents: &BTreeMap<&str, BTreeSet<&str>>) -> Vec<String> {
    let mut ordered: Vec<String> = Vec::with_capacity(tables.len());
    let mut placed: BTreeSet<&str> = BTreeSet::new();
    while ordered.len() < tables.len() {
        let before = ordered.len();
        for table in tables {
            if placed.contains(table.as_str()) {
                continue;
            }
            let ready = parents.get(table.as_str()).is_none_or(|of| {
                of.iter()
                    .all(|parent| placed.contains(parent) || !tables.iter().any(|t| t == parent))
            });
            if ready {
                placed.insert(table.as_str());
                ordered.push(table.clone());
            }
        }
        if ordered.len() == before {
            // A cycle of references (none in this schema): the rest in name order.
            ordered.extend(
                tables
                    .iter()
                    .filter(|table| !placed.contains(table.as_str()))
                    .cloned(),
            );
            break;
        }
    }
    ordered
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parents_come_before_the_tables_that_refer_to_them() {
        let tables: Vec<String> = ["accounts", "orders", "shops", "villages"]
            .map(String::from)
            .to_vec();
        let mut parents: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        parents.insert("orders", ["accounts", "shops"].into());
        parents.insert("shops", ["villages", "accounts"].into());
        parents.insert("accounts", ["villages"].into());
        assert_eq!(
            parents_first(&tables, &parents),
            ["villages", "accounts", "shops", "orders"]
        );
    }

    #[test]
    fn copy_text_escapes_what_copy_reads_as_syntax() {
        let mut out = String::new();
        escape_text(&mut out, "a\tb\nc\\d\re");
        assert_eq!(out, "a\\tb\\nc\\\\d\\re");
    }
}
