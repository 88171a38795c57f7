//! Configuration: command-line flags, each with an environment variable and a sane default.

use std::{net::SocketAddr, path::PathBuf};

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "smart-kampung",
    version,
    about = "Smart Kampung: the village platform's web server"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub config: Config,
}

#[derive(Debug, Clone, Subcommand)]
pub enum Command {
    /// Apply migrations and serve the app (the default).
    Serve,
    /// Apply migrations and exit.
    Migrate,
    /// Apply migrations and load the demo villages, shops, services and events (idempotent).
    DemoData,
    /// Grow a database holding the demo data to a regency's size (217 villages, 200 000 accounts,
    /// 100 000 products, 1 000 000 orders, …) for the benchmarks. Takes a few minutes; never on real data.
    RegencyData,
    /// Copy a SQLite database (a village that started on its own) into the empty PostgreSQL database
    /// named by `--database-url`, ids and all. One-way; the SQLite file is only read (and migrated).
    CopyToPostgres {
        /// The SQLite database file to copy.
        #[arg(long)]
        from: PathBuf,
    },
    /// Copy the database (a consistent snapshot, while the server keeps serving), the photos and the
    /// NIK key into a new folder.
    Backup {
        /// The folder to create (it must not exist, or be empty).
        #[arg(long)]
        to: PathBuf,
    },
    /// Invite the regency's first administrator (or another one): prints a one-time code, valid for
    /// seven days, that the person enters at /akun/undangan after signing up or in with this number.
    InviteAdmin {
        /// Their mobile number (08… or +628…).
        #[arg(long)]
        phone: String,
    },
    /// Re-encrypt every stored NIK with a new key, replacing the key file (stop the server first; take a
    /// backup first). The old key is kept beside it as `<key>.retired-<time>`. Safe to run again if it
    /// was interrupted.
    RotateNikKey,
    /// Put a backup in place of this data directory's database, photos and key (server stopped).
    Restore {
        /// A folder written by `backup`.
        #[arg(long)]
        from: PathBuf,
        /// Replace an existing database (the old one is kept as `*.before-restore`).
        #[arg(long, default_value_t = false)]
        replace: bool,
    },
}

#[derive(Debug, Clone, Args)]
pub struct Config {
    /// Address and port to listen on.
    #[arg(
        long,
        env = "SK_LISTEN",
        default_value = "127.0.0.1:3000",
        global = true
    )]
    pub listen: SocketAddr,
    /// Folder for the database and, later, uploaded files.
    #[arg(long, env = "SK_DATA_DIR", default_value = "data", global = true)]
    pub data_dir: PathBuf,
    /// SQLite database file [default: <data-dir>/smart-kampung.db].
    #[arg(long, env = "SK_DATABASE", global = true)]
    pub database: Option<PathBuf>,
    /// The database as a URL, naming its engine: `sqlite://<file>` or
    /// `postgres://<user>:<password>@<host>:<port>/<name>` (several app servers can share one PostgreSQL)
    /// [default: the SQLite file above].
    #[arg(long, env = "DATABASE_URL", global = true)]
    pub database_url: Option<String>,
    /// Folder with the built site (the `pkg/` bundle); set by cargo-leptos when it runs the server.
    #[arg(
        long,
        env = "LEPTOS_SITE_ROOT",
        default_value = "target/site",
        global = true
    )]
    pub site_root: PathBuf,
    /// File with the key that encrypts NIKs (32 random bytes, base64), kept outside the database and
    /// created on first start [default: <data-dir>/secrets/nik.key]. Back it up: without it no stored
    /// NIK can be read again.
    #[arg(long, env = "SK_NIK_KEY_FILE", global = true)]
    pub nik_key_file: Option<PathBuf>,
    /// Take the client's IP from `X-Forwarded-For` (only behind a reverse proxy that sets it): rate
    /// limits count per client IP.
    #[arg(
        long,
        env = "SK_TRUST_FORWARDED_FOR",
        default_value_t = false,
        global = true
    )]
    pub trust_forwarded_for: bool,
    /// The address people reach the site at, used in letters' QR codes, calendar feeds and share
    /// previews, for the cross-site check, and to make cookies `Secure` (when it is `https://`)
    /// [default: `http://` and the listen address].
    #[arg(long, env = "SK_SITE_URL", global = true)]
    pub site_url: Option<String>,
    /// How long one use of a database connection (a statement or a transaction) may take while serving
    /// before SQLite interrupts it, in milliseconds: a page over it answers 503 and frees the connection.
    #[arg(
        long,
        env = "SK_STATEMENT_BUDGET_MS",
        default_value_t = 2000,
        global = true
    )]
    pub statement_budget_ms: u64,
    /// How long a public page rendered for anonymous visitors is served from memory, in seconds (any
    /// change to the data ends it sooner); 0 turns the page cache off.
    #[arg(
        long,
        env = "SK_PAGE_CACHE_SECONDS",
        default_value_t = 30,
        global = true
    )]
    pub page_cache_seconds: u64,
    /// WhatsApp Business Cloud API: the business phone number's id (WhatsApp Manager). With the token
    /// below, messages to phones go out as WhatsApp template messages.
    #[arg(long, env = "SK_WHATSAPP_PHONE_NUMBER_ID", global = true)]
    pub whatsapp_phone_number_id: Option<String>,
    /// WhatsApp Cloud API access token (a system user's permanent token). Prefer the environment
    /// variable: a command-line argument is visible to every user of the machine.
    #[arg(long, env = "SK_WHATSAPP_TOKEN", hide_env_values = true, global = true)]
    pub whatsapp_token: Option<String>,
    /// The approved WhatsApp template every message uses: a utility template whose body has one
    /// parameter `{{1}}`, with `id` and `en` translations.
    #[arg(
        long,
        env = "SK_WHATSAPP_TEMPLATE",
        default_value = "smart_kampung_pesan",
        global = true
    )]
    pub whatsapp_template: String,
    /// The Graph API base address and version.
    #[arg(
        long,
        env = "SK_WHATSAPP_API",
        default_value = "https://graph.facebook.com/v23.0",
        global = true
    )]
    pub whatsapp_api: String,
    /// SMS gateway: the address messages are POSTed to (see README, "Messages to phones"). With
    /// WhatsApp configured too, SMS carries what WhatsApp cannot deliver.
    #[arg(long, env = "SK_SMS_URL", global = true)]
    pub sms_url: Option<String>,
    /// SMS gateway bearer token.
    #[arg(long, env = "SK_SMS_TOKEN", hide_env_values = true, global = true)]
    pub sms_token: Option<String>,
    /// SMS sender id (masking) registered with the provider.
    #[arg(long, env = "SK_SMS_SENDER_ID", global = true)]
    pub sms_sender_id: Option<String>,
    /// Log lines as text for people or JSON for log collectors.
    #[arg(long, env = "SK_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text, global = true)]
    pub log_format: LogFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}

impl Config {
    /// The database to open: `--database-url`, else the SQLite file.
    pub fn database_url(&self) -> Result<app::db::DatabaseUrl, String> {
        match &self.database_url {
            Some(url) => app::db::DatabaseUrl::parse(url),
            None => Ok(app::db::DatabaseUrl::Sqlite(self.database_path())),
        }
    }

    pub fn database_path(&self) -> PathBuf {
        self.database
            .clone()
            .unwrap_or_else(|| self.data_dir.join("smart-kampung.db"))
    }

    /// The public address: configured, or the listen address over plain HTTP.
    pub fn site_url(&self) -> String {
        self.site_url
            .clone()
            .map(|url| url.trim_end_matches('/').to_string())
            .unwrap_or_else(|| format!("http://{}", self.listen))
    }

    /// Where the database, the photos and the NIK key live (what a backup copies).
    pub fn data_paths(&self) -> crate::backup::DataPaths {
        crate::backup::DataPaths {
            database: self.database_path(),
            photos: self.photos_dir(),
            nik_key: self.nik_key_path(),
        }
    }

    /// The message sender the gateway options ask for (the recording sender without any).
    pub fn message_sender(
        &self,
    ) -> Result<std::sync::Arc<dyn app::notifikasi::outbox::MessageSender>, String> {
        use app::notifikasi::gateways::{SmsConfig, WhatsAppConfig};
        let whatsapp = match (&self.whatsapp_phone_number_id, &self.whatsapp_token) {
            (Some(phone_number_id), Some(access_token)) => Some(WhatsAppConfig {
                api_base: self.whatsapp_api.clone(),
                phone_number_id: phone_number_id.clone(),
                access_token: access_token.clone(),
                template: self.whatsapp_template.clone(),
            }),
            (None, None) => None,
            _ => {
                return Err(
                    "WhatsApp needs both --whatsapp-phone-number-id and --whatsapp-token".into(),
                )
            }
        };
        let sms = match (&self.sms_url, &self.sms_token) {
            (Some(url), Some(token)) => Some(SmsConfig {
                url: url.clone(),
                token: token.clone(),
                sender_id: self.sms_sender_id.clone(),
            }),
            (None, None) => None,
            _ => return Err("the SMS gateway needs both --sms-url and --sms-token".into()),
        };
        app::notifikasi::gateways::from_config(whatsapp, sms)
    }

    /// Photo files (`<data-dir>/photos`).
    pub fn photos_dir(&self) -> PathBuf {
        self.data_dir.join("photos")
    }

    pub fn nik_key_path(&self) -> PathBuf {
        self.nik_key_file
            .clone()
            .unwrap_or_else(|| self.data_dir.join("secrets").join("nik.key"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_database_lives_in_the_data_dir_unless_named() {
        let cli = Cli::parse_from(["smart-kampung", "--data-dir", "/srv/kampung"]);
        assert_eq!(
            cli.config.database_path(),
            PathBuf::from("/srv/kampung/smart-kampung.db")
        );
        let cli = Cli::parse_from(["smart-kampung", "demo-data", "--database", "/tmp/x.db"]);
        assert!(matches!(cli.command, Some(Command::DemoData)));
        assert_eq!(cli.config.database_path(), PathBuf::from("/tmp/x.db"));
    }
}
