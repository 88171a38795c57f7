//! A generic SMS HTTP gateway: most Indonesian SMS providers (and a self-hosted phone gateway) accept a
//! JSON POST with a token. Our contract, which an adapter in front of a provider may implement:
//!
//! `POST {url}` with `Authorization: Bearer {token}` and
//! `{"to": "+6281…", "text": "…", "sender": "<sender id or null>", "reference": "sk-<outbox id>"}`.
//! A 2xx answer means accepted (`{"id": "…"}` names it); 429 and 5xx mean try later (`Retry-After`
//! honoured); 401/403 mean the token is wrong (tried later: the operator fixes it); any other 4xx means
//! this message can never go (an invalid number). `reference` is the same on every retry of one message,
//! so a gateway can drop a duplicate.

use std::future::Future;
use std::pin::Pin;

use serde_json::json;

use super::super::outbox::{Delivery, MessageSender, OutgoingMessage};

#[derive(Debug, Clone)]
pub struct SmsConfig {
    pub url: String,
    pub token: String,
    /// The sender id (masking) registered with the provider, if any.
    pub sender_id: Option<String>,
}

pub struct SmsGateway {
    config: SmsConfig,
    client: reqwest::Client,
}

impl SmsGateway {
    pub fn new(config: SmsConfig) -> Result<Self, String> {
        Ok(Self {
            config,
            client: super::http_client()?,
        })
    }
}

pub fn request_body(sender_id: Option<&str>, message: &OutgoingMessage<'_>) -> serde_json::Value {
    json!({
        "to": message.to_phone,
        "text": message.body,
        "sender": sender_id,
        "reference": format!("sk-{}", message.id),
    })
}

pub fn classify(status: u16, retry_after: Option<i64>, body: &str) -> Delivery {
    let parsed: serde_json::Value = serde_json::from_str(body).unwrap_or_default();
    if (200..300).contains(&status) {
        let provider_id = parsed["id"]
            .as_str()
            .map(str::to_string)
            .or_else(|| parsed["id"].as_i64().map(|id| id.to_string()));
        return Delivery::Sent {
            via: "sms",
            provider_id,
        };
    }
    let detail = parsed["error"]
        .as_str()
        .or_else(|| parsed["message"].as_str())
        .or_else(|| parsed["error"]["message"].as_str())
        .unwrap_or(body);
    let error = super::short(&format!("SMS {status}: {detail}"));
    if status == 429 || status >= 500 || status == 401 || status == 403 {
        Delivery::TryLater { error, retry_after }
    } else {
        Delivery::Rejected { error }
    }
}

impl MessageSender for SmsGateway {
    fn name(&self) -> &'static str {
        "sms"
    }

    fn send<'a>(
        &'a self,
        message: OutgoingMessage<'a>,
    ) -> Pin<Box<dyn Future<Output = Delivery> + Send + 'a>> {
        Box::pin(async move {
            super::post_json(
                &self.client,
                &self.config.url,
                &self.config.token,
                &request_body(self.config.sender_id.as_deref(), &message),
                "SMS gateway",
                classify,
            )
            .await
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notifikasi::gateways::contract::Provider;
    use crate::notifikasi::gateways::{Fallback, WhatsAppCloud, WhatsAppConfig};

    fn message(id: i64) -> OutgoingMessage<'static> {
        OutgoingMessage {
            id,
            to_phone: "+6281234567890",
            body: "Kode reset sandi Anda: 123456",
            purpose: "password_reset",
            locale: "id",
        }
    }

    async fn gateway(provider: &Provider) -> SmsGateway {
        SmsGateway::new(SmsConfig {
            url: format!("{}/api/sms/send", provider.start().await),
            token: "sms-secret".to_string(),
            sender_id: Some("SKAMPUNG".to_string()),
        })
        .unwrap()
    }

    #[tokio::test]
    async fn a_message_is_posted_as_the_contract_says_and_answers_are_read() {
        let provider = Provider::default();
        provider.answer(202, &[], r#"{"id":"msg-8812","status":"queued"}"#);
        provider.answer(
            429,
            &[("retry-after", "30")],
            r#"{"error":"too many requests"}"#,
        );
        provider.answer(422, &[], r#"{"error":"invalid destination number"}"#);
        provider.answer(503, &[], "<html>Service Unavailable</html>");
        let sms = gateway(&provider).await;

        assert_eq!(
            sms.send(message(41)).await,
            Delivery::Sent {
                via: "sms",
                provider_id: Some("msg-8812".to_string())
            }
        );
        let request = &provider.requests()[0];
        assert_eq!(request.method, axum::http::Method::POST);
        assert_eq!(request.path, "/api/sms/send");
        assert_eq!(
            request.headers["authorization"].to_str().unwrap(),
            "Bearer sms-secret"
        );
        assert_eq!(
            request.json,
            json!({
                "to": "+6281234567890",
                "text": "Kode reset sandi Anda: 123456",
                "sender": "SKAMPUNG",
                "reference": "sk-41"
            })
        );

        assert_eq!(
            sms.send(message(42)).await,
            Delivery::TryLater {
                error: "SMS 429: too many requests".to_string(),
                retry_after: Some(30)
            }
        );
        assert_eq!(
            sms.send(message(43)).await,
            Delivery::Rejected {
                error: "SMS 422: invalid destination number".to_string()
            }
        );
        assert!(matches!(
            sms.send(message(44)).await,
            Delivery::TryLater { .. }
        ));
        // A retry of one message carries the same reference.
        assert_eq!(provider.requests()[1].json["reference"], "sk-42");
    }

    #[tokio::test]
    async fn a_number_without_whatsapp_gets_an_sms_instead() {
        let meta = Provider::default();
        meta.answer(
            400,
            &[],
            r#"{"error":{"message":"(#131026) Message Undeliverable","type":"OAuthException","code":131026,"error_data":{"messaging_product":"whatsapp","details":"Message Undeliverable."},"fbtrace_id":"x"}}"#,
        );
        meta.answer(
            429,
            &[],
            r#"{"error":{"message":"(#130429) Rate limit hit","code":130429}}"#,
        );
        let sms_provider = Provider::default();
        sms_provider.answer(200, &[], r#"{"id":"s-1"}"#);
        let both = Fallback {
            first: WhatsAppCloud::new(WhatsAppConfig {
                api_base: meta.start().await,
                phone_number_id: "1".to_string(),
                access_token: "t".to_string(),
                template: "smart_kampung_pesan".to_string(),
            })
            .unwrap(),
            then: gateway(&sms_provider).await,
        };
        assert_eq!(
            both.send(message(1)).await,
            Delivery::Sent {
                via: "sms",
                provider_id: Some("s-1".to_string())
            }
        );
        // A rate limit is WhatsApp's to retry, not a reason to pay for an SMS.
        assert!(matches!(
            both.send(message(2)).await,
            Delivery::TryLater { .. }
        ));
        assert_eq!(sms_provider.requests().len(), 1);
    }

    #[tokio::test]
    async fn the_outbox_worker_records_what_the_gateway_answered() {
        let dir = tempfile::tempdir().unwrap();
        let pool = crate::db::connect_and_migrate(&dir.path().join("t.db"))
            .await
            .unwrap();
        for body in ["satu", "dua", "tiga"] {
            crate::notifikasi::store::enqueue_message(
                &pool,
                None,
                "+6281234567890",
                "test",
                body,
                1,
            )
            .await
            .unwrap();
        }
        let provider = Provider::default();
        provider.answer(200, &[], r#"{"id":"a"}"#);
        provider.answer(429, &[("retry-after", "120")], r#"{"error":"slow down"}"#);
        provider.answer(400, &[], r#"{"error":"invalid destination number"}"#);
        let sms = gateway(&provider).await;
        assert_eq!(
            crate::notifikasi::outbox::deliver_pending(&pool, &sms, 100)
                .await
                .unwrap(),
            1
        );
        type Row = (String, Option<String>, Option<String>, i64, i64);
        let rows: Vec<Row> = crate::on_db!(&pool, |c| sqlx::query_as(
            "SELECT status, provider_message_id, last_error, attempts, next_attempt_at
                 FROM outbox ORDER BY id"
        )
        .fetch_all(c)
        .await)
        .unwrap();
        assert_eq!(
            rows,
            vec![
                ("sent".to_string(), Some("a".to_string()), None, 1, 100),
                (
                    "pending".to_string(),
                    None,
                    Some("SMS 429: slow down".to_string()),
                    1,
                    220
                ),
                (
                    "failed".to_string(),
                    None,
                    Some("SMS 400: invalid destination number".to_string()),
                    1,
                    100
                ),
            ]
        );
    }
}
