use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notification {
    pub id: i64,
    pub title_id: String,
    pub title_en: String,
    /// Where the notification leads (a path on this site).
    pub link: Option<String>,
    pub created_at: i64,
    pub is_read: bool,
}

/// A message to a phone, as shown to administrators on the outbox page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxMessage {
    pub id: i64,
    pub to_phone: String,
    pub purpose: String,
    pub body: String,
    pub status: String,
    pub sender: Option<String>,
    pub created_at: i64,
    /// Tries so far, and the gateway's last error (a rate limit, an invalid number, …).
    pub attempts: i64,
    pub last_error: Option<String>,
    /// The gateway's id of the message (a WhatsApp `wamid`, an SMS provider's id).
    pub provider_message_id: Option<String>,
    /// When a pending message is tried again.
    pub next_attempt_at: i64,
}
