//! The intended layering, written down as a test (like the authorization matrix): it reads
//! `app/src/**` and fails when a module names a layer it may not use.
//!
//! - `kernel` (pure pieces: dates, codes, money, text inputs) names no other part of the app but
//!   `error` and `format`.
//! - `ui` (shared components) names no domain.
//! - A pillar (`pasar`, `layanan`, `budaya`) names no other pillar; `akun` names none either. Every pillar
//!   may use `akun` (who is asking, may they), `notifikasi` (telling a person), `media` (photos),
//!   `kernel` and `ui`.
//! - `app.rs` (the router), `pages` and `demo` compose pillars and may name any of them.
//!
//! A crossing that must stay for a while goes into [`KNOWN_EXCEPTIONS`] with the reason and the plan to
//! remove it (the list is empty now; the old tree had 24 crossings, see issue 13). The list only
//! shrinks: a new crossing fails, and so does an exception that no longer happens.

const PILLARS: [&str; 3] = ["pasar", "layanan", "budaya"];
const DOMAINS: [&str; 6] = ["akun", "pasar", "layanan", "budaya", "notifikasi", "media"];
const COMPOSERS: [&str; 4] = ["app", "pages", "demo", "lib"];

/// `(file under app/src, layer it names)` that break the rules today.
const KNOWN_EXCEPTIONS: &[(&str, &str)] = &[];

/// The layers a file names as `crate::<layer>` (also inside `use crate::{…}`), outside comments and
/// outside its `#[cfg(test)]` module (tests may use the demo data and anything else; a module's tests
/// kept in a file of their own, `tests.rs`, are skipped whole).
fn named_layers(source: &str) -> std::collections::BTreeSet<String> {
    let code = match source.find("#[cfg(test)]\nmod tests") {
        Some(tests) => &source[..tests],
        None => source,
    };
    let code: String = code
        .lines()
        .map(|line| match line.find("//") {
            Some(comment) => &line[..comment],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n");
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

/// Whether a file in `home_layer` may name `layer`.
fn allowed(home_layer: &str, layer: &str) -> bool {
    if home_layer == layer || COMPOSERS.contains(&home_layer) {
        return true;
    }
    match home_layer {
        "kernel" => matches!(layer, "error" | "format"),
        "ui" => !DOMAINS.contains(&layer) && !matches!(layer, "demo" | "pages"),
        "akun" | "notifikasi" | "media" => !PILLARS.contains(&layer) && layer != "demo",
        pillar if PILLARS.contains(&pillar) => !PILLARS.contains(&layer) && layer != "demo",
        _ => true,
    }
}

/// Every crossing of the rules in the tree under `root`: `(file, layer)`.
fn crossings(root: &std::path::Path) -> Vec<(String, String)> {
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
    let mut found = Vec::new();
    for path in files {
        let relative = path
            .strip_prefix(root)
            .expect("under the root")
            .to_string_lossy()
            .replace('\\', "/");
        let home_layer = relative
            .split('/')
            .next()
            .unwrap_or_default()
            .trim_end_matches(".rs")
            .to_string();
        if relative.ends_with("/tests.rs") {
            continue;
        }
        let source = std::fs::read_to_string(&path).expect("a readable source file");
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
}
