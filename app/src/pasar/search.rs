//! Turning words a buyer types into a search expression (FTS5's syntax; `db::full_text` turns it into a
//! PostgreSQL `tsquery`). Pure and tested: nothing the buyer types can reach either engine's query syntax
//! (quotes, `NEAR`, `-`, `*`, column filters, `&`, `:`), so a search never fails.

/// At most this many words count (the rest are ignored): a long pasted text is not a search.
const MAX_WORDS: usize = 8;

/// Light Indonesian stemming: common suffixes that do not change what a buyer looks for
/// ("batiknya" → "batik", "kopinya" → "kopi", "anyaman" keeps its -an: it is a word of its own).
/// Only particles and possessives are removed; longer affixes would join words that differ in meaning.
fn stem(word: &str) -> &str {
    for suffix in ["nya", "lah", "kah", "pun"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            if stem.chars().count() >= 4 {
                return stem;
            }
        }
    }
    word
}

/// `"Batik tulis!"` → `"batik"* "tulis"*`: every word (letters and digits) must appear, each as the
/// start of a word in the text (prefix search: "bat" finds "batik"). `None` if no word remains.
pub fn fts_query(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(|word| word.to_lowercase())
        .take(MAX_WORDS)
        .map(|word| format!("\"{}\"*", stem(&word)))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_become_prefix_terms_that_must_all_match() {
        assert_eq!(
            fts_query("Batik tulis"),
            Some("\"batik\"* \"tulis\"*".into())
        );
        assert_eq!(fts_query("  kopi  "), Some("\"kopi\"*".into()));
    }

    #[test]
    fn query_syntax_typed_by_a_buyer_is_plain_text() {
        assert_eq!(
            fts_query("\"kopi\" OR -gula NEAR(x) title_id:batik*"),
            Some(
                "\"kopi\"* \"or\"* \"gula\"* \"near\"* \"x\"* \"title\"* \"id\"* \"batik\"*".into()
            )
        );
        assert_eq!(fts_query("*** --- \"\""), None);
        assert_eq!(fts_query(""), None);
    }

    #[test]
    fn particles_are_stemmed_but_short_words_are_kept() {
        assert_eq!(fts_query("batiknya"), Some("\"batik\"*".into()));
        assert_eq!(fts_query("kopilah"), Some("\"kopi\"*".into()));
        // "punya" is a word; "anyaman" keeps its -an.
        assert_eq!(fts_query("anyaman"), Some("\"anyaman\"*".into()));
        assert_eq!(fts_query("tanya"), Some("\"tanya\"*".into()));
    }

    #[test]
    fn long_texts_are_cut_to_a_few_words() {
        let query = fts_query("a b c d e f g h i j k").unwrap();
        assert_eq!(query.matches('*').count(), MAX_WORDS);
    }

    #[test]
    fn letters_beyond_ascii_are_words_too() {
        assert_eq!(fts_query("Kopí Ijen"), Some("\"kopí\"* \"ijen\"*".into()));
    }
}
