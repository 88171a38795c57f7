//! Reading the regency's village list: a CSV in the Kemendagri code format, one village per row —
//! `kode,nama,jenis,kecamatan` (`35.10.16.2005,Kemiren,desa,Glagah`), with or without that header row,
//! comma- or semicolon-separated (a spreadsheet in Indonesian settings saves with `;`). Pure: the
//! preview and the apply step both start here, and every problem is named by its line and column.

use super::{ImportProblem, ImportedVillage};
use crate::akun::VillageKind;

/// Bigger than any regency's list (Banyuwangi has 217 villages; the largest regencies ~600).
pub const MAX_ROWS: usize = 5_000;
pub const MAX_BYTES: usize = 1_000_000;

/// What a file holds: the villages read, and the problems found. The file goes in only without problems.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct ParsedList {
    pub villages: Vec<ImportedVillage>,
    pub problems: Vec<ImportProblem>,
}

fn problem(line: usize, column: &str, error: &str) -> ImportProblem {
    ImportProblem {
        line,
        column: column.to_string(),
        error: error.to_string(),
    }
}

/// `35.10.16.2005` → the kecamatan `35.10.16` and kabupaten `35.10`; `None` when it is not that shape.
pub fn split_code(code: &str) -> Option<(String, String)> {
    let parts: Vec<&str> = code.split('.').collect();
    let shape = [2, 2, 2, 4];
    if parts.len() != 4
        || parts
            .iter()
            .zip(shape)
            .any(|(part, len)| part.len() != len || !part.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    Some((parts[..3].join("."), parts[..2].join(".")))
}

/// Kemendagri numbers kelurahan 1xxx and desa 2xxx.
fn kind_by_number(code: &str) -> Option<VillageKind> {
    match code.rsplit('.').next()?.as_bytes().first()? {
        b'1' => Some(VillageKind::Kelurahan),
        b'2' => Some(VillageKind::Desa),
        _ => None,
    }
}

/// Names as written, with runs of spaces closed up (spreadsheets keep stray ones).
fn clean(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn parse(text: &str) -> ParsedList {
    let mut parsed = ParsedList::default();
    let text = text.trim_start_matches('\u{feff}');
    if text.trim().is_empty() {
        parsed.problems.push(problem(0, "file", "import_empty"));
        return parsed;
    }
    if text.len() > MAX_BYTES {
        parsed.problems.push(problem(0, "file", "import_too_large"));
        return parsed;
    }
    let first_line = text.lines().next().unwrap_or_default();
    let delimiter = if first_line.matches(';').count() > first_line.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut kabupaten: Option<String> = None;
    let mut codes = std::collections::HashSet::new();
    let mut kecamatan_names = std::collections::HashMap::<String, (String, usize)>::new();
    for (index, record) in reader.records().enumerate() {
        let line = index + 1;
        let record = match record {
            Ok(record) => record,
            Err(_) => {
                parsed
                    .problems
                    .push(problem(line, "file", "import_unreadable_line"));
                continue;
            }
        };
        if record.iter().all(str::is_empty) {
            continue;
        }
        let field = |at: usize| record.get(at).map(clean).unwrap_or_default();
        let code = field(0);
        if line == 1 && !code.starts_with(|c: char| c.is_ascii_digit()) {
            continue; // the header row
        }
        if parsed.villages.len() >= MAX_ROWS {
            parsed
                .problems
                .push(problem(line, "file", "import_too_many_rows"));
            break;
        }
        if record.len() < 4 {
            parsed
                .problems
                .push(problem(line, "file", "import_missing_columns"));
            continue;
        }
        let (name, kind_text, kecamatan_name) = (field(1), field(2).to_lowercase(), field(3));
        let mut row_ok = true;
        let mut report = |column: &str, error: &str| {
            parsed.problems.push(problem(line, column, error));
            row_ok = false;
        };
        let Some((kecamatan_code, kabupaten_code)) = split_code(&code) else {
            report("kode", "import_code_format");
            continue;
        };
        match &kabupaten {
            None => kabupaten = Some(kabupaten_code.clone()),
            Some(first) if *first != kabupaten_code => report("kode", "import_other_kabupaten"),
            Some(_) => {}
        }
        if !codes.insert(code.clone()) {
            report("kode", "import_duplicate_code");
        }
        if name.is_empty() {
            report("nama", "import_name_missing");
        } else if name.chars().count() > 100 {
            report("nama", "import_name_too_long");
        }
        let kind = VillageKind::from_code(&kind_text);
        match kind {
            None => report("jenis", "import_kind_unknown"),
            Some(kind) if kind_by_number(&code) != Some(kind) => {
                report("jenis", "import_kind_mismatch")
            }
            Some(_) => {}
        }
        if kecamatan_name.is_empty() {
            report("kecamatan", "import_kecamatan_missing");
        } else if let Some((known, _)) = kecamatan_names.get(&kecamatan_code) {
            if !known.eq_ignore_ascii_case(&kecamatan_name) {
                report("kecamatan", "import_kecamatan_conflict");
            }
        } else {
            kecamatan_names.insert(kecamatan_code.clone(), (kecamatan_name.clone(), line));
        }
        if let (true, Some(kind)) = (row_ok, kind) {
            parsed.villages.push(ImportedVillage {
                line,
                code,
                name,
                kind,
                kecamatan_code,
                kecamatan_name,
            });
        }
    }
    if parsed.villages.is_empty() && parsed.problems.is_empty() {
        parsed.problems.push(problem(0, "file", "import_empty"));
    }
    parsed
}

/// A page address from a village's name: `Kampung Anyar` → `kampung-anyar`.
pub fn slugify(name: &str) -> String {
    let mut slug = String::new();
    for character in name.to_lowercase().chars() {
        let character = match character {
            'é' | 'è' | 'ê' => 'e',
            'á' | 'à' | 'â' => 'a',
            'ó' | 'ò' | 'ô' => 'o',
            'ú' | 'ù' | 'û' => 'u',
            'í' | 'ì' | 'î' => 'i',
            other => other,
        };
        if character.is_ascii_alphanumeric() {
            slug.push(character);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-').to_string();
    if slug.is_empty() {
        "desa".to_string()
    } else {
        slug
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(parsed: &ParsedList) -> Vec<(usize, &str, &str)> {
        parsed
            .problems
            .iter()
            .map(|p| (p.line, p.column.as_str(), p.error.as_str()))
            .collect()
    }

    #[test]
    fn the_shipped_demo_list_reads_without_problems() {
        let parsed = parse(include_str!("../../demo/wilayah-banyuwangi.csv"));
        assert_eq!(errors(&parsed), vec![]);
        assert_eq!(parsed.villages.len(), 6);
        let kemiren = &parsed.villages[0];
        assert_eq!(
            (kemiren.code.as_str(), kemiren.name.as_str(), kemiren.kind),
            ("35.10.16.2005", "Kemiren", VillageKind::Desa)
        );
        assert_eq!(
            (
                kemiren.kecamatan_code.as_str(),
                kemiren.kecamatan_name.as_str()
            ),
            ("35.10.16", "Glagah")
        );
    }

    #[test]
    fn semicolons_quotes_a_byte_order_mark_and_no_header_are_read() {
        let parsed = parse("\u{feff}35.10.16.2005;\"Kemiren\";Desa;Glagah\r\n35.10.16.1002; Bakungan ;kelurahan;Glagah\r\n");
        assert_eq!(errors(&parsed), vec![]);
        assert_eq!(parsed.villages[1].name, "Bakungan");
        assert_eq!(parsed.villages[0].kind, VillageKind::Desa);
    }

    #[test]
    fn each_problem_is_named_by_line_and_column() {
        let parsed = parse(
            "kode,nama,jenis,kecamatan\n\
             35.10.16.2005,Kemiren,desa,Glagah\n\
             35.10.16.205,Pendek,desa,Glagah\n\
             35.10.16.2005,Kemiren Lagi,desa,Glagah\n\
             35.10.16.2007,,desa,Glagah\n\
             35.10.16.1008,Salah Jenis,desa,Glagah\n\
             35.10.16.2009,Dusun,kampung,Glagah\n\
             35.10.16.2010,Beda Kecamatan,desa,Giri\n\
             35.11.01.2001,Bondowoso,desa,Maesan\n\
             35.10.16.2011,Kurang\n",
        );
        assert_eq!(
            errors(&parsed),
            vec![
                (3, "kode", "import_code_format"),
                (4, "kode", "import_duplicate_code"),
                (5, "nama", "import_name_missing"),
                (6, "jenis", "import_kind_mismatch"),
                (7, "jenis", "import_kind_unknown"),
                (8, "kecamatan", "import_kecamatan_conflict"),
                (9, "kode", "import_other_kabupaten"),
                (10, "file", "import_missing_columns"),
            ]
        );
        assert_eq!(parsed.villages.len(), 1);
    }

    #[test]
    fn an_empty_file_or_a_header_alone_is_a_problem() {
        assert_eq!(errors(&parse("")), vec![(0, "file", "import_empty")]);
        assert_eq!(
            errors(&parse("kode,nama,jenis,kecamatan\n")),
            vec![(0, "file", "import_empty")]
        );
    }

    #[test]
    fn a_regency_sized_list_is_read() {
        let mut text = String::from("kode,nama,jenis,kecamatan\n");
        for kecamatan in 1..=25 {
            for village in 1..=30 {
                text.push_str(&format!(
                    "35.10.{kecamatan:02}.{},Desa {kecamatan} {village},desa,Kecamatan {kecamatan}\n",
                    2000 + village
                ));
            }
        }
        let parsed = parse(&text);
        assert_eq!(parsed.problems, vec![]);
        assert_eq!(parsed.villages.len(), 750);
    }

    #[test]
    fn slugs_are_plain_words_joined_by_dashes() {
        assert_eq!(slugify("Kampung Anyar"), "kampung-anyar");
        assert_eq!(slugify("  Kebon  Agung (Baru) "), "kebon-agung-baru");
        assert_eq!(slugify("Sumberréjo"), "sumberrejo");
        assert_eq!(slugify("—"), "desa");
    }
}
