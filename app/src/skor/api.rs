//! The scorecard's server functions. Public: they count activity, never people.

use leptos::prelude::*;

use super::{RollUp, VillageScore};
use crate::error::AppError;

#[cfg(feature = "ssr")]
use super::store::Scope;

/// The window: the last [`super::WINDOW_DAYS`] days up to now.
#[cfg(feature = "ssr")]
fn window() -> (i64, i64) {
    let now = crate::db::now_unix();
    (now - super::WINDOW_DAYS * 86_400, now)
}

/// `/desa/{slug}/skor`.
#[server(endpoint = "get_village_score")]
pub async fn get_village_score(slug: String) -> Result<VillageScore, AppError> {
    crate::akun::access::public();
    async move {
        let pool = crate::db::pool()?;
        let (village_id, _) = crate::akun::store::village_ref(&pool, &slug)
            .await?
            .ok_or(AppError::NotFound)?;
        let (since, now) = window();
        let (_, slug, name, kecamatan_code, kecamatan_name) =
            super::store::villages(&pool, Scope::Village(village_id))
                .await?
                .into_iter()
                .next()
                .ok_or(AppError::NotFound)?;
        let indicators = super::store::indicators(&pool, Scope::Village(village_id), since, now)
            .await?
            .remove(&village_id)
            .unwrap_or_default();
        let criteria = super::rules::assess(&indicators, now);
        let met_count = criteria.iter().filter(|result| result.met).count();
        Ok(VillageScore {
            slug,
            name,
            kecamatan_code,
            kecamatan_name,
            level: super::rules::level(met_count),
            met_count,
            criteria,
            since,
            until: now,
        })
    }
    .await
    .map_err(AppError::with_status)
}

#[cfg(feature = "ssr")]
async fn roll_up(
    scope: Scope<'_>,
    kecamatan: Option<(String, String)>,
) -> Result<RollUp, AppError> {
    use super::Criterion;
    let pool = crate::db::pool()?;
    let (since, now) = window();
    let villages = super::store::villages(&pool, scope).await?;
    if villages.is_empty() {
        return Err(AppError::NotFound);
    }
    let mut kecamatan_list: Vec<(String, String)> = villages
        .iter()
        .map(|(_, _, _, code, name)| (code.clone(), name.clone()))
        .collect();
    kecamatan_list.sort();
    kecamatan_list.dedup();
    let mut facts = super::store::indicators(&pool, scope, since, now).await?;
    let mut meeting = vec![0; Criterion::ALL.len()];
    let mut levels = [0; 3];
    let rows = villages
        .into_iter()
        .map(|(id, slug, name, _, _)| {
            let results = super::rules::assess(&facts.remove(&id).unwrap_or_default(), now);
            let met: Vec<bool> = results.iter().map(|result| result.met).collect();
            for (count, met) in meeting.iter_mut().zip(&met) {
                *count += usize::from(*met);
            }
            let met_count = met.iter().filter(|met| **met).count();
            let level = super::rules::level(met_count);
            levels[match level {
                super::Level::Full => 0,
                super::Level::Developing => 1,
                super::Level::Starting => 2,
            }] += 1;
            super::VillageRow {
                slug,
                name,
                met,
                met_count,
                level,
            }
        })
        .collect();
    Ok(RollUp {
        kecamatan,
        kecamatan_list,
        villages: rows,
        meeting,
        levels,
        since,
        until: now,
    })
}

/// `/kecamatan/{code}/skor`.
#[server(endpoint = "get_kecamatan_score")]
pub async fn get_kecamatan_score(code: String) -> Result<RollUp, AppError> {
    crate::akun::access::public();
    async move {
        let pool = crate::db::pool()?;
        let name = super::store::kecamatan_name(&pool, &code)
            .await?
            .ok_or(AppError::NotFound)?;
        roll_up(Scope::Kecamatan(&code), Some((code.clone(), name))).await
    }
    .await
    .map_err(AppError::with_status)
}

/// `/skor`: the regency.
#[server(endpoint = "get_regency_score")]
pub async fn get_regency_score() -> Result<RollUp, AppError> {
    crate::akun::access::public();
    async move { roll_up(Scope::Regency, None).await }
        .await
        .map_err(AppError::with_status)
}
