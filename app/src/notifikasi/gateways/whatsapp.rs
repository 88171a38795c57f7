//! The WhatsApp Business Cloud API (Meta): `POST {api}/{phone-number-id}/messages` with a bearer token
//! and a template message. Business-initiated messages must use an approved template, so every message
//! goes out through one utility template whose single body parameter carries our text (in the
//! recipient's language, the template's language code). Errors come back as `{"error": {"code": …}}`;
//! the code decides between another try later and giving up (Meta's error-code reference).

use std::future::Future;
use std::pin::Pin;

use serde_json::json;

use super::super::outbox::{Delivery, MessageSender, OutgoingMessage};

/// What the operator configures (see README, "Messages to phones").
#[derive(Debug, Clone)]
pub struct WhatsAppConfig {
    /// `https://graph.facebook.com/v23.0`; a test points it at its own server.
    pub api_base: String,
    /// The business phone number's id in WhatsApp Manager (not the number itself).
    pub phone_number_id: String,
    /// A system user's permanent access token.
    pub access_token: String,
    /// The approved template's name; its body has one parameter, `{{1}}`, and translations `id`, `en`.
    pub template: String,
}

pub struct WhatsAppCloud {
    config: WhatsAppConfig,
    client: reqwest::Client,
}

impl WhatsAppCloud {
    pub fn new(config: WhatsAppConfig) -> Result<Self, String> {
        Ok(Self {
            config,
            client: super::http_client()?,
        })
    }

    fn url(&self) -> String {
        format!(
            "{}/{}/messages",
            self.config.api_base.trim_end_matches('/'),
            self.config.phone_number_id
        )
    }
}

/// A template parameter may not hold new lines, tabs or more than four spaces in a row, and at most
/// 1024 characters: the text is flattened to fit.
pub fn template_parameter(body: &str) -> String {
    let flat = body.split_whitespace().collect::<Vec<_>>().join(" ");
    match flat.char_indices().nth(1024) {
        Some((cut, _)) => flat[..cut].to_string(),
        None => flat,
    }
}

/// The JSON body of one template message.
pub fn request_body(template: &str, message: &OutgoingMessage<'_>) -> serde_json::Value {
    let language = if message.locale == "en" { "en" } else { "id" };
    json!({
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        // Cloud API numbers are digits with the country code, no "+".
        "to": message.to_phone.trim_start_matches('+'),
        "type": "template",
        "template": {
            "name": template,
            "language": { "code": language },
            "components": [{
                "type": "body",
                "parameters": [{ "type": "text", "text": template_parameter(message.body) }]
            }]
        }
    })
}

/// Error codes worth another try: throughput and pair rate limits, temporary API trouble.
const TRY_LATER_CODES: [i64; 7] = [1, 2, 4, 80007, 130429, 131000, 131056];

/// Reads the API's answer.
pub fn classify(status: u16, retry_after: Option<i64>, body: &str) -> Delivery {
    let parsed: serde_json::Value = serde_json::from_str(body).unwrap_or_default();
    if (200..300).contains(&status) {
        let provider_id = parsed["messages"][0]["id"].as_str().map(str::to_string);
        return Delivery::Sent {
            via: "whatsapp",
            provider_id,
        };
    }
    let code = parsed["error"]["code"].as_i64();
    let detail = parsed["error"]["error_data"]["details"]
        .as_str()
        .or_else(|| parsed["error"]["message"].as_str())
        .unwrap_or("");
    let error = super::short(&format!(
        "WhatsApp {status}{}: {detail}",
        code.map(|code| format!(" ({code})")).unwrap_or_default()
    ));
    let temporary = status == 429
        || status >= 500
        // An expired or revoked token: the operator fixes it, and the backlog goes out then.
        || status == 401
        || code.is_some_and(|code| code == 190 || TRY_LATER_CODES.contains(&code));
    if temporary {
        Delivery::TryLater { error, retry_after }
    } else {
        Delivery::Rejected { error }
    }
}

impl MessageSender for WhatsAppCloud {
    fn name(&self) -> &'static str {
        "whatsapp"
    }

    fn send<'a>(
        &'a self,
        message: OutgoingMessage<'a>,
    ) -> Pin<Box<dyn Future<Output = Delivery> + Send + 'a>> {
        Box::pin(async move {
            super::post_json(
                &self.client,
                &self.url(),
                &self.config.access_token,
                &request_body(&self.config.template, &message),
                "WhatsApp",
                classify,
            )
            .await
        })
    }
}

#[cfg(test)]
mod tests {
    //! Contract tests: a local server checks each request as Meta's documentation describes it and
    //! answers as the Cloud API does.
    use super::*;
    use crate::notifikasi::gateways::contract::Provider;

    fn message<'a>(body: &'a str, locale: &'a str) -> OutgoingMessage<'a> {
        OutgoingMessage {
            id: 7,
            to_phone: "+6281234567890",
            body,
            purpose: "pasar_order",
            locale,
        }
    }

    async fn sender(provider: &Provider) -> WhatsAppCloud {
        WhatsAppCloud::new(WhatsAppConfig {
            api_base: format!("{}/v23.0", provider.start().await),
            phone_number_id: "106540352242922".to_string(),
            access_token: "EAAtest-token".to_string(),
            template: "smart_kampung_pesan".to_string(),
        })
        .unwrap()
    }

    #[tokio::test]
    async fn a_template_message_is_posted_as_the_cloud_api_documents_it() {
        let provider = Provider::default();
        provider.answer(
            200,
            &[],
            r#"{"messaging_product":"whatsapp","contacts":[{"input":"6281234567890","wa_id":"6281234567890"}],"messages":[{"id":"wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3"}]}"#,
        );
        let whatsapp = sender(&provider).await;
        let outcome = whatsapp
            .send(message("Pesanan PSR-1 siap diambil.\nBuka   tautan", "id"))
            .await;
        assert_eq!(
            outcome,
            Delivery::Sent {
                via: "whatsapp",
                provider_id: Some("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3".to_string())
            }
        );
        let requests = provider.requests();
        assert_eq!(requests.len(), 1);
        let request = &requests[0];
        assert_eq!(request.method, axum::http::Method::POST);
        assert_eq!(request.path, "/v23.0/106540352242922/messages");
        assert_eq!(
            request.headers["authorization"].to_str().unwrap(),
            "Bearer EAAtest-token"
        );
        assert!(request.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/json"));
        assert_eq!(
            request.json,
            json!({
                "messaging_product": "whatsapp",
                "recipient_type": "individual",
                "to": "6281234567890",
                "type": "template",
                "template": {
                    "name": "smart_kampung_pesan",
                    "language": { "code": "id" },
                    "components": [{
                        "type": "body",
                        "parameters": [{ "type": "text", "text": "Pesanan PSR-1 siap diambil. Buka tautan" }]
                    }]
                }
            })
        );
    }

    #[tokio::test]
    async fn rate_limits_and_server_errors_are_tried_again_invalid_numbers_are_not() {
        let provider = Provider::default();
        provider.answer(
            429,
            &[("retry-after", "60")],
            r#"{"error":{"message":"(#130429) Rate limit hit","type":"OAuthException","code":130429,"error_data":{"messaging_product":"whatsapp","details":"Cloud API message throughput has been reached."},"fbtrace_id":"Az8or2yhqkZfEZ-_4Qn_Bam"}}"#,
        );
        provider.answer(
            400,
            &[],
            r#"{"error":{"message":"(#131026) Message Undeliverable","type":"OAuthException","code":131026,"error_data":{"messaging_product":"whatsapp","details":"Message Undeliverable."},"fbtrace_id":"AbCd"}}"#,
        );
        provider.answer(
            500,
            &[],
            r#"{"error":{"message":"(#131000) Something went wrong","type":"OAuthException","code":131000,"fbtrace_id":"AbCd"}}"#,
        );
        provider.answer(
            400,
            &[],
            r#"{"error":{"message":"(#100) Invalid parameter","type":"OAuthException","code":100,"error_data":{"messaging_product":"whatsapp","details":"Parameter value is not valid"},"fbtrace_id":"AbCd"}}"#,
        );
        let whatsapp = sender(&provider).await;
        match whatsapp.send(message("Reminder", "en")).await {
            Delivery::TryLater { error, retry_after } => {
                assert_eq!(retry_after, Some(60));
                assert!(error.contains("130429"), "{error}");
            }
            other => panic!("rate limit: {other:?}"),
        }
        assert_eq!(
            provider.requests()[0].json["template"]["language"]["code"],
            "en"
        );
        match whatsapp.send(message("Halo", "id")).await {
            Delivery::Rejected { error } => assert!(error.contains("131026"), "{error}"),
            other => panic!("undeliverable: {other:?}"),
        }
        assert!(matches!(
            whatsapp.send(message("Halo", "id")).await,
            Delivery::TryLater { .. }
        ));
        assert!(matches!(
            whatsapp.send(message("Halo", "id")).await,
            Delivery::Rejected { .. }
        ));
    }

    #[tokio::test]
    async fn an_unreachable_api_is_a_try_later() {
        let whatsapp = WhatsAppCloud::new(WhatsAppConfig {
            // Nothing listens on port 9 (discard) here.
            api_base: "http://127.0.0.1:9".to_string(),
            phone_number_id: "1".to_string(),
            access_token: "t".to_string(),
            template: "t".to_string(),
        })
        .unwrap();
        assert!(matches!(
            whatsapp.send(message("Halo", "id")).await,
            Delivery::TryLater { .. }
        ));
    }

    #[test]
    fn long_texts_are_cut_to_the_parameter_limit() {
        let long = "a".repeat(2000);
        assert_eq!(template_parameter(&long).chars().count(), 1024);
        assert_eq!(template_parameter("a\n\tb     c"), "a b c");
    }
}
