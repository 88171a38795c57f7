//! The village's decision on a shop. A resident's shop application (and an approved shop's new name)
//! waits for the staff of its village; the village console (`/desa/{slug}/kelola`) shows this queue as
//! one of its sections, composed by `pages::village_console`.

use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::akun::access::Rule;
use crate::error::AppError;
use crate::i18n::*;
use crate::ui::feedback::{CardsLoading, ErrorNotice};
use crate::ui::form::{last_error, FormError, SubmitButton};

/// A shop waiting for the village's approval.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingShop {
    pub shop_id: i64,
    pub name: String,
    /// An approved shop asking to be renamed: the name it wants (`name` is the current one).
    pub new_name: Option<String>,
    pub owner_name: String,
    pub story_id: String,
}

/// The shops of a village waiting for its decision. Village staff of this village (or an admin).
#[server(endpoint = "get_shop_queue")]
pub async fn get_shop_queue(slug: String) -> Result<Vec<PendingShop>, AppError> {
    let pool = crate::db::pool()?;
    let village_id = crate::akun::village_or_404(&pool, &slug).await?;
    crate::akun::access::authorize(Rule::VillageStaff { village_id }).await?;
    Ok(super::store::pending_shops(&pool, village_id).await?)
}

/// Approves or rejects a shop application of this village (`decision` = `approve` | `reject`).
/// Village staff of this village (or an admin).
#[server(endpoint = "decide_shop")]
pub async fn decide_shop(slug: String, shop_id: i64, decision: String) -> Result<(), AppError> {
    let pool = crate::db::pool()?;
    let village_id = crate::akun::village_or_404(&pool, &slug).await?;
    let actor = crate::akun::access::authorize(Rule::VillageStaff { village_id }).await?;
    let approved = crate::akun::parse_decision(&decision, "approve", "reject")?;
    let decided = super::store::decide_shop(
        &pool,
        village_id,
        shop_id,
        approved,
        actor.account_id,
        crate::db::now_unix(),
    )
    .await?;
    crate::akun::found(decided)?;
    // Back to the queue with what was decided, so the staff member sees it took effect.
    let outcome = if approved {
        SHOP_APPROVED
    } else {
        SHOP_REJECTED
    };
    leptos_axum::redirect(&format!(
        "/desa/{}/kelola?disimpan={outcome}#lapak",
        crate::kernel::text::encode_query(&slug)
    ));
    Ok(())
}

/// `?disimpan=` after a shop decision.
pub const SHOP_APPROVED: &str = "lapak-disetujui";
pub const SHOP_REJECTED: &str = "lapak-ditolak";

/// The console's section of shops waiting for a decision (`#lapak`), for the village in the address.
#[component]
pub fn ShopQueue() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let action = ServerAction::<DecideShop>::new();
    let shops = Resource::new(slug, get_shop_queue);
    view! {
        <section class="mt-4 rounded-xl border border-stone-200 bg-white p-4" aria-labelledby="lapak">
            <h2 id="lapak" class="font-bold">{t!(i18n, konsol.shops_title)}</h2>
            <Suspense fallback=|| view! { <CardsLoading count=1 /> }>
                {move || Suspend::new(async move {
                    match shops.await {
                        Ok(shops) => Either::Left(view! { <ShopList slug=slug() shops action /> }),
                        Err(error) => Either::Right(view! { <ErrorNotice error /> }),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn ShopList(
    slug: String,
    shops: Vec<PendingShop>,
    action: ServerAction<DecideShop>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = last_error(action.value());
    let decided = leptos_router::hooks::use_query_map()
        .read_untracked()
        .get("disimpan")
        .and_then(|saved| match saved.as_str() {
            SHOP_APPROVED => Some(true),
            SHOP_REJECTED => Some(false),
            _ => None,
        });
    let confirmation = decided.map(|approved| view! {
        <p role="status" class="mt-2 rounded-lg bg-teal-50 p-3 font-semibold text-teal-900">
            {if approved { t!(i18n, konsol.shop_approved).into_any() } else { t!(i18n, konsol.shop_rejected).into_any() }}
        </p>
    });
    if shops.is_empty() {
        return Either::Left(view! {
            {confirmation}
            <p class="mt-2 text-stone-600">{t!(i18n, konsol.shops_empty)}</p>
        });
    }
    Either::Right(view! {
        {confirmation}
        <FormError error />
        <ul class="mt-2 flex flex-col gap-3">
            {shops.into_iter().map(|shop| {
                let slug = slug.clone();
                view! {
                <li class="rounded-lg border border-stone-200 p-3">
                    {match shop.new_name {
                        Some(new_name) => Either::Left(view! {
                            <p class="font-semibold">{t!(i18n, konsol.shop_rename)} " " {shop.name} " → " {new_name}</p>
                        }),
                        None => Either::Right(view! { <p class="font-semibold">{shop.name}</p> }),
                    }}
                    <p class="text-sm text-stone-600">{shop.owner_name}</p>
                    <p class="text-sm">{shop.story_id}</p>
                    <ActionForm action attr:class="mt-2 flex flex-wrap gap-2">
                        <input type="hidden" name="slug" value=slug />
                        <input type="hidden" name="shop_id" value=shop.shop_id />
                        <SubmitButton name="decision" value="approve" label=Signal::derive(move || t_string!(i18n, konsol.approve).to_string()) />
                        <SubmitButton secondary=true name="decision" value="reject" label=Signal::derive(move || t_string!(i18n, konsol.reject).to_string()) />
                    </ActionForm>
                </li>
                }
            }).collect_view()}
        </ul>
    })
}
