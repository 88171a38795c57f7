//! Training certificates: the organiser sets how many sessions earn one and issues them to everyone
//! checked in at that many; the holder downloads the PDF; anyone checks it on its verification page; a
//! selling training shows on the holder's shop.

#[cfg(feature = "ssr")]
use crate::akun::access::Rule;
use crate::budaya::{CertificateConsole, CertificateVerification, MyCertificate};
use crate::error::AppError;
use leptos::prelude::*;

/// The certificate part of a listing's console. Its manager.
#[server(endpoint = "get_certificate_console")]
pub async fn get_certificate_console(slug: String) -> Result<CertificateConsole, AppError> {
    let pool = crate::db::pool()?;
    let (_, found) = super::managed_listing(&pool, &slug).await?;
    let id = found.listing.id;
    let rule = crate::budaya::store::certificate_rule(&pool, id).await?;
    let waiting = match rule.sessions {
        Some(required) => crate::budaya::store::earned_without_certificate(&pool, id, required)
            .await?
            .len(),
        None => 0,
    };
    Ok(CertificateConsole {
        rule,
        waiting,
        issued: crate::budaya::store::issued_certificates(&pool, id).await?,
    })
}

/// Sets how many sessions earn the certificate (`sessions` empty: none) and whether the training
/// teaches selling (`teaches_selling` = "on", a checkbox). Its manager.
#[server(endpoint = "set_certificate_rule")]
pub async fn set_certificate_rule(
    slug: String,
    sessions: String,
    #[server(default)] teaches_selling: String,
) -> Result<(), AppError> {
    async move {
        let pool = crate::db::pool()?;
        let (_, found) = super::managed_listing(&pool, &slug).await?;
        let sessions = match sessions.trim() {
            "" => None,
            typed => Some(
                typed
                    .parse::<i64>()
                    .ok()
                    .filter(|count| (1..=100).contains(count))
                    .ok_or_else(|| AppError::field("sessions", "certificate_sessions_invalid"))?,
            ),
        };
        crate::budaya::store::set_certificate_rule(
            &pool,
            found.listing.id,
            &crate::budaya::CertificateRule {
                sessions,
                teaches_selling: teaches_selling == "on",
            },
        )
        .await?;
        leptos_axum::redirect(&format!(
            "/budaya/acara/{slug}/kelola?disimpan=sertifikat#sertifikat"
        ));
        Ok(())
    }
    .await
    .map_err(AppError::with_status)
}

/// Issues a certificate to everyone who earned one and has none yet; each holder hears of it. Its
/// manager.
#[server(endpoint = "issue_certificates")]
pub async fn issue_certificates(slug: String) -> Result<(), AppError> {
    async move {
        let pool = crate::db::pool()?;
        let (actor, found) = super::managed_listing(&pool, &slug).await?;
        let id = found.listing.id;
        let rule = crate::budaya::store::certificate_rule(&pool, id).await?;
        let required = rule
            .sessions
            .ok_or_else(|| AppError::field("sessions", "certificate_sessions_invalid"))?;
        let now = crate::db::now_unix();
        let year = crate::kernel::dates::CivilDate::of_unix_wib(now).year;
        let earned = crate::budaya::store::earned_without_certificate(&pool, id, required).await?;
        if earned.is_empty() {
            return Err(AppError::field("sessions", "nobody_earned_certificate"));
        }
        for (account_id, holder_name, sessions_attended) in earned {
            let code = crate::kernel::codes::random_code::<12>()?;
            let issued = crate::budaya::store::insert_certificate(
                &pool,
                &crate::budaya::store::NewCertificate {
                    event_id: id,
                    account_id,
                    holder_name: &holder_name,
                    sessions_attended,
                    verification_code: &code,
                    issued_by: actor.account_id,
                },
                year,
                now,
            )
            .await?;
            if issued {
                let title_en = found.listing.title_en.as_deref().unwrap_or(&found.listing.title_id);
                let message_id = format!(
                    "Sertifikat \"{}\" sudah terbit. Unduh di halaman akun Anda.",
                    found.listing.title_id
                );
                let message_en = format!(
                    "Your certificate for \"{title_en}\" is ready. Download it from your account page."
                );
                crate::notifikasi::store::notify(
                    &pool,
                    account_id,
                    crate::notifikasi::store::Bilingual {
                        id: &message_id,
                        en: &message_en,
                    },
                    Some("/akun#sertifikat"),
                    now,
                )
                .await?;
            }
        }
        leptos_axum::redirect(&format!("/budaya/acara/{slug}/kelola?disimpan=sertifikat#sertifikat"));
        Ok(())
    }
    .await
    .map_err(AppError::with_status)
}

/// `/verifikasi/sertifikat/{code}`: anyone holding the paper can check it.
#[server(endpoint = "verify_certificate")]
pub async fn verify_certificate(code: String) -> Result<CertificateVerification, AppError> {
    crate::akun::access::public();
    async move {
        let pool = crate::db::pool()?;
        let code = code.trim().to_ascii_uppercase();
        let found = crate::budaya::store::certificate_by_code(&pool, &code)
            .await?
            .ok_or(AppError::NotFound)?;
        Ok(CertificateVerification {
            number: found.number,
            holder_masked: crate::kernel::text::masked_name(&found.holder_name),
            title_id: found.title_id,
            title_en: found.title_en,
            sessions_attended: found.sessions_attended,
            organiser_name: found.organiser_name,
            village_name: found.village_name,
            issued_at: found.issued_at,
        })
    }
    .await
    .map_err(AppError::with_status)
}

/// The signed-in person's certificates. Only theirs.
#[server(endpoint = "list_my_certificates")]
pub async fn list_my_certificates() -> Result<Vec<MyCertificate>, AppError> {
    async move {
        let actor = crate::akun::access::authorize(Rule::SignedIn).await?;
        let pool = crate::db::pool()?;
        Ok(crate::budaya::store::certificates_of(&pool, actor.account_id).await?)
    }
    .await
    .map_err(AppError::with_status)
}

/// The selling trainings a shop's owner completed, for "trained in …" on the shop page. Public: the
/// owner chose to sell in public, and only trainings marked as teaching selling are shown.
#[server(endpoint = "list_shop_trainings")]
pub async fn list_shop_trainings(shop: String) -> Result<Vec<(String, Option<String>)>, AppError> {
    crate::akun::access::public();
    async move {
        let pool = crate::db::pool()?;
        Ok(crate::budaya::store::selling_trainings_of_shop(&pool, &shop).await?)
    }
    .await
    .map_err(AppError::with_status)
}
