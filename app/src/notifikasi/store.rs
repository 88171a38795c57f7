//! Notification and outbox data access (server only).

use crate::db::Db;

use super::{Notification, OutboxMessage};

/// Text in both languages, chosen when shown (notifications) or by the recipient's language (messages).
#[derive(Clone, Copy)]
pub struct Bilingual<'a> {
    pub id: &'a str,
    pub en: &'a str,
}

/// Adds an in-app notification. Takes any executor so it joins the caller's transaction.
pub async fn notify<'e, E>(
    executor: E,
    account_id: i64,
    title: Bilingual<'_>,
    link: Option<&str>,
    now: i64,
) -> Result<(), sqlx::Error>
where
    E: crate::db::Reach<'e>,
{
    crate::on_db!(executor, |c| {
        sqlx::query(
        "INSERT INTO notifications (account_id, title_id, title_en, link, created_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(account_id)
    .bind(title.id)
    .bind(title.en)
    .bind(link)
    .bind(now)
    .execute(c).await.map(crate::db::Done::from)
    })?;
    Ok(())
}

/// Queues a message to a phone; the outbox worker hands it to the sender. It is marked with the account's
/// language (the body is written in it; a WhatsApp template names it), Indonesian without an account.
pub async fn enqueue_message<'e, E>(
    executor: E,
    account_id: Option<i64>,
    to_phone: &str,
    purpose: &str,
    body: &str,
    now: i64,
) -> Result<(), sqlx::Error>
where
    E: crate::db::Reach<'e>,
{
    crate::on_db!(executor, |c| sqlx::query(
        "INSERT INTO outbox (account_id, to_phone, purpose, body, status, created_at, locale)
         VALUES ($1, $2, $3, $4, 'pending', $5,
                 COALESCE((SELECT locale FROM accounts WHERE id = $1), 'id'))",
    )
    .bind(account_id)
    .bind(to_phone)
    .bind(purpose)
    .bind(body)
    .bind(now)
    .execute(c)
    .await
    .map(crate::db::Done::from))?;
    Ok(())
}

/// Who is told something: the account, the phone its messages go to and the language it reads.
pub struct Addressee<'a> {
    pub account_id: i64,
    pub phone: &'a str,
    pub locale: &'a str,
}

/// Tells a person about a change: an in-app notification (kept in both languages, shown in theirs) and a
/// message to their phone in their language ending with the link, both in the caller's transaction so
/// neither is sent for a change that is rolled back. `purpose` names the message in the outbox.
pub async fn tell(
    conn: &mut crate::db::Tx,
    to: Addressee<'_>,
    text: Bilingual<'_>,
    link: &str,
    purpose: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    notify(&mut *conn, to.account_id, text, Some(link), now).await?;
    let body = if to.locale == "en" { text.en } else { text.id };
    enqueue_message(
        &mut *conn,
        Some(to.account_id),
        to.phone,
        purpose,
        &format!("{body} {link}"),
        now,
    )
    .await
}

/// [`tell`] an account whose phone and language the caller does not have at hand.
pub async fn tell_account(
    conn: &mut crate::db::Tx,
    account_id: i64,
    text: Bilingual<'_>,
    link: &str,
    purpose: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    let (phone, locale): (String, String) = crate::on_db!(&mut *conn, |c| sqlx::query_as(
        "SELECT phone, locale FROM accounts WHERE id = $1"
    )
    .bind(account_id)
    .fetch_one(c)
    .await)?;
    let to = Addressee {
        account_id,
        phone: &phone,
        locale: &locale,
    };
    tell(conn, to, text, link, purpose, now).await
}

#[derive(sqlx::FromRow)]
struct NotificationRow {
    id: i64,
    title_id: String,
    title_en: String,
    link: Option<String>,
    created_at: i64,
    read_at: Option<i64>,
}

pub async fn list_notifications(
    pool: &Db,
    account_id: i64,
    limit: i64,
) -> Result<Vec<Notification>, sqlx::Error> {
    let rows = crate::on_db!(pool, |c| sqlx::query_as::<_, NotificationRow>(
        "SELECT id, title_id, title_en, link, created_at, read_at FROM notifications
         WHERE account_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2",
    )
    .bind(account_id)
    .bind(limit)
    .fetch_all(c)
    .await)?;
    Ok(rows
        .into_iter()
        .map(|row| Notification {
            id: row.id,
            title_id: row.title_id,
            title_en: row.title_en,
            link: row.link,
            created_at: row.created_at,
            is_read: row.read_at.is_some(),
        })
        .collect())
}

pub async fn unread_count(pool: &Db, account_id: i64) -> Result<i64, sqlx::Error> {
    crate::on_db!(pool, |c| sqlx::query_scalar(
        "SELECT COUNT(*) FROM notifications WHERE account_id = $1 AND read_at IS NULL",
    )
    .bind(account_id)
    .fetch_one(c)
    .await)
}

pub async fn mark_all_read(pool: &Db, account_id: i64, now: i64) -> Result<(), sqlx::Error> {
    crate::on_db!(pool, |c| sqlx::query(
        "UPDATE notifications SET read_at = $1 WHERE account_id = $2 AND read_at IS NULL"
    )
    .bind(now)
    .bind(account_id)
    .execute(c)
    .await
    .map(crate::db::Done::from))?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct OutboxRow {
    id: i64,
    to_phone: String,
    purpose: String,
    body: String,
    status: String,
    sender: Option<String>,
    created_at: i64,
    attempts: i64,
    last_error: Option<String>,
    provider_message_id: Option<String>,
    next_attempt_at: i64,
}

pub async fn list_outbox(pool: &Db, limit: i64) -> Result<Vec<OutboxMessage>, sqlx::Error> {
    let rows = crate::on_db!(pool, |c| sqlx::query_as::<_, OutboxRow>(
        "SELECT id, to_phone, purpose, body, status, sender, created_at, attempts, last_error,
                provider_message_id, next_attempt_at
         FROM outbox ORDER BY id DESC LIMIT $1",
    )
    .bind(limit)
    .fetch_all(c)
    .await)?;
    Ok(rows
        .into_iter()
        .map(|row| OutboxMessage {
            id: row.id,
            to_phone: row.to_phone,
            purpose: row.purpose,
            body: row.body,
            status: row.status,
            sender: row.sender,
            created_at: row.created_at,
            attempts: row.attempts,
            last_error: row.last_error,
            provider_message_id: row.provider_message_id,
            next_attempt_at: row.next_attempt_at,
        })
        .collect())
}

/// Forgets a deleted account's notifications and messages (their texts name requests and orders).
pub async fn forget_account(tx: &mut crate::db::Tx, account_id: i64) -> Result<(), sqlx::Error> {
    crate::on_db!(&mut *tx, |c| sqlx::query(
        "DELETE FROM notifications WHERE account_id = $1"
    )
    .bind(account_id)
    .execute(c)
    .await
    .map(crate::db::Done::from))?;
    crate::on_db!(&mut *tx, |c| sqlx::query(
        "DELETE FROM outbox WHERE account_id = $1"
    )
    .bind(account_id)
    .execute(c)
    .await
    .map(crate::db::Done::from))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One call, two records in the caller's transaction: the notification in both languages with its
    /// link, and the phone message in the person's language ending with the link; nothing when the
    /// transaction is rolled back.
    #[tokio::test]
    async fn telling_a_person_notifies_and_queues_a_message_in_their_language() {
        let dir = tempfile::tempdir().unwrap();
        let pool = crate::db::connect_and_migrate(&dir.path().join("t.db"))
            .await
            .unwrap();
        let phone = "+6281299990001".to_string();
        let account_id: i64 = crate::on_db!(&pool, |c| sqlx::query_scalar(
            "INSERT INTO accounts (phone, name, password_hash, locale, created_at)
             VALUES ($1, 'Tamu', 'x', 'en', 1) RETURNING id",
        )
        .bind(&phone)
        .fetch_one(c)
        .await)
        .unwrap();
        let text = Bilingual {
            id: "Pesanan siap",
            en: "Order ready",
        };
        let count = |table: &'static str| {
            let pool = pool.clone();
            async move {
                crate::on_db!(&pool, |c| sqlx::query_scalar::<_, i64>(&format!(
                    "SELECT COUNT(*) FROM {table} WHERE account_id = $1"
                ))
                .bind(account_id)
                .fetch_one(c)
                .await)
                .unwrap()
            }
        };
        let (notifications, messages) = (count("notifications").await, count("outbox").await);

        let mut rolled_back = crate::db::begin(&pool).await.unwrap();
        tell_account(&mut rolled_back, account_id, text, "/x", "test", 5)
            .await
            .unwrap();
        rolled_back.rollback().await.unwrap();
        assert_eq!(count("notifications").await, notifications);
        assert_eq!(count("outbox").await, messages);

        let mut transaction = crate::db::begin(&pool).await.unwrap();
        tell_account(
            &mut transaction,
            account_id,
            text,
            "/pasar/pesanan/AB12",
            "test",
            6,
        )
        .await
        .unwrap();
        transaction.commit().await.unwrap();
        let (title_id, title_en, link): (String, String, Option<String>) = crate::on_db!(&pool, |c| sqlx::query_as(
            "SELECT title_id, title_en, link FROM notifications WHERE account_id = $1 AND created_at = 6",
        )
        .bind(account_id)
        .fetch_one(c).await)
        .unwrap();
        assert_eq!(
            (title_id.as_str(), title_en.as_str()),
            ("Pesanan siap", "Order ready")
        );
        assert_eq!(link.as_deref(), Some("/pasar/pesanan/AB12"));
        let (to_phone, body): (String, String) = crate::on_db!(&pool, |c| sqlx::query_as(
            "SELECT to_phone, body FROM outbox WHERE account_id = $1 AND created_at = 6",
        )
        .bind(account_id)
        .fetch_one(c)
        .await)
        .unwrap();
        assert_eq!(to_phone, phone);
        assert_eq!(body, "Order ready /pasar/pesanan/AB12");
    }
}
