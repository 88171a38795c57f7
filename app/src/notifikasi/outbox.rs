//! Delivering the outbox (server only). Messages are written in the same transaction as the change they
//! announce; a worker hands pending ones to a [`MessageSender`]. The default sender only records them
//! (admins read them on the outbox page); a WhatsApp or SMS gateway plugs in by implementing the trait.

use std::future::Future;
use std::pin::Pin;

use sqlx::SqlitePool;

/// Something that delivers a message to a phone.
pub trait MessageSender: Send + Sync {
    /// A short name recorded with each message (`record`, `whatsapp-gateway`, …).
    fn name(&self) -> &'static str;
    /// Delivers one message; an error leaves it pending for another try.
    fn send<'a>(
        &'a self,
        to_phone: &'a str,
        body: &'a str,
    ) -> Pin<Box<dyn Future<Output = Result<(), String>> + Send + 'a>>;
}

/// The default: nothing leaves the server; the message stays readable on the outbox page, and the log
/// says that it was recorded — never its body (which may hold a reset code) or the full number.
pub struct RecordingSender;

impl MessageSender for RecordingSender {
    fn name(&self) -> &'static str {
        "record"
    }

    fn send<'a>(
        &'a self,
        to_phone: &'a str,
        _body: &'a str,
    ) -> Pin<Box<dyn Future<Output = Result<(), String>> + Send + 'a>> {
        Box::pin(async move {
            tracing::info!(to = %mask_phone(to_phone), "outbox message recorded (no gateway configured)");
            Ok(())
        })
    }
}

/// `+62812******90`: enough for an operator to tell messages apart, not enough to identify someone.
pub fn mask_phone(phone: &str) -> String {
    let characters: Vec<char> = phone.chars().collect();
    if characters.len() <= 6 {
        return "*".repeat(characters.len());
    }
    characters
        .iter()
        .enumerate()
        .map(|(index, character)| {
            if index < 6 || index >= characters.len() - 2 {
                *character
            } else {
                '*'
            }
        })
        .collect()
}

/// After this many failed tries a message is marked failed and left for a person to look at.
const MAX_ATTEMPTS: i64 = 5;

/// Hands every pending message to `sender`; returns how many were delivered.
pub async fn deliver_pending(
    pool: &SqlitePool,
    sender: &dyn MessageSender,
    now: i64,
) -> Result<usize, sqlx::Error> {
    let pending: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT id, to_phone, body FROM outbox WHERE status = 'pending' ORDER BY id LIMIT 100",
    )
    .fetch_all(pool)
    .await?;
    let mut delivered = 0;
    for (id, to_phone, body) in pending {
        match sender.send(&to_phone, &body).await {
            Ok(()) => {
                sqlx::query(
                    "UPDATE outbox SET status = 'sent', sender = $1, sent_at = $2, attempts = attempts + 1
                     WHERE id = $3",
                )
                .bind(sender.name())
                .bind(now)
                .bind(id)
                .execute(pool)
                .await?;
                delivered += 1;
            }
            Err(error) => {
                tracing::warn!(message = id, %error, "outbox delivery failed");
                sqlx::query(
                    "UPDATE outbox SET attempts = attempts + 1, sender = $1,
                     status = CASE WHEN attempts + 1 >= $2 THEN 'failed' ELSE 'pending' END
                     WHERE id = $3",
                )
                .bind(sender.name())
                .bind(MAX_ATTEMPTS)
                .bind(id)
                .execute(pool)
                .await?;
            }
        }
    }
    Ok(delivered)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_are_masked_in_logs() {
        assert_eq!(mask_phone("+6281234567890"), "+62812******90");
        assert_eq!(mask_phone("+62"), "***");
    }

    struct FailingSender;
    impl MessageSender for FailingSender {
        fn name(&self) -> &'static str {
            "failing"
        }
        fn send<'a>(
            &'a self,
            _: &'a str,
            _: &'a str,
        ) -> Pin<Box<dyn Future<Output = Result<(), String>> + Send + 'a>> {
            Box::pin(async { Err("gateway down".to_string()) })
        }
    }

    #[tokio::test]
    async fn pending_messages_are_delivered_once_and_failures_retried_then_given_up() {
        let dir = tempfile::tempdir().unwrap();
        let pool = crate::db::connect_and_migrate(&dir.path().join("t.db"))
            .await
            .unwrap();
        crate::notifikasi::store::enqueue_message(&pool, None, "+6281234567890", "test", "Halo", 1)
            .await
            .unwrap();
        for _ in 0..MAX_ATTEMPTS {
            assert_eq!(deliver_pending(&pool, &FailingSender, 2).await.unwrap(), 0);
        }
        let status: String = sqlx::query_scalar("SELECT status FROM outbox")
            .fetch_one(&pool)
            .await
            .unwrap();
        assert_eq!(status, "failed");

        crate::notifikasi::store::enqueue_message(&pool, None, "+6281234567890", "test", "Lagi", 3)
            .await
            .unwrap();
        assert_eq!(
            deliver_pending(&pool, &RecordingSender, 4).await.unwrap(),
            1
        );
        assert_eq!(
            deliver_pending(&pool, &RecordingSender, 5).await.unwrap(),
            0
        );
    }
}
