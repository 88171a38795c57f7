//! Real senders behind [`MessageSender`]: the WhatsApp Business Cloud API and a generic SMS HTTP gateway,
//! chosen by configuration (the server's `--whatsapp-*` and `--sms-*` options). With both, WhatsApp goes
//! first and SMS carries what WhatsApp cannot deliver (a number without WhatsApp). With neither, the
//! recording sender stays.

mod sms;
mod whatsapp;

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

pub use sms::{SmsConfig, SmsGateway};
pub use whatsapp::{WhatsAppCloud, WhatsAppConfig};

use super::outbox::{Delivery, MessageSender, OutgoingMessage, RecordingSender};

/// How long one call to a gateway may take before it counts as a failed try.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(15);

/// One HTTPS client for the gateways: rustls with the system's CA certificates.
fn http_client() -> Result<reqwest::Client, String> {
    reqwest::Client::builder()
        .timeout(REQUEST_TIMEOUT)
        .connect_timeout(Duration::from_secs(5))
        .user_agent(concat!("smart-kampung/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|error| format!("building the HTTP client: {error}"))
}

/// The sender the configuration asks for (see the module's description).
pub fn from_config(
    whatsapp: Option<WhatsAppConfig>,
    sms: Option<SmsConfig>,
) -> Result<Arc<dyn MessageSender>, String> {
    let whatsapp = whatsapp.map(WhatsAppCloud::new).transpose()?;
    let sms = sms.map(SmsGateway::new).transpose()?;
    Ok(match (whatsapp, sms) {
        (Some(whatsapp), Some(sms)) => Arc::new(Fallback {
            first: whatsapp,
            then: sms,
        }),
        (Some(whatsapp), None) => Arc::new(whatsapp),
        (None, Some(sms)) => Arc::new(sms),
        (None, None) => Arc::new(RecordingSender),
    })
}

/// `first`, and `then` for a message `first` rejects. A try `first` should repeat later stays with it.
pub struct Fallback<A, B> {
    pub first: A,
    pub then: B,
}

impl<A: MessageSender, B: MessageSender> MessageSender for Fallback<A, B> {
    fn name(&self) -> &'static str {
        "whatsapp+sms"
    }

    fn send<'a>(
        &'a self,
        message: OutgoingMessage<'a>,
    ) -> Pin<Box<dyn Future<Output = Delivery> + Send + 'a>> {
        Box::pin(async move {
            match self.first.send(message).await {
                Delivery::Rejected { error } => match self.then.send(message).await {
                    Delivery::Rejected { error: second } => Delivery::Rejected {
                        error: format!("{error}; {second}"),
                    },
                    other => other,
                },
                other => other,
            }
        })
    }
}

/// POSTs `body` as JSON with a bearer token and reads the answer with `classify` (status, Retry-After,
/// body); a request that never got an answer is a try-later. `gateway` names it in the error.
async fn post_json(
    client: &reqwest::Client,
    url: &str,
    token: &str,
    body: &serde_json::Value,
    gateway: &str,
    classify: fn(u16, Option<i64>, &str) -> Delivery,
) -> Delivery {
    match client.post(url).bearer_auth(token).json(body).send().await {
        Ok(response) => {
            let status = response.status().as_u16();
            let retry_after = retry_after(response.headers());
            let body = response.text().await.unwrap_or_default();
            classify(status, retry_after, &body)
        }
        Err(error) => Delivery::TryLater {
            error: short(&format!("{gateway} unreachable: {error}")),
            retry_after: None,
        },
    }
}

/// `Retry-After` in seconds, when the gateway sends one (the HTTP-date form is rare from APIs).
fn retry_after(headers: &reqwest::header::HeaderMap) -> Option<i64> {
    headers
        .get(reqwest::header::RETRY_AFTER)?
        .to_str()
        .ok()?
        .trim()
        .parse()
        .ok()
}

/// A gateway's error text, cut short: it goes into the outbox row and the admin's page.
fn short(text: &str) -> String {
    let text = text.trim();
    match text.char_indices().nth(300) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

#[cfg(test)]
pub(crate) mod contract {
    //! A local HTTP server standing in for a provider in the contract tests: it records every request
    //! (method, path, headers, JSON body) and answers with the canned responses the test queues.

    use std::collections::VecDeque;
    use std::sync::{Arc, Mutex};

    use axum::body::Bytes;
    use axum::http::{HeaderMap, Method, StatusCode, Uri};
    use axum::response::{IntoResponse, Response};

    #[derive(Debug, Clone)]
    pub struct Seen {
        pub method: Method,
        pub path: String,
        pub headers: HeaderMap,
        pub json: serde_json::Value,
    }

    /// A canned answer: status, extra headers, body.
    type Canned = (StatusCode, Vec<(&'static str, String)>, String);

    #[derive(Clone, Default)]
    pub struct Provider {
        pub seen: Arc<Mutex<Vec<Seen>>>,
        answers: Arc<Mutex<VecDeque<Canned>>>,
    }

    impl Provider {
        /// Queues the next answer: status, extra headers, JSON body.
        pub fn answer(&self, status: u16, headers: &[(&'static str, &str)], body: &str) {
            self.answers.lock().unwrap().push_back((
                StatusCode::from_u16(status).unwrap(),
                headers
                    .iter()
                    .map(|(name, value)| (*name, value.to_string()))
                    .collect(),
                body.to_string(),
            ));
        }

        pub fn requests(&self) -> Vec<Seen> {
            self.seen.lock().unwrap().clone()
        }

        /// Serves on a free local port; returns `http://127.0.0.1:<port>`.
        pub async fn start(&self) -> String {
            let provider = self.clone();
            let app = axum::Router::new().fallback(
                move |method: Method, uri: Uri, headers: HeaderMap, body: Bytes| {
                    let provider = provider.clone();
                    async move { provider.handle(method, uri, headers, body) }
                },
            );
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            let address = listener.local_addr().unwrap();
            tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
            format!("http://{address}")
        }

        fn handle(&self, method: Method, uri: Uri, headers: HeaderMap, body: Bytes) -> Response {
            let json = serde_json::from_slice(&body).unwrap_or(serde_json::Value::Null);
            self.seen.lock().unwrap().push(Seen {
                method,
                path: uri.path().to_string(),
                headers,
                json,
            });
            let (status, headers, body) = self
                .answers
                .lock()
                .unwrap()
                .pop_front()
                .expect("the test queued an answer for every request");
            let mut response = (status, body).into_response();
            response.headers_mut().insert(
                axum::http::header::CONTENT_TYPE,
                "application/json".parse().unwrap(),
            );
            for (name, value) in headers {
                response.headers_mut().insert(name, value.parse().unwrap());
            }
            response
        }
    }
}
