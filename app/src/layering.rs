//! The intended layering, written down as a test (like the authorization matrix): it reads
//! `app/src/**` and fails when a module names a layer it may not use.
//!
//! - `kernel` (pure pieces: dates, codes, money, text inputs) names no other part of the app but
//!   `error` and `format`.
//! - `ui` (shared components) names no domain.
//! - A pillar (`pasar`, `layanan`, `budaya`) names no other pillar; `akun` names none either. Every pillar
//!   may use `akun` (who is asking, may they), `notifikasi` (telling a person), `media` (photos),
//!   `kernel` and `ui`.
//! - `skor` (the scorecard) reads the pillars' tables in its queries but names no pillar's code.
//! - `app.rs` (the router), `pages` and `demo` compose pillars and may name any of them.
//!
//! A crossing that must stay for a while goes into [`KNOWN_EXCEPTIONS`] with the reason and the plan to
//! remove it (the list is empty now; the old tree had 24 crossings, see issue 13). The list only
//! shrinks: a new crossing fails, and so does an exception that no longer happens.

const PILLARS: [&str; 3] = ["pasar", "layanan", "budaya"];
const DOMAINS: [&str; 7] = [
    "akun",
    "pasar",
    "layanan",
    "budaya",
    "notifikasi",
    "media",
    "skor",
];
const COMPOSERS: [&str; 4] = ["app", "pages", "demo", "lib"];

/// Who writes each table: only this layer's code inserts, updates or deletes its rows; every other layer
/// calls the owner's functions (reading through a join is fine). The demo data (`demo`) seeds tables
/// directly, and tests may write anything. A new table needs a line here.
const TABLE_OWNERS: &[(&str, &str)] = &[
    ("accounts", "akun"),
    ("known_devices", "akun"),
    ("rate_limit_hits", "akun"),
    ("reset_codes", "akun"),
    ("resident_verifications", "akun"),
    ("sessions", "akun"),
    ("sign_in_failures", "akun"),
    ("staff_roles", "akun"),
    ("staff_invitations", "akun"),
    ("personal_data_views", "akun"),
    ("village_imports", "akun"),
    ("villages", "akun"),
    ("kecamatan", "akun"),
    ("kabupaten", "akun"),
    ("notifications", "notifikasi"),
    ("outbox", "notifikasi"),
    ("photos", "media"),
    ("shops", "pasar"),
    ("products", "pasar"),
    ("product_variants", "pasar"),
    ("product_photos", "pasar"),
    ("cart_items", "pasar"),
    ("orders", "pasar"),
    ("order_items", "pasar"),
    ("order_events", "pasar"),
    ("reviews", "pasar"),
    ("services", "layanan"),
    ("service_fields", "layanan"),
    ("service_hours", "layanan"),
    ("service_requests", "layanan"),
    ("request_answers", "layanan"),
    ("request_documents", "layanan"),
    ("request_events", "layanan"),
    ("village_closed_dates", "layanan"),
    ("letters", "layanan"),
    ("letter_sequences", "layanan"),
    ("complaints", "layanan"),
    ("complaint_replies", "layanan"),
    ("legal_documents", "layanan"),
    ("public_information", "layanan"),
    ("bansos_programmes", "layanan"),
    ("bansos_recipient_counts", "layanan"),
    ("bansos_memberships", "layanan"),
    ("certificates", "budaya"),
    ("events", "budaya"),
    ("event_sessions", "budaya"),
    ("event_registrations", "budaya"),
    ("event_photos", "budaya"),
];

/// The tables a file's code writes: the word after `INSERT … INTO`, `UPDATE` or `DELETE FROM`.
fn written_tables(source: &str) -> std::collections::BTreeSet<String> {
    let code = code_of(source);
    let words: Vec<&str> = code
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|word| !word.is_empty())
        .collect();
    let mut tables = std::collections::BTreeSet::new();
    for (at, word) in words.iter().enumerate() {
        let table = match *word {
            "INTO" if at > 0 && matches!(words[at - 1], "INSERT" | "IGNORE" | "REPLACE") => {
                words.get(at + 1)
            }
            "UPDATE" if words.get(at + 1) != Some(&"SET") => words.get(at + 1),
            "FROM" if at > 0 && words[at - 1] == "DELETE" => words.get(at + 1),
            _ => None,
        };
        if let Some(table) =
            table.filter(|table| table.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
        {
            tables.insert(table.to_string());
        }
    }
    tables
}

#[test]
fn each_table_is_written_by_its_owner_only() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut wrong = Vec::new();
    for (relative, layer, source) in source_files(&root) {
        for table in written_tables(&source) {
            match TABLE_OWNERS.iter().find(|(name, _)| *name == table) {
                // The demo data and the one-way copy into PostgreSQL fill every table directly.
                Some((_, owner))
                    if *owner == layer || layer == "demo" || relative == "db/copy.rs" => {}
                Some((_, owner)) => {
                    wrong.push(format!("{relative} writes {table} (owner: {owner})"))
                }
                None => wrong.push(format!(
                    "{relative} writes {table}, which has no owner in TABLE_OWNERS"
                )),
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// `(file under app/src, layer it names)` that break the rules today.
const KNOWN_EXCEPTIONS: &[(&str, &str)] = &[];

/// The layers a file names as `crate::<layer>` (also inside `use crate::{…}`), outside comments and
/// outside its `#[cfg(test)]` module (tests may use the demo data and anything else; a module's tests
/// kept in a file of their own, `tests.rs`, are skipped whole).
fn named_layers(source: &str) -> std::collections::BTreeSet<String> {
    let code = code_of(source);
    let mut named = std::collections::BTreeSet::new();
    let mut rest = code.as_str();
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for item in group[..end].split(',') {
                let layer = item.trim().split("::").next().unwrap_or_default();
                if !layer.is_empty() {
                    named.insert(layer.to_string());
                }
            }
        } else {
            let layer: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            named.insert(layer);
        }
    }
    named
}

/// A file's code without its `#[cfg(test)]` module and without comments.
fn code_of(source: &str) -> String {
    let code = match source.find("#[cfg(test)]\nmod tests") {
        Some(tests) => &source[..tests],
        None => source,
    };
    code.lines()
        .map(|line| match line.find("//") {
            Some(comment) => &line[..comment],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Whether a file in `home_layer` may name `layer`.
fn allowed(home_layer: &str, layer: &str) -> bool {
    if home_layer == layer || COMPOSERS.contains(&home_layer) {
        return true;
    }
    match home_layer {
        "kernel" => matches!(layer, "error" | "format"),
        "ui" => !DOMAINS.contains(&layer) && !matches!(layer, "demo" | "pages"),
        // The scorecard reads every pillar's tables but names none of their code.
        "akun" | "notifikasi" | "media" | "skor" => !PILLARS.contains(&layer) && layer != "demo",
        pillar if PILLARS.contains(&pillar) => !PILLARS.contains(&layer) && layer != "demo",
        _ => true,
    }
}

/// Every source file under `root` that is not a test module of its own: `(path from root, its layer,
/// its text)`. The layer is the first folder (or the file, for `app.rs`, `db.rs`…).
fn source_files(root: &std::path::Path) -> Vec<(String, String, String)> {
    let mut files = Vec::new();
    let mut folders = vec![root.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("the source folder is readable") {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|extension| extension == "rs") {
                files.push(path);
            }
        }
    }
    let mut sources = Vec::new();
    for path in files {
        let relative = path
            .strip_prefix(root)
            .expect("under the root")
            .to_string_lossy()
            .replace('\\', "/");
        // Test modules in files of their own (this file among them) may use anything.
        if relative.ends_with("/tests.rs") || relative == "layering.rs" {
            continue;
        }
        let layer = relative
            .split('/')
            .next()
            .unwrap_or_default()
            .trim_end_matches(".rs")
            .to_string();
        let source = std::fs::read_to_string(&path).expect("a readable source file");
        sources.push((relative, layer, source));
    }
    sources.sort();
    sources
}

/// Every crossing of the rules in the tree under `root`: `(file, layer)`.
fn crossings(root: &std::path::Path) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for (relative, home_layer, source) in source_files(root) {
        for layer in named_layers(&source) {
            if !allowed(&home_layer, &layer) {
                found.push((relative.clone(), layer));
            }
        }
    }
    found.sort();
    found
}

#[test]
fn each_layer_names_only_what_it_may() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let found = crossings(&root);
    let new: Vec<_> = found
        .iter()
        .filter(|(file, layer)| !KNOWN_EXCEPTIONS.contains(&(file.as_str(), layer.as_str())))
        .collect();
    assert!(
        new.is_empty(),
        "layers crossed (see app/src/layering.rs for the rules): {new:?}"
    );
    let gone: Vec<_> = KNOWN_EXCEPTIONS
        .iter()
        .filter(|(file, layer)| !found.iter().any(|(f, l)| f == file && l == layer))
        .collect();
    assert!(
        gone.is_empty(),
        "these exceptions no longer happen: take them off KNOWN_EXCEPTIONS: {gone:?}"
    );
}

#[test]
fn the_reader_finds_paths_groups_and_skips_comments_and_tests() {
    let source = "use crate::{akun::access, kernel};\n// crate::pasar in a comment\nfn f() { crate::budaya::x(); }\n#[cfg(test)]\nmod tests { crate::demo::y(); }\n";
    let named: Vec<String> = named_layers(source).into_iter().collect();
    assert_eq!(named, ["akun", "budaya", "kernel"]);
    assert!(!allowed("kernel", "akun"));
    assert!(allowed("kernel", "format"));
    assert!(!allowed("ui", "notifikasi"));
    assert!(allowed("ui", "kernel"));
    assert!(!allowed("pasar", "budaya"));
    assert!(allowed("pasar", "akun"));
    assert!(!allowed("akun", "pasar"));
    assert!(allowed("pages", "pasar"));
    let sql = "sqlx::query(\"UPDATE shops SET x = 1\"); \"INSERT OR IGNORE INTO cart_items\" \"DELETE FROM sessions\" \"ON CONFLICT DO UPDATE SET\"";
    let written: Vec<String> = written_tables(sql).into_iter().collect();
    assert_eq!(written, ["cart_items", "sessions", "shops"]);
}
