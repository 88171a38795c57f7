//! Reaching a connection of either engine, so a store's query is written once.
//!
//! `crate::on_db!(target, |c| query.fetch_all(c).await)` expands to a `match` with one arm per engine;
//! each arm binds `c` to that engine's connection and runs the same code, which the compiler checks
//! against both drivers. `target` is a `&Db` (a connection is taken from the pool for the statement,
//! as sqlx does for `&Pool`) or a `&mut Tx` (the transaction's connection).

use std::ops::{Deref, DerefMut};

use sqlx::pool::PoolConnection;
use sqlx::{Database, Postgres, Sqlite, Transaction};

use super::Db;

/// A transaction on either engine. Dropped without [`Tx::commit`], it rolls back.
#[derive(Debug)]
pub enum Tx {
    Sqlite(Transaction<'static, Sqlite>),
    Postgres(Transaction<'static, Postgres>),
}

impl Tx {
    pub async fn commit(self) -> Result<(), sqlx::Error> {
        match self {
            Tx::Sqlite(tx) => tx.commit().await,
            Tx::Postgres(tx) => tx.commit().await,
        }
    }

    pub async fn rollback(self) -> Result<(), sqlx::Error> {
        match self {
            Tx::Sqlite(tx) => tx.rollback().await,
            Tx::Postgres(tx) => tx.rollback().await,
        }
    }

    pub fn engine(&self) -> super::Engine {
        match self {
            Tx::Sqlite(_) => super::Engine::Sqlite,
            Tx::Postgres(_) => super::Engine::Postgres,
        }
    }
}

/// A connection held for one use: taken from the pool, or borrowed from a transaction.
pub enum Held<'a, DB: Database> {
    Pooled(PoolConnection<DB>),
    Borrowed(&'a mut DB::Connection),
}

impl<DB: Database> Deref for Held<'_, DB> {
    type Target = DB::Connection;
    fn deref(&self) -> &DB::Connection {
        match self {
            Held::Pooled(connection) => connection,
            Held::Borrowed(connection) => connection,
        }
    }
}

impl<DB: Database> DerefMut for Held<'_, DB> {
    fn deref_mut(&mut self) -> &mut DB::Connection {
        match self {
            Held::Pooled(connection) => connection,
            Held::Borrowed(connection) => connection,
        }
    }
}

/// A connection of the engine the target holds.
pub enum Reached<'a> {
    Sqlite(Held<'a, Sqlite>),
    Postgres(Held<'a, Postgres>),
}

/// Something a query can run on: the pool (a connection is taken for the statement) or a transaction.
pub enum Target<'a> {
    Pool(&'a Db),
    Tx(&'a mut Tx),
}

impl<'a> Target<'a> {
    /// The connection to run on. An inherent `async fn` (not a trait's): futures that hold it stay
    /// `Send` for any lifetime, as server functions need.
    pub async fn reach(self) -> Result<Reached<'a>, sqlx::Error> {
        Ok(match self {
            Target::Pool(Db::Sqlite(pool)) => Reached::Sqlite(Held::Pooled(pool.acquire().await?)),
            Target::Pool(Db::Postgres(pool)) => {
                Reached::Postgres(Held::Pooled(pool.acquire().await?))
            }
            Target::Tx(Tx::Sqlite(tx)) => Reached::Sqlite(Held::Borrowed(&mut **tx)),
            Target::Tx(Tx::Postgres(tx)) => Reached::Postgres(Held::Borrowed(&mut **tx)),
        })
    }
}

impl<'a> From<&'a Db> for Target<'a> {
    fn from(db: &'a Db) -> Target<'a> {
        Target::Pool(db)
    }
}

impl<'a, 'b: 'a> From<&'a &'b Db> for Target<'a> {
    fn from(db: &'a &'b Db) -> Target<'a> {
        Target::Pool(db)
    }
}

impl<'a> From<&'a mut Tx> for Target<'a> {
    fn from(tx: &'a mut Tx) -> Target<'a> {
        Target::Tx(tx)
    }
}

impl<'a, 'b: 'a> From<&'a mut &'b mut Tx> for Target<'a> {
    fn from(tx: &'a mut &'b mut Tx) -> Target<'a> {
        Target::Tx(tx)
    }
}

/// What a store function that joins its caller's transaction (or runs alone) accepts.
pub trait Reach<'a>: Into<Target<'a>> + Send {}
impl<'a, T: Into<Target<'a>> + Send> Reach<'a> for T {}

/// Runs the same query code on whichever engine `$target` (a `&Db` or `&mut Tx`) reaches, with `$c`
/// bound to that engine's `&mut Connection`. The body gives a `Result<_, sqlx::Error>` (so does the
/// macro: no connection is an error like any other); both arms must give the same type, so `execute`
/// results go through [`Done`].
#[macro_export]
macro_rules! on_db {
    ($target:expr, |$c:ident| $body:expr) => {{
        match ::std::convert::Into::<$crate::db::Target<'_>>::into($target)
            .reach()
            .await
        {
            ::std::result::Result::Err(error) => ::std::result::Result::Err(error),
            ::std::result::Result::Ok($crate::db::Reached::Sqlite(mut held)) => {
                let $c: &mut ::sqlx::SqliteConnection = &mut held;
                $body
            }
            ::std::result::Result::Ok($crate::db::Reached::Postgres(mut held)) => {
                let $c: &mut ::sqlx::PgConnection = &mut held;
                $body
            }
        }
    }};
}

/// What a statement changed, the same on both engines.
#[derive(Debug, Clone, Copy)]
pub struct Done {
    rows_affected: u64,
}

impl Done {
    pub fn rows_affected(&self) -> u64 {
        self.rows_affected
    }
}

impl From<sqlx::sqlite::SqliteQueryResult> for Done {
    fn from(result: sqlx::sqlite::SqliteQueryResult) -> Done {
        Done {
            rows_affected: result.rows_affected(),
        }
    }
}

impl From<sqlx::postgres::PgQueryResult> for Done {
    fn from(result: sqlx::postgres::PgQueryResult) -> Done {
        Done {
            rows_affected: result.rows_affected(),
        }
    }
}
