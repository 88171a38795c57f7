//! A query assembled piece by piece (filters that depend on the request), for either engine.
//!
//! sqlx's `QueryBuilder` is typed by its engine when it is created; this one keeps the text (with `$n`
//! placeholders, which both engines read) and the values, and binds them when it runs on the engine
//! the target reaches.

use sqlx::postgres::PgRow;
use sqlx::sqlite::SqliteRow;
use sqlx::{Decode, FromRow, Postgres, Sqlite, Type};

use super::Reach;

/// A value bound to a placeholder.
#[derive(Debug, Clone, PartialEq)]
pub enum SqlValue {
    Integer(i64),
    Text(String),
}

impl From<i64> for SqlValue {
    fn from(value: i64) -> SqlValue {
        SqlValue::Integer(value)
    }
}

impl From<String> for SqlValue {
    fn from(value: String) -> SqlValue {
        SqlValue::Text(value)
    }
}

impl From<&str> for SqlValue {
    fn from(value: &str) -> SqlValue {
        SqlValue::Text(value.to_string())
    }
}

/// A single column's value that both engines can decode (an id, a count, a text).
pub trait Scalar:
    for<'r> Decode<'r, Sqlite>
    + Type<Sqlite>
    + for<'r> Decode<'r, Postgres>
    + Type<Postgres>
    + Send
    + Unpin
{
}

impl<T> Scalar for T where
    T: for<'r> Decode<'r, Sqlite>
        + Type<Sqlite>
        + for<'r> Decode<'r, Postgres>
        + Type<Postgres>
        + Send
        + Unpin
{
}

/// Escapes `%`, `_` and `\` so a search word matches literally inside `LIKE … ESCAPE '\'`.
pub fn like_pattern(word: &str) -> String {
    let mut pattern = String::from("%");
    for c in word.chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

/// SQL text and the values of its placeholders, in order.
#[derive(Debug, Clone, Default)]
pub struct Sql {
    text: String,
    values: Vec<SqlValue>,
}

macro_rules! bind_all {
    ($query:expr, $values:expr) => {{
        let mut query = $query;
        for value in $values {
            query = match value {
                SqlValue::Integer(number) => query.bind(*number),
                SqlValue::Text(text) => query.bind(text.clone()),
            };
        }
        query
    }};
}

impl Sql {
    pub fn new(text: &str) -> Sql {
        Sql {
            text: text.to_string(),
            values: Vec::new(),
        }
    }

    pub fn push(&mut self, text: &str) -> &mut Sql {
        self.text.push_str(text);
        self
    }

    /// Appends a placeholder (`$n`) bound to `value`.
    pub fn push_bind(&mut self, value: impl Into<SqlValue>) -> &mut Sql {
        self.values.push(value.into());
        self.text.push('$');
        self.text.push_str(&self.values.len().to_string());
        self
    }

    /// Appends `value, value, …` as placeholders (for `IN (…)`).
    pub fn push_bind_list<V: Into<SqlValue>>(
        &mut self,
        values: impl IntoIterator<Item = V>,
    ) -> &mut Sql {
        for (position, value) in values.into_iter().enumerate() {
            if position > 0 {
                self.text.push_str(", ");
            }
            self.push_bind(value);
        }
        self
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub async fn fetch_all<'a, T>(&self, target: impl Reach<'a>) -> Result<Vec<T>, sqlx::Error>
    where
        T: for<'r> FromRow<'r, SqliteRow> + for<'r> FromRow<'r, PgRow> + Send + Unpin,
    {
        crate::on_db!(target, |c| bind_all!(
            sqlx::query_as::<_, T>(&self.text),
            &self.values
        )
        .fetch_all(c)
        .await)
    }

    pub async fn fetch_scalars<'a, T>(&self, target: impl Reach<'a>) -> Result<Vec<T>, sqlx::Error>
    where
        T: Scalar,
    {
        crate::on_db!(target, |c| bind_all!(
            sqlx::query_scalar::<_, T>(&self.text),
            &self.values
        )
        .fetch_all(c)
        .await)
    }

    pub async fn fetch_scalar<'a, T>(&self, target: impl Reach<'a>) -> Result<T, sqlx::Error>
    where
        T: Scalar,
    {
        crate::on_db!(target, |c| bind_all!(
            sqlx::query_scalar::<_, T>(&self.text),
            &self.values
        )
        .fetch_one(c)
        .await)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_numbered_in_order() {
        let mut sql = Sql::new("SELECT id FROM products WHERE status = ");
        sql.push_bind("active").push(" AND id IN (");
        sql.push_bind_list([1_i64, 2, 3]).push(") LIMIT ");
        sql.push_bind(20_i64);
        assert_eq!(
            sql.text(),
            "SELECT id FROM products WHERE status = $1 AND id IN ($2, $3, $4) LIMIT $5"
        );
        assert_eq!(sql.values.len(), 5);
    }
}
