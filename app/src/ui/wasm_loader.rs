//! Starts the islands' wasm, and only where scripts run.
//!
//! Leptos' `HydrationScripts` writes `<link rel="modulepreload">` and `<link rel="preload">` for the JS
//! and the wasm into the page, and a browser honours them with JavaScript off too: a phone with scripts
//! off (or Opera Mini, or a reader mode) downloads ~34 KiB it can never run, which on slow 3G is a
//! second of the page's load. Here one small inline script fetches them once the page has loaded, and
//! only where scripts run, then starts the islands. The same script carries the client-side router
//! (`navigation.rs`), which works before the wasm arrives.

use leptos::prelude::*;

/// File names of the bundle this binary was built with: `pkg/<name>.<hash>.js` / `.wasm` in release
/// builds (from cargo-leptos' `hash.txt` next to the binary), unhashed otherwise, as Leptos'
/// `HydrationScripts` names them.
#[derive(Clone, Debug, PartialEq, Eq)]
struct BundleFiles {
    js: String,
    wasm: String,
}

impl BundleFiles {
    fn of(options: &LeptosOptions) -> Self {
        let pkg = format!("/{}", options.site_pkg_dir);
        let name = options.output_name.to_string();
        let hashes = options
            .hash_files
            .then(|| {
                let binary = std::env::current_exe().ok()?;
                std::fs::read_to_string(binary.parent()?.join(options.hash_file.as_ref())).ok()
            })
            .flatten();
        match hashes {
            Some(hashes) => Self::hashed(&pkg, &name, &hashes),
            // cargo-leptos names the wasm after the output name; a plain wasm-bindgen build adds `_bg`.
            None => Self {
                js: format!("{pkg}/{name}.js"),
                wasm: match option_env!("LEPTOS_OUTPUT_NAME") {
                    Some(_) => format!("{pkg}/{name}.wasm"),
                    None => format!("{pkg}/{name}_bg.wasm"),
                },
            },
        }
    }

    /// `hash.txt` holds lines such as `js: 6lF4rfsylEL0kDrL0geWdg`.
    fn hashed(pkg: &str, name: &str, hashes: &str) -> Self {
        let hash_of = |file: &str| {
            hashes.lines().find_map(|line| {
                let (kind, hash) = line.split_once(':')?;
                (kind.trim() == file).then(|| hash.trim().to_string())
            })
        };
        let file = |kind: &str| match hash_of(kind) {
            Some(hash) => format!("{pkg}/{name}.{hash}.{kind}"),
            None => format!("{pkg}/{name}.{kind}"),
        };
        Self {
            js: file("js"),
            wasm: file("wasm"),
        }
    }
}

/// The script: once the page has loaded (its photos first: on a slow link the ~110 KiB of islands would
/// otherwise compete with the page's main photo) and the browser is idle, the wasm is fetched and each
/// `<leptos-island>` comes alive, children before their parents' children callbacks as Leptos expects.
/// Links and forms do not wait for it: the router in the same script works from the start.
const LOADER: &str = r#"((js, wasm) => {
  const childrenCallbacks = [];
  // Each island starts in its own task, so no single long task keeps a slow phone from answering a tap.
  const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));
  const hydrateIsland = async (element, id, mod) => {
    const island = mod[id];
    if (!island) return console.warn(`no wasm function for the island ${id}`);
    const callback = childrenCallbacks[childrenCallbacks.length - 1];
    if (callback) callback();
    // The server's HTML of a live island: the router keeps it running where a new page renders the same.
    element.$$server = element.outerHTML;
    element.$$hydrated = true;
    await island(element);
  };
  const traverse = async (node, mod) => {
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const tag = node.tagName.toLowerCase();
    if (tag === 'leptos-island' && !node.$$hydrated) {
      await nextTask();
      await hydrateIsland(node, node.dataset.component || null, mod);
    }
    if (tag === 'leptos-children') childrenCallbacks.push(node.$$on_hydrate);
    for (const child of node.children) await traverse(child, mod);
    if (tag === 'leptos-children') childrenCallbacks.pop();
  };
  const start = () =>
    import(js).then((mod) => {
      return mod.default({ module_or_path: wasm }).then(() => {
        // The router starts the islands of each page it swaps in.
        window.__skHydrate = (root) => traverse(root, mod);
        mod.hydrate();
        return traverse(document.body, mod);
      });
    });
  const whenIdle = () => ('requestIdleCallback' in window ? requestIdleCallback(start) : start());
  if (document.readyState === 'complete') whenIdle();
  else addEventListener('load', whenIdle);
})"#;

/// Put in the `<head>` instead of Leptos' `HydrationScripts` (islands mode).
#[component]
pub fn WasmLoader(options: LeptosOptions) -> impl IntoView {
    static FILES: std::sync::OnceLock<BundleFiles> = std::sync::OnceLock::new();
    let files = FILES.get_or_init(|| BundleFiles::of(&options));
    // What `HydrationScripts` does in islands mode besides the script: the server renders islands as
    // fresh HTML, not as hydration of an earlier render.
    if let Some(context) = Owner::current_shared_context() {
        context.set_is_hydrating(false);
    }
    let nonce = leptos::nonce::use_nonce();
    let script = format!(
        "{LOADER}({:?}, {:?});\n{}",
        files.js,
        files.wasm,
        super::navigation::ROUTER
    );
    view! { <script nonce=nonce>{script}</script> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_names_come_from_hash_txt() {
        let files =
            BundleFiles::hashed("/pkg", "smart-kampung", "js: abc\nwasm: DEF_1\ncss: zzz\n");
        assert_eq!(files.js, "/pkg/smart-kampung.abc.js");
        assert_eq!(files.wasm, "/pkg/smart-kampung.DEF_1.wasm");
    }
}
