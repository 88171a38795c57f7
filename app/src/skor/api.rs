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
    use super::{Criterion, KecamatanRow, Level, VillageRow};
    let pool = crate::db::pool()?;
    let (since, now) = window();
    let villages = super::store::villages(&pool, scope).await?;
    if villages.is_empty() {
        return Err(AppError::NotFound);
    }
    let mut facts = super::store::indicators(&pool, scope, since, now).await?;
    let mut meeting = vec![0; Criterion::ALL.len()];
    let mut levels = [0; 3];
    let mut rows = Vec::new();
    let mut kecamatan_rows: Vec<KecamatanRow> = Vec::new();
    for (id, slug, name, kecamatan_code, kecamatan_name) in villages {
        let results = super::rules::assess(&facts.remove(&id).unwrap_or_default(), now);
        let met: Vec<bool> = results.iter().map(|result| result.met).collect();
        for (count, met) in meeting.iter_mut().zip(&met) {
            *count += usize::from(*met);
        }
        let met_count = met.iter().filter(|met| **met).count();
        let level = super::rules::level(met_count);
        let level_index = match level {
            Level::Full => 0,
            Level::Developing => 1,
            Level::Starting => 2,
        };
        levels[level_index] += 1;
        match kecamatan_rows
            .iter_mut()
            .find(|row| row.code == kecamatan_code)
        {
            Some(row) => {
                row.villages += 1;
                row.levels[level_index] += 1;
            }
            None => {
                let mut row_levels = [0; 3];
                row_levels[level_index] = 1;
                kecamatan_rows.push(KecamatanRow {
                    code: kecamatan_code,
                    name: kecamatan_name,
                    villages: 1,
                    levels: row_levels,
                });
            }
        }
        rows.push(VillageRow {
            slug,
            name,
            met,
            met_count,
            level,
        });
    }
    kecamatan_rows.sort_by(|a, b| a.name.cmp(&b.name));
    let regency = kecamatan.is_none();
    Ok(RollUp {
        kecamatan,
        kecamatan_rows: if regency { kecamatan_rows } else { Vec::new() },
        villages: if regency { Vec::new() } else { rows },
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
