//! Errors that cross from the server to the browser.
//!
//! Inside a request (server functions, data access called by them) use [`AppError`]: each variant has a
//! stable [`AppError::code`] that the UI translates, and the HTTP status the server answers with. Never put
//! a database message in it: log the detail on the server and send the code. Outside requests (start-up,
//! the command line, the demo-data step) the server crate uses `anyhow`.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// The thing asked for does not exist (or is not public).
    #[error("not_found")]
    NotFound,
    /// A value the person typed is not acceptable; `field` names the form field, `code` the rule.
    #[error("invalid_input: {field}: {code}")]
    InvalidInput { field: String, code: String },
    /// The action needs a signed-in person, and nobody is signed in (or the session ended).
    #[error("unauthenticated")]
    Unauthenticated,
    /// The signed-in person has no right to do this (wrong role, or another village's data).
    #[error("forbidden")]
    Forbidden,
    /// Too many attempts in a short time (sign-in, sign-up, reset codes); try again later.
    #[error("too_many_attempts")]
    TooManyAttempts,
    /// The browser could not reach the server (slow or lost connection).
    #[error("network")]
    Network,
    /// The server is overloaded or the data took too long to read; try again in a moment.
    #[error("busy")]
    Busy,
    /// Something failed on our side; the detail is in the server log only.
    #[error("internal")]
    Internal,
}

impl AppError {
    /// A stable identifier, used as the translation key suffix and in tests.
    pub fn code(&self) -> &'static str {
        match self {
            AppError::NotFound => "not_found",
            AppError::InvalidInput { .. } => "invalid_input",
            AppError::Unauthenticated => "unauthenticated",
            AppError::Forbidden => "forbidden",
            AppError::TooManyAttempts => "too_many_attempts",
            AppError::Network => "network",
            AppError::Busy => "busy",
            AppError::Internal => "internal",
        }
    }

    /// A mistake in one form field, shown next to that field.
    pub fn field(field: &str, code: &str) -> Self {
        AppError::InvalidInput {
            field: field.into(),
            code: code.into(),
        }
    }

    /// The field and rule of an `InvalidInput`, for showing the message next to the field.
    pub fn field_code(&self, field: &str) -> Option<&str> {
        match self {
            AppError::InvalidInput { field: f, code } if f == field => Some(code),
            _ => None,
        }
    }

    /// The HTTP status that goes with the error: a person's mistake is never a 500.
    pub fn status(&self) -> u16 {
        match self {
            AppError::NotFound => 404,
            AppError::InvalidInput { .. } => 422,
            AppError::Unauthenticated => 401,
            AppError::Forbidden => 403,
            AppError::TooManyAttempts => 429,
            AppError::Network => 503,
            AppError::Busy => 503,
            AppError::Internal => 500,
        }
    }
}

impl leptos::server_fn::error::FromServerFnError for AppError {
    type Encoder = leptos::server_fn::codec::JsonEncoding;

    fn from_server_fn_error(value: leptos::server_fn::error::ServerFnErrorErr) -> Self {
        use leptos::server_fn::error::ServerFnErrorErr;
        match value {
            // The request never made it, or the answer never came back.
            ServerFnErrorErr::Request(_) | ServerFnErrorErr::Response(_) => AppError::Network,
            ServerFnErrorErr::Args(detail) | ServerFnErrorErr::MissingArg(detail) => {
                AppError::InvalidInput {
                    field: detail,
                    code: "malformed".into(),
                }
            }
            _ => AppError::Internal,
        }
    }
}

#[cfg(feature = "ssr")]
mod server {
    use super::AppError;

    impl From<sqlx::Error> for AppError {
        fn from(error: sqlx::Error) -> Self {
            match error {
                sqlx::Error::RowNotFound => AppError::NotFound,
                other if crate::db::is_unstorable_text(&other) => AppError::NotFound,
                other if crate::db::is_overloaded(&other) => {
                    tracing::warn!(error = %other, "database overloaded or statement over its budget");
                    AppError::Busy
                }
                other => {
                    tracing::error!(error = %other, "database error");
                    AppError::Internal
                }
            }
        }
    }

    impl AppError {
        /// Sets the HTTP status of the current response (page or server-function call) to match the error,
        /// then hands the error back so it can be returned with `?`.
        ///
        /// Not for a plain HTML form post (JavaScript off): Leptos answers those with a redirect back to
        /// the form, carrying the error in the URL, and a 4xx status would stop the browser following it.
        pub fn with_status(self) -> Self {
            let plain_form_post = leptos::prelude::use_context::<http::request::Parts>()
                .is_some_and(|request| {
                    request.method == http::Method::POST
                        && request
                            .headers
                            .get(http::header::ACCEPT)
                            .and_then(|accept| accept.to_str().ok())
                            .is_some_and(|accept| accept.contains("text/html"))
                });
            if plain_form_post {
                return self;
            }
            if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
                if let Ok(status) = http::StatusCode::from_u16(self.status()) {
                    response.set_status(status);
                }
            }
            self
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_persons_mistake_is_never_a_server_error() {
        assert_eq!(AppError::NotFound.status(), 404);
        assert_eq!(
            AppError::InvalidInput {
                field: "x".into(),
                code: "y".into()
            }
            .status(),
            422
        );
    }

    #[test]
    fn codes_are_stable() {
        let codes: Vec<_> = [AppError::NotFound, AppError::Network, AppError::Internal]
            .iter()
            .map(AppError::code)
            .collect();
        assert_eq!(codes, ["not_found", "network", "internal"]);
    }
}
