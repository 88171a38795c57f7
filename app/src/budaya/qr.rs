//! The QR code on a ticket, drawn as inline SVG on the server: it needs no image request, so a ticket
//! page once opened still shows its code without a connection.

/// An SVG QR code for `text` (a ticket URL), or an empty string if the text cannot be encoded.
pub fn svg(text: &str) -> String {
    use qrcode::render::svg;
    match qrcode::QrCode::with_error_correction_level(text, qrcode::EcLevel::M) {
        Ok(code) => code
            .render::<svg::Color<'_>>()
            .min_dimensions(220, 220)
            .quiet_zone(true)
            .build(),
        Err(error) => {
            tracing::error!(%error, "ticket URL does not fit in a QR code");
            String::new()
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_ticket_url_becomes_an_svg() {
        let svg = super::svg("https://kampung.example/tiket/K7MQ4XPZ");
        assert!(svg.contains("<svg"), "{svg}");
        assert!(svg.contains("</svg>"));
    }
}
