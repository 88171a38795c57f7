//! Delivering the outbox (server only). Messages are written in the same transaction as the change they
//! announce; a worker hands pending ones to a [`MessageSender`]. The default sender only records them
//! (admins read them on the outbox page); a WhatsApp or SMS gateway plugs in by implementing the trait.

use std::future::Future;
use std::pin::Pin;

use crate::db::Db;

/// One message as the sender sees it.
#[derive(Debug, Clone, Copy)]
pub struct OutgoingMessage<'a> {
    /// The outbox row: a gateway that deduplicates may use it as the reference of a retried send.
    pub id: i64,
    pub to_phone: &'a str,
    pub body: &'a str,
    /// What the message is about (`reset_code`, `pasar_order`, …).
    pub purpose: &'a str,
    /// The recipient's language (`id` or `en`): the body is already in it; templates need its code.
    pub locale: &'a str,
}

/// What became of one try.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivery {
    /// The gateway took the message; `provider_id` is its id for it, when it gives one.
    Sent {
        via: &'static str,
        provider_id: Option<String>,
    },
    /// Worth another try later (rate limit, gateway down, network): after at least `retry_after`
    /// seconds when the gateway says so.
    TryLater {
        error: String,
        retry_after: Option<i64>,
    },
    /// Will never go through as it is (not a valid number, not on WhatsApp, …): give up now.
    Rejected { error: String },
}

/// Something that delivers a message to a phone.
pub trait MessageSender: Send + Sync {
    /// A short name for the logs (`record`, `whatsapp`, `sms`, …).
    fn name(&self) -> &'static str;
    /// Tries to deliver one message.
    fn send<'a>(
        &'a self,
        message: OutgoingMessage<'a>,
    ) -> Pin<Box<dyn Future<Output = Delivery> + Send + 'a>>;
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
        message: OutgoingMessage<'a>,
    ) -> Pin<Box<dyn Future<Output = Delivery> + Send + 'a>> {
        Box::pin(async move {
            tracing::info!(to = %mask_phone(message.to_phone), "outbox message recorded (no gateway configured)");
            Delivery::Sent {
                via: "record",
                provider_id: None,
            }
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

/// After this many tries a message is marked failed and left for a person to look at: with the backoff
/// below, about an hour of trying.
pub const MAX_ATTEMPTS: i64 = 8;

/// Seconds to wait after the `attempts`-th failed try: 30 s, 1 min, 2 min, … doubling, at most an hour;
/// longer when the gateway asked for it.
pub fn backoff_seconds(attempts: i64, retry_after: Option<i64>) -> i64 {
    let doubling = 30_i64.saturating_mul(1_i64 << (attempts - 1).clamp(0, 20));
    doubling
        .min(3600)
        .max(retry_after.unwrap_or(0).clamp(0, 86_400))
}

/// Hands messages that are due to `sender` (up to 100 per call); returns how many were delivered.
///
/// Each message is claimed in a transaction of its own that lasts until its outcome is written: on
/// PostgreSQL the row stays locked while it is sent, and a second app server's worker passes over it
/// (`db::locking`), so one message is sent once. A server that dies mid-send releases the claim and the
/// message is tried again (at least once, never twice at the same moment). A failed try waits its
/// backoff (`next_attempt_at`); a rejected message, or one out of tries, is marked failed with the error.
pub async fn deliver_pending(
    pool: &Db,
    sender: &dyn MessageSender,
    now: i64,
) -> Result<usize, sqlx::Error> {
    let claim = format!(
        "SELECT id, to_phone, body, purpose, locale, attempts FROM outbox
         WHERE status = 'pending' AND next_attempt_at <= $1 AND id > $2 ORDER BY id LIMIT 1{}",
        crate::db::locking::claim_rows(pool.engine())
    );
    let mut delivered = 0;
    // Past the last message tried: one that failed waits for its backoff, not the next loop.
    let mut after = 0_i64;
    for _ in 0..100 {
        let mut tx = crate::db::begin(pool).await?;
        let claimed: Option<(i64, String, String, String, String, i64)> =
            crate::on_db!(&mut tx, |c| sqlx::query_as(&claim)
                .bind(now)
                .bind(after)
                .fetch_optional(c)
                .await)?;
        let Some((id, to_phone, body, purpose, locale, attempts)) = claimed else {
            break;
        };
        after = id;
        let message = OutgoingMessage {
            id,
            to_phone: &to_phone,
            body: &body,
            purpose: &purpose,
            locale: &locale,
        };
        let attempts = attempts + 1;
        let (status, via, provider_id, error, next_attempt_at) = match sender.send(message).await {
            Delivery::Sent { via, provider_id } => {
                delivered += 1;
                ("sent", via, provider_id, None, now)
            }
            Delivery::TryLater { error, retry_after } => {
                tracing::warn!(message = id, attempts, %error, "outbox delivery failed, will retry");
                let status = if attempts >= MAX_ATTEMPTS {
                    "failed"
                } else {
                    "pending"
                };
                let next = now + backoff_seconds(attempts, retry_after);
                (status, sender.name(), None, Some(error), next)
            }
            Delivery::Rejected { error } => {
                tracing::warn!(message = id, %error, "outbox message rejected by the gateway");
                ("failed", sender.name(), None, Some(error), now)
            }
        };
        crate::on_db!(&mut tx, |c| sqlx::query(
            "UPDATE outbox SET status = $1, sender = $2, provider_message_id = $3, last_error = $4,
                    next_attempt_at = $5, attempts = $6,
                    sent_at = CASE WHEN $1 = 'sent' THEN $7 ELSE sent_at END
             WHERE id = $8",
        )
        .bind(status)
        .bind(via)
        .bind(provider_id)
        .bind(error)
        .bind(next_attempt_at)
        .bind(attempts)
        .bind(now)
        .bind(id)
        .execute(c)
        .await
        .map(crate::db::Done::from))?;
        tx.commit().await?;
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
            _: OutgoingMessage<'a>,
        ) -> Pin<Box<dyn Future<Output = Delivery> + Send + 'a>> {
            Box::pin(async {
                Delivery::TryLater {
                    error: "gateway down".to_string(),
                    retry_after: None,
                }
            })
        }
    }

    #[test]
    fn backoff_doubles_up_to_an_hour_and_respects_the_gateway() {
        assert_eq!(backoff_seconds(1, None), 30);
        assert_eq!(backoff_seconds(2, None), 60);
        assert_eq!(backoff_seconds(4, None), 240);
        assert_eq!(backoff_seconds(30, None), 3600);
        assert_eq!(backoff_seconds(1, Some(120)), 120);
        assert_eq!(backoff_seconds(1, Some(-5)), 30);
    }

    async fn outbox_row(pool: &Db) -> (String, i64, i64, Option<String>) {
        crate::on_db!(pool, |c| sqlx::query_as(
            "SELECT status, attempts, next_attempt_at, last_error FROM outbox ORDER BY id DESC LIMIT 1"
        )
        .fetch_one(c)
        .await)
        .unwrap()
    }

    #[tokio::test]
    async fn failures_wait_their_backoff_then_give_up_and_delivery_happens_once() {
        let dir = tempfile::tempdir().unwrap();
        let pool = crate::db::connect_and_migrate(&dir.path().join("t.db"))
            .await
            .unwrap();
        crate::notifikasi::store::enqueue_message(&pool, None, "+6281234567890", "test", "Halo", 1)
            .await
            .unwrap();
        let mut now = 2;
        assert_eq!(
            deliver_pending(&pool, &FailingSender, now).await.unwrap(),
            0
        );
        let (status, attempts, next, error) = outbox_row(&pool).await;
        assert_eq!((status.as_str(), attempts, next), ("pending", 1, now + 30));
        assert_eq!(error.as_deref(), Some("gateway down"));
        // Not before its time.
        assert_eq!(
            deliver_pending(&pool, &FailingSender, now + 29)
                .await
                .unwrap(),
            0
        );
        assert_eq!(outbox_row(&pool).await.1, 1);
        for _ in 1..MAX_ATTEMPTS {
            now = outbox_row(&pool).await.2;
            deliver_pending(&pool, &FailingSender, now).await.unwrap();
        }
        let (status, attempts, _, _) = outbox_row(&pool).await;
        assert_eq!((status.as_str(), attempts), ("failed", MAX_ATTEMPTS));
        // A failed message is left alone, even by a sender that works.
        assert_eq!(
            deliver_pending(&pool, &RecordingSender, now + 99_999)
                .await
                .unwrap(),
            0
        );

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
        assert_eq!(outbox_row(&pool).await.0, "sent");
    }
}
