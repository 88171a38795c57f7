//! The two engines side by side: their migrations describe the same tables, columns and indexes.
//! Runs in the PostgreSQL pass of the test command (`PG_TEST_URL` set); the SQLite pass has nothing
//! to compare against and says so.

#![allow(clippy::unwrap_used)]

mod support;

use std::collections::BTreeSet;

use support::*;

/// What each engine has that the other does not, on purpose (see the PostgreSQL migration's header).
const ONLY_SQLITE_TABLES: &[&str] = &["products_fts"];
const ONLY_POSTGRES_COLUMNS: &[(&str, &str)] = &[
    ("products", "search_text"),
    ("order_items", "rowid"),
    ("request_answers", "rowid"),
    ("request_documents", "rowid"),
];
const ONLY_SQLITE_INDEXES: &[&str] = &["products_market_columns"];
const ONLY_POSTGRES_INDEXES: &[&str] = &["products_search"];

/// A column as both engines can state it: table, name, kind of value, whether it may be NULL.
type Column = (String, String, &'static str, bool);

fn sqlite_kind(declared: &str) -> &'static str {
    match declared.to_ascii_uppercase().as_str() {
        "INTEGER" | "BIGINT" => "integer",
        "TEXT" => "text",
        "BOOLEAN" => "boolean",
        "REAL" => "real",
        "BLOB" => "bytes",
        _ => "unknown",
    }
}

fn postgres_kind(declared: &str) -> &'static str {
    match declared {
        "bigint" => "integer",
        "text" => "text",
        "boolean" => "boolean",
        "double precision" => "real",
        "bytea" => "bytes",
        _ => "unknown",
    }
}

#[test]
fn both_engines_describe_the_same_tables_columns_and_indexes() {
    let Ok(server) = std::env::var("PG_TEST_URL") else {
        eprintln!("PG_TEST_URL is not set: the schema comparison runs in the PostgreSQL pass");
        return;
    };
    run(async move {
        let dir = tempfile::tempdir().unwrap();
        let sqlite = app::db::connect_and_migrate(dir.path().join("compare.db"))
            .await
            .unwrap();
        let sqlite = sqlite.as_sqlite().unwrap();
        let postgres_url = test_database(dir.path()).await;
        assert!(
            matches!(postgres_url, app::db::DatabaseUrl::Postgres(_)),
            "{server}"
        );
        let postgres = app::db::connect_and_migrate(&postgres_url).await.unwrap();
        let app::db::Db::Postgres(postgres) = postgres else {
            unreachable!()
        };

        let rows: Vec<(String, String, String, bool, bool)> = sqlx::query_as(
            "SELECT m.name, p.name, p.type, p.\"notnull\", p.pk > 0 FROM sqlite_master m
             JOIN pragma_table_info(m.name) p
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '_sqlx%'
               AND m.name NOT LIKE 'products_fts%'",
        )
        .fetch_all(sqlite)
        .await
        .unwrap();
        let sqlite_columns: BTreeSet<Column> = rows
            .into_iter()
            .map(|(table, column, declared, not_null, key)| {
                (table, column, sqlite_kind(&declared), !(not_null || key))
            })
            .collect();
        let rows: Vec<(String, String, String, String)> = sqlx::query_as(
            "SELECT table_name::text, column_name::text, data_type::text, is_nullable::text
             FROM information_schema.columns
             WHERE table_schema = 'public' AND table_name NOT LIKE '_sqlx%'",
        )
        .fetch_all(&postgres)
        .await
        .unwrap();
        let postgres_columns: BTreeSet<Column> = rows
            .into_iter()
            .filter(|(table, column, _, _)| {
                !ONLY_POSTGRES_COLUMNS.contains(&(table.as_str(), column.as_str()))
            })
            .map(|(table, column, declared, nullable)| {
                (table, column, postgres_kind(&declared), nullable == "YES")
            })
            .collect();
        let only_sqlite: Vec<_> = sqlite_columns.difference(&postgres_columns).collect();
        let only_postgres: Vec<_> = postgres_columns.difference(&sqlite_columns).collect();
        assert!(
            only_sqlite.is_empty() && only_postgres.is_empty(),
            "columns that differ\nonly in SQLite: {only_sqlite:#?}\nonly in PostgreSQL: {only_postgres:#?}"
        );
        assert!(
            sqlite_columns
                .iter()
                .all(|(_, _, kind, _)| *kind != "unknown"),
            "a column type the comparison does not know"
        );
        for table in ONLY_SQLITE_TABLES {
            assert!(
                !postgres_columns.iter().any(|(name, ..)| name == table),
                "{table}"
            );
        }

        let sqlite_indexes: BTreeSet<String> = sqlx::query_scalar::<_, String>(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL",
        )
        .fetch_all(sqlite)
        .await
        .unwrap()
        .into_iter()
        .filter(|name| !ONLY_SQLITE_INDEXES.contains(&name.as_str()))
        .collect();
        let postgres_indexes: BTreeSet<String> = sqlx::query_scalar::<_, String>(
            "SELECT indexname::text FROM pg_indexes WHERE schemaname = 'public'
               AND indexname NOT IN (SELECT conname FROM pg_constraint)",
        )
        .fetch_all(&postgres)
        .await
        .unwrap()
        .into_iter()
        .filter(|name| !ONLY_POSTGRES_INDEXES.contains(&name.as_str()))
        .collect();
        assert_eq!(sqlite_indexes, postgres_indexes);
    });
}

/// A village that started on its own SQLite file joins the regency's PostgreSQL: every row arrives, ids
/// and all, the copied market is searchable, and new rows get ids after the copied ones.
#[test]
fn a_village_database_is_copied_into_postgresql_whole() {
    if !on_postgres() {
        eprintln!("PG_TEST_URL is not set: the copy into PostgreSQL runs in the PostgreSQL pass");
        return;
    }
    run(async {
        let dir = tempfile::tempdir().unwrap();
        let village = app::db::connect_and_migrate(dir.path().join("village.db"))
            .await
            .unwrap();
        let now = app::db::now_unix();
        app::demo::load(&village, now).await.unwrap();
        app::demo::load_accounts(&village, &test_cipher(), now)
            .await
            .unwrap();
        let source = village.as_sqlite().unwrap();
        let target_url = test_database(dir.path()).await;
        let app::db::Db::Postgres(target) =
            app::db::connect_and_migrate(&target_url).await.unwrap()
        else {
            unreachable!()
        };
        let report = app::db::copy::sqlite_to_postgres(source, &target)
            .await
            .unwrap();
        assert!(report
            .rows
            .iter()
            .any(|(table, rows)| table == "products" && *rows > 0));
        for (table, copied) in &report.rows {
            let in_sqlite: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM \"{table}\""))
                .fetch_one(source)
                .await
                .unwrap();
            let in_postgres: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM \"{table}\""))
                .fetch_one(&target)
                .await
                .unwrap();
            assert_eq!(
                (in_sqlite, in_postgres),
                (*copied as i64, *copied as i64),
                "{table}"
            );
        }
        // A second copy into the same database is refused, and nothing changes.
        assert!(app::db::copy::sqlite_to_postgres(source, &target)
            .await
            .is_err());

        let db = app::db::Db::Postgres(target.clone());
        let filter = app::pasar::market_filter::MarketFilter {
            fts: app::pasar::search::SearchWords::parse("batik"),
            ..Default::default()
        };
        let (cards, total) = app::pasar::store::market(&db, &filter, 20, 0)
            .await
            .unwrap();
        assert!(
            total > 0 && !cards.is_empty(),
            "the copied market finds batik"
        );
        let newest: i64 = sqlx::query_scalar("SELECT MAX(id) FROM accounts")
            .fetch_one(&target)
            .await
            .unwrap();
        let new_id: i64 = sqlx::query_scalar(
            "INSERT INTO accounts (phone, name, password_hash, created_at)
             VALUES ('+6289900000001', 'Baru', 'x', 0) RETURNING id",
        )
        .fetch_one(&target)
        .await
        .unwrap();
        assert!(new_id > newest, "{new_id} after {newest}");
    });
}
