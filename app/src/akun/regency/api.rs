//! The regency administration's server functions. Each starts with its authorization decision: the
//! admin kabupaten for everything but taking up an invitation (any signed-in person, for their own
//! number) and a kades managing their own village's invitations.

use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::akun::access::{Rule, StaffRole};
use crate::error::AppError;

use super::{ImportPreview, RegencyOverview, StaffAdministration};

/// An uploaded village list with what applying it would change. Admin kabupaten.
#[server(endpoint = "get_import_preview")]
pub async fn get_import_preview(id: i64) -> Result<ImportPreview, AppError> {
    crate::akun::access::authorize(Rule::AdminKabupaten).await?;
    let pool = crate::db::pool()?;
    let (csv, file_name, applied_at) = super::store::load_import(&pool, id)
        .await?
        .ok_or_else(|| AppError::NotFound.with_status())?;
    let mut parsed = super::import::parse(&csv);
    let kabupaten = super::store::kabupaten(&pool).await?;
    let villages = std::mem::take(&mut parsed.villages);
    if let (Some((code, _)), Some(first)) = (&kabupaten, villages.first()) {
        // One regency per installation: a list of another regency's villages is refused whole.
        if super::import::split_code(&first.code).is_some_and(|(_, kab)| &kab != code) {
            parsed.problems.insert(
                0,
                super::ImportProblem {
                    line: first.line,
                    column: "kode".into(),
                    error: "import_other_kabupaten".into(),
                },
            );
        }
    }
    let rows = super::store::preview_rows(&pool, villages).await?;
    Ok(super::store::preview(
        id,
        file_name,
        kabupaten,
        parsed,
        rows,
        applied_at.is_some(),
    ))
}

/// Applies a previewed list that has no problems. Admin kabupaten. The regency's name is asked for the
/// first time only (the codes give its number, not its name).
#[server(endpoint = "apply_village_import")]
pub async fn apply_village_import(id: i64, kabupaten_name: Option<String>) -> Result<(), AppError> {
    crate::akun::access::authorize(Rule::AdminKabupaten).await?;
    let pool = crate::db::pool()?;
    let preview = get_import_preview(id).await?;
    if preview.applied {
        return Err(AppError::field("import", "import_already_applied").with_status());
    }
    if !preview.problems.is_empty() {
        return Err(AppError::field("import", "import_has_problems").with_status());
    }
    let Some(kabupaten_code) = preview.kabupaten_code.clone() else {
        return Err(AppError::field("import", "import_empty").with_status());
    };
    let name = match preview.kabupaten_name.clone() {
        Some(known) => known,
        None => {
            let typed = crate::kernel::text::optional_text(kabupaten_name).ok_or_else(|| {
                AppError::field("kabupaten_name", "kabupaten_name_missing").with_status()
            })?;
            if typed.chars().count() > 80 {
                return Err(AppError::field("kabupaten_name", "text_too_long").with_status());
            }
            typed
        }
    };
    let villages: Vec<_> = preview.rows.into_iter().map(|row| row.village).collect();
    let now = crate::db::now_unix();
    let Some(applied) =
        super::store::apply_import(&pool, id, &kabupaten_code, &name, &villages, now).await?
    else {
        return Err(AppError::field("import", "import_already_applied").with_status());
    };
    tracing::info!(
        kecamatan = applied.kecamatan,
        added = applied.added,
        updated = applied.updated,
        "village list applied"
    );
    leptos_axum::redirect(&format!(
        "/admin?impor=selesai&baru={}&diubah={}",
        applied.added, applied.updated
    ));
    Ok(())
}

/// The regency overview. Admin kabupaten.
#[server(endpoint = "get_regency_overview")]
pub async fn get_regency_overview() -> Result<RegencyOverview, AppError> {
    crate::akun::access::authorize(Rule::AdminKabupaten).await?;
    let pool = crate::db::pool()?;
    Ok(RegencyOverview {
        kabupaten_name: super::store::kabupaten(&pool).await?.map(|(_, name)| name),
        villages: super::store::regency_villages(&pool).await?,
        kecamatan: super::store::kecamatan_list(&pool).await?,
    })
}

/// Invitations and roles. Admin kabupaten.
#[server(endpoint = "get_staff_administration")]
pub async fn get_staff_administration() -> Result<StaffAdministration, AppError> {
    crate::akun::access::authorize(Rule::AdminKabupaten).await?;
    let pool = crate::db::pool()?;
    let now = crate::db::now_unix();
    Ok(StaffAdministration {
        invitations: super::store::recent_invitations(&pool, now, 200).await?,
        staff: super::store::all_staff(&pool).await?,
        villages: super::store::village_choices(&pool).await?,
        kecamatan: super::store::kecamatan_list(&pool).await?,
    })
}

/// Queues an invitation with a fresh code to `phone`. Used by the admin (any role; `place` is the
/// village's slug for village roles, the kecamatan's code for camat staff) and by the `invite-admin`
/// command (no inviter).
#[cfg(feature = "ssr")]
#[allow(clippy::too_many_arguments)]
pub async fn send_invitation(
    pool: &crate::db::Db,
    phone: &str,
    role: StaffRole,
    place: super::store::Place,
    place_name: Option<&str>,
    invited_by: Option<i64>,
    site: &str,
    now: i64,
) -> Result<String, AppError> {
    let code = super::invitations::new_invitation_code().map_err(|error| {
        tracing::error!(%error, "no randomness for an invitation code");
        AppError::Internal
    })?;
    let (id, en) = super::invitations::invitation_message(role, place_name, &code, site);
    super::store::create_invitation(
        pool,
        phone,
        role,
        &place,
        &super::invitations::hash_invitation_code(phone, &code),
        crate::notifikasi::store::Bilingual { id: &id, en: &en },
        invited_by,
        now,
    )
    .await?;
    Ok(code)
}

/// Invites someone to a staff role by phone. Admin kabupaten for any role; the kades of a village for
/// its operator and sekdes.
#[server(endpoint = "invite_staff")]
pub async fn invite_staff(
    phone: String,
    role: String,
    village: Option<String>,
    kecamatan: Option<String>,
) -> Result<(), AppError> {
    let pool = crate::db::pool()?;
    let role = StaffRole::from_code(&role)
        .ok_or_else(|| AppError::field("role", "role_unknown").with_status())?;
    let place = if role == StaffRole::Camat {
        crate::kernel::text::optional_text(kecamatan)
    } else {
        crate::kernel::text::optional_text(village)
    };
    let (target, place_name, back) = match role {
        StaffRole::AdminKabupaten => (
            super::store::Place::Regency,
            None,
            "/admin/staf".to_string(),
        ),
        StaffRole::Camat => {
            let code =
                place.ok_or_else(|| AppError::field("kecamatan", "place_missing").with_status())?;
            let name = super::store::kecamatan_list(&pool)
                .await?
                .into_iter()
                .find(|(known, _)| *known == code)
                .map(|(_, name)| name)
                .ok_or_else(|| AppError::field("kecamatan", "place_unknown").with_status())?;
            (
                super::store::Place::Kecamatan(code),
                Some(format!("Kecamatan {name}")),
                "/admin/staf".to_string(),
            )
        }
        _ => {
            let slug =
                place.ok_or_else(|| AppError::field("village", "place_missing").with_status())?;
            let (village_id, _) = crate::akun::store::village_ref(&pool, &slug)
                .await?
                .ok_or_else(|| AppError::field("village", "place_unknown").with_status())?;
            let village = crate::akun::store::find_village(&pool, &slug)
                .await?
                .ok_or_else(|| AppError::field("village", "place_unknown").with_status())?;
            let kind = match village.summary.kind {
                crate::akun::VillageKind::Desa => "Desa",
                crate::akun::VillageKind::Kelurahan => "Kelurahan",
            };
            (
                super::store::Place::Village(village_id),
                Some(format!("{kind} {}", village.summary.name)),
                format!("/desa/{slug}/kelola"),
            )
        }
    };
    let actor = match &target {
        super::store::Place::Village(village_id) if role != StaffRole::Kades => {
            crate::akun::access::authorize(Rule::VillageHead {
                village_id: *village_id,
            })
            .await?
        }
        _ => crate::akun::access::authorize(Rule::AdminKabupaten).await?,
    };
    let phone = crate::akun::phone::normalize_mobile(&phone)
        .map_err(|error| AppError::field("phone", error.code()).with_status())?;
    let now = crate::db::now_unix();
    let site = crate::kernel::site::request_origin();
    send_invitation(
        &pool,
        &phone,
        role,
        target,
        place_name.as_deref(),
        Some(actor.account_id),
        &site,
        now,
    )
    .await?;
    let back = if actor.is_admin() {
        "/admin/staf".to_string()
    } else {
        back
    };
    leptos_axum::redirect(&format!("{back}?diundang=1#undangan"));
    Ok(())
}

/// Cancels an open invitation. Admin kabupaten, or the kades of the invitation's village.
#[server(endpoint = "cancel_invitation")]
pub async fn cancel_invitation(id: i64) -> Result<(), AppError> {
    let actor = crate::akun::access::authorize(Rule::SignedIn).await?;
    let pool = crate::db::pool()?;
    let Some(village) = super::store::invitation_village(&pool, id).await? else {
        // Only an administrator learns that an invitation does not exist.
        return Err(if actor.is_admin() {
            AppError::NotFound
        } else {
            AppError::Forbidden
        }
        .with_status());
    };
    match village {
        Some(village_id) => {
            crate::akun::access::authorize(Rule::VillageHead { village_id }).await?
        }
        None => crate::akun::access::authorize(Rule::AdminKabupaten).await?,
    };
    if !super::store::cancel_invitation(&pool, id, crate::db::now_unix()).await? {
        return Err(AppError::field("invitation", "invitation_not_open").with_status());
    }
    Ok(())
}

/// Takes up an invitation sent to the signed-in person's number. Signed in; rate-limited per number.
#[server(endpoint = "accept_invitation")]
pub async fn accept_invitation(code: String) -> Result<(), AppError> {
    let actor = crate::akun::access::authorize(Rule::SignedIn).await?;
    let pool = crate::db::pool()?;
    let now = crate::db::now_unix();
    let code = crate::akun::reset_code::typed_code(&code);
    if code.len() != 8 {
        return Err(AppError::field("code", "invitation_code_format").with_status());
    }
    let phone = crate::akun::store::account_phone(&pool, actor.account_id).await?;
    crate::akun::rate_limit::hit_action(
        &pool,
        crate::akun::rate_limit::Action::InvitationCode,
        &phone,
        now,
    )
    .await?;
    let hash = super::invitations::hash_invitation_code(&phone, &code);
    match super::store::accept_invitation(&pool, actor.account_id, &phone, &hash, now).await? {
        Some(console) => {
            leptos_axum::redirect(&format!("{}?diterima=1", console.path()));
            Ok(())
        }
        None => Err(AppError::field("code", "invitation_code_wrong").with_status()),
    }
}

/// Removes a staff role anywhere in the regency. Admin kabupaten; never the last administrator.
#[server(endpoint = "revoke_staff_role")]
pub async fn revoke_staff_role(staff_role_id: i64) -> Result<(), AppError> {
    use super::store::Revoked;
    crate::akun::access::authorize(Rule::AdminKabupaten).await?;
    let pool = crate::db::pool()?;
    match super::store::revoke_role(&pool, staff_role_id).await? {
        Revoked::Removed => Ok(()),
        Revoked::NotFound => Err(AppError::NotFound.with_status()),
        Revoked::LastAdmin => Err(AppError::field("staff", "last_admin").with_status()),
    }
}

/// Switches a village off (`nonaktif`) or on again (`aktif`). Admin kabupaten. Its pages say so, nothing
/// new is filed there, and everything it holds is kept.
#[server(endpoint = "set_village_active")]
pub async fn set_village_active(slug: String, state: String) -> Result<(), AppError> {
    crate::akun::access::authorize(Rule::AdminKabupaten).await?;
    let pool = crate::db::pool()?;
    let village_id = crate::akun::village_or_404(&pool, &slug).await?;
    let off = crate::akun::parse_decision(&state, "nonaktif", "aktif")?;
    super::store::set_switched_off(&pool, village_id, off, crate::db::now_unix()).await?;
    leptos_axum::redirect(&format!("/desa/{slug}/kelola?disimpan=status#status-desa"));
    Ok(())
}
