//! What the registry asks of a name's letters: its initials, its last word, whether it is
//! an acronym, whether two surnames are one misspelling apart.

pub(super) fn is_acronym_name(s: &str) -> bool {
    !s.contains(' ') && crate::article::text::tokens::is_acronym(s)
}

/// The capital initials of a name's significant words: "United Nations Office on Drugs and
/// Crime" -> "UNODC".
pub(super) fn initials(name: &str) -> String {
    name.split_whitespace().filter(|w| w.starts_with(char::is_uppercase)).filter_map(|w| w.chars().next()).collect()
}

pub(super) fn last_word(name: &str) -> &str {
    name.rsplit(' ').next().unwrap_or(name)
}

/// One edit apart, for surnames of five letters or more (articles misspell names).
pub fn near(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    // One edit changes the length by at most one character, four bytes: most pairs end
    // here. The resolver asks this of every person for every loose surname, serially.
    if a.len().abs_diff(b.len()) > 4 {
        return false;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la.min(lb) < 5 || la.abs_diff(lb) > 1 {
        return false;
    }
    // At most one edit: past the common head and the common tail (which may not overlap
    // it), at most one character is left of the longer word.
    let head = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let tail = a.chars().rev().zip(b.chars().rev()).take_while(|(x, y)| x == y).count().min(la.min(lb) - head);
    la.max(lb) - head - tail <= 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_names() {
        assert!(near("Kowalczyk", "Kowalcyk"));
        assert!(!near("Smith", "Smyth2x"));
        assert!(!near("Ryan", "Ryen"));
        assert!(near("Müller", "Muller"));
        assert!(near("Okafor", "Okafors"));
        assert!(near("Aaaaab", "Aaaab"));
        assert!(!near("Kowalczyk", "Kowalcyzk"), "a swap is two edits");
    }

    /// The linear test agrees with the edit distance it stands for.
    #[test]
    fn near_is_one_edit_of_levenshtein() {
        fn distance(a: &str, b: &str) -> usize {
            let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            let mut prev: Vec<usize> = (0..=b.len()).collect();
            for (i, ca) in a.iter().enumerate() {
                let mut cur = vec![i + 1];
                for (j, cb) in b.iter().enumerate() {
                    cur.push((prev[j + 1] + 1).min(cur[j] + 1).min(prev[j] + usize::from(ca != cb)));
                }
                prev = cur;
            }
            prev[b.len()]
        }
        let words = [
            "Okafor", "Okafar", "Okafo", "Okaffor", "Amadi", "Amadii", "Ammadi", "Müller", "Muller", "Mülle", "abcab",
            "abcba", "bcabc", "aaaaa", "aaaaaa", "aaaab",
        ];
        for a in words {
            for b in words {
                let expected = a == b || a.chars().count().min(b.chars().count()) >= 5 && distance(a, b) <= 1;
                assert_eq!(near(a, b), expected, "{a} / {b}");
            }
        }
    }

    #[test]
    fn initials_of_names() {
        assert_eq!(initials("United Nations Office on Drugs and Crime"), "UNODC");
        assert_eq!(initials("United Nations"), "UN");
    }
}
