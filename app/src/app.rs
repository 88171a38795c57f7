//! The document shell, the router and the page frame every route shares.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, HashedStylesheet, Link, Meta, MetaTags, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    path, SsrMode,
};

use crate::i18n::*;
use crate::ui::layout::{Frame, NotFound};
use crate::{akun, budaya, layanan, notifikasi, pages, pasar, skor};

/// The HTML document around the app, rendered only on the server.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="theme-color" content="#0f766e" />
                // Installable: the manifest and its icons, and the worker that shows the offline page.
                <link rel="manifest" href="/manifest.webmanifest" />
                <link rel="apple-touch-icon" href="/ikon/192.png" />
                <script src="/sw-daftar.js" defer></script>
                <AutoReload options=options.clone() />
                // Hashed names (release builds) are resolved from cargo-leptos' hash.txt.
                <HashedStylesheet options=options.clone() id="leptos" />
                // Not Leptos' `HydrationScripts`: its preload links fetch the wasm with JavaScript off too.
                <crate::ui::wasm_loader::WasmLoader options />
                <MetaTags />
            </head>
            <body class="bg-stone-50 text-stone-900 antialiased">
                <App />
            </body>
        </html>
    }
}

/// Only our own files run, plus the inline scripts Leptos writes into this page (they carry this
/// response's nonce). The empty-string hash admits the empty `<script></script>` Leptos leaves at the end
/// of the body; `wasm-unsafe-eval` lets the islands' wasm compile. Forms may only post to this site.
#[cfg(feature = "ssr")]
fn set_content_security_policy() {
    const EMPTY_SCRIPT_HASH: &str = "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";
    let (Some(nonce), Some(response)) = (
        leptos::nonce::use_nonce(),
        use_context::<leptos_axum::ResponseOptions>(),
    ) else {
        return;
    };
    let policy = format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' '{EMPTY_SCRIPT_HASH}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; \
         frame-ancestors 'none'; form-action 'self'"
    );
    if let Ok(value) = http::HeaderValue::from_str(&policy) {
        response.insert_header(http::header::CONTENT_SECURITY_POLICY, value);
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    #[cfg(feature = "ssr")]
    set_content_security_policy();

    view! {
        <I18nContextProvider>
            <crate::ui::language::ApplyLanguagePreference>
                <Link rel="icon" href=crate::ui::icons::FAVICON />
                <Title formatter=|page: String| {
                    if page.is_empty() { "Smart Kampung".to_string() } else { format!("{} · Smart Kampung", crate::ui::text::rcdata(&page)) }
                } />
                <Meta property="og:site_name" content="Smart Kampung" />
                <HydrationMarker />
                <crate::ui::form::FormProgress />
                <Router>
                    <Frame tools=|| view! { <pasar::CartLink /> <notifikasi::NotificationBell /> <akun::LanguageSwitch /> }>
                        <Routes fallback=NotFound>
                            <Route path=path!("") view=pages::home::HomePage ssr=SsrMode::Async />
                            <Route path=path!("/pasar") view=pasar::PasarPage ssr=SsrMode::Async />
                            <Route path=path!("/pasar/toko") view=pasar::ShopDirectoryPage ssr=SsrMode::Async />
                            <Route path=path!("/pasar/toko/:slug") view=pages::shop::ShopPage ssr=SsrMode::Async />
                            <Route path=path!("/pasar/produk/:slug") view=pasar::ProductPageView ssr=SsrMode::Async />
                            <Route path=path!("/pasar/keranjang") view=pasar::CartPage ssr=SsrMode::Async />
                            <Route path=path!("/pasar/pesanan") view=pasar::MyOrdersPage ssr=SsrMode::Async />
                            <Route path=path!("/pasar/pesanan/:code") view=pasar::OrderPageView ssr=SsrMode::Async />
                            <Route path=path!("/pasar/saya") view=pasar::SellerDashboardPage ssr=SsrMode::Async />
                            <Route path=path!("/pasar/saya/produk/:slug") view=pasar::ProductEditorPage ssr=SsrMode::Async />
                            <Route path=path!("/layanan") view=layanan::LayananPage ssr=SsrMode::Async />
                            <Route path=path!("/layanan/saya") view=layanan::MyRequestsPage ssr=SsrMode::Async />
                            <Route path=path!("/layanan/permohonan/:code") view=layanan::RequestPageView ssr=SsrMode::Async />
                            <Route path=path!("/layanan/pengaduan") view=layanan::ComplaintsPage ssr=SsrMode::Async />
                            <Route path=path!("/layanan/pengaduan/:code") view=layanan::ComplaintPageView ssr=SsrMode::Async />
                            <Route path=path!("/layanan/:village/:service") view=layanan::ServicePageView ssr=SsrMode::Async />
                            <Route path=path!("/desa/:slug/layanan") view=layanan::VillageInboxPage ssr=SsrMode::Async />
                            <Route path=path!("/desa/:slug/kunjungan") view=layanan::VisitDayPage ssr=SsrMode::Async />
                            <Route path=path!("/desa/:slug/pengaduan") view=layanan::ComplaintInboxPage ssr=SsrMode::Async />
                            <Route path=path!("/desa/:slug/katalog") view=layanan::CataloguePage ssr=SsrMode::Async />
                            <Route path=path!("/desa/:slug/katalog/:service") view=layanan::ServiceEditorPage ssr=SsrMode::Async />
                            <Route path=path!("/desa/:slug/hukum") view=layanan::informasi::LegalDocumentsPage ssr=SsrMode::Async />
                            <Route path=path!("/desa/:slug/ppid") view=layanan::informasi::PublicInformationPageView ssr=SsrMode::Async />
                            <Route path=path!("/desa/:slug/skor") view=skor::VillageScorePage ssr=SsrMode::Async />
                            <Route path=path!("/kecamatan/:code/skor") view=skor::KecamatanScorePage ssr=SsrMode::Async />
                            <Route path=path!("/skor") view=skor::RegencyScorePage ssr=SsrMode::Async />
                            <Route path=path!("/desa/:slug/bansos") view=layanan::informasi::BansosPageView ssr=SsrMode::Async />
                            <Route path=path!("/kecamatan/:code/layanan") view=layanan::KecamatanInboxPage ssr=SsrMode::Async />
                            <Route path=path!("/verifikasi/:code") view=layanan::VerificationPage ssr=SsrMode::Async />
                            <Route path=path!("/verifikasi/sertifikat/:code") view=budaya::CertificateVerificationPage ssr=SsrMode::Async />
                            <Route path=path!("/budaya") view=budaya::BudayaPage ssr=SsrMode::Async />
                            <Route path=path!("/budaya/kalender") view=budaya::CalendarPage ssr=SsrMode::Async />
                            <Route path=path!("/budaya/kelola") view=budaya::OrganiserHomePage ssr=SsrMode::Async />
                            <Route path=path!("/budaya/acara/:slug") view=budaya::ListingPageView ssr=SsrMode::Async />
                            <Route path=path!("/budaya/acara/:slug/daftar") view=budaya::RegisterPage ssr=SsrMode::Async />
                            <Route path=path!("/budaya/acara/:slug/kelola") view=budaya::ListingConsolePage ssr=SsrMode::Async />
                            <Route path=path!("/tiket/:code") view=budaya::TicketPage ssr=SsrMode::Async />
                            <Route path=path!("/akun") view=pages::account::AccountPage ssr=SsrMode::Async />
                            <Route path=path!("/akun/masuk") view=akun::SignInPage ssr=SsrMode::Async />
                            <Route path=path!("/akun/daftar") view=akun::SignUpPage ssr=SsrMode::Async />
                            <Route path=path!("/akun/lupa-sandi") view=akun::ForgotPasswordPage ssr=SsrMode::Async />
                            <Route path=path!("/akun/atur-ulang-sandi") view=akun::ResetPasswordPage ssr=SsrMode::Async />
                            <Route path=path!("/akun/notifikasi") view=notifikasi::NotificationsPage ssr=SsrMode::Async />
                            <Route path=path!("/admin/outbox") view=notifikasi::OutboxPage ssr=SsrMode::Async />
                            <Route path=path!("/admin") view=akun::regency::RegencyAdminPage ssr=SsrMode::Async />
                            <Route path=path!("/admin/wilayah") view=akun::regency::VillageImportPage ssr=SsrMode::Async />
                            <Route path=path!("/admin/wilayah/impor/:id") view=akun::regency::ImportPreviewPage ssr=SsrMode::Async />
                            <Route path=path!("/admin/staf") view=akun::regency::StaffAdminPage ssr=SsrMode::Async />
                            <Route path=path!("/admin/akses") view=akun::DataAuditPage ssr=SsrMode::Async />
                            <Route path=path!("/akun/undangan") view=akun::regency::AcceptInvitationPage ssr=SsrMode::Async />
                            <Route path=path!("/desa") view=akun::VillageListPage ssr=SsrMode::Async />
                            <Route path=path!("/desa/:slug") view=pages::village::VillagePage ssr=SsrMode::Async />
                            <Route path=path!("/desa/:slug/kelola") view=pages::village_console::VillageConsolePage ssr=SsrMode::Async />
                        </Routes>
                    </Frame>
                </Router>
            </crate::ui::language::ApplyLanguagePreference>
        </I18nContextProvider>
    }
}

/// Marks `<body data-hydrated="true">` once the wasm has started the islands, so tests (and curious
/// people) can tell a live page from the server-rendered HTML. Effects never run on the server.
#[island]
fn HydrationMarker() -> impl IntoView {
    Effect::new(move |_| {
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-hydrated", "true");
        }
    });
}
