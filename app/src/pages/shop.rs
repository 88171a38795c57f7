//! A shop's page: the shop and its products (from `pasar`) with the classes its owner runs (from
//! `budaya`), so a tourist who loved the batik class finds the scarves, and the other way round; and
//! the selling trainings its owner completed ("trained in …", from their certificates).

use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::budaya::{list_shop_classes, list_shop_trainings, EventCardView, TrainedIn};
use crate::i18n::*;
use crate::pasar::{get_shop, ShopCatalogue, ShopIntro};
use crate::ui::feedback::CardsLoading;
use crate::ui::layout::NotFoundOr;

#[component]
pub fn ShopPage() -> impl IntoView {
    let i18n = use_i18n();
    let slug = use_params_map()
        .read_untracked()
        .get("slug")
        .unwrap_or_default();
    // Both made here, once (not inside the `Suspend`, which may run again while the page resolves).
    let shop = Resource::new(
        {
            let slug = slug.clone();
            move || slug.clone()
        },
        get_shop,
    );
    let classes = Resource::new(
        {
            let slug = slug.clone();
            move || slug.clone()
        },
        list_shop_classes,
    );
    let trainings = Resource::new(move || slug.clone(), list_shop_trainings);
    view! {
        <Suspense fallback=|| view! { <CardsLoading count=2 /> }>
            {move || Suspend::new(async move {
                match shop.await {
                    Ok(shop) => {
                        // The classes are an extra: the shop's page stands without them.
                        let classes = classes.await.unwrap_or_default();
                        let trainings = trainings.await.unwrap_or_default();
                        Either::Left(view! {
                            <ShopIntro shop=shop.clone() />
                            <TrainedIn trainings />
                            {(!classes.is_empty()).then(|| view! {
                                <section class="mt-6" aria-labelledby="kelas-lapak">
                                    <h2 id="kelas-lapak" class="mb-2 text-lg font-bold">{t!(i18n, pasar.shop_workshops)}</h2>
                                    <ul role="list" class="grid gap-3 sm:grid-cols-2">
                                        {classes.into_iter().map(|event| view! { <li class="flex"><EventCardView event /></li> }).collect_view()}
                                    </ul>
                                </section>
                            })}
                            <ShopCatalogue shop />
                        })
                    }
                    Err(error) => Either::Right(view! { <NotFoundOr error /> }),
                }
            })}
        </Suspense>
    }
}
