//! Market search words: what a buyer types, turned into terms both engines match, and the roots of a
//! product's words kept beside its text so "membatik" finds "batik" and "anyaman" finds "anyam".
//!
//! Indonesian builds words with prefixes, suffixes and confixes (me-/mem-/meng-/ber-/di-/pe-/ke-…-an,
//! -kan, -an, -i, -nya): Sastrawi's stemmer (Nazief–Adriani with Enhanced Confix Stripping, checked
//! against its dictionary of about 26 000 root words, so "bambu" stays "bambu") reduces them to the root.
//! English titles and descriptions go through Snowball's English (Porter2) stemmer. Both the index
//! ([`stems_of_product`], stored in `products.search_stems`) and the query ([`SearchWords::parse`]) use
//! the same two, so a word and its root meet whichever of them the seller or the buyer wrote.
//!
//! Nothing the buyer types reaches either engine's query syntax (quotes, `NEAR`, `-`, `*`, column
//! filters, `&`, `:`): words are letters and digits only, so a search never fails.

use std::sync::OnceLock;

/// At most this many words count (the rest are ignored): a long pasted text is not a search.
const MAX_WORDS: usize = 8;
/// Shorter words are left as they are: "tas", "kain" have no affixes to remove, and a two-letter "di"
/// must not become nothing.
const MIN_STEMMED_LENGTH: usize = 4;

/// One typed word and the roots it may stand for (those different from the word itself).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Term {
    word: String,
    roots: Vec<String>,
}

/// The words of a search, each matching as typed (as the start of a word: "bat" finds "batik") or by
/// one of its roots; every word must match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchWords {
    terms: Vec<Term>,
}

impl SearchWords {
    /// `"Membatik tulis!"` → the words "membatik" (or its root "batik") and "tulis". `None` if no word
    /// remains.
    pub fn parse(text: &str) -> Option<SearchWords> {
        let terms: Vec<Term> = words(text)
            .take(MAX_WORDS)
            .map(|word| {
                let mut roots = Vec::new();
                for root in roots_of(&word) {
                    if root != word && !roots.contains(&root) {
                        roots.push(root);
                    }
                }
                Term { word, roots }
            })
            .collect();
        (!terms.is_empty()).then_some(SearchWords { terms })
    }

    /// FTS5: `("membatik"* OR "batik") AND "tulis"*` (FTS5 has no implicit AND after a group).
    pub fn fts5(&self) -> String {
        self.terms
            .iter()
            .map(|term| {
                let typed = format!("\"{}\"*", term.word);
                if term.roots.is_empty() {
                    typed
                } else {
                    let roots: Vec<String> = term
                        .roots
                        .iter()
                        .map(|root| format!("\"{root}\""))
                        .collect();
                    format!("({typed} OR {})", roots.join(" OR "))
                }
            })
            .collect::<Vec<_>>()
            .join(" AND ")
    }

    /// PostgreSQL `tsquery`: `(membatik:* | batik) & tulis:*`.
    pub fn tsquery(&self) -> String {
        self.terms
            .iter()
            .map(|term| {
                let typed = format!("{}:*", term.word);
                if term.roots.is_empty() {
                    typed
                } else {
                    format!("({typed} | {})", term.roots.join(" | "))
                }
            })
            .collect::<Vec<_>>()
            .join(" & ")
    }
}

/// Lowercased words of letters and digits.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
}

struct Stemmers {
    indonesian: sastrawi::Dictionary,
    english: rust_stemmers::Stemmer,
}

fn stemmers() -> &'static Stemmers {
    static STEMMERS: OnceLock<Stemmers> = OnceLock::new();
    STEMMERS.get_or_init(|| Stemmers {
        indonesian: sastrawi::Dictionary::new(),
        english: rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English),
    })
}

/// The Indonesian root of a word ("pembatik" → "batik"); the word itself when it has none.
pub fn indonesian_root(word: &str) -> String {
    if word.chars().count() < MIN_STEMMED_LENGTH || !word.chars().all(|c| c.is_ascii_alphabetic()) {
        return word.to_string();
    }
    let stemmers = stemmers();
    sastrawi::Stemmer::new(&stemmers.indonesian)
        .stem_word(word)
        .into_owned()
}

/// The English stem of a word ("baskets" → "basket").
pub fn english_root(word: &str) -> String {
    if word.chars().count() < MIN_STEMMED_LENGTH {
        return word.to_string();
    }
    stemmers().english.stem(word).into_owned()
}

/// A typed word may be either language: both roots are tried, except that a word of the Indonesian
/// dictionary is taken as Indonesian ("tulis" is not the English "tuli" + s).
fn roots_of(word: &str) -> Vec<String> {
    if stemmers().indonesian.find(word) {
        return vec![word.to_string()];
    }
    vec![indonesian_root(word), english_root(word)]
}

/// The text stored in `products.search_stems`: every distinct root of the product's Indonesian words
/// (title and description) and English words (title and description), space-separated.
pub fn stems_of_product(
    title_id: &str,
    title_en: Option<&str>,
    description_id: &str,
    description_en: Option<&str>,
) -> String {
    let mut roots: Vec<String> = Vec::new();
    let mut add = |root: String| {
        if !roots.contains(&root) {
            roots.push(root);
        }
    };
    for word in words(title_id).chain(words(description_id)) {
        add(indonesian_root(&word));
    }
    for word in words(title_en.unwrap_or_default()).chain(words(description_en.unwrap_or_default()))
    {
        add(english_root(&word));
    }
    roots.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fts(text: &str) -> Option<String> {
        SearchWords::parse(text).map(|words| words.fts5())
    }

    /// Real pairs from village commerce: the form a buyer or seller writes, and the root both meet at.
    const INDONESIAN_PAIRS: &[(&str, &str)] = &[
        ("membatik", "batik"),
        ("pembatik", "batik"),
        ("batiknya", "batik"),
        ("anyaman", "anyam"),
        ("menganyam", "anyam"),
        ("dianyam", "anyam"),
        ("tenunan", "tenun"),
        ("menenun", "tenun"),
        ("ukiran", "ukir"),
        ("mengukir", "ukir"),
        ("lukisan", "lukis"),
        ("pewarna", "warna"),
        ("berwarna", "warna"),
        ("disangrai", "sangrai"),
        ("dikeringkan", "kering"),
        ("perhiasan", "hias"),
        ("kopinya", "kopi"),
        // Roots stay roots: the dictionary keeps words that only look affixed.
        ("bambu", "bambu"),
        ("batik", "batik"),
        ("kopi", "kopi"),
        ("madu", "madu"),
        ("selendang", "selendang"),
        ("pandan", "pandan"),
        ("rotan", "rotan"),
        ("gerabah", "gerabah"),
        ("sangrai", "sangrai"),
    ];

    const ENGLISH_PAIRS: &[(&str, &str)] = &[
        ("baskets", "basket"),
        ("roasted", "roast"),
        ("beans", "bean"),
        ("masks", "mask"),
        ("painting", "paint"),
        ("paintings", "paint"),
        ("honey", "honey"),
        ("scarf", "scarf"),
    ];

    #[test]
    fn indonesian_words_meet_their_roots() {
        for (word, root) in INDONESIAN_PAIRS {
            assert_eq!(indonesian_root(word), *root, "{word}");
        }
    }

    #[test]
    fn english_words_meet_their_stems() {
        for (word, stem) in ENGLISH_PAIRS {
            assert_eq!(english_root(word), *stem, "{word}");
        }
    }

    #[test]
    fn a_typed_word_matches_as_typed_or_by_its_root() {
        assert_eq!(
            fts("Membatik tulis"),
            Some("(\"membatik\"* OR \"batik\") AND \"tulis\"*".into())
        );
        assert_eq!(
            SearchWords::parse("anyaman bambu").unwrap().tsquery(),
            "(anyaman:* | anyam) & bambu:*"
        );
        assert_eq!(fts("  kopi  "), Some("\"kopi\"*".into()));
        // Both languages' roots when they differ ("baskets": English "basket").
        assert_eq!(fts("baskets"), Some("(\"baskets\"* OR \"basket\")".into()));
    }

    #[test]
    fn a_product_stores_the_roots_of_its_words() {
        let stems = stems_of_product(
            "Tas Anyaman Bambu",
            Some("Woven bamboo baskets"),
            "Dianyam tangan oleh pengrajin",
            None,
        );
        let stems: Vec<&str> = stems.split(' ').collect();
        for root in ["anyam", "bambu", "tas", "basket", "woven", "tangan"] {
            assert!(stems.contains(&root), "{root} in {stems:?}");
        }
        // Each root once.
        assert_eq!(stems.iter().filter(|root| **root == "anyam").count(), 1);
    }

    #[test]
    fn query_syntax_typed_by_a_buyer_is_plain_text() {
        let query = fts("\"kopi\" OR -gula NEAR(x) title_id:batik*").unwrap();
        assert!(!query.contains("NEAR("), "{query}");
        assert!(query.contains("\"near\"*"), "{query}");
        assert!(!query.contains(':'), "{query}");
        assert_eq!(fts("*** --- \"\""), None);
        assert_eq!(fts(""), None);
        let tsquery = SearchWords::parse("a&b: c|d !e").unwrap().tsquery();
        assert!(
            tsquery.split(" & ").all(|term| term
                .trim_end_matches(":*")
                .chars()
                .all(char::is_alphanumeric)),
            "{tsquery}"
        );
    }

    #[test]
    fn long_texts_are_cut_to_a_few_words() {
        let query = fts("aa bb cc dd ee ff gg hh ii jj kk").unwrap();
        assert_eq!(query.matches('*').count(), MAX_WORDS);
    }

    #[test]
    fn letters_beyond_ascii_are_words_too() {
        assert_eq!(fts("Kopí Ijen"), Some("\"kopí\"* AND \"ijen\"*".into()));
    }
}
